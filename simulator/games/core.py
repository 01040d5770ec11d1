"""The core of a cost game: is there a group of members that would rather leave?

An allocation ``x`` (what each member pays) is in the *core* when it is efficient and no sub-group
pays more together than it would cost on its own:

    x(N) = c(N)      and      x(S) ≤ c(S)   for every coalition S ⊆ N,

with ``x(S) = Σ_{i∈S} x_i``. The *violation* of S is ``x(S) − c(S)``: what S would save by walking
away and running its own pool. The coalition with the largest violation is the one most likely to
break the pool; singletons are included, so a member paying more than its standalone cost (not
individually rational) is caught too.

Every coalition is checked at once: ``x(S)`` for all ``2**n`` masks comes from
:func:`~simulator.games.coalitions.subset_sums` in O(2**n), so 20 members (about a million
coalitions) take a few milliseconds.

References
----------
Gillies, D. B. (1959). Solutions to general non-zero-sum games. *Contributions to the Theory of
Games IV*, 47–85.
Young, H. P. (1985). *Cost Allocation: Methods, Principles, Applications*. North-Holland.
"""

from __future__ import annotations

import numpy as np

from .coalitions import subset_sums

__all__ = ["core_tolerance", "in_core", "largest_violation"]


def core_tolerance(costs: np.ndarray, tol: float | None = None) -> float:
    """Default tolerance: ``1e-9 · max(1, max_S |c(S)|)`` euro, i.e. rounding noise, not money."""
    if tol is not None:
        return float(tol)
    return 1e-9 * max(1.0, float(np.abs(costs).max()))


def largest_violation(costs: np.ndarray, allocation: np.ndarray) -> tuple[int, float]:
    """The proper coalition with the largest ``x(S) − c(S)``, as ``(mask, violation)``.

    Parameters
    ----------
    costs
        ``c(S)`` for every coalition, length ``2**n`` by bitmask.
    allocation
        ``x``, shape ``(n,)``.

    Returns
    -------
    (mask, violation)
        Ties go to the smallest mask. For ``n = 1`` there is no proper coalition: ``(0, -inf)``.
    """
    excess = subset_sums(allocation) - costs
    proper = excess[1:-1]
    if proper.size == 0:
        return 0, float("-inf")
    k = int(np.argmax(proper))
    return k + 1, float(proper[k])


def in_core(costs: np.ndarray, allocation: np.ndarray, tol: float | None = None) -> bool:
    """True when ``x(N) = c(N)`` and ``x(S) ≤ c(S)`` for every coalition, within ``tol`` euro."""
    tol = core_tolerance(costs, tol)
    allocation = np.asarray(allocation, dtype=np.float64)
    if abs(allocation.sum() - costs[-1]) > tol:
        return False
    _, violation = largest_violation(costs, allocation)
    return violation <= tol
