"""Public API: load a scenario, simulate it.

>>> from simulator import load_scenario, simulate
>>> res = simulate(load_scenario("scenarios/a_medical_centres_employer_group.yaml"))
>>> res.summary["npv_eur"]                                      # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from simulator.errors import InputError
from simulator.kernel import run_kernel
from simulator.model import Model, compile_scenario
from simulator.organisations import Organisations
from simulator.results import SimulationResult
from simulator.scenario import Scenario, _tag_source
from simulator.scenario import load_scenario as _load
from simulator.validity import range_warnings


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
    out = run_kernel(model)
    return SimulationResult(model, out, warnings=warnings_for(model, float(out.pooled_fte[0])))


def warnings_for(model: Model, pooled_fte: float) -> list[str]:
    """Things a director should know that are not errors."""
    out = []
    v = model.vehicle
    if v.warning:
        out.append(v.warning)
    if v.staff_cap is not None and pooled_fte > v.staff_cap:
        out.append(f"the pool needs {pooled_fte:.1f} FTE but a {v.id} is capped at {v.staff_cap:g} workers")
    out += range_warnings(len(model.member_ids), pooled_fte)
    n_est = int(model.estimated[model.mask].sum())
    if n_est:
        out.append(f"{n_est} standalone cost(s) are estimates (no declared cost): declared actual "
                   "costs are more reliable")
    return out
