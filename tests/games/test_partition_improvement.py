"""The partition search's improvement phases made cheaper (issue 15) search what they searched.

Each saving is checked against what it replaces:

- the exact DP's index tables, built once per window size and cut to the admissible pools, give
  the table that building them for those pools alone gave (the DP before this round);
- the local search's gains read from what each pool met gains by a move or swap, kept across
  rounds and cut at its limit, are the gains a full recount of every pool gives (the search before
  this round), and the whole search is the same;
- a pool's own standalone total summed block by block is numpy's ``masks @ values``, bit for
  bit; pool members listed from flat positions are those a 2-D nonzero lists;
- pair benefits among the candidates alone kept across the neighbourhood passes are those costed
  afresh, and a pass asks only for the pairs it has not met;
- the cache, when no new pool comes twice in a call, sends the cost function the rows it sent
  before (each new pool once, from the last row back) and answers what the cost function answers;
- pool rows whose batches run on two threads cost exactly what one thread costs, and the whole
  search on the engine finds the same pools with its pool rows on one thread or two;
"""

from __future__ import annotations

import functools
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.games import partition_exact as exact
from simulator.games import partition_heuristic as heuristic
from simulator.games import pools as pools_module
from simulator.games.candidates import candidate_model, partition_candidates
from simulator.games.memo import CostCache
from simulator.games.pool_batch import FEWEST_PER_WIDTH, PoolRows, pool_members
from simulator.games.pools import PoolEvaluator
from simulator.games.synthetic import candidate_table, labour_pool_cost

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402

FUNCTIONS = ("accounting", "payroll_hr", "software")


def _best_built_per_solve(value: np.ndarray, m: int) -> np.ndarray:
    """The DP as it was: index tables built for the admissible pools of each solve."""
    size = 1 << m
    _, sizes, lowest = exact._subsets(m)
    best = np.full(size, -np.inf)
    best[0] = 0.0
    for low in range(m - 1, -1, -1):
        above = (size - 1) & ~((2 << low) - 1)
        pools = np.flatnonzero((lowest == low) & (value > -np.inf))
        for t in np.unique(sizes[pools]):
            group = pools[sizes[pools] == t]
            rest = exact._all_submasks(above & ~group, m)
            np.maximum.at(best, (group[:, None] | rest).ravel(), (value[group][:, None] + best[rest]).ravel())
    return best


@settings(max_examples=40, deadline=None)
@given(m=st.integers(1, 9), seed=st.integers(0, 10_000), admissible=st.floats(0.05, 1.0))
def test_dp_on_kept_tables_is_the_dp_built_per_solve(m, seed, admissible):
    rng = np.random.default_rng(seed)
    _, sizes, _ = exact._subsets(m)
    value = np.where(rng.random(1 << m) < admissible, rng.normal(0, 100, 1 << m).round(2), -np.inf)
    value[sizes <= 1] = 0.0
    assert np.array_equal(exact._best(value, m), _best_built_per_solve(value, m))


def test_dp_tables_built_above_the_kept_size_are_the_kept_ones(monkeypatch):
    kept = exact._plan(6)
    monkeypatch.setattr(exact, "PLAN_KEPT_UP_TO", 5)
    built = exact._plan(6)
    assert len(kept) == len(built)
    for one, two in zip(kept, built, strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(one, two, strict=True))


@pytest.fixture(scope="module")
def pool_of_60():
    return synthetic_pool(60, functions=FUNCTIONS, seed=11)[1]


def test_pool_rows_on_two_threads_cost_what_one_thread_costs(pool_of_60):
    model = candidate_model(pool_of_60, FUNCTIONS)[0]
    rng = np.random.default_rng(8)
    sizes = np.repeat([2, 3, 5, 8], FEWEST_PER_WIDTH + 7)  # four batches, one per size
    masks = np.zeros((sizes.size, model.n), dtype=bool)
    for row, size in enumerate(sizes):
        masks[row, rng.choice(model.n, size=size, replace=False)] = True
    rows = PoolRows(model, chunk=100)  # and several chunks per size
    alone = rows.costs(masks, executor=None)
    with ThreadPoolExecutor(2) as pool:
        threaded = rows.costs(masks, executor=pool)
    assert np.array_equal(alone, threaded)
    assert np.all(np.isfinite(alone)) and np.all(alone > 0)


def test_search_finds_the_same_pools_on_one_or_two_threads(pool_of_60, monkeypatch):
    found = {}
    costs = PoolRows.costs
    with ThreadPoolExecutor(2) as pool:
        for threads, executor in (("1", None), ("2", pool)):
            monkeypatch.setattr(PoolRows, "costs", functools.partialmethod(costs, executor=executor))
            result = partition_candidates(pool_of_60, FUNCTIONS, max_size=6, seed_with=(), method="heuristic")
            found[threads] = (result.pools, result.total_benefit)
    assert found["1"] == found["2"]
    assert any(len(pool) >= 2 for pool in found["1"][0])


def _recounted(evaluator, label, *, swaps):
    """The local search's gains as they were: every pool, move and swap costed again each round."""
    m = evaluator.m
    pools = np.zeros((label.max() + 1, m), dtype=bool)
    pools[label, np.arange(m)] = True
    size = pools.sum(axis=1)
    value, _ = evaluator.assess(pools)
    without = pools[label]
    without[np.arange(m), np.arange(m)] = False
    left, left_ok = evaluator.assess(without)
    loss = np.where(left_ok, left - value[label], -np.inf)
    who, where = np.nonzero(label[:, None] != np.arange(pools.shape[0])[None, :])
    joined = pools[where]
    joined[np.arange(who.size), who] = True
    gained, ok = evaluator.assess(joined)
    move_gain = np.where(ok, gained - value[where], -np.inf) + loss[who]
    solo = np.flatnonzero(size[label] >= 2)
    first, second = np.triu_indices(m, 1) if swaps else (np.zeros(0, int), np.zeros(0, int))
    keep = (label[first] != label[second]) & ((size[label[first]] > 1) | (size[label[second]] > 1))
    first, second = first[keep], second[keep]
    rows = np.arange(first.size)
    one, two = pools[label[first]], pools[label[second]]
    one[rows, first], one[rows, second] = False, True
    two[rows, second], two[rows, first] = False, True
    v1, ok1 = evaluator.assess(one)
    v2, ok2 = evaluator.assess(two)
    swap_gain = np.where(ok1 & ok2, v1 + v2 - value[label[first]] - value[label[second]], -np.inf)
    return (np.concatenate([move_gain, loss[solo], swap_gain]),
            np.concatenate([np.full(who.size + solo.size, heuristic._MOVE), np.full(first.size, heuristic._SWAP)]),
            np.concatenate([who, solo, first]), np.concatenate([where, np.full(solo.size, -1), second]))


def _labour_evaluator(n, seed, max_size, rule, pairwise=1500.0):
    candidates = candidate_table(n, seed=seed)
    cost_fn = CostCache(labour_pool_cost(candidates.fte.to_numpy(), setup=4000.0, pairwise=pairwise,
                                         groups=candidates.subsector.to_numpy()), n)
    standalone = cost_fn(np.eye(n, dtype=bool))
    return PoolEvaluator(cost_fn, list(range(n)), np.arange(n), standalone, max_size=max_size, rule=rule,
                         min_gain=0.0, chunk=1 << 13)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(4, 40), seed=st.integers(0, 10_000), max_size=st.sampled_from([3, 6, None]),
       rule=st.sampled_from(["standalone", "equal"]), kept=st.sampled_from([2, 4096]))
def test_gains_from_kept_effects_are_the_gains_recounted(n, seed, max_size, rule, kept, monkeypatch):
    monkeypatch.setattr(heuristic, "_EFFECTS_KEPT", kept)  # 2: started afresh nearly every round
    evaluator = _labour_evaluator(n, seed, max_size, rule)
    effects = heuristic._Effects(evaluator)
    rng = np.random.default_rng(seed)
    label = np.unique(rng.integers(0, max(1, n // 3), n), return_inverse=True)[1]
    for _ in range(4):  # rounds: a few members change pool, most pools stay as they were
        for swaps in (False, True):
            kept_gains = heuristic._improvements(evaluator, label, swaps=swaps, effects=effects)
            recounted = _recounted(evaluator, label, swaps=swaps)
            for mine, theirs in zip(kept_gains, recounted, strict=True):
                assert np.array_equal(mine, theirs)
        moved = rng.choice(n, size=min(3, n), replace=False)
        label = label.copy()
        label[moved] = rng.integers(0, label.max() + 2, moved.size)
        label = np.unique(label, return_inverse=True)[1]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_local_search_with_kept_effects_is_the_search_recounting(seed, monkeypatch):
    ids = list(range(40))
    candidates = candidate_table(40, seed=seed)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), setup=6000.0, pairwise=1500.0,
                               groups=candidates.subsector.to_numpy())
    from simulator.games import best_partition

    kept = best_partition(ids, cost_fn, max_size=8, method="heuristic", cache=True)

    def recounting(evaluator, label, *, swaps, effects=None):
        return _recounted(evaluator, label, swaps=swaps)

    monkeypatch.setattr(heuristic, "_improvements", recounting)
    recounted = best_partition(ids, cost_fn, max_size=8, method="heuristic", cache=True)
    assert kept.pools == recounted.pools and kept.total_benefit == recounted.total_benefit
    assert any(len(pool) >= 2 for pool in kept.pools)


def _random_masks(rng: np.random.Generator, rows: int, m: int, per_row: int) -> np.ndarray:
    """``rows`` pools among ``m`` candidates, each of 1 to ``per_row`` members (draws may repeat)."""
    masks = np.zeros((rows, m), dtype=bool)
    for _ in range(per_row):
        masks[np.arange(rows), rng.integers(0, m, rows)] = True
    return masks


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(0, 2600), m=st.integers(1, 230), seed=st.integers(0, 10_000), per_row=st.integers(1, 9))
def test_row_sums_by_block_are_numpys_product_bit_for_bit(rows, m, seed, per_row):
    rng = np.random.default_rng(seed)
    masks = _random_masks(rng, rows, m, per_row)
    values = rng.lognormal(9, 1.5, m)
    assert np.array_equal(pools_module._row_sums(masks, values), masks @ values)


@settings(max_examples=40, deadline=None)
@given(rows=st.integers(0, 300), m=st.integers(1, 60), seed=st.integers(0, 10_000), largest=st.integers(1, 8))
def test_pool_members_from_flat_positions_are_the_nonzero_ones(rows, m, seed, largest):
    masks = _random_masks(np.random.default_rng(seed), rows, m, largest)
    width = max(largest, 1)
    expected = np.full((rows, width), -1, dtype=np.int64)
    for row in range(rows):
        members = np.nonzero(masks[row])[0]
        expected[row, : members.size] = members
    assert np.array_equal(pool_members(masks, width), expected)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 40), seed=st.integers(0, 10_000), calls=st.integers(1, 4), repeats=st.booleans(),
       limit=st.sampled_from([8, 40, 10**6]))
def test_cache_sends_each_new_pool_once_backwards_and_answers_the_costs(n, seed, calls, repeats, limit):
    rng = np.random.default_rng(seed)
    weights = rng.integers(1, 10_000, n).astype(np.float64)  # whole euros: sums exact in any order
    sent = []

    def cost_fn(masks):
        sent.append(masks.copy())
        return masks @ weights + 100.0 * np.count_nonzero(masks, axis=1) ** 2

    cache, seen = CostCache(cost_fn, n, limit=limit), set()  # a small limit: started afresh when full
    for _ in range(calls):
        masks = rng.random((int(rng.integers(1, 60)), n)) < 0.2
        if repeats:
            masks = np.vstack([masks, masks[::2]])
        sent.clear()
        got = cache(masks)
        np.testing.assert_array_equal(got, masks @ weights + 100.0 * np.count_nonzero(masks, axis=1) ** 2)
        # what the cache sent before this round: each pool not seen yet once, by its last row
        # going backwards
        lasts = {}
        for row in range(masks.shape[0]):
            key = masks[row].tobytes()
            if key not in seen:
                lasts[key] = row
        expected = [masks[row] for row in sorted(lasts.values(), reverse=True)]
        if lasts and len(seen) + len(lasts) > limit:  # the cache starts afresh only when it adds
            seen = set()
        seen |= set(lasts)
        assert len(cache.store) == len(seen)
        assert len(sent) == (1 if expected else 0)
        if expected:
            assert np.array_equal(sent[0], np.array(expected))


@settings(max_examples=30, deadline=None)
@given(n=st.integers(3, 40), seed=st.integers(0, 10_000))
def test_pair_benefits_kept_across_passes_are_the_pairs_costed_afresh(n, seed):
    from simulator.games import partition_neighbourhood as neighbourhood

    evaluator = _labour_evaluator(n, seed, 6, "standalone")
    rng = np.random.default_rng(seed)
    known = np.full((n, n), np.nan)
    asked = []
    assess = evaluator.assess
    evaluator.assess = lambda masks, cost=None: (asked.append(masks.shape[0]), assess(masks, cost))[1]
    for _ in range(3):  # passes: the candidates alone change a little
        alone = np.sort(rng.choice(n, size=int(rng.integers(2, n + 1)), replace=False))
        asked.clear()
        kept = neighbourhood.pair_benefit(evaluator, alone, known)
        new_pairs = sum(asked)
        afresh = neighbourhood.pair_benefit(evaluator, alone)
        assert np.array_equal(kept, afresh)
        assert new_pairs <= alone.size * (alone.size - 1) // 2
    asked.clear()
    neighbourhood.pair_benefit(evaluator, alone, known)
    assert sum(asked) == 0  # every pair already known
