"""Large-neighbourhood search for the partition heuristic: re-solve small windows exactly.

Local moves (one member, one swap) cannot see some improvements: when set-up and governance
costs make pairs and triples lose, a new pool of four appears only if four candidates move at
once, and two pools may be better re-cut than patched. A *window* is a small set of candidates
made of whole current pools plus candidates standing alone; its best partition is found exactly
by the subset DP (``partition_exact``, ``2**w`` pools for a window of ``w``) and replaces the
current one when it adds benefit. Since a window holds whole pools, the rest of the partition is
untouched and the gain is exactly the difference of the window's benefits.

Windows, in this order, up to :data:`MAX_WINDOWS` per pass:

1. each pool with the candidates alone that raise its benefit most when added (``affinity``);
2. each pair of pools (closest first: largest ``b(P ∪ Q) − b(P) − b(Q)``) with the best-fitting
   candidates alone;
3. candidates alone around each seed, with the partners that form the best pairs with it.

Windows that overlap a window already changed in the same pass are skipped; passes repeat until
none improves (Shaw 1998; Ahuja et al. 2002 on very large-scale neighbourhood search).

References
----------
Shaw, P. (1998). Using constraint programming and local search methods to solve vehicle routing
problems. *CP-98*, LNCS 1520, 417–431.
Ahuja, R. K., Ergun, Ö., Orlin, J. B. & Punnen, A. P. (2002). A survey of very large-scale
neighborhood search techniques. *Discrete Applied Mathematics* 123, 75–102.
"""

from __future__ import annotations

import numpy as np

from .partition_exact import solve_exact
from .pools import PoolEvaluator

__all__ = ["MAX_WINDOWS", "PAIR_BATCH", "WINDOW", "improve_by_neighbourhoods", "pair_benefit"]

#: Candidates per window (the DP costs ``2**WINDOW`` pools per window).
WINDOW = 12
#: Windows tried per pass, and passes at most.
MAX_WINDOWS, MAX_PASSES = 300, 20


def improve_by_neighbourhoods(
    evaluator: PoolEvaluator, pools: list[np.ndarray], *, window: int = WINDOW
) -> list[np.ndarray]:
    """Improve ``pools`` (local indices, singletons included) by exact re-solves of windows."""
    m = evaluator.m
    label = np.empty(m, dtype=np.int64)
    for k, pool in enumerate(pools):
        label[pool] = k
    settled: set[bytes] = set()  # windows whose partition was already found optimal
    pairs = np.full((m, m), np.nan)  # b({j, k}) of pairs already costed, kept across passes
    for _ in range(MAX_PASSES):
        masks = np.zeros((label.max() + 1, m), dtype=bool)
        masks[label, np.arange(m)] = True
        value, _ = evaluator.assess(masks)
        touched = np.zeros(m, dtype=bool)
        fresh = label.max() + 1
        for members in _windows(evaluator, label, masks, value, window, pairs):
            if touched[members].any():
                continue
            key = members.tobytes() + np.unique(label[members], return_inverse=True)[1].tobytes()
            if key in settled:
                continue
            settled.add(key)
            current = value[np.unique(label[members])].sum()
            new_pools, best = _solve_window(evaluator, members)
            if best > current + evaluator.tol:
                for pool in new_pools:
                    label[members[pool]] = fresh
                    fresh += 1
                touched[members] = True
        if not touched.any():
            break
        label = np.unique(label, return_inverse=True)[1]
    return [np.flatnonzero(label == k) for k in range(label.max() + 1)]


def _solve_window(evaluator: PoolEvaluator, members: np.ndarray) -> tuple[list[np.ndarray], float]:
    """Best partition of the window ``members`` (:func:`solve_exact`), or the one already found
    for the same candidates: a window re-cut in one pass comes back in the next with other labels
    (so not settled), and its best partition depends only on its candidates and the rules (the
    costs are the cache's) — about one window solve in five is such a repeat."""
    key = evaluator.cols[members].tobytes()
    found = evaluator.solved.get(key)
    if found is None:
        found = evaluator.solved[key] = solve_exact(evaluator.restricted(members))
    return found


def _windows(
    evaluator: PoolEvaluator, label: np.ndarray, masks: np.ndarray, value: np.ndarray, window: int,
    pairs: np.ndarray | None = None,
) -> list[np.ndarray]:
    """Candidate windows (arrays of local indices), most promising first (``pairs``: see
    :func:`pair_benefit`)."""
    size = masks.sum(axis=1)
    alone = np.flatnonzero(size[label] == 1)
    multi = np.flatnonzero((size >= 2) & (size < window))
    multi = multi[np.argsort(-value[multi], kind="stable")]
    found: list[np.ndarray] = []
    affinity = _affinity(evaluator, masks[multi], value[multi], alone)
    for row, pool in enumerate(multi):
        found.append(_fill(np.flatnonzero(masks[pool]), alone, affinity[row], window))
    if multi.size >= 2:
        first, second = np.triu_indices(multi.size, 1)
        fits = size[multi[first]] + size[multi[second]] <= window
        first, second = first[fits], second[fits]
        merged, _ = evaluator.assess(masks[multi[first]] | masks[multi[second]])
        closeness = merged - value[multi[first]] - value[multi[second]]
        for k in np.argsort(-closeness, kind="stable")[:MAX_WINDOWS]:
            a, b = first[k], second[k]
            both = np.flatnonzero(masks[multi[a]] | masks[multi[b]])
            found.append(_fill(both, alone, affinity[a] + affinity[b], window))
    if alone.size >= 2:
        pair = pair_benefit(evaluator, alone, pairs)
        for seed in np.argsort(-pair.max(axis=1), kind="stable")[:MAX_WINDOWS]:
            partners = np.argsort(-pair[seed], kind="stable")
            partners = partners[partners != seed][: window - 1]
            found.append(np.sort(alone[np.r_[seed, partners]]))
    return found[:MAX_WINDOWS]


def _fill(members: np.ndarray, alone: np.ndarray, affinity: np.ndarray, window: int) -> np.ndarray:
    """``members`` plus the candidates alone with the highest affinity, up to ``window``."""
    extra = alone[np.argsort(-affinity, kind="stable")[: max(0, window - members.size)]]
    return np.sort(np.r_[members, extra])


def _affinity(evaluator: PoolEvaluator, pools: np.ndarray, value: np.ndarray, alone: np.ndarray) -> np.ndarray:
    """``b(P ∪ {j}) − b(P)`` for each pool P (rows) and candidate alone j (columns)."""
    if pools.shape[0] == 0 or alone.size == 0:
        return np.zeros((pools.shape[0], alone.size))
    rows = np.repeat(pools, alone.size, axis=0)
    rows[np.arange(rows.shape[0]), np.tile(alone, pools.shape[0])] = True
    benefit, _ = evaluator.assess(rows)
    return benefit.reshape(pools.shape[0], alone.size) - value[:, None]


def pair_benefit(evaluator: PoolEvaluator, alone: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
    """``b({j, k})`` among the candidates ``alone`` (local indices; −inf on the diagonal).

    The pairs are costed in batches of :data:`PAIR_BATCH` (bounded ``(pairs, m)`` masks: all pairs
    of 1,000 candidates would take 500 MB at once). ``known`` ``(m, m)``: pair benefits already
    costed (NaN where not), read and completed in place — a pair's benefit does not change from one
    pass to the next, and most candidates alone stay alone (the same number: ``c({j}) + c({k})``
    is summed exactly in any order, and the cost is the cache's).
    """
    first, second = np.triu_indices(alone.size, 1)
    benefit = np.full(first.size, np.nan) if known is None else known[alone[first], alone[second]]
    todo = np.flatnonzero(np.isnan(benefit))
    for lo in range(0, todo.size, PAIR_BATCH):
        part = todo[lo : lo + PAIR_BATCH]
        rows = np.zeros((part.size, evaluator.m), dtype=bool)
        rows[np.arange(part.size), alone[first[part]]] = True
        rows[np.arange(part.size), alone[second[part]]] = True
        benefit[part], _ = evaluator.assess(rows)
    if known is not None and todo.size:
        known[alone[first[todo]], alone[second[todo]]] = benefit[todo]
    pair = np.full((alone.size, alone.size), -np.inf)
    pair[first, second] = pair[second, first] = benefit
    return pair


#: Pairs costed per batch by :func:`pair_benefit`.
PAIR_BATCH = 1 << 14
