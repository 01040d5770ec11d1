"""Funder's brief of a sector funding study: wall time, stage by stage (issue 14: < 10 s).

Times the bundled study (``scenarios/funding/funding_options.yaml``) on a generated population,
cold (first in the process: kaleido starts its browser) then warm: engine
(:func:`simulator.sector.compare_funding` — candidate pools, participation, the draws), charts (2
SVG through kaleido), HTML and PDF (headless chromium). The app's button skips the engine stage
(it prints the page's cached comparison). Prints figures and the load average, never fails on time.

Run: ``python benchmarks/bench_sector_brief.py [--size N] [--draws N]`` (defaults 1000 ASBLs, 200
draws: the Funding page's defaults).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_brief import ROOT, staged

STUDY = ROOT / "scenarios" / "funding" / "funding_options.yaml"


def one(size: int, draws: int, lang: str) -> dict[str, float]:
    """Seconds per stage of one PDF funder's brief."""
    from simulator.report.pdf import html_to_pdf
    from simulator.report.sector import build_sector_brief
    from simulator.report.sector_render import chart_svgs, render_html

    return staged(lambda: build_sector_brief(STUDY, lang=lang, draws=draws, seed=1, generate=size),
                  chart_svgs, render_html, lambda brief, html: html_to_pdf(html))


def _option(args: list[str], name: str, default: int) -> int:
    return int(args[args.index(name) + 1]) if name in args else default


def main() -> None:
    args = sys.argv[1:]
    size, draws = _option(args, "--size", 1000), _option(args, "--draws", 200)
    t = time.perf_counter()
    import simulator.report.sector_render  # imports counted separately
    import simulator.sector  # noqa: F401

    print(f"imports: {time.perf_counter() - t:.2f} s")
    for label, lang in (("cold", "fr"), ("warm", "nl"), ("warm", "en")):
        s = one(size, draws, lang)
        print(f"{label:4s} {lang}: total {s['total']:.2f} s  (engine {s['engine']:.2f} · charts "
              f"{s['charts']:.2f} · html {s['html']:.2f} · pdf {s['pdf']:.2f})  {s['bytes'] / 1024:.0f} KiB")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores ({size:,} ASBLs, {draws:,} draws)")


if __name__ == "__main__":
    main()
