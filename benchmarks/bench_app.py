"""App responsiveness: the engine call behind a page after a widget change, on a 20-member pool.

Target (issue 3): < 300 ms for the engine call after a widget change (a cache miss: the changed
scenario is a new canonical JSON), and a dictionary look-up when the scenario is unchanged
(cache hit). Also times a whole page rerun server-side with ``AppTest`` (script + charts), which
is what the user waits for apart from the browser's drawing. Prints figures, never fails on time.

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


def timed(fn, repeat: int) -> list[float]:
    """Wall times of ``repeat`` calls of ``fn(i)``, in milliseconds."""
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1e3)
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
    bench_page(base, repeat)
    print("target: UI engine call after a widget change < 300 ms")


if __name__ == "__main__":
    main()
