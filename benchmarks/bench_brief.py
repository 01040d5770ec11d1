"""Board brief: wall time of one brief, stage by stage (issue 14 target: < 10 s on this machine).

Times a cold brief (first in the process: kaleido starts its browser) and a warm one (kaleido's
server already running, as in the app or a batch), each split into engine (central run, Monte
Carlo, tornado), charts (4 SVG through kaleido), HTML and PDF (headless chromium). Also prints
the machine's load average, since 2 shared cores make wall times noisy. Prints figures, never
fails on time.

Run: ``python benchmarks/bench_brief.py [scenario.yaml] [--draws N]``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def staged(build, chart_svgs, render_html, to_pdf) -> dict[str, float]:
    """Seconds per stage of one PDF brief — engine (``build()``), charts, HTML, PDF — their total
    and the PDF's size in bytes (also used by ``bench_sector_brief.py``)."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    brief = build()
    times["engine"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    charts = chart_svgs(brief)
    times["charts"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    html = render_html(brief, charts)
    times["html"] = time.perf_counter() - t2
    t3 = time.perf_counter()
    pdf = to_pdf(brief, html)
    times["pdf"] = time.perf_counter() - t3
    times["total"] = time.perf_counter() - t0
    times["bytes"] = float(len(pdf))
    return times


def one(path: Path, draws: int, lang: str) -> dict[str, float]:
    """Seconds per stage of one PDF brief."""
    from simulator.report.content import build_brief
    from simulator.report.render import chart_svgs, render_html, render_pdf

    return staged(lambda: build_brief(path, lang=lang, draws=draws, seed=1), chart_svgs, render_html, render_pdf)


def main() -> None:
    args = sys.argv[1:]
    draws = 10_000
    if "--draws" in args:
        i = args.index("--draws")
        draws = int(args[i + 1])
        del args[i:i + 2]
    path = Path(args[0]) if args else ROOT / "scenarios" / "b_shared_house.yaml"
    t = time.perf_counter()
    import simulator.report.render  # imports counted separately
    import simulator.uncertainty.model_sensitivity  # noqa: F401

    print(f"imports: {time.perf_counter() - t:.2f} s")
    cpu0 = os.times()
    for label, lang in (("cold", "fr"), ("warm", "nl"), ("warm", "en")):
        s = one(path, draws, lang)
        print(f"{label:4s} {lang}: total {s['total']:.2f} s  (engine {s['engine']:.2f} · charts "
              f"{s['charts']:.2f} · html {s['html']:.2f} · pdf {s['pdf']:.2f})  "
              f"{s['bytes'] / 1024:.0f} KiB")
    cpu1 = os.times()
    print(f"this process' CPU: {cpu1.user - cpu0.user + cpu1.system - cpu0.system:.1f} s for 3 briefs; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          f"({path.name}, {draws:,} draws)")


if __name__ == "__main__":
    main()
