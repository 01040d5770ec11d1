"""Partition search under a neighbourhood rule (``neighbourhood="commune" | "subsector"``): the
rule's check against brute force, the exact search against brute force over allowed partitions,
the cell-by-cell search between the within-commune optimum and the exact one, no pool crossing
the rule on large instances, the engine and the CLI."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from games_cases import best_partition_by_brute_force
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.cli import main
from simulator.errors import InputError
from simulator.games import best_partition
from simulator.games.candidates import partition_candidates
from simulator.games.neighbourhoods import may_pool
from simulator.games.partition_rules import Neighbourhood, merge_across
from simulator.games.pools import PoolEvaluator
from simulator.games.synthetic import candidate_table, labour_pool_cost

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic_pool  # noqa: E402

#: Saint-Gilles borders Ixelles and Forest; Evere borders none of them; Uccle borders Ixelles and Forest.
PLACES = ("saint_gilles", "ixelles", "forest", "evere", "uccle")
SUBS = ("home_care", "youth")


def _instance(n, seed, places=PLACES):
    rng = np.random.default_rng(seed)
    table = candidate_table(n, seed=seed)
    table["commune"] = rng.choice(places, n)
    table["subsector"] = rng.choice(SUBS, n)
    cost = labour_pool_cost(table.fte.to_numpy(), setup=float(rng.uniform(0, 6000)),
                            pairwise=float(rng.uniform(200, 2000)),
                            heterogeneity=float(rng.uniform(0, 3000)), groups=table.subsector.to_numpy())
    return table, cost


def _brute_force(cost_fn, allowed, max_size):
    """Best total benefit over all partitions whose pools the rule, the size cap and the
    standalone rule (b > 0) admit."""
    def admits(block, own, cost):
        return len(block) <= max_size and own.sum() - cost > 1e-9 and allowed[np.ix_(block, block)].all()

    return best_partition_by_brute_force(cost_fn, allowed.shape[0], admits)


def _allowed(table, rule):
    return may_pool(table.commune.tolist(), table.subsector.tolist(), near="neighbours",
                    same_subsector=rule == "subsector")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLACES), st.sampled_from(SUBS)), min_size=1, max_size=9),
       st.sampled_from(["commune", "subsector"]), st.integers(0, 2**20))
def test_the_rule_admits_a_pool_iff_every_pair_may_pool(rows, rule, seed):
    communes, subsectors = zip(*rows, strict=True)
    neighbourhood = Neighbourhood.from_rule(rule, communes, subsectors)
    allowed = may_pool(communes, subsectors, near="neighbours", same_subsector=rule == "subsector")
    masks = np.random.default_rng(seed).random((64, len(rows))) < 0.5
    expected = [allowed[np.ix_(np.flatnonzero(m), np.flatnonzero(m))].all() for m in masks]
    assert neighbourhood.admits(masks).tolist() == expected
    # parts: no pair allowed across two parts, and every candidate in exactly one
    parts = neighbourhood.components(np.arange(len(rows)))
    assert sorted(np.concatenate(parts).tolist()) == list(range(len(rows)))
    for one, two in itertools.combinations(parts, 2):
        assert not allowed[np.ix_(one, two)].any()


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 7), st.integers(0, 10_000), st.sampled_from([2, 3, 7]),
       st.sampled_from(["commune", "subsector"]))
def test_exact_search_under_the_rule_matches_brute_force(n, seed, max_size, rule):
    table, cost_fn = _instance(n, seed)
    result = best_partition(list(table.index), cost_fn, max_size=max_size, attributes=table,
                            neighbourhood=rule)
    assert result.method == "exact"
    assert result.total_benefit == pytest.approx(_brute_force(cost_fn, _allowed(table, rule), max_size),
                                                 abs=1e-6)


@pytest.mark.parametrize("seed", range(6))
def test_a_rule_that_admits_everyone_changes_nothing(seed):
    table, cost_fn = _instance(12, seed, places=("ixelles",))
    ids = list(table.index)
    plain = best_partition(ids, cost_fn, max_size=5, attributes=table)
    ruled = best_partition(ids, cost_fn, max_size=5, attributes=table, neighbourhood="commune")
    assert ruled.method == plain.method == "exact"
    assert ruled.total_benefit == pytest.approx(plain.total_benefit, abs=1e-6)
    assert set(ruled.pools) == set(plain.pools)
    # the cell-by-cell path on one cell is the plain heuristic, then merging can only add
    heuristic = best_partition(ids, cost_fn, max_size=5, attributes=table, method="heuristic",
                               seed_with=())
    by_cells = best_partition(ids, cost_fn, max_size=5, attributes=table, method="heuristic",
                              seed_with=(), neighbourhood="commune")
    assert by_cells.total_benefit >= heuristic.total_benefit - 1e-6


def test_cell_by_cell_lies_between_the_within_commune_optimum_and_the_exact_one():
    """Cells up to the exact limit are solved exactly, so the search is at least the best
    partition within communes (merging whole pools only adds), and at most the exact optimum
    under the rule; the gap to the exact optimum is printed."""
    rng = np.random.default_rng(15)
    gaps, gains = [], []
    for _ in range(12):
        table, cost_fn = _instance(int(rng.integers(11, 14)), int(rng.integers(1_000_000)),
                                   places=("saint_gilles", "ixelles", "forest"))
        ids, options = list(table.index), dict(max_size=4, attributes=table)
        exact = best_partition(ids, cost_fn, neighbourhood="commune", **options)
        within = best_partition(ids, cost_fn, same=["commune"], **options)
        cells = best_partition(ids, cost_fn, neighbourhood="commune", exact_limit=8, **options)
        assert exact.method == "exact" and within.method == "exact"
        assert within.total_benefit - 1e-6 <= cells.total_benefit <= exact.total_benefit + 1e-6
        gaps.append((exact.total_benefit - cells.total_benefit) / max(exact.total_benefit, 1.0))
        gains.append(cells.total_benefit - within.total_benefit)
    print(f"\ncell-by-cell vs exact under the commune rule, 11-13 candidates: mean gap "
          f"{np.mean(gaps):.2%}, worst {np.max(gaps):.2%}; merged across communes in "
          f"{sum(g > 1e-6 for g in gains)}/12")
    assert any(g > 1e-6 for g in gains)  # merging across bordering communes does happen


def test_merging_joins_pools_of_bordering_cells_only():
    # four candidates alone: two in Saint-Gilles/Ixelles (bordering), one in Evere (borders neither)
    table = pd.DataFrame({"commune": ["saint_gilles", "ixelles", "evere", "evere"],
                          "subsector": ["youth"] * 4}, index=list("abcd"))
    cost_fn = labour_pool_cost(np.array([1.0, 1.0, 1.0, 1.0]), setup=0.0, pairwise=0.0)
    rule = Neighbourhood.from_rule("commune", table.commune.tolist())
    standalone = cost_fn(np.eye(4, dtype=bool))
    evaluator = PoolEvaluator(cost_fn, tuple(table.index), np.arange(4), standalone, max_size=4,
                              rule="standalone", min_gain=0.0, chunk=64, neighbourhood=rule)
    pools = merge_across(evaluator, [np.array([i]) for i in range(4)])
    assert sorted(map(tuple, pools)) == [(0, 1), (2, 3)]


def test_no_pool_crosses_the_rule_among_many_candidates():
    for rule in ("commune", "subsector"):
        table, cost_fn = _instance(90, 7)
        result = best_partition(list(table.index), cost_fn, max_size=6, attributes=table,
                                neighbourhood=rule, exact_limit=10)
        allowed = _allowed(table, rule)
        position = {c: i for i, c in enumerate(table.index)}
        assert result.pools
        for pool in result.pools:
            rows = [position[c] for c in pool]
            assert allowed[np.ix_(rows, rows)].all() and 2 <= len(pool) <= 6
        # the table adds up: the benefits of the pools are the total, every member gains
        assert result.pool_table["benefit"].sum() == pytest.approx(result.total_benefit)
        assert (result.members["gain"] >= -1e-6).all()
        assert any("neighbourhood" in note for note in result.notes) or result.method == "exact"


def test_engine_pools_stay_among_neighbours_and_progress_ends():
    _, orgs = synthetic_pool(120, functions=("accounting", "payroll_hr"), seed=4)
    seen = []
    result = partition_candidates(orgs, ("accounting", "payroll_hr"), max_size=6,
                                  neighbourhood="commune", progress=lambda d, t: seen.append((d, t)))
    attributes = result.members
    allowed = may_pool(attributes.commune.tolist(), near="neighbours")
    position = {c: i for i, c in enumerate(attributes.index)}
    for pool in result.pools:
        rows = [position[c] for c in pool]
        assert allowed[np.ix_(rows, rows)].all()
    assert result.pools and result.total_benefit > 0
    assert seen[-1][0] == seen[-1][1] and all(b >= a for (a, _), (b, _) in itertools.pairwise(seen))


def test_bad_neighbourhood_inputs():
    table, cost_fn = _instance(5, 1)
    ids = list(table.index)
    with pytest.raises(InputError, match="expected 'commune', 'subsector' or 'none'"):
        best_partition(ids, cost_fn, attributes=table, neighbourhood="street")
    with pytest.raises(InputError, match="needs a table"):
        best_partition(ids, cost_fn, neighbourhood="commune")
    with pytest.raises(InputError, match="needs the columns subsector"):
        best_partition(ids, cost_fn, attributes=table[["commune"]], neighbourhood="subsector")
    with pytest.raises(InputError, match="unknown commune"):
        best_partition(ids, cost_fn, attributes=table.assign(commune="Atlantis"), neighbourhood="commune")
    assert best_partition(ids, cost_fn, attributes=table, neighbourhood="none").total_benefit == \
        pytest.approx(best_partition(ids, cost_fn).total_benefit)


def test_cli_partition_with_a_neighbourhood(capsys):
    code = main(["partition", "sample", "--functions", "accounting,payroll_hr", "--max-size", "5",
                 "--neighbourhood", "commune", "--format", "json"])
    out, _ = capsys.readouterr()
    assert code == 0
    data = json.loads(out)
    expected = partition_candidates(functions=("accounting", "payroll_hr"), max_size=5,
                                    neighbourhood="commune")
    assert data["total_benefit"] == pytest.approx(expected.total_benefit)
    assert [tuple(p["members"]) for p in data["pools"]] == list(expected.pools)
    code = main(["partition", "sample", "--max-size", "4", "--neighbourhood", "subsector"])
    out, _ = capsys.readouterr()
    assert code == 0 and "members in bordering communes and the same sub-sector" in out
    code = main(["partition", "sample", "--neighbourhood", "street"])
    _, err = capsys.readouterr()
    assert code == 2 and "street" in err
