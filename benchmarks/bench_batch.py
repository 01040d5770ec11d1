"""Batch runs: throughput, bounded memory, Dask speed-up, and the ratio to a per-variant loop.

Prints (never fails on time):

1. **100,000 deterministic variants in-process** — a 4-factor parameter grid (10 × 10 × 10 × 100)
   on scenario (a): wall time, variants per second; peak resident memory (VmHWM) of a fresh
   process running 10,000 and 100,000 variants (bounded: it should not grow with the variants);
   the same study as a plain per-variant Python loop (``simulate(base.with_overrides(...))``,
   timed on a few hundred variants and extrapolated), as a ratio.
2. **1,000 variants × 1,000 draws** — discount rate (10) × start-up grant share (50, a structural
   factor: 50 models compiled) × vehicle (2): with the in-process evaluator, local processes, and
   a Dask LocalCluster of 1 and then 2 workers (one thread each): wall time, variant-draws per
   second, the speed-up of the second worker, the peak memory of the client and of each worker;
   and a per-variant ``monte_carlo(...)`` loop, extrapolated, as a ratio.
3. **A sector funding study** — the shipped example (``experiments/sector_funding_study.yaml``)
   cut to its 12 variants on population seed 1 (3 participation thresholds × 4 coordination
   subsidies; 1,000 ASBLs, 6 funding options, 200 draws): in-process and 2 local processes,
   variants per second, and the per-variant ``compare_funding`` loop it replaces, as a ratio
   (variants sharing a population and a sector share their pools' kernel runs in a batch).

Each section prints the machine's load average (``os.getloadavg``) before and after: the machine
may be shared, and the figures are only comparable at a similar load.

Run: ``.venv/bin/python benchmarks/bench_batch.py [--quick]`` (``--quick``: 10× smaller studies).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator import batch, monte_carlo, simulate  # noqa: E402

BASE = str(ROOT / "scenarios" / "a_medical_centres_employer_group.yaml")

FRESH = """
import json, sys, time
from simulator import batch
definition = json.loads(sys.argv[1])
start = time.perf_counter()
batch.run(definition, sys.argv[2], scheduler=sys.argv[3])
elapsed = time.perf_counter() - start
hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))
print(json.dumps({"elapsed": elapsed, "vmhwm_kb": hwm}))
"""


def deterministic_study(n: int) -> dict:
    """A full-factorial grid of ``n`` variants (10 × 10 × 10 × n/1000) over four parameters."""
    return {"name": f"bench {n} deterministic", "base": BASE,
            "factors": {"parameters.finance.discount_rate": _grid("finance.discount_rate", 10),
                        "parameters.setup.overrun_factor": _grid("setup.overrun_factor", 10),
                        "parameters.scale_exponent.accounting": _grid("scale_exponent.accounting", 10),
                        "parameters.exit.hazard": _grid("exit.hazard", max(1, n // 1000))}}


def _grid(name: str, k: int) -> list[float]:
    """``k`` values evenly spread over the parameter's catalogue range (low … high)."""
    from simulator.catalogue import parameters

    p = parameters()[name]
    return [float(x) for x in np.linspace(p.low, p.high, k)]


def fresh_run(definition: dict, scheduler: str = "inprocess") -> dict:
    """Run a batch in a new interpreter; its wall time and peak resident set."""
    out = Path(tempfile.mkdtemp(prefix="bench_batch_")) / "out"
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run([sys.executable, "-c", FRESH, json.dumps(definition), str(out), scheduler],
                              capture_output=True, text=True, env=env, check=True)
        return json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def overrides(plan, e: int) -> dict:
    pos = plan.definition.positions(np.array([e]))
    return {k: (float(plan.parameter_column(k, pos[k])[0]) if k in plan.parameter_values
                else plan.structural_value(k, pos[k][0])) for k in plan.definition.factor_names}


def loop_seconds_per_variant(plan, sample: int, draws: int) -> float:
    """A plain per-variant loop (validate + compile + run each), timed on ``sample`` variants."""
    rng = np.random.default_rng(0)
    picks = rng.choice(plan.n_experiments, size=min(sample, plan.n_experiments), replace=False)
    start = time.perf_counter()
    for e in picks:
        scenario = plan.base.with_overrides(overrides(plan, int(e)))
        if draws:
            monte_carlo(scenario, draws, seed=int(e))
        else:
            simulate(scenario)
    return (time.perf_counter() - start) / len(picks)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} CPUs"


def section_deterministic(n: int) -> None:
    print(f"\n-- {n:,} deterministic variants, in-process ({load()})")
    definition = deterministic_study(n)
    plan = batch.plan_for(definition)
    assert plan.n_experiments == n, plan.n_experiments
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        out = batch.run(definition, Path(tmp) / "out")
        elapsed = time.perf_counter() - start
        size = sum(p.stat().st_size for p in out.rglob("*.parquet"))
        rows = len(batch.open_results(out, columns=["value"]))
    print(f"  batch: {elapsed:7.2f} s  {n / elapsed:9,.0f} variants/s  ({rows:,} result rows, "
          f"{size / 2**20:.1f} MB of Parquet, {plan.n_chunks} parts)")
    for count in (n // 10, n):
        fresh = fresh_run(deterministic_study(count))
        print(f"  fresh process, {count:>7,} variants: {fresh['elapsed']:6.2f} s, peak RSS "
              f"{fresh['vmhwm_kb'] / 1024:6.0f} MB (imports included)")
    per = loop_seconds_per_variant(plan, 300, 0)
    print(f"  per-variant loop: {per * 1e3:.2f} ms/variant → {per * n:7.1f} s for {n:,} "
          f"(extrapolated); batch is {per * n / elapsed:.0f}× faster")


def worker_peak(client) -> list[float]:
    def vmhwm() -> int:
        return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))

    return [kb / 1024 for kb in client.run(vmhwm).values()]


def section_monte_carlo(variants: int, draws: int) -> None:
    print(f"\n-- {variants:,} variants × {draws:,} draws ({load()})")
    definition = {"name": "bench mc", "base": BASE, "draws": draws, "seed": 1,
                  "factors": {"parameters.finance.discount_rate": _grid("finance.discount_rate", 10),
                              "funding.startup_grant.share": [float(x) for x in np.linspace(0, 1, variants // 20)],
                              "vehicle": ["employer_group", "cost_sharing_association"]}}
    plan = batch.plan_for(definition)
    total = plan.n_experiments * draws
    times = {}
    from distributed import Client, LocalCluster

    for label, workers in (("inprocess", None), ("processes", 2), ("dask", 1), ("dask", 2)):
        with tempfile.TemporaryDirectory() as tmp:
            peaks = ""
            if label == "dask":
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
                try:
                    start = time.perf_counter()
                    batch.run(definition, Path(tmp) / "out", scheduler=cluster.scheduler_address)
                    elapsed = time.perf_counter() - start
                    with Client(cluster) as client:
                        peaks = "  worker peak RSS " + ", ".join(f"{m:.0f} MB" for m in worker_peak(client))
                finally:
                    cluster.close()
            else:
                start = time.perf_counter()
                batch.run(definition, Path(tmp) / "out", scheduler=label, workers=workers)
                elapsed = time.perf_counter() - start
        key = f"{label}{'' if workers is None else f' × {workers}'}"
        times[key] = elapsed
        print(f"  {key:14s} {elapsed:7.2f} s  {total / elapsed:11,.0f} variant-draws/s{peaks}")
    print(f"  speed-up of the second Dask worker: {times['dask × 1'] / times['dask × 2']:.2f}× "
          "(2 cores shared with other work: ≤ 2×)")
    per = loop_seconds_per_variant(plan, 10, draws)
    best = min(times.values())
    print(f"  per-variant monte_carlo loop: {per:.3f} s/variant → {per * plan.n_experiments:7.1f} s "
          f"(extrapolated); best batch is {per * plan.n_experiments / best:.1f}× faster")
    client_hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
    print(f"  this (client) process peak RSS so far: {client_hwm / 1024:.0f} MB")


def section_study(quick: bool) -> None:
    """The example sector study, cut to one population seed (and, quick, to 2 variants, 20 draws)."""
    import yaml

    from simulator.sector import compare_funding, generate_population
    from simulator.sector.options import FundingOptions

    path = ROOT / "experiments" / "sector_funding_study.yaml"
    definition = yaml.safe_load(path.read_text(encoding="utf-8"))
    definition["base"]["study"] = str(ROOT / "scenarios" / "funding" / "funding_options.yaml")
    definition["factors"]["population.seed"] = [1]
    if quick:
        definition["draws"] = 20
        definition["factors"]["sector.participation.threshold_eur"] = [250]
    plan = batch.plan_for(definition)
    n = plan.n_experiments
    print(f"\n-- sector study: {n} variants × {len(plan.option_ids)} options × {plan.definition.draws} draws, "
          f"{plan.population['generate']:,} ASBLs ({load()})")
    times = {}
    from simulator.batch import study_chunk

    for label, workers in (("inprocess", None), ("processes", 2)):
        study_chunk._BOOKS.clear()  # no head start from an earlier run (forked workers inherit them)
        study_chunk._POPULATIONS.clear()
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            batch.run(definition, Path(tmp) / "out", scheduler=label, workers=workers)
            times[label] = time.perf_counter() - start
        print(f"  {label:14s} {times[label]:7.2f} s  {n / times[label]:6.2f} variants/s")
    start = time.perf_counter()
    sample = min(n, 3)
    for e in range(sample):
        pos = plan.definition.positions(np.array([e]))
        study, pop = plan.study_for(tuple(float(pos[k][0]) for k in plan.structural_factors))
        compare_funding(FundingOptions.from_dict(study), generate_population(pop["generate"], pop["seed"]),
                        draws=plan.definition.draws, seed=int(plan.definition.seeds(np.array([e]))[0]))
    per = (time.perf_counter() - start) / sample
    print(f"  per-variant compare_funding loop: {per:.2f} s/variant → {per * n:6.1f} s (extrapolated); "
          f"in-process batch is {per * n / times['inprocess']:.2f}× the loop's speed, 2 processes "
          f"{per * n / times['processes']:.2f}×")
    print(f"  ({load()})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10× smaller studies (a smoke run)")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    section_deterministic(100_000 // scale)
    section_monte_carlo(1_000 // scale, 1_000)
    section_study(args.quick)
