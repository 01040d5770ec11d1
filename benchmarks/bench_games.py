"""Benchmarks for the cost-sharing games and the partition search (prints figures, asserts nothing).

Targets from issue 5: exact Shapley plus the core check for a 20-member pool in under 5 s; a
partition of 200 candidates in under 60 s. The pool cost is the synthetic labour-pool cost of
``simulator.games.synthetic`` (power-law staffing plus coordination), standing in for the engine.

Run: ``python benchmarks/bench_games.py``
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from simulator.games import CostGame, best_partition
from simulator.games.synthetic import candidate_table, labour_pool_cost


def timed(label: str, action: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = action()
    print(f"  {label:<58} {time.perf_counter() - start:8.2f} s")
    return result


def shapley_and_core(n: int = 20) -> None:
    print(f"Cost game of a {n}-member pool ({2**n:,} coalitions)")
    candidates = candidate_table(n, seed=1)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), groups=candidates.subsector.to_numpy())
    start = time.perf_counter()
    game = timed("enumerate c(S) for every coalition (cost function)", lambda: CostGame.from_cost_function(
        list(candidates.index), cost_fn))
    shapley = timed("exact Shapley value", game.shapley)
    in_core = timed("core check (every coalition)", lambda: game.in_core(shapley))
    blocking = timed("blocking coalition", lambda: game.blocking_coalition(shapley))
    print(f"  {'total: enumerate + Shapley + core check':<58} {time.perf_counter() - start:8.2f} s")
    print(f"  Shapley in core: {in_core}; largest blocking group: "
          f"{len(blocking.coalition) if blocking else 0} members saving {blocking.amount if blocking else 0:,.0f} €")
    timed("sampled Shapley, 2,000 orders (table look-ups)", lambda: game.shapley(samples=2000, seed=0))


def nucleolus(sizes=(10, 12, 14, 16)) -> None:
    print("Nucleolus (sequence of HiGHS linear programmes)")
    for n in sizes:
        candidates = candidate_table(n, seed=1)
        game = CostGame.from_cost_function(list(candidates.index), labour_pool_cost(candidates.fte.to_numpy()))
        result = timed(f"{n} members ({2**n - 2:,} LP rows)", game.nucleolus)
        print(f"    {len(result.attrs['levels'])} LPs, kind {result.attrs['kind']}")


def large_pool_sampling(n: int = 200, samples: int = 1000) -> None:
    print(f"Sampled Shapley for a {n}-member pool (lazy game)")
    candidates = candidate_table(n, seed=2)
    game = CostGame.from_cost_function(list(candidates.index), labour_pool_cost(candidates.fte.to_numpy()))
    shares = timed(f"{samples} random orders ({samples * (n - 1):,} coalitions costed)",
                   lambda: game.shapley(samples=samples, seed=0))
    worst = max(shares.attrs["std_error"].values())
    print(f"    largest standard error {worst:,.0f} € on shares averaging {shares.mean():,.0f} €")


def partition(n: int = 200) -> None:
    print(f"Partition of {n} candidate ASBLs into pools")
    candidates = candidate_table(n, seed=7)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), groups=candidates.subsector.to_numpy())
    ids = list(candidates.index)
    cases = [
        ("max 3 per pool, no grouping (heuristic + LP bound)", dict(max_size=3)),
        ("max 8 per pool, no grouping (heuristic)", dict(max_size=8)),
        ("no size limit, no grouping (heuristic)", dict()),
        ("max 8 per pool, same commune (exact per commune)", dict(max_size=8, attributes=candidates,
                                                                 same=["commune"])),
        ("max 8 per pool, same sub-sector (heuristic per sub-sector)", dict(max_size=8, attributes=candidates,
                                                                           same=["subsector"])),
    ]
    for label, options in cases:
        result = timed(label, lambda options=options: best_partition(ids, cost_fn, **options))
        gap = "no bound" if result.gap is None else f"gap ≤ {result.relative_gap:.2%}"
        print(f"    {result.method}: {len(result.pools)} pools, {len(result.alone)} alone, "
              f"benefit {result.total_benefit:,.0f} €/yr, {gap}")


if __name__ == "__main__":
    shapley_and_core()
    nucleolus()
    large_pool_sampling()
    partition()
