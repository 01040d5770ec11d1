"""Command ``backtest``: would the model's P10–P90 band have contained what documented cases reported?

The back-test (Monte Carlo over every case) is imported inside the command, so other commands
start as fast as before.
"""

from __future__ import annotations

import math
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from simulator.cli._app import app, dumps


class BacktestFormat(str, Enum):
    table = "table"
    json = "json"


def _num(x: float | None, unit: str) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if math.isinf(x):
        return "never"
    if unit == "share":
        return f"{100 * x:.1f} %"
    if unit == "EUR/year":
        return f"{x:,.0f}".replace(",", "\u202f") + " €"
    return f"{x:.2f}"


def backtest_table(result: Any) -> str:
    """Plain-text table: one line per case and outcome, then the coverage sentence."""
    s = result.summary
    lines = [f"Back-test against documented cases (model {s['model_version']}, {s['draws']:,} draws per "
             f"case, seed {s['seed']})", "",
             f"{'case':<22}{'metric':<34}{'reported':>12}{'P10':>12}{'P50':>12}{'P90':>12}"
             f"{'pctile':>8}  in band"]
    for r in result.records:
        metric = r["metric"] + (f" [{r['function']}]" if r["function"] else "") \
            + (f" [year {r['year']}]" if r["year"] else "")
        u = r["unit"]
        lines.append(f"{r['case']:<22}{metric:<34}{_num(r['reported'], u):>12}{_num(r['p10'], u):>12}"
                     f"{_num(r['p50'], u):>12}{_num(r['p90'], u):>12}{r['reported_percentile']:>8.1f}"
                     f"  {'yes' if r['inside_band'] else 'NO'}")
    lines += ["", f"Of {s['outcomes']} reported outcomes from {s['cases']} documented cases, the model's 80 % "
              f"band contained {s['outcomes_inside']} ({100 * s['coverage']:.0f} %; a calibrated model "
              f"would contain 80 % ± {100 * s['coverage_se_if_calibrated']:.0f} %). "
              f"{s['below_band']} fell below the band, {s['above_band']} above.",
              "pctile: where the reported value falls in the model's distribution (0–100). "
              "Reliability and sources: --format json."]
    return "\n".join(lines)


@app.command()
def backtest(
    directory: Path | None = typer.Argument(None, help="Folder of case folders (or one case folder); "
                                            "default: the cases shipped with the model."),
    draws: int = typer.Option(10_000, "--draws", "-n", help="Monte Carlo draws per case."),
    seed: int = typer.Option(2024, "--seed", "-s", help="Random seed, shared by every case."),
    fmt: BacktestFormat = typer.Option(BacktestFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Back-test: would the model's P10–P90 band have contained what documented cases reported?"""
    from simulator.backtest import backtest as run_backtest

    result = run_backtest(directory, draws, seed)
    typer.echo(dumps(result.to_dict()) if fmt is BacktestFormat.json else backtest_table(result))
