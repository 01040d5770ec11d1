"""Which candidates should pool: exact DP against brute force, heuristic against exact, constraints."""

import numpy as np
import pandas as pd
import pytest
from games_cases import best_partition_by_brute_force, flatmates
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.errors import InputError
from simulator.games import best_partition
from simulator.games.synthetic import candidate_table, labour_pool_cost


def _instance(n, seed, **overrides):
    rng = np.random.default_rng(seed)
    candidates = candidate_table(n, seed=seed)
    options = dict(setup=float(rng.uniform(0, 8000)), pairwise=float(rng.uniform(200, 3000)),
                   heterogeneity=float(rng.uniform(0, 6000)), groups=candidates.subsector.to_numpy())
    options.update(overrides)
    return candidates, labour_pool_cost(candidates.fte.to_numpy(), **options)


def _brute_force(cost_fn, n, max_size, rule):
    def admits(block, own, cost):
        benefit = own.sum() - cost
        gains = own * benefit / own.sum() if rule == "standalone" else own - cost / len(block)
        return len(block) <= max_size and benefit > 1e-9 and gains.min() >= -1e-9

    return best_partition_by_brute_force(cost_fn, n, admits)


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 7), st.integers(0, 10_000), st.sampled_from([2, 3, 7]), st.sampled_from(["standalone", "equal"]))
def test_exact_matches_brute_force(n, seed, max_size, rule):
    candidates, cost_fn = _instance(n, seed)
    result = best_partition(list(candidates.index), cost_fn, max_size=max_size, allocation=rule, method="exact")
    assert result.total_benefit == pytest.approx(_brute_force(cost_fn, n, max_size, rule), abs=1e-6)
    assert result.method == "exact" and result.gap == 0


def test_heuristic_against_exact_on_small_random_instances():
    rng = np.random.default_rng(2024)
    hits, gaps = 0, []
    trials = 40
    for _ in range(trials):
        n = int(rng.integers(12, 16))
        max_size = [None, 3, 4, 5][int(rng.integers(0, 4))]
        rule = ["standalone", "equal"][int(rng.integers(0, 2))]
        candidates, cost_fn = _instance(n, int(rng.integers(1_000_000)))
        ids = list(candidates.index)
        exact = best_partition(ids, cost_fn, max_size=max_size, allocation=rule, method="exact")
        heuristic = best_partition(ids, cost_fn, max_size=max_size, allocation=rule, method="heuristic")
        assert heuristic.total_benefit <= exact.total_benefit + 1e-6
        if heuristic.upper_bound is not None:
            assert heuristic.upper_bound >= exact.total_benefit - 1e-6
        gap = (exact.total_benefit - heuristic.total_benefit) / max(exact.total_benefit, 1.0)
        hits += gap < 1e-9
        gaps.append(gap)
    print(f"\nheuristic vs exact on {trials} instances of 12-15 candidates: "
          f"optimum found {hits}/{trials}, mean gap {np.mean(gaps):.3%}, worst {np.max(gaps):.3%}")
    assert hits / trials >= 0.8
    assert np.mean(gaps) <= 0.01


def test_upper_bound_is_valid_and_tight_for_small_pools():
    candidates, cost_fn = _instance(14, 11)
    ids = list(candidates.index)
    exact = best_partition(ids, cost_fn, max_size=3, method="exact")
    heuristic = best_partition(ids, cost_fn, max_size=3, method="heuristic")
    assert heuristic.upper_bound is not None
    assert exact.total_benefit - 1e-6 <= heuristic.upper_bound <= 1.05 * exact.total_benefit
    assert heuristic.relative_gap == pytest.approx(1 - heuristic.total_benefit / heuristic.upper_bound)


def test_constraints_are_respected():
    candidates, cost_fn = _instance(40, 3, setup=500.0, pairwise=300.0)
    result = best_partition(list(candidates.index), cost_fn, max_size=4, attributes=candidates,
                            same=["subsector"], allocation="equal", min_gain=100.0)
    assert result.pools, "the instance should form some pools"
    for pool in result.pools:
        assert 2 <= len(pool) <= 4
        assert candidates.loc[list(pool), "subsector"].nunique() == 1
    members = result.members
    pooled = members[members.pool > 0]
    assert (pooled.gain >= 100.0 - 1e-6).all()
    assert (members.loc[list(result.alone), "gain"] == 0).all()
    assert result.total_benefit == pytest.approx(result.pool_table.benefit.sum())
    assert result.total_benefit == pytest.approx(members.gain.sum())
    # four sub-sectors of about 10 candidates: every group is solved exactly
    assert result.method == "exact" and result.gap == 0


def test_grouping_makes_large_populations_exact():
    candidates, cost_fn = _instance(120, 8)
    result = best_partition(list(candidates.index), cost_fn, max_size=6, attributes=candidates, same="commune")
    assert result.method == "exact"
    for pool in result.pools:
        assert candidates.loc[list(pool), "commune"].nunique() == 1


def test_shapley_rule_keeps_every_member_better_off():
    candidates, cost_fn = _instance(9, 5, setup=1000.0)
    result = best_partition(list(candidates.index), cost_fn, max_size=5, allocation="shapley")
    assert (result.members.gain >= -1e-6).all()
    for pool in result.pools:
        assert len(pool) <= 5


def test_a_cost_game_can_be_partitioned():
    result = best_partition(["A", "B", "C"], flatmates())
    assert result.pools == (("A", "B", "C"),) and result.total_benefit == pytest.approx(300)
    pair = best_partition(["A", "B", "C"], flatmates(), max_size=2)
    assert pair.pools == (("A", "C"),) and pair.total_benefit == pytest.approx(170)  # 580 - 410


def test_nobody_pools_when_pooling_never_pays():
    result = best_partition(["a", "b", "c"], lambda m: m.sum(axis=1) * 10.0 + (m.sum(axis=1) > 1))
    assert result.pools == () and result.alone == ("a", "b", "c") and result.total_benefit == 0


def test_bad_partition_inputs():
    candidates, cost_fn = _instance(5, 1)
    ids = list(candidates.index)
    cases = [
        (dict(candidates=ids + ids[:1]), "duplicate"),
        (dict(max_size=1), "max_size"),
        (dict(allocation="nash"), "unknown rule"),
        (dict(allocation="shapley"), "Shapley rule"),
        (dict(same=["commune"]), "needed to group"),
        (dict(same=["district"], attributes=candidates), "no column 'district'"),
        (dict(same=["commune"], attributes=candidates.iloc[:3]), "no row for candidate"),
        (dict(same=["commune"], attributes=candidates.assign(commune=[None, "a", "b", "c", "d"])), "missing value"),
        (dict(method="fast"), "method"),
        (dict(min_gain=-5), "min_gain"),
    ]
    for options, message in cases:
        arguments = {"candidates": ids, "cost": cost_fn, **options}
        with pytest.raises(InputError, match=message):
            best_partition(arguments.pop("candidates"), arguments.pop("cost"), **arguments)
    big, big_fn = _instance(20, 1)
    with pytest.raises(InputError, match="above the exact limit of 16"):
        best_partition(list(big.index), big_fn, method="exact")
    with pytest.raises(InputError, match="not players of the game"):
        best_partition(["A", "Z"], flatmates())


def test_members_table_layout():
    candidates, cost_fn = _instance(8, 2)
    result = best_partition(list(candidates.index), cost_fn)
    assert list(result.members.columns) == ["pool", "pool_size", "standalone", "pays", "gain"]
    assert result.members.index.name == "candidate"
    assert isinstance(result.pool_table, pd.DataFrame)
    assert list(result.pool_table.columns) == ["members", "size", "standalone", "cost", "benefit"]
