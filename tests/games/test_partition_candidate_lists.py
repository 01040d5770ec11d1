"""Candidate lists in the best-pool-first growth (issue 15, third round).

Each seed adds only from its ``K`` best partners as a pair (``partition_heuristic._partner_lists``):

- the lists are the ``K`` best ``b({s, j})``, ties to the lower position, never the seed itself;
- on a hand-built four-candidate game the list provably changes the growth (a pool whose third
  member pairs badly with the seed is out of reach with ``K`` = 2, found without a list);
- a list of every candidate (``K ≥ m − 1``, or a full mask) is the unrestricted growth, pool for pool;
- every recorded growth path stays inside its seed's list;
- replaying a stale seed's path is still regrowing it from scratch with the lists;
- the default length grows with the group (``"auto"``: 60, or 30 % of the group when more);
- ``growth_partners`` reaches the search from ``best_partition`` and is checked.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_partition_bookkeeping import _evaluator, _same_growth

from simulator.errors import InputError
from simulator.games import best_partition
from simulator.games import partition_heuristic as heuristic
from simulator.games.memo import CostCache
from simulator.games.synthetic import candidate_table, labour_pool_cost

# b(S) = Σ_{i<j ∈ S} P_ij, plus 30 when {0, 1, 3} ⊆ S; every candidate alone costs 10
PAIR = np.array([[0, 3, 2, -6], [3, 0, 1, -5], [2, 1, 0, -4], [-6, -5, -4, 0]], dtype=float)


def _four(masks):
    masks = np.asarray(masks, dtype=float)
    benefit = 0.5 * np.einsum("ci,ij,cj->c", masks, PAIR, masks) + 30.0 * masks[:, [0, 1, 3]].all(axis=1)
    return 10.0 * masks.sum(axis=1) - benefit


def test_lists_are_the_k_best_pair_benefits_ties_by_position():
    evaluator = _evaluator(_four, 4, None, "standalone")
    allowed = heuristic._partner_lists(evaluator, 2)
    # seed 0: b = 3 (1), 2 (2), −6 (3); seed 3: −4 (2), −5 (1), −6 (0)
    assert [np.flatnonzero(row).tolist() for row in allowed] == [[1, 2], [0, 2], [0, 1], [1, 2]]
    assert not allowed.diagonal().any()
    # ties go to the lower position: with equal pair benefits the list is the first K others
    flat = _evaluator(lambda m: 10.0 * m.sum(axis=1) - 1.0 * (m.sum(axis=1) >= 2), 6, None, "standalone")
    assert [np.flatnonzero(row).tolist() for row in heuristic._partner_lists(flat, 2)] == [
        [1, 2], [0, 2], [0, 1], [0, 1], [0, 1], [0, 1]]
    assert heuristic._partner_lists(evaluator, 3) is None and heuristic._partner_lists(evaluator, None) is None


def test_a_short_list_changes_the_growth_where_it_provably_must():
    """Without a list seed 0 grows {0, 1} (b 3) then adds 3 (b({0, 1, 3}) = 3 − 6 − 5 + 30 = 22 >
    b({0, 1, 2}) = 6): pool {0, 1, 3}. With K = 2 no seed but 1 and 2 has 3 in its list, and
    seeds 1 and 2 reach {0, 1, 2} (6) first; seed 3 only meets losing pools: pool {0, 1, 2}."""
    evaluator = _evaluator(_four, 4, None, "standalone")
    assert [p.tolist() for p in heuristic._grow_pools(evaluator)] == [[0, 1, 3], [2]]
    assert [p.tolist() for p in heuristic._grow_pools(evaluator, 2)] == [[0, 1, 2], [3]]
    assert [p.tolist() for p in heuristic._grow_pools(evaluator, 3)] == [[0, 1, 3], [2]]


def test_the_default_list_grows_with_the_group():
    assert heuristic.GROWTH_PARTNERS == 60 and heuristic.GROWTH_PARTNER_SHARE == 0.3
    # max(60, ⌈0.3 m⌉): 60 up to 200 candidates, then 30 % of the group
    assert [heuristic.partner_count(m) for m in (12, 60, 100, 200, 201, 1000)] == [60, 60, 60, 60, 61, 300]
    assert heuristic.partner_count(200, 17) == 17 and heuristic.partner_count(200, None) is None
    with pytest.raises(ValueError, match="partners"):
        heuristic.partner_count(200, 0)
    # a group of 61 or fewer: every other candidate is in the list, i.e. no list
    evaluator = _evaluator(_four, 4, None, "standalone")
    assert heuristic._partner_lists(evaluator, "auto") is None


def _instance(n, seed, max_size, rule, pairwise):
    rng = np.random.default_rng(seed)
    candidates = candidate_table(n, seed=seed)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), setup=float(rng.uniform(0, 8000)),
                               pairwise=pairwise, groups=candidates.subsector.to_numpy())
    return _evaluator(CostCache(cost_fn, n), n, max_size, rule)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(4, 40), st.integers(0, 10_000), st.sampled_from([3, 8, None]),
       st.sampled_from(["standalone", "equal"]), st.sampled_from([500.0, 3000.0]))
def test_a_list_of_every_candidate_is_the_unrestricted_growth(monkeypatch, n, seed, max_size, rule, pairwise):
    evaluator = _instance(n, seed, max_size, rule, pairwise)
    unrestricted = [p.tolist() for p in heuristic._grow_pools(evaluator, None)]
    assert [p.tolist() for p in heuristic._grow_pools(evaluator, n - 1)] == unrestricted
    assert [p.tolist() for p in heuristic._grow_pools(evaluator, n + 5)] == unrestricted
    # the mask path itself, with every candidate allowed, grows the same pools
    monkeypatch.setattr(heuristic, "_partner_lists", lambda ev, k: ~np.eye(ev.m, dtype=bool))
    assert [p.tolist() for p in heuristic._grow_pools(evaluator, 2)] == unrestricted


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(8, 50), st.integers(0, 10_000), st.sampled_from([3, 8, None]),
       st.sampled_from(["standalone", "equal"]), st.sampled_from([500.0, 3000.0, 8000.0]),
       st.integers(1, 12))
def test_growth_with_lists_stays_in_them_and_replays_exactly(monkeypatch, n, seed, max_size, rule, pairwise, k):
    evaluator = _instance(n, seed, max_size, rule, pairwise)
    growths = []
    original = heuristic._Growth

    class Recorded(original):
        def __init__(self, *args):
            super().__init__(*args)
            growths.append(self)

    monkeypatch.setattr(heuristic, "_Growth", Recorded)
    pools = _same_growth(evaluator, monkeypatch, partners=k)  # replayed = regrown from scratch
    assert sorted(i for p in pools for i in p.tolist()) == list(range(n))
    for growth in growths:
        if k >= n - 1:
            assert growth.allowed is None
            continue
        assert (growth.allowed.sum(axis=1) == k).all()
        added = growth.order[:, 1:]
        seed_of = np.broadcast_to(np.arange(n)[:, None], added.shape)
        assert growth.allowed[seed_of[added >= 0], added[added >= 0]].all()


def test_growth_partners_reaches_the_search_and_is_checked():
    candidates = candidate_table(30, seed=7)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), setup=4000.0, groups=candidates.subsector.to_numpy())
    ids = list(candidates.index)
    calls = []
    original = heuristic._partner_lists

    def spied(evaluator, partners):
        calls.append(partners)
        return original(evaluator, partners)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(heuristic, "_partner_lists", spied)
        default = best_partition(ids, cost_fn, max_size=6, method="heuristic")
        short = best_partition(ids, cost_fn, max_size=6, method="heuristic", growth_partners=4)
        every = best_partition(ids, cost_fn, max_size=6, method="heuristic", growth_partners=None)
    assert calls == ["auto", 4, None]
    assert every.total_benefit >= 0 and default.total_benefit >= 0 and short.total_benefit >= 0
    for bad in (0, -3, 2.5, True, "ten", "AUTO"):
        with pytest.raises(InputError, match="growth_partners"):
            best_partition(ids, cost_fn, max_size=6, method="heuristic", growth_partners=bad)
