"""Benchmark of the funder's comparison (prints figures, asserts nothing).

Target from issue 10: 4 options (+ the no-funding counterfactual) × 1,000 ASBLs × 200 draws in
under 60 s on a 2-core machine, peak memory under 2 GB; generating 1,000 ASBLs well under 1 s.
Peak memory is the process's maximum resident set size (``resource.getrusage``), which includes
the interpreter and the libraries.

Run: ``python benchmarks/bench_funding.py [N] [DRAWS]``
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from simulator.sector import compare_funding, generate_population, load_funding_options

OPTIONS = Path(__file__).resolve().parents[1] / "scenarios" / "funding" / "funding_options.yaml"


def main(n: int = 1000, draws: int = 200) -> None:
    t = time.perf_counter()
    population = generate_population(n, seed=1)
    t_gen = time.perf_counter() - t  # includes loading the catalogues once
    t = time.perf_counter()
    generate_population(n, seed=2)
    t_warm = time.perf_counter() - t
    options = load_funding_options(OPTIONS)
    t = time.perf_counter()
    result = compare_funding(options, population, draws=draws, seed=1)
    t_run = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"generate {n} ASBLs: {t_gen * 1000:.0f} ms first call, {t_warm * 1000:.0f} ms after")
    print(f"{len(options.options)} options (incl. no_funding) × {n} ASBLs × {draws} draws: {t_run:.1f} s "
          f"({result.candidates} candidate pools, {result.evaluations} compositions at central values), "
          f"peak RSS {peak_mb:.0f} MB")
    for r in result.records:
        print(f"  {r['option']:24s} pools {r['pools_formed']:3d}  additional {r['additional_pools']:3d}  "
              f"public PV {r['public_cost_npv_eur']:>10,.0f} €  frontline FTE {r['frontline_fte_freed']:6.2f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
