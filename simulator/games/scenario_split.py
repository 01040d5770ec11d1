"""Fair split of a scenario's pool: its cost game through the engine, every method side by side.

>>> from simulator.games import fair_split
>>> report = fair_split("scenarios/a_medical_centres_employer_group.yaml")   # doctest: +SKIP
>>> report[report.method == "shapley"][["name", "pays", "gain", "in_core"]]  # doctest: +SKIP

The pool's cost game comes from :meth:`CostGame.from_scenario` (the kernel with a coalition axis;
``c({i})`` = member i's standalone cost of what it pools, ``c(N)`` = the members' total after
pooling, as :func:`simulator.simulate` reports them). :func:`fair_split` returns the
:func:`~simulator.games.report.allocation_report` of that game with the members' names, where the
``proportional`` method is *the scenario's own key* (``allocation: use``, ``standalone`` or
``equal``): each member pays exactly what the simulation's member table says it pays, set-up,
exit risk and funding shares included — so the report and the results page agree.

VAT. The report judges each key against the art. 44 §2bis condition "each member reimburses
exactly its share of the joint costs" (see :mod:`simulator.games.report`). That only matters when
the exemption is otherwise available: with a taxable vehicle (commercial provider, one member
serving the others) VAT is due whatever the key, and with an exempt co-location lease no key can
lose the exemption; :func:`fair_split` says so in ``vat_status`` (``not applicable``) and
``vat_note``. When another visible condition fails (a member outside public-interest activities),
every key is ``unsafe``. A simulation, not legal advice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from simulator.errors import InputError
from simulator.messages import msg

from .engine_costs import scenario_model
from .game import EXACT_LIMIT, CostGame
from .nucleolus import NUCLEOLUS_LIMIT
from .report import DEFAULT_METHODS, METHODS, allocation_report

__all__ = ["default_methods", "fair_split", "scenario_model"]

#: What ``proportional`` means in :func:`fair_split`, by the scenario's allocation key.
SCENARIO_KEYS = {
    "use": "the scenario's key: proportional to use",
    "standalone": "the scenario's key: proportional to standalone cost, function by function",
    "equal": "the scenario's key: equal shares, function by function",
}


def default_methods(n: int, samples: int | None = None) -> tuple[str, ...]:
    """The methods a pool of ``n`` members can be given: all of them up to 16 members; without
    the nucleolus above (one LP row per coalition); above 20, only with ``samples``."""
    if n > EXACT_LIMIT and samples is None:
        raise InputError("samples", _too_many(n))
    return tuple(m for m in DEFAULT_METHODS if m != "nucleolus" or n <= NUCLEOLUS_LIMIT)


def fair_split(
    scenario: Any,
    methods: Sequence[str] | None = None,
    *,
    samples: int | None = None,
    seed: int | None = 0,
    organisations: Any = None,
    tol: float | None = None,
) -> pd.DataFrame:
    """Every split of the pool's cost side by side, member by member (MODEL.md §3.8).

    Parameters
    ----------
    scenario
        A Scenario, a scenario file path, or a compiled model.
    methods
        Any of ``shapley, nucleolus, scrb, proportional, standalone, equal``; default
        :func:`default_methods` (all that the pool's size allows).
    samples, seed
        Estimate Shapley from ``samples`` random orders (needed above 20 members), seeded.
    organisations
        A member table replacing the one the scenario names.
    tol
        Tolerance in euro of the individual-rationality and core checks (default: rounding).

    Returns
    -------
    pandas.DataFrame
        The :func:`~simulator.games.report.allocation_report` columns plus ``name`` (after
        ``member``); one row per method × member, amounts in euro per year. ``attrs`` holds
        ``scenario``, ``grand_cost`` (c(N)), ``standalone_total``, ``exact`` (every coalition
        costed), ``samples``, ``seed``, ``vat_regime``, ``vat_applies`` and ``note``.

    Raises
    ------
    InputError
        Unknown method; more than 20 members without ``samples`` (or asking an exact method
        then); the nucleolus above 16 members.
    """
    model = scenario_model(scenario, organisations)
    n = model.n
    if methods is None:
        methods = default_methods(n, samples)
    else:
        methods = [methods] if isinstance(methods, str) else list(methods)
        unknown = [m for m in methods if m not in METHODS]
        if unknown or not methods:
            raise InputError("methods", msg("game.unknown_methods", "unknown method(s) {names}; choose from {known}.",
                                            names=[repr(u) for u in unknown], known=", ".join(METHODS)))
        if n > EXACT_LIMIT and (samples is None or "nucleolus" in methods):
            raise InputError("methods" if samples is not None else "samples", _too_many(n))
    game = CostGame.from_scenario(model)
    weights = _scenario_split(model) if "proportional" in methods else None
    report = allocation_report(game, methods, weights, shapley_samples=samples, seed=seed, tol=tol)
    if weights is not None:
        report.loc[report.method == "proportional", "key"] = SCENARIO_KEYS[model.scenario.allocation]
    report.insert(report.columns.get_loc("member") + 1, "name",
                  report["member"].map(dict(zip(model.member_ids, model.member_names, strict=True))))
    regime, applies = _vat_context(model, report)
    standalone = report.loc[report.method == report.method.iloc[0], "standalone"]
    report.attrs.update(scenario=model.scenario.name, grand_cost=game.grand_cost,
                        standalone_total=float(standalone.sum()), exact=game.is_exact,
                        samples=samples, seed=seed, vat_regime=regime, vat_applies=applies,
                        core_empty=_core_empty(game, float(standalone.sum())))
    return report


def _core_empty(game: CostGame, standalone_total: float) -> bool | None:
    """Whether *no* split is stable: the least core (≤ 16 members) or, above, the pool costing
    more than its members alone; None when that cannot be told."""
    if game.is_exact and game.n <= NUCLEOLUS_LIMIT:
        return bool(game.least_core().core_is_empty)
    if game.grand_cost > standalone_total * (1 + 1e-12) + 1e-9:
        return True  # someone must pay more than alone
    return None


def _scenario_split(model: Any) -> np.ndarray | None:
    """What each member pays in the simulation (the scenario's key): standalone − gain.

    These sum to ``c(N)``; used as weights they reproduce the simulation's split exactly. None
    (fall back to standalone costs) if a member would be paid to take part (funding above cost).
    """
    from simulator.kernel import run_kernel

    out = run_kernel(model, with_irr=False)
    pays = out.member_standalone[0] - out.member_gain[0]
    return pays if (pays >= 0).all() and pays.sum() > 0 else None


def _vat_context(model: Any, report: pd.DataFrame) -> tuple[str, bool]:
    """Adjust the per-key VAT flags to the scenario's vehicle and visible conditions."""
    assessment = model.vat_assessment
    vehicle = model.scenario.vehicle
    if assessment.regime == "taxable":
        report["vat_status"], report["vat_safe"] = "not applicable", False
        report["vat_note"] = (f"a {vehicle} bills its services with VAT whatever the key: the "
                              "§2bis exemption is not available")
        return assessment.regime, False
    if assessment.regime == "exempt":
        report["vat_status"], report["vat_safe"] = "not applicable", True
        report["vat_note"] = f"a {vehicle} is VAT-exempt whatever the key"
        return assessment.regime, False
    other = [f["message"] for f in assessment.failed if f["code"] != "allocation_not_cost_based"]
    if other:
        report["vat_status"], report["vat_safe"] = "unsafe", False
        report["vat_note"] = "the exemption fails whatever the key: " + "; ".join(other)
    return assessment.regime, True


def _too_many(n: int) -> str:
    return msg("game.split_too_many", "{n} members is above the exact limit of {limit} for Shapley, the "
               "nucleolus and the core check (2^{n} = {count} coalitions). Estimate Shapley by sampling "
               "instead (samples=2000, or --samples 2000 on the command line); SCRB, proportional and equal "
               "split need no enumeration; the nucleolus needs 16 members at most.", n=n, limit=EXACT_LIMIT,
               count=1 << n)
