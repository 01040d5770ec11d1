"""Engine speed: one deterministic run of 50 members × 10 functions × 10 years, and 1,000 draws.

Targets (issue 2): < 20 ms for one run in-process, < 200 ms for 1,000 draws. Prints figures,
never fails on time. Run: ``python benchmarks/bench_engine.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_pool

from simulator.api import simulate_model
from simulator.kernel import run_kernel
from simulator.model import compile_scenario
from simulator.params import ParamArrays


def best_of(fn, repeat: int = 7) -> float:
    """Best wall time of ``repeat`` calls, in milliseconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1e3


def main() -> None:
    scn, orgs = synthetic_pool(50)
    model = compile_scenario(scn, orgs)
    print(f"scenario: {scn.name}, {model.n} members × {len(model.function_ids)} functions × "
          f"{model.horizon} years")
    t_compile = best_of(lambda: compile_scenario(scn, orgs))
    t_kernel = best_of(lambda: run_kernel(model))
    t_summary = best_of(lambda: simulate_model(model).summary)
    rng = np.random.default_rng(1)
    draws = 1000
    base = dict(model.params)
    varied = {
        "scale_exponent.accounting": rng.uniform(0.6, 0.95, draws),
        "scale_exponent.payroll_hr": rng.uniform(0.5, 0.8, draws),
        "setup.overrun_factor": rng.uniform(1.0, 1.6, draws),
        "premises.rent": rng.uniform(110, 250, draws),
        "purchasing.price_elasticity": rng.uniform(0.02, 0.1, draws),
        "exit.hazard": rng.uniform(0.02, 0.15, draws),
        "finance.discount_rate": rng.uniform(0.01, 0.06, draws),
    }
    P = ParamArrays(base, varied)
    t_draws = best_of(lambda: run_kernel(model, P), repeat=5)
    print(f"compile scenario + organisations      {t_compile:8.2f} ms")
    print(f"one deterministic run (kernel)        {t_kernel:8.2f} ms   target < 20 ms")
    print(f"one run incl. summary + members frame {t_summary:8.2f} ms")
    print(f"{draws} draws in one batch (kernel)      {t_draws:8.2f} ms   target < 200 ms")


if __name__ == "__main__":
    main()
