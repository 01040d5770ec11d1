"""``mutualise funding``: funding options compared across a population of ASBLs (MODEL.md §3.10)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from simulator.cli._app import Format, app, dumps, eur
from simulator.errors import InputError

#: Columns of the terminal table (the JSON and CSV carry every field).
TABLE = (("pools", "pools_formed"), ("additional", "additional_pools"), ("members", "members_pooled"))


@app.command()
def funding(
    options_file: Path = typer.Argument(..., help="Funding options YAML (scenarios/funding/…)."),
    population: Path | None = typer.Option(None, "--population",
                                           help="Organisation table (CSV/.xlsx) used as the population."),
    generate: int | None = typer.Option(None, "--generate",
                                        help="Generate a synthetic population of N ASBLs (default 1000)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the generated population and of the draws."),
    draws: int = typer.Option(200, "--draws", help="Parameter draws for P10/P50/P90 (0 = central values only)."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
) -> None:
    """Compare funding options on a sector population: public cost, net benefit, frontline FTE,
    pools formed, additional pools and deadweight (paired over the same draws)."""
    from simulator.sector import compare_funding, generate_population, load_funding_options, read_population

    if population is not None and generate is not None:
        raise InputError("--population", "give either --population FILE or --generate N, not both")
    options = load_funding_options(options_file)
    if population is not None:
        if not population.is_file():
            raise InputError("--population", f"no organisation file {str(population)!r}")
        pop = read_population(population)
    else:
        pop = generate_population(1000 if generate is None else generate, seed)
    result = compare_funding(options, pop, draws=draws, seed=seed)
    if fmt is Format.json:
        typer.echo(dumps(result.records))
    elif fmt is Format.csv:
        result.summary.reset_index().to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        typer.echo(_table(result))


def _table(result) -> str:
    recs = result.records
    has_draws = "public_cost_npv_eur_p10" in recs[0]
    lines = [f"{len(result.population)} organisations, {result.candidates} candidate pools"
             + (f", P10–P90 over {len(next(iter(result.draws.values()))['leverage'])} draws" if has_draws else ""),
             f"  {'option':24s} {'public cost (PV)':>16} {'net benefit (NPV)':>18} {'frontline FTE':>13} "
             f"{'leverage':>8} {'pools':>5} {'addit.':>6} {'members':>7} {'deadweight':>12}"]
    for r in recs:
        lev = "—" if r["leverage"] is None else f"{r['leverage']:.2f}"
        lines.append(f"  {r['option'][:24]:24s} {eur(r['public_cost_npv_eur']):>16} "
                     f"{eur(r['sector_net_benefit_npv_eur']):>18} {r['frontline_fte_freed']:>13.2f} {lev:>8} "
                     f"{r['pools_formed']:>5} {r['additional_pools']:>6} {r['members_pooled']:>7} "
                     f"{eur(r['deadweight_eur']):>12}")
        if has_draws:
            lines.append(f"  {'  P10–P90':24s} {_band(r, 'public_cost_npv_eur'):>16} "
                         f"{_band(r, 'sector_net_benefit_npv_eur'):>18} "
                         f"{r['frontline_fte_freed_p10']:>6.2f}–{r['frontline_fte_freed_p90']:<6.2f}")
    lines.append("  Pools form at central values; figures are sums over the pools that form. "
                 "A simulation, not a funding decision.")
    return "\n".join(lines)


def _band(r: dict, metric: str) -> str:
    lo, hi = r[f"{metric}_p10"], r[f"{metric}_p90"]
    return f"{lo / 1000:,.0f}–{hi / 1000:,.0f} k€".replace(",", "\u202f")
