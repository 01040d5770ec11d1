"""Run the back-test: would the model's band have contained what happened?

For each case, the scenario that approximates it goes through the Monte Carlo driver — the
catalogue's ranges drawn on the kernel's leading axis, exactly as ``mutualise mc`` does — and
each reported outcome's metric (:mod:`simulator.backtest.metrics`) is computed for every draw.
Each record gives the model's P10/P50/P90, where the reported value falls in the model's
distribution, and whether it is inside the P10–P90 band:

    reported_percentile = 100 × (#{draws < v} + ½ #{draws = v}) ÷ #draws      (mid-rank for ties)
    inside_band         = P10 ≤ v ≤ P90

Quantiles are order statistics (``inverted_cdf``), so a metric that can be ∞ (payback never
reached) has exact percentiles. Every case uses the same seed: draw j has the same uniform inputs
in every case (paired seeds), so differences between cases come from the cases, not the dice.

If the model is calibrated, each reported value is a draw from its distribution, so the band
contains it with probability 0.8 and the coverage over N outcomes is 0.8 ± √(0.8 · 0.2 / N)
(binomial standard error). :func:`self_check` verifies the machinery on outcomes drawn from the
model itself (held-out draws), where that must hold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.backtest.cases import Case, load_cases
from simulator.backtest.metrics import METRICS, MetricContext, forecast_to
from simulator.errors import InputError
from simulator.kernel import run_kernel
from simulator.params import ParamArrays
from simulator.uncertainty.model_mc import _chunk_size, prepare
from simulator.uncertainty.montecarlo import run_monte_carlo
from simulator.uncertainty.parse import whole_number
from simulator.uncertainty.scenario_inputs import scenario_correlation
from simulator.version import MODEL_VERSION

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 2024
#: The band the back-test checks: P10–P90, i.e. 80 % nominal coverage.
BAND = (0.10, 0.90)
NOMINAL = BAND[1] - BAND[0]
RECORD_KEYS = ("case", "title", "titles", "metric", "function", "year", "unit", "reported", "reported_as",
               "p10", "p50", "p90", "inside_band", "reported_percentile", "reliability", "source",
               "note")


def outcome_draws(case: Case, draws: int, seed: int, vary: str = "all") -> list[np.ndarray]:
    """Per reported outcome of ``case``, the metric's value in each of ``draws`` draws.

    One Monte Carlo run of the case's scenario; each outcome's metric is an extra output of the
    same kernel calls (no loop over draws).
    """
    problem = prepare(case.scenario, vary=vary)
    model = problem.model
    central = run_kernel(model, with_irr=False)
    table = model.organisations.table
    budget_total = float(table.loc[list(model.member_ids), "budget_eur"].sum())
    for k, o in enumerate(case.outcomes):
        if o.metric == "realised_vs_forecast_saving" and forecast_to(central, o.year) <= 0:
            raise InputError(f"outcomes[{k}].metric", "the model's central run forecasts no net "
                             f"saving by year {o.year}, so realised ÷ forecast is undefined",
                             f"{case.id}/case.yaml")

    def evaluate(params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        P = ParamArrays(problem.base, params)
        out = run_kernel(model, P, with_irr=False)
        result = {"npv": out.npv}
        for k, o in enumerate(case.outcomes):
            ctx = MetricContext(model, P, central, budget_total, o.year, o.function)
            result[f"outcome_{k}"] = np.asarray(METRICS[o.metric].compute(out, ctx), dtype=float)
        return result

    core = run_monte_carlo(evaluate, problem.uncertain, draws, seed,
                           chunk_size=_chunk_size(None, model),
                           correlation=scenario_correlation(model.scenario, list(problem.uncertain)),
                           store_bytes=1)  # keep the 1-D metrics only, no sampled inputs
    return [np.asarray(core.metrics[f"outcome_{k}"]) for k in range(len(case.outcomes))]


def band(values: np.ndarray) -> tuple[float, float, float]:
    """P10, P50, P90 of a metric's draws (order statistics; undefined draws left out)."""
    v = values[~np.isnan(values)]
    if v.size == 0:
        return (math.nan, math.nan, math.nan)
    q = np.quantile(v, [BAND[0], 0.5, BAND[1]], method="inverted_cdf")
    return (float(q[0]), float(q[1]), float(q[2]))


def percentile_of(values: np.ndarray, reported: float) -> float:
    """Where ``reported`` falls in the draws, 0–100 (mid-rank for ties)."""
    v = values[~np.isnan(values)]
    if v.size == 0:
        return math.nan
    return float(100.0 * (np.count_nonzero(v < reported) + 0.5 * np.count_nonzero(v == reported)) / v.size)


@dataclass(frozen=True)
class BacktestResult:
    """Records (one per case and reported outcome) and the band's coverage over all of them."""

    records: list[dict[str, Any]]
    draws: int
    seed: int
    vary: str

    @property
    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.records, columns=list(RECORD_KEYS))

    @property
    def summary(self) -> dict[str, Any]:
        """Coverage of the P10–P90 band over outcomes and over cases, with its binomial SE."""
        n = len(self.records)
        inside = sum(r["inside_band"] for r in self.records)
        cases: dict[str, bool] = {}
        for r in self.records:
            cases[r["case"]] = cases.get(r["case"], True) and r["inside_band"]
        return {"model_version": MODEL_VERSION, "draws": self.draws, "seed": self.seed,
                "vary": self.vary, "band": "P10-P90", "nominal_coverage": NOMINAL,
                "outcomes": n, "outcomes_inside": inside, "coverage": inside / n if n else math.nan,
                "coverage_se_if_calibrated": math.sqrt(NOMINAL * (1 - NOMINAL) / n) if n else math.nan,
                "cases": len(cases), "cases_all_inside": sum(cases.values()),
                "below_band": sum(r["reported_percentile"] < 100 * BAND[0] for r in self.records),
                "above_band": sum(r["reported_percentile"] > 100 * BAND[1] for r in self.records)}

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "records": self.records}


def backtest(cases: str | Path | Sequence[Case] | None = None, draws: int = DEFAULT_DRAWS,
             seed: int = DEFAULT_SEED, *, vary: str = "all") -> BacktestResult:
    """Back-test the model against documented cases.

    Parameters
    ----------
    cases
        A folder of case folders, one case folder, a list of loaded cases, or None for the cases
        bundled with the package (``simulator/data/backtest``).
    draws, seed
        Monte Carlo draws per case and the seed shared by every case (paired draws).
    vary
        ``"all"`` (catalogue ranges, the default) or ``"scenario"`` (only the case's own
        ``uncertainty:`` entries).
    """
    draws = whole_number(draws, "draws")
    seed = whole_number(seed, "seed", 0)
    loaded = cases if isinstance(cases, Sequence) and not isinstance(cases, str) else load_cases(cases)
    records = []
    for case in loaded:
        for o, values in zip(case.outcomes, outcome_draws(case, draws, seed, vary), strict=True):
            p10, p50, p90 = band(values)
            records.append({
                "case": case.id, "title": case.title, "titles": dict(case.titles), "metric": o.metric,
                "function": o.function,
                "year": o.year, "unit": METRICS[o.metric].unit, "reported": o.reported,
                "reported_as": f"{o.value:g} {case.currency.code}" if o.value_eur is not None else None,
                "p10": p10, "p50": p50, "p90": p90,
                "inside_band": bool(p10 <= o.reported <= p90),
                "reported_percentile": percentile_of(values, o.reported),
                "reliability": o.reliability, "source": o.source, "note": o.note})
    return BacktestResult(records, draws, seed, vary)


def self_check(cases: str | Path | Sequence[Case] | None = None, draws: int = 2_000,
               held_out: int = 500, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Coverage of the P10–P90 band for outcomes drawn from the model itself.

    For each case and outcome metric, ``draws + held_out`` draws are made; the band comes from
    the first ``draws``, and the last ``held_out`` (independent draws of the same model) play the
    reported values. A calibrated machinery contains about 80 % of them; with K held-out values
    the binomial standard error is √(0.8 · 0.2 / K). A metric with ties (a point mass, such as
    payback years) may cover more than 80 %, since the band's ends are included.

    Returns one row per case and outcome: case, metric, held_out, inside, coverage.
    """
    loaded = cases if isinstance(cases, Sequence) and not isinstance(cases, str) else load_cases(cases)
    rows = []
    for case in loaded:
        for o, values in zip(case.outcomes, outcome_draws(case, draws + held_out, seed), strict=True):
            fit, test = values[:draws], values[draws:]
            p10, _, p90 = band(fit)
            test = test[~np.isnan(test)]
            inside = int(np.count_nonzero((test >= p10) & (test <= p90)))
            rows.append({"case": case.id, "metric": o.metric, "held_out": test.size, "inside": inside,
                         "coverage": inside / test.size if test.size else math.nan})
    return pd.DataFrame(rows)
