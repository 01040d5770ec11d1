"""Pools costed on their own members (``simulator.games.pool_batch``) cost what full rows cost.

The partition search costs a pool of ≤ 8 members among 200 candidates on a row of its own
members (a member-batched model, the same kernel) instead of a 200-member row. Both must give
the same ``c(S)`` to float rounding, on every example scenario (sites, reception schedules,
purchasing, funding with the per-member rule, VAT split by who is in the pool), for pools of
every size, padded or not.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.games import engine_costs
from simulator.games.engine_costs import KernelCosts, outside_public_interest, scenario_model
from simulator.games.pool_batch import ONE_BATCH_BELOW, PoolModel, PoolRows, pool_members
from simulator.kernel import coalition_costs
from simulator.model import compile_scenario

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "scenarios").glob("*.yaml"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402


def random_pools(rng, count: int, n: int, largest: int) -> np.ndarray:
    """``count`` masks ``(count, n)`` of 1 … ``largest`` members each."""
    masks = np.zeros((count, n), dtype=bool)
    for row, size in enumerate(rng.integers(1, largest + 1, size=count)):
        masks[row, rng.choice(n, size=size, replace=False)] = True
    return masks


@pytest.fixture(autouse=True)
def pool_rows_at_any_size(monkeypatch):
    """KernelCosts uses pool rows from 32 members (speed); here on every example, however small."""
    monkeypatch.setattr(engine_costs, "POOL_ROWS_FROM", 0)


@pytest.fixture(scope="module")
def models():
    return {path.stem: scenario_model(path) for path in EXAMPLES}


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
@pytest.mark.parametrize("count", [40, ONE_BATCH_BELOW + 100])  # one padded batch; by width
def test_pool_rows_cost_what_full_rows_cost(models, name, count):
    model = models[name]
    masks = random_pools(np.random.default_rng(count), count, model.n, max(1, model.n // 2))
    full = coalition_costs(model, masks, executor=None)
    np.testing.assert_allclose(PoolRows(model).costs(masks), full, rtol=1e-12, atol=1e-6)
    np.testing.assert_allclose(KernelCosts(model)(masks), full, rtol=1e-12, atol=1e-6)


def test_large_coalitions_stay_full_rows_and_agree(models):
    model = models["c_purchasing_central"]
    rng = np.random.default_rng(5)
    masks = rng.random((300, model.n)) < rng.random((300, 1))  # sizes 0 … n, most above n / 2
    np.testing.assert_allclose(KernelCosts(model)(masks), KernelCosts(model, pool_rows=False)(masks),
                               rtol=1e-12, atol=1e-6)


def test_funding_scales_by_the_whole_pool_not_the_batch(models):
    """b's grant and subsidy follow the per-member rule (n_S / n_N): a pool's row must use n_N."""
    model = models["b_shared_house"]
    assert model.scenario.funding.rule == "per_member" and model.scenario.funding.coordination_subsidy
    pair = np.zeros((1, model.n), dtype=bool)
    pair[0, :2] = True
    without = dataclasses.replace(model, scenario=model.scenario.model_copy(
        update={"funding": model.scenario.funding.model_copy(update={"coordination_subsidy": None})}))
    got = PoolRows(model).costs(pair) - PoolRows(without).costs(pair)
    subsidy = model.scenario.funding.coordination_subsidy
    # the pair's cost falls by its share (2 / 12) of the subsidy, annualised: a positive fraction
    assert got[0] < 0
    np.testing.assert_allclose(got, coalition_costs(model, pair, executor=None)
                               - coalition_costs(without, pair, executor=None), rtol=1e-12)
    assert abs(got[0]) < subsidy.eur_per_year * 2 / 12 + 1e-6


def test_restricted_model_remembers_the_whole_pool(models):
    """A window cut out of b costs its pools as the whole model does (per-member funding rule)."""
    model = models["b_shared_house"]
    cols = np.array([0, 1, 2, 3, 5])
    local = KernelCosts(model, pool_rows=False).restrict(cols)
    masks = random_pools(np.random.default_rng(2), 60, cols.size, cols.size)
    wide = np.zeros((60, model.n), dtype=bool)
    wide[:, cols] = masks
    np.testing.assert_allclose(local(masks), coalition_costs(model, wide, executor=None), rtol=1e-12)
    assert local.model.pooling_members == model.pooling_members == 12


def test_vat_split_by_who_is_in_the_pool():
    """Members outside public interest: pools with one are taxed, the others exempt, row by row."""
    scenario, orgs = synthetic_pool(40, functions=("accounting", "payroll_hr", "software"), seed=4)
    table = orgs.table.reset_index()
    table.loc[3, "subsector"] = "other"
    from simulator.organisations import read_organisations

    model = compile_scenario(scenario, read_organisations(table))
    outside = outside_public_interest(model)
    assert outside[3] and not outside.all()
    assert KernelCosts(model)._exempt is not None  # the VAT split applies
    masks = random_pools(np.random.default_rng(1), 400, model.n, 8)
    masks[:50, 3] = True  # some pools with a taxed member
    np.testing.assert_allclose(KernelCosts(model)(masks), KernelCosts(model, pool_rows=False)(masks),
                               rtol=1e-12, atol=1e-6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 30), largest=st.integers(1, 12))
def test_any_pools_cost_the_same_on_their_own_members(models, seed, count, largest):
    model = models["c_purchasing_central"]
    masks = random_pools(np.random.default_rng(seed), count, model.n, largest)
    np.testing.assert_allclose(PoolRows(model).costs(masks), coalition_costs(model, masks, executor=None),
                               rtol=1e-12, atol=1e-6)


def test_pool_members_lists_members_in_order_padded():
    masks = np.array([[0, 1, 0, 1, 1], [1, 0, 0, 0, 0], [0, 0, 0, 0, 0]], dtype=bool)
    np.testing.assert_array_equal(pool_members(masks, 4),
                                  [[1, 3, 4, -1], [0, -1, -1, -1], [-1, -1, -1, -1]])


def test_an_empty_pool_costs_nothing(models):
    model = models["b_shared_house"]
    assert PoolRows(model).costs(np.zeros((3, model.n), dtype=bool)).tolist() == [0.0, 0.0, 0.0]


def test_unknown_model_fields_fall_back_to_full_rows(models):
    """A newer Model with a per-member field this module does not know is never gathered."""
    model = models["a_medical_centres_employer_group"]

    @dataclasses.dataclass(frozen=True)
    class Newer(type(model)):
        staff_mix: np.ndarray | None = None

    newer = Newer(**{f.name: getattr(model, f.name) for f in dataclasses.fields(model)})
    assert not PoolRows(newer).usable
    costs = KernelCosts(newer)
    pair = np.zeros((1, model.n), dtype=bool)
    pair[0, :2] = True
    np.testing.assert_allclose(costs(pair), coalition_costs(model, pair, executor=None), rtol=1e-12)
    assert isinstance(KernelCosts(model, pool_rows=False).restrict([0, 1]).model, PoolModel)


@pytest.mark.parametrize("follows_worker", [False, True])
def test_pool_rows_carry_the_staff_transition_cofunding_leases_and_a_bought_site(models, follows_worker):
    """Model v2's staff transition, co-funded posts, lease run-on and a bought site, none of which
    the examples exercise at their central values: pool rows still cost what full rows cost."""
    from simulator.scenario import SitePurchase, StaffTransition

    model = models["b_shared_house"]
    scenario = model.scenario
    sites = [scenario.sites[0].model_copy(update={"purchase": SitePurchase(price_eur=900_000, loan_share=0.7,
                                                                           loan_years=15)}),
             *scenario.sites[1:]]
    scenario = scenario.model_copy(update={
        "staff_transition": StaffTransition(redeployment=0.5, dismissal=0.3), "sites": sites,
        "cofunding_follows_worker": follows_worker})
    rng = np.random.default_rng(11)
    data = dict(model.data)
    data["cofunded_share"] = np.where(np.isnan(data["fte"]), np.nan, rng.uniform(0, 0.6, data["fte"].shape))
    data["lease_months_left"] = np.where(np.isnan(data["lease_months_left"]),
                                         rng.integers(0, 24, data["lease_months_left"].shape).astype(float), 0.0)
    v2 = dataclasses.replace(model, scenario=scenario, data=data)
    masks = random_pools(rng, 60, v2.n, max(1, v2.n // 2))
    full = coalition_costs(v2, masks, executor=None)
    assert not np.allclose(full, coalition_costs(model, masks, executor=None))  # the mechanisms bite
    np.testing.assert_allclose(PoolRows(v2).costs(masks), full, rtol=1e-12, atol=1e-6)
