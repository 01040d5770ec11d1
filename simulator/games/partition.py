"""Which ASBLs should pool together: the partition of candidates with the largest total benefit.

Given ``N`` candidate organisations and the cost ``c(S)`` of any pool S (a vectorised
``cost_fn((C, N) bool) -> (C,)``, e.g. backed by the engine), find a partition into pools that
maximises the total benefit ``Σ_pools b(S)``, ``b(S) = Σ_{i∈S} c({i}) − c(S)``, subject to the
admissibility rules of :mod:`simulator.games.pools` (maximum size, every member better off than
alone under a named allocation rule). Candidates left alone have benefit 0.

``same=["commune"]`` only pools candidates sharing those attributes; the problem then splits
into independent groups, each solved on its own — exactly (``partition_exact``, dynamic programming
over subsets) when it has at most ``exact_limit`` candidates (16 by default), heuristically
(``partition_heuristic``, greedy merging plus local search, with an upper bound when one can be
computed) above. So 200 candidates spread over the 19 Brussels communes are often solved exactly.
A heuristic group can be seeded (``seed_with``) with the best partitions found within each commune
or sub-sector: they are admissible without the grouping too, and the search may merge across it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.messages import msg
from simulator.threads import single_threaded_blas

from .game import CostGame
from .inputs import CostFunction, call_cost_fn, check_players, names
from .memo import CostCache
from .partition_bound import upper_bound
from .partition_exact import solve_exact
from .partition_heuristic import solve_heuristic
from .partition_rules import POLISH_LIMIT, neighbourhood_for, solve_by_cells
from .pools import RULES, SHAPLEY_POOL_LIMIT, PoolEvaluator

__all__ = ["PARTITION_EXACT_LIMIT", "PartitionResult", "best_partition"]

#: Largest group solved exactly (2**16 pools, 3**15 DP pairs).
PARTITION_EXACT_LIMIT = 16
#: Most pools enumerated for the heuristic's upper bound.
BOUND_LIMIT = 2_000_000


@dataclass(frozen=True)
class PartitionResult:
    """Proposed pools, their benefit, and how sure we are it is the best.

    Attributes
    ----------
    pools
        Pools of two or more candidates, largest benefit first.
    alone
        Candidates better left on their own.
    total_benefit
        ``Σ b(S)`` over the pools (euro per year when costs are annual).
    method
        ``"exact"``, ``"heuristic"`` or ``"mixed"`` (exact for some groups only).
    upper_bound
        A proven upper bound on the best total, or None when none could be computed.
    members
        One row per candidate: ``pool`` (0 = alone), ``pool_size``, ``standalone``, ``pays`` (under
        the allocation rule), ``gain``.
    pool_table
        One row per pool: ``members``, ``size``, ``standalone``, ``cost``, ``benefit``.
    notes
        How each group was solved.
    """

    pools: tuple[tuple[Hashable, ...], ...]
    alone: tuple[Hashable, ...]
    total_benefit: float
    method: str
    upper_bound: float | None
    members: pd.DataFrame = field(repr=False)
    pool_table: pd.DataFrame = field(repr=False)
    notes: tuple[str, ...] = ()

    @property
    def gap(self) -> float | None:
        """``upper_bound − total_benefit``: the most the answer can fall short (None: unknown)."""
        if self.upper_bound is None:
            return None
        return max(0.0, self.upper_bound - self.total_benefit)

    @property
    def relative_gap(self) -> float | None:
        """Gap as a share of the upper bound (0 when proven optimal)."""
        gap = self.gap
        if gap is None:
            return None
        return gap / self.upper_bound if self.upper_bound and self.upper_bound > 0 else 0.0


@single_threaded_blas()  # thousands of small kernel calls: BLAS threads only add contention
def best_partition(
    candidates: Sequence[Hashable],
    cost: CostFunction | CostGame,
    *,
    max_size: int | None = None,
    attributes: pd.DataFrame | None = None,
    same: Sequence[str] = (),
    allocation: str = "standalone",
    min_gain: float = 0.0,
    method: str = "auto",
    exact_limit: int = PARTITION_EXACT_LIMIT,
    bound_limit: int = BOUND_LIMIT,
    chunk: int = 1 << 13,
    seed_with: Sequence[str | Sequence[str]] = (),
    cache: bool = False,
    progress: Callable[[int, int], None] | None = None,
    neighbourhood: str | None = None,
    growth_partners: int | str | None = "auto",
) -> PartitionResult:
    """Propose pools among ``candidates`` maximising the total benefit.

    Parameters
    ----------
    candidates
        Distinct candidate ids (up to a few hundred).
    cost
        ``cost_fn(masks (C, N) bool) -> (C,)`` over all candidates in this order, or a
        :class:`CostGame` whose players include the candidates.
    max_size
        Largest pool (None: no limit but the group size).
    attributes, same
        A table indexed by candidate id, and the columns pooled members must share
        (e.g. ``same=["commune"]`` or ``["commune", "subsector"]``).
    allocation
        How a pool's cost is split when checking that every member gains: ``"standalone"``
        (proportional to standalone cost), ``"equal"`` or ``"shapley"`` (pools ≤ 12).
    min_gain
        Euro each member must gain over standing alone (a participation threshold, MODEL §3.10).
    method
        ``"auto"`` (exact for groups up to ``exact_limit``), ``"exact"`` or ``"heuristic"``.
    bound_limit
        Most pools enumerated to bound a heuristic group's optimum.
    chunk
        Pools per call of ``cost_fn``.
    seed_with
        Attribute groupings (columns of ``attributes``, e.g. ``["commune", "subsector"]``) whose
        best partitions — solved within each commune, each sub-sector… — seed the heuristic as
        extra starting points; the search may then merge pools across groups.
    cache
        Remember the cost of every pool already costed (:class:`~simulator.games.memo.CostCache`);
        worth it when ``cost_fn`` is the engine's kernel, not for a closed formula.
    progress
        Called as ``progress(done, total)`` in steps of the search (like the engine's hook): the
        standalone costs, each group solved exactly, and for a heuristic group its seeding, each
        starting partition improved and its bound. Steps are unequal; the last call has
        ``done == total``.
    neighbourhood
        Who may pool with whom (:mod:`~simulator.games.partition_rules`): ``"commune"`` — every
        two members in the same or bordering communes; ``"subsector"`` — and in the same
        sub-sector; None or ``"none"``: anywhere. Needs ``attributes`` with ``commune`` (and
        ``subsector``) codes. Candidates that can never meet are solved apart; a part above
        ``exact_limit`` is solved cell by cell (commune, or commune × sub-sector) and its pools
        then merged across bordering cells, which scales to about 1,000 candidates.
    growth_partners
        Candidate lists of the heuristic's best-pool-first growth: a seed adds only from its
        best partners as a pair, this many (a whole number), or ``"auto"`` — 60, or 30 % of the
        group when more (:func:`~simulator.games.partition_heuristic.partner_count`, chosen from
        the quality study in docs/PERFORMANCE.md); None: from every candidate (slower; the
        search before issue 15's third round).
    """
    candidates = check_players(candidates, "candidates")
    n = len(candidates)
    cost_fn = _cost_function(cost, candidates)
    if cache and not isinstance(cost, CostGame):
        cost_fn = CostCache(cost_fn, n)
    _check_options(max_size, allocation, min_gain, method, exact_limit)
    _check_partners(growth_partners)
    groups = _groups(candidates, attributes, same)
    rule = neighbourhood_for(neighbourhood, candidates, attributes)
    if rule is not None:  # candidates that can never share a pool are solved apart
        groups = [g[part] for g in groups for part in rule.components(g)]
    seed_with = _check_seeds(seed_with, attributes)
    if method == "exact" and max(len(g) for g in groups) > exact_limit:
        raise InputError("method", msg(
            "partition.exact_limit", "a group has {count} candidates, above the exact limit of {limit}; use "
            "method='heuristic' or 'auto', or split with same=[…].", count=max(len(g) for g in groups),
            limit=exact_limit))

    def planned(g: np.ndarray) -> int:
        if len(g) <= exact_limit and method != "heuristic":
            return 1
        return len(np.unique(rule.cell_of(g))) if rule is not None else 4 + len(seed_with)

    steps = _Steps(progress, [planned(g) for g in groups])
    standalone = np.empty(n)
    for lo in range(0, n, chunk):
        rows = np.zeros((min(chunk, n - lo), n), dtype=bool)
        rows[np.arange(rows.shape[0]), np.arange(lo, lo + rows.shape[0])] = True
        standalone[lo : lo + rows.shape[0]] = call_cost_fn(cost_fn, rows, candidates)
    steps.advance()

    chosen: list[tuple[PoolEvaluator, np.ndarray]] = []
    total, bound, solved, notes = 0.0, 0.0, set(), []
    for part, cols in enumerate(groups, start=1):
        evaluator = PoolEvaluator(
            cost_fn, candidates, cols, standalone,
            max_size=max_size, rule=allocation, min_gain=min_gain, chunk=chunk, neighbourhood=rule,
        )  # fmt: skip
        label = _label(candidates, cols, same, attributes)
        if rule is not None and len(groups) > 1:
            label += f", part {part} of {len(groups)} (candidates that may meet)"
        if len(cols) <= exact_limit and method != "heuristic":
            pools, value = solve_exact(evaluator)
            solved.add("exact")
            if bound is not None:
                bound += value
        elif rule is not None:
            pools, value = solve_by_cells(
                evaluator, rule, exact_limit=exact_limit if method != "heuristic" else 1,
                starts=lambda sub: _seed_partitions(sub, candidates, attributes, seed_with, exact_limit,
                                                    growth_partners),
                on_cell=steps.advance, partners=growth_partners)
            solved.add("heuristic")
            group_bound = upper_bound(evaluator, bound_limit)
            bound = None if bound is None or group_bound is None else bound + group_bound
            cells = len(np.unique(rule.cell_of(cols)))
            notes.append(
                f"{label}: {len(cols)} candidates in {cells} cells ({rule.name} neighbourhood), each "
                "cell solved, then pools merged across bordering cells (windows of at most "
                f"{POLISH_LIMIT} candidates polished); "
                + ("no bound available" if group_bound is None else f"bound {group_bound:,.0f}"))
        else:
            starts = _seed_partitions(evaluator, candidates, attributes, seed_with, exact_limit, growth_partners)
            steps.advance()
            pools, value = solve_heuristic(evaluator, starts, on_start=steps.advance, partners=growth_partners)
            solved.add("heuristic")
            group_bound = upper_bound(evaluator, bound_limit)
            bound = None if bound is None or group_bound is None else bound + group_bound
            notes.append(
                f"{label}: {len(cols)} candidates, heuristic; "
                + ("no bound available" if group_bound is None else f"bound {group_bound:,.0f}")
                + (f"; seeded with the best pools within each {' / '.join(map(_name, seed_with))}"
                   if starts else "")
            )
        total += value
        chosen.extend((evaluator, pool) for pool in pools)
        steps.end_group()
    kind = "mixed" if len(solved) == 2 else solved.pop()
    return _result(candidates, standalone, chosen, total, kind, bound, notes)


class _Steps:
    """Progress of the search in steps: 1 for the standalone costs, then each group's planned steps
    (a group that takes fewer, e.g. a seed grouping that does not split it, jumps to its end)."""

    def __init__(self, progress: Callable[[int, int], None] | None, per_group: list[int]):
        self.progress, self.per_group = progress, per_group
        self.total = 1 + sum(per_group)
        self.done, self.group, self.group_end = 0, 0, 1 + (per_group[0] if per_group else 0)
        self._report()

    def advance(self) -> None:
        self.done = min(self.done + 1, self.group_end - 1 if self.group < len(self.per_group) else self.total)
        self._report()

    def end_group(self) -> None:
        self.done = self.group_end
        self.group += 1
        if self.group < len(self.per_group):
            self.group_end += self.per_group[self.group]
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)


def _cost_function(cost: CostFunction | CostGame, candidates: tuple) -> CostFunction:
    if isinstance(cost, CostGame):
        index = {p: i for i, p in enumerate(cost.players)}
        unknown = [c for c in candidates if c not in index]
        if unknown:
            raise InputError("candidates", msg("partition.not_players", "not players of the game: {names}.",
                                                   names=names(unknown)))
        cols = np.array([index[c] for c in candidates])

        def from_game(masks: np.ndarray) -> np.ndarray:
            wide = np.zeros((masks.shape[0], cost.n), dtype=bool)
            wide[:, cols] = masks
            return cost._evaluate(wide)

        return from_game
    if not callable(cost):
        raise InputError("cost", msg("partition.cost", "expected a cost function masks (C, N) -> (C,) or a CostGame."))
    return cost


def _check_seeds(seed_with, attributes: pd.DataFrame | None) -> list[list[str]]:
    """Seed groupings as lists of attribute columns (checked against ``attributes``)."""
    seeds = [seed_with] if isinstance(seed_with, str) else list(seed_with)
    seeds = [[s] if isinstance(s, str) else list(s) for s in seeds]
    if seeds and attributes is None:
        raise InputError("attributes", msg("partition.attributes_for_seeds", "needed to seed the search with "
                                           "groupings {seeds}.", seeds=str(seeds)))
    missing = sorted({c for s in seeds for c in s if c not in attributes.columns}) if seeds else []
    if missing:
        raise InputError("seed_with", msg("partition.no_column", "no column {names} in the attributes table.",
                                          names=names(missing)))
    return [s for s in seeds if s]


def _seed_partitions(evaluator: PoolEvaluator, candidates: tuple, attributes, seeds, exact_limit,
                     partners: int | str | None = "auto"):
    """Best partition within each group of each seed grouping (exact up to ``exact_limit``)."""
    starts = []
    for columns in seeds:
        table = attributes.loc[[candidates[i] for i in evaluator.cols], columns]
        table = table.reset_index(drop=True).dropna()
        by = columns[0] if len(columns) == 1 else columns
        groups = [np.asarray(g, dtype=np.int64) for g in table.groupby(by, sort=True).groups.values()]
        groups = [g for g in groups if g.size >= 2]
        if not groups or (len(groups) == 1 and groups[0].size == evaluator.m):
            continue  # the grouping does not split this group: nothing new to start from
        start = []
        for local in groups:
            sub = evaluator.restricted(local)
            pools, _ = solve_exact(sub) if local.size <= exact_limit else solve_heuristic(sub, partners=partners)
            start += [local[p] for p in pools if p.size >= 2]
        starts.append(start)
    return starts


def _name(columns: Sequence[str]) -> str:
    return "+".join(columns)


def _check_options(max_size, allocation, min_gain, method, exact_limit) -> None:
    if max_size is not None and (
        isinstance(max_size, bool) or not isinstance(max_size, int | np.integer) or max_size < 2
    ):
        raise InputError("max_size", msg("partition.max_size", "must be a whole number of at least 2 (or None)."))
    if allocation not in RULES:
        raise InputError("allocation", msg("partition.unknown_rule", "unknown rule '{rule}'; choose from {known}.",
                                           rule=str(allocation), known=", ".join(RULES)))
    if allocation == "shapley" and (max_size is None or max_size > SHAPLEY_POOL_LIMIT):
        raise InputError("max_size", msg("partition.shapley_max_size", "the Shapley rule checks pools of at most "
                                         "{limit} members; set max_size.", limit=SHAPLEY_POOL_LIMIT))
    if not np.isfinite(min_gain) or min_gain < 0:
        raise InputError("min_gain", msg("partition.min_gain", "must be a non-negative amount in euro."))
    if method not in ("auto", "exact", "heuristic"):
        raise InputError("method", msg("partition.method", "choose 'auto', 'exact' or 'heuristic'."))
    if not 1 <= exact_limit <= 20:
        raise InputError("exact_limit", msg("partition.exact_limit_range", "must be between 1 and 20."))


def _check_partners(partners: int | str | None) -> None:
    if partners is None or (isinstance(partners, str) and partners == "auto"):
        return
    if isinstance(partners, bool) or not isinstance(partners, int | np.integer) or partners < 1:
        raise InputError("growth_partners", msg(
            "partition.growth_partners",
            "must be 'auto', a whole number of at least 1, or None (every candidate)."))


def _groups(candidates: tuple, attributes: pd.DataFrame | None, same: Sequence[str]) -> list:
    """Positions of the candidates in each group sharing the ``same`` attributes."""
    same = [same] if isinstance(same, str) else list(same)
    if not same:
        return [np.arange(len(candidates))]
    if attributes is None:
        raise InputError("attributes", msg("partition.attributes_for_same", "needed to group candidates by {same}.",
                                           same=str(same)))
    missing_cols = [c for c in same if c not in attributes.columns]
    if missing_cols:
        raise InputError("same", msg("partition.no_column", "no column {names} in the attributes table.",
                                     names=names(missing_cols)))
    missing = [c for c in candidates if c not in attributes.index]
    if missing:
        raise InputError("attributes", msg("partition.no_row", "no row for candidate(s) {names}.",
                                           names=names(missing[:5])))
    table = attributes.loc[list(candidates), same].reset_index(drop=True)
    empty = table.isna().any(axis=1)
    if empty.any():
        who = [candidates[i] for i in np.flatnonzero(empty)[:5]]
        raise InputError(f"attributes.{'/'.join(same)}", msg("partition.missing_value", "missing value for {names}.",
                                                              names=names(who)))
    return [np.asarray(rows) for rows in table.groupby(same, sort=True).indices.values()]


def _label(candidates: tuple, cols: np.ndarray, same, attributes) -> str:
    same = [same] if isinstance(same, str) else list(same)
    if not same:
        return "all candidates"
    values = attributes.loc[candidates[cols[0]], same]
    return ", ".join(f"{c}={v}" for c, v in zip(same, values, strict=True))


def _result(candidates, standalone, chosen, total, kind, bound, notes) -> PartitionResult:
    pool_rows = []
    pooled = [(ev, p) for ev, p in chosen if p.size >= 2]
    scored = []
    for evaluator, pool in pooled:
        mask = np.zeros(evaluator.m, dtype=bool)
        mask[pool] = True
        cost = float(evaluator.cost(mask[None])[0])
        own = float(evaluator.standalone[pool].sum())
        scored.append((own - cost, evaluator, pool, mask, cost, own))
    scored.sort(key=lambda item: -item[0])
    label = np.zeros(len(candidates), dtype=np.int64)
    pays = standalone.copy()
    for number, (benefit, evaluator, pool, mask, cost, own) in enumerate(scored, start=1):
        members = evaluator.cols[pool]
        label[members] = number
        pays[members] = evaluator.shares(mask)
        ids = tuple(candidates[i] for i in members)
        pool_rows.append((number, ids, len(ids), own, cost, benefit))
    sizes = np.bincount(label, minlength=len(scored) + 1)
    members_table = pd.DataFrame(
        {
            "pool": label,
            "pool_size": np.where(label > 0, sizes[label], 1),
            "standalone": standalone,
            "pays": pays,
            "gain": standalone - pays,
        },
        index=pd.Index(candidates, name="candidate"),
    )
    pool_table = pd.DataFrame(
        pool_rows, columns=["pool", "members", "size", "standalone", "cost", "benefit"]
    ).set_index("pool")
    return PartitionResult(
        pools=tuple(row[1] for row in pool_rows),
        alone=tuple(c for c, lab in zip(candidates, label, strict=True) if lab == 0),
        total_benefit=float(total),
        method=kind,
        upper_bound=None if bound is None else float(max(bound, total)),
        members=members_table,
        pool_table=pool_table,
        notes=tuple(notes),
    )
