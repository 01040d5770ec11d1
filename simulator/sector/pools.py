"""Candidate pools formed by rules: same or neighbouring commune, same sub-sector, a size cap.

MODEL.md §3.10: in a sector population, pools are not chosen by an optimiser but by who is near
whom. The rule here is greedy and deterministic, one pool per step (a few hundred steps for
1,000 ASBLs; each step is array arithmetic over the population):

1. the first organisation not yet placed (table order) seeds a pool;
2. its partners are the unplaced organisations of its sub-sector (if ``same_subsector``) in its
   commune (``rule: commune``) or in its commune and the communes bordering it
   (``rule: neighbours``, :func:`simulator.communes.adjacency`) — same commune first, then by
   table order — up to ``size_cap`` members in all;
3. a seed with fewer than ``min_members`` members in reach forms no pool.

Candidates are only proposals: whether their members join is the participation rule's job
(:mod:`simulator.sector.formation`).
"""

from __future__ import annotations

import numpy as np

from simulator.communes import adjacency
from simulator.org_schema import COMMUNES
from simulator.organisations import Organisations
from simulator.sector.options import PoolRule


def candidate_pools(orgs: Organisations, rule: PoolRule, functions: tuple[str, ...] | list[str]) -> list[np.ndarray]:
    """Candidate pools as arrays of row indices into ``orgs`` (each of ``min_members``–``size_cap``).

    Only organisations that bring something to at least one of ``functions`` (in-house FTE,
    declared cost, outside fees or hidden hours) are placed.
    """
    t = orgs.table
    n = len(t)
    commune = np.searchsorted(np.array(COMMUNES), t["commune"].to_numpy(dtype=str))
    sub = np.unique(t["subsector"].to_numpy(dtype=str), return_inverse=True)[1]
    reach = adjacency() if rule.rule == "neighbours" else np.eye(len(COMMUNES), dtype=bool)
    free = has_something(orgs, functions)
    order = np.arange(n)
    pools: list[np.ndarray] = []
    for seed in order:
        if not free[seed]:
            continue
        near = free & reach[commune[seed]][commune]
        if rule.same_subsector:
            near &= sub == sub[seed]
        near[seed] = False
        others = np.flatnonzero(near)
        # same commune first, then table order (a stable sort keeps table order within each)
        others = others[np.argsort(commune[others] != commune[seed], kind="stable")][: rule.size_cap - 1]
        free[seed] = False
        if others.size + 1 < rule.min_members:
            continue
        free[others] = False
        pools.append(np.concatenate(([seed], others)))
    return pools


def has_something(orgs: Organisations, functions) -> np.ndarray:
    """``(n,)`` bool: the organisation spends something today on at least one of ``functions``."""
    t = orgs.table
    out = np.zeros(len(t), dtype=bool)
    for f in functions:
        for field in ("fte", "cost_eur", "external_eur", "hidden_hours_week"):
            col = f"{f}.{field}"
            if col in t:
                out |= np.nan_to_num(t[col].to_numpy(dtype=float)) > 0
    return out


def brings(orgs: Organisations, function: str) -> np.ndarray:
    """``(n,)`` bool: the organisation has something to pool for ``function``."""
    return has_something(orgs, (function,))
