"""Commands ``batch`` (run an experiment grid into a resumable Parquet folder), ``merge`` (combine
folders of the same run) and ``batch-status``. The batch package is imported inside the commands."""

from __future__ import annotations

from pathlib import Path

import typer

from simulator.cli._app import app, dumps
from simulator.cli.progress import ProgressBar


@app.command()
def batch(
    experiment: Path = typer.Argument(..., help="Experiment YAML file (a base scenario or sector funding "
                                      "study + factors)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder (new or empty; or this run's "
                             "folder with --resume)."),
    scheduler: str = typer.Option("inprocess", "--scheduler", help="inprocess, processes, local "
                                  "(a Dask LocalCluster) or tcp://host:port (a running Dask scheduler)."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Worker processes (processes, local)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run in --out: "
                                "finished parts are kept, the others computed."),
    chunk_size: int | None = typer.Option(None, "--chunk-size", help="Experiments per part (the numbers "
                                          "do not depend on it)."),
    part: str | None = typer.Option(None, "--part", help="K/N: run only every N-th part starting at K "
                                    "(split over machines, then merge)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Run every experiment of a grid (factorial, zip or Latin hypercube) into Parquet parts."""
    from simulator.batch import run, status

    with ProgressBar("batch", "experiments", quiet=quiet) as bar:
        try:
            folder = run(experiment, out, scheduler=scheduler, workers=workers, resume=resume,
                         chunk_size=chunk_size, part=part, progress=bar)
        except KeyboardInterrupt:
            bar.close()
            typer.echo(f"interrupted: finished parts are kept in {out}; continue with --resume", err=True)
            raise SystemExit(130) from None  # 128 + SIGINT, as shells expect
    s = status(folder)
    typer.echo(f"{s['name']}: {s['chunks_done']}/{s['n_chunks']} parts, {s['n_experiments']:,} experiments"
               f"{'' if s['complete'] else ' (incomplete: --resume or merge the other parts)'} → {folder}")


@app.command()
def merge(
    folders: list[Path] = typer.Argument(..., help="Batch folders of the same experiment."),
    out: Path = typer.Option(..., "--out", "-o", help="New folder for the merged run."),
) -> None:
    """Combine batch folders of the same run (e.g. parts from several machines), after checking
    that their manifests agree."""
    from simulator.batch import merge as run_merge
    from simulator.batch import status

    s = status(run_merge(folders, out))
    typer.echo(f"{s['name']}: {s['chunks_done']}/{s['n_chunks']} parts merged → {out}"
               + ("" if s["complete"] else " (incomplete: batch --resume --out this folder fills the gaps)"))


@app.command("batch-status")
def batch_status(folder: Path = typer.Argument(..., help="A batch output folder.")) -> None:
    """How far a batch run got (JSON)."""
    from simulator.batch import status

    typer.echo(dumps(status(folder)))
