"""Command ``brief``: a board-ready note of a scenario (PDF or self-contained HTML).

The report layer (kaleido, Jinja2, chromium) is imported inside the command, so other commands
start as fast as before.
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
    file: Path = typer.Argument(..., help="Scenario YAML file."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file: brief.pdf or brief.html."),
    lang: Lang = typer.Option(Lang.fr, "--lang", "-l", help="Language of the note."),
    draws: int = typer.Option(10_000, "--draws", "-n", help="Monte Carlo draws for the headline."),
    seed: int = typer.Option(1, "--seed", "-s", help="Random seed (printed on the note)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Allow replacing an existing file."),
) -> None:
    """A two-to-four-page brief for the board: median result with P10–P90, waterfall, split,
    cash flows, drivers, VAT verdict, changed assumptions, limits (a simulation, not advice)."""
    from simulator.report import build_brief, check_target, write_brief

    start = time.perf_counter()
    check_target(out, overwrite)  # before the work, not after
    from simulator.report.images import warm_up

    warm_up()  # kaleido's browser starts while the engine runs
    note = build_brief(file, lang=lang.value, draws=draws, seed=seed, source=str(file))
    path = write_brief(note, out, overwrite=overwrite)
    typer.echo(f"wrote {path} ({lang.value}, {draws:,} draws, seed {seed}) in "
               f"{time.perf_counter() - start:.1f} s")
