"""Quality of the growth's candidate lists: total benefit and CPU per list length (prints figures).

The best-pool-first growth of the partition heuristic lets each seed add only from its ``K``
best partners as a pair (``partition_heuristic.GROWTH_PARTNERS``). A shorter list costs fewer
pools but may miss a pool whose members pair badly with the seed (set-up costs make small pools
lose). This study runs the whole search (``partition_candidates``, pools ≤ 8, not seeded, as
``bench_partition_versions.py``) for each ``K`` on the same instances and prints, per instance
and ``K``: the total benefit, its gap to the unrestricted search (€/yr and %), CPU seconds
(``time.process_time``), wall seconds and the 1-minute load average (2 cores shared).

The whole search's answer may come from another start (greedy merging wins on some instances),
so ``--part growth`` also runs the growth construction alone on the same synthetic instances
(engine costs through a fresh cache per run, pools ≤ 8): the benefit of the partition it builds,
its gap to the unrestricted growth and its own CPU.

Instances: synthetic pools (``benchmarks/synthetic.py``) of 60, 100, 150 and 200 candidates ×
generator seeds 1–4, the 1,000-candidate commune-neighbourhood case once, and, against the exact
optimum, 30 random instances of 12–16 candidates (closed-form costs, as the heuristic-vs-exact
test in ``tests/games/test_games_partition.py``).

Run::

    python benchmarks/bench_partition_quality.py                 # everything (~20 min CPU)
    python benchmarks/bench_partition_quality.py --part exact    # or growth, synthetic, commune
    python benchmarks/bench_partition_quality.py --sizes 60 100 --seeds 1 2 --ks none 20 30
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import synthetic_pool

FUNCTIONS = ("accounting", "payroll_hr", "software")
KS = (None, 20, 30, 40, 60, "auto")
SMALL_KS = (None, 5, 10, 20)


def _k(text: str) -> int | str | None:
    if text == "auto":
        return text
    return None if text.lower() in ("none", "all", "unrestricted") else int(text)


def _label(k: int | str | None) -> str:
    return "all" if k is None else str(k)


def _timed(search):
    load = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    result = search()
    return result, time.process_time() - cpu, time.perf_counter() - wall, load


def _row(case: str, k, benefit: float, reference: float, cpu: float, wall: float, load: float) -> str:
    gap = reference - benefit
    share = gap / reference if reference > 0 else 0.0
    return (f"{case:<22} K={_label(k):>4}  benefit {benefit:>14,.2f} €/yr  gap {gap:>11,.2f} €/yr "
            f"{share:>8.4%}  {cpu:6.1f} s CPU {wall:6.1f} s wall  load {load:4.1f}→{os.getloadavg()[0]:4.1f}")


def synthetic(sizes, seeds, ks, summary) -> None:
    """The whole search on synthetic pools, every K on the same instance."""
    from simulator.games.candidates import partition_candidates

    for n in sizes:
        for seed in seeds:
            _, orgs = synthetic_pool(n, functions=FUNCTIONS, seed=seed)
            reference = None
            for k in ks:
                result, cpu, wall, load = _timed(lambda k=k, orgs=orgs: partition_candidates(
                    orgs, FUNCTIONS, max_size=8, seed_with=(), growth_partners=k))
                reference = result.total_benefit if reference is None else reference
                print(_row(f"{n} cand. seed {seed}", k, result.total_benefit, reference, cpu, wall, load),
                      flush=True)
                summary.setdefault(k, []).append((reference - result.total_benefit, reference, cpu))


def growth(sizes, seeds, ks) -> None:
    """The growth construction alone (``_grow_pools``), every K on the same instance."""
    from simulator.games import partition_heuristic as heuristic
    from simulator.games.candidates import candidate_model
    from simulator.games.engine_costs import KernelCosts
    from simulator.games.memo import CostCache
    from simulator.games.pools import PoolEvaluator

    for n in sizes:
        for seed in seeds:
            _, orgs = synthetic_pool(n, functions=FUNCTIONS, seed=seed)
            model = candidate_model(orgs, FUNCTIONS)[0]
            standalone = KernelCosts(model)(np.eye(n, dtype=bool))
            reference = None
            for k in ks:
                evaluator = PoolEvaluator(CostCache(KernelCosts(model), n), list(model.member_ids), np.arange(n),
                                          standalone, max_size=8, rule="standalone", min_gain=0.0, chunk=1 << 13)
                pools, cpu, wall, load = _timed(lambda k=k, ev=evaluator: heuristic._grow_pools(ev, k))
                value = heuristic.total_benefit(evaluator, pools)
                reference = value if reference is None else reference
                print(_row(f"growth {n} seed {seed}", k, value, reference, cpu, wall, load), flush=True)


def commune(ks, summary) -> None:
    """1,000 candidates under the commune-neighbourhood rule (seed 3, as bench_partition_versions)."""
    from simulator.games.candidates import partition_candidates

    _, orgs = synthetic_pool(1000, functions=FUNCTIONS, seed=3)
    reference = None
    for k in ks:
        result, cpu, wall, load = _timed(lambda k=k: partition_candidates(
            orgs, FUNCTIONS, max_size=8, seed_with=(), neighbourhood="commune", growth_partners=k))
        reference = result.total_benefit if reference is None else reference
        print(_row("1000 cand. commune", k, result.total_benefit, reference, cpu, wall, load), flush=True)
        summary.setdefault(k, []).append((reference - result.total_benefit, reference, cpu))


def exact(ks, trials: int = 30) -> None:
    """Heuristic vs the exact optimum on 12–16 candidates, per K (lists ≥ m − 1 are no-ops)."""
    from simulator.games import best_partition
    from simulator.games.synthetic import candidate_table, labour_pool_cost

    rng = np.random.default_rng(2024)
    instances = []
    for _ in range(trials):
        n = int(rng.integers(12, 17))
        max_size = [None, 3, 4, 5][int(rng.integers(0, 4))]
        rule = ["standalone", "equal"][int(rng.integers(0, 2))]
        table = candidate_table(n, seed=int(rng.integers(1_000_000)))
        cost_fn = labour_pool_cost(table.fte.to_numpy(), setup=float(rng.uniform(0, 8000)),
                                   groups=table.subsector.to_numpy())
        ids = list(table.index)
        optimum = best_partition(ids, cost_fn, max_size=max_size, allocation=rule, method="exact").total_benefit
        instances.append((ids, cost_fn, max_size, rule, optimum))
    for k in ks:
        gaps = []
        for ids, cost_fn, max_size, rule, optimum in instances:
            found = best_partition(ids, cost_fn, max_size=max_size, allocation=rule, method="heuristic",
                                   growth_partners=k).total_benefit
            gaps.append((optimum - found) / max(optimum, 1.0))
        gaps = np.array(gaps)
        print(f"12–16 cand. vs exact    K={_label(k):>4}  optimum found {(gaps < 1e-9).sum()}/{trials}, "
              f"mean gap {gaps.mean():.4%}, worst {gaps.max():.4%}  load {os.getloadavg()[0]:4.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "growth", "synthetic", "commune", "exact"), default="all")
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 100, 150, 200])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--ks", type=_k, nargs="+", default=list(KS),
                        help="list lengths, 'auto' (the default rule) or 'none' (unrestricted, the reference)")
    args = parser.parse_args()
    if args.ks[0] is not None:
        args.ks = [None, *args.ks]  # the gap is measured against the unrestricted search
    print(f"partition search, pools ≤ 8, functions {', '.join(FUNCTIONS)}; 2 cores shared, load = 1-min average")
    summary: dict = {}
    if args.part in ("all", "exact"):
        exact([*SMALL_KS, *(k for k in args.ks if k not in SMALL_KS)])
    if args.part in ("all", "growth"):
        growth(args.sizes, args.seeds, args.ks)
    if args.part in ("all", "synthetic"):
        synthetic(args.sizes, args.seeds, args.ks, summary)
    if args.part in ("all", "commune"):
        commune(args.ks, summary)
    if summary:
        print("\nper K over the instances above: worst gap (€/yr, %), instances with a loss, total CPU")
        for k, rows in summary.items():
            gaps = np.array([g for g, _, _ in rows])
            shares = np.array([g / r if r > 0 else 0.0 for g, r, _ in rows])
            print(f"K={_label(k):>4}  worst {gaps.max():>11,.2f} €/yr {shares.max():>8.4%}  "
                  f"losses {(gaps > 0.005).sum()}/{gaps.size}  CPU {sum(c for _, _, c in rows):7.1f} s")


if __name__ == "__main__":
    main()
