"""Commands on single scenarios: validate, run, compare, params."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from simulator.cli._app import Format, app, dumps, eur
from simulator.cli._lazy import load_scenario, parameter_catalogue, simulate  # engine loads on first use
from simulator.cli.brief import Lang
from simulator.errors import InputError
from simulator.headline_defaults import HEADLINE_DRAWS, HEADLINE_SEED

if TYPE_CHECKING:
    from simulator.headline import Headline

#: Tables a run exports (checked before simulating; ``SimulationResult.tables`` writes them).
RESULT_TABLES = ("summary", "members", "cashflows", "waterfall", "functions", "costs", "manifest")
JSON_KEYS = ("scenario", "model_version", "horizon_years", "vehicle", "baseline_annual_cost_eur",
             "pooled_annual_cost_eur", "gross_annual_saving_eur", "net_annual_saving_eur",
             "net_annual_saving_pct", "net_annual_result_eur", "net_pooled_annual_cost_eur",
             "setup_cost_eur", "npv_eur", "payback_year", "irr", "frontline_fte_freed",
             "public_cost_eur", "vat_exempt", "vat_failed_conditions", "warnings", "members", "manifest")
DRAWS_HELP = (f"Monte Carlo draws of the headline (default {HEADLINE_DRAWS:,}; 0 = deterministic "
              "output only).")
SEED_HELP = f"Seed of the headline Monte Carlo (default {HEADLINE_SEED}: same file, same figures)."


def _headline(scenario, draws: int, seed: int) -> Headline | None:
    """The Monte Carlo headline of a scenario (file or Scenario), None for ``--draws 0``."""
    if draws < 0:
        raise InputError("draws", f"expected 0 (no Monte Carlo) or a positive number of draws, got {draws}")
    if draws == 0:
        return None
    from simulator.headline import headline

    return headline(scenario, draws=draws, seed=seed)


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
    excel: Path | None = typer.Option(None, "--excel", help="Also write every result table into this .xlsx "
                                      "file (data export: machine names, full precision)."),
    xlsx: Path | None = typer.Option(None, "--xlsx", help="Also write the workbook for people into this .xlsx "
                                     "file: translated headers (--lang), formatted numbers, scenario, "
                                     "headline and assumptions sheets."),
    lang: Lang = typer.Option(Lang.fr, "--lang", "-l", help="Language of the --xlsx workbook."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Allow replacing existing output files."),
    draws: int = typer.Option(HEADLINE_DRAWS, "--draws", help=DRAWS_HELP),
    seed: int = typer.Option(HEADLINE_SEED, "--seed", help=SEED_HELP),
) -> None:
    """Simulate one scenario: Monte Carlo headline, central assumptions, members, waterfall."""
    from simulator import export

    scenario = load_scenario(file)
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise InputError("--xlsx", f"expected a file name ending in .xlsx, got {str(xlsx)!r}")
    writing = out is not None or excel is not None or xlsx is not None
    if writing:  # refuse before computing, not after
        extra = [xlsx] if xlsx is not None else []
        export.check_targets(export.plan_targets(dict.fromkeys(RESULT_TABLES), out, excel, extra=extra),
                             out, excel, overwrite)
        for target in extra:
            export.check_targets([], excel=target)
    res = simulate(scenario)
    head = _headline(scenario, draws, seed) if fmt is not Format.csv or xlsx is not None else None
    if writing:  # one transaction: all files or none
        files = {}
        if xlsx is not None:
            from simulator.report.workbook import people_workbook_bytes

            book = people_workbook_bytes(res, head, lang.value)
            files[xlsx] = lambda p: p.write_bytes(book)
        export.export(res.tables() if out is not None or excel is not None else {}, directory=out,
                      excel=excel, overwrite=overwrite, files=files)
    if fmt is Format.json:
        typer.echo(dumps({k: res.summary[k] for k in JSON_KEYS} | (head.as_dict() if head else {})))
    elif fmt is Format.csv:
        res.costs.to_csv(sys.stdout, index=False)
    else:
        typer.echo(run_table(res, head))


def saving_line(label_saving: str, label_cost: str, value: float | None, suffix: str = "/yr") -> str:
    """A saving row that never calls a loss a saving: negative values read as an extra cost."""
    if value is not None and value < 0:
        return f"  {label_cost:40s} {eur(-value):>14}{suffix}"
    return f"  {label_saving:40s} {eur(value):>14}{suffix}"


def headline_lines(head: Headline) -> list[str]:
    """The Monte Carlo headline: medians, P10–P90 bands, P(NPV > 0), the central run's rank."""
    lines = [
        f"  Monte Carlo headline ({head.draws:,} draws, seed {head.seed}, "
        f"{head.uncertain_parameters} uncertain parameters)",
        f"  NPV over the horizon, median             {eur(head.npv_p50_eur):>14}   "
        f"P10–P90 {eur(head.npv_p10_eur)} … {eur(head.npv_p90_eur)}",
        f"  net result per year, median              {eur(head.net_result_p50_eur):>14}/yr"
        f"  P10–P90 {eur(head.net_result_p10_eur)} … {eur(head.net_result_p90_eur)}",
        f"  chance that the NPV is positive          {100 * head.p_npv_positive:>13.1f} %",
        f"  central assumptions: NPV {eur(head.central_npv_eur)} "
        f"(percentile {head.central_npv_percentile:.0f} of the Monte Carlo)",
    ]
    sentence = gap_sentence(head)
    if sentence:
        lines.append(f"  {sentence}")
    return lines


def gap_sentence(head: Headline) -> str:
    """Why the central run and the median differ, in one plain sentence ("" when they agree)."""
    if not head.gap_matters:
        return "The central assumptions are close to the median."
    side = "above" if head.gap_eur < 0 else "below"
    if not head.drivers:
        return f"The central assumptions sit {side} the median: the uncertain ranges are skewed."
    names = ", ".join(d["parameter"] for d in head.drivers)
    way = "less" if head.gap_eur < 0 else "more"
    return (f"The central assumptions sit {side} the median because the ranges of {names} "
            f"reach further towards {way} favourable values than the central value.")


def run_table(res, head: Headline | None = None) -> str:
    """The terminal report of ``mutualise run``: headline first, then the central run."""
    s = res.summary
    pb = "never" if s["payback_year"] is None else f"year {s['payback_year']}"
    vat = "holds" if s["vat_exempt"] else "fails: " + ", ".join(s["vat_failed_conditions"])
    lines = [f"{s['scenario']}  (model {s['model_version']}, vehicle {s['vehicle']}, {s['horizon_years']} years)"]
    if head is not None:
        lines += [*headline_lines(head), ""]
    lines += [
        "  central assumptions, steady state:",
        f"  {'today’s cost of what is pooled':40s} {eur(s['baseline_annual_cost_eur']):>14}/yr",
        saving_line("gross saving (before coordination)", "gross extra cost (before coordination)",
                    s["gross_annual_saving_eur"]),
        saving_line("net saving (after recurring costs)", "net extra cost (after recurring costs)",
                    s["net_annual_saving_eur"]),
        saving_line("net result (after set-up, exit, funding)", "net loss (after set-up, exit, funding)",
                    s["net_annual_result_eur"]),
        f"  {'net pooled cost, everything counted':40s} {eur(s['net_pooled_annual_cost_eur']):>14}/yr",
        f"  {'set-up (year 0)':40s} {eur(s['setup_cost_eur']):>14}",
        f"  {'NPV over the horizon (central)':40s} {eur(s['npv_eur']):>14}   payback: {pb}",
        f"  {'frontline FTE freed':40s} {s['frontline_fte_freed']:>14.2f}",
        f"  VAT cost-sharing exemption               {vat}",
        "",
        "  member (€/yr)                 standalone       pays   set-up  exit risk    staff  subsidy      gain"
        "  alone better?",
    ]
    for m in s["members"]:
        alone = "" if m["individually_rational"] else "YES"
        lines.append(f"  {m['id'][:28]:28s} {eur(m['standalone_cost_eur']):>13} {eur(m['allocated_cost_eur']):>10}"
                     f" {eur(m['setup_annualised_eur']):>8} {eur(m['exit_risk_eur']):>10}"
                     f" {eur(m['staff_transition_eur']):>8} {eur(m['subsidy_eur']):>8}"
                     f" {eur(m['gain_eur']):>9}  {alone}")
    lines.append("  gain = standalone − pays − set-up − exit risk − staff transition + subsidy (set-up and staff"
                 " transition annualised over the horizon)")
    lines += [f"  ! {w}" for w in s["warnings"]]
    lines.append("  A simulation, not legal or tax advice.")
    return "\n".join(lines)


#: Monte Carlo rows first (the headline), then the central run's figures, then the funder's.
HEADLINE_ROWS = ("npv_p50_eur", "npv_p10_eur", "npv_p90_eur", "p_npv_positive", "net_result_p50_eur",
                 "central_npv_percentile")
COMPARE_ROWS = ("baseline_annual_cost_eur", "pooled_annual_cost_eur", "gross_annual_saving_eur",
                "net_annual_saving_eur", "net_annual_saving_pct", "net_annual_result_eur", "setup_cost_eur",
                "npv_eur", "payback_year", "irr", "frontline_fte_freed", "public_cost_eur", "vat_exempt",
                "individually_rational_all", "npv_without_funding_eur", "frontline_fte_freed_net",
                "public_eur_per_frontline_fte", "leverage")


@app.command()
def compare(
    files: list[Path] = typer.Argument(..., help="Two or more scenario files (one with --set)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f"),
    overrides: list[str] = typer.Option([], "--set", help="KEY=VALUE (dotted key, repeatable), e.g. "
                                        "funding.startup_grant.share=0.8: each file is compared with its variant."),
    draws: int = typer.Option(HEADLINE_DRAWS, "--draws", help=DRAWS_HELP),
    seed: int = typer.Option(HEADLINE_SEED, "--seed", help=SEED_HELP),
) -> None:
    """Headline figures of several scenarios side by side (Monte Carlo median first; --set variants)."""
    from simulator.cli.overrides import apply_overrides, parse_overrides, variant_name

    changes = parse_overrides(overrides)
    if len(files) < (1 if changes else 2):
        raise typer.BadParameter("give at least two scenario files, or one with --set")
    scenarios = []
    for f in files:  # every file and variant validated before anything runs
        scn = load_scenario(f)
        scenarios.append((f.stem, scn))
        if changes:
            scenarios.append((variant_name(f.stem, changes), apply_overrides(scn, changes)))
    rows = {}
    for name, scn in scenarios:
        res, head = simulate(scn), _headline(scn, draws, seed)
        rows[name] = (({k: head.as_dict()[k] for k in HEADLINE_ROWS} if head else {})
                      | {k: res.summary[k] for k in COMPARE_ROWS} | {"scenario": res.summary["scenario"]})
    import pandas as pd

    frame = pd.DataFrame({name: {k: v for k, v in row.items() if k != "scenario"} for name, row in rows.items()})
    if fmt is Format.json:
        typer.echo(dumps(rows))
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
