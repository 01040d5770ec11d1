"""Which ASBLs should pool together, costed by the engine (issue 5, MODEL.md §3.10).

:func:`partition_candidates` compiles *one* model for the whole candidate table — a scenario in
which every candidate is a member and pools the chosen functions it has data for — and costs any
pool S of candidates with ``simulator.kernel.coalition_costs(model, S)``: the same kernel, the
same parameters and the same vehicle as a scenario of exactly those members. The search itself is
:func:`~simulator.games.partition.best_partition` (exact subset DP up to 16 candidates per group,
greedy merging plus local and neighbourhood search beyond, seeded with the best pools within each
commune and each sub-sector), with a memory of pools already costed.

Functions. The default pools labour, purchasing and shared fixed costs (accounting, payroll/HR,
IT support, software licences): they need no shared building. Premises and reception only pool
between members at the same site; pass ``sites="shared"`` to cost every proposed pool as moving
into one shared building of its own (one hypothetical site; rent from the catalogue's default or
``site_rent``). As in :meth:`CostGame.from_scenario`, a pool smaller than the vehicle's minimum
(3 for an employer group) is costed as if the vehicle allowed it.

A candidate that has no data for any chosen function (nothing to pool) is left out, with a note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.kinds import KINDS, SITE_KINDS
from simulator.messages import msg

from .engine_costs import KernelCosts
from .partition import PARTITION_EXACT_LIMIT, PartitionResult, best_partition

__all__ = ["DEFAULT_FUNCTIONS", "SEED_GROUPINGS", "candidate_model", "partition_candidates"]

#: Functions pooled by default: no shared building needed.
DEFAULT_FUNCTIONS = ("accounting", "payroll_hr", "it_support", "software")
#: Attribute groupings whose best partitions seed the heuristic.
SEED_GROUPINGS = ("commune", "subsector")
#: A candidate brings something to pool when one of its kind's ``needs`` fields is positive.
_NEEDS = {name: kind.needs for name, kind in KINDS.items()}


def read_candidates(organisations: Any = "sample") -> Any:
    """An Organisations table from ``"sample"``/None, a CSV/xlsx path, a DataFrame or a table."""
    from simulator.org_cache import cached_organisations
    from simulator.organisations import Organisations, read_organisations, sample_organisations

    if organisations is None or (isinstance(organisations, str) and organisations == "sample"):
        return sample_organisations()
    if isinstance(organisations, Organisations):
        return organisations
    if isinstance(organisations, str | Path):
        path = Path(organisations)
        if not path.is_file():
            raise InputError("organisations", msg("candidates.no_table", "no organisation table at '{path}'.",
                                                   path=str(path)))
        return cached_organisations(path)
    if isinstance(organisations, pd.DataFrame):
        return read_organisations(organisations, name="candidates")
    raise InputError("organisations", msg("candidates.organisations", "expected 'sample', a CSV/xlsx path or an "
                                          "organisation table."))


def candidate_model(
    organisations: Any = "sample",
    functions: Sequence[str] = DEFAULT_FUNCTIONS,
    *,
    vehicle: str = "cost_sharing_association",
    members: Sequence[str] | None = None,
    sites: str | None = None,
    site_rent: float | None = None,
    parameters: Mapping[str, float | str] | None = None,
    horizon_years: int = 10,
) -> tuple[Any, list[str]]:
    """One compiled model with every candidate as a member; returns ``(model, notes)``.

    Each candidate pools each of ``functions`` for which it has data; a function with data for
    fewer than two candidates is dropped (with a note), as are candidates with nothing to pool.
    """
    from simulator.catalogue import functions as catalogue
    from simulator.model import compile_scenario
    from simulator.scenario import Scenario

    orgs = read_candidates(organisations)
    if members is not None:
        members = [members] if isinstance(members, str) else list(members)
        orgs = orgs.subset(members)
    functions = [functions] if isinstance(functions, str) else list(dict.fromkeys(functions))
    if not functions:
        raise InputError("functions", msg("candidates.no_function", "choose at least one function to pool."))
    known = catalogue()
    unknown = [f for f in functions if f not in known]
    if unknown:
        raise InputError("functions", msg("candidates.unknown_functions", "unknown function(s) {names}; known: "
                                          "{known}.", names=[repr(u) for u in unknown], known=", ".join(known)))
    needs_site = [f for f in functions if known[f].kind in SITE_KINDS]
    if needs_site and sites != "shared":
        raise InputError("functions", msg("candidates.needs_site", "{functions} pool only at a shared site: "
                                          "pass sites='shared' (--shared-site) to cost each pool in one "
                                          "building, or choose labour, purchasing or licence functions.",
                                          functions=needs_site))
    if sites not in (None, "shared"):
        raise InputError("sites", msg("candidates.sites", "expected None or 'shared'."))
    table, notes = orgs.table, []
    pooling: dict[str, list[str]] = {}
    for f in functions:
        has = np.zeros(len(table), dtype=bool)
        for field in _NEEDS[known[f].kind]:
            column = f"{f}.{field}"
            if column in table.columns:
                has |= np.nan_to_num(table[column].to_numpy(dtype=float)) > 0
        who = [str(i) for i in table.index[has]]
        if len(who) >= 2:
            pooling[f] = who
        else:
            notes.append(f"{f}: fewer than two candidates have data for it; not pooled")
    if not pooling:
        raise InputError("functions", msg("candidates.no_data", "no chosen function has data for at least two "
                                          "candidates."))
    active = [i for i in table.index if any(i in who for who in pooling.values())]
    left_out = len(table) - len(active)
    if left_out:
        notes.append(f"{left_out} candidate(s) have nothing to pool in {', '.join(pooling)}; left out")
    site = {"id": "shared_site", "members": active}
    if site_rent is not None:
        site["rent_eur_m2"] = site_rent
    scenario = Scenario.from_dict({
        "name": f"candidate pools: {', '.join(pooling)}",
        "members": active,
        "pooling": {f: ("all" if len(who) == len(active) else who) for f, who in pooling.items()},
        "vehicle": vehicle,
        "sites": [site] if sites == "shared" else [],
        "horizon_years": horizon_years,
        "parameters": dict(parameters or {}),
    })
    return compile_scenario(scenario, orgs.subset(active)), notes


def partition_candidates(
    organisations: Any = "sample",
    functions: Sequence[str] = DEFAULT_FUNCTIONS,
    *,
    vehicle: str = "cost_sharing_association",
    max_size: int | None = 6,
    same: Sequence[str] = (),
    allocation: str = "standalone",
    members: Sequence[str] | None = None,
    sites: str | None = None,
    site_rent: float | None = None,
    method: str = "auto",
    min_gain: float = 0.0,
    parameters: Mapping[str, float | str] | None = None,
    horizon_years: int = 10,
    seed_with: Sequence[str] = SEED_GROUPINGS,
    exact_limit: int = PARTITION_EXACT_LIMIT,
    progress: Callable[[int, int], None] | None = None,
    neighbourhood: str | None = None,
    growth_partners: int | str | None = "auto",
) -> PartitionResult:
    """Propose pools among candidate ASBLs maximising the total yearly net benefit.

    Parameters
    ----------
    organisations
        ``"sample"`` (the bundled table), a CSV/xlsx path, a DataFrame or an Organisations table.
    functions
        Functions pooled (default :data:`DEFAULT_FUNCTIONS`).
    vehicle
        Legal vehicle of every pool (its VAT regime, set-up and governance costs).
    max_size
        Largest pool (None: no limit).
    same
        Attributes pooled members must share: ``["commune"]``, ``["subsector"]`` or both.
    allocation
        Split used to check that every member is better off: ``"standalone"``, ``"equal"`` or
        ``"shapley"`` (pools of at most 12).
    members
        Only these candidate ids (default: every row).
    sites, site_rent
        ``"shared"``: each pool moves into one building (needed for premises and reception).
    method
        ``"auto"`` (exact for groups of at most ``exact_limit``), ``"exact"`` or ``"heuristic"``.
    min_gain
        Euro per year each member must gain (a participation threshold).
    parameters, horizon_years
        Catalogue parameter overrides and the horizon used to annualise set-up costs.
    seed_with
        Groupings whose best partitions seed the heuristic (ignored for those in ``same``).
    progress
        ``progress(done, total)`` in steps of the search (:func:`best_partition`).
    neighbourhood
        ``"commune"`` (members in the same or bordering communes), ``"subsector"`` (and the same
        sub-sector) or None: who may pool with whom (:func:`best_partition`); with a rule the
        search scales to about 1,000 candidates.
    growth_partners
        Candidate lists of the heuristic's best-pool-first growth: ``"auto"``, a length, or None
        for every candidate (:func:`best_partition`).

    Returns
    -------
    PartitionResult
        Benefits in euro per year (standalone cost minus pooled cost, set-up annualised). The
        ``members`` table also has ``name``, ``subsector`` and ``commune``; ``pool_table`` has
        ``names``.
    """
    model, notes = candidate_model(organisations, functions, vehicle=vehicle, members=members,
                                   sites=sites, site_rent=site_rent, parameters=parameters,
                                   horizon_years=horizon_years)
    cost_fn = KernelCosts(model)
    same = [same] if isinstance(same, str) else list(same)
    attributes = model.organisations.table[["name", "subsector", "commune"]]
    seeds = [s for s in ([seed_with] if isinstance(seed_with, str) else seed_with) if s not in same]
    result = best_partition(list(model.member_ids), cost_fn, max_size=max_size,
                            attributes=attributes, same=same, allocation=allocation,
                            min_gain=min_gain, method=method, exact_limit=exact_limit,
                            seed_with=seeds, cache=True, progress=progress,
                            neighbourhood=neighbourhood, growth_partners=growth_partners)
    members_table = result.members.join(attributes)
    names = attributes["name"].to_dict()
    pool_table = result.pool_table.assign(
        names=[tuple(names[m] for m in pool) for pool in result.pool_table["members"]])
    return dataclasses.replace(result, members=members_table, pool_table=pool_table,
                               notes=(*result.notes, *notes))
