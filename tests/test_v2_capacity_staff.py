"""Model v2, cash versus capacity (MODEL.md §8.2) and the contract floor (§8.3): hand-computed values."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.kernel import run_kernel
from simulator.mechanisms.labour import staff_posts

GC = 62_662.272  # bookkeeper: 3 400 €/month × 13.92 × 1.324
PRICE = GC * 1.10 * 1.21  # bought from a provider: margin 10 %, VAT 21 % borne by exempt members


def rows(*fte, **extra):
    return [{"id": f"m{i}", "accounting.fte": f, **extra} for i, f in enumerate(fte)]


# --- §8.2 hidden hours are capacity, not cash -----------------------------------------------------

def test_hidden_hours_are_not_cash_by_default(make_model):
    plain = run_kernel(make_model(rows(1.0, 1.0, 1.0), {"accounting": "all"}))
    hidden = run_kernel(make_model(rows(1.0, 1.0, 1.0, **{"accounting.hidden_hours_week": 5}),
                                   {"accounting": "all"}))
    # today's cash cost is unchanged: 3 × 62 662.272
    assert plain.baseline_total[0] == pytest.approx(3 * GC)
    assert hidden.baseline_total[0] == pytest.approx(3 * GC)
    # the pool takes the hidden work over (a cash cost), so hidden hours never raise the cash NPV
    assert hidden.npv[0] <= plain.npv[0]
    # … and give back 3 × 5 h / 38 h = 0.394737 frontline FTE
    assert hidden.hidden_fte_freed[0] == pytest.approx(15 / 38)
    assert plain.hidden_fte_freed[0] == 0.0


def test_hidden_hours_as_cash_when_the_scenario_opts_in(make_model):
    k = run_kernel(make_model(rows(1.0, 1.0, 1.0, **{"accounting.hidden_hours_week": 5}),
                              {"accounting": "all"}, value_hidden_hours=True))
    # each member: 5 h × 46 weeks × 40 €/h = 9 200 € valued as cash
    assert k.baseline_total[0] == pytest.approx(3 * (GC + 9_200))
    assert k.hidden_fte_freed[0] == 0.0  # counted once: as cash, not again as capacity


def test_frontline_fte_freed_formula(make_model):
    k = run_kernel(make_model(rows(2.0, 2.0, 2.0, 2.0, **{"accounting.hidden_hours_week": 3.8}),
                              {"accounting": "all"}))
    # hidden 4 × 3.8 / 38 = 0.4 FTE + redeployed staff working frontline (annualised FTE-years)
    # + net result ÷ 60 000 € (frontline loaded cost)
    assert k.redeployed_frontline_fte[0] > 0  # the pool needs fewer than 8 FTE: some are redeployed
    assert k.frontline_fte_freed[0] == pytest.approx(0.4 + k.redeployed_frontline_fte[0] + k.net_result[0] / 60_000)


def _pool_with_funding(make_model, **funding):
    return run_kernel(make_model(rows(2.0, 2.0, 2.0, 2.0), {"accounting": "all"}, funding=funding,
                                 parameters={"scale_exponent.accounting": 0.6}))


def test_clawback_lowers_frontline_fte_and_reinvestment_shields_it(make_model):
    free = _pool_with_funding(make_model)
    assert free.net_result[0] > 0  # a pool that saves money, so there is something to claw back
    clawed = _pool_with_funding(make_model, clawback_share=0.5)
    assert clawed.frontline_fte_freed[0] < free.frontline_fte_freed[0]
    # clawback = 0.5 × positive operating saving each year; half of it reinvested → half clawed back
    half = _pool_with_funding(make_model, clawback_share=0.5, reinvestment_share=0.5)
    np.testing.assert_allclose(half.flows["funding_clawback"], 0.5 * clawed.flows["funding_clawback"])
    assert clawed.frontline_fte_freed[0] < half.frontline_fte_freed[0] < free.frontline_fte_freed[0]


# --- §8.3 contract floor: no post for a tiny need ---------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(k=st.integers(0, 20).filter(lambda k: k != 1), r=st.floats(0.001, 0.1))
def test_a_small_residual_never_creates_a_post(k, r):
    """Above a hirable number of posts (none, or k·0.2 ≥ a third), ≤ 0.1 FTE more is bought outside."""
    W = np.array([k * 0.2 + r])
    posts, bought = staff_posts(W, g=0.2, floor=1 / 3, grade_cost=GC, outside_price=PRICE)
    assert posts[0] <= k * 0.2 + 1e-9
    # the need is always covered, in-house or outside
    assert posts[0] + bought[0] >= W[0] - 1e-12


@pytest.mark.parametrize(("W", "posts", "bought"), [
    (0.04, 0.0, 0.04),  # 0.04 × 83 403 = 3 336 € < a third of a post (20 887 €): bought outside
    (0.30, 1 / 3, 0.0),  # 0.30 × 83 403 = 25 021 € > 20 887 €: one contract of a third
    (1.04, 1.0, 0.04),  # 1.0 post + 0.04 outside (65 998 €) < 1.2 posts (75 195 €)
    (1.15, 1.0, 0.15),  # 1.0 + 0.15 outside (75 172.80 €) < 1.2 posts (75 194.73 €)
    (1.18, 1.2, 0.0),  # 1.0 + 0.18 outside (77 674.90 €) > 1.2 posts (75 194.73 €)
])
def test_staff_posts_hand_computed(W, posts, bought):
    p, b = staff_posts(np.array([W]), g=0.2, floor=1 / 3, grade_cost=GC, outside_price=PRICE)
    assert p[0] == pytest.approx(posts)
    assert b[0] == pytest.approx(bought)


def test_tiny_it_need_creates_no_post_in_the_kernel(make_model):
    # two members with 0.02 FTE of IT support each: W = 2^0.85 × 0.02 ≈ 0.036 → bought, no post
    model = make_model([{"id": "a", "it_support.fte": 0.02}, {"id": "b", "it_support.fte": 0.02}],
                       {"it_support": "all"})
    k = run_kernel(model)
    assert k.pooled_fte[0] == 0.0
    assert k.waterfall["management"][0] == 0.0
