"""Run an experiment into an output folder, chunk by chunk, resumable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from simulator.batch.evaluators import Evaluator, make_evaluator
from simulator.batch.experiment import ExperimentDefinition, load_experiment, parse_experiment
from simulator.batch.plan import GridPlan, make_plan
from simulator.batch.store import build_manifest, finished_chunks, open_output, write_chunk
from simulator.errors import InputError
from simulator.messages import msg

Progress = Callable[[int, int], None]


def plan_for(experiment: str | Path | ExperimentDefinition | dict[str, Any], root: str | Path | None = None,
             chunk_size: int | None = None) -> GridPlan:
    """A checked plan (:class:`~simulator.batch.plan.Plan`, or a study's) from an experiment file,
    a mapping or a definition. Relative paths in a file are relative to the file; in a mapping or
    definition, to ``root`` (default: cwd)."""
    if isinstance(experiment, str | Path):
        definition, folder = load_experiment(experiment)
        return make_plan(definition, root or folder, chunk_size)
    if isinstance(experiment, dict):
        experiment = parse_experiment(experiment)
    return make_plan(experiment, root or Path.cwd(), chunk_size)


def parse_part(text: str | None) -> tuple[int, int] | None:
    """``"2/3"`` → (1, 3): this machine runs chunks i with i mod 3 = 1 (second of three)."""
    if text is None:
        return None
    try:
        k, n = (int(x) for x in text.split("/"))
    except ValueError:
        raise InputError("--part", msg("batch.part_format", "expected K/N such as 1/3, got '{text}'",
                                       text=text)) from None
    if not 1 <= k <= n:
        raise InputError("--part", msg("batch.part_range", "expected 1 ≤ K ≤ N in K/N, got '{text}'", text=text))
    return k - 1, n


def run(experiment: str | Path | ExperimentDefinition | dict[str, Any], out: str | Path, *,
        scheduler: str | Evaluator = "inprocess", workers: int | None = None, resume: bool = False,
        chunk_size: int | None = None, part: tuple[int, int] | str | None = None,
        root: str | Path | None = None, progress: Progress | None = None) -> Path:
    """Run every experiment (or the missing ones, with ``resume``) and return the output folder.

    Parameters
    ----------
    experiment
        Experiment file, mapping or :class:`ExperimentDefinition`.
    out
        Output folder (new or empty; or the folder of the same run with ``resume=True``).
    scheduler
        ``"inprocess"``, ``"processes"``, ``"local"`` (Dask LocalCluster), ``"tcp://host:port"``
        (a running Dask scheduler), or an :class:`Evaluator`.
    workers
        Worker processes (processes, local).
    chunk_size
        Experiments per chunk (default: about 50,000 kernel rows). The numbers do not depend on
        it; the part files and resuming do (a resumed run keeps its chunk size).
    part
        ``(k, n)`` or ``"k/n"`` (1-based in text): run only chunks i with i mod n = k, to split a
        run over machines and ``merge`` the folders afterwards.
    progress
        Called as ``progress(experiments done, experiments to do)`` after each chunk.

    Raises
    ------
    InputError
        A bad experiment (naming the field), an output folder holding another run, an
        unreachable scheduler.
    """
    evaluator = make_evaluator(scheduler, workers) if isinstance(scheduler, str) else scheduler  # checked, not started
    part = parse_part(part) if isinstance(part, str) else part
    plan = plan_for(experiment, root, chunk_size)
    manifest = build_manifest(plan, part)
    folder = open_output(out, manifest, resume, create=False)  # refuse before starting any worker
    done = finished_chunks(folder)
    todo = [i for i in range(plan.n_chunks) if i not in done and (part is None or i % part[1] == part[0])]
    sizes = {i: plan.chunk_bounds(i)[1] - plan.chunk_bounds(i)[0] for i in todo}
    total, finished = sum(sizes.values()), 0
    if progress is not None:
        progress(0, total)
    if not todo:
        return open_output(out, manifest, resume)
    with evaluator:
        open_output(out, manifest, resume)
        for index, parts in evaluator.map(plan, todo):
            write_chunk(folder, index, parts)
            finished += sizes[index]
            if progress is not None:
                progress(finished, total)
    return folder
