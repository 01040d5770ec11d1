"""Command ``examples``: the example scenarios with their titles and descriptions in a language."""

from __future__ import annotations

import textwrap
from pathlib import Path

import typer

from simulator.cli._app import app
from simulator.cli.brief import Lang

#: Where the example files live (the repository's ``scenarios/``), next to the package.
SCENARIO_DIR = Path(__file__).resolve().parents[2] / "scenarios"


@app.command()
def examples(
    lang: Lang = typer.Option(Lang.fr, "--lang", "-l", help="Language of the titles and descriptions."),
    folder: Path = typer.Option(SCENARIO_DIR, "--folder", help="Folder of the example scenario files."),
) -> None:
    """List the example scenarios: file, title and description in fr, nl or en."""
    from simulator.examples import example_text

    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        from simulator.errors import InputError
        from simulator.messages import msg

        raise InputError("--folder", msg("cli.examples.none", "no scenario file (*.yaml) in {folder}",
                                         folder=str(folder)))
    for path in files:
        text = example_text(path, lang.value)
        title, description = text if text else (path.stem, "")
        typer.echo(f"{path.name}\n  {title}")
        if description:
            typer.echo(textwrap.fill(description, width=96, initial_indent="    ", subsequent_indent="    "))
