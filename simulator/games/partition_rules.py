"""Partition search under a neighbourhood rule: pools only among neighbours, up to 1,000 ASBLs.

A sector view (MODEL.md §3.10) looks for pools among about a thousand Brussels ASBLs. Pools form
between organisations close to each other, so a rule says who may pool with whom
(:mod:`simulator.games.neighbourhoods`):

- ``"commune"`` — every two members of a pool are in the same commune or in bordering communes
  (:func:`simulator.communes.adjacency`);
- ``"subsector"`` — the same, and every member is in the same sub-sector.

The rule depends on each candidate's *cell* only (its commune, or commune × sub-sector), so a
pool S is allowed iff no two cells present in S are forbidden to each other:
``¬∃ a, b ∈ cells(S): ¬allowed(a, b)``, checked for ``C`` pools at once with two small products
(``(C, m) @ (m, K)`` cell presence, then ``(C, K) @ (K, K)``) — :meth:`Neighbourhood.admits`.

The search (:func:`solve_by_cells`), for a group too large to solve exactly:

1. **Within each cell** (all pairs allowed there): exact subset DP up to the exact limit,
   the full heuristic of :mod:`~simulator.games.partition_heuristic` above. With 1,000
   candidates over 19 communes a cell holds about 50.
2. **Across cells** (greedy merging of whole pools): the cells' pools and the candidates left
   alone are merged two at a time, largest ``Δ = b(P ∪ Q) − b(P) − b(Q) > 0`` first, whenever the
   rule admits ``P ∪ Q`` (their cells border each other) and it fits ``max_size``; each merge
   re-costs only the new pool's unions. This is where candidates of neighbouring communes meet.
3. **Polish** (:func:`polish`): the *window* of each cell — the cell and its bordering cells, which
   holds every allowed pool meeting the cell (the windows of
   :func:`~simulator.games.neighbourhoods.neighbourhood_windows`) — is improved by local and
   neighbourhood search (:func:`~simulator.games.partition_heuristic.improve`) on the pools lying
   wholly inside it, when it holds at most :data:`POLISH_LIMIT` candidates.

The groups solved here are the connected parts of the cell graph (:meth:`Neighbourhood.components`):
candidates in two parts can never pool, so each part is solved on its own, exactly when small
enough. The answer of steps 1–3 is a heuristic one (``method = "heuristic"``), at least the best
partition within each cell when the cells are solved exactly; ``tests/games/test_partition_rules.py``
compares it with the exact optimum under the same rule on instances small enough. Among 1,000
candidates the windows are too large to polish (100–500 candidates).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np

from simulator.errors import InputError
from simulator.messages import msg

from .neighbourhoods import _commune_index
from .partition_exact import solve_exact
from .partition_heuristic import improve, merge_across, solve_heuristic, total_benefit
from .pools import PoolEvaluator

__all__ = ["NEIGHBOURHOODS", "Neighbourhood", "solve_by_cells"]

#: Largest window polished by local and neighbourhood search (:func:`polish`).
POLISH_LIMIT = 60
#: Rules of :class:`Neighbourhood` (None or "none": no rule).
NEIGHBOURHOODS = ("commune", "subsector")


class Neighbourhood:
    """Who may pool with whom, by cell: ``cells[i]`` for each of ``N`` candidates and the
    ``(K, K)`` bool matrix ``allowed`` of cells that may share a pool (symmetric, True on the
    diagonal).
    """

    def __init__(self, name: str, cells: np.ndarray, allowed: np.ndarray, labels: Sequence[str]):
        self.name = name
        self.cells = np.asarray(cells, dtype=np.int64)
        self.allowed = np.asarray(allowed, dtype=bool)
        self.labels = tuple(labels)  # one per cell, for notes

    @classmethod
    def from_rule(cls, rule: str, communes: Sequence[str],
                  subsectors: Sequence[str] | None = None) -> Neighbourhood:
        """The rule ``"commune"`` (same or bordering commune) or ``"subsector"`` (and same
        sub-sector) over candidates with these commune codes (and sub-sectors)."""
        from simulator.communes import adjacency
        from simulator.org_schema import COMMUNES

        if rule not in NEIGHBOURHOODS:
            raise InputError("neighbourhood", msg("partition.rule_unknown", "expected 'commune', 'subsector' or "
                                                  "'none', got '{rule}'", rule=str(rule)))
        codes = _commune_index(list(communes))
        ring = adjacency()
        if rule == "commune":
            present, cells = np.unique(codes, return_inverse=True)
            allowed = ring[present[:, None], present[None, :]]
            labels = [COMMUNES[c] for c in present]
            return cls(rule, cells, allowed, labels)
        if subsectors is None or len(subsectors) != len(communes):
            raise InputError("subsector", msg("partition.rule_subsectors",
                                              "the sub-sector rule needs one sub-sector per candidate"))
        sub = np.asarray([str(s) for s in subsectors])
        kinds, sub_codes = np.unique(sub, return_inverse=True)
        pairs, cells = np.unique(np.stack([codes, sub_codes], axis=1), axis=0, return_inverse=True)
        cells = cells.reshape(-1)
        allowed = ring[pairs[:, 0][:, None], pairs[:, 0][None, :]] & (pairs[:, 1][:, None] == pairs[:, 1][None, :])
        labels = [f"{COMMUNES[c]}/{kinds[s]}" for c, s in pairs]
        return cls(rule, cells, allowed, labels)

    def local(self, cols: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
        """``admits(masks (C, m)) -> (C,) bool`` for the candidates ``cols`` (one-hot precomputed)."""
        cells = self.cells[np.asarray(cols)]
        present, local_cells = np.unique(cells, return_inverse=True)
        onehot = np.zeros((cells.size, present.size))
        onehot[np.arange(cells.size), local_cells.reshape(-1)] = 1.0
        forbidden = (~self.allowed[present[:, None], present[None, :]]).astype(np.float64)
        if not forbidden.any():
            return lambda masks: np.ones(np.asarray(masks).shape[0], dtype=bool)

        def admits(masks: np.ndarray) -> np.ndarray:
            presence = (np.asarray(masks, dtype=np.float64) @ onehot) > 0
            clash = (presence.astype(np.float64) @ forbidden) * presence
            return ~(clash > 0).any(axis=1)

        return admits

    def admits(self, masks: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
        """``(C,)`` bool: pools ``(C, m)`` over candidates ``cols`` (default all) the rule allows."""
        return self.local(np.arange(self.cells.size) if cols is None else cols)(masks)

    def components(self, cols: np.ndarray) -> list[np.ndarray]:
        """Positions in ``cols`` of each connected part of the cell graph (no pool spans two)."""
        cells = self.cells[np.asarray(cols)]
        present, local_cells = np.unique(cells, return_inverse=True)
        link = self.allowed[present[:, None], present[None, :]].copy()
        reach = link.copy()
        while True:  # transitive closure by squaring (K ≤ a few hundred cells)
            wider = (reach.astype(np.int64) @ reach.astype(np.int64)) > 0
            if (wider == reach).all():
                break
            reach = wider
        part = np.argmax(reach, axis=1)  # smallest cell reachable labels the part
        label = part[local_cells.reshape(-1)]
        return [np.flatnonzero(label == p) for p in np.unique(label)]

    def cell_of(self, cols: np.ndarray) -> np.ndarray:
        return self.cells[np.asarray(cols)]


def solve_by_cells(
    evaluator: PoolEvaluator,
    neighbourhood: Neighbourhood,
    *,
    exact_limit: int,
    starts: Callable[[PoolEvaluator], list] = lambda evaluator: [],
    on_cell: Callable[[], None] | None = None,
    polish_limit: int = POLISH_LIMIT,
    partners: int | str | None = "auto",
) -> tuple[list[np.ndarray], float]:
    """Best pools of each cell, then greedy merging across bordering cells (module docstring).

    ``evaluator`` must check the rule (built with ``neighbourhood=``); ``starts(sub)`` gives
    extra starting partitions for a cell solved heuristically; windows of at most
    ``polish_limit`` candidates are polished (:func:`polish`); ``partners``: the heuristic growth's
    candidate lists (:func:`~simulator.games.partition_heuristic.solve_heuristic`). Returns the pools (local indices,
    singletons included) and the total benefit.
    """
    cells = neighbourhood.cell_of(evaluator.cols)
    pools: list[np.ndarray] = []
    for code in np.unique(cells):
        local = np.flatnonzero(cells == code)
        if local.size >= 2:
            sub = evaluator.restricted(local)
            found, _ = (solve_exact(sub) if local.size <= exact_limit
                        else solve_heuristic(sub, starts(sub), partners=partners))
            pools += [local[p] for p in found]
        else:
            pools.append(local)
        if on_cell is not None:
            on_cell()
    pools = merge_across(evaluator, pools)
    pools = polish(evaluator, neighbourhood, pools, limit=polish_limit)
    return pools, total_benefit(evaluator, pools)


def polish(evaluator: PoolEvaluator, neighbourhood: Neighbourhood, pools: list[np.ndarray], *,
           limit: int = 0) -> list[np.ndarray]:
    """Re-cut the pools around each cell by local and neighbourhood search.

    The window of cell c is every candidate whose cell may pool with c (c and its bordering
    cells): it holds every allowed pool meeting c. Its pools lying wholly inside are improved by
    :func:`~simulator.games.partition_heuristic.improve` (moves, swaps, exact re-solves of small
    windows) and replaced when their benefit grows; pools reaching outside are left as they are,
    so the rest of the partition is untouched and the gain is exact. Windows above ``limit``
    candidates are skipped (the search costs about ``w**2`` pools per round).
    """
    cells = neighbourhood.cell_of(evaluator.cols)
    pools = [np.asarray(p) for p in pools]
    for code in np.unique(cells):
        near = neighbourhood.allowed[code, cells]
        inside = [k for k, pool in enumerate(pools) if near[pool].all()]
        members = np.sort(np.concatenate([pools[k] for k in inside])) if inside else np.zeros(0, int)
        if members.size < 3 or members.size > limit:
            continue
        sub = evaluator.restricted(members)
        local = [np.searchsorted(members, pools[k]) for k in inside]
        before = total_benefit(sub, local)
        better, value = improve(sub, local)
        if value > before + evaluator.tol:
            taken = set(inside)
            kept = [pool for k, pool in enumerate(pools) if k not in taken]
            pools = kept + [members[p] for p in better]
    return pools


def neighbourhood_for(rule: str | None, candidates: Sequence[Hashable], attributes) -> Neighbourhood | None:
    """The :class:`Neighbourhood` of ``rule`` for ``candidates`` (columns ``commune`` and, for
    ``"subsector"``, ``subsector`` of ``attributes``); None for no rule."""
    if rule is None or rule == "none":
        return None
    if rule not in NEIGHBOURHOODS:
        raise InputError("neighbourhood", msg("partition.rule_unknown", "expected 'commune', 'subsector' or "
                                                  "'none', got '{rule}'", rule=str(rule)))
    needed = ["commune"] + (["subsector"] if rule == "subsector" else [])
    if attributes is None:
        raise InputError("attributes", msg("partition.rule_table", "the '{rule}' neighbourhood needs a table "
                                           "with the columns {columns}", rule=rule, columns=needed))
    missing_cols = [c for c in needed if c not in attributes.columns]
    if missing_cols:
        raise InputError("attributes", msg("partition.rule_columns", "the '{rule}' neighbourhood needs the "
                                           "columns {columns}", rule=rule, columns=missing_cols))
    missing = [c for c in candidates if c not in attributes.index]
    if missing:
        raise InputError("attributes", msg("partition.rule_no_row", "no row for the candidates {names}",
                                           names=[str(c) for c in missing[:5]]))
    table = attributes.loc[list(candidates), needed]
    if table.isna().any(axis=None):
        who = [str(candidates[i]) for i in np.flatnonzero(table.isna().any(axis=1).to_numpy())[:5]]
        raise InputError(f"attributes.{'/'.join(needed)}", msg("partition.rule_missing_value",
                                                                "missing value for {names}", names=who))
    return Neighbourhood.from_rule(rule, table["commune"].tolist(),
                                   table["subsector"].tolist() if rule == "subsector" else None)
