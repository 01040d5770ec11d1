"""The metrics a documented case may report: a closed list, each a function of a kernel result.

Every metric maps one batch of kernel rows (Monte Carlo draws on the leading axis) to a ``(B,)``
array, so a case's whole distribution comes out of the same vectorised run as its NPV. The names
are the vocabulary of ``case.yaml`` files; an unknown name is refused when the case is read.

=================================  =======================================================================
metric                             per draw
=================================  =======================================================================
net_saving_share_of_pooled_cost    steady-state net saving ÷ members' standalone cost of what they pool
function_saving_share (function)   (standalone cost of f − pooled cost of f) ÷ standalone cost of f
                                   (gross, before coordination: what "payroll cost fell 28 %" measures)
net_result_share_of_budgets        steady-state net result (after annualised set-up, exit risk and
                                   funding) ÷ Σ members' total budgets
net_saving_eur                     steady-state net saving, €/year
setup_overrun_ratio                actual ÷ planned set-up = the drawn overrun factor
realised_vs_forecast_saving (year) cumulative net cash flow (set-up included) to ``year`` ÷ the
                                   same at central assumptions (what a business case forecasts)
savings_to_setup_ratio (year)      Σ_{t=1..year} operating saving ((gross − coordination) × members
                                   still in − exit risk: the net flow before set-up and funding)
                                   ÷ set-up cost
payback_year                       first year the cumulative cash flow is ≥ 0 and stays so (never = ∞)
exit_share (year)                  expected share of members gone by ``year``: 1 − (1 − h)^year
=================================  =======================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulator.mechanisms import masked_sum
from simulator.model import Model
from simulator.params import ParamArrays


@dataclass(frozen=True)
class MetricContext:
    """What a metric needs besides the kernel output of a batch."""

    model: Model
    params: ParamArrays
    central: Any  # KernelOutput of the single run at central assumptions (the forecast)
    budget_total: float  # Σ members' total budgets, €/year
    year: int | None = None
    function: str | None = None


Compute = Callable[[Any, MetricContext], np.ndarray]


@dataclass(frozen=True)
class Metric:
    """One reportable outcome: unit, what it means, what a case must add, how to compute it."""

    name: str
    unit: str
    description: str
    compute: Compute
    needs_year: bool = False
    needs_function: bool = False


def _ratio(num: np.ndarray, den: np.ndarray | float) -> np.ndarray:
    """num ÷ den, NaN where the denominator is zero (a metric that is undefined, not infinite)."""
    den = np.broadcast_to(np.asarray(den, dtype=float), np.shape(num))
    return np.divide(num, den, out=np.full(np.shape(num), np.nan), where=den != 0)


def _function_saving(out: Any, ctx: MetricContext) -> np.ndarray:
    j = ctx.model.function_ids.index(ctx.function)
    base = masked_sum(out.effective_mask, out.standalone)[:, j]
    return _ratio(base - out.pooled_function[:, j], base)


def _savings_to_setup(out: Any, ctx: MetricContext) -> np.ndarray:
    f = out.flows
    operating = f["net"] - f["setup"] - f["funding"]  # (gross − coordination) × survival − exit risk
    return _ratio(operating[:, 1:ctx.year + 1].sum(axis=-1), out.setup)


def forecast_to(central: Any, year: int) -> float:
    """Cumulative net cash flow of the central run (the forecast) from year 0 to ``year``."""
    return float(central.flows["net"][0, :year + 1].sum())


def _realised_vs_forecast(out: Any, ctx: MetricContext) -> np.ndarray:
    return _ratio(out.flows["net"][:, :ctx.year + 1].sum(axis=-1), forecast_to(ctx.central, ctx.year))


def _exit_share(out: Any, ctx: MetricContext) -> np.ndarray:
    hazard = ctx.params["exit.hazard"] * float(ctx.model.scenario.exit_risk)
    return np.broadcast_to(1.0 - (1.0 - hazard) ** ctx.year, out.npv.shape)


_LIST = (
    Metric("net_saving_share_of_pooled_cost", "share",
           "yearly net saving as a share of the pooled functions' cost today",
           lambda out, ctx: _ratio(out.net_saving, out.baseline_total)),
    Metric("function_saving_share", "share", "saving on one pooled function as a share of its cost "
           "today (gross, before coordination)", _function_saving, needs_function=True),
    Metric("net_result_share_of_budgets", "share",
           "yearly net result as a share of the members' total budgets",
           lambda out, ctx: _ratio(out.net_result, ctx.budget_total)),
    Metric("net_saving_eur", "EUR/year", "yearly net saving in euro", lambda out, ctx: out.net_saving),
    Metric("setup_overrun_ratio", "ratio", "actual set-up cost ÷ planned set-up cost",
           lambda out, ctx: np.broadcast_to(ctx.params["setup.overrun_factor"], out.npv.shape)),
    Metric("realised_vs_forecast_saving", "ratio", "net saving accumulated by a year, realised ÷ "
           "forecast", _realised_vs_forecast, needs_year=True),
    Metric("savings_to_setup_ratio", "ratio", "savings accumulated by a year ÷ set-up cost",
           _savings_to_setup, needs_year=True),
    Metric("payback_year", "year", "years to break even (never within the horizon = ∞)",
           lambda out, ctx: np.where(np.isnan(out.payback_year), np.inf, out.payback_year)),
    Metric("exit_share", "share", "share of members gone by a year", _exit_share, needs_year=True),
)

#: The metrics a case may report, by name.
METRICS: dict[str, Metric] = {m.name: m for m in _LIST}
