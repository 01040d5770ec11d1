"""Commands on single scenarios: validate, run, compare, params."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import typer

from simulator import export
from simulator.api import load_scenario, simulate
from simulator.catalogue import parameter_catalogue
from simulator.cli._app import Format, app, dumps, eur

#: Tables a run exports (checked before simulating; ``SimulationResult.tables`` writes them).
RESULT_TABLES = ("summary", "members", "cashflows", "waterfall", "functions", "costs", "manifest")
JSON_KEYS = ("scenario", "model_version", "horizon_years", "vehicle", "baseline_annual_cost_eur",
             "pooled_annual_cost_eur", "net_annual_saving_eur", "net_annual_saving_pct",
             "setup_cost_eur", "npv_eur", "payback_year", "irr", "frontline_fte_freed",
             "public_cost_eur", "vat_exempt", "vat_failed_conditions", "warnings", "members", "manifest")


@app.command()
def validate(files: list[Path] = typer.Argument(..., help="Scenario YAML file(s).")) -> None:
    """Check scenario files (schema, base: chain, members against the organisation table)."""
    for f in files:
        scn = load_scenario(f)
        typer.echo(f"ok: {f} — {scn.name} ({len(scn.members)} members, vehicle {scn.vehicle})")


@app.command()
def run(
    file: Path = typer.Argument(..., help="Scenario YAML file."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    out: Path | None = typer.Option(None, "--out", help="Also write every result table as CSV into this folder."),
    excel: Path | None = typer.Option(None, "--excel", help="Also write every result table into this .xlsx file."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Allow replacing existing output files."),
) -> None:
    """Simulate one scenario: headline figures, members, waterfall."""
    scenario = load_scenario(file)
    if out is not None or excel is not None:  # refuse before computing, not after
        export.check_targets(export.plan_targets(dict.fromkeys(RESULT_TABLES), out, excel), out,
                             excel, overwrite)
    res = simulate(scenario)
    if out is not None or excel is not None:  # one transaction: all files or none
        export.export(res.tables(), directory=out, excel=excel, overwrite=overwrite)
    if fmt is Format.json:
        typer.echo(dumps({k: res.summary[k] for k in JSON_KEYS}))
    elif fmt is Format.csv:
        res.costs.to_csv(sys.stdout, index=False)
    else:
        typer.echo(_table(res))


def _table(res) -> str:
    s = res.summary
    pb = "never" if s["payback_year"] is None else f"year {s['payback_year']}"
    vat = "holds" if s["vat_exempt"] else "fails: " + ", ".join(s["vat_failed_conditions"])
    lines = [
        f"{s['scenario']}  (model {s['model_version']}, vehicle {s['vehicle']}, {s['horizon_years']} years)",
        f"  today's cost of what is pooled   {eur(s['baseline_annual_cost_eur']):>14}/yr",
        f"  pooled cost, steady state        {eur(s['pooled_annual_cost_eur']):>14}/yr",
        f"  net annual saving                {eur(s['net_annual_saving_eur']):>14}/yr  "
        f"({(s['net_annual_saving_pct'] or 0) * 100:.1f} %)",
        f"  set-up (year 0)                  {eur(s['setup_cost_eur']):>14}",
        f"  NPV over the horizon             {eur(s['npv_eur']):>14}   payback: {pb}",
        f"  frontline FTE freed              {s['frontline_fte_freed']:>14.2f}",
        f"  VAT cost-sharing exemption       {vat}",
        "",
        "  member                          standalone       pays    set-up      gain  alone better?",
    ]
    for m in s["members"]:
        alone = "" if m["individually_rational"] else "YES"
        lines.append(f"  {m['id'][:28]:28s} {eur(m['standalone_cost_eur']):>13} {eur(m['allocated_cost_eur']):>10}"
                     f" {eur(m['setup_share_eur']):>9} {eur(m['gain_eur']):>9}  {alone}")
    lines += [f"  ! {w}" for w in s["warnings"]]
    lines.append("  A simulation, not legal or tax advice.")
    return "\n".join(lines)


COMPARE_ROWS = ("baseline_annual_cost_eur", "pooled_annual_cost_eur", "net_annual_saving_eur",
                "net_annual_saving_pct", "setup_cost_eur", "npv_eur", "payback_year", "irr",
                "frontline_fte_freed", "public_cost_eur", "vat_exempt", "individually_rational_all")


@app.command()
def compare(
    files: list[Path] = typer.Argument(..., help="Two or more scenario files."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """Headline figures of several scenarios side by side."""
    if len(files) < 2:
        raise typer.BadParameter("give at least two scenario files")
    results = [simulate(load_scenario(f)) for f in files]
    pairs = list(zip(files, results, strict=True))
    frame = pd.DataFrame({f.stem: {k: r.summary[k] for k in COMPARE_ROWS} for f, r in pairs})
    if fmt is Format.json:
        typer.echo(dumps({f.stem: {k: r.summary[k] for k in (*COMPARE_ROWS, "scenario")} for f, r in pairs}))
    elif fmt is Format.csv:
        frame.to_csv(sys.stdout, index_label="metric")
    else:
        opts = ("display.width", 200, "display.max_columns", 20, "display.float_format", "{:,.2f}".format)
        with pd.option_context(*opts):
            typer.echo(frame.to_string())


@app.command()
def params(
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
    scenario: Path | None = typer.Option(None, "--scenario", help="Show this scenario's values (overrides marked *)."),
    grep: str | None = typer.Option(None, "--grep", help="Only parameters whose name contains this text."),
) -> None:
    """List every parameter: value, unit, range, source and evidence grade (B/F/D/G)."""
    cat = parameter_catalogue()
    if scenario is not None:
        changed = load_scenario(scenario).parameter_set().changed
        cat["value"] = [changed.get(n, v) for n, v in zip(cat["name"], cat["value"], strict=True)]
        cat["changed"] = cat["name"].isin(list(changed))
    if grep:
        cat = cat[cat["name"].str.contains(grep, regex=False)]
    if fmt is Format.json:
        typer.echo(dumps(cat.to_dict(orient="records")))
    elif fmt is Format.csv:
        cat.to_csv(sys.stdout, index=False)
    else:
        for r in cat.itertuples():
            mark = "*" if getattr(r, "changed", False) else " "
            typer.echo(f"{mark}{r.name:42s} {r.value:>10g} {r.unit:24s} [{r.low:g}–{r.high:g}] [{r.grade}] {r.source}")
        typer.echo("grades: B Belgian sourced · F foreign proxy · D derived · G estimate")


@app.command()
def schema(fmt: Format = typer.Option(Format.table, "--format", "-f")) -> None:
    """List the organisation table's columns: unit, whether required, what each means."""
    from simulator.org_schema import schema_table

    table = schema_table()
    if fmt is Format.json:
        typer.echo(dumps(table.to_dict(orient="records")))
    elif fmt is Format.csv:
        table.to_csv(sys.stdout, index=False)
    else:
        for r in table.itertuples():
            need = "required" if r.required else "optional"
            typer.echo(f"{r.column:34s} {r.unit:14s} {need:9s} {r.description}")
