"""Which ASBLs should pool, costed by the engine: pools cost what a scenario of exactly those
members costs, constraints hold, the heuristic finds the exact optimum on small instances, the
seeded search is never worse than the best pools within each commune or sub-sector."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from simulator import Scenario, simulate
from simulator.errors import InputError
from simulator.games.candidates import DEFAULT_FUNCTIONS, candidate_model, partition_candidates
from simulator.games.memo import CostCache

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402

FUNCTIONS = ("accounting", "payroll_hr", "software")


@pytest.fixture(scope="module")
def sample_result():
    return partition_candidates(max_size=6)


def test_pools_cost_what_their_own_scenario_costs(sample_result):
    result = sample_result
    assert result.pools, "the sample should form some pools"
    model, _ = candidate_model()
    for number, row in result.pool_table.head(2).iterrows():
        members = list(row["members"])
        pooling = {f: [m for m in members if m in who]
                   for f, who in ((f, model.scenario.pooled_members(f)) for f in model.function_ids)}
        scenario = Scenario.from_dict({
            "name": f"pool {number}", "members": members, "vehicle": "cost_sharing_association",
            "pooling": {f: who for f, who in pooling.items() if len(who) >= 2}})
        own = simulate(scenario)
        cost = float(own.kernel.member_standalone[0].sum() - own.kernel.net_result[0])
        assert row["cost"] == pytest.approx(cost, rel=1e-10)
        assert row["standalone"] == pytest.approx(float(own.kernel.member_standalone[0].sum()))


def test_result_tables_and_constraints(sample_result):
    result = sample_result
    members = result.members
    assert {"name", "subsector", "commune", "pool", "gain"} <= set(members.columns)
    assert (members.loc[members.pool > 0, "gain"] >= -1e-6).all()
    assert all(2 <= len(pool) <= 6 for pool in result.pools)
    assert result.total_benefit == pytest.approx(result.pool_table.benefit.sum())
    assert result.upper_bound is None or result.upper_bound >= result.total_benefit - 1e-6
    assert result.pool_table["names"].map(len).tolist() == result.pool_table["size"].tolist()
    same = partition_candidates(same=["commune"], max_size=4)
    for pool in same.pools:
        assert members.loc[list(pool), "commune"].nunique() == 1
    assert same.method == "exact" and same.gap == 0


def test_seeded_search_is_never_worse_than_each_grouping():
    _, orgs = synthetic_pool(40, functions=FUNCTIONS, seed=11)
    options = dict(functions=FUNCTIONS, max_size=6)
    free = partition_candidates(orgs, **options)
    assert free.method == "heuristic" and any("seeded" in note for note in free.notes)
    for grouping in ("commune", "subsector"):
        grouped = partition_candidates(orgs, same=[grouping], **options)
        assert free.total_benefit >= grouped.total_benefit - 1e-6


def test_heuristic_finds_the_exact_optimum_on_small_instances():
    rng = np.random.default_rng(7)
    hits, gaps, trials = 0, [], 0
    while trials < 8:
        n = int(rng.integers(12, 15))
        _, orgs = synthetic_pool(n, functions=FUNCTIONS, seed=int(rng.integers(1_000_000)))
        options = dict(functions=FUNCTIONS, max_size=[None, 4, 6, 8][trials % 4])
        exact = partition_candidates(orgs, method="exact", **options)
        if exact.total_benefit <= 0:
            continue  # nothing pays: trivially found
        trials += 1
        heuristic = partition_candidates(orgs, method="heuristic", **options)
        assert heuristic.total_benefit <= exact.total_benefit + 1e-6
        gap = 1 - heuristic.total_benefit / exact.total_benefit
        hits += gap < 1e-9
        gaps.append(gap)
    print(f"\nreal engine, {trials} instances of 12-14 candidates: optimum found {hits}/{trials}, "
          f"mean gap {np.mean(gaps):.3%}")
    assert hits >= 6 and np.mean(gaps) <= 0.01


def test_shared_site_pools_premises():
    # model v2: at the default poolable share of reception (0.5) no shared house of the sample
    # pays; where most of reception is front-desk work (0.8), one does
    result = partition_candidates(functions=("premises", "reception", "it_support"),
                                  sites="shared", max_size=5, same=["commune"])
    assert not result.pools and result.total_benefit == 0
    result = partition_candidates(functions=("premises", "reception", "it_support"),
                                  sites="shared", max_size=5, same=["commune"],
                                  parameters={"reception.poolable_share": 0.8})
    assert result.pools and result.total_benefit > 0


def test_candidate_model_pools_only_what_candidates_have():
    model, notes = candidate_model(functions=("accounting", "payroll_hr", "it_support", "energy"))
    assert model.function_ids == ("accounting", "payroll_hr", "it_support", "energy")
    assert model.scenario.vehicle == "cost_sharing_association"
    assert set(DEFAULT_FUNCTIONS) >= {"accounting", "payroll_hr"}
    assert isinstance(notes, list)


def test_cost_cache_remembers_and_restricts():
    calls = []

    class Fn:
        def __call__(self, masks):
            calls.append(len(masks))
            return masks @ np.arange(1.0, 6.0)

        def restrict(self, cols):
            return lambda masks: masks @ (np.asarray(cols) + 1.0)

    cache = CostCache(Fn(), 5)
    masks = np.array([[1, 0, 1, 0, 0], [1, 0, 1, 0, 0], [0, 1, 0, 0, 1]], dtype=bool)
    np.testing.assert_allclose(cache(masks), [4, 4, 7])
    assert calls == [2]  # the repeated row is costed once
    np.testing.assert_allclose(cache(masks[::-1]), [7, 4, 4])
    assert calls == [2] and cache.hits == 3 and cache.misses == 2
    local = cache.restrict(np.array([1, 4]))
    np.testing.assert_allclose(local(np.array([[True, True], [True, False]])), [7, 2])
    assert cache.hits == 4  # {1, 4} was already known from the wide rows


def test_bad_candidate_inputs():
    cases = [
        (dict(functions=("premises",)), "shared site"),
        (dict(functions=("astrology",)), "unknown function"),
        (dict(functions=()), "at least one function"),
        (dict(functions=("software",), vehicle="employer_group"), "cannot carry"),
        (dict(members=["mm_tilleuls", "nobody"]), "nobody"),
        (dict(same=["district"]), "district"),
        (dict(max_size=1), "max_size"),
        (dict(organisations="no/such/table.csv"), "no organisation table"),
        (dict(organisations=42), "expected 'sample'"),
    ]
    for options, message in cases:
        with pytest.raises(InputError, match=message):
            partition_candidates(**options)
