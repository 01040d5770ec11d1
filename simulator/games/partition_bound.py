"""Upper bound on the best total benefit of a group, to say how far a heuristic answer may be.

Write ``y_S ∈ {0, 1}`` for "pool S is formed". The best partition solves the set-packing problem

    max Σ_S b(S) y_S   s.t.   Σ_{S ∋ i} y_S ≤ 1 for every candidate i,

over the admissible pools S (candidates not covered stand alone, benefit 0). Its linear relaxation
(``0 ≤ y_S``) is an upper bound, and so, by LP duality, is ``Σ_i λ_i`` for *any* ``λ ≥ 0`` with
``Σ_{i∈S} λ_i ≥ b(S)`` for every admissible S — a price per candidate that covers every pool's
benefit. Two such prices are computed:

- ``λ_i = max(0, max_{S∋i} b(S)/|S|)`` (each pool's benefit shared equally among its members);
- the LP optimum, by constraint generation: solve the dual on a few pools with HiGHS, add the pools
  whose benefit the prices fail to cover most, repeat. Whatever the stopping point, the prices are
  finally raised by ``max_{S∋i} (b(S) − λ(S))⁺ / |S|`` so that every pool is covered and the
  bound is valid.

Every pool of 2 … ``max_size`` members is enumerated, so the bound is computed only when their
number stays below a limit (pools of at most 3 among 200 candidates: 1.3 million). The lazy Shapley
check is not applied, which only loosens the bound.

Reference: Nemhauser, G. L. & Wolsey, L. A. (1988). *Integer and Combinatorial Optimization*,
Wiley, ch. II.5 (set packing, LP relaxation and duality).
"""

from __future__ import annotations

import itertools
from math import comb

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from .pools import PoolEvaluator

__all__ = ["upper_bound"]

#: Constraint-generation rounds, and pools added per round.
ROUNDS, ADDED = 60, 4000


def upper_bound(evaluator: PoolEvaluator, limit: int) -> float | None:
    """Upper bound on the group's best total benefit, or None above ``limit`` pools."""
    m, largest = evaluator.m, min(evaluator.max_size, evaluator.m)
    if sum(comb(m, s) for s in range(2, largest + 1)) > limit:
        return None
    pools = _admissible_pools(evaluator, largest)
    if not pools:
        return 0.0
    share = np.zeros(m)
    for members, benefit in pools:
        np.maximum.at(share, members.ravel(), np.repeat(benefit / members.shape[1], members.shape[1]))
    prices = _covering(_dual_prices(pools, m, evaluator.tol), pools)
    return float(min(share.sum(), prices.sum()))


def _admissible_pools(evaluator: PoolEvaluator, largest: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Members ``(k, s)`` and benefit ``(k,)`` of every admissible pool with positive benefit."""
    m, found = evaluator.m, []
    for s in range(2, largest + 1):
        combos = itertools.combinations(range(m), s)
        while True:
            flat = np.fromiter(itertools.chain.from_iterable(itertools.islice(combos, 1 << 15)), dtype=np.int64)
            if flat.size == 0:
                break
            members = flat.reshape(-1, s)
            masks = np.zeros((members.shape[0], m), dtype=bool)
            np.put_along_axis(masks, members, True, axis=1)
            benefit, ok = evaluator.assess(masks)
            keep = ok & (benefit > 0)
            if keep.any():
                found.append((members[keep].astype(np.int32), benefit[keep]))
    return found


def _uncovered(prices: np.ndarray, pools: list) -> list[np.ndarray]:
    """``b(S) − λ(S)`` for every pool, by size."""
    return [benefit - prices[members].sum(axis=1) for members, benefit in pools]


def _covering(prices: np.ndarray, pools: list) -> np.ndarray:
    """Raise prices just enough that every pool's benefit is covered (a valid dual)."""
    raised = prices.copy()
    for (members, _), gap in zip(pools, _uncovered(prices, pools), strict=True):
        positive = np.maximum(gap, 0.0) / members.shape[1]
        np.maximum.at(raised, members.ravel(), prices[members.ravel()] + np.repeat(positive, members.shape[1]))
    return raised


def _dual_prices(pools: list, m: int, tol: float) -> np.ndarray:
    """Constraint generation on the dual ``min Σλ s.t. λ(S) ≥ b(S), λ ≥ 0``."""
    rows: list[np.ndarray] = []
    rhs: list[float] = []
    seen: set[bytes] = set()
    prices = np.zeros(m)
    for _ in range(ROUNDS):
        gaps = _uncovered(prices, pools)
        worst = np.concatenate(gaps)
        if worst.max() <= tol:
            break
        cut = np.sort(worst)[-min(ADDED, worst.size)]
        added = 0
        for (members, benefit), gap in zip(pools, gaps, strict=True):
            for k in np.flatnonzero((gap >= cut) & (gap > tol)):
                key = members[k].tobytes()
                if key not in seen:
                    seen.add(key)
                    rows.append(members[k])
                    rhs.append(benefit[k])
                    added += 1
        if not added:
            break
        sizes = np.array([r.size for r in rows])
        matrix = sparse.csr_array(
            (np.ones(sizes.sum()), np.concatenate(rows), np.r_[0, np.cumsum(sizes)]), shape=(len(rows), m)
        )
        result = linprog(np.ones(m), A_ub=-matrix, b_ub=-np.array(rhs), bounds=(0, None), method="highs")
        if result.status != 0:  # pragma: no cover - always feasible (large prices) and bounded
            break
        prices = result.x
    return prices
