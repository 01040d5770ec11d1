"""Public API: load a scenario, simulate it.

>>> from simulator import load_scenario, simulate
>>> res = simulate(load_scenario("scenarios/a_medical_centres_employer_group.yaml"))
>>> res.summary["npv_eur"]                                      # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from simulator.errors import InputError
from simulator.messages import msg
from simulator.model import Model, compile_scenario
from simulator.organisations import Organisations
from simulator.scenario import Scenario, _tag_source
from simulator.scenario import load_scenario as _load
from simulator.validity import range_warnings

if TYPE_CHECKING:  # results build pandas frames: loaded with the first run, not on import
    from simulator.results import SimulationResult


def load_scenario(path: str | Path, organisations: Organisations | None = None) -> Scenario:
    """Load, merge (``base:``) and validate a scenario file, including against its organisation
    table (members exist, pooled data present). Raises InputError naming the file and field."""
    return _load_and_compile(path, organisations).scenario


def _load_and_compile(path: str | Path, organisations: Organisations | None) -> Model:
    """The compiled model of a scenario file; errors from the organisation check name the file."""
    scenario = _load(path)
    try:
        return compile_scenario(scenario, organisations)
    except InputError as exc:
        _tag_source(exc, Path(path).name)  # the container and each error it gathers
        raise


def simulate(scenario: Scenario | str | Path, organisations: Organisations | None = None) -> SimulationResult:
    """Run one deterministic simulation of ``scenario`` (a Scenario or a path)."""
    if isinstance(scenario, Scenario):
        return simulate_model(compile_scenario(scenario, organisations))
    return simulate_model(_load_and_compile(scenario, organisations))  # read and compiled once


def simulate_model(model: Model) -> SimulationResult:
    """Run an already compiled model (the app and batch runs reuse compiled models)."""
    from simulator.kernel import run_kernel  # not on import: validating a scenario never runs it (issue 15)
    from simulator.results import SimulationResult

    out = run_kernel(model)
    return SimulationResult(model, out, warnings=warnings_for(model, float(out.pooled_fte[0])))


def warnings_for(model: Model, pooled_fte: float) -> list[str]:
    """Things a director should know that are not errors (each a :class:`~simulator.messages.Message`)."""
    out: list[str] = []
    v = model.vehicle
    if v.warning:
        out.append(msg(f"vehicle.warning.{v.id}", v.warning))
    if v.staff_cap is not None and pooled_fte > v.staff_cap:
        out.append(msg("warning.staff_cap", "the pool needs {fte} FTE but the vehicle {vehicle} is capped at {cap} "
                       "workers", fte=round(pooled_fte, 1), vehicle=v.id, cap=v.staff_cap))
    out += range_warnings(len(model.member_ids), pooled_fte)
    n_est = int(model.estimated[model.mask].sum())
    if n_est == 1:
        out.append(msg("warning.estimates.one", "1 standalone cost is an estimate (no declared cost): declared "
                       "actual costs are more reliable"))
    elif n_est:
        out.append(msg("warning.estimates.other", "{n} standalone costs are estimates (no declared cost): "
                       "declared actual costs are more reliable", n=n_est))
    missing = reception_without_schedule(model)
    if missing == 1:
        out.append(msg("warning.reception_schedule.one", "1 member shares a reception desk without a weekly "
                       "schedule: the union of opening hours is approximated by the longest"))
    elif missing:
        out.append(msg("warning.reception_schedule.other", "{n} members share a reception desk without a weekly "
                       "schedule: the union of opening hours is approximated by the longest", n=missing))
    for site in cheap_sites(model):
        out.append(msg("warning.cheap_site", "site {site}: its rent is below every member's current rent — check "
                       "it is a real offer", site=site))
    return out


def reception_without_schedule(model: Model) -> int:
    """Members sharing a reception desk at a site with no weekly schedule (MODEL.md §8.4)."""
    cols = model.kind_index("coverage")
    if not cols.size or not len(model.site_ids):
        return 0
    at_site = model.mask[:, cols] & (model.site_of >= 0)[:, None]
    given = ~np.isnan(model.data["opens_at"][:, cols]) & ~np.isnan(model.data["closes_at"][:, cols]) \
        & ~np.isnan(model.data["days_week"][:, cols])
    return int((at_site & ~given).any(axis=-1).sum())


def cheap_sites(model: Model) -> list[str]:
    """Shared sites whose rent per m² is below every co-located member's current rent (§8.6)."""
    cols = model.kind_index("premises")
    out = []
    if not cols.size:
        return out
    current = model.data["rent_eur_m2"][:, cols].min(axis=-1, initial=np.inf, where=~np.isnan(
        model.data["rent_eur_m2"][:, cols]))
    for s, site in enumerate(model.site_ids):
        rent = model.site_rent[s]
        here = (model.site_of == s) & model.mask[:, cols].any(axis=-1) & np.isfinite(current)
        if not np.isnan(rent) and here.sum() >= 2 and rent < current[here].min():
            out.append(site)
    return out
