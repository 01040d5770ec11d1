"""Uniform draws in (0, 1), optionally rank-correlated, reproducible whatever the chunk size.

Everything random in the Monte Carlo starts here: a matrix ``u`` of shape (draws, parameters) in
(0, 1), turned into parameter values by each distribution's inverse CDF (``ppf``). Two ways to
impose rank correlations:

``gaussian_copula`` (default)
    z = Φ⁻¹(u) · Lᵀ with L·Lᵀ = 2·sin(π·ρ/6), then u ← Φ(z). Each draw is transformed on its own,
    so the result for draw j depends only on draw j's own random numbers: any batching gives the
    same values, and the marginals stay exact. The achieved Spearman correlation equals ρ in
    expectation.
``iman_conover``
    Iman & Conover (1982): re-order each column of a sample so that its ranks follow normal scores
    with the target correlation; marginal values are kept, only their pairing changes. It hits
    the target more tightly in small samples but is a whole-sample operation; here it is applied
    per fixed block of :data:`BLOCK_SIZE` draws, so it too is independent of the chunk size.

Reproducibility across chunk sizes
    :class:`UniformStream` cuts the draw axis into fixed blocks of :data:`BLOCK_SIZE` (4,096)
    draws. Block ``b`` of parameter ``name`` comes from its own generator,
    ``PCG64(SeedSequence(seed, spawn_key=(b, key(name))))`` with ``key`` a stable 64-bit hash of
    the name. Hence draw j's numbers depend only on (seed, j, name): not on the chunk size, not
    on the total number of draws (100 draws are the first 100 of 100,000), and not on which other
    parameters are uncertain (common random numbers when comparing scenarios). Changing
    :data:`BLOCK_SIZE` changes the numbers, so it is a constant.

References
----------
Iman, R. L., Conover, W. J. (1982). A distribution-free approach to inducing rank correlation
among input variables. *Communications in Statistics — Simulation and Computation* 11(3), 311–334.
Nelsen, R. B. (2006). *An Introduction to Copulas*, 2nd ed., Springer.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from simulator.errors import InputError
from simulator.messages import msg
from simulator.uncertainty._lazy import lazy_module
from simulator.uncertainty.correlation import (
    RankCorrelation,
    is_identity,
    normal_factor,
    parse_correlation,
)
from simulator.uncertainty.distributions import Distribution

special = lazy_module("scipy.special")

BLOCK_SIZE = 4096
#: Blocks a :class:`UniformStream` keeps: enough for the chunks a few threads run at once.
CACHED_BLOCKS = 4
METHODS = ("gaussian_copula", "iman_conover")
#: u is kept in [U_MIN, 1 − U_MIN] so that unbounded inverse CDFs stay finite.
U_MIN = 2.0**-53


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise InputError("method", msg("correlation.unknown_method", "unknown correlation method '{method}'; "
                                       "use one of {known}", method=str(method), known=", ".join(METHODS)))


def name_key(name: str) -> int:
    """Stable 64-bit key of a parameter name (same on every machine and Python run)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little")


def _clip(u: np.ndarray) -> np.ndarray:
    return np.clip(u, U_MIN, 1.0 - U_MIN, out=u)


def apply_rank_correlation(u: np.ndarray, names: Sequence[str],
                           correlation: RankCorrelation | None,
                           method: str = "gaussian_copula") -> np.ndarray:
    """Impose Spearman correlations on independent uniforms ``u`` (n, k), in place.

    Parameters
    ----------
    u
        Independent uniforms, columns in ``names`` order; modified and returned.
    names
        Parameter name of each column; every correlated name must be among them.
    correlation
        Target rank correlations, or None.
    method
        ``"gaussian_copula"`` (per draw) or ``"iman_conover"`` (whole sample ``u``).
    """
    _check_method(method)
    if correlation is None or is_identity(correlation.matrix):
        return u
    correlation.check_names(names)
    index = [list(names).index(n) for n in correlation.names]
    factor = normal_factor(correlation.matrix)
    sub = u[:, index]
    if method == "gaussian_copula":
        sub = _clip(special.ndtr(special.ndtri(sub) @ factor.T))
    else:
        sub = _iman_conover(sub, factor)
    u[:, index] = sub
    return u


def _iman_conover(u: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """Re-pair the columns of ``u`` so that their normal scores have correlation factor·factorᵀ.

    Van der Waerden scores S = Φ⁻¹(rank/(n+1)) in the random order of ``u``; with Q the Cholesky
    factor of corr(S) and P = ``factor``: S* = S·Q⁻ᵀ·Pᵀ has correlation P·Pᵀ exactly; each column
    of ``u`` is then sorted into the rank order of the matching column of S* (Iman & Conover 1982).
    """
    n, k = u.shape
    if n <= k:
        raise InputError("draws", msg("correlation.iman_conover_draws", "Iman–Conover needs more draws than "
                                      "correlated parameters ({n} ≤ {k}); use more draws or method "
                                      "gaussian_copula", n=int(n), k=int(k)))
    order = np.argsort(u, axis=0)
    scores = special.ndtri(_ranks(order) / (n + 1.0))
    try:
        q = np.linalg.cholesky(np.corrcoef(scores, rowvar=False))
    except np.linalg.LinAlgError:
        raise InputError("draws", msg("correlation.iman_conover_estimate", "Iman–Conover: too few draws to "
                                      "estimate the sample correlation; use more draws")) from None
    target = scores @ np.linalg.solve(q.T, factor.T)
    new_ranks = _ranks(np.argsort(target, axis=0)) - 1
    return np.take_along_axis(np.take_along_axis(u, order, axis=0), new_ranks, axis=0)


def _ranks(order: np.ndarray) -> np.ndarray:
    """Ranks 1…n of each column, from its argsort (one sort instead of two)."""
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, order.shape[0] + 1)[:, None], axis=0)
    return ranks


def sample_uniforms(names: Sequence[str], n: int, rng: np.random.Generator,
                    correlation: RankCorrelation | Any = None,
                    method: str = "gaussian_copula") -> np.ndarray:
    """Draw an (n, k) matrix of uniforms in (0, 1) from ``rng``, rank-correlated if asked.

    One whole-sample call (Iman–Conover acts on all n rows). For Monte Carlo runs that must not
    depend on the chunk size, use :class:`UniformStream`. ``correlation`` is a
    :class:`RankCorrelation`, a k × k array over ``names`` or any form accepted by
    :func:`~simulator.uncertainty.correlation.parse_correlation`.
    """
    _check_method(method)
    corr = parse_correlation(correlation, known=list(names))
    u = _clip(rng.random((int(n), len(names))))
    return apply_rank_correlation(u, names, corr, method)


class UniformStream:
    """Rows ``[start, stop)`` of the uniform matrix, identical however they are requested.

    Parameters
    ----------
    names
        Parameter names (columns, in this order).
    seed
        Non-negative integer seed of the run.
    correlation, method
        Rank correlations and how to impose them (see module docstring).
    block_size
        Draws per independently seeded block (keep the default for reproducible numbers).
    """

    def __init__(self, names: Sequence[str], seed: int,
                 correlation: RankCorrelation | None = None,
                 method: str = "gaussian_copula", block_size: int = BLOCK_SIZE):
        _check_method(method)
        self.names = tuple(names)
        self.seed = int(seed)
        self.correlation = correlation
        self.method = method
        self.block_size = int(block_size)
        if correlation is not None:
            correlation.check_names(self.names)
        self._keys = [name_key(n) for n in self.names]
        self._cache: dict[int, np.ndarray] = {}
        self._lock = threading.Lock()

    def block(self, index: int) -> np.ndarray:
        """Block ``index``: uniforms for draws [index·block_size, (index+1)·block_size).

        Safe to call from several threads (the Monte Carlo samples its chunks on a thread pool):
        a block is drawn once under a lock, and the last :data:`CACHED_BLOCKS` are kept, so two
        chunks of one block running side by side share it instead of drawing it twice. The
        values depend only on (seed, index, names), never on who asked first.
        """
        with self._lock:
            cached = self._cache.get(index)
            if cached is not None:
                return cached
            # (k, block) in memory, viewed as (block, k): each parameter's column is contiguous
            u = np.empty((len(self.names), self.block_size))
            for col, key in enumerate(self._keys):
                seq = np.random.SeedSequence(self.seed, spawn_key=(index, key))
                np.random.Generator(np.random.PCG64(seq)).random(out=u[col])
            u = apply_rank_correlation(_clip(u).T, self.names, self.correlation, self.method)
            if len(self._cache) >= CACHED_BLOCKS:
                self._cache.pop(min(self._cache))  # the oldest: chunks are asked for in order
            self._cache[index] = u
            return u

    def rows(self, start: int, stop: int) -> np.ndarray:
        """Uniforms for draws ``start`` … ``stop − 1``, shape (stop − start, k).

        The array is column-major (each parameter's draws contiguous) for fast inverse CDFs.
        """
        size = self.block_size
        first, last = start // size, (stop - 1) // size
        parts = [self.block(b).T[:, max(start - b * size, 0):min(stop - b * size, size)]
                 for b in range(first, last + 1)]
        return (parts[0].copy() if len(parts) == 1 else np.concatenate(parts, axis=1)).T


def to_parameters(distributions: Mapping[str, Distribution], names: Sequence[str],
                  u: np.ndarray) -> dict[str, np.ndarray]:
    """Map uniforms (B, k) to parameter arrays ``{name: (B,)}`` through each inverse CDF."""
    return {name: distributions[name].ppf(u[:, col]) for col, name in enumerate(names)}
