"""Benchmark of the model-independent uncertainty layer (prints figures, never fails).

Measures, for 100,000 draws × 30 parameters with 10 rank correlations:
sampling the uniforms (Gaussian copula and Iman–Conover), turning them into parameter values
(10 triangular, 10 PERT, 5 truncated normal, 5 lognormal), the Monte Carlo driver end to end
with a trivial model (driver overhead), a Sobol analysis of a trivial model (SALib sampling +
analysis), and peak memory (RSS). The kernel's own cost is measured by the engine benchmarks.

Run: ``.venv/bin/python benchmarks/bench_uncertainty_core.py``
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.uncertainty import (
    LogNormal,
    Pert,
    RankCorrelation,
    Triangular,
    TruncNormal,
    UniformStream,
    run_monte_carlo,
    sobol,
)
from simulator.uncertainty.sampling import to_parameters

DRAWS, K = 100_000, 30


def distributions() -> dict:
    out = {}
    for i in range(10):
        out[f"tri{i}"] = Triangular(0.6, 0.85, 0.95)
        out[f"pert{i}"] = Pert(1.0, 1.2 + 0.01 * i, 1.6)
    for i in range(5):
        out[f"tn{i}"] = TruncNormal(0.03, 0.01, 0.01, 0.06)
        out[f"ln{i}"] = LogNormal(40_000, 70_000)
    return out


def correlation(names: list[str]) -> RankCorrelation:
    pairs = {(names[2 * i], names[2 * i + 1]): 0.3 + 0.05 * i for i in range(10)}
    return RankCorrelation.from_pairs(pairs)


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    dists = distributions()
    names = list(dists)
    corr = correlation(names)
    print(f"uncertainty core benchmark: {DRAWS:,} draws × {K} parameters, 10 correlated pairs")
    for method in ("gaussian_copula", "iman_conover"):
        t = best_of(lambda m=method: UniformStream(names, 1, corr, m).rows(0, DRAWS))
        print(f"  uniforms ({method:15s})            {1000 * t:8.1f} ms")
    u = UniformStream(names, 1, corr).rows(0, DRAWS)
    t = best_of(lambda: to_parameters(dists, names, u))
    print(f"  inverse CDFs (10 tri, 10 PERT, 5 TN, 5 LN) {1000 * t:8.1f} ms")
    pert = Pert(1.0, 1.2, 1.6)
    t = best_of(lambda: pert.ppf(u[:, 0]))
    print(f"    of which one PERT column               {1000 * t:8.1f} ms")

    def trivial(params):
        return {"npv": sum(params.values())}

    for chunk in (4096, 16_384, DRAWS):
        t = best_of(lambda c=chunk: run_monte_carlo(trivial, dists, DRAWS, seed=1, chunk_size=c,
                                                    correlation=corr))
        print(f"  run_monte_carlo, trivial model, chunk {chunk:>7,} {1000 * t:8.1f} ms")

    def linear(params):
        return sum((i + 1) * v for i, v in enumerate(params.values()))

    t = best_of(lambda: sobol(linear, dists, n=1024, seed=1), repeat=1)
    print(f"  Sobol n=1024, {K} factors ({1024 * (K + 2):,} rows)  {1000 * t:8.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS                                 {peak:8.0f} MB")


if __name__ == "__main__":
    main()
