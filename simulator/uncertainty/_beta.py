"""Fast inverse CDF of the Beta(α, β) distribution for α, β ≥ 1 (used by PERT).

``scipy.special.betaincinv`` costs ~1.5 µs per value: ten PERT parameters × 100,000 draws would
spend 1.5 s there, most of the Monte Carlo budget. Here the inverse is tabulated once per (α, β)
(cached) and evaluated by cubic Hermite interpolation, ~30× faster:

* For u ≤ ½ the left tail is tabulated in log–log coordinates, ln u ↦ ln x, on 4,096 equally
  spaced nodes of ln u between ln 1e-20 and ln ½, where the Beta tail u ≈ C·x^α is nearly a
  straight line. Node values are exact (``betaincinv``) and so are the slopes,
  d ln x / d ln u = u / (x·f(x)) with f the Beta density, so the Hermite cubic is
  fourth-order accurate: relative error below 1e-9 (tested against ``scipy.stats.beta.ppf``),
  far below any parameter's uncertainty.
* For u > ½ the same is done on the mirrored Beta(β, α) with 1 − u (exact in floating point for
  u ≥ ½), so both tails keep full relative precision: x = 1 − x_{β,α}(1 − u).
* u below 1e-20 (never produced by the samplers, which stay above 2⁻⁵³) is computed with
  ``betaincinv`` directly, and with the tail approximation I_x ≈ x^α / (α·B(α, β)) where even
  that fails (u ≲ 1e-300).

Evaluation is deterministic, so the same seed gives the same numbers on every run.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from simulator.uncertainty._lazy import lazy_module

special = lazy_module("scipy.special")

_U_MIN = 1e-20
_NODES = 4096
_LOG_U0 = float(np.log(_U_MIN))
_STEP = (float(np.log(0.5)) - _LOG_U0) / (_NODES - 1)


@lru_cache(maxsize=256)
def _left_table(a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """ln x at the nodes and the slopes d ln x / d ln u (times the step), for Beta(a, b)."""
    log_u = _LOG_U0 + _STEP * np.arange(_NODES)
    u = np.exp(log_u)
    x = special.betaincinv(a, b, u)
    log_x = np.log(x)
    log_pdf = (a - 1.0) * log_x + (b - 1.0) * np.log1p(-x) - special.betaln(a, b)
    slope = u / (x * np.exp(log_pdf))
    return log_x, slope * _STEP


def _left_ppf(a: float, b: float, u: np.ndarray) -> np.ndarray:
    """Inverse CDF of Beta(a, b) for u in [0, ½]."""
    log_x, slope = _left_table(a, b)
    with np.errstate(divide="ignore"):
        s = (np.log(np.maximum(u, _U_MIN)) - _LOG_U0) / _STEP
    i = np.clip(s.astype(np.intp), 0, _NODES - 2)
    t = s - i
    t2 = t * t
    t3 = t2 * t
    y = ((2 * t3 - 3 * t2 + 1) * log_x[i] + (t3 - 2 * t2 + t) * slope[i]
         + (3 * t2 - 2 * t3) * log_x[i + 1] + (t3 - t2) * slope[i + 1])
    x = np.exp(y)
    tiny = u < _U_MIN
    if np.any(tiny):
        exact = special.betaincinv(a, b, u[tiny])
        with np.errstate(divide="ignore"):
            tail = np.exp((np.log(u[tiny]) + np.log(a) + special.betaln(a, b)) / a)
        x[tiny] = np.where(np.isnan(exact), np.clip(tail, 0.0, 1.0), exact)
    return x


def beta_ppf(a: float, b: float, u: np.ndarray) -> np.ndarray:
    """Inverse CDF of Beta(a, b), a, b ≥ 1, vectorised over u in [0, 1].

    Parameters
    ----------
    a, b
        Shape parameters (α, β ≥ 1, as for every PERT).
    u
        Probabilities; 0 maps to 0 and 1 maps to 1.

    Returns
    -------
    numpy.ndarray
        x with I_x(a, b) = u (to ~1e-10 relative), same shape as ``u``.
    """
    u = np.asarray(u, dtype=float)
    flat = u.ravel()
    out = np.empty_like(flat)
    left = flat <= 0.5
    out[left] = _left_ppf(a, b, flat[left])
    right = ~left
    out[right] = 1.0 - _left_ppf(b, a, 1.0 - flat[right])
    out[flat <= 0.0] = 0.0
    out[flat >= 1.0] = 1.0
    out[np.isnan(flat)] = np.nan
    return np.clip(out, 0.0, 1.0).reshape(u.shape)
