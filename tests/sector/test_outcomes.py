"""Funding options on a population: counterfactual, additivity, pairing, monotonicity."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.errors import InputError
from simulator.sector import FundingOptions, compare_funding, generate_population
from simulator.sector.options import NO_FUNDING

SECTOR = {"functions": ["payroll_hr"], "participation": {"threshold_eur": 0, "threshold_share": 0}}
OPTIONS = [
    {"id": "grant", "instruments": {"startup_grant": {"share": 1.0}}},
    {"id": "coordination", "instruments": {"coordination_subsidy": {"eur_per_year": 20000, "years": 5}},
     "budget": {"cap_eur": 100000}},
    {"id": "empty_grant", "instruments": {"startup_grant": {"share": 0.0}}},
]


@pytest.fixture(scope="module")
def population():
    return generate_population(150, 1)


@pytest.fixture(scope="module")
def result(population):
    return compare_funding(FundingOptions.from_dict({"sector": SECTOR, "options": OPTIONS}), population,
                           draws=40, seed=3)


def rec(result, option):
    return next(r for r in result.records if r["option"] == option)


def test_the_example_is_not_trivial(result):
    """Pools form without funding, a grant funds one that forms anyway, a subsidy adds one."""
    assert rec(result, NO_FUNDING)["pools_formed"] >= 1
    assert rec(result, "grant")["deadweight_eur"] > 0
    assert rec(result, "coordination")["additional_pools"] >= 1


def test_no_funding_costs_nothing_and_adds_nothing(result):
    for option in (NO_FUNDING, "empty_grant"):
        r = rec(result, option)
        assert r["public_cost_npv_eur"] == r["budget_used_eur"] == r["deadweight_eur"] == 0
        assert r["additional_pools"] == r["funded_pools"] == 0 and r["leverage"] is None
        assert r["public_cost_npv_eur_p90"] == r["deadweight_eur_p90"] == 0


def test_sector_totals_are_sums_over_pools(result):
    pools = result.pools
    for r in result.records:
        p = pools[pools["option"] == r["option"]]
        assert r["pools_formed"] == len(p)
        assert r["members_pooled"] == p["members_count"].sum()
        assert r["public_cost_npv_eur"] == pytest.approx(p["public_cost_npv_eur"].sum())
        assert r["sector_net_benefit_npv_eur"] == pytest.approx(p["npv_eur"].sum())
        assert r["frontline_fte_freed"] == pytest.approx(p["frontline_fte_freed"].sum())
        assert r["deadweight_eur"] == pytest.approx(p.loc[p["funded"] & ~p["additional"], "public_cost_npv_eur"].sum())
        m = result.members[result.members["option"] == r["option"]]
        assert len(m) == r["members_pooled"]
        g = result.by_group("commune")
        assert g[g["option"] == r["option"]]["members_pooled"].sum() == r["members_pooled"]
        assert g[g["option"] == r["option"]]["organisations"].sum() == 150


def test_budget_cap_is_respected(result):
    r = rec(result, "coordination")
    assert 0 < r["budget_used_eur"] <= 100_000


def test_paired_draws_give_the_same_counterfactual_for_every_option(result, population):
    base = result.draws[NO_FUNDING]
    # an option that pays nothing sees exactly the counterfactual's draws
    np.testing.assert_array_equal(result.draws["empty_grant"]["sector_net_benefit_npv_eur"],
                                  base["sector_net_benefit_npv_eur"])
    for d in result.draws.values():
        np.testing.assert_array_equal(d["additional_net_benefit_npv_eur"],
                                      d["sector_net_benefit_npv_eur"] - base["sector_net_benefit_npv_eur"])
    # and the counterfactual does not depend on which options are compared with it
    alone = compare_funding(FundingOptions.from_dict({"sector": SECTOR, "options": OPTIONS[:1]}), population,
                            draws=40, seed=3)
    np.testing.assert_array_equal(alone.draws[NO_FUNDING]["sector_net_benefit_npv_eur"],
                                  base["sector_net_benefit_npv_eur"])


def test_quantiles_are_ordered(result):
    for r in result.records:
        for m in ("public_cost_npv_eur", "sector_net_benefit_npv_eur", "frontline_fte_freed"):
            assert r[f"{m}_p10"] <= r[f"{m}_p50"] <= r[f"{m}_p90"]


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(low=st.floats(0, 1), extra=st.floats(0, 1), subsidy=st.integers(0, 30_000), more=st.integers(0, 30_000))
def test_raising_a_grant_never_reduces_the_pools_that_form(population, low, extra, subsidy, more):
    high = min(1.0, low + extra)
    opts = FundingOptions.from_dict({"sector": SECTOR, "options": [
        {"id": "low", "instruments": {"startup_grant": {"share": low},
                                      "coordination_subsidy": {"eur_per_year": subsidy, "years": 3}}},
        {"id": "high", "instruments": {"startup_grant": {"share": high},
                                       "coordination_subsidy": {"eur_per_year": subsidy + more, "years": 3}}},
    ]})
    r = compare_funding(opts, population, draws=0)
    counts = {x["option"]: x["pools_formed"] for x in r.records}
    assert counts[NO_FUNDING] <= counts["low"] <= counts["high"]


def test_bad_arguments_are_one_line_errors(population):
    opts = FundingOptions.from_dict({"options": [{"id": "a"}]})
    with pytest.raises(InputError, match="draws"):
        compare_funding(opts, population, draws=-1)
    orgs = population.organisations
    nobody = type(orgs)(orgs.table.iloc[:0], orgs.function_ids)
    with pytest.raises(InputError, match="empty"):
        compare_funding(opts, nobody, draws=0)


def test_budget_ranked_by_leverage_funds_the_best_pool_first(population):
    subsidy = {"coordination_subsidy": {"eur_per_year": 20000, "years": 5}}  # 100 k€ outlay per pool
    opts = FundingOptions.from_dict({"sector": SECTOR, "options": [
        {"id": "open", "instruments": subsidy},
        {"id": "one_by_leverage", "instruments": subsidy, "budget": {"cap_eur": 100000, "allocation": "leverage"}},
        {"id": "one_first_come", "instruments": subsidy, "budget": {"cap_eur": 100000}},
    ]})
    r = compare_funding(opts, population, draws=0)
    pools = r.pools
    funded = pools[(pools["option"] == "open") & pools["funded"]]
    assert len(funded) >= 2  # a real choice to make
    best = funded.loc[(funded["npv_eur"] / funded["public_cost_npv_eur"]).idxmax(), "pool"]
    first = funded["pool"].min()
    for option, expected in (("one_by_leverage", best), ("one_first_come", first)):
        got = pools[(pools["option"] == option) & pools["funded"]]
        assert got["pool"].tolist() == [expected]
        assert got["budget_used_eur"].sum() == pytest.approx(100_000)
