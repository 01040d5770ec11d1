"""Command ``brief``: a board-ready note of a scenario, or the funder's note of a sector funding
study (PDF or self-contained HTML).

The file decides which: a pool scenario gives the board brief (Monte Carlo headline, waterfall,
split, cash flows, drivers, VAT); a funding options file (``scenarios/funding/*.yaml``, with
``options:``) gives the funder's brief (options compared on a population, frontline capacity
per public euro, the leading option). The report layer (kaleido, Jinja2, chromium) is imported
inside the command, so other commands start as fast as before.
"""

from __future__ import annotations

import time
from enum import Enum
from pathlib import Path

import typer

from simulator.cli._app import app


class Lang(str, Enum):
    fr = "fr"
    nl = "nl"
    en = "en"


@app.command()
def brief(
    file: Path = typer.Argument(..., help="Scenario YAML file, or a funding options file (sector study)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file: brief.pdf or brief.html."),
    lang: Lang = typer.Option(Lang.fr, "--lang", "-l", help="Language of the note."),
    draws: int | None = typer.Option(None, "--draws", "-n",
                                     help="Monte Carlo draws (default 10,000 for a scenario, 200 for a study)."),
    seed: int = typer.Option(1, "--seed", "-s", help="Random seed (printed on the note)."),
    generate: int | None = typer.Option(None, "--generate",
                                        help="Sector study: a synthetic population of N ASBLs (default 1000)."),
    population: Path | None = typer.Option(None, "--population",
                                           help="Sector study: an organisation table (CSV/.xlsx) as the population."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Allow replacing an existing file."),
) -> None:
    """A two-to-four-page brief. For a scenario, the board's: median result with P10–P90, waterfall,
    split, cash flows, drivers, VAT verdict, changed assumptions, limits. For a funding study, the
    funder's: options side by side, frontline FTE per public 100 k€, the leading option and its
    caveats. A simulation, not advice."""
    from simulator.errors import InputError
    from simulator.messages import msg
    from simulator.report import check_target, is_funding_study, write_brief

    start = time.perf_counter()
    check_target(out, overwrite)  # before the work, not after
    study = is_funding_study(file)
    if not study and (generate is not None or population is not None):
        raise InputError("--population" if population is not None else "--generate",
                         msg("brief.sector.only_study", "--generate and --population apply to a funding "
                                                        "options file (a sector study), not to a scenario"))
    from simulator.report.images import warm_up

    warm_up()  # kaleido's browser starts while the engine runs
    if study:
        from simulator.report.sector import DEFAULT_DRAWS, build_sector_brief

        draws = DEFAULT_DRAWS if draws is None else draws
        note = build_sector_brief(file, lang=lang.value, draws=draws, seed=seed, generate=generate,
                                  population=population, source=str(file))
    else:
        from simulator.report import DEFAULT_DRAWS, build_brief

        draws = DEFAULT_DRAWS if draws is None else draws
        note = build_brief(file, lang=lang.value, draws=draws, seed=seed, source=str(file))
    path = write_brief(note, out, overwrite=overwrite)
    typer.echo(f"wrote {path} ({lang.value}, {draws:,} draws, seed {seed}) in "
               f"{time.perf_counter() - start:.1f} s")
