"""Where people wait (issue 15): one scenario, the command line, Monte Carlo in array passes.

Prints, never fails on time:
1. ``simulate()`` on example (a) against the kernel alone on the same compiled model (target
   ≤ 2.5×), and how much the organisation-table cache saves (a cold parse per call, as before);
2. ``mutualise --help`` and ``mutualise validate`` as whole processes against
   ``python -c "import numpy"`` (target ≤ 4×), best of 5 each, interleaved;
3. a whole ``monte_carlo`` of 100,000 draws on a 20-member, 9-function pool of the sample in
   *multiply-add passes*: its time over the time of one ``y = a·x + b`` pass over a
   (100k, 20, 9) float64 array timed in the same run (target ≤ 30), and the vectorised draws'
   speed-up over one kernel call per draw in a Python loop (how the EMA Workbench runs a study).

Run: ``python benchmarks/bench_speed.py`` (``--quick``: 20,000 draws instead of 100,000).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from passes import multiply_add_pass
from synthetic import TEN_FUNCTIONS, synthetic_pool

from simulator.api import load_scenario, simulate, simulate_model
from simulator.kernel import run_kernel
from simulator.model import compile_scenario

try:
    from simulator.org_cache import clear_cache
except ModuleNotFoundError:  # a checkout before the organisation-table cache (before/after runs)
    def clear_cache() -> None:
        pass

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios" / "a_medical_centres_employer_group.yaml"
NINE_FUNCTIONS = TEN_FUNCTIONS[:9]  # all but premises; reception at the pool's shared site


def median_ms(fn, repeat: int = 200) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times)) * 1e3


def one_scenario() -> None:
    scenario = load_scenario(EXAMPLE)
    model = compile_scenario(scenario)
    kernel = median_ms(lambda: run_kernel(model))
    whole = median_ms(lambda: simulate(scenario))
    result = median_ms(lambda: simulate_model(model))

    def cold() -> None:
        clear_cache()
        simulate(scenario)

    uncached = median_ms(cold, repeat=50)
    print(f"One scenario ({EXAMPLE.name}), medians of 200 calls")
    print(f"  kernel alone (compiled model)            {kernel:7.2f} ms")
    print(f"  simulate_model (kernel + result)         {result:7.2f} ms")
    print(f"  simulate(scenario)                       {whole:7.2f} ms   = {whole / kernel:4.2f}× kernel "
          "(target ≤ 2.5×)")
    print(f"  simulate(scenario), table parsed again   {uncached:7.2f} ms   (what every call paid before)")


def process_seconds(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def command_line(repeat: int = 5) -> None:
    py = sys.executable
    commands = {
        'python -c "import numpy"': [py, "-c", "import numpy"],
        "mutualise --help": [py, "-m", "simulator", "--help"],
        "mutualise validate": [py, "-m", "simulator", "validate", str(EXAMPLE)],
        "mutualise run": [py, "-m", "simulator", "run", str(EXAMPLE)],
    }
    best = {label: float("inf") for label in commands}
    for _ in range(repeat):  # interleaved, so a busy moment hits every command alike
        for label, args in commands.items():
            best[label] = min(best[label], process_seconds(args))
    base = best['python -c "import numpy"']
    print(f"Command line, whole processes, best of {repeat}")
    for label, seconds in best.items():
        print(f"  {label:<40} {seconds * 1e3:7.0f} ms   = {seconds / base:4.1f}× import numpy"
              + ("   (target ≤ 4×)" if label in ("mutualise --help", "mutualise validate") else ""))


def monte_carlo_passes(draws: int) -> None:
    from simulator.uncertainty.model_mc import monte_carlo

    scenario, orgs = synthetic_pool(20, functions=NINE_FUNCTIONS, seed=0)
    one_pass = multiply_add_pass((draws, 20, 9))

    from simulator.threads import default_executor, executor_workers, shared_executor

    one_pass()
    monte_carlo(scenario, draws=4096, seed=1, organisations=orgs)  # warm: imports, caches, thread pool
    workers = executor_workers(shared_executor())
    chosen = executor_workers(default_executor())  # 1 when every core is busy and MUTUALISE_THREADS is unset
    passes = []
    whole: dict[str, list[tuple[float, float]]] = {"default": [], "pool": [], "one": []}
    for _ in range(3):  # interleaved: a pass, the call as by default, on the pool, on one thread
        start = time.perf_counter()
        one_pass()
        passes.append(time.perf_counter() - start)
        for label, executor in (("default", "shared"), ("pool", shared_executor()), ("one", None)):
            start, cpu = time.perf_counter(), time.process_time()
            monte_carlo(scenario, draws=draws, seed=1, organisations=orgs, executor=executor)
            whole[label].append((time.perf_counter() - start, time.process_time() - cpu))
    t_pass = min(passes)
    print(f"Monte Carlo, {draws:,} draws, 20 members × 9 functions × 10 years (best of 3; "
          f"{os.cpu_count()} CPU(s), load average {os.getloadavg()[0]:.2f})")
    print(f"  one multiply-add pass over ({draws:,}, 20, 9) float64  {t_pass * 1e3:8.1f} ms")
    for label, title in (("default", f"whole monte_carlo call, default ({chosen} thread(s) now)"),
                         ("pool", f"whole monte_carlo call, {workers} thread(s)"),
                         ("one", "whole monte_carlo call, 1 thread")):
        t_mc, cpu = min(whole[label])
        print(f"  {title:<47} {t_mc * 1e3:8.1f} ms   = {t_mc / t_pass:5.1f} passes (target ≤ 30); "
              f"CPU {cpu * 1e3:.0f} ms")
    t_mc = min(whole["default"])[0]
    model = compile_scenario(scenario, orgs)
    loop_draws = 200
    start = time.perf_counter()
    for _ in range(loop_draws):
        run_kernel(model)
    per_draw_loop = (time.perf_counter() - start) / loop_draws
    print(f"  one kernel call per draw in a Python loop      {per_draw_loop * 1e3:8.2f} ms/draw; vectorised "
          f"{t_mc / draws * 1e6:.1f} µs/draw = ×{per_draw_loop / (t_mc / draws):,.0f} "
          "(a lower bound of the EMA Workbench ratio: it adds its own per-run overhead)")


if __name__ == "__main__":
    one_scenario()
    command_line()
    monte_carlo_passes(20_000 if "--quick" in sys.argv else 100_000)
