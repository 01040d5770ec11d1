"""Read distributions from scenario files and the parameter catalogue.

A distribution is written either as a bare number (no uncertainty) or as a mapping with a
``dist`` key and the numbers of that family::

    finance.discount_rate: 0.03                                  # fixed
    scale_exponent.hr: {dist: triangular, low: 0.5, mode: 0.65, high: 0.8}
    setup.overrun: {dist: pert, low: 1.0, mode: 1.2, high: 1.6}  # lamb: 4 by default
    rent.per_m2: {dist: uniform, low: 110, high: 250}
    wage_indexation: {dist: truncnormal, mean: 0.02, sd: 0.01, low: 0, high: 0.05}
    setup.cost_share: {dist: lognormal, median: 0.2, p90: 0.4}   # or mean: …, sd: …

Every problem is an :class:`~simulator.errors.InputError` whose field is the caller's path plus
the offending key (``scale_exponent.hr.mode``) and whose message says what is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from simulator.errors import InputError
from simulator.messages import Message, msg
from simulator.uncertainty.distributions import (
    Distribution,
    Fixed,
    LogNormal,
    Pert,
    Triangular,
    TruncNormal,
    Uniform,
)

#: Accepted ``dist`` names (lower case) and the family they mean.
ALIASES: dict[str, str] = {
    "fixed": "fixed", "constant": "fixed",
    "uniform": "uniform",
    "triangular": "triangular", "triangle": "triangular",
    "pert": "pert", "beta_pert": "pert", "betapert": "pert",
    "truncnormal": "truncnormal", "truncated_normal": "truncnormal", "normal": "truncnormal",
    "lognormal": "lognormal",
}

#: For each family: (required keys, optional keys with defaults).
_KEYS: dict[str, tuple[tuple[str, ...], dict[str, float]]] = {
    "fixed": (("value",), {}),
    "uniform": (("low", "high"), {}),
    "triangular": (("low", "mode", "high"), {}),
    "pert": (("low", "mode", "high"), {"lamb": 4.0}),
    "truncnormal": (("mean", "sd"), {"low": -math.inf, "high": math.inf}),
}


def parse_distribution(spec: Any, field: str) -> Distribution:
    """Turn a number or a ``{dist: …}`` mapping into a validated :class:`Distribution`.

    Parameters
    ----------
    spec
        A number (fixed), a mapping as in the module docstring, or a Distribution (returned).
    field
        Field path of the parameter, used to name the culprit in errors.

    Raises
    ------
    InputError
        Unknown family or key, missing key, a value that is not a number, or numbers that make no
        sense together (low > high, mode outside [low, high], sd < 0 …).
    """
    if isinstance(spec, Distribution):
        return spec
    if isinstance(spec, bool):
        raise InputError(field, _not_a_distribution(spec))
    if isinstance(spec, int | float):
        return _build(field, lambda: Fixed(spec))
    if not isinstance(spec, Mapping):
        raise InputError(field, _not_a_distribution(spec))
    if "dist" not in spec:
        raise InputError(f"{field}.dist", msg("distribution.missing", "missing: say which distribution (one of "
                                              "{known})", known=sorted(set(ALIASES.values()))))
    name = spec["dist"]
    kind = ALIASES.get(name.strip().lower()) if isinstance(name, str) else None
    if kind is None:
        raise InputError(f"{field}.dist", msg("distribution.unknown", "unknown distribution '{name}'; use one of "
                                              "{known}", name=str(name)[:40], known=sorted(set(ALIASES.values()))))
    values = {k: v for k, v in spec.items() if k != "dist"}
    if kind == "lognormal":
        return _lognormal(values, field)
    required, optional = _KEYS[kind]
    args = _collect(values, field, kind, required, optional)
    cls = {"fixed": Fixed, "uniform": Uniform, "triangular": Triangular, "pert": Pert,
           "truncnormal": TruncNormal}[kind]
    if kind == "truncnormal":
        args = {"mu": args["mean"], "sigma": args["sd"], "low": args["low"], "high": args["high"]}
    return _build(field, lambda: cls(**args))


def _collect(values: Mapping[str, Any], field: str, kind: str, required: tuple[str, ...],
             optional: Mapping[str, float]) -> dict[str, Any]:
    allowed = (*required, *optional)
    for key in values:
        if key not in allowed:
            raise InputError(f"{field}.{key}", msg("distribution.unknown_key",
                                                   "unknown key for a {family} distribution; expected {keys}",
                                                   family=kind, keys=list(allowed)))
    for key in required:
        if key not in values:
            raise InputError(f"{field}.{key}", msg("distribution.missing_key",
                                                   "missing: a {family} distribution needs {keys}",
                                                   family=kind, keys=list(required)))
    return {**optional, **values}


def _lognormal(values: Mapping[str, Any], field: str) -> Distribution:
    keys = set(values)
    if keys == {"median", "p90"}:
        return _build(field, lambda: LogNormal(values["median"], values["p90"]))
    if keys == {"mean", "sd"}:
        return _build(field, lambda: LogNormal.from_mean_sd(values["mean"], values["sd"]))
    raise InputError(field, msg("distribution.lognormal_keys",
                                "a lognormal needs either median and p90, or mean and sd; got {keys}",
                                keys=sorted(map(str, keys)) or "—"))


def _build(field: str, make: Any) -> Distribution:
    """Call ``make()`` and prefix any InputError's field with ``field``."""
    try:
        return make()
    except InputError as exc:
        raise InputError(f"{field}.{exc.field}" if exc.field != "value" else field,
                         exc.message, exc.source) from None
    except TypeError as exc:  # wrong keyword: should not happen after _collect
        raise InputError(field, str(exc)) from None


def default_distribution(value: float, low: float, high: float, dist: Any = None,
                         field: str = "parameter") -> Distribution:
    """The Monte Carlo default of a catalogue parameter.

    ``dist`` (the catalogue's optional spec) wins; otherwise a triangular on (low, value, high)
    as ``parameters.yaml`` documents, or ``Fixed(value)`` when the range is a single point.
    """
    if dist is not None:
        return parse_distribution(dist, field)
    if low == high == value:
        return _build(field, lambda: Fixed(value))
    return _build(field, lambda: Triangular(low, value, high))


def catalogue_distributions(parameters: Mapping[str, Any],
                            overrides: Mapping[str, Any] | None = None,
                            *, uncertain_only: bool = True) -> dict[str, Distribution]:
    """Distributions for catalogue parameters, with scenario overrides.

    Parameters
    ----------
    parameters
        ``{name: Parameter}``; each needs ``value``, ``low``, ``high`` and optional ``dist``
        attributes (as :class:`simulator.catalogue.Parameter`).
    overrides
        ``{name: spec}`` from a scenario file (numbers or ``{dist: …}``); unknown names are an
        error naming them.
    uncertain_only
        Leave out parameters whose distribution is a single point (they keep their base value
        in the kernel; Monte Carlo and sensitivity then skip them).
    """
    overrides = dict(overrides or {})
    for name in overrides:
        if name not in parameters:
            raise InputError(f"uncertainty.{name}", msg("parameter.unknown", "unknown parameter{hint}", hint=""))
    out: dict[str, Distribution] = {}
    for name, p in parameters.items():
        if name in overrides:
            d = parse_distribution(overrides[name], f"uncertainty.{name}")
        else:
            d = default_distribution(p.value, p.low, p.high, getattr(p, "dist", None),
                                     f"parameters.{name}")
        if not (uncertain_only and d.is_degenerate):
            out[name] = d
    return out


def whole_number(value: Any, name: str, minimum: int = 1) -> int:
    """``value`` as an int ≥ ``minimum`` (integral floats accepted), else InputError(name)."""
    if isinstance(value, bool):
        raise InputError(name, _not_whole(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        value = int(value.__index__())
    except (AttributeError, TypeError):
        raise InputError(name, _not_whole(value)) from None
    if value < minimum:
        raise InputError(name, msg("number.at_least", "must be at least {minimum}, got {value}",
                                   minimum=minimum, value=value))
    return value


def _not_whole(value: Any) -> Message:
    return msg("schema.whole_number", "expected a whole number, got {input}", input=repr(value)[:40])


def _not_a_distribution(spec: Any) -> Message:
    return msg("distribution.expected", "expected a number or a distribution such as {{dist: triangular, low: …, "
               "mode: …, high: …}}, got {input}", input=repr(spec)[:40])
