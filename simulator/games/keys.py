"""Simple cost-allocation keys: proportional, equal split, SCRB.

Every key here splits the pool's total cost ``c(N)`` exactly (the shares sum to ``c(N)``; the
last rounding cent goes to the largest share) and needs only ``c(N)``, the standalone costs
``c({i})`` and, for SCRB, the ``n`` costs ``c(N∖{i})`` — so they work for pools of any size, far
above the limit of exact enumeration.

Proportional key (clé de répartition)::

    x_i = c(N) · w_i / Σ_j w_j

with ``w`` a volume driver (payslips, accounting entries, IT users: "proportional to use", the
VAT-safe default of MODEL.md §3.8) or, by default, the standalone cost ``c({i})``.

Equal split: ``x_i = c(N) / n``.

SCRB — separable costs, remaining benefits (James & Lee 1971; Young, Okada & Hashimoto 1982).
Member ``i``'s *separable cost* is what the pool saves when ``i`` is left out,
``SC_i = c(N) − c(N∖{i})``; the *non-separable cost* ``NSC = c(N) − Σ_j SC_j`` is shared in
proportion to each member's *remaining benefit* ``r_i = max(0, c({i}) − SC_i)``, what it would
still gain over going alone::

    x_i = SC_i + NSC · r_i / Σ_j r_j          (equal shares of NSC when every r_j = 0)

References
----------
James, L. D. & Lee, R. R. (1971). *Economics of Water Resources Planning*. McGraw-Hill.
Young, H. P., Okada, N. & Hashimoto, T. (1982). Cost allocation in water resources development.
*Water Resources Research* 18(3), 463–475.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["balance", "equal_split", "proportional", "scrb"]


def balance(shares: np.ndarray, total: float) -> np.ndarray:
    """Put the rounding residue ``total − Σ shares`` on the largest share, so the sum is exact."""
    shares = np.array(shares, dtype=np.float64)
    if shares.size:
        shares[int(np.argmax(np.abs(shares)))] += total - math.fsum(shares)
    return shares


def proportional(total: float, weights: np.ndarray) -> np.ndarray:
    """``x_i = total · w_i / Σ w`` (weights ≥ 0 with a positive sum, checked by the caller)."""
    weights = np.asarray(weights, dtype=np.float64)
    return balance(total * weights / weights.sum(), total)


def equal_split(total: float, n: int) -> np.ndarray:
    """``x_i = total / n``."""
    return balance(np.full(n, total / n), total)


def scrb(total: float, standalone: np.ndarray, without_each: np.ndarray) -> np.ndarray:
    """SCRB shares from ``c(N)``, ``c({i})`` and ``c(N∖{i})`` (see the module docstring)."""
    standalone = np.asarray(standalone, dtype=np.float64)
    separable = total - np.asarray(without_each, dtype=np.float64)
    non_separable = total - separable.sum()
    remaining = np.maximum(standalone - separable, 0.0)
    if remaining.sum() > 0:
        share = remaining / remaining.sum()
    else:
        share = np.full(standalone.size, 1.0 / standalone.size)
    return balance(separable + non_separable * share, total)
