"""Back-test against documented pooling cases: the coverage of the model's 80 % band (issue 16).

Prints, for the cases bundled in ``simulator/data/backtest``, each reported value against the
model's P10/P50/P90, the coverage of the band over all outcomes (the figure stated in the
README), the calibration self-check (outcomes drawn from the model itself must fall inside at
about 80 %) and the time taken. Asserts nothing, never fails on time.

Run: ``python benchmarks/bench_backtest.py [--draws N] [--seed S]`` (defaults 10,000 and 2024)
"""

from __future__ import annotations

import argparse
import time

from simulator.backtest import backtest, self_check
from simulator.cli.backtest import backtest_table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    start = time.perf_counter()
    result = backtest(draws=args.draws, seed=args.seed)
    elapsed = time.perf_counter() - start
    print(backtest_table(result))
    s = result.summary
    print(f"\n  coverage of the P10–P90 band            {s['outcomes_inside']} / {s['outcomes']} outcomes "
          f"= {100 * s['coverage']:.0f} %  (nominal 80 % ± {100 * s['coverage_se_if_calibrated']:.0f} %)")
    print(f"  cases with every outcome inside         {s['cases_all_inside']} / {s['cases']}")
    print(f"  back-test time ({args.draws:,} draws × {s['cases']} cases) {elapsed:8.2f} s")

    start = time.perf_counter()
    check = self_check(draws=2_000, held_out=500, seed=args.seed)
    pooled = check["inside"].sum() / check["held_out"].sum()
    print(f"\n  self-check: held-out model draws inside the band  {100 * pooled:.1f} % "
          f"(min {100 * check['coverage'].min():.1f} %, max {100 * check['coverage'].max():.1f} % "
          f"over {len(check)} outcomes; {time.perf_counter() - start:.2f} s)")


if __name__ == "__main__":
    main()
