"""Before / after for the Monte Carlo call: two source trees, alternating runs (prints figures).

Issue 15 asks for a whole ``monte_carlo`` call of 100,000 draws on a 20-member, 9-function pool
of the sample in at most 30 multiply-add passes over a (100k, 20, 9) float64 array timed in the
same run. On a shared machine one run says little, so this script runs that call from two source
trees — e.g. an export of ``main`` and this working tree — one after the other, each in its own
process, with ``MUTUALISE_THREADS`` as given (default threads, then 1), and prints for each run
the best-of-3 wall time, its passes, the CPU seconds of that best call (``time.process_time``,
all threads), the load average and a digest of the NPVs (the same digest: the same numbers).

Run::

    git archive main | tar -x -C /tmp/main-src
    python benchmarks/bench_mc_versions.py /tmp/main-src . --rounds 2 --threads default 1

A child run is ``python benchmarks/bench_mc_versions.py --run ROOT DRAWS``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path


def run(root: str, draws: int) -> None:
    """Best of 3 interleaved (one pass, one call) with the sources of ``root``."""
    from passes import multiply_add_pass  # this script's own yardstick, whatever ``root`` has

    sys.path[:0] = [root, str(Path(root) / "benchmarks")]
    from synthetic import TEN_FUNCTIONS, synthetic_pool

    from simulator.uncertainty.model_mc import monte_carlo

    scenario, orgs = synthetic_pool(20, functions=TEN_FUNCTIONS[:9], seed=0)
    one_pass = multiply_add_pass((draws, 20, 9))

    one_pass()
    monte_carlo(scenario, draws=2048, seed=1, organisations=orgs)  # imports, caches, pool warm
    load = os.getloadavg()[0]
    passes, calls = [], []
    for _ in range(3):
        start = time.perf_counter()
        one_pass()
        passes.append(time.perf_counter() - start)
        wall, cpu = time.perf_counter(), time.process_time()
        result = monte_carlo(scenario, draws=draws, seed=1, organisations=orgs)
        calls.append((time.perf_counter() - wall, time.process_time() - cpu))
    t_pass = min(passes)
    t_mc, cpu = min(calls)
    digest = hashlib.sha1(result.npv.tobytes()).hexdigest()[:10]
    threads = os.environ.get("MUTUALISE_THREADS", "default")
    print(f"{Path(root).resolve().name:<10} threads {threads:<7} pass {t_pass * 1e3:6.1f} ms  "
          f"call {t_mc * 1e3:7.0f} ms wall {cpu * 1e3:7.0f} ms CPU = {t_mc / t_pass:5.1f} passes  "
          f"load {load:4.2f}→{os.getloadavg()[0]:4.2f}  npv {digest}", flush=True)


def main() -> None:
    from passes import two_trees_parser

    parser = two_trees_parser(__doc__)
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--threads", nargs="+", default=["default", "1"],
                        help="MUTUALISE_THREADS values to run ('default': unset)")
    args = parser.parse_args()
    print(f"Monte Carlo, {args.draws:,} draws, 20 members × 9 functions (target ≤ 30 passes; "
          "2 cores shared; load = 1-min average)")
    for _ in range(args.rounds):
        for threads in args.threads:
            for root in (args.before, args.after):
                env = {**os.environ, "PYTHONPATH": root}
                env.pop("MUTUALISE_THREADS", None)
                if threads != "default":
                    env["MUTUALISE_THREADS"] = threads
                subprocess.run([sys.executable, __file__, "--run", root, str(args.draws)], check=True, env=env)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run(sys.argv[2], int(sys.argv[3]))
    else:
        main()
