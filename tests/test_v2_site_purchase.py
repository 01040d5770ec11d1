"""Buying the shared site instead of renting it (MODEL.md §8.6): flows, invariants, comparison.

The hand-computed case is in ``tests/cases/v2_premises_lease.yaml``.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.api import simulate
from simulator.kernel import coalition_costs, run_kernel
from simulator.mechanisms.site_purchase import instalment, outstanding, purchase_flows
from simulator.scenario import Scenario

PROPS = settings(max_examples=30, deadline=None)


def _rows(k: int = 3):
    return [{"id": f"m{i}", "premises.private_m2": 80 + 20 * i, "premises.common_m2": 30, "premises.cost_eur": 20_000}
            for i in range(k)]


def _model(make_model, purchase=None, k: int = 3, **kw):
    ids = [f"m{i}" for i in range(k)]
    site = {"id": "house", "members": ids, "rent_eur_m2": 140, **({"purchase": purchase} if purchase else {})}
    return make_model(_rows(k), {"premises": "all"}, vehicle="colocation_lease", sites=[site], **kw)


def test_a_loan_repaid_within_the_horizon_leaves_nothing_owed():
    pay = instalment(100_000.0, np.array([0.05]), 5)
    assert outstanding(pay, np.array([0.05]), 0)[0] == 0.0
    # the instalments' present value at the loan rate is the loan
    assert sum(pay[0] / 1.05 ** t for t in range(1, 6)) == pytest.approx(100_000.0)
    flows = purchase_flows(500_000.0, 0.2, 5, rate=np.array([0.05]), purchase_costs=0.1, residual=0.9, horizon=10)
    assert flows[0, 0] == pytest.approx(-(400_000 + 50_000))
    assert (flows[0, 6:10] == 0).all() and flows[0, 10] == pytest.approx(450_000)


def test_zero_rate_loan():
    pay = instalment(100_000.0, np.array([0.0]), 4)
    assert pay[0] == pytest.approx(25_000) and outstanding(pay, np.array([0.0]), 2)[0] == pytest.approx(50_000)


@PROPS
@given(price=st.floats(200_000, 3_000_000), loan=st.floats(0, 1), years=st.integers(1, 30),
       seed=st.integers(0, 2**32 - 1))
def test_property_bought_site_shares_add_up_and_only_shared_rows_buy(make_model, price, loan, years, seed):
    model = _model(make_model, {"price_eur": price, "loan_share": loan, "loan_years": years})
    mask = np.random.default_rng(seed).random((4, *model.mask.shape)) < 0.6
    mask[0] = False  # nobody pools: nothing is bought
    k = run_kernel(model, mask=mask)
    np.testing.assert_allclose(k.member_site_purchase.sum(axis=-1), k.site_purchase, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(k.member_gain.sum(axis=-1), k.net_result, rtol=1e-9, atol=1e-6)
    rows = ("gross_saving", "coordination", "members_leaving", "exit_risk", "staff_transition", "setup",
            "site_purchase", "funding")
    np.testing.assert_allclose(sum(k.flows[r] for r in rows), k.flows["net"], rtol=1e-12, atol=1e-6)
    shared = k.effective_mask.any(axis=(-2, -1))
    assert not k.flows["site_purchase"][~shared].any()
    assert k.site_purchase[0] == 0 and k.npv[0] == 0


def test_coalition_costs_include_the_purchase(make_model):
    model = _model(make_model, {"price_eur": 1_500_000, "loan_share": 0.8, "loan_years": 20})
    k = run_kernel(model)
    grand = coalition_costs(model, np.ones((1, model.n), dtype=bool))[0]
    assert grand == pytest.approx(k.baseline_total[0] - k.net_result[0], rel=1e-12)


def test_buy_vs_rent_compares_the_two_npvs(make_model):
    bought = _model(make_model, {"price_eur": 1_500_000, "loan_share": 0.8, "loan_years": 20})
    res = simulate(bought.scenario, organisations=bought.organisations)
    cmp = res.summary["buy_vs_rent"]
    rented = simulate(_model(make_model).scenario, organisations=bought.organisations)
    assert cmp["npv_buy_eur"] == pytest.approx(res.summary["npv_eur"])
    assert cmp["npv_rent_eur"] == pytest.approx(rented.summary["npv_eur"])
    assert cmp["buy_minus_rent_eur"] == pytest.approx(cmp["npv_buy_eur"] - cmp["npv_rent_eur"])
    assert rented.summary["buy_vs_rent"] is None
    # members' rows still add up with the purchase column
    m = res.members
    terms = m["standalone_cost_eur"] - m["allocated_cost_eur"] - m["setup_annualised_eur"] - m["exit_risk_eur"] \
        - m["staff_transition_eur"] - m["site_purchase_eur"] + m["subsidy_eur"]
    np.testing.assert_allclose(terms, m["gain_eur"], atol=1e-6)


def test_a_cheaper_building_makes_buying_better(make_model):
    def diff(price):
        model = _model(make_model, {"price_eur": price, "loan_share": 0.8, "loan_years": 20})
        return simulate(model.scenario, organisations=model.organisations).summary["buy_vs_rent"]["buy_minus_rent_eur"]

    assert diff(600_000) > diff(1_200_000)


def test_a_price_of_zero_is_refused(make_model):
    with pytest.raises((ValueError, Exception), match="price_eur"):
        _model(make_model, {"price_eur": 0})


def _headline_of(model, draws=400):
    from simulator.headline import headline

    return headline(model, draws=draws, seed=7, drivers=False)


def test_headline_gives_the_buy_minus_rent_band_over_the_same_draws(make_model):
    from simulator.headline import _HeadlineEvaluator, _problem

    bought = _model(make_model, {"price_eur": 1_500_000, "loan_share": 0.8, "loan_years": 20})
    band = _headline_of(bought).buy_vs_rent
    assert band["p10_eur"] <= band["p50_eur"] <= band["p90_eur"]
    assert band["p10_eur"] < band["p90_eur"]  # the loan rate and the building's value are uncertain
    assert 0.0 <= band["p_buy_better"] <= 1.0
    # each draw is NPV(buy) − NPV(rent) at the same parameter values (both runs discount at the
    # draw's rate): it equals two separate runs of the scenario at those values, bought and rented
    problem = _problem(bought, None)
    evaluate = _HeadlineEvaluator(problem.model, problem.base)
    rates, discount = np.array([0.01, 0.06]), np.array([0.02, 0.05])
    got = evaluate({"premises.loan_rate": rates, "finance.discount_rate": discount})["buy_minus_rent"]
    for rate, d, diff in zip(rates, discount, got, strict=True):
        data = bought.scenario.to_dict()
        data["parameters"] = {**data.get("parameters", {}), "premises.loan_rate": float(rate),
                              "finance.discount_rate": float(d)}
        buy = simulate(Scenario.from_dict(data), organisations=bought.organisations).summary["buy_vs_rent"]
        assert diff == pytest.approx(buy["buy_minus_rent_eur"], rel=1e-9)


def test_headline_has_no_buy_vs_rent_band_when_every_site_is_rented(make_model):
    head = _headline_of(_model(make_model), draws=50)
    assert head.buy_vs_rent is None and head.as_dict()["buy_vs_rent"] is None
