"""The partition search's bookkeeping made cheaper (issue 15) leaves the search what it was.

Each saving is checked against what it replaces:

- cache keys of a cut-down cost function, packed straight from its local columns, are the bytes
  ``np.packbits`` gives for the widened rows (so a pool costed through a window is found again
  from the whole group, and the other way round); the cache returns the wrapped function's costs;
- pool rows batched by exact size cost what full rows cost; which batch width each size gets;
- the member data gathered field by field, when read, are the model's rows;
- best-pool-first growth that replays a stale seed's path finds the pools that regrowing every
  stale seed from scratch (the search before this round) finds;
- a model cut only to cost coalitions keeps the whole organisation table and costs the same;
- the whole search with the cache equals the search without it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.games import best_partition
from simulator.games import partition_heuristic as heuristic
from simulator.games.candidates import candidate_model
from simulator.games.engine_costs import KernelCosts, restrict_model
from simulator.games.memo import CostCache, _pack
from simulator.games.pool_batch import FEWEST_PER_WIDTH, GatheredData, PoolRows, _widths
from simulator.games.pools import PoolEvaluator
from simulator.games.synthetic import candidate_table, labour_pool_cost
from simulator.kernel import coalition_costs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402

FUNCTIONS = ("accounting", "payroll_hr", "software")


class _Linear:
    """c(S) = Σ_{i∈S} (i + 1)², with ``restrict``; counts the rows it is asked to cost."""

    def __init__(self, n: int):
        self.weights = (np.arange(n) + 1.0) ** 2
        self.rows = 0

    def __call__(self, masks):
        self.rows += masks.shape[0]
        return masks @ self.weights

    def restrict(self, cols):
        weights = self.weights[np.asarray(cols)]

        def local(masks):
            self.rows += masks.shape[0]
            return masks @ weights

        return local


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300), st.integers(0, 10_000), st.integers(1, 60))
def test_keys_packed_from_local_columns_are_the_packed_wide_rows(n, seed, m):
    rng = np.random.default_rng(seed)
    cols = rng.choice(n, size=min(m, n), replace=False)  # any order, as a window may give
    masks = rng.random((17, cols.size)) < 0.4
    wide = np.zeros((masks.shape[0], n), dtype=bool)
    wide[:, cols] = masks
    packed = _pack(masks, cols // 8, (7 - cols % 8).astype(np.uint8), -(-n // 8))
    np.testing.assert_array_equal(packed, np.packbits(wide, axis=1))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 200), st.integers(0, 10_000))
def test_cache_answers_what_the_cost_function_answers_and_shares_windows(n, seed):
    rng = np.random.default_rng(seed)
    fn = _Linear(n)
    cache = CostCache(fn, n)
    wide = rng.random((40, n)) < rng.uniform(0.01, 0.5)
    np.testing.assert_array_equal(cache(wide), wide @ fn.weights)
    costed = fn.rows
    assert costed == len({row.tobytes() for row in wide})  # each distinct pool once
    # a window over some columns finds the pools already costed inside it, and costs only the others
    cols = np.sort(rng.choice(n, size=min(n, int(rng.integers(1, 40))), replace=False))
    inside = wide[~wide[:, np.setdiff1d(np.arange(n), cols)].any(axis=1)][:, cols]
    fresh = rng.random((10, cols.size)) < 0.5
    local = np.vstack([inside, fresh])
    np.testing.assert_allclose(cache.restrict(cols)(local), local @ fn.weights[cols], rtol=1e-12)
    known = {row.tobytes() for row in inside}
    new = {row.tobytes() for row in fresh} - known
    assert fn.rows - costed == len(new)


def test_batch_widths_by_exact_size_small_sizes_join_the_next():
    few = FEWEST_PER_WIDTH - 1
    sizes = np.repeat([2, 3, 4, 6, 8], [FEWEST_PER_WIDTH, few, few, FEWEST_PER_WIDTH, 1])
    widths = dict(zip(sizes.tolist(), _widths(sizes).tolist(), strict=False))
    # 2 and 6 have enough rows; 3 and 4 join 6; the widest keeps its own width whatever its count
    assert widths == {2: 2, 3: 6, 4: 6, 6: 6, 8: 8}


@pytest.fixture(scope="module")
def model():
    _, orgs = synthetic_pool(60, functions=FUNCTIONS, seed=11)
    return candidate_model(orgs, FUNCTIONS)[0]


def test_pool_rows_by_exact_size_cost_what_full_rows_cost(model):
    rng = np.random.default_rng(5)
    counts = {2: 300, 3: 40, 5: 260, 7: 30}  # 3 joins 5, 7 stays the widest
    masks = np.zeros((sum(counts.values()), model.n), dtype=bool)
    row = 0
    for size, count in counts.items():
        for _ in range(count):
            masks[row, rng.choice(model.n, size=size, replace=False)] = True
            row += 1
    full = coalition_costs(model, masks, executor=None)
    np.testing.assert_allclose(PoolRows(model).costs(masks), full, rtol=1e-12, atol=1e-6)


def test_member_data_gathered_when_read_are_the_models_rows(model):
    idx = np.array([[0, 3, 3], [5, 1, 0]])
    data = GatheredData(model.data, idx)
    assert len(data) == len(model.data) and set(data) == set(model.data)
    for name in ("fte", "cost_eur"):
        np.testing.assert_array_equal(data[name], model.data[name][idx])
        assert data[name] is data[name]  # gathered once


def test_cut_for_costing_keeps_the_whole_table_and_costs_the_same(model):
    cols = np.array([4, 9, 17, 30, 41])
    cut = restrict_model(model, cols, table=False)
    assert cut.organisations is model.organisations
    assert cut.member_ids == tuple(model.member_ids[i] for i in cols)
    rng = np.random.default_rng(2)
    local = rng.random((50, cols.size)) < 0.5
    wide = np.zeros((50, model.n), dtype=bool)
    wide[:, cols] = local
    np.testing.assert_allclose(KernelCosts(model).restrict(cols)(local), KernelCosts(model)(wide),
                               rtol=1e-12, atol=1e-6)


def _same_growth(evaluator, monkeypatch, partners=None):
    """Replayed and from-scratch growth: the same seeds regrown, each to the same best pool and
    benefit along the same path, at every step of the construction; returns the pools.
    ``partners``: the growth's candidate lists (None: unrestricted).

    From scratch is the construction as before issue 15's second round: every stale seed regrown
    from itself, i.e. its recorded path kept up to the seed only (``_Growth.kept`` = 1).
    """
    grow = heuristic._grow

    def run(calls):
        def recorded(evaluator, seeds, remaining, growth, kept):
            out = grow(evaluator, seeds, remaining, growth, kept)
            calls.append((seeds.tolist(), *(part.tolist() for part in out)))
            return out

        monkeypatch.setattr(heuristic, "_grow", recorded)
        return heuristic._grow_pools(evaluator, partners)

    replayed_calls, scratch_calls = [], []
    replayed = run(replayed_calls)
    monkeypatch.setattr(heuristic._Growth, "kept", lambda self, seeds, remaining: np.ones(seeds.size, np.int64))
    scratch = run(scratch_calls)
    monkeypatch.undo()
    assert replayed_calls == scratch_calls
    assert [p.tolist() for p in replayed] == [p.tolist() for p in scratch]
    return replayed


def _evaluator(cost_fn, n, max_size, rule):
    standalone = cost_fn(np.eye(n, dtype=bool))
    return PoolEvaluator(cost_fn, list(range(n)), np.arange(n), standalone, max_size=max_size, rule=rule,
                         min_gain=0.0, chunk=1 << 13)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(8, 60), st.integers(0, 10_000), st.sampled_from([3, 8, None]),
       st.sampled_from(["standalone", "equal"]), st.sampled_from([500.0, 3000.0, 8000.0]))
def test_growth_replayed_from_the_record_is_growth_from_scratch(monkeypatch, n, seed, max_size, rule, pairwise):
    # without a size limit and with dear coordination (pairwise), seeds stop growing PATIENCE
    # additions past their best pool: replaying a path must carry that count over too. Costs
    # through a cache, as in the search: a closed formula summed in batches of other sizes may
    # differ in the last bit, which is not what this test is about
    rng = np.random.default_rng(seed)
    candidates = candidate_table(n, seed=seed)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), setup=float(rng.uniform(0, 8000)),
                               pairwise=pairwise, groups=candidates.subsector.to_numpy())
    _same_growth(_evaluator(CostCache(cost_fn, n), n, max_size, rule), monkeypatch)


def test_growth_replayed_on_the_engine_is_growth_from_scratch(model, monkeypatch):
    evaluator = _evaluator(CostCache(KernelCosts(model), model.n), model.n, 6, "standalone")
    replayed = _same_growth(evaluator, monkeypatch)
    assert sum(p.size >= 2 for p in replayed) >= 2, "the instance should form pools"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_search_with_the_cache_is_the_search_without_it(seed):
    candidates = candidate_table(36, seed=seed)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), setup=4000.0, groups=candidates.subsector.to_numpy())
    ids = list(candidates.index)
    plain = best_partition(ids, cost_fn, max_size=6, method="heuristic")
    cached = best_partition(ids, cost_fn, max_size=6, method="heuristic", cache=True)
    assert plain.pools == cached.pools
    assert cached.total_benefit == plain.total_benefit


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_windows_met_again_reuse_their_solve_and_the_search_is_unchanged(seed, monkeypatch):
    from simulator.games import partition_neighbourhood as neighbourhood

    candidates = candidate_table(40, seed=seed)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), setup=6000.0, pairwise=1500.0,
                               groups=candidates.subsector.to_numpy())
    ids = list(candidates.index)
    solves, original = [], neighbourhood.solve_exact

    def counted(evaluator):
        solves.append(evaluator.cols.tobytes())
        return original(evaluator)

    monkeypatch.setattr(neighbourhood, "solve_exact", counted)
    reused = best_partition(ids, cost_fn, max_size=8, method="heuristic", cache=True)
    assert len(solves) == len(set(solves)), "each window's candidates solved once"
    # the same search when every window is solved afresh
    monkeypatch.setattr(neighbourhood, "_solve_window", lambda ev, members: original(ev.restricted(members)))
    afresh = best_partition(ids, cost_fn, max_size=8, method="heuristic", cache=True)
    assert reused.pools == afresh.pools and reused.total_benefit == afresh.total_benefit
