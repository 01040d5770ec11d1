"""Benchmarks for the cost-sharing games and the partition search (prints figures, asserts nothing).

Targets from issue 5: exact Shapley plus the core check for a 20-member pool in under 5 s; a
partition of 200 candidates in under 60 s. Two kinds of pool cost:

- the engine's kernel (``CostGame.from_scenario``, ``partition_candidates``): pools resampled from
  the bundled sample (``benchmarks/synthetic.py``), every coalition costed by the same kernel as a
  scenario — the figures that matter;
- the synthetic labour-pool cost of ``simulator.games.synthetic`` (power-law staffing plus
  coordination, a closed formula): the algorithms alone.

Run: ``python benchmarks/bench_games.py`` (``--quick`` skips the synthetic-cost sections,
``--neighbourhood`` runs only the 1,000-candidate search under a neighbourhood rule)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import EIGHT_FUNCTIONS, synthetic_pool

from simulator.games import CostGame, best_partition
from simulator.games.synthetic import candidate_table, labour_pool_cost

PARTITION_FUNCTIONS = ("accounting", "payroll_hr", "software")


def timed(label: str, action: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = action()
    print(f"  {label:<58} {time.perf_counter() - start:8.2f} s")
    return result


def engine_shapley_and_core(n: int = 20) -> None:
    """The real engine: a 20-member pool, every coalition costed by the kernel."""
    for functions in (EIGHT_FUNCTIONS, ("accounting", "payroll_hr")):
        _engine_game(n, functions)


def _engine_game(n: int, functions: tuple[str, ...]) -> None:
    scenario, orgs = synthetic_pool(n, functions=functions, seed=0)
    print(f"Engine cost game: {n} members x {len(functions)} functions "
          f"({', '.join(functions)}), {2**n:,} coalitions")
    start = time.perf_counter()
    game = timed("build the game: c(S) of every coalition through the kernel",
                 lambda: CostGame.from_scenario(scenario, orgs))
    shapley = timed("exact Shapley value", game.shapley)
    in_core = timed("core check (every coalition)", lambda: game.in_core(shapley))
    blocking = timed("blocking coalition", lambda: game.blocking_coalition(shapley))
    print(f"  {'total: build + Shapley + core check':<58} {time.perf_counter() - start:8.2f} s")
    print(f"    c(N) {game.grand_cost:,.0f} €/yr vs {game.standalone().sum():,.0f} € alone; "
          f"Shapley in core: {in_core}; "
          + (f"blocking group of {len(blocking.coalition)} saves {blocking.amount:,.0f} €/yr"
             if blocking else "no blocking group"))


class KernelMeter:
    """Counts the kernel rows and seconds of ``coalition_costs`` calls, by model size."""

    def __init__(self) -> None:
        import simulator.kernel as kernel

        self.kernel, self.original = kernel, kernel.coalition_costs
        self.rows: dict[str, list[float]] = {}

    def __enter__(self) -> KernelMeter:
        def metered(model, coalitions, *args, **kwargs):
            start = time.perf_counter()
            out = self.original(model, coalitions, *args, **kwargs)
            key = f"model of {model.n} members"
            entry = self.rows.setdefault(key, [0, 0.0])
            entry[0] += len(coalitions)
            entry[1] += time.perf_counter() - start
            return out

        self.kernel.coalition_costs = metered
        return self

    def __exit__(self, *exc: Any) -> None:
        self.kernel.coalition_costs = self.original

    def report(self, total: float) -> None:
        spent = 0.0
        for key, (rows, seconds) in sorted(self.rows.items(), key=lambda kv: -kv[1][1]):
            spent += seconds
            print(f"      kernel, {key:<24} {rows:>10,.0f} rows {seconds:7.1f} s "
                  f"({1e6 * seconds / max(rows, 1):5.1f} µs/row)")
        print(f"      search, cache and bookkeeping       {total - spent:17.1f} s")


def engine_partition(n: int = 200, max_size: int = 8) -> None:
    """The real engine: 200 candidates resampled from the sample, distinct ids."""
    from simulator.games.candidates import partition_candidates

    _, orgs = synthetic_pool(n, functions=PARTITION_FUNCTIONS, seed=3)
    print(f"Engine partition: {n} candidates, {', '.join(PARTITION_FUNCTIONS)}, max size {max_size}")
    cases = [
        ("no grouping, seeded (commune, sub-sector)", dict()),
        ("no grouping, not seeded", dict(seed_with=())),
        ("same commune (exact per commune)", dict(same=["commune"])),
        ("same sub-sector", dict(same=["subsector"])),
    ]
    for label, options in cases:
        with KernelMeter() as meter:
            start = time.perf_counter()
            result = partition_candidates(orgs, PARTITION_FUNCTIONS, max_size=max_size, **options)
            total = time.perf_counter() - start
        gap = "no bound" if result.gap is None else f"gap ≤ {result.relative_gap:.2%}"
        print(f"  {label:<58} {total:8.2f} s")
        print(f"    {result.method}: {len(result.pools)} pools, {len(result.alone)} alone, "
              f"benefit {result.total_benefit:,.0f} €/yr, {gap}")
        if not options:
            meter.report(total)


def engine_heuristic_vs_exact(trials: int = 30) -> None:
    """How often the heuristic finds the exact optimum, real engine, 12-15 candidates."""
    from simulator.games.candidates import partition_candidates

    rng = np.random.default_rng(2024)
    found = {True: [], False: []}
    while len(found[True]) < trials:
        n = int(rng.integers(12, 16))
        _, orgs = synthetic_pool(n, functions=PARTITION_FUNCTIONS, seed=int(rng.integers(1_000_000)))
        options = dict(max_size=[None, 4, 6, 8][len(found[True]) % 4],
                       allocation=["standalone", "equal"][int(rng.integers(0, 2))])
        exact = partition_candidates(orgs, PARTITION_FUNCTIONS, method="exact", **options)
        if exact.total_benefit <= 0:
            continue  # nothing pays: every search finds it
        for seeded in (True, False):
            heuristic = partition_candidates(orgs, PARTITION_FUNCTIONS, method="heuristic",
                                             seed_with=("commune", "subsector") if seeded else (),
                                             **options)
            found[seeded].append(1 - heuristic.total_benefit / exact.total_benefit)
    print(f"Heuristic vs exact, real engine, {trials} instances of 12-15 candidates where pooling pays")
    for seeded, gaps in found.items():
        gaps = np.array(gaps)
        print(f"  {'seeded' if seeded else 'not seeded':<12} optimum found {(gaps < 1e-9).sum()}/{trials}, "
              f"mean gap {gaps.mean():.3%}, worst {gaps.max():.3%}")


def shapley_and_core(n: int = 20) -> None:
    print(f"Cost game of a {n}-member pool ({2**n:,} coalitions, synthetic cost)")
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
    print(f"Partition of {n} candidate ASBLs into pools (synthetic cost)")
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


def seeded_partition(n: int = 200) -> None:
    """Seeding the heuristic with the best pools within each commune and sub-sector."""
    candidates = candidate_table(n, seed=7)
    cost_fn = labour_pool_cost(candidates.fte.to_numpy(), groups=candidates.subsector.to_numpy())
    ids = list(candidates.index)
    print(f"Seeded partition of {n} candidates, max 8 per pool (synthetic cost)")
    for label, options in [("not seeded", dict()),
                           ("same sub-sector", dict(attributes=candidates, same=["subsector"])),
                           ("seeded with commune and sub-sector",
                            dict(attributes=candidates, seed_with=["commune", "subsector"]))]:
        result = timed(label, lambda options=options: best_partition(ids, cost_fn, max_size=8, **options))
        print(f"    benefit {result.total_benefit:,.0f} €/yr")


def pool_rows_before_after(n: int = 200, pools: int = 4000) -> None:
    """Before / after costing pools on their own members (issue 15), interleaved in one run.

    Per pool: the kernel on full 200-member rows vs member-batched rows of the pool's members.
    The search: CPU seconds of the 200-candidate partition (not seeded) with each costing — CPU
    rather than wall time, which on a shared machine mostly measures the other processes.
    """
    import simulator.games.engine_costs as engine_costs
    from simulator.games.candidates import candidate_model, partition_candidates
    from simulator.games.pool_batch import PoolRows
    from simulator.kernel import coalition_costs

    _, orgs = synthetic_pool(n, functions=PARTITION_FUNCTIONS, seed=3)
    model, _ = candidate_model(orgs, PARTITION_FUNCTIONS)
    rng = np.random.default_rng(1)
    rows = PoolRows(model)
    print(f"Pools costed on their own members vs full rows: {n} candidates, best of 3")
    print(f"  {'':34} {'full rows (before)':>20} {'own members (after)':>20} {'ratio':>7}")
    for k in (2, 4, 8):
        masks = np.zeros((pools, n), dtype=bool)
        for row in masks:
            row[rng.choice(n, size=k, replace=False)] = True
        full = min(_cpu(lambda masks=masks: coalition_costs(model, masks, executor=None)) for _ in range(3))
        own = min(_cpu(lambda masks=masks: rows.costs(masks)) for _ in range(3))
        print(f"  kernel, pools of {k}, µs per pool      {1e6 * full / pools:20.1f} {1e6 * own / pools:20.1f} "
              f"{full / own:6.1f}×")
    original = engine_costs.KernelCosts.__init__
    seconds = {}
    try:
        for pool_rows in (False, True):
            def init(self, model, params=None, *, pool_rows=pool_rows, **kw):
                original(self, model, params, pool_rows=pool_rows, **kw)
            engine_costs.KernelCosts.__init__ = init
            result = None

            def search():
                nonlocal result
                result = partition_candidates(orgs, PARTITION_FUNCTIONS, max_size=8, seed_with=())

            seconds[pool_rows] = (_cpu(search), result.total_benefit)
    finally:
        engine_costs.KernelCosts.__init__ = original
    (before, b0), (after, b1) = seconds[False], seconds[True]
    print(f"  partition search, {n} candidates, CPU s  {before:20.1f} {after:20.1f} {before / after:6.1f}×")
    print(f"  same answer: {b0 == b1} (benefit {b1:,.0f} €/yr)")


def neighbourhood_partition(n: int = 1000, max_size: int = 8) -> None:
    """Pools among 1,000 candidates under a neighbourhood rule (issue 15: under 60 s), the real
    engine, against pooling only within each commune (the answer the rule must beat or equal on
    the cells it solves alike). Wall and CPU seconds; the machine's load is printed."""
    import os

    from simulator.games.candidates import partition_candidates

    _, orgs = synthetic_pool(n, functions=PARTITION_FUNCTIONS, seed=3)
    print(f"Neighbourhood partition: {n} candidates, {', '.join(PARTITION_FUNCTIONS)}, max size "
          f"{max_size}, not seeded (load average {os.getloadavg()[0]:.1f})")
    cases = [
        ("--neighbourhood commune (same or bordering commune)", dict(neighbourhood="commune")),
        ("--neighbourhood subsector (and same sub-sector)", dict(neighbourhood="subsector")),
        ("--same commune (within each commune only)", dict(same=["commune"])),
    ]
    for label, options in cases:
        wall, cpu = time.perf_counter(), time.process_time()
        result = partition_candidates(orgs, PARTITION_FUNCTIONS, max_size=max_size, seed_with=(),
                                      **options)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        pooled = sum(len(p) for p in result.pools)
        print(f"  {label:<54} {wall:7.1f} s wall {cpu:7.1f} s CPU  {len(result.pools):4d} pools, "
              f"{pooled:4d} pooled, benefit {result.total_benefit:,.0f} €/yr")


def _cpu(action: Callable[[], Any]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


if __name__ == "__main__":
    if "--neighbourhood" in sys.argv:
        neighbourhood_partition()
        sys.exit()
    pool_rows_before_after()
    engine_shapley_and_core()
    engine_partition()
    engine_heuristic_vs_exact()
    neighbourhood_partition()
    if "--quick" not in sys.argv:
        shapley_and_core()
        nucleolus()
        large_pool_sampling()
        partition()
        seeded_partition()
