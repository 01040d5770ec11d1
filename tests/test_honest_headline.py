"""One honest headline (MODEL.md §8.1): tables that add up, one vocabulary, the Monte Carlo first.

Invariants over every example and over hypothesis-generated scenarios:
* member rows: gain = standalone − allocated − set-up (annualised) − exit risk + subsidy;
* cash-flow rows: gross saving + coordination + members leaving + exit risk + set-up + each
  funding instrument = net flow, every year;
and the headline Monte Carlo: seeded, reproducible, the central run's percentile, the gap's drivers.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator import load_scenario, simulate
from simulator.api import simulate_model
from simulator.headline import HEADLINE_DRAWS, HEADLINE_SEED, gap_drivers, headline, percentile_of
from simulator.results import CASHFLOW_TERMS, MEMBER_TERMS
from simulator.uncertainty.parse import parse_distribution

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))
PROPS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_member_rows_add_up(res, tol=1e-6):
    m = res.members
    rebuilt = sum(w * m[c] for c, w in MEMBER_TERMS.items())
    np.testing.assert_allclose(rebuilt, m["gain_eur"], atol=tol, rtol=0)
    for rec in res.summary["members"]:  # the JSON records carry every term too
        total = sum(w * rec[c] for c, w in MEMBER_TERMS.items())
        assert total == pytest.approx(rec["gain_eur"], abs=tol)


def assert_cashflows_add_up(res, tol=1e-6):
    cf = res.cashflows
    np.testing.assert_allclose(cf[list(CASHFLOW_TERMS)].sum(axis=1), cf["net_cashflow_eur"], atol=tol, rtol=0)
    funding = [c for c in CASHFLOW_TERMS if c.startswith("funding_")]
    np.testing.assert_allclose(cf[funding].sum(axis=1), cf["funding_eur"], atol=tol, rtol=0)
    np.testing.assert_allclose(cf["gross_saving_eur"], (cf["baseline_eur"] - cf["pooled_eur"]) * cf["ramp_up"],
                               atol=tol, rtol=0)


# --- every example ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_example_adds_up(path):
    res = simulate(load_scenario(path))
    assert_member_rows_add_up(res)
    assert_cashflows_add_up(res)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_one_vocabulary_and_the_waterfall_ends_on_the_net_pooled_cost(path):
    res = simulate(load_scenario(path))
    s, k = res.summary, res.kernel
    assert s["gross_annual_saving_eur"] == pytest.approx(s["baseline_annual_cost_eur"] - k.pooled_function[0].sum())
    assert s["net_annual_saving_eur"] == pytest.approx(s["baseline_annual_cost_eur"] - s["pooled_annual_cost_eur"])
    # net result = net saving − set-up annualised − exit risk + funding (annualised)
    w = dict(zip(res.waterfall["component"], res.waterfall["value_eur"], strict=True))
    assert s["net_annual_result_eur"] == pytest.approx(
        s["net_annual_saving_eur"] - w["setup_annualised"] - w["exit_risk"] - w["subsidies"])
    assert res.waterfall["value_eur"].iloc[-1] == pytest.approx(s["net_pooled_annual_cost_eur"])
    assert s["net_pooled_annual_cost_eur"] == pytest.approx(s["baseline_annual_cost_eur"] - s["net_annual_result_eur"])
    # members pay, in total, the pooled cost; their yearly shares add up to the pool's terms
    m = res.members
    assert m["setup_annualised_eur"].sum() == pytest.approx(w["setup_annualised"])
    assert m["exit_risk_eur"].sum() == pytest.approx(w["exit_risk"])
    assert m["subsidy_eur"].sum() == pytest.approx(-w["subsidies"])
    assert m["gain_eur"].sum() == pytest.approx(s["net_annual_result_eur"])


def test_members_leaving_hand_computed():
    # (b) the shared house: hazard h, S_t = (1 − h)^(t−1); the saving lost in year t is
    # (gross_t − coordination_t) × (S_t − 1), and exit risk strands h × fixed share × resize × pooled_t × S_t,
    # plus, for the shared site's lease commitment, h × (vacancy years − fixed share × resize) × site_t × S_t
    res = simulate(load_scenario(SCENARIOS[[p.stem for p in SCENARIOS].index("b_shared_house")]))
    P, cf = res.model.params, res.cashflows
    h = float(P["exit.hazard"])
    t = np.arange(len(cf))
    surv = (1 - h) ** np.maximum(t - 1, 0)
    expected = (cf["gross_saving_eur"] + cf["coordination_eur"]) * (surv - 1)
    np.testing.assert_allclose(cf["members_leaving_eur"], expected, atol=1e-6)
    v1_rate = float(P["exit.fixed_share"]) * float(P["exit.resize_years"])
    site_t = res.kernel.site_cost[0] * (1 + float(P["finance.rent_indexation"])) ** np.maximum(t - 1, 0) * (t >= 1)
    stranded = -h * (v1_rate * cf["pooled_eur"] + (float(P["premises.vacancy_years"]) - v1_rate) * site_t) * surv
    np.testing.assert_allclose(cf["exit_risk_eur"], stranded, atol=1e-6)
    # the row the v1 table was missing: under model v2 (b) loses money each year, so members
    # leaving shrink the loss (a positive row, about 12 k€ by the last year)
    assert cf["members_leaving_eur"].iloc[-1] > 10_000


def test_no_exit_risk_no_leaving_row():
    scn = load_scenario(SCENARIOS[[p.stem for p in SCENARIOS].index("b_shared_house")])
    res = simulate(scn.model_copy(update={"exit_risk": False}))
    assert (res.cashflows["members_leaving_eur"] == 0).all()
    assert (res.cashflows["exit_risk_eur"] == 0).all()
    assert (res.members["exit_risk_eur"] == 0).all()


# --- hypothesis-generated scenarios -----------------------------------------------------------------------

members = st.lists(st.tuples(st.floats(0.05, 2.0), st.floats(0.05, 1.0), st.floats(0, 30_000)),
                   min_size=3, max_size=6)
funding = st.fixed_dictionaries({}, optional={
    "startup_grant": st.builds(lambda s, c: {"share": s, "cap_eur": c}, st.floats(0, 1), st.floats(0, 200_000)),
    "coordination_subsidy": st.builds(lambda e, y: {"eur_per_year": e, "years": y},
                                      st.floats(0, 50_000), st.integers(1, 5)),
    "fte_subsidy": st.builds(lambda e, y: {"eur_per_fte": e, "years": y}, st.floats(0, 20_000), st.integers(1, 5)),
    "loan": st.builds(lambda a, y: {"amount_eur": a, "years": y}, st.floats(1, 100_000), st.integers(1, 8)),
    "clawback_share": st.floats(0, 1),
})


@PROPS
@given(data=members, fund=funding, exit_risk=st.booleans(), horizon=st.integers(1, 15),
       ramp=st.lists(st.floats(0, 1), min_size=1, max_size=4),
       key=st.sampled_from(["use", "standalone", "equal"]),
       vehicle=st.sampled_from(["cost_sharing_association", "employer_group", "commercial_provider"]),
       hazard=st.floats(0, 0.3))
def test_property_tables_add_up(make_model, data, fund, exit_risk, horizon, ramp, key, vehicle, hazard):
    rows = [{"id": f"m{i}", "accounting.fte": a, "payroll_hr.fte": p, "accounting.external_eur": x}
            for i, (a, p, x) in enumerate(data)]
    model = make_model(rows, {"accounting": "all", "payroll_hr": "all"}, vehicle=vehicle, allocation=key,
                       funding=fund, exit_risk=exit_risk, horizon_years=horizon, ramp_up=ramp,
                       parameters={"exit.hazard": hazard})
    res = simulate_model(model)
    assert_member_rows_add_up(res, tol=1e-4)
    assert_cashflows_add_up(res, tol=1e-4)
    assert res.summary["net_pooled_annual_cost_eur"] == pytest.approx(res.waterfall["value_eur"].iloc[-1])


# --- the headline Monte Carlo -----------------------------------------------------------------------------

def test_percentile_of_hand_values():
    assert percentile_of(np.array([1.0, 2.0, 3.0, 4.0]), 2.0) == 50.0
    assert percentile_of(np.array([1.0, 2.0, 3.0, 4.0]), 0.0) == 0.0
    assert percentile_of(np.array([1.0, 2.0, 3.0, 4.0]), 9.0) == 100.0


@pytest.fixture(scope="module")
def head_a():
    return headline(SCENARIOS[0], draws=1_000, seed=7)


def test_headline_is_seeded_and_reproducible(head_a):
    again = headline(SCENARIOS[0], draws=1_000, seed=7)
    assert again.as_dict() == head_a.as_dict()
    other = headline(SCENARIOS[0], draws=1_000, seed=8)
    assert other.npv_p50_eur != head_a.npv_p50_eur


def test_headline_figures_are_consistent(head_a):
    h = head_a
    assert h.npv_p10_eur <= h.npv_p50_eur <= h.npv_p90_eur
    assert h.net_result_p10_eur <= h.net_result_p50_eur <= h.net_result_p90_eur
    assert 0 <= h.p_npv_positive <= 1 and 0 <= h.central_npv_percentile <= 100
    central = simulate(load_scenario(SCENARIOS[0])).summary
    assert h.central_npv_eur == pytest.approx(central["npv_eur"], rel=1e-12)
    assert h.central_net_result_eur == pytest.approx(central["net_annual_result_eur"], rel=1e-12)
    # the default example: the central run sits far above the median (the bug this fixes)
    assert h.central_npv_percentile > 80 and h.gap_eur < 0 and h.gap_matters
    d = h.as_dict()
    assert d["gap_drivers"] and all(g["skew_eur"] < 0 for g in d["gap_drivers"])
    json.dumps(d)  # JSON-ready


def test_headline_agrees_with_the_monte_carlo_module():
    from simulator import monte_carlo

    h = headline(SCENARIOS[0], draws=500, seed=3, drivers=False)
    mc = monte_carlo(SCENARIOS[0], draws=500, seed=3)
    assert h.npv_p50_eur == pytest.approx(mc.summary["npv_p50"], rel=1e-12)
    assert h.p_npv_positive == pytest.approx(mc.summary["p_npv_positive"])
    assert h.central_npv_percentile == pytest.approx(100 * np.mean(mc.npv <= h.central_npv_eur + 1e-3))


def test_headline_defaults_are_one_place():
    from simulator.cli import run as cli_run

    assert HEADLINE_DRAWS >= 1000 and isinstance(HEADLINE_SEED, int)
    assert str(HEADLINE_DRAWS) in cli_run.DRAWS_HELP.replace(",", "")


def test_gap_drivers_name_the_skewed_range():
    # NPV = a + b: a's range is skewed to the right of its mode, b's is symmetric
    dists = {"a": parse_distribution({"dist": "triangular", "low": 0, "mode": 1, "high": 10}, "a"),
             "b": parse_distribution({"dist": "triangular", "low": -5, "mode": 0, "high": 5}, "b")}
    fake = SimpleNamespace(kernel=lambda p: SimpleNamespace(npv=p["a"] + p["b"]))
    found = gap_drivers(fake, dists, {"a": 1.0, "b": 0.0}, gap=+3.0)
    assert [d["parameter"] for d in found] == ["a"]
    lo, hi = dists["a"].quantile(0.1), dists["a"].quantile(0.9)
    assert found[0]["skew_eur"] == pytest.approx((lo + hi) / 2 - 1.0)
    assert gap_drivers(fake, dists, {"a": 1.0, "b": 0.0}, gap=-3.0) == ()
