"""Staff transition and co-funded posts (MODEL.md §8.3): invariants and the notice table.

Hand-computed values live in ``tests/cases/v2_staff_transition.yaml``; here the properties that
must hold for any pool: paths add up to the surplus, members' shares add up to the pool's
transition, pooling nothing moves nothing, and redeployment never counts a worker twice.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.errors import InputError
from simulator.kernel import run_kernel
from simulator.mechanisms.transition import absorbed_fte_years, notice_weeks, surplus

PROPS = settings(max_examples=40, deadline=None)
GC = 3_400 * 13.92 * 1.324  # bookkeeper, €/yr

# (in-house accounting FTE, co-funded share, total FTE ≥ the accounting FTE)
members = st.lists(st.tuples(st.floats(0.05, 2.0), st.floats(0.0, 1.0), st.floats(0.0, 60.0)).map(
    lambda m: (m[0], m[1], m[0] + m[2])), min_size=2, max_size=5)
mixes = st.tuples(st.floats(0, 1), st.floats(0, 1)).map(lambda rd: (rd[0], rd[1] * (1 - rd[0])))


def _rows(data):
    return [{"id": f"m{i}", "fte_total": total, "accounting.fte": fte, "accounting.cofunded_share": share}
            for i, (fte, share, total) in enumerate(data)]


def _model(make_model, data, mix=(1.0, 0.0), **kw):
    return make_model(_rows(data), {"accounting": "all"}, parameters={"scale_exponent.accounting": 0.6},
                      staff_transition={"redeployment": mix[0], "dismissal": mix[1]}, **kw)


@pytest.mark.parametrize(("years", "weeks"), [(0.1, 1), (0.3, 3), (1.0, 8), (2.0, 12), (4.5, 15), (5.0, 18),
                                               (7.0, 24), (19.9, 60), (20.0, 62), (22.3, 64)])
def test_notice_weeks_follow_the_single_status_table(years, weeks):
    assert notice_weeks(np.array([years]))[0] == weeks


def test_notice_grows_with_seniority():
    s = np.linspace(0, 40, 401)
    assert (np.diff(notice_weeks(s)) >= 0).all()


@given(R=st.floats(0.0, 5.0), v=st.floats(0.05, 5.0))  # absorbed within R/v ≤ 100 years
def test_absorbed_fte_years_sum_to_the_triangle(R, v):
    paid = absorbed_fte_years(np.array([[R]]), np.array([[v]]), horizon=200)
    assert paid[0, 0, 0] == 0.0  # nothing in year 0
    assert paid.sum() == pytest.approx(R * R / (2 * v), rel=1e-9, abs=1e-12)


def test_surplus_is_what_the_posts_do_not_take_over():
    mask = np.ones((1, 2, 1), dtype=bool)
    s = surplus(np.array([[0.6], [0.8]]), np.array([[1.0]]), mask)
    np.testing.assert_allclose(s[0, :, 0], [0.6 * 0.4 / 1.4, 0.8 * 0.4 / 1.4])
    # more posts than today's staff: no surplus
    assert not surplus(np.array([[0.6], [0.8]]), np.array([[2.0]]), mask).any()


@PROPS
@given(data=members, mix=mixes, seed=st.integers(0, 2**32 - 1))
def test_property_transition_shares_add_up(make_model, data, mix, seed):
    model = _model(make_model, data, mix)
    mask = np.random.default_rng(seed).random((3, *model.mask.shape)) < 0.8
    k = run_kernel(model, mask=mask)
    np.testing.assert_allclose(k.attrition_fte + k.redeployed_fte + k.dismissed_fte, k.staff_surplus_fte,
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(k.member_staff_transition.sum(axis=-1), k.staff_transition, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(k.member_gain.sum(axis=-1), k.net_result, rtol=1e-9, atol=1e-6)
    assert (k.staff_transition >= 0).all() and (k.flows["staff_transition"] <= 0).all()
    # the yearly cash-flow rows still sum to the net flow
    rows = ("gross_saving", "coordination", "members_leaving", "exit_risk", "staff_transition", "setup", "funding")
    np.testing.assert_allclose(sum(k.flows[r] for r in rows), k.flows["net"], rtol=1e-12, atol=1e-6)
    # the waterfall still bridges today's cost to the net pooled cost
    np.testing.assert_allclose(k.baseline_total + sum(k.waterfall.values()), k.baseline_total - k.net_result,
                               rtol=1e-12, atol=1e-6)


@PROPS
@given(data=members, mix=mixes, seed=st.integers(0, 2**32 - 1), follows=st.booleans())
def test_property_pooling_nothing_moves_no_staff_and_loses_no_funding(make_model, data, mix, seed, follows):
    model = _model(make_model, data, mix, cofunding_follows_worker=follows)
    mask = np.zeros_like(model.mask)
    mask[np.random.default_rng(seed).integers(model.n), 0] = True  # one member alone pools nothing
    k = run_kernel(model, mask=mask)
    for name in ("staff_surplus_fte", "staff_transition", "net_result", "net_saving", "frontline_fte_freed"):
        np.testing.assert_array_equal(getattr(k, name), 0.0, err_msg=name)
    assert not k.flows["staff_transition"].any() and not k.waterfall["cofunding_lost"].any()
    np.testing.assert_array_equal(k.member_staff_transition, 0.0)


@PROPS
@given(data=members)
def test_property_redeployment_converts_cash_into_frontline_fte_one_for_one(make_model, data):
    """With a grade that costs what a frontline worker costs, no indexation and free retraining,
    redeploying is neutral for frontline FTE: the worker is counted once, as FTE, and its pay
    leaves the net result."""
    params = {"frontline.loaded_cost": GC, "finance.wage_indexation": 0.0, "staff.retraining_cost": 0.0,
              "scale_exponent.accounting": 0.6}
    model = make_model(_rows(data), {"accounting": "all"}, parameters=params)
    k = run_kernel(model)
    without_transition = (k.net_result + k.staff_transition) / GC
    assert k.frontline_fte_freed[0] == pytest.approx(k.hidden_fte_freed[0] + without_transition[0], abs=1e-9)


@PROPS
@given(data=members)
def test_property_funding_that_follows_the_worker_is_not_lost(make_model, data):
    lost = run_kernel(_model(make_model, data))
    kept = run_kernel(_model(make_model, data, cofunding_follows_worker=True))
    moved = lost.waterfall["cofunding_lost"][0]
    assert moved >= 0 and kept.waterfall["cofunding_lost"][0] == 0
    # the same subsidy: lost by the members, or received by the pool (its cost lower by as much)
    assert kept.net_saving[0] - lost.net_saving[0] == pytest.approx(moved, rel=1e-9, abs=1e-6)
    assert lost.pooled_function[0, 0] - kept.pooled_function[0, 0] == pytest.approx(moved, rel=1e-9, abs=1e-6)


def test_cofunded_share_is_what_the_member_no_longer_receives(make_model):
    rows = [{"id": "m0", "accounting.fte": 1.0, "accounting.cofunded_share": 0.5}, {"id": "m1", "accounting.fte": 1.0}]
    k = run_kernel(make_model(rows, {"accounting": "all"}))
    assert k.waterfall["cofunding_lost"][0] == pytest.approx(0.5 * GC)
    assert k.member_standalone[0, 0] == pytest.approx(0.5 * GC)


def test_transition_shares_over_one_are_refused(make_model):
    with pytest.raises((InputError, ValueError), match="at most 1"):
        make_model(_rows([(1.0, 0.0, 10.0), (1.0, 0.0, 10.0)]), {"accounting": "all"},
                   staff_transition={"redeployment": 0.7, "dismissal": 0.5})


def test_cofunded_share_above_one_is_refused(make_orgs):
    with pytest.raises(InputError, match="cofunded_share"):
        make_orgs([{"id": "m0", "accounting.fte": 1.0, "accounting.cofunded_share": 1.5}])
