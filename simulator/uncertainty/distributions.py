"""Probability distributions a director can put on any numeric parameter.

Six families (MODEL.md §3.9), each a small frozen value object that checks itself on creation and
maps uniform numbers ``u`` in (0, 1) to parameter values through its inverse CDF (``ppf``). All
sampling, correlation and Sobol analysis happens in ``u``-space; the distribution only says how to
turn ``u`` into euros, fractions or exponents.

Families (YAML ``dist:`` name → Python → what the numbers mean):

* bare number or ``fixed`` → ``Fixed(value)``: no uncertainty, always ``value``.
* ``uniform`` → ``Uniform(low, high)``: every value in [low, high] equally likely.
* ``triangular`` → ``Triangular(low, mode, high)``: most likely ``mode``, never outside the range.
* ``pert`` → ``Pert(low, mode, high, lamb=4)``: like triangular but smoother, with the mean closer
  to the mode: mean = (low + λ·mode + high)/(λ + 2).
* ``truncnormal`` → ``TruncNormal(mu, sigma, low=-inf, high=inf)``: bell curve with centre
  ``mean`` and spread ``sd`` (YAML names of ``mu``, ``sigma``), optionally cut at ``low``/``high``.
* ``lognormal`` → ``LogNormal(median, p90)``: positive, skewed upwards; half the draws below
  ``median``, one in ten above ``p90`` (YAML also accepts ``mean`` + ``sd``).

A range of zero width (``low == high``, ``sd == 0``, ``p90 == median``) is allowed and behaves like
``Fixed``: ``ppf`` then returns the value exactly, so a Monte Carlo run on degenerate distributions
reproduces the deterministic result bit for bit. Errors are :class:`~simulator.errors.InputError`
naming the field (``high``, ``mode``, ``sd`` …); :func:`parse_distribution` prefixes the caller's
field path, e.g. ``parameters.finance.discount_rate.high``.

References
----------
Vose, D. (2008). *Risk Analysis: A Quantitative Guide*, 3rd ed., Wiley — ch. 9 (PERT, triangular).
Malcolm, D. G., Roseboom, J. H., Clark, C. E., Fazar, W. (1959). Application of a technique for
research and development program evaluation. *Operations Research* 7(5), 646–669.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

import numpy as np

from simulator.errors import InputError
from simulator.messages import Message, msg
from simulator.uncertainty._beta import beta_ppf
from simulator.uncertainty._lazy import lazy_module

special = lazy_module("scipy.special")
stats = lazy_module("scipy.stats")

#: Standard normal 90th percentile, Φ⁻¹(0.9) (a literal so that importing this module needs no
#: scipy; ``tests`` check it against ``scipy.special.ndtri(0.9)``).
Z90 = 1.2815515655446004


def _number(name: str, value: Any, *, allow_inf: bool = False) -> float:
    """Return ``value`` as float, or raise InputError(name) if it is not a (finite) number."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise InputError(name, msg("schema.number", "expected a number, got {input}", input=repr(value)[:40]))
    value = float(value)
    if math.isnan(value) or (math.isinf(value) and not allow_inf):
        raise InputError(name, msg("schema.finite", "expected a finite number, got {input}", input=str(value)))
    return value


def _negative_sd(value: float) -> Message:
    return msg("distribution.negative_sd", "the standard deviation cannot be negative, got {value}", value=value)


def _order(low: float, high: float, low_name: str = "low", high_name: str = "high") -> None:
    if low > high:
        raise InputError(high_name, msg("distribution.order", "{high_name} ({high}) is below {low_name} ({low}): "
                                        "impossible range", high_name=high_name, high=high, low_name=low_name, low=low))


def _constant(value: float, u: np.ndarray) -> np.ndarray:
    return np.full(np.shape(u), value, dtype=float)


class Distribution(ABC):
    """A univariate distribution used for one parameter.

    Subclasses are frozen dataclasses; ``ppf`` is vectorised and is the only way values are drawn.
    """

    kind: ClassVar[str]
    __slots__ = ()

    @abstractmethod
    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF: the value below which a share ``u`` of draws fall (vectorised)."""

    @property
    @abstractmethod
    def mean(self) -> float:
        """Expected value."""

    @property
    @abstractmethod
    def base(self) -> float:
        """The central value a director would quote (mode, median or fixed value).

        Used as the 'everything else at base' point of the tornado.
        """

    @property
    @abstractmethod
    def is_degenerate(self) -> bool:
        """True when the distribution is a single point (no uncertainty)."""

    def quantile(self, q: float) -> float:
        """Scalar quantile ``ppf(q)``."""
        return float(self.ppf(np.array([q], dtype=float))[0])

    @property
    def p10(self) -> float:
        """10th percentile (low end of the tornado bar)."""
        return self.quantile(0.1)

    @property
    def median(self) -> float:
        """50th percentile."""
        return self.quantile(0.5)

    @property
    def p90(self) -> float:
        """90th percentile (high end of the tornado bar)."""
        return self.quantile(0.9)

    @property
    def bounds(self) -> tuple[float, float]:
        """Support ``(ppf(0), ppf(1))``, possibly infinite.

        Sobol analysis does not sample in these bounds: it samples ``u`` on [0, 1] and maps it
        through ``ppf`` (see :mod:`simulator.uncertainty.sensitivity`).
        """
        lo, hi = self.ppf(np.array([0.0, 1.0]))
        return float(lo), float(hi)

    def to_dict(self) -> dict[str, Any]:
        """The YAML form, accepted back by :func:`parse_distribution`."""
        out: dict[str, Any] = {"dist": self.kind}
        out.update({f.name: getattr(self, f.name) for f in fields(self)})  # type: ignore[arg-type]
        return out


@dataclass(frozen=True, slots=True)
class Fixed(Distribution):
    """No uncertainty: every draw equals ``value`` exactly."""

    value: float
    kind: ClassVar[str] = "fixed"

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _number("value", self.value))

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return _constant(self.value, u)

    @property
    def mean(self) -> float:
        return self.value

    @property
    def base(self) -> float:
        return self.value

    @property
    def is_degenerate(self) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class Uniform(Distribution):
    """Every value in [low, high] equally likely: ``x = low + (high − low)·u``."""

    low: float
    high: float
    kind: ClassVar[str] = "uniform"

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", _number("low", self.low))
        object.__setattr__(self, "high", _number("high", self.high))
        _order(self.low, self.high)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        if self.is_degenerate:
            return _constant(self.low, u)
        return self.low + (self.high - self.low) * np.asarray(u, dtype=float)

    @property
    def mean(self) -> float:
        return 0.5 * (self.low + self.high)

    @property
    def base(self) -> float:
        return self.mean

    @property
    def is_degenerate(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class Triangular(Distribution):
    """Triangular on [low, high] peaking at ``mode``; mean = (low + mode + high)/3.

    With w = high − low and c = (mode − low)/w the inverse CDF is
    ``low + sqrt(u·w·(mode − low))`` for u < c, else ``high − sqrt((1 − u)·w·(high − mode))``.
    """

    low: float
    mode: float
    high: float
    kind: ClassVar[str] = "triangular"

    def __post_init__(self) -> None:
        for name in ("low", "mode", "high"):
            object.__setattr__(self, name, _number(name, getattr(self, name)))
        _check_mode(self.low, self.mode, self.high)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        if self.is_degenerate:
            return _constant(self.low, u)
        u = np.asarray(u, dtype=float)
        w = self.high - self.low
        c = (self.mode - self.low) / w
        left = self.low + np.sqrt(u * w * (self.mode - self.low))
        right = self.high - np.sqrt((1.0 - u) * w * (self.high - self.mode))
        return np.where(u < c, left, right)

    @property
    def mean(self) -> float:
        return (self.low + self.mode + self.high) / 3.0

    @property
    def base(self) -> float:
        return self.mode

    @property
    def is_degenerate(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class Pert(Distribution):
    """Beta-PERT on [low, high] with most likely value ``mode`` and weight ``lamb`` (λ, default 4).

    ``x = low + (high − low)·Y`` with ``Y ~ Beta(α, β)``, α = 1 + λ(mode − low)/(high − low),
    β = 1 + λ(high − mode)/(high − low); mean = (low + λ·mode + high)/(λ + 2) (Malcolm et al.
    1959; Vose 2008). Larger λ concentrates the draws around the mode.
    """

    low: float
    mode: float
    high: float
    lamb: float = 4.0
    kind: ClassVar[str] = "pert"

    def __post_init__(self) -> None:
        for name in ("low", "mode", "high", "lamb"):
            object.__setattr__(self, name, _number(name, getattr(self, name)))
        _check_mode(self.low, self.mode, self.high)
        if self.lamb <= 0:
            raise InputError("lamb", msg("distribution.pert_weight", "the PERT weight λ must be positive, got {value}",
                                         value=self.lamb))

    @property
    def alpha(self) -> float:
        return 1.0 + self.lamb * (self.mode - self.low) / (self.high - self.low)

    @property
    def beta(self) -> float:
        return 1.0 + self.lamb * (self.high - self.mode) / (self.high - self.low)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        if self.is_degenerate:
            return _constant(self.low, u)
        y = beta_ppf(self.alpha, self.beta, np.asarray(u, dtype=float))
        return self.low + (self.high - self.low) * y

    @property
    def mean(self) -> float:
        return (self.low + self.lamb * self.mode + self.high) / (self.lamb + 2.0)

    @property
    def base(self) -> float:
        return self.mode

    @property
    def is_degenerate(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True, slots=True)
class TruncNormal(Distribution):
    """Normal curve with centre ``mu`` and spread ``sigma``, cut at ``low`` and ``high``.

    In YAML the centre and spread are written ``mean`` and ``sd``: they describe the bell curve
    *before* it is cut, so the expected value (:attr:`mean`) moves when the cut is asymmetric.
    With a = Φ((low − μ)/σ), b = Φ((high − μ)/σ): ``x = μ + σ·Φ⁻¹(a + u·(b − a))``, computed on
    the upper tail when the range lies right of μ to keep precision.
    """

    mu: float
    sigma: float
    low: float = -math.inf
    high: float = math.inf
    kind: ClassVar[str] = "truncnormal"

    def __post_init__(self) -> None:
        object.__setattr__(self, "mu", _number("mean", self.mu))
        object.__setattr__(self, "sigma", _number("sd", self.sigma))
        object.__setattr__(self, "low", _number("low", self.low, allow_inf=True))
        object.__setattr__(self, "high", _number("high", self.high, allow_inf=True))
        if self.sigma < 0:
            raise InputError("sd", _negative_sd(self.sigma))
        _order(self.low, self.high)
        if self.low == self.high:
            if math.isinf(self.low):
                raise InputError("low", msg("distribution.same_infinity",
                                            "low and high cannot both be the same infinity"))
        elif self.sigma == 0:
            if not self.low <= self.mu <= self.high:
                raise InputError("mean", msg("distribution.mean_outside", "mean {mean} lies outside {low} – {high} "
                                             "and sd is 0: no value is possible", mean=self.mu, low=self.low,
                                             high=self.high))
        elif self._mass() < 1e-12:
            raise InputError("low", msg("distribution.too_far", "{low} – {high} lies so far from the mean ({mean}, "
                                        "sd {sd}) that no draw can fall in it", low=self.low, high=self.high,
                                        mean=self.mu, sd=self.sigma))

    def _z(self) -> tuple[float, float]:
        return (self.low - self.mu) / self.sigma, (self.high - self.mu) / self.sigma

    def _mass(self) -> float:
        a, b = self._z()
        return float(special.ndtr(b) - special.ndtr(a)) if a < 0 else float(
            special.ndtr(-a) - special.ndtr(-b))

    def ppf(self, u: np.ndarray) -> np.ndarray:
        u = np.asarray(u, dtype=float)
        if self.low == self.high:
            return _constant(self.low, u)
        if self.sigma == 0:
            return _constant(self.mu, u)
        a, b = self._z()
        if a < 0:  # left or central range: work with the CDF
            pa, pb = special.ndtr(a), special.ndtr(b)
            z = special.ndtri(pa + u * (pb - pa))
        else:  # right tail: work with the survival function to keep precision
            qa, qb = special.ndtr(-a), special.ndtr(-b)
            z = -special.ndtri(qa - u * (qa - qb))
        x = np.clip(self.mu + self.sigma * z, self.low, self.high)
        return np.where(u <= 0.0, self.low, np.where(u >= 1.0, self.high, x))

    @property
    def mean(self) -> float:
        if self.is_degenerate:
            return self.low if self.low == self.high else self.mu
        a, b = self._z()
        return float(stats.truncnorm(a, b, loc=self.mu, scale=self.sigma).mean())

    @property
    def base(self) -> float:
        return self.median if not self.is_degenerate else self.mean

    @property
    def is_degenerate(self) -> bool:
        return self.low == self.high or self.sigma == 0

    def to_dict(self) -> dict[str, Any]:
        return {"dist": self.kind, "mean": self.mu, "sd": self.sigma,
                "low": self.low, "high": self.high}


@dataclass(frozen=True, slots=True)
class LogNormal(Distribution):
    """Positive, right-skewed: half the draws below ``median``, one in ten above ``p90``.

    ``ln x ~ Normal(μ, σ)`` with μ = ln(median), σ = ln(p90/median)/z₀.₉ (z₀.₉ ≈ 1.2816), so
    ``x = median·exp(σ·Φ⁻¹(u))`` and mean = median·exp(σ²/2). :meth:`from_mean_sd` converts a mean
    and standard deviation: σ² = ln(1 + sd²/mean²), median = mean/√(1 + sd²/mean²).
    """

    # field() keeps dataclass from taking the inherited ``median``/``p90`` properties as defaults;
    # the fields then override them with the same meaning.
    median: float = field()
    p90: float = field()
    kind: ClassVar[str] = "lognormal"

    def __post_init__(self) -> None:
        object.__setattr__(self, "median", _number("median", self.median))
        object.__setattr__(self, "p90", _number("p90", self.p90))
        if self.median <= 0:
            raise InputError("median", msg("distribution.lognormal_median", "a lognormal needs a positive median, "
                                           "got {value}", value=self.median))
        if self.p90 < self.median:
            raise InputError("p90", msg("distribution.lognormal_p90", "p90 ({p90}) is below the median ({median}): "
                                        "a lognormal is skewed upwards", p90=self.p90, median=self.median))

    @classmethod
    def from_mean_sd(cls, mean: float, sd: float) -> LogNormal:
        """Lognormal with the given mean and standard deviation (both in the parameter's unit)."""
        mean, sd = _number("mean", mean), _number("sd", sd)
        if mean <= 0:
            raise InputError("mean", msg("distribution.lognormal_mean",
                                         "a lognormal needs a positive mean, got {value}", value=mean))
        if sd < 0:
            raise InputError("sd", _negative_sd(sd))
        ratio = 1.0 + (sd / mean) ** 2
        sigma = math.sqrt(math.log(ratio))
        median = mean / math.sqrt(ratio)
        return cls(median, median * math.exp(sigma * Z90))

    @property
    def sigma(self) -> float:
        """Standard deviation of ln x."""
        return math.log(self.p90 / self.median) / Z90

    def ppf(self, u: np.ndarray) -> np.ndarray:
        if self.is_degenerate:
            return _constant(self.median, u)
        return self.median * np.exp(self.sigma * special.ndtri(np.asarray(u, dtype=float)))

    @property
    def mean(self) -> float:
        return self.median * math.exp(0.5 * self.sigma**2)

    @property
    def base(self) -> float:
        return self.median

    @property
    def is_degenerate(self) -> bool:
        return self.p90 == self.median


def _check_mode(low: float, mode: float, high: float) -> None:
    _order(low, high)
    if not low <= mode <= high:
        raise InputError("mode", msg("distribution.mode_outside", "the most likely value {mode} lies outside the "
                                     "range {low} – {high}", mode=mode, low=low, high=high))
