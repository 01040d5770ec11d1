"""The partition search's improvement phases made cheaper (issue 15) search what they searched.

Each saving is checked against what it replaces:

- the exact DP's index tables, built once per window size and cut to the admissible pools, give
  the table that building them for those pools alone gave (the DP before this round);
- pool rows whose batches run on two threads cost exactly what one thread costs, and the whole
  search on the engine finds the same pools with ``MUTUALISE_THREADS`` 1 or 2;
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.games import partition_exact as exact
from simulator.games.candidates import candidate_model, partition_candidates
from simulator.games.pool_batch import FEWEST_PER_WIDTH, PoolRows

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
    for threads in ("1", "2"):
        monkeypatch.setenv("MUTUALISE_THREADS", threads)
        result = partition_candidates(pool_of_60, FUNCTIONS, max_size=6, seed_with=(), method="heuristic")
        found[threads] = (result.pools, result.total_benefit)
    assert found["1"] == found["2"]
    assert any(len(pool) >= 2 for pool in found["1"][0])
