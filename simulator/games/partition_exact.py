"""Exact best partition of a small group of candidates: dynamic programming over subsets.

With ``v(T)`` the benefit of pool T when admissible (``-inf`` otherwise; 0 for a candidate alone),
the best total benefit of a set S of candidates is

    f(∅) = 0,     f(S) = max_{T ⊆ S, low(S) ∈ T} v(T) + f(S ∖ T)

where ``low(S)`` is the candidate of S with the smallest index: choosing the pool of that candidate
first counts every partition exactly once. Sets are processed by decreasing ``low``: all sets whose
lowest member is ``ℓ`` depend only on sets made of members above ``ℓ``, already final. For each
``ℓ`` and pool size ``t`` the admissible pools ``T`` (lowest member ``ℓ``) are stacked with all the
subsets R of the members above ``ℓ`` not in T, and ``f[T ∪ R] = max(f[T ∪ R], v(T) + f[R])`` is a
single ``numpy.maximum.at``. The work is ``3**(m-1)`` pairs in all (14 million for 16 candidates),
vectorised; the best partition is then read back pool by pool.

Reference: the classical subset DP for optimal coalition structures, e.g. Yeh, D. Y. (1986). A
dynamic programming approach to the complete set partitioning problem. *BIT* 26(4), 467–474.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .coalitions import int_to_bool, popcounts
from .pools import PoolEvaluator

__all__ = ["solve_exact"]


def solve_exact(evaluator: PoolEvaluator) -> tuple[list[np.ndarray], float]:
    """Optimal partition of the evaluator's ``m`` candidates (``m`` ≲ 16).

    Returns the pools (arrays of local indices, singletons included) and the total benefit.
    """
    m = evaluator.m
    size = 1 << m
    masks, sizes, lowest = _subsets(m)
    costs = np.zeros(size)  # pools above max_size or against the rule are never costed
    small = np.flatnonzero(sizes <= evaluator.max_size)  # (assess rejects them)
    small = small[evaluator.within_rule(masks[small])]
    costs[small] = evaluator.cost(masks[small])
    evaluator.table = costs
    benefit, ok = evaluator.assess(masks, costs)
    if evaluator.rule == "shapley":
        for mask in np.flatnonzero(ok & (sizes >= 2)):
            ok[mask] = evaluator.confirm(masks[mask])
    value = np.where(ok, benefit, -np.inf)
    value[sizes <= 1] = 0.0
    best = _best(value, m)
    return _read_back(best, value, lowest, m), float(best[size - 1])


def _best(value: np.ndarray, m: int) -> np.ndarray:
    """``f(S)`` of every subset S of ``m`` candidates from the pool values ``v(T)`` (module
    docstring): ``f[T ∪ R] = max(f[T ∪ R], v(T) + f[R])`` over the admissible pools T, by
    decreasing lowest member."""
    best = np.full(1 << m, -np.inf)
    best[0] = 0.0
    for group, rest, targets in _plan(m):  # by decreasing lowest member, then pool size
        live = value[group] > -np.inf
        if not live.any():
            continue
        group, rest, targets = group[live], rest[live], targets[live]
        np.maximum.at(best, targets.ravel(), (value[group][:, None] + best[rest]).ravel())
    return best


#: Largest group whose DP plan (:func:`_plan`) is kept between solves: ``3**(m-1)`` index pairs,
#: 2.8 MB for a window of 12, 8.5 MB for 13, 230 MB for 16 (built per solve above 13).
PLAN_KEPT_UP_TO = 13


def _plan(m: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The DP's steps for ``m`` candidates, whatever the costs: for each lowest member ``ℓ``
    (decreasing) and pool size ``t``, every pool ``T`` of that lowest member and size, the
    subsets ``R`` of the members above ``ℓ`` not in ``T`` ``(k, 2**q)``, and ``T ∪ R``.

    A solve keeps the rows of its admissible pools (the same rows, in the same order, as building
    them for those pools alone). Kept for groups of up to :data:`PLAN_KEPT_UP_TO`: the
    neighbourhood search solves hundreds of windows of the same size, and building these index
    tables was a tenth of its time.
    """
    return _kept_plan(m) if m <= PLAN_KEPT_UP_TO else _build_plan(m)


@lru_cache(maxsize=2)
def _kept_plan(m: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    steps = _build_plan(m)
    for step in steps:
        for table in step:
            table.flags.writeable = False
    return steps


def _build_plan(m: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    size = 1 << m
    _, sizes, lowest = _subsets(m)
    steps = []
    for low in range(m - 1, -1, -1):
        above = (size - 1) & ~((2 << low) - 1)
        pools = np.flatnonzero(lowest == low)
        for t in np.unique(sizes[pools]):
            group = pools[sizes[pools] == t]
            rest = _all_submasks(above & ~group, m)  # (k, 2**q): subsets of the members left above low
            steps.append((group, rest, group[:, None] | rest))
    return steps


@lru_cache(maxsize=4)
def _subsets(m: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every subset of ``m`` candidates as a mask row, its size and its lowest member (read-only;
    kept for the next window of the same size: a neighbourhood search solves a thousand)."""
    tables = int_to_bool(np.arange(1 << m), m), popcounts(m), _lowest_bits(m)
    for table in tables:
        table.flags.writeable = False
    return tables


def _lowest_bits(m: int) -> np.ndarray:
    """Index of the lowest member of every mask (−1 for the empty mask)."""
    lowest = np.full(1 << m, -1, dtype=np.int64)
    for i in range(m - 1, -1, -1):
        has = (np.arange(1 << m) >> i) & 1 == 1
        lowest[has] = i
    return lowest


def _all_submasks(free: np.ndarray, m: int) -> np.ndarray:
    """All submasks of each mask in ``free`` (same popcount ``q``): shape ``(k, 2**q)``."""
    rows = int_to_bool(free, m)
    q = int(rows[0].sum()) if rows.size else 0
    positions = np.nonzero(rows)[1].reshape(free.size, q)
    ranks = np.arange(1 << q, dtype=np.int64)
    out = np.zeros((free.size, 1 << q), dtype=np.int64)
    for j in range(q):
        out |= ((ranks >> j) & 1)[None, :] << positions[:, j, None]
    return out


def _read_back(best: np.ndarray, value: np.ndarray, lowest: np.ndarray, m: int) -> list:
    """Recover the pools of an optimal partition from the DP table."""
    size = 1 << m
    every = np.arange(size, dtype=np.int64)
    chosen = []
    left = size - 1
    while left:
        low = lowest[left]
        pools = every[(lowest == low) & (value > -np.inf) & ((every & ~left) == 0)]
        scores = value[pools] + best[left & ~pools]
        pool = int(pools[int(np.argmax(scores))])
        chosen.append(np.flatnonzero(int_to_bool(np.array([pool]), m)[0]))
        left &= ~pool
    return chosen
