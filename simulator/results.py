"""Results of a deterministic run: summary, cash flows, members, waterfall, tidy frame, exports.

Frames are built lazily from the kernel's arrays (a run stays fast when only the summary is
read). Every result carries a manifest — model version, parameter hash, seed — and every export
writes it too. Exports refuse to overwrite an existing file unless ``overwrite=True``, and write
to a temporary name first so nothing is left half-written.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.catalogue import functions
from simulator.export import write_excel, write_tables
from simulator.funding_metrics import funding_summary
from simulator.kernel import WATERFALL, KernelOutput
from simulator.mechanisms.vat import VatAssessment
from simulator.model import Model
from simulator.version import MODEL_VERSION

#: Waterfall components grouped for display (MODEL.md §4).
WATERFALL_KIND = {
    "repricing": "scale", "scale_gains": "scale", "post_rounding": "scale", "management": "coordination",
    "pay_harmonisation": "coordination", "cofunding_lost": "funding", "reception_sharing": "scale",
    "purchasing_discounts": "purchasing",
    "avoided_tenders": "purchasing", "purchasing_central": "purchasing", "shared_fixed": "fixed",
    "premises": "premises", "governance": "coordination", "service_management": "coordination",
    "pairwise": "coordination", "travel": "coordination", "heterogeneity": "coordination",
    "provider_margin": "vat", "vat": "vat", "setup_annualised": "setup", "site_purchase": "premises",
    "staff_transition": "setup",
    "exit_risk": "risk",
    "subsidies": "funding",
}


#: Cash-flow columns whose sum is the net flow of every year (the table adds up on its face):
#: gross saving (baseline − pooled, at the ramp-up share) − coordination − saving lost to members
#: who left − stranded fixed costs + set-up (year 0) + each funding instrument = net.
CASHFLOW_TERMS = ("gross_saving_eur", "coordination_eur", "members_leaving_eur", "exit_risk_eur",
                  "staff_transition_eur", "setup_eur", "site_purchase_eur", "funding_startup_grant_eur",
                  "funding_coordination_subsidy_eur",
                  "funding_fte_subsidy_eur", "funding_loan_eur", "funding_clawback_eur")
#: Member columns whose signed sum is the gain: standalone − allocated − set-up (annualised)
#: − exit risk − own staff transition − share of bought sites' financing (annualised) + subsidy
#: = gain.
MEMBER_TERMS = {"standalone_cost_eur": 1.0, "allocated_cost_eur": -1.0, "setup_annualised_eur": -1.0,
                "exit_risk_eur": -1.0, "staff_transition_eur": -1.0, "site_purchase_eur": -1.0,
                "subsidy_eur": 1.0}


def _f(x: Any) -> float | None:
    v = float(np.asarray(x).reshape(-1)[0])
    return None if math.isnan(v) else v


@dataclass
class SimulationResult:
    """One scenario, one draw. ``summary`` is a plain mapping; the rest are DataFrames."""

    model: Model
    kernel: KernelOutput
    seed: int | None = None
    warnings: list[str] = field(default_factory=list)

    # --- headline ------------------------------------------------------------------------------
    @cached_property
    def vat(self) -> dict[str, Any]:
        a: VatAssessment = self.model.vat_assessment
        return {"regime": a.regime, "exempt": a.exempt, "failed": a.failed, "notes": list(a.notes),
                "rate": float(self.model.params["vat.rate"]), "amount_eur": _f(self.kernel.vat),
                "margin_eur": _f(self.kernel.margin)}

    @cached_property
    def manifest(self) -> dict[str, Any]:
        return {"model_version": MODEL_VERSION, "parameter_hash": self.model.params.digest(),
                "seed": self.seed, "scenario": self.model.scenario.name,
                "scenario_hash": _hash(self.model.scenario.canonical_json())}

    @cached_property
    def summary(self) -> dict[str, Any]:
        k, m = self.kernel, self.model
        payback = _f(k.payback_year)
        frontline = float(m.params["frontline.loaded_cost"])
        net = _f(k.net_saving)
        baseline, result = _f(k.baseline_total), _f(k.net_result)
        return {
            "scenario": m.scenario.name,
            "model_version": MODEL_VERSION,
            "horizon_years": m.horizon,
            "vehicle": m.vehicle.id,
            "allocation": m.scenario.allocation,
            "members_count": m.n,
            "functions": list(m.function_ids),
            "baseline_annual_cost_eur": _f(k.baseline_total),
            "pooled_annual_cost_eur": _f(k.pooled_total),
            # one vocabulary (MODEL.md §8.1): gross saving (before coordination) → net saving
            # (after every recurring cost) → net result (after set-up annualised, exit risk, funding)
            "gross_annual_saving_eur": baseline - float(k.pooled_function[0].sum()),
            "net_annual_saving_eur": net,
            "net_annual_saving_pct": (net / baseline if baseline else None),
            "net_annual_result_eur": result,
            "net_annual_result_pct": (result / baseline if baseline else None),
            # what the pool costs its members a year, everything counted: the waterfall's last bar
            "net_pooled_annual_cost_eur": baseline - result,
            "coordination_annual_cost_eur": _f(k.coordination),
            "vat_annual_eur": _f(k.vat),
            "setup_cost_eur": _f(k.setup),
            "npv_eur": _f(k.npv),
            "npv_without_funding_eur": _f(k.npv_without_funding),
            "payback_year": None if payback is None else int(payback),
            "irr": _f(k.irr) if k.irr is not None else None,
            "frontline_fte_freed": _f(k.frontline_fte_freed),
            "hidden_fte_freed": _f(k.hidden_fte_freed),
            # staff transition (MODEL.md §8.3): surplus support FTE and the paths it takes
            "staff_surplus_fte": _f(k.staff_surplus_fte),
            "redeployed_fte": _f(k.redeployed_fte),
            "attrition_fte": _f(k.attrition_fte),
            "dismissed_fte": _f(k.dismissed_fte),
            "redeployed_frontline_fte": _f(k.redeployed_frontline_fte),
            "staff_transition_annual_eur": _f(k.staff_transition),
            "site_purchase_annual_eur": _f(k.site_purchase),
            "buy_vs_rent": self.buy_vs_rent,
            "frontline_fte_reinvested": max(_f(k.net_result), 0.0) * m.scenario.funding.reinvestment_share
            / frontline,
            "pooled_fte": _f(k.pooled_fte),
            "public_cost_eur": _f(k.public_cost),
            **funding_summary(k, m),  # frontline FTE after funding, public € per FTE, leverage
            "vat_exempt": self.vat["exempt"],
            "vat_regime": self.vat["regime"],
            "vat_failed_conditions": [f["code"] for f in self.vat["failed"]],
            "individually_rational_all": bool(self.members["individually_rational"].all()),
            "estimated_costs": int(np.sum(m.estimated & m.mask)),
            "warnings": list(self.warnings),
            "members": [
                {"id": i, "name": r["name"], "standalone_cost_eur": r["standalone_cost_eur"],
                 "allocated_cost_eur": r["allocated_cost_eur"], "setup_share_eur": r["setup_share_eur"],
                 "setup_annualised_eur": r["setup_annualised_eur"], "exit_risk_eur": r["exit_risk_eur"],
                 "staff_transition_eur": r["staff_transition_eur"],
                 "site_purchase_eur": r["site_purchase_eur"], "subsidy_eur": r["subsidy_eur"],
                 "gain_eur": r["gain_eur"], "individually_rational": bool(r["individually_rational"])}
                for i, r in self.members.iterrows()
            ],
            "manifest": self.manifest,
        }

    @cached_property
    def buy_vs_rent(self) -> dict[str, float] | None:
        """Buying the shared site(s) against renting them, in NPV (MODEL.md §8.6); None when all rented.

        The same scenario run once more with every site rented (at its rent, or the default):
        ``npv_buy_eur`` (this run), ``npv_rent_eur`` and ``buy_minus_rent_eur``.
        """
        from simulator.headline import rented_model
        from simulator.kernel import run_kernel

        rented = rented_model(self.model)
        if rented is None:
            return None
        rent = run_kernel(rented, with_irr=False)
        buy, alt = float(self.kernel.npv[0]), float(rent.npv[0])
        return {"npv_buy_eur": buy, "npv_rent_eur": alt, "buy_minus_rent_eur": buy - alt}

    # --- frames --------------------------------------------------------------------------------
    @cached_property
    def cashflows(self) -> pd.DataFrame:
        """Yearly cash flows (members' view), year 0 = set-up. Positive = money saved/received.

        ``baseline_eur`` and ``pooled_eur`` are today's and the pool's operating cost (indexed);
        ``gross_saving_eur`` = (baseline − pooled) × ramp-up share. The columns of
        :data:`CASHFLOW_TERMS` sum to ``net_cashflow_eur`` in every year: gross saving,
        coordination (with margin and VAT), ``members_leaving_eur`` (the saving lost because
        members left, expected value: (gross − coordination) × (S_t − 1) with S_t = (1 − h)^(t−1)),
        ``exit_risk_eur`` (fixed costs the leavers strand on the others), ``staff_transition_eur``
        (surplus support staff kept, redeployed or dismissed, MODEL.md §8.3), set-up,
        ``site_purchase_eur`` (a bought site's equity, costs, instalments and final value) and one column
        per funding instrument; ``funding_eur`` is the instruments' subtotal.
        """
        fl = {k: v[0] for k, v in self.kernel.flows.items()}
        df = pd.DataFrame({
            "baseline_eur": fl["baseline"], "pooled_eur": fl["pooled"],
            "gross_saving_eur": fl["gross_saving"], "coordination_eur": fl["coordination"],
            "members_leaving_eur": fl["members_leaving"],
            "exit_risk_eur": fl["exit_risk"], "staff_transition_eur": fl["staff_transition"],
            "setup_eur": fl["setup"], "site_purchase_eur": fl["site_purchase"],
            **{c: fl[c.removesuffix("_eur")] for c in CASHFLOW_TERMS if c.startswith("funding_")},
            "funding_eur": fl["funding"],
            "net_cashflow_eur": fl["net"],
        }, index=pd.Index(self.kernel.years, name="year"))
        df["cumulative_eur"] = df["net_cashflow_eur"].cumsum()
        df["discounted_eur"] = df["net_cashflow_eur"] * (1 + self.model.params["finance.discount_rate"]) ** (
            -df.index.to_numpy(dtype=float))
        df["ramp_up"] = self.model.ramp
        return df

    @cached_property
    def members(self) -> pd.DataFrame:
        """Per member: standalone cost of what it pools, what it pays, its yearly shares of set-up,
        exit risk and funding, gain, individual rationality.

        The row adds up: gain = standalone − allocated − setup_annualised − exit_risk
        − staff_transition − site_purchase + subsidy
        (:data:`MEMBER_TERMS`). ``setup_share_eur`` is its one-off share of the set-up (year 0).
        """
        k, m = self.kernel, self.model
        standalone = k.member_standalone[0]
        gain = k.member_gain[0]
        est = (m.estimated & k.effective_mask[0]).any(axis=-1)
        df = pd.DataFrame({
            "name": m.member_names,
            "functions_pooled": k.effective_mask[0].sum(axis=-1),
            "standalone_cost_eur": standalone,
            "allocated_cost_eur": k.allocated[0],
            "setup_share_eur": k.setup_share[0],
            "setup_annualised_eur": k.member_setup_annualised[0],
            "exit_risk_eur": k.member_exit_risk[0],
            "staff_transition_eur": k.member_staff_transition[0],
            "site_purchase_eur": k.member_site_purchase[0],
            "subsidy_eur": k.member_subsidy[0],
            "gain_eur": gain,
            "gain_pct": np.where(standalone > 0, gain / np.where(standalone > 0, standalone, 1), np.nan),
            "individually_rational": gain >= -0.005,
            "estimated": est,
        }, index=pd.Index(m.member_ids, name="member"))
        return df

    @cached_property
    def waterfall(self) -> pd.DataFrame:
        """Steady-state annual bridge from today's cost to the net pooled cost (sums exactly)."""
        k = self.kernel
        rows = [("baseline", _f(k.baseline_total), "total")]
        rows += [(c, _f(k.waterfall[c]), WATERFALL_KIND[c]) for c in WATERFALL]
        end = _f(k.baseline_total) - _f(k.net_result)
        rows.append(("net_pooled_cost", end, "total"))
        return pd.DataFrame(rows, columns=["component", "value_eur", "kind"])

    @cached_property
    def functions(self) -> pd.DataFrame:
        """Per pooled function: members pooling it, standalone cost, pooled cost."""
        k, m = self.kernel, self.model
        em = k.effective_mask[0]
        return pd.DataFrame({
            "kind": m.kinds,
            "label": [functions()[f].label["fr"] for f in m.function_ids],
            "members_pooling": em.sum(axis=0),
            "standalone_cost_eur": np.where(em, k.standalone[0], 0).sum(axis=0),
            "pooled_cost_eur": k.pooled_function[0],
        }, index=pd.Index(m.function_ids, name="function"))

    @cached_property
    def costs(self) -> pd.DataFrame:
        """Tidy long frame: scenario, draw, member, function, year, metric, value (steady state
        by member × function with year = steady state, plus yearly cash flows with member/function
        = "pool")."""
        k, m = self.kernel, self.model
        em = k.effective_mask[0]
        ii, jj = np.nonzero(em)
        parts = []
        for metric, arr in (("standalone_cost_eur", k.standalone[0]), ("allocated_cost_eur", k.allocated_function[0])):
            parts.append(pd.DataFrame({"member": np.array(m.member_ids)[ii], "function": np.array(m.function_ids)[jj],
                                       "year": "steady", "metric": metric, "value": arr[ii, jj]}))
        cf = self.cashflows.drop(columns=["ramp_up"]).reset_index().melt(id_vars="year", var_name="metric")
        cf.insert(0, "function", "pool")
        cf.insert(0, "member", "pool")
        cf["year"] = cf["year"].astype(str)
        parts.append(cf)
        out = pd.concat(parts, ignore_index=True)
        out.insert(0, "draw", 0)
        out.insert(0, "scenario", m.scenario.name)
        return out

    # --- exports ---------------------------------------------------------------------------------
    def tables(self) -> dict[str, pd.DataFrame]:
        """All result tables by name (what the exports write)."""
        skip = ("members", "manifest", "functions", "warnings")
        summary = {k: (json.dumps(v) if isinstance(v, list) else v) for k, v in self.summary.items() if k not in skip}
        return {
            "summary": pd.DataFrame({"metric": list(summary), "value": list(summary.values())}),
            "members": self.members.reset_index(),
            "cashflows": self.cashflows.reset_index(),
            "waterfall": self.waterfall,
            "functions": self.functions.reset_index(),
            "costs": self.costs,
            "manifest": pd.DataFrame({"key": list(self.manifest), "value": [str(v) for v in self.manifest.values()]}),
        }

    def to_csv(self, directory: str | Path, overwrite: bool = False) -> list[Path]:
        """Write one CSV per table into ``directory`` (created if needed)."""
        return write_tables(self.tables(), directory, "csv", overwrite)

    def to_parquet(self, directory: str | Path, overwrite: bool = False) -> list[Path]:
        """Write one Parquet file per table (needs pyarrow)."""
        return write_tables(self.tables(), directory, "parquet", overwrite)

    def to_excel(self, path: str | Path, overwrite: bool = False) -> Path:
        """Write every table to one workbook, one sheet per table."""
        return write_excel(self.tables(), path, overwrite)


def _hash(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()[:16]
