"""The kernel as a whole: MODEL.md §6 validation cases, accounting identities and batch consistency.

Runs go through ``run_kernel`` / ``simulate`` on small synthetic organisation tables (built with
``read_organisations(DataFrame)``) and on the example scenarios. Hand-computed values use the
catalogue defaults: bookkeeper 3 400 €/month × 13.92 × 1.324 = 62 662.272 €/yr; manager (pool
coordinator) 4 500 × 13.92 × 1.324 = 82 935.36 €/yr.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import load_scenario, simulate
from simulator.catalogue import parameters
from simulator.kernel import WATERFALL, coalition_costs, run_kernel
from simulator.model import compile_scenario
from simulator.params import ParamArrays

SCENARIOS = sorted((Path(__file__).resolve().parents[1] / "scenarios").glob("*.yaml"))
PROPS = settings(max_examples=50, deadline=None)

BOOKKEEPER = 3_400 * 13.92 * 1.324  # 62 662.272 €/yr
MANAGER = 4_500 * 13.92 * 1.324  # 82 935.36 €/yr

#: Every coordination cost switched off, within the catalogue's bounds. The pooled service's own
#: management cannot be: span_of_control is at most 100, so 1 coordinator FTE per 100 posts stays.
NO_COORDINATION = {
    "governance.hours_per_member_month": 0, "coordination.service_hours": 0,
    "coordination.pairwise_hours": 0, "coordination.travel_hours_per_site": 0,
    "coordination.heterogeneity_drag": 0, "labour.pay_harmonisation": 0, "exit.hazard": 0,
    "labour.post_fraction": 0, "labour.contract_floor": 0, "labour.span_of_control": 100,
}


@pytest.fixture(scope="module")
def models():
    """Compiled example scenarios, by file stem."""
    return {f.stem: compile_scenario(load_scenario(f)) for f in SCENARIOS}


def raw_params(model, **overrides):
    """The model's parameters with overrides that bypass catalogue bounds (kernel-level tests)."""
    return {**model.params, **overrides}


def accounting_rows(*fte, **extra):
    return [{"id": f"m{i}", "accounting.fte": f, **extra} for i, f in enumerate(fte)]


# --- (i) pooling nothing changes nothing ------------------------------------------------------------

def _assert_nothing_happens(k):
    for name in ("baseline_total", "pooled_total", "net_saving", "net_result", "setup", "npv", "coordination",
                 "vat", "public_cost", "pooled_fte"):
        np.testing.assert_array_equal(getattr(k, name), 0.0, err_msg=name)
    np.testing.assert_array_equal(k.allocated, 0.0)
    np.testing.assert_array_equal(k.member_gain, 0.0)
    np.testing.assert_array_equal(k.flows["net"], 0.0)
    assert all(not v.any() for v in k.waterfall.values())
    assert math.isnan(k.irr[0])


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_pooling_nothing_changes_nothing(models, path):
    model = models[path.stem]
    _assert_nothing_happens(run_kernel(model, mask=np.zeros_like(model.mask)))
    # each function pooled by one member at most is no pooling either
    lonely = np.zeros_like(model.mask)
    lonely[0] = model.mask[0]
    _assert_nothing_happens(run_kernel(model, mask=lonely))


# --- (ii) b = 1, no rounding, no coordination, costs at grade -----------------------------------------

def test_no_scale_no_rounding_no_coordination_costs_exactly_standalone(make_model, make_orgs):
    rows = accounting_rows(0.5, 0.3, 0.2)
    params = {**NO_COORDINATION, "scale_exponent.accounting": 1}
    model = make_model(rows, {"accounting": "all"}, parameters=params)
    res = simulate(model.scenario, organisations=make_orgs(rows))
    # baseline = (0.5 + 0.3 + 0.2) × 62 662.272 = 62 662.272; with b = 1 the pool needs W = 1.0 FTE
    # at the same grade; the only extra is management: 1.0 / 100 × 82 935.36 = 829.3536
    assert res.summary["baseline_annual_cost_eur"] == pytest.approx(BOOKKEEPER, rel=1e-12)
    assert res.summary["pooled_annual_cost_eur"] == pytest.approx(BOOKKEEPER + 829.3536, rel=1e-12)
    assert res.summary["vat_annual_eur"] == 0.0
    # management switched off too (span = ∞, outside the catalogue's bounds): exactly standalone
    k = run_kernel(model, raw_params(model, **{"labour.span_of_control": np.inf}))
    assert k.pooled_total[0] == pytest.approx(k.baseline_total[0], rel=1e-13)
    assert k.net_saving[0] == pytest.approx(0.0, abs=1e-8)
    np.testing.assert_allclose(k.allocated, k.member_standalone, rtol=1e-12)


# --- (iii) n identical members: W/Σw = n^(b−1) --------------------------------------------------------

@pytest.mark.parametrize("n", [2, 4, 7])
def test_identical_members_pool_to_n_power_b_minus_1(make_model, n):
    model = make_model(accounting_rows(*[0.5] * n), {"accounting": "all"}, parameters={"labour.post_fraction": 0})
    k = run_kernel(model)
    # posts = W without rounding; Σw = 0.5 n → W/Σw = n^(0.85 − 1); n = 4: 4^(−0.15) = 0.812252
    assert k.pooled_fte[0] / (0.5 * n) == pytest.approx(n ** -0.15, rel=1e-12)
    if n == 4:
        assert k.pooled_fte[0] / 2.0 == pytest.approx(0.812252, abs=1e-6)


# --- a full hand-computed run with default parameters ------------------------------------------------

def test_two_half_time_bookkeepers_hand_computed(make_model):
    # v1 rule (no contract floor, nothing bought outside); the v2 floor is tested below
    model = make_model(accounting_rows(0.5, 0.5), {"accounting": "all"}, parameters={"labour.contract_floor": 0})
    k = run_kernel(model)
    # W = (2 × 0.5^(1/0.85))^0.85 = 2^0.85 × 0.5 = 0.901250 → ⌈0.901250/0.2⌉ × 0.2 = 1.0 post
    assert k.pooled_fte[0] == pytest.approx(1.0)
    # pooled function = 1.0 × 62 662.272 + management 1.0/8 × 82 935.36 = 10 366.92 → 73 029.192
    assert k.pooled_function[0, 0] == pytest.approx(73_029.192, abs=1e-6)
    # governance 2 × 4 h × 12 × 45 € = 4 320; service 2 × 16 h × 45 € = 1 440; pairwise 1 × 4 × 45 = 180
    # travel: 2 locations → 1 × 1 h × 46 weeks × (62 662.272 / (38 × 46)) €/h = 1 649.007
    assert k.waterfall["governance"][0] == pytest.approx(4_320)
    assert k.waterfall["service_management"][0] == pytest.approx(1_440)
    assert k.waterfall["pairwise"][0] == pytest.approx(180)
    assert k.waterfall["travel"][0] == pytest.approx(1_649.007, abs=1e-3)
    assert k.waterfall["heterogeneity"][0] == 0.0  # same sub-sector, same joint committee
    # pooled total 73 029.192 + 4 320 + 1 440 + 180 + 1 649.007 = 80 618.199: pooling loses 17 955.93
    assert k.pooled_total[0] == pytest.approx(80_618.199, abs=1e-3)
    assert k.net_saving[0] == pytest.approx(-17_955.927, abs=1e-3)
    # set-up 1.2 × (0.2 × 73 029.192 + 5 000 creation) = 23 527.006
    assert k.setup[0] == pytest.approx(23_527.006, abs=1e-3)


def test_two_half_time_bookkeepers_v2_buy_the_residual_outside(make_model):
    model = make_model(accounting_rows(0.5, 0.5), {"accounting": "all"})
    k = run_kernel(model)
    # W = 0.901250; in-house: ⌈W/0.2⌉·0.2 = 1.0 post → 62 662.272 €
    # or 0.8 post + 0.101250 FTE bought at 62 662.272 × 1.10 × 1.21 = 83 403.484 €/FTE
    #   = 50 129.818 + 8 444.641 = 58 574.459 € → cheaper: 0.8 post, residual outside
    W = 2 ** 0.85 * 0.5
    assert k.pooled_fte[0] == pytest.approx(0.8)
    price = 62_662.272 * 1.10 * 1.21
    assert price == pytest.approx(83_403.484, abs=1e-3)
    management = 0.8 / 8 * 82_935.36
    assert k.pooled_function[0, 0] == pytest.approx(0.8 * 62_662.272 + (W - 0.8) * price + management, abs=1e-6)
    assert k.pooled_function[0, 0] == pytest.approx(66_867.995, abs=1e-3)
    # indivisibility: (0.8 − W) × 62 662.272 + (W − 0.8) × 83 403.484 = (W − 0.8) × 20 741.212 = 2 100.05
    assert k.waterfall["post_rounding"][0] == pytest.approx((W - 0.8) * (price - 62_662.272), abs=1e-6)


def test_pay_harmonisation_and_heterogeneity(make_model):
    rows = accounting_rows(1.0, 1.0, 1.0)
    rows[2]["joint_committee"] = "319.02"
    params = {"labour.post_fraction": 0, "scale_exponent.accounting": 1}
    k = run_kernel(make_model(rows, {"accounting": "all"}, vehicle="employer_group", parameters=params))
    # employer group, two joint committees: + 4 % on 3.0 posts × 62 662.272 = 7 519.47
    assert k.waterfall["pay_harmonisation"][0] == pytest.approx(0.04 * 3 * BOOKKEEPER)
    # diversity = ½ (sub-sectors 0 + committees 1 − (2/3)² − (1/3)² = 4/9) = 2/9;
    # heterogeneity = 0.05 × 2/9 × pooled staff cost (3 posts + 3/8 manager + 4 % uplift)
    staff = 3 * BOOKKEEPER * 1.04 + 3 / 8 * MANAGER
    assert k.waterfall["heterogeneity"][0] == pytest.approx(0.05 * 2 / 9 * staff)


# --- (iv) the VAT wedge ---------------------------------------------------------------------------------

@pytest.mark.parametrize("saving", [0.02, 0.10, 0.17, 0.1735, 0.1736, 0.20, 0.30])
@pytest.mark.parametrize(("vehicle", "markup"), [("lead_member", 1.21), ("commercial_provider", 1.1 * 1.21)])
def test_vat_wedge_break_even(make_model, saving, vehicle, markup):
    # two identical members: W/Σw = 2^(b−1) = 1 − s  ⇔  b = 1 + ln(1 − s)/ln 2
    b = 1 + math.log(1 - saving) / math.log(2)
    model = make_model(accounting_rows(1.0, 1.0), {"accounting": "all"}, vehicle=vehicle,
                       parameters={**NO_COORDINATION, "scale_exponent.accounting": b})
    k = run_kernel(model, raw_params(model, **{"labour.span_of_control": np.inf}))
    baseline = 2 * BOOKKEEPER
    # taxable vehicle, VAT-exempt members: pooled cost = (1 − s) × baseline × (1 + margin) × 1.21
    assert k.pooled_total[0] == pytest.approx((1 - saving) * baseline * markup, rel=1e-12)
    assert k.baseline_total[0] == pytest.approx(baseline, rel=1e-12)
    # without a margin the gain is negative whenever s < 1 − 1/1.21 = 17.36 %
    assert bool(k.net_saving[0] < 0) is (saving < 1 - 1 / markup)
    if saving < 1 - 1 / 1.21:
        assert k.net_saving[0] < 0 and k.net_result[0] < 0


def test_vat_is_a_cost_only_for_members_that_cannot_recover_it(make_model):
    # two identical members, equal shares; m1 has taxable activities and deducts the VAT it is invoiced
    rows = [{"id": "m0", "accounting.fte": 1.0}, {"id": "m1", "accounting.fte": 1.0, "vat_exempt": False}]
    model = make_model(rows, {"accounting": "all"}, vehicle="lead_member", parameters=NO_COORDINATION)
    k = run_kernel(model, raw_params(model, **{"labour.span_of_control": np.inf}))
    invoiced = 0.21 * k.pooled_function[0].sum()
    assert k.vat[0] == pytest.approx(invoiced / 2, rel=1e-12)  # only m0's half is a cost
    half = k.pooled_function[0].sum() / 2
    np.testing.assert_allclose(k.allocated[0], [half * 1.21, half], rtol=1e-12)
    assert k.allocated[0].sum() == pytest.approx(k.pooled_total[0], rel=1e-12)


def test_vat_wedge_disappears_with_the_exemption(make_model):
    model = make_model(accounting_rows(1.0, 1.0), {"accounting": "all"}, parameters=NO_COORDINATION)
    res = simulate(model.scenario, organisations=model.organisations)
    assert res.summary["vat_exempt"] is True and res.summary["vat_annual_eur"] == 0.0
    model = make_model(accounting_rows(1.0, 1.0), {"accounting": "all"}, vehicle="lead_member",
                       parameters=NO_COORDINATION)
    res = simulate(model.scenario, organisations=model.organisations)
    assert res.summary["vat_failed_conditions"] == ["vehicle_not_cost_sharing"]
    # VAT = 21 % of the billed pooled cost (the pooled function, incl. its management)
    assert res.summary["vat_annual_eur"] == pytest.approx(0.21 * res.kernel.pooled_function[0].sum())


# --- accounting identities on every example scenario -----------------------------------------------------

@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_waterfall_adds_up(models, path):
    res = simulate(load_scenario(path))
    k = res.kernel
    wf = res.waterfall.set_index("component")["value_eur"]
    assert list(wf.index) == ["baseline", *WATERFALL, "net_pooled_cost"]
    # baseline + Σ components = net pooled cost, and the steady-state components alone reach pooled_total
    assert wf["baseline"] + wf[list(WATERFALL)].sum() == pytest.approx(wf["net_pooled_cost"], rel=1e-12)
    assert wf["net_pooled_cost"] == pytest.approx(k.baseline_total[0] - k.net_result[0], rel=1e-12)
    steady = [c for c in WATERFALL if c not in ("setup_annualised", "staff_transition", "exit_risk", "subsidies")]
    assert k.baseline_total[0] + sum(k.waterfall[c][0] for c in steady) == pytest.approx(k.pooled_total[0], rel=1e-12)


@pytest.mark.parametrize("key", ["use", "standalone", "equal"])
@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_allocations_sum_to_what_they_split(path, key):
    scenario = load_scenario(path).with_overrides({"allocation": key})
    k = run_kernel(compile_scenario(scenario))
    assert k.allocated.sum() == pytest.approx(k.pooled_total[0], rel=1e-12)
    assert k.setup_share.sum() == pytest.approx(k.setup[0], rel=1e-12)
    # members' gains add up to the pool's net annual result
    assert k.member_gain.sum() == pytest.approx(k.net_result[0], rel=1e-9, abs=1e-6)
    # each function's cost is split only among the members pooling it
    assert not k.allocated_function[~k.effective_mask].any()


def test_equal_key_splits_equally(models):
    model = compile_scenario(load_scenario(SCENARIOS[0]).with_overrides({"allocation": "equal"}))
    k = run_kernel(model)
    shares = k.allocated_function[0] / k.allocated_function[0].sum(axis=0)
    np.testing.assert_allclose(shares, 1 / model.n, rtol=1e-12)


# --- batch consistency (vectorisation) -------------------------------------------------------------------

FIELDS = ("pooled_total", "baseline_total", "net_saving", "net_result", "setup", "npv", "irr", "payback_year",
          "allocated", "member_gain", "pooled_function", "public_cost")


def _assert_same(batch, single, row):
    for name in FIELDS:
        np.testing.assert_allclose(getattr(batch, name)[row], getattr(single, name)[0], rtol=1e-12, atol=1e-9,
                                   err_msg=name)
    for name, arr in batch.flows.items():
        np.testing.assert_allclose(arr[row], single.flows[name][0], rtol=1e-12, atol=1e-9, err_msg=name)
    for name, arr in batch.waterfall.items():
        np.testing.assert_allclose(arr[row], single.waterfall[name][0], rtol=1e-12, atol=1e-9, err_msg=name)


@pytest.mark.parametrize("stem", ["b_shared_house", "a_medical_centres_employer_group", "c_purchasing_central"])
def test_batch_of_draws_equals_draws_run_alone(models, stem):
    model = models[stem]
    rng = np.random.default_rng(7)
    B = 6
    draws = {
        "finance.discount_rate": rng.uniform(0.0, 0.08, B),
        "setup.overrun_factor": rng.uniform(1.0, 1.6, B),
        "coordination.pairwise_hours": rng.uniform(0, 12, B),
        "exit.hazard": rng.uniform(0, 0.2, B),
        "vat.rate": rng.choice([0.0, 0.21], B),
        "labour.post_fraction": rng.choice([0.0, 0.2, 0.5], B),
        "purchasing.price_elasticity": rng.uniform(0.02, 0.1, B),
        "premises.rent": rng.uniform(110, 250, B),
        **{f"scale_exponent.{f}": rng.uniform(0.5, 1.0, B) for f in ("accounting", "payroll_hr", "it_support")},
    }
    # every other parameter too, within its plausible range: each must broadcast over the batch
    for name, p in parameters().items():
        if name not in draws and p.low < p.high:
            draws[name] = rng.uniform(p.low, p.high, B)
    batch = run_kernel(model, ParamArrays(model.params, draws))
    assert batch.npv.shape == (B,)
    for row in range(B):
        single = run_kernel(model, {**model.params, **{k: v[row] for k, v in draws.items()}})
        _assert_same(batch, single, row)


@pytest.mark.parametrize("stem", ["b_shared_house", "c_purchasing_central"])
def test_batch_of_coalitions_equals_coalitions_run_alone(models, stem):
    model = models[stem]
    rng = np.random.default_rng(11)
    coalitions = rng.random((12, model.n)) < 0.6
    coalitions[0] = True
    masks = coalitions[:, :, None] & model.mask[None]
    batch = run_kernel(model, mask=masks)
    for row in range(len(masks)):
        _assert_same(batch, run_kernel(model, mask=masks[row]), row)
    _assert_same(batch, run_kernel(model), 0)  # grand coalition = the scenario itself


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_coalition_costs_singletons_are_standalone(models, path):
    model = models[path.stem]
    k = run_kernel(model)
    own = np.where(model.mask, k.standalone[0], 0.0).sum(axis=-1)  # standalone cost of what each pools
    c = coalition_costs(model, np.eye(model.n, dtype=bool))
    np.testing.assert_allclose(c, own, rtol=1e-12)
    assert coalition_costs(model, np.zeros((1, model.n), dtype=bool))[0] == 0.0
    grand = coalition_costs(model, np.ones((1, model.n), dtype=bool))[0]
    assert grand == pytest.approx(k.baseline_total[0] - k.net_result[0], rel=1e-12)


# --- property tests --------------------------------------------------------------------------------------

members = st.lists(st.tuples(st.floats(0.05, 2.0), st.floats(0.05, 1.0)), min_size=2, max_size=5)


def _rows(data):
    return [{"id": f"m{i}", "accounting.fte": a, "payroll_hr.fte": p} for i, (a, p) in enumerate(data)]


@PROPS
@given(data=members, seed=st.integers(0, 2**32 - 1))
def test_property_pooling_nothing_changes_nothing(make_model, data, seed):
    model = make_model(_rows(data), {"accounting": "all", "payroll_hr": "all"})
    rng = np.random.default_rng(seed)
    mask = np.zeros_like(model.mask)
    for j in range(mask.shape[1]):  # at most one member per function
        if rng.random() < 0.7:
            mask[rng.integers(model.n), j] = True
    _assert_nothing_happens(run_kernel(model, mask=mask))


@PROPS
@given(data=members.filter(lambda d: len(d) >= 3), seed=st.integers(0, 2**32 - 1),
       vehicle=st.sampled_from(["cost_sharing_association", "employer_group"]))
def test_property_no_scale_no_coordination_no_gain(make_model, data, seed, vehicle):
    params = {**NO_COORDINATION, "scale_exponent.accounting": 1, "scale_exponent.payroll_hr": 1}
    model = make_model(_rows(data), {"accounting": "all", "payroll_hr": "all"}, vehicle=vehicle, parameters=params)
    mask = np.random.default_rng(seed).random(model.mask.shape) < 0.7
    k = run_kernel(model, raw_params(model, **{"labour.span_of_control": np.inf}), mask=mask)
    assert k.net_saving[0] == pytest.approx(0.0, abs=1e-6)
    # the use key (work done today) then charges each member exactly its standalone cost
    np.testing.assert_allclose(k.allocated, k.member_standalone, rtol=1e-9, atol=1e-6)


@PROPS
@given(data=members, seed=st.integers(0, 2**32 - 1), key=st.sampled_from(["use", "standalone", "equal"]),
       vehicle=st.sampled_from(["cost_sharing_association", "commercial_provider", "lead_member"]))
def test_property_allocations_sum_to_what_they_split(make_model, data, seed, key, vehicle):
    rows = _rows(data)
    rows[0]["accounting.external_eur"] = 4_000.0
    rows[-1]["accounting.cost_eur"] = 90_000.0
    model = make_model(rows, {"accounting": "all", "payroll_hr": "all"}, vehicle=vehicle, allocation=key)
    mask = np.random.default_rng(seed).random((4, *model.mask.shape)) < 0.7
    k = run_kernel(model, mask=mask)
    np.testing.assert_allclose(k.allocated.sum(axis=-1), k.pooled_total, rtol=1e-12, atol=1e-6)
    pooled_any = k.effective_mask.any(axis=(-2, -1))
    np.testing.assert_allclose(k.setup_share.sum(axis=-1), k.setup * pooled_any, rtol=1e-12, atol=1e-6)


@PROPS
@given(w=st.floats(0.05, 3.0), b=st.floats(0.05, 1.0))
def test_property_more_identical_members_never_raise_need_per_member(make_model, w, b):
    N = 6
    params = {"labour.post_fraction": 0, "labour.contract_floor": 0, "scale_exponent.accounting": b}
    model = make_model(accounting_rows(*[w] * N), {"accounting": "all"}, parameters=params)
    coalitions = np.tril(np.ones((N, N), dtype=bool))  # first k members, k = 1..N
    k = run_kernel(model, mask=coalitions[:, :, None], with_irr=False)
    need = k.pooled_fte / np.arange(1, N + 1)
    need[0] = w  # a single member is not a pool: it needs its own w
    assert np.all(np.diff(need) <= 1e-12 * w)
    np.testing.assert_allclose(need[1:], w * np.arange(2, N + 1) ** (b - 1), rtol=1e-9)


@pytest.mark.parametrize("key", ["use", "standalone", "equal"])
def test_totals_only_vat_equals_the_full_split(models, key):
    # a taxable vehicle with one member that recovers VAT: the fast path must give the same VAT
    model = models["c_purchasing_central"]
    scn = model.scenario.with_overrides({"vehicle": "commercial_provider", "allocation": key,
                                         "pooling": {"energy": None, "consumables": None, "insurance": None,
                                                     "software": "all"}})
    m = compile_scenario(scn, model.organisations)
    assert not m.vat_exempt.all() and not m.vat_assessment.exempt
    rng = np.random.default_rng(3)
    masks = rng.random((64, m.n)) < 0.5
    full = run_kernel(m, mask=masks[:, :, None] & m.mask[None])
    fast = run_kernel(m, mask=masks[:, :, None] & m.mask[None], totals_only=True)
    np.testing.assert_allclose(fast.vat, full.vat, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(fast.net_result, full.net_result, rtol=1e-12, atol=1e-9)
