"""Funding options applied to a whole population: the funder's comparison (MODEL.md §3.10).

:func:`compare_funding` forms candidate pools by rule (:mod:`~simulator.sector.pools`), decides
who pools under each option at central values (:mod:`~simulator.sector.formation`), then runs the
pools that formed over ``draws`` parameter draws — the **same** draws for every pool and every
option, so the no-funding counterfactual is identical across options and differences are
paired. Sector figures are sums over the pools that form (the pools table adds up to them).

Per option (central values, then P10/P50/P90 over draws where marked ~):
``public_cost_npv_eur`` ~ (PV of funding net of repayments and clawback), ``budget_used_eur``
(nominal outlay), ``sector_net_benefit_npv_eur`` ~ (members' NPV with funding, summed),
``additional_net_benefit_npv_eur`` ~ (minus the no-funding option's, paired), ``frontline_fte_freed``
~, ``additional_frontline_fte`` ~, ``leverage`` ~ (members' net benefit per public euro),
``public_eur_per_frontline_fte`` (annualised public cost ÷ frontline FTE freed, €/yr per FTE —
compare with a frontline worker's loaded cost), ``pools_formed``, ``members_pooled``,
``funded_pools``, ``additional_pools`` (pools viable only with the option) and ``deadweight_eur``
(public cost PV of funded pools that would form anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from simulator.catalogue import parameters
from simulator.errors import InputError
from simulator.messages import msg
from simulator.organisations import Organisations
from simulator.scenario import Funding
from simulator.sector.evaluate import Funded, apply_funding, run_pool
from simulator.sector.formation import Formed, PoolBook, form_pools, stable_pool
from simulator.sector.options import NO_FUNDING, FundingOptions
from simulator.sector.pools import candidate_pools
from simulator.sector.population import Population

MAX_DRAWS = 10_000
QUANTILES = (0.1, 0.5, 0.9)
UNCERTAIN = ("public_cost_npv_eur", "sector_net_benefit_npv_eur", "additional_net_benefit_npv_eur",
             "frontline_fte_freed", "additional_frontline_fte", "leverage", "deadweight_eur")


@dataclass
class SectorComparison:
    """Every option's outcome on one population. ``records`` is what the CLI's JSON prints."""

    options: FundingOptions
    population: Organisations
    formed: dict[str, list[Formed]]  # option id -> one entry per candidate
    draws: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # option -> metric -> (B,)
    seed: int | None = None
    candidates: int = 0
    evaluations: int = 0

    @cached_property
    def pools(self) -> pd.DataFrame:
        """One row per option × pool that forms: members, where, funded, additional, figures."""
        t = self.population.table
        rows = []
        for oid, formed in self.formed.items():
            for f in formed:
                if not f.members:
                    continue
                fig = f.figures
                sub = t.loc[list(f.members)]
                rows.append({
                    "option": oid, "pool": f"p{f.candidate:04d}", "members_count": len(f.members),
                    "members": " ".join(f.members), "subsector": _mode(sub["subsector"]),
                    "commune": _mode(sub["commune"]), "functions": " ".join(fig.run.functions),
                    "funded": f.funded, "additional": f.additional,
                    "deadweight": f.funded and not f.additional,
                    "public_cost_npv_eur": float(fig.public_cost[0]), "budget_used_eur": float(fig.outlay[0]),
                    "npv_eur": float(fig.npv[0]), "net_result_eur": float(fig.net_result[0]),
                    "frontline_fte_freed": float(fig.frontline_fte[0]),
                    "annualised_public_cost_eur": float(fig.public_cost[0] * fig.run.annuity[0]),
                })
        return pd.DataFrame(rows, columns=POOL_COLUMNS)

    @cached_property
    def members(self) -> pd.DataFrame:
        """One row per option × pooled member: pool, commune, sub-sector, annual gain (€/yr)."""
        t = self.population.table
        rows = []
        for oid, formed in self.formed.items():
            for f in formed:
                for i, m in enumerate(f.members):
                    rows.append({"option": oid, "member": m, "pool": f"p{f.candidate:04d}",
                                 "commune": t.at[m, "commune"], "subsector": t.at[m, "subsector"],
                                 "gain_eur": float(f.figures.member_gain[0, i]),
                                 "public_share_eur": float(f.figures.run.sigma[0, i] * f.figures.public_cost[0]
                                                           * f.figures.run.annuity[0])})
        return pd.DataFrame(rows, columns=["option", "member", "pool", "commune", "subsector", "gain_eur",
                                           "public_share_eur"])

    def by_group(self, by: str = "commune") -> pd.DataFrame:
        """Per option and commune (or sub-sector): organisations, members pooled, their annual gain
        and the annualised public money they receive. Every organisation's group is listed."""
        if by not in ("commune", "subsector"):
            raise InputError("by", msg("sector.group_by", "group by 'commune' or 'subsector', got {value}",
                                      value=repr(by)[:40]))
        population = self.population.table[by].value_counts().rename("organisations")
        out = []
        for oid in self.formed:
            m = self.members[self.members["option"] == oid]
            g = m.groupby(by).agg(members_pooled=("member", "size"), gain_eur=("gain_eur", "sum"),
                                  public_eur=("public_share_eur", "sum"))
            g = g.reindex(population.index, fill_value=0).join(population)
            g.insert(0, "option", oid)
            out.append(g.rename_axis(by).reset_index())
        frame = pd.concat(out, ignore_index=True)
        return frame[["option", by, "organisations", "members_pooled", "gain_eur", "public_eur"]]

    @cached_property
    def records(self) -> list[dict[str, Any]]:
        """One record per option (JSON-ready): central figures, then ``<metric>_p10/_p50/_p90``."""
        pools = self.pools
        base = pools[pools["option"] == NO_FUNDING]
        out = []
        for opt in self.options.options:
            p = pools[pools["option"] == opt.id]
            public = float(p["public_cost_npv_eur"].sum())
            npv, fte = float(p["npv_eur"].sum()), float(p["frontline_fte_freed"].sum())
            annual_public = float(p["annualised_public_cost_eur"].sum())
            extra_fte = fte - float(base["frontline_fte_freed"].sum())
            rec = {
                "option": opt.id, "label": opt.label or opt.id,
                "public_cost_npv_eur": public, "budget_used_eur": float(p["budget_used_eur"].sum()),
                "budget_cap_eur": opt.budget.cap_eur,
                "sector_net_benefit_npv_eur": npv,
                "additional_net_benefit_npv_eur": npv - float(base["npv_eur"].sum()),
                "frontline_fte_freed": fte, "additional_frontline_fte": extra_fte,
                "leverage": npv / public if public > 0 else None,
                "public_eur_per_frontline_fte": annual_public / fte if public > 0 and fte > 0 else None,
                "public_eur_per_additional_frontline_fte":
                    annual_public / extra_fte if public > 0 and extra_fte > 0 else None,
                "pools_formed": len(p), "members_pooled": int(p["members_count"].sum()),
                "funded_pools": int(p["funded"].sum()), "additional_pools": int(p["additional"].sum()),
                "deadweight_eur": float(p.loc[p["deadweight"], "public_cost_npv_eur"].sum()),
                "candidates": self.candidates, "organisations": len(self.population),
            }
            for metric, values in self.draws.get(opt.id, {}).items():
                finite = values[np.isfinite(values)]
                for q in QUANTILES:
                    rec[f"{metric}_p{round(q * 100)}"] = float(np.quantile(finite, q)) if finite.size else None
            out.append(rec)
        return out

    @property
    def summary(self) -> pd.DataFrame:
        """``records`` as a frame, one row per option."""
        return pd.DataFrame(self.records).set_index("option")


POOL_COLUMNS = ["option", "pool", "members_count", "members", "subsector", "commune", "functions", "funded",
                "additional", "deadweight", "public_cost_npv_eur", "budget_used_eur", "npv_eur", "net_result_eur",
                "frontline_fte_freed", "annualised_public_cost_eur"]


def _mode(values: pd.Series) -> str:
    counts = values.value_counts()
    return str(counts.index[0]) if len(counts) else ""


def compare_funding(options: FundingOptions, population: Population | Organisations, *,
                    draws: int = 200, seed: int = 0, book: PoolBook | None = None) -> SectorComparison:
    """Apply every funding option to ``population`` (module docstring); ``draws = 0`` skips the
    uncertainty (central values only). ``book``: kernel runs to reuse from an earlier comparison
    of the same population and sector (ignored if either differs); the figures are the same."""
    orgs = population.organisations if isinstance(population, Population) else population
    if len(orgs) == 0:
        raise InputError("population", msg("sector.population_empty",
                                            "the population is empty: it needs at least two organisations"))
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or not 0 <= draws <= MAX_DRAWS:
        raise InputError("draws", msg("sector.draws", "the number of draws must be a whole number from 0 to {limit}, "
                                       "got {value}", limit=MAX_DRAWS, value=repr(draws)[:40]))
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise InputError("seed", msg("sector.seed", "the seed must be a whole number ≥ 0, got {value}",
                                      value=repr(seed)[:40]))
    sector = options.sector
    ids = np.array(orgs.ids, dtype=object)
    candidates = [tuple(ids[c].tolist()) for c in candidate_pools(orgs, sector.pools, sector.functions)]
    if book is None or book.orgs is not orgs or book.sector != sector:
        book = PoolBook(orgs, sector)
    before = book.evaluations
    unfunded = [book.unfunded[c] if c in book.unfunded else book.unfunded.setdefault(c, stable_pool(book, c, None))
                for c in candidates]
    formed = {o.id: form_pools(book, candidates, o, unfunded) for o in options.options}
    result = SectorComparison(options, orgs, formed, seed=seed, candidates=len(candidates))
    if draws:
        result.draws = _paired_draws(book, options, formed, draws, seed)
    result.evaluations = book.evaluations - before
    return result


def parameter_draws(draws: int, seed: int) -> dict[str, np.ndarray]:
    """``draws`` draws of every uncertain catalogue parameter (its default distribution), shared
    by every pool and option; draw j depends only on (seed, j, parameter)."""
    from simulator.uncertainty.parse import catalogue_distributions
    from simulator.uncertainty.sampling import UniformStream, to_parameters

    dists = catalogue_distributions(parameters())
    names = sorted(dists)
    return to_parameters(dists, names, UniformStream(names, seed).rows(0, draws))


def _paired_draws(book: PoolBook, options: FundingOptions, formed: dict[str, list[Formed]],
                  draws: int, seed: int) -> dict[str, dict[str, np.ndarray]]:
    """Sector figures per option over the same parameter draws (one kernel run per pool)."""
    params = parameter_draws(draws, seed)
    runs = book.draw_runs
    out: dict[str, dict[str, np.ndarray]] = {}
    for opt in options.options:
        acc = {k: np.zeros(draws) for k in ("public_cost_npv_eur", "annualised_public_cost_eur",
                                              "sector_net_benefit_npv_eur", "frontline_fte_freed", "deadweight_eur")}
        for f in formed[opt.id]:
            if not f.members:
                continue
            key = (f.members, draws, seed)
            if key not in runs:
                runs[key] = run_pool(book.model(f.members), params)
            fig: Funded = apply_funding(runs[key], opt.instruments if f.funded else Funding())
            acc["public_cost_npv_eur"] += fig.public_cost
            acc["annualised_public_cost_eur"] += fig.public_cost * fig.run.annuity  # €/yr, each draw's rate
            acc["sector_net_benefit_npv_eur"] += fig.npv
            acc["frontline_fte_freed"] += fig.frontline_fte
            if f.funded and not f.additional:
                acc["deadweight_eur"] += fig.public_cost
        out[opt.id] = acc
    base = out[NO_FUNDING]
    for acc in out.values():
        acc["additional_net_benefit_npv_eur"] = acc["sector_net_benefit_npv_eur"] - base["sector_net_benefit_npv_eur"]
        acc["additional_frontline_fte"] = acc["frontline_fte_freed"] - base["frontline_fte_freed"]
        public = acc["public_cost_npv_eur"]
        acc["leverage"] = np.where(public > 0, acc["sector_net_benefit_npv_eur"] / np.where(public > 0, public, 1.0),
                                   np.nan)
    return out
