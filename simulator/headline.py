"""The honest headline: a seeded Monte Carlo first, the central run beside it (MODEL.md §8.1).

A director reads the first figure as "what will happen". The run at the catalogue's most likely
values is not that: with skewed ranges (set-up overruns only go up, scale gains are capped) it
sat at the 91st–98th percentile of the model's own Monte Carlo. So every headline — the app's
Results page, ``mutualise run``, compare — leads with

* the **median** (P50) of NPV and of the yearly net result, their P10–P90 band and P(NPV > 0),
  from a Monte Carlo of :data:`HEADLINE_DRAWS` draws seeded with :data:`HEADLINE_SEED` (the one
  place that defines them, so the same file gives the same figures everywhere), every parameter
  with a catalogue range varying (``vary="all"``);
* the deterministic run, labelled *central assumptions*, with the percentile of the Monte Carlo
  it falls at: ``central_npv_percentile`` = 100 × share of draws whose NPV ≤ the central NPV;
* the reason for the gap (:func:`gap_drivers`): each uncertain parameter's *skew* — the
  midpoint of its tornado bar minus the central result, ((y(P10) + y(P90)) / 2 − y(central)) —
  says how far that parameter alone pulls the typical draw away from the central run. The
  parameters whose skew points the same way as the gap (median − central) are named.

Draws use the kernel through :func:`simulator.uncertainty.model_mc.prepare` (same distributions
and fixed values as ``mutualise mc``) and :func:`run_monte_carlo` (chunked, seeded: draw j depends
only on (seed, j, parameter)), with a light evaluator that keeps three numbers per draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from simulator.errors import InputError
from simulator.headline_defaults import HEADLINE_DRAWS, HEADLINE_SEED
from simulator.kernel import run_kernel
from simulator.model import Model
from simulator.organisations import Organisations
from simulator.params import ParamArrays
from simulator.scenario import Scenario

#: The central run is "close to the median" when the gap is below this share of the P10–P90 band.
GAP_TOLERANCE = 0.10
#: At most this many parameters are named in the gap sentence.
GAP_DRIVERS = 3


@dataclass(frozen=True)
class Headline:
    """Monte Carlo headline of one scenario (plain data: JSON-ready via :meth:`as_dict`).

    Money in euro; ``net_result`` is the steady-state yearly net result (after set-up
    annualised, exit risk and funding); percentiles of the central run in 0–100.
    """

    draws: int
    seed: int
    npv_p10_eur: float
    npv_p50_eur: float
    npv_p90_eur: float
    p_npv_positive: float
    net_result_p10_eur: float
    net_result_p50_eur: float
    net_result_p90_eur: float
    payback_p50_year: float | None
    central_npv_eur: float
    central_npv_percentile: float
    central_net_result_eur: float
    central_net_result_percentile: float
    uncertain_parameters: int
    drivers: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    #: Buying the shared site(s) against renting them, per draw (None when every site is rented):
    #: ``p10_eur``/``p50_eur``/``p90_eur`` of NPV(buy) − NPV(rent) and ``p_buy_better``.
    buy_vs_rent: dict[str, float] | None = None

    @property
    def gap_eur(self) -> float:
        """Median NPV − central NPV (negative: the central run is optimistic)."""
        return self.npv_p50_eur - self.central_npv_eur

    @property
    def gap_matters(self) -> bool:
        """True when the central run and the median differ by ≥ GAP_TOLERANCE of the band."""
        band = self.npv_p90_eur - self.npv_p10_eur
        return band > 0 and abs(self.gap_eur) >= GAP_TOLERANCE * band

    def as_dict(self) -> dict[str, Any]:
        """The JSON keys of ``mutualise run`` (``npv_p50_eur`` …) plus the drivers of the gap."""
        keys = ("npv_p10_eur", "npv_p50_eur", "npv_p90_eur", "p_npv_positive",
                "net_result_p10_eur", "net_result_p50_eur", "net_result_p90_eur",
                "payback_p50_year", "central_npv_eur", "central_npv_percentile", "central_net_result_eur",
                "central_net_result_percentile", "uncertain_parameters")
        out: dict[str, Any] = {k: getattr(self, k) for k in keys}
        out["headline_draws"], out["headline_seed"] = self.draws, self.seed
        out["central_vs_median_gap_eur"] = self.gap_eur
        out["gap_drivers"] = [dict(d) for d in self.drivers] if self.gap_matters else []
        out["buy_vs_rent"] = dict(self.buy_vs_rent) if self.buy_vs_rent is not None else None
        return out


class _HeadlineEvaluator:
    """``params -> {npv, net_result, net_saving, payback_year}`` on the real kernel (no IRR,
    nothing wide).

    When the scenario buys a shared site, each draw also runs the same scenario with every site
    rented, on the same parameter values (common random numbers), and returns ``buy_minus_rent``
    = NPV(buy) − NPV(rent): the difference's spread comes from the parameters both runs share
    (loan rate, building value, owner costs, rents…), not from two independent samples.
    """

    def __init__(self, model: Model, base: Mapping[str, float]):
        self.model, self.base = model, dict(base)
        self.rented = rented_model(model)

    def kernel(self, params: Mapping[str, np.ndarray] | ParamArrays, model: Model | None = None):
        arrays = params if isinstance(params, ParamArrays) else ParamArrays(self.base, params)
        return run_kernel(self.model if model is None else model, arrays, with_irr=False)

    def __call__(self, params: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        arrays = ParamArrays(self.base, params)
        out = self.kernel(arrays)
        metrics = {"npv": out.npv, "net_result": out.net_result, "net_saving": out.net_saving,
                   "payback_year": out.payback_year}
        if self.rented is not None:  # the same draws, every site rented
            metrics["buy_minus_rent"] = out.npv - self.kernel(arrays, self.rented).npv
        return metrics


def rented_model(model: Model) -> Model | None:
    """The same compiled model with every shared site rented; None when no site is bought."""
    sites = model.scenario.sites
    if not any(site.purchase is not None for site in sites):
        return None
    rented = model.scenario.model_copy(update={"sites": [site.model_copy(update={"purchase": None})
                                                       for site in sites]})
    return replace(model, scenario=rented)


def buy_vs_rent_band(difference: np.ndarray) -> dict[str, float]:
    """P10, P50, P90 of NPV(buy) − NPV(rent) over the draws and the share of draws where buying wins."""
    q = np.quantile(difference, (0.1, 0.5, 0.9))
    return {"p10_eur": float(q[0]), "p50_eur": float(q[1]), "p90_eur": float(q[2]),
            "p_buy_better": float(np.mean(difference > 0))}


def percentile_of(values: np.ndarray, x: float) -> float:
    """100 × share of ``values`` ≤ ``x`` (where ``x`` falls in the distribution, 0–100)."""
    values = np.asarray(values, dtype=float)
    return float(100.0 * np.count_nonzero(values <= x + 1e-9 * max(1.0, abs(x))) / values.size)


def _problem(scenario: Scenario | str | Path | Model, organisations: Organisations | None):
    """The Monte Carlo problem (``vary="all"``) of a scenario, reusing an already compiled model."""
    from simulator.uncertainty.model_mc import Problem, prepare
    from simulator.uncertainty.scenario_inputs import scenario_distributions

    if not isinstance(scenario, Model):
        return prepare(scenario, organisations, "all")
    dists = scenario_distributions(scenario.scenario, "all")
    base = dict(scenario.params)
    for name, d in dists.items():
        if d.is_degenerate:  # the exact point value, as prepare() does
            base[name] = d.quantile(0.5)
    return Problem(scenario, dists, base, "all")


def headline(scenario: Scenario | str | Path | Model, draws: int = HEADLINE_DRAWS, seed: int = HEADLINE_SEED, *,
             organisations: Organisations | None = None, drivers: bool = True) -> Headline:
    """Monte Carlo headline of ``scenario`` (a Scenario, a path or a compiled Model, which the
    app and the CLI already have); see the module docstring.

    ``draws`` ≥ 1 (use the deterministic :func:`simulator.simulate` for none). ``drivers``:
    also run the small tornado (2k + 1 kernel rows) that explains the central-vs-median gap.
    """
    from simulator.uncertainty.model_mc import _chunk_size
    from simulator.uncertainty.montecarlo import run_monte_carlo
    from simulator.uncertainty.parse import whole_number
    from simulator.uncertainty.scenario_inputs import scenario_correlation
    from simulator.uncertainty.summary import percentiles

    draws = whole_number(draws, "draws")
    if draws < 1:
        raise InputError("draws", "the headline needs at least 1 draw (0 means: no Monte Carlo)")
    problem = _problem(scenario, organisations)
    model, uncertain = problem.model, problem.uncertain
    evaluate = _HeadlineEvaluator(model, problem.base)
    central = run_kernel(model, ParamArrays(problem.base), with_irr=False)
    central_npv, central_result = float(central.npv[0]), float(central.net_result[0])
    corr = scenario_correlation(model.scenario, list(uncertain))
    core = run_monte_carlo(evaluate, uncertain, draws, seed, chunk_size=_chunk_size(None, model),
                           correlation=corr, store_bytes=1)  # keep no per-draw inputs
    npv, result = core.metrics["npv"], core.metrics["net_result"]
    q_npv = np.quantile(npv, (0.1, 0.5, 0.9))
    q_res = np.quantile(result, (0.1, 0.5, 0.9))
    found = gap_drivers(evaluate, problem.distributions, problem.base, float(q_npv[1]) - central_npv) \
        if drivers and uncertain else ()
    return Headline(
        draws=core.draws, seed=core.seed,
        npv_p10_eur=float(q_npv[0]), npv_p50_eur=float(q_npv[1]), npv_p90_eur=float(q_npv[2]),
        p_npv_positive=float(np.mean(npv > 0)),
        net_result_p10_eur=float(q_res[0]), net_result_p50_eur=float(q_res[1]),
        net_result_p90_eur=float(q_res[2]),
        payback_p50_year=percentiles(core.metrics["payback_year"], (0.5,))[0],
        central_npv_eur=central_npv, central_npv_percentile=percentile_of(npv, central_npv),
        central_net_result_eur=central_result,
        central_net_result_percentile=percentile_of(result, central_result),
        uncertain_parameters=len(uncertain), drivers=found,
        buy_vs_rent=buy_vs_rent_band(core.metrics["buy_minus_rent"]) if evaluate.rented is not None else None)


def gap_drivers(evaluate: _HeadlineEvaluator, distributions: Mapping[str, Any], base: Mapping[str, float],
                gap: float, limit: int = GAP_DRIVERS) -> tuple[dict[str, Any], ...]:
    """Parameters whose skewed range pulls the median away from the central run.

    From the tornado (each parameter alone at its P10 and P90, the others central): skew =
    (y(P10) + y(P90)) / 2 − y(central), in € of NPV. A symmetric range around its central
    value gives ≈ 0; a range that extends further on the unfavourable side gives a skew of
    the gap's sign. Returns up to ``limit`` records {parameter, skew_eur, value_low, base_value,
    value_high}, the largest skew in the gap's direction first (none when ``gap`` is 0).
    """
    from simulator.uncertainty.sensitivity import tornado

    if gap == 0:
        return ()
    frame = tornado(lambda p: evaluate.kernel(p).npv, distributions, base)
    skew = (frame["output_low"] + frame["output_high"]) / 2 - frame["output_base"]
    frame = frame.assign(skew_eur=skew)
    same_way = frame[np.sign(frame["skew_eur"]) == np.sign(gap)]
    same_way = same_way.reindex(same_way["skew_eur"].abs().sort_values(ascending=False).index)
    same_way = same_way[same_way["skew_eur"].abs() >= 0.02 * abs(gap)].head(limit)
    return tuple({"parameter": r.parameter, "skew_eur": float(r.skew_eur), "value_low": float(r.value_low),
                  "base_value": float(r.base_value), "value_high": float(r.value_high)}
                 for r in same_way.itertuples())
