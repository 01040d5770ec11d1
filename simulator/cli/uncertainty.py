"""Commands ``mc`` (Monte Carlo) and ``sensitivity`` (tornado, Sobol) on a scenario file.

The uncertainty layer (scipy, SALib) is imported inside the commands, so other commands start
as fast as before.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from simulator.cli._app import Format, app, dumps, eur


class Vary(str, Enum):
    all = "all"
    scenario = "scenario"


class OutFormat(str, Enum):
    auto = "auto"
    csv = "csv"
    parquet = "parquet"


#: ``mc --out`` writes Parquet from this many draws on (``--out-format auto``).
PARQUET_FROM_DRAWS = 100_000


class Method(str, Enum):
    tornado = "tornado"
    sobol = "sobol"


class Groups(str, Enum):
    default = "default"
    none = "none"


def _pct(p: float | None) -> str:
    return "—" if p is None else f"{100 * p:.1f} %"


def _year(y: float | None) -> str:
    return "never" if y is None else f"year {y:g}"


@app.command()
def mc(
    file: Path = typer.Argument(..., help="Scenario YAML file."),
    draws: int = typer.Option(10_000, "--draws", "-n", help="Number of Monte Carlo draws."),
    seed: int | None = typer.Option(None, "--seed", "-s", min=0, help="Random seed (printed when omitted, "
                                    "so the run can be replayed)."),
    chunk_size: int | None = typer.Option(None, "--chunk-size", help="Draws per kernel call "
                                          "(memory only: the numbers do not depend on it)."),
    vary: Vary = typer.Option(Vary.all, "--vary", help="all: catalogue ranges + the scenario's "
                              "uncertainty:; scenario: only the scenario's uncertainty:."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format (csv: one row "
                               "per draw and metric)."),
    out: Path | None = typer.Option(None, "--out", help="Also write the result tables into this "
                                    "folder (CSV; Parquet from 100,000 draws, see --out-format)."),
    out_format: OutFormat = typer.Option(OutFormat.auto, "--out-format", help="Format of --out: auto "
                                         "(Parquet from 100,000 draws), csv or parquet."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Allow replacing existing files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Monte Carlo: how sure is the saving? P(NPV > 0), P10/P50/P90, payback, per member."""
    from simulator.api import load_scenario
    from simulator.cli.progress import ProgressBar
    from simulator.uncertainty.model_mc import monte_carlo

    scenario = load_scenario(file)
    if out is not None:  # refuse before computing, not after
        from simulator import export

        names = ("mc_summary", "mc_members", "mc_fan", "mc_distributions", "mc_draws", "mc_manifest")
        export.check_targets(export.plan_targets(dict.fromkeys(names), out, None), out, None, overwrite)
    with ProgressBar("mc", "draws", quiet=quiet) as bar:
        res = monte_carlo(scenario, draws, seed, chunk_size=chunk_size, vary=vary.value, progress=bar)
    if out is not None:
        _write_mc(res, out, out_format, overwrite)
    if fmt is Format.json:
        typer.echo(dumps(res.summary))
    elif fmt is Format.csv:
        res.frame().to_csv(sys.stdout, index=False)
    else:
        typer.echo(_mc_table(res.summary))


def _write_mc(res, out: Path, out_format: OutFormat, overwrite: bool) -> None:
    """The result tables as CSV, or as Parquet (columnar, compressed: ~20× smaller for the per-draw
    table) when asked or from :data:`PARQUET_FROM_DRAWS` draws."""
    from simulator.export import write_tables

    fmt = out_format.value
    if out_format is OutFormat.auto:
        fmt = "parquet" if res.draws >= PARQUET_FROM_DRAWS else "csv"
    write_tables(res.tables(), out, fmt, overwrite)


def _mc_table(s: dict[str, Any]) -> str:
    cdf = s["p_payback_by_year"]
    within = ", ".join(f"{t}: {_pct(cdf[t])}" for t in (2, 3, 4, 5, 7, 10) if t < len(cdf))
    lines = [
        f"{s['scenario']}  (model {s['model_version']}, {s['draws']:,} draws, seed {s['seed']}, "
        f"{s['uncertain_parameters']} uncertain parameters)",
        f"  P(NPV > 0)                        {_pct(s['p_npv_positive']):>12}",
        f"  NPV               P10 {eur(s['npv_p10']):>13}  P50 {eur(s['npv_p50']):>13}  "
        f"P90 {eur(s['npv_p90']):>13}   (deterministic {eur(s['npv_deterministic_eur'])})",
        f"  net saving /yr    P10 {eur(s['saving_p10']):>13}  P50 {eur(s['saving_p50']):>13}  "
        f"P90 {eur(s['saving_p90']):>13}",
        f"  payback           P10 {_year(s['payback_p10']):>13}  P50 {_year(s['payback_p50']):>13}  "
        f"P90 {_year(s['payback_p90']):>13}",
        f"  P(paid back within the {s['horizon_years']}-year horizon) {_pct(s['p_payback_within_horizon'])}"
        + (f"; by year {within}" if within else ""),
        "",
        "  member                          P(better off than alone)",
    ]
    lines += [f"  {m['id'][:30]:30s} {_pct(m['p_better_off']):>10}" for m in s["members"]]
    lines += ["", f"  {s['convergence_note']}"]
    lines += [f"  ! {w}" for w in s["warnings"]]
    lines.append("  A simulation, not legal or tax advice.")
    return "\n".join(lines)


@app.command()
def sensitivity(
    file: Path = typer.Argument(..., help="Scenario YAML file."),
    method: Method = typer.Option(Method.tornado, "--method", "-m", help="tornado (one at a time, "
                                  "P10 ↔ P90) or sobol (global indices, SALib)."),
    n: int = typer.Option(1024, "--n", min=2, help="Sobol base sample (a power of two)."),
    seed: int = typer.Option(0, "--seed", "-s", min=0, help="Seed of the Sobol sequence and bootstrap."),
    groups: Groups = typer.Option(Groups.default, "--groups", help="Sobol factors: default "
                                  "(grouped by name prefix: salaries, premises…) or none."),
    vary: Vary = typer.Option(Vary.all, "--vary"),
    top: int = typer.Option(15, "--top", min=1, help="Show this many rows (table format)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (Sobol)."),
) -> None:
    """Which assumption drives the NPV? Tornado or Sobol indices."""
    from simulator.api import load_scenario
    from simulator.cli.progress import ProgressBar
    from simulator.uncertainty.model_sensitivity import sensitivity as run

    with ProgressBar("sobol", "model runs", quiet=quiet or method is Method.tornado) as bar:
        frame = run(load_scenario(file), method=method.value, n=n, seed=seed, groups=groups.value,
                    vary=vary.value, progress=bar)
    if method is Method.sobol:
        frame = frame.reset_index()
    if fmt is Format.json:
        meta = {k: v for k, v in frame.attrs.items() if k not in ("groups", "S2", "S2_conf")}
        typer.echo(dumps({**meta, "rows": frame.to_dict(orient="records")}))
    elif fmt is Format.csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        typer.echo(_sensitivity_table(frame, method, max(top, 1)))


def _sensitivity_table(frame, method: Method, top: int) -> str:
    a = frame.attrs
    head = f"{a['scenario']}  (model {a['model_version']}, output {a['output']}, {method.value}"
    if method is Method.tornado:
        lines = [head + ", each parameter at its P10 and P90, the others at the scenario's value)",
                 f"  NPV at the scenario's values: {eur(float(frame['output_base'].iloc[0]))}",
                 f"  {'parameter':40s} {'P10 → NPV':>28} {'P90 → NPV':>28} {'swing':>13}"]
        for r in frame.head(top).itertuples():
            lines.append(f"  {r.parameter[:40]:40s} {r.value_low:>11.4g} → {eur(r.output_low):>13}"
                         f" {r.value_high:>11.4g} → {eur(r.output_high):>13} {eur(r.swing):>13}")
    else:
        lines = [head + f", n = {a['n']}, {a['evaluations']:,} kernel rows, seed {a['seed']})",
                 f"  {'factor':24s} {'S1':>14} {'ST':>14}   parameters"]
        for r in frame.head(top).itertuples():
            lines.append(f"  {str(r.factor)[:24]:24s} {r.S1:6.3f} ± {r.S1_conf:5.3f} "
                         f"{r.ST:6.3f} ± {r.ST_conf:5.3f}   {r.parameters[:60]}")
        lines.append("  S1: share of the NPV variance due to the factor alone; ST: including its "
                     "interactions (± 95 % bootstrap)")
    if len(frame) > top:
        lines.append(f"  … {len(frame) - top} more (--top, or --format csv for all)")
    return "\n".join(lines)
