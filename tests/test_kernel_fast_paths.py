"""The kernel's fast paths give the numbers of the plain formulas (issues 9, 15).

Each shortcut taken for speed — one mask row for every draw, shares without the equal split,
the member split without the ``(B, n, F)`` product, the transition's sparse sums, the IRR's
early stop, the purchasing procedures computed once — is checked against the straightforward
formula it replaced (written out here), bit for bit where the arithmetic is the same and to
the last digits where only the summation order changed.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator import allocation
from simulator.kernel import run_kernel
from simulator.mechanisms import batch_columns, cashflow, masked_sum, per_row, purchasing, same_rows
from simulator.mechanisms.transition import Waiting, absorbed_fte_years, transition
from simulator.model import compile_scenario
from simulator.params import ParamArrays

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import EIGHT_FUNCTIONS, synthetic_pool

PROPS = settings(max_examples=60, deadline=None)


@pytest.fixture(scope="module")
def model():
    scn, orgs = synthetic_pool(12, EIGHT_FUNCTIONS, seed=3)
    return compile_scenario(scn, orgs)


def _draws(model, B=64, seed=0):
    rng = np.random.default_rng(seed)
    base = dict(model.params)
    varied = {"scale_exponent.accounting": rng.uniform(0.6, 0.95, B), "exit.hazard": rng.uniform(0.02, 0.15, B),
              "finance.discount_rate": rng.uniform(0.01, 0.06, B), "staff.attrition_rate": rng.uniform(0.05, 0.2, B),
              "purchasing.price_elasticity": rng.uniform(0.02, 0.1, B), "premises.rent": rng.uniform(110, 250, B)}
    return ParamArrays(base, varied)


# --- one mask row for every draw ------------------------------------------------------------------

def test_same_rows_recognises_a_broadcast_mask_only():
    row = np.array([[[True, False], [True, True]]])
    assert same_rows(np.broadcast_to(row, (5, 2, 2)))
    assert not same_rows(np.repeat(row, 5, axis=0))  # a real (B, n, K) array, even with equal rows
    assert not same_rows(row)  # B = 1: nothing to save


def test_masked_sum_per_row_and_batch_columns_match_the_materialised_mask():
    rng = np.random.default_rng(1)
    row = rng.random((1, 6, 4)) < 0.6
    view, full = np.broadcast_to(row, (7, 6, 4)), np.repeat(row, 7, axis=0)
    x = rng.random((6, 4)) * 100
    assert np.array_equal(masked_sum(view, x), masked_sum(full, x))
    assert masked_sum(view, x).flags.writeable  # a real array: callers may write into it
    assert np.array_equal(per_row(lambda m: m.any(axis=-1), view), full.any(axis=-1))
    k, part = per_row(lambda m: (m.sum(axis=-1), m.sum(axis=-1) > 0), view)
    assert np.array_equal(k, full.sum(axis=-1)) and np.array_equal(part, full.sum(axis=-1) > 0)
    cols = np.array([0, 2])
    assert np.array_equal(batch_columns(view, cols), full[..., cols]) and same_rows(batch_columns(view, cols))


def test_kernel_with_a_broadcast_mask_equals_the_materialised_mask(model):
    """Monte Carlo draws share the scenario's mask (a view); the same mask given per row agrees."""
    P = _draws(model)
    fast = run_kernel(model, P, with_irr=False)
    plain = run_kernel(model, P, np.repeat(model.mask[None], P.B, axis=0), with_irr=False)
    assert same_rows(fast.effective_mask) and not same_rows(plain.effective_mask)
    for name in ("npv", "net_result", "net_saving", "pooled_total", "member_gain", "allocated", "payback_year"):
        np.testing.assert_allclose(getattr(fast, name), getattr(plain, name), rtol=1e-12, atol=1e-6, err_msg=name)
    np.testing.assert_allclose(fast.flows["net"], plain.flows["net"], rtol=1e-12, atol=1e-6)


# --- allocation and the member split ----------------------------------------------------------------

def _shares_plain(w, emask):
    """The v0.3.0 formula: every cell through the equal split's where()."""
    total = w.sum(axis=-2, keepdims=True)
    count = emask.sum(axis=-2, keepdims=True)
    equal = np.where(emask, 1.0 / np.maximum(count, 1), 0.0)
    return np.where(total > 0, w / np.where(total > 0, total, 1.0), equal)


@PROPS
@given(seed=st.integers(0, 10_000), zero_cols=st.integers(0, 3))
def test_shares_equal_the_plain_formula_bit_for_bit(seed, zero_cols):
    rng = np.random.default_rng(seed)
    emask = rng.random((3, 5, 4)) < 0.6
    w = np.where(emask, rng.random((3, 5, 4)) * 10, 0.0)
    w[..., :zero_cols] = 0.0  # pooled columns with no weight at all: equal split
    got = allocation.shares(w, emask)
    assert np.array_equal(got, _shares_plain(w, emask))
    pooled = emask.any(axis=-2)
    np.testing.assert_allclose(got.sum(axis=-2)[pooled], 1.0, rtol=1e-12)
    assert not got[~np.broadcast_to(pooled[:, None, :], emask.shape)].any()


def test_member_split_without_the_per_function_array_gives_the_same_members(model):
    P = _draws(model, B=16)
    full = run_kernel(model, P, with_irr=False)
    lean = run_kernel(model, P, with_irr=False, per_function=False)
    assert lean.allocated_function is None and full.allocated_function.shape == (16, *model.mask.shape)
    assert np.array_equal(lean.allocated, full.allocated) and np.array_equal(lean.member_gain, full.member_gain)
    # members' payments add up to the pool's total, as before
    np.testing.assert_allclose(full.allocated.sum(axis=-1), full.pooled_total, rtol=1e-10)


# --- staff transition ---------------------------------------------------------------------------------

def _absorbed_plain(R, v, horizon):
    """The v0.3.0 formula, with the v > 0 where() on every cell."""
    waiting = R > 0
    if (waiting & (v <= 0)).any():
        years = horizon
    else:
        years = min(horizon, int(np.ceil(np.max(np.where(waiting, R / np.where(v > 0, v, 1.0), 0.0)))))
    t = np.arange(years + 1, dtype=float)
    R3, v3 = R[..., None], v[..., None]
    G = np.maximum(R3 - v3 * t, 0.0) ** 2 / (2.0 * np.where(v3 > 0, v3, 1.0))
    paid = np.zeros((*R.shape, years + 1))
    paid[..., 1:] = np.where(v3 > 0, G[..., :-1] - G[..., 1:], R3)
    return paid


@PROPS
@given(seed=st.integers(0, 10_000), some_never_leave=st.booleans(), horizon=st.integers(1, 15))
def test_absorbed_fte_years_equal_the_plain_formula(seed, some_never_leave, horizon):
    rng = np.random.default_rng(seed)
    R = rng.random(30) * 3 + 0.01
    v = rng.random(30) * 0.8 + 0.05
    if some_never_leave:
        v[::7] = 0.0
    assert np.array_equal(absorbed_fte_years(R, v, horizon), _absorbed_plain(R, v, horizon))


def test_absorbed_fte_years_hand_value():
    # R = 1.5 FTE, v = 1 FTE/yr: year 1 pays x − v/2 = 1.5 − 0.5 = 1.0, year 2 pays 0.5²/2 = 0.125
    paid = absorbed_fte_years(np.array([1.5]), np.array([1.0]), 10)
    np.testing.assert_allclose(paid, [[0.0, 1.0, 0.125]])


def test_transition_sums_equal_the_dense_formula():
    """cost_t, frontline FTE-years and each member's PV against dense (B, n, T+1) sums."""
    rng = np.random.default_rng(4)
    B, n, T = 9, 6, 10
    S = np.where(rng.random((B, n)) < 0.7, rng.random((B, n)) * 2, 0.0)
    S_eur = S * rng.uniform(50_000, 70_000, (B, n))
    wage = cashflow.index_factors(rng.uniform(0.0, 0.03, B), T)
    tr = transition(S, S_eur, rng.uniform(3, 20, n), attrition_rate=rng.uniform(0.05, 0.3, B),
                    redeployment=0.6, dismissal=0.1, retraining_cost=np.full(B, 2_000.0),
                    seniority_years=np.full(B, 8.0), wage_index=wage)
    wt = tr.waiting
    assert isinstance(wt, Waiting)
    paid = np.zeros((B, n, T + 1))  # dense FTE-years paid on top of the headcount
    paid[wt.row, wt.member, :wt.paid.shape[1]] = wt.paid
    per_fte = np.zeros((B, n))
    per_fte[wt.row, wt.member] = wt.per_fte
    np.testing.assert_allclose(tr.frontline_fte_years_t, paid.sum(axis=1), rtol=1e-12)
    cost = (tr.stay * tr.attrition_eur.sum(axis=-1)[:, None] + (per_fte[..., None] * paid).sum(axis=1)) * wage
    cost[:, 1] += tr.one_off.sum(axis=-1)
    np.testing.assert_allclose(tr.cost_t, cost, rtol=1e-12)
    df = cashflow.discount_factors(np.full(B, 0.03), T)
    w = wage * df
    pv = tr.attrition_eur * (tr.stay * w).sum(axis=-1)[:, None] + per_fte * (paid * w[:, None, :]).sum(axis=-1) \
        + tr.one_off * w[:, 1:2]
    np.testing.assert_allclose(tr.member_pv(df), pv, rtol=1e-12)
    # the members' PVs add up to the pool's
    np.testing.assert_allclose(tr.member_pv(df).sum(axis=-1), cashflow.npv(tr.cost_t, df), rtol=1e-12)


# --- IRR ----------------------------------------------------------------------------------------------

def _irr_plain(cf, iterations=80):
    """The v0.3.0 bisection: always 80 steps, flo carried along."""
    t = np.arange(cf.shape[-1], dtype=float)

    def f(r):
        return (cf * (1.0 + r[..., None]) ** (-t)).sum(axis=-1)

    lo, hi = np.full(cf.shape[:-1], -0.99), np.full(cf.shape[:-1], 10.0)
    flo, fhi = f(lo), f(hi)
    valid = np.sign(flo) * np.sign(fhi) < 0
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        fm = f(mid)
        left = np.sign(fm) == np.sign(flo)
        lo, flo, hi = np.where(left, mid, lo), np.where(left, fm, flo), np.where(left, hi, mid)
    return np.where(valid, 0.5 * (lo + hi), np.nan)


@PROPS
@given(seed=st.integers(0, 10_000), T=st.integers(1, 30))
def test_irr_stops_early_with_the_same_result(seed, T):
    rng = np.random.default_rng(seed)
    cf = rng.normal(0, 1, (20, T + 1)) * 10 ** rng.uniform(0, 6, (20, 1))
    cf[:5, 0] = -np.abs(cf[:5, 0]) * 10  # some investments, some all-sign rows
    cf[5] = np.abs(cf[5])
    assert np.array_equal(cashflow.irr(cf), _irr_plain(cf), equal_nan=True)


def test_irr_near_zero_rate_still_bisects_to_the_end():
    cf = np.array([[-100.0, 100.0 * (1 + 1e-9)]])
    assert np.array_equal(cashflow.irr(cf), _irr_plain(cf), equal_nan=True)
    assert cashflow.irr(cf)[0] == pytest.approx(1e-9, abs=1e-15)
    assert math.isnan(cashflow.irr(np.array([[1.0, 2.0]]))[0])


# --- purchasing ------------------------------------------------------------------------------------

def test_purchasing_procedures_passed_once_equal_computed_twice():
    spend = np.array([[20_000.0, 400_000.0], [np.nan, 90_000.0], [250_000.0, 5_000.0]])
    mask = np.ones((2, 3, 2), bool)
    ca = np.array([[1.0], [0.0], [1.0]])
    col = np.ones((2, 1, 1))
    kw = dict(tender_cost=1_500.0 * col, tenders_per_year=0.25 * col,
              thresholds=(30_000.0 * col, 143_000.0 * col, 6_000.0 * col, 0.21 * col))
    own = purchasing.procedure_cost(spend, **kw)
    assert np.array_equal(purchasing.standalone_cost(spend, ca, **kw, own=own),
                          purchasing.standalone_cost(spend, ca, **kw))
    common = dict(elasticity=0.05 * col, cap=0.2 * col, reference=100_000.0 * col, buyer_fte_base=0.1 * col,
                  buyer_fte_per_meur=0.2 * col, manager_cost=80_000.0 * col, platform_cost=2_000.0 * col, **kw)
    a = purchasing.pooled_purchasing(spend, mask, ca, own=own, **common)
    b = purchasing.pooled_purchasing(spend, mask, ca, **common)
    assert all(np.array_equal(x, y) for x, y in zip(a[:2], b[:2], strict=True))
    assert all(np.array_equal(a[2][k], b[2][k]) for k in b[2])


# --- the cost game's path (issue 9's guard on 2^20 coalitions) ------------------------------------

def test_yearly_factors_of_a_shared_parameter_equal_the_per_row_formula():
    """index, survival and discount factors of one number broadcast over the batch: computed on
    one row, the same numbers as (1 ± x)^t for every row; a per-row batch is untouched."""
    shared = np.broadcast_to(0.023, (50,))
    rows = np.full(50, 0.023)
    t = np.maximum(np.arange(11) - 1, 0)
    for fn, plain in ((cashflow.index_factors, (1.0 + rows[:, None]) ** t),
                      (cashflow.survival, (1.0 - rows[:, None]) ** t),
                      (cashflow.discount_factors, (1.0 + rows[:, None]) ** (-np.arange(11, dtype=float)))):
        assert np.array_equal(fn(shared, 10), plain) and np.array_equal(fn(rows, 10), plain)
    assert not cashflow.index_factors(shared, 10).flags.writeable  # a view: nobody may write into it


def test_counts_by_contraction_equal_the_boolean_sums():
    from simulator.mechanisms.coordination import participation

    mask = np.random.default_rng(4).random((300, 17, 9)) < 0.4
    k, part = participation(mask)
    assert np.array_equal(k, mask.sum(axis=-1)) and np.array_equal(part, mask.sum(axis=-1) > 0)
    assert np.array_equal(masked_sum(mask, np.ones(mask.shape[-2:])), mask.sum(axis=-2))


def test_coalition_costs_do_not_depend_on_the_chunk(model):
    from simulator.kernel import coalition_chunk, coalition_costs

    coalitions = np.random.default_rng(5).random((5000, model.n)) < 0.5
    default = coalition_costs(model, coalitions, executor=None)
    assert coalition_chunk(model) == 4096  # 12 members × 8 functions: a small game
    for chunk in (257, 2048):
        assert np.array_equal(coalition_costs(model, coalitions, chunk=chunk, executor=None), default)


def test_absent_funding_instruments_are_zero_and_present_ones_unchanged():
    from types import SimpleNamespace

    from simulator.mechanisms.funding import funding_flows

    none = SimpleNamespace(startup_grant=None, coordination_subsidy=None, fte_subsidy=None, loan=None,
                           clawback_share=0.0, reinvestment_share=0.0, rule="per_member", min_members=2)
    B, T = 6, 5
    flows = funding_flows(none, np.ones(B), np.ones(B), np.ones((B, T + 1)), T)
    assert all(v.shape == (B, T + 1) and not v.any() for v in flows.values())
    sub = SimpleNamespace(**{**vars(none), "coordination_subsidy": SimpleNamespace(eur_per_year=1000.0, years=3)})
    got = funding_flows(sub, np.ones(B), np.ones(B), np.ones((B, T + 1)), T)["coordination_subsidy"]
    assert np.array_equal(got, np.tile([0, 1000, 1000, 1000, 0, 0], (B, 1)).astype(float))
