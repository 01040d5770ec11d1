"""App responsiveness: the engine call behind a page after a widget change, on a 20-member pool.

Target (issue 3): < 300 ms for the engine call after a widget change (a cache miss: the changed
scenario is a new canonical JSON), and a dictionary look-up when the scenario is unchanged
(cache hit). Also times a whole page rerun server-side with ``AppTest`` (script + charts), which
is what the user waits for apart from the browser's drawing. Prints figures, never fails on time.

Issue 8: the Results page leads with a seeded Monte Carlo (``simulator.headline``, default draws
and seed); :func:`bench_headline` times what it adds to a rerun after a change (target < 300 ms):
the headline alone on a changed scenario, and the UI door with and without it.

Run: ``python benchmarks/bench_app.py``.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Functions every one of the first 20 sample members has data for, pooled at one shared site.
FUNCTIONS = ("accounting", "payroll_hr", "it_support", "communication", "energy",
             "consumables", "insurance", "software", "premises")
N_MEMBERS = 20


def scenario_20() -> dict[str, Any]:
    """A 20-member scenario on the bundled sample (cost-sharing association, one shared site)."""
    from simulator import Scenario
    from simulator.organisations import sample_organisations

    ids = list(sample_organisations().ids)[:N_MEMBERS]
    return Scenario.from_dict({
        "name": "Benchmark — 20 ASBL", "members": ids,
        "pooling": {f: "all" for f in FUNCTIONS}, "vehicle": "cost_sharing_association",
        "sites": [{"id": "maison", "members": ids}], "horizon_years": 10,
    }).to_dict()


def timed(fn, repeat: int, clock=time.perf_counter) -> list[float]:
    """Times of ``repeat`` calls of ``fn(i)`` on ``clock`` (wall by default), in milliseconds."""
    out = []
    for i in range(repeat):
        start = clock()
        fn(i)
        out.append((clock() - start) * 1e3)
    return out


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"{label:<58} median {statistics.median(times):8.1f} ms   p95 {p95:8.1f} ms   "
          f"(n={len(times)})")


def variant(base: dict[str, Any], i: int) -> dict[str, Any]:
    """What one widget change does: a new horizon and discount rate (never seen before)."""
    data = copy.deepcopy(base)
    data["horizon_years"] = 5 + i % 25
    data["parameters"] = {"finance.discount_rate": round(0.01 + 0.0001 * i, 6)}
    return data


def bench_engine(base: dict[str, Any], repeat: int) -> None:
    from simulator import Scenario, simulate

    simulate(Scenario.from_dict(base))  # warm-up (imports, catalogue)
    report("engine only: Scenario.from_dict + simulate",
           timed(lambda i: simulate(Scenario.from_dict(variant(base, i))), repeat))


def bench_ui_door(base: dict[str, Any], repeat: int) -> None:
    from ui import engine

    engine.simulate_dict(base)  # warm-up
    report("UI engine call after a widget change (cache miss)",
           timed(lambda i: engine.simulate_dict(variant(base, 1000 + i)), repeat))
    report("UI engine call, scenario unchanged (cache hit)",
           timed(lambda i: engine.simulate_dict(base), repeat))


def bench_headline(base: dict[str, Any], repeat: int) -> None:
    """What the headline Monte Carlo adds to an app rerun after a change (cache miss)."""
    from simulator import Scenario
    from simulator.headline import HEADLINE_DRAWS, headline
    from simulator.model import compile_scenario
    from ui import engine

    headline(Scenario.from_dict(base))  # warm-up (scipy, SALib imports)
    models = [compile_scenario(Scenario.from_dict(variant(base, 2000 + i))) for i in range(repeat)]
    report(f"headline Monte Carlo ({HEADLINE_DRAWS:,} draws + tornado), compiled model",
           timed(lambda i: headline(models[i]), repeat))
    report(f"  of which the {HEADLINE_DRAWS:,} draws alone (no tornado)",
           timed(lambda i: headline(models[i], drivers=False), repeat))

    def door(i: int, with_headline: bool) -> None:
        data = variant(base, i + 500 * with_headline)  # i: a scenario never seen before
        if with_headline:
            engine.simulate_dict(data)
        else:  # what the door did before issue 8: validate, compile, simulate
            engine._engine_result(engine.canonical(data), "sample", None)

    for k, (clock, name) in enumerate(((time.perf_counter, "wall"), (time.process_time, "CPU"))):
        # CPU time (this process only) stays meaningful when other jobs load the machine
        first = 4000 + 100 * k
        without = timed(lambda i, first=first: door(first + i, False), repeat, clock)
        with_mc = timed(lambda i, first=first: door(first + i, True), repeat, clock)
        report(f"UI door after a change, central run only ({name})", without)
        report(f"UI door after a change, central run + headline ({name})", with_mc)
        print(f"{f'added by the headline Monte Carlo ({name}, median diff.)':<58} "
              f"{statistics.median(with_mc) - statistics.median(without):8.1f} ms   (target < 300 ms)")


def bench_page(base: dict[str, Any], repeat: int) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.session_state["scenario"] = base
    pages = at._registered_pages
    at._page_hash = next(h for h, info in pages.items() if info.get("url_pathname") == "results")
    at.run()

    def change(i: int) -> None:
        data = copy.deepcopy(at.session_state["scenario"])
        data["horizon_years"] = 5 + (i % 20)
        at.session_state["scenario"] = data
        at.run()
        assert not at.exception and at.metric

    report("whole results page rerun after a change (AppTest)", timed(change, max(5, repeat // 4)))


def main() -> None:
    from streamlit import logger as st_logger

    st_logger.set_log_level("error")  # bare-mode cache warnings are expected here
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    base = scenario_20()
    print(f"scenario: {N_MEMBERS} members × {len(FUNCTIONS)} functions × 10 years, one site")
    bench_engine(base, repeat)
    bench_ui_door(base, repeat)
    bench_headline(base, repeat)
    bench_page(base, repeat)
    print("target: UI engine call after a widget change < 300 ms")


if __name__ == "__main__":
    main()
