"""Heuristic best partition for large groups: greedy merging, local and neighbourhood search.

Two starting partitions (1, 2) — plus any the caller gives, such as the best partition within
each commune or sub-sector — each improved by local search (3) and neighbourhood search (4) in
turn until neither improves; the best result is kept.

1. **Greedy merging** (agglomerative): start with every candidate alone and repeatedly merge the
   two pools whose union adds the most benefit, ``Δ = b(A ∪ B) − b(A) − b(B) > 0``, as long as the
   union is admissible. Each merge re-costs only the new pool's unions with the others (one
   vectorised call), so 200 candidates need about 200 calls.
2. **Best pool first** (seeded growth): from every candidate, grow a pool by adding, one at a
   time, the candidate that makes its benefit largest — even through a loss, since fixed
   set-up and governance costs make small pools lose where larger ones gain, which pairwise
   merging cannot see — up to ``max_size`` (at most :data:`GROWTH_STEPS` members); keep the best
   admissible pool met on the way. Take the best pool over all seeds, remove its members, and
   repeat; only the seeds whose growth path used a removed candidate are regrown (from the
   removed candidate on: the additions before it are replayed). A seed stops growing
   :data:`PATIENCE` additions after its best pool (coordination costs keep rising). Each seed
   adds only from its *candidate list*: its best partners as a pair, as many as
   :func:`partner_count` says (see :func:`_partner_lists`).
3. **Local search** (best improvement): among all moves of one member to another pool or to
   standing alone, and all swaps of two members of different pools, apply the one that adds the
   most benefit, together with every other improving change that touches other pools; repeat
   until none improves. Each round is costed in vectorised batches, and only for the pools the
   round before changed: what the others gain by a move or swap is kept (:class:`_Effects`).
4. **Neighbourhood search** (``partition_neighbourhood``): re-solve exactly, by the subset DP,
   small windows of candidates made of whole pools plus the candidates standing alone that fit
   them best, and keep any improvement; then local search again, until neither improves.

The result is a local optimum for all these moves. It may still miss the optimum; the tests
measure how often and by how much on instances small enough to solve exactly, and
``partition_bound`` gives a proven upper bound when the pools are small enough to enumerate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .partition_neighbourhood import improve_by_neighbourhoods, pair_benefit
from .pools import PoolEvaluator

__all__ = ["GROWTH_PARTNERS", "GROWTH_PARTNER_SHARE", "improve", "merge_across", "partner_count", "solve_heuristic",
           "total_benefit"]

#: Safety cap on local-search rounds.
MAX_ROUNDS = 10_000
#: Largest pool grown from a seed in the best-pool-first construction, and how many additions
#: past its best pool a seed keeps growing.
GROWTH_STEPS, PATIENCE = 24, 3
#: Candidate lists of the best-pool-first growth (``"auto"``): a seed of a group of ``m``
#: candidates adds only from its ``max(GROWTH_PARTNERS, ⌈GROWTH_PARTNER_SHARE · m⌉)`` best
#: partners as a pair, ``b({s, j})``. Chosen from the quality study
#: ``benchmarks/bench_partition_quality.py`` (docs/PERFORMANCE.md, "Third round"): the growth
#: alone loses nothing with it on any instance studied, the whole search at most 0.13 % on one of
#: 17; a fixed length loses more the larger the group.
GROWTH_PARTNERS, GROWTH_PARTNER_SHARE = 60, 0.3


def solve_heuristic(
    evaluator: PoolEvaluator, starts: Sequence[Sequence[np.ndarray]] = (),
    on_start: Callable[[], None] | None = None, *, partners: int | str | None = "auto",
) -> tuple[list[np.ndarray], float]:
    """Each construction (and each of ``starts``), then local search and neighbourhood search
    alternately until neither improves; returns the best partition (pools as arrays of local
    indices, singletons included) and its total benefit.

    ``starts`` are extra starting partitions (pools as arrays of local indices; candidates left
    out stand alone), e.g. the best partition within each commune or sub-sector: every pool of
    such a partition is admissible here too, and the search may merge across the groups.
    ``on_start`` is called after each starting partition is improved (a progress step).
    ``partners``: the best-pool-first growth's candidate lists (:func:`partner_count`).
    """
    best: tuple[list[np.ndarray], float] = ([], -np.inf)
    builders = [lambda: _greedy_merge(evaluator), lambda: _grow_pools(evaluator, partners)]
    builders += [lambda start=start: _complete(start, evaluator.m) for start in starts]
    for build in builders:
        pools, value = improve(evaluator, build())
        if value > best[1] + evaluator.tol:
            best = (pools, value)
        if on_start is not None:
            on_start()
    return best


def improve(evaluator: PoolEvaluator, pools: list[np.ndarray]) -> tuple[list[np.ndarray], float]:
    """Local search (3) and neighbourhood search (4) alternately from ``pools`` (local indices,
    singletons included) until neither improves; returns the pools and their total benefit."""
    effects = _Effects(evaluator)  # what each pool met gains by moves and swaps, kept across rounds
    pools = _local_search(evaluator, pools, effects)
    value = total_benefit(evaluator, pools)
    while True:
        improved = _local_search(evaluator, improve_by_neighbourhoods(evaluator, pools), effects)
        improved_value = total_benefit(evaluator, improved)
        if not improved_value > value + evaluator.tol:
            return pools, value
        pools, value = improved, improved_value


def _complete(start: Sequence[np.ndarray], m: int) -> list[np.ndarray]:
    """A starting partition with every candidate it leaves out standing alone."""
    pools = [np.asarray(p, dtype=np.int64) for p in start if len(p)]
    covered = np.zeros(m, dtype=bool)
    for pool in pools:
        covered[pool] = True
    return pools + [np.array([i]) for i in np.flatnonzero(~covered)]


def total_benefit(evaluator: PoolEvaluator, pools: list[np.ndarray]) -> float:
    """Σ b(P) over the pools (index arrays into the evaluator's candidates)."""
    benefit, _ = evaluator.assess(_masks(pools, evaluator.m))
    return float(benefit.sum())


def _masks(pools: list[np.ndarray], m: int) -> np.ndarray:
    masks = np.zeros((len(pools), m), dtype=bool)
    for k, pool in enumerate(pools):
        masks[k, pool] = True
    return masks


def _greedy_merge(evaluator: PoolEvaluator) -> list[np.ndarray]:
    """Greedy merging from singletons (:func:`merge_across` with every candidate its own pool)."""
    return merge_across(evaluator, [np.array([i]) for i in range(evaluator.m)])


def _grow_pools(evaluator: PoolEvaluator, partners: int | str | None = None) -> list[np.ndarray]:
    """Best pool first (see the module docstring), each seed adding only from its best partners
    as a pair (:func:`partner_count`; None: from every candidate; see :func:`_partner_lists`).

    A seed whose growth path loses a member to a chosen pool is regrown, but not from scratch: its
    additions before that member are replayed from its :class:`_Growth` record. They are what
    growing again would find — each was the best addition among a superset of the candidates
    still there (ties go to the lowest position either way), with the same costs — so the search
    is unchanged and only the steps after the lost member are costed again. The candidate lists
    are fixed once for the whole construction, so this holds with them too.
    """
    m, tol = evaluator.m, evaluator.tol
    remaining = np.ones(m, dtype=bool)
    value = np.full(m, -np.inf)  # best benefit reachable from each seed
    pool = np.zeros((m, m), dtype=bool)  # that pool
    path = np.zeros((m, m), dtype=bool)  # every candidate the seed's growth used
    stale = np.ones(m, dtype=bool)
    growth = _Growth(m, min(evaluator.max_size, GROWTH_STEPS, m) - 1, _partner_lists(evaluator, partners))
    chosen: list[np.ndarray] = []
    while remaining.sum() >= 2:
        seeds = np.flatnonzero(stale & remaining)
        if seeds.size:
            value[seeds], pool[seeds], path[seeds] = _grow(evaluator, seeds, remaining, growth,
                                                           growth.kept(seeds, remaining))
            stale[seeds] = False
        live = np.where(remaining, value, -np.inf)
        seed = int(np.argmax(live))
        if not live[seed] > tol:
            break
        if not evaluator.confirm(pool[seed]):
            value[seed] = -np.inf
            continue
        taken = pool[seed].copy()
        chosen.append(np.flatnonzero(taken))
        remaining &= ~taken
        stale |= (path & taken).any(axis=1)
    return chosen + [np.array([i]) for i in np.flatnonzero(remaining)]


def partner_count(m: int, partners: int | str | None = "auto") -> int | None:
    """Length of each seed's candidate list in a group of ``m`` candidates: ``"auto"`` →
    ``max(GROWTH_PARTNERS, ⌈GROWTH_PARTNER_SHARE · m⌉)``; a whole number → itself; None → None
    (every candidate). Up to 200 candidates: 60 (a group of 61 or fewer: every other candidate,
    no list); 1,000: 300."""
    if partners == "auto":
        return max(GROWTH_PARTNERS, int(np.ceil(GROWTH_PARTNER_SHARE * m)))
    if partners is not None and (isinstance(partners, bool) or not isinstance(partners, int | np.integer)
                                 or partners < 1):
        raise ValueError(f"partners: expected 'auto', a list length of at least 1 or None, got {partners!r}.")
    return partners


def _partner_lists(evaluator: PoolEvaluator, partners: int | str | None) -> np.ndarray | None:
    """Each seed's candidate list as an ``(m, m)`` mask: its :func:`partner_count` best partners
    ``j`` by the pair's benefit ``b({s, j})`` (ties: the lower position first), None for every
    candidate (``partners`` None, or a list of at least ``m − 1``).

    Why: growing a seed costs, at each step, the pool plus each candidate still there, ``m`` rows
    per seed and step — most of them for candidates that pool badly with the seed. A classical
    candidate-list restriction (the neighbour lists of Lin–Kernighan; the *granular*
    neighbourhoods of Toth & Vigo 2003, "The granular tabu search and its application to the
    vehicle-routing problem", INFORMS J. Computing 15(4)) keeps only the moves to promising
    partners. The pair benefit is the growth's own first step, so the list is exactly what that
    step ranks. Fixed set-up and governance costs make a small pool lose where a larger one gains,
    so a good final member may pair badly with the seed: the list must be wide, and its length
    was chosen from the quality study (``benchmarks/bench_partition_quality.py``), not assumed:
    on synthetic groups a fixed list of 30 lost 2–7 % of the growth's benefit at 200 candidates
    but nothing at 60, while 60 (or 30 % of the group) lost nothing at 60–200; the whole search
    lost up to 1 % on some instances with lists of 10–40 and at most 0.13 % (one instance of 17)
    with 60, so the default is 60, growing with the group past 200.
    The pairs ``{i, j}`` are costed once (``m (m − 1) / 2`` rows) for all seeds.
    """
    m = evaluator.m
    partners = partner_count(m, partners)
    if partners is None or partners >= m - 1:
        return None
    pairs = pair_benefit(evaluator, np.arange(m))  # −inf on the diagonal: a seed is not its own partner
    best = np.argsort(-pairs, axis=1, kind="stable")[:, :partners]  # stable: ties by position
    allowed = np.zeros((m, m), dtype=bool)
    allowed[np.arange(m)[:, None], best] = True
    return allowed


class _Growth:
    """Each seed's growth path: ``order[s, t]`` the candidate added at step ``t`` (``order[s, 0]``
    = the seed, −1 past the end), with the benefit and admissibility of the pool it made; and
    ``allowed[s]``, the candidates seed ``s`` may add (its candidate list; all when None)."""

    def __init__(self, m: int, steps: int, allowed: np.ndarray | None = None):
        self.steps = steps
        self.allowed = allowed
        self.order = np.full((m, steps + 1), -1, dtype=np.int64)
        self.order[:, 0] = np.arange(m)
        self.benefit = np.full((m, steps + 1), -np.inf)
        self.ok = np.zeros((m, steps + 1), dtype=bool)

    def kept(self, seeds: np.ndarray, remaining: np.ndarray) -> np.ndarray:
        """Members of each seed's path before the first one no longer ``remaining`` (the seed
        itself, 1, for a seed never grown)."""
        order = self.order[seeds]
        lost = (order >= 0) & ~remaining[np.maximum(order, 0)]
        return np.where(lost.any(axis=1), np.argmax(lost, axis=1), (order >= 0).sum(axis=1))

    def replay(self, seeds: np.ndarray, kept: np.ndarray, m: int):
        """State after each seed's first ``kept − 1`` steps: pool, best benefit, size of the best
        pool (1: none yet), additions since the best."""
        k = seeds.size
        order = self.order[seeds]
        step = np.arange(self.steps + 1)
        current = np.zeros((k, m), dtype=bool)
        inside = (step[None, :] < kept[:, None]) & (order >= 0)
        current[np.nonzero(inside)[0], order[inside]] = True
        best_value, best_size, since_best = np.full(k, -np.inf), np.ones(k, dtype=np.int64), np.zeros(k, np.int64)
        for t in range(1, int(kept.max(initial=1))):  # the same rule as in _grow, step by step
            live = kept > t
            better = live & self.ok[seeds, t] & (self.benefit[seeds, t] > best_value)
            best_value = np.where(better, self.benefit[seeds, t], best_value)
            best_size = np.where(better, t + 1, best_size)
            since_best = np.where(better, 0, np.where(live, since_best + 1, since_best))
        self.order[seeds[:, None], step[None, :]] = np.where(step[None, :] < kept[:, None], order, -1)
        return current, best_value, best_size, since_best


def _grow(
    evaluator: PoolEvaluator, seeds: np.ndarray, remaining: np.ndarray, growth: _Growth, kept: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grow a pool from each seed among ``remaining`` (and its candidate list), resuming after the
    first ``kept`` members of its recorded path; best (value, pool, path) per seed."""
    m = evaluator.m
    current, best_value, best_size, since_best = growth.replay(seeds, kept, m)
    open_to = remaining[None, :] if growth.allowed is None else remaining[None, :] & growth.allowed[seeds]
    done = kept - 1  # steps taken by each seed
    growing = np.ones(seeds.size, dtype=bool)
    while True:
        growing &= done < growth.steps
        rows, cols = np.nonzero(open_to & ~current & growing[:, None])
        if rows.size == 0:
            break
        trial = current[rows]
        trial[np.arange(rows.size), cols] = True
        benefit, ok = evaluator.assess(trial)
        order = np.lexsort((-benefit, rows))  # per seed, best addition first
        first = order[np.r_[True, rows[order][1:] != rows[order][:-1]]]
        grown = rows[first]
        at = done[grown] + 1
        growth.order[seeds[grown], at] = cols[first]
        growth.benefit[seeds[grown], at] = benefit[first]
        growth.ok[seeds[grown], at] = ok[first]
        current[grown, cols[first]] = True
        done[grown] = at
        better = ok[first] & (benefit[first] > best_value[grown])
        best_value[grown[better]] = benefit[first][better]
        best_size[grown[better]] = at[better] + 1
        since_best[grown] = np.where(better, 0, since_best[grown] + 1)
        # stop a seed once its best pool is PATIENCE additions behind (coordination costs grow)
        growing &= ~(np.isfinite(best_value) & (since_best >= PATIENCE))
    best_pool = np.zeros((seeds.size, m), dtype=bool)
    step = np.arange(growth.steps + 1)
    order = growth.order[seeds]
    inside = (step[None, :] < best_size[:, None]) & (order >= 0)
    best_pool[np.nonzero(inside)[0], order[inside]] = True
    return best_value, best_pool, current


def _local_search(
    evaluator: PoolEvaluator, pools: list[np.ndarray], effects: _Effects | None = None
) -> list[np.ndarray]:
    """Best-improvement moves, then swaps when no move improves; each round also applies every
    other improving change that touches pools not yet changed in that round (independent gains).

    ``effects`` remembers what each pool met so far gains or loses by a move or swap
    (:class:`_Effects`); a round costs only the pools the previous round changed.
    """
    effects = _Effects(evaluator) if effects is None else effects
    label = np.empty(evaluator.m, dtype=np.int64)
    for k, pool in enumerate(pools):
        label[pool] = k
    swaps = False
    for _ in range(MAX_ROUNDS):
        gains, kind, first, second = _improvements(evaluator, label, swaps=swaps, effects=effects)
        order = np.argsort(-gains, kind="stable")
        order = order[gains[order] > evaluator.tol]
        touched: set[int] = set()
        new = label.copy()
        fresh = label.max() + 1
        for k in order:
            i, j = int(first[k]), int(second[k])
            if kind[k] == _MOVE:
                pools_hit = {int(label[i]), j} if j >= 0 else {int(label[i])}
            else:
                pools_hit = {int(label[i]), int(label[j])}
            if pools_hit & touched:
                continue
            trial = new.copy()
            if kind[k] == _MOVE:
                trial[i] = j if j >= 0 else fresh
                fresh += j < 0
            else:
                trial[i], trial[j] = label[j], label[i]
            if not all(evaluator.confirm(trial == p) for p in pools_hit | {trial[i]}):
                continue
            new = trial
            touched |= pools_hit
        if not touched:
            if swaps:
                break
            swaps = True  # no improving move left: look at swaps too (the costlier neighbourhood)
            continue
        swaps = False
        label = np.unique(new, return_inverse=True)[1]
    return [np.flatnonzero(label == k) for k in range(label.max() + 1)]


_MOVE, _SWAP = 0, 1


def _improvements(
    evaluator: PoolEvaluator, label: np.ndarray, *, swaps: bool, effects: _Effects | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Gain of every admissible move and swap: ``(gain, kind, first, second)`` arrays.

    A move sends member ``first`` to pool ``second`` (−1: alone); a swap exchanges members
    ``first`` and ``second``. Inadmissible changes get gain ``-inf``. The benefits are read from
    ``effects`` (:class:`_Effects`, costing the pools it has not met).
    """
    m = evaluator.m
    effects = _Effects(evaluator) if effects is None else effects
    pools = np.zeros((label.max() + 1, m), dtype=bool)
    pools[label, np.arange(m)] = True
    size = pools.sum(axis=1)
    value, left, left_ok, join, join_ok = effects.moves(pools, label)
    # leaving: P ∖ {i}
    loss = np.where(left_ok, left - value[label], -np.inf)
    # joining another pool q (or a candidate alone, forming a pair): b(Q ∪ {i}) = join[q, i]
    who, where = np.nonzero(label[:, None] != np.arange(pools.shape[0])[None, :])
    move_gain = np.where(join_ok[where, who], join[where, who] - value[where], -np.inf) + loss[who]
    # going alone
    solo = np.flatnonzero(size[label] >= 2)
    # swaps between different pools (not two candidates both alone)
    first, second = np.triu_indices(m, 1) if swaps else (np.zeros(0, int), np.zeros(0, int))
    keep = (label[first] != label[second]) & ((size[label[first]] > 1) | (size[label[second]] > 1))
    first, second = first[keep], second[keep]
    if first.size:
        swapped, swapped_ok = effects.swaps(pools, label)  # [a, b] = b(P_a ∖ {a} ∪ {b})
        change = (swapped[first, second] + swapped[second, first]
                  - value[label[first]] - value[label[second]])
        swap_gain = np.where(swapped_ok[first, second] & swapped_ok[second, first], change, -np.inf)
    else:
        swap_gain = np.empty(0)
    gains = np.concatenate([move_gain, loss[solo], swap_gain])
    kind = np.concatenate([np.full(who.size + solo.size, _MOVE), np.full(first.size, _SWAP)])
    firsts = np.concatenate([who, solo, first])
    seconds = np.concatenate([where, np.full(solo.size, -1), second])
    return gains, kind, firsts, seconds


class _Effects:
    """What each pool met by the local search gains or loses by a move or swap, by its members.

    A round of local search changes a few pools; the others — and what a member leaving them,
    a candidate joining them or a swap through them is worth — are the same as in the round
    before. For each pool ``P`` met (key: its mask's bytes) this keeps

    - ``b(P)``;
    - for each candidate ``j``: ``b(P ∪ {j})`` and its admissibility when ``j ∉ P``,
      ``b(P ∖ {j})`` and its admissibility when ``j ∈ P``;
    - once swaps are looked at, for each member ``a`` and candidate ``b ∉ P``:
      ``b(P ∖ {a} ∪ {b})`` and its admissibility;

    and costs, in one batch per kind, only the pools not met yet, asking the evaluator for the
    rows the full recount asked for, in the same order (so the cost function sees the same new
    rows). A pool alone keeps ``b = 0`` without costing: leaving it or swapping its member gives
    a pool of one or none (``b = 0``, admissible).
    """

    def __init__(self, evaluator: PoolEvaluator):
        self.evaluator = evaluator
        self.value: dict[bytes, float] = {}
        self.change: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}  # (m,) benefit, admissible
        self.swap: dict[bytes, tuple[np.ndarray, np.ndarray]] = {}  # (|P|, m) benefit, admissible

    def moves(self, pools: np.ndarray, label: np.ndarray):
        """``(value (K,), left (m,), left_ok, join (K, m), join_ok)`` for the pools ``(K, m)``:
        ``left[i] = b(P_i ∖ {i})``, ``join[q, j] = b(Q ∪ {j})`` (for ``j ∉ Q``)."""
        ev, m = self.evaluator, self.evaluator.m
        if len(self.value) > _EFFECTS_KEPT:  # start afresh (9·m bytes per pool, 9·m per member with swaps)
            self.value.clear(), self.change.clear(), self.swap.clear()
        keys = [row.tobytes() for row in pools]
        new = np.array([key not in self.value for key in keys], dtype=bool)
        if new.any():
            fresh = np.flatnonzero(new)
            fresh_keys = [keys[k] for k in fresh]
            value, _ = ev.assess(pools[fresh])
            # leaving, in member order: P ∖ {i} for every member i of a new pool
            leavers = np.flatnonzero(new[label])
            without = pools[label[leavers]]
            without[np.arange(leavers.size), leavers] = False
            left, left_ok = ev.assess(without)
            # joining, member by member then pool by pool: Q ∪ {j} for every j ∉ Q
            outside = ~pools[fresh].T  # (m, new)
            who, col = np.nonzero(outside)
            joined = pools[fresh[col]]
            joined[np.arange(who.size), who] = True
            gained, ok = ev.assess(joined)
            benefit = np.full((fresh.size, m), np.nan)
            admissible = np.zeros((fresh.size, m), dtype=bool)
            benefit[col, who], admissible[col, who] = gained, ok
            rank = np.cumsum(new) - 1
            benefit[rank[label[leavers]], leavers] = left
            admissible[rank[label[leavers]], leavers] = left_ok
            for row, key in enumerate(fresh_keys):
                self.value[key] = float(value[row])
                self.change[key] = (benefit[row], admissible[row])
        value = np.array([self.value[key] for key in keys])
        join = np.stack([self.change[key][0] for key in keys])
        join_ok = np.stack([self.change[key][1] for key in keys])
        everyone = np.arange(m)
        return value, join[label, everyone], join_ok[label, everyone], join, join_ok

    def swaps(self, pools: np.ndarray, label: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(m, m)`` benefit and admissibility of ``P_a ∖ {a} ∪ {b}`` at ``[a, b]`` (for ``b ∉ P_a``)."""
        ev, m = self.evaluator, self.evaluator.m
        size = pools.sum(axis=1)
        keys = [row.tobytes() for row in pools]
        new = [k for k, key in enumerate(keys) if size[k] >= 2 and key not in self.swap]
        if new:
            member = np.zeros(m, dtype=bool)
            member[np.isin(label, new)] = True
            a, b = np.nonzero(member[:, None] & (label[:, None] != label[None, :]))  # row-major: a, then b
            swapped_benefit = np.full((m, m), np.nan)
            swapped_ok = np.zeros((m, m), dtype=bool)
            for lo in range(0, a.size, _SWAP_CHUNK):
                one, two = a[lo : lo + _SWAP_CHUNK], b[lo : lo + _SWAP_CHUNK]
                rows = pools[label[one]]
                rows[np.arange(one.size), one], rows[np.arange(one.size), two] = False, True
                swapped_benefit[one, two], swapped_ok[one, two] = ev.assess(rows)
            for k in new:
                inside = np.flatnonzero(pools[k])
                self.swap[keys[k]] = (swapped_benefit[inside], swapped_ok[inside])
        benefit, ok = np.zeros((m, m)), np.ones((m, m), dtype=bool)
        for k, key in enumerate(keys):
            if size[k] >= 2:
                inside = np.flatnonzero(pools[k])
                benefit[inside], ok[inside] = self.swap[key]
        return benefit, ok


#: Most pools whose effects the local search keeps (:class:`_Effects`).
_EFFECTS_KEPT = 4096
#: Swaps costed per batch (two masks of ``m`` booleans each).
_SWAP_CHUNK = 1 << 14


def merge_across(evaluator: PoolEvaluator, pools: list[np.ndarray]) -> list[np.ndarray]:
    """Greedy merging of whole pools (singletons included) while a union adds benefit.

    Only unions the evaluator admits are merged (its neighbourhood rule if any, ``max_size``, every
    member gaining). From singletons, this is the greedy construction of :func:`solve_heuristic`.
    Which pairs of pools a rule allows is read from their cells before any cost is computed
    (``clash = presence · forbidden · presenceᵀ``, pools × cells), so only unions of bordering
    cells that fit ``max_size`` are costed; after a merge, only the new pool's unions.
    """
    k, m, tol = len(pools), evaluator.m, evaluator.tol
    if k < 2:
        return pools
    member = np.zeros((k, m), dtype=bool)
    for row, pool in enumerate(pools):
        member[row, pool] = True
    size = member.sum(axis=1)
    benefit = np.zeros(k)  # b = 0 for a singleton: only pools of two or more are costed
    if (size >= 2).any():
        benefit[size >= 2] = evaluator.assess(member[size >= 2])[0]
    presence, forbidden = _cells(evaluator, member)
    delta = np.full((k, k), -np.inf)
    union_benefit = np.zeros((k, k))
    active = np.ones(k, dtype=bool)
    clash = (presence @ forbidden @ presence.T) > 0
    first, second = np.triu_indices(k, 1)
    keep = (size[first] + size[second] <= evaluator.max_size) & ~clash[first, second]
    _score(evaluator, member, benefit, first[keep], second[keep], delta, union_benefit)
    while True:
        best = int(np.argmax(delta))
        a, b = divmod(best, k)
        if not delta[a, b] > tol:
            break
        merged = member[a] | member[b]
        if not evaluator.confirm(merged):
            delta[a, b] = -np.inf
            continue
        member[a], benefit[a], size[a] = merged, union_benefit[a, b], size[a] + size[b]
        presence[a] = np.maximum(presence[a], presence[b])
        member[b], active[b] = False, False
        delta[b, :] = delta[:, b] = -np.inf
        delta[a, :] = delta[:, a] = -np.inf
        clash_a = (presence[a] @ forbidden @ presence.T) > 0
        others = np.flatnonzero(active & ~clash_a & (size + size[a] <= evaluator.max_size))
        others = others[others != a]
        _score(evaluator, member, benefit, np.minimum(a, others), np.maximum(a, others), delta,
               union_benefit)
    return [np.flatnonzero(member[row]) for row in np.flatnonzero(active)]


def _cells(evaluator: PoolEvaluator, member: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cell presence of each pool ``(k, K)`` and the ``(K, K)`` forbidden cell pairs (as 0/1)."""
    rule = evaluator.neighbourhood
    if rule is None:
        return np.zeros((member.shape[0], 1)), np.zeros((1, 1))
    present, local = np.unique(rule.cell_of(evaluator.cols), return_inverse=True)
    onehot = np.zeros((evaluator.m, present.size))
    onehot[np.arange(evaluator.m), local.reshape(-1)] = 1.0
    presence = ((member.astype(np.float64) @ onehot) > 0).astype(np.float64)
    forbidden = (~rule.allowed[present[:, None], present[None, :]]).astype(np.float64)
    return presence, forbidden


def _score(evaluator: PoolEvaluator, member: np.ndarray, benefit: np.ndarray, first: np.ndarray,
           second: np.ndarray, delta: np.ndarray, union_benefit: np.ndarray) -> None:
    """``delta[p, q] = b(P ∪ Q) − b(P) − b(Q)`` for admissible unions, −inf otherwise (in place)."""
    for lo in range(0, first.size, _PAIRS):
        p, q = first[lo : lo + _PAIRS], second[lo : lo + _PAIRS]
        gained, ok = evaluator.assess(member[p] | member[q])
        delta[p, q] = np.where(ok, gained - benefit[p] - benefit[q], -np.inf)
        union_benefit[p, q] = gained


#: Unions costed per batch (bounds the ``(pairs, m)`` masks).
_PAIRS = 1 << 14
