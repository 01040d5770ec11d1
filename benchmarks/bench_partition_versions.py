"""Before / after for the partition search: two source trees, alternating runs (prints figures).

Issue 15 asks for the partition search of 200 candidates under 10 s and of 1,000 candidates
with a commune-neighbourhood rule under 60 s. On a shared machine one run of each version says
little (the other processes' load moves wall time by 2×), so this script runs the same search
from two source trees — e.g. an export of ``main`` and this working tree — one after the other,
each in its own process, and prints for each run CPU seconds (``time.process_time``), wall
seconds, the load average before and after, the benefit found and a digest of the pools (the
same digest: the same partition).

Run::

    git archive main | tar -x -C /tmp/main-src
    python benchmarks/bench_partition_versions.py /tmp/main-src . --rounds 2

(``--only 200`` or ``--only 1000`` for one of the two searches.) A child run is
``python benchmarks/bench_partition_versions.py --run ROOT N [RULE]``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

FUNCTIONS = ("accounting", "payroll_hr", "software")
SEARCHES = {"200": ("200",), "1000": ("1000", "commune")}


def run(root: str, n: int, rule: str | None) -> None:
    """One search with the sources of ``root`` (synthetic candidates as in ``bench_games.py``)."""
    sys.path[:0] = [root, str(Path(root) / "benchmarks")]
    from synthetic import synthetic_pool

    from simulator.games.candidates import partition_candidates

    _, orgs = synthetic_pool(n, functions=FUNCTIONS, seed=3)
    load = os.getloadavg()[0]
    wall, cpu = time.perf_counter(), time.process_time()
    result = partition_candidates(orgs, FUNCTIONS, max_size=8, seed_with=(),
                                  **({"neighbourhood": rule} if rule else {}))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    digest = hashlib.sha1(repr(sorted(tuple(sorted(p)) for p in result.pools)).encode()).hexdigest()[:10]
    print(f"{Path(root).resolve().name:<14} {n:>5} {rule or '-':<8} {cpu:7.1f} s CPU {wall:7.1f} s wall  "
          f"load {load:4.1f}→{os.getloadavg()[0]:4.1f}  benefit {result.total_benefit:>14,.2f} €/yr  "
          f"{len(result.pools):3d} pools  {digest}", flush=True)


def main() -> None:
    from passes import two_trees_parser

    parser = two_trees_parser(__doc__)
    parser.add_argument("--only", choices=sorted(SEARCHES))
    args = parser.parse_args()
    searches = [SEARCHES[args.only]] if args.only else list(SEARCHES.values())
    print(f"{'source':<14} {'n':>5} {'rule':<8} {'CPU':>11} {'wall':>12}  (2 cores shared; load = 1-min average)")
    for search in searches:
        for _ in range(args.rounds):
            for root in (args.before, args.after):
                subprocess.run([sys.executable, __file__, "--run", root, *search], check=True,
                               env={**os.environ, "PYTHONPATH": root})


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--run":
        run(sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        main()
