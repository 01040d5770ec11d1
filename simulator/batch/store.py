"""The output folder of a batch run: Parquet parts written atomically, a manifest, resume, merge.

Layout::

    OUT/manifest.json                      what was run (model version, catalogue hash, seed, definition)
    OUT/experiments/part-000000.parquet    one row per experiment: id, seed, factor values
    OUT/members/part-000000.parquet        experiment, draw, member, metric, value
    OUT/results/part-000000.parquet        experiment, draw, metric, value, factor values

Each ``part-NNNNNN`` holds one chunk of experiments. A part is written to a hidden temporary file
in the same folder, flushed to disk and renamed (atomic on POSIX): a reader never sees half a
file. The ``results`` part is renamed last, so *a chunk is finished exactly when its results part
exists*; a run killed at any instant leaves finished chunks and, at worst, temporary files and an
orphan ``experiments``/``members`` part that ``--resume`` removes and recomputes.

Any folder of parts is a Parquet dataset: pandas, pyarrow, DuckDB (``read_parquet('OUT/results/
*.parquet')``) or Spark read it without loading it whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulator.batch.chunk import TABLES
from simulator.batch.plan import GridPlan, Plan
from simulator.errors import InputError
from simulator.messages import msg
from simulator.version import MODEL_VERSION

FORMAT = "mutualise-batch/1"
MANIFEST = "manifest.json"
#: Manifest keys that describe the machine or the moment, not the work: ignored when comparing.
LOCAL_KEYS = ("created_utc", "base_source", "part")


def catalogue_hash() -> str:
    """SHA-256 (16 hex) of the bundled catalogue data files (parameters, functions, vehicles …)."""
    from simulator.catalogue import DATA_DIR

    digest = hashlib.sha256()
    for path in sorted(Path(DATA_DIR).iterdir()):
        if path.suffix in (".yaml", ".csv") and path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _base_identity(plan: GridPlan) -> dict[str, Any]:
    """The resolved base scenario with its organisation table replaced by the table's hash, so two
    machines holding the same file under different paths agree (a study: its options and
    population, a population file by its hash)."""
    if not isinstance(plan, Plan):
        return plan.base_identity()
    data = plan.base.to_dict()
    org = data.get("organisations", "sample")
    if org != "sample":
        data["organisations"] = "sha256:" + hashlib.sha256(Path(org).read_bytes()).hexdigest()[:16]
    return data


def build_manifest(plan: GridPlan, part: tuple[int, int] | None = None) -> dict[str, Any]:
    """Everything needed to know whether two folders hold the same work."""
    d = plan.definition
    definition = d.model_dump(mode="json")
    definition.pop("base")  # a path, machine-specific: the resolved scenario below is what counts
    base = _base_identity(plan)
    kind = "study" if d.is_study else "scenario"
    manifest = {
        "format": FORMAT,
        "name": d.name,
        "model_version": MODEL_VERSION,
        "catalogue_hash": catalogue_hash(),
        "master_seed": d.seed,
        "experiment": definition,
        f"base_{kind}": base,
        f"base_{kind}_hash": hashlib.sha256(json.dumps(base, sort_keys=True).encode()).hexdigest()[:16],
        "n_experiments": plan.n_experiments,
        "chunk_size": plan.chunk_size,
        "n_chunks": plan.n_chunks,
        "draws": d.draws,
        "metrics": list(plan.metrics),
        "member_metrics": list(plan.member_metrics),
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_source": plan.base_source,
        "part": None if part is None else f"{part[0] + 1}/{part[1]}",
    }
    if d.is_study:  # results per funding option (a scenario's manifest keeps its v1 keys: resume works)
        manifest["base_kind"] = "study"
        manifest["options"] = list(plan.option_ids)  # type: ignore[attr-defined]
    return manifest


def read_manifest(folder: str | Path) -> dict[str, Any]:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise InputError(str(folder), msg("batch.no_manifest", "holds no batch run (no manifest.json)"))
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(str(path), msg("batch.manifest_unreadable", "is not a readable batch manifest (JSON)")) \
            from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError(str(path), msg("batch.manifest_format", "is not a {format} manifest", format=FORMAT))
    return manifest


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Manifest keys whose values differ (machine-local keys ignored)."""
    keys = sorted((set(a) | set(b)) - set(LOCAL_KEYS))
    return [k for k in keys if a.get(k) != b.get(k)]


def open_output(folder: str | Path, manifest: dict[str, Any], resume: bool, create: bool = True) -> Path:
    """Create the output folder, or reopen it for ``resume``; refuse to mix two runs.

    With ``create=False`` only the checks run (nothing is written): callers check before starting
    workers and create once they are up.

    * a new or empty folder: created, manifest written;
    * a folder holding a run: refused unless ``resume`` and the manifests agree (the error names
      the keys that differ);
    * a non-empty folder without a manifest: refused (nothing is overwritten).
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError("--out", msg("batch.out_is_file", "'{folder}' is a file, not a folder", folder=str(folder)))
    if folder.is_dir() and any(folder.iterdir()):
        if not (folder / MANIFEST).is_file():
            raise InputError("--out", msg("batch.out_not_empty", "'{folder}' is not empty and holds no batch run; "
                                          "choose a new or empty folder", folder=str(folder)))
        old = read_manifest(folder)
        if not resume:
            done = len(finished_chunks(folder))
            raise InputError("--out", msg("batch.out_holds_run", "'{folder}' already holds a batch run ('{name}', "
                                          "{done}/{parts} parts done); pass --resume to continue it, or choose "
                                          "another folder", folder=str(folder), name=str(old.get("name")),
                                          done=done, parts=old.get("n_chunks")))
        diff = differences(old, manifest)
        if diff:
            raise InputError("--out", msg("batch.out_other_run", "'{folder}' holds a different run (differs in: "
                                          "{keys}); --resume only continues the same experiment",
                                          folder=str(folder), keys=diff))
        if create:
            clean_partial(folder)
        return folder
    if not create:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        (folder / table).mkdir(exist_ok=True)
    write_bytes_atomic(folder / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
    return folder


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def finished_chunks(folder: str | Path) -> set[int]:
    """Chunks whose results part exists (it is renamed last, so the chunk is complete)."""
    results = Path(folder) / "results"
    if not results.is_dir():
        return set()
    return {int(p.stem.removeprefix("part-")) for p in results.glob("part-*.parquet")}


def clean_partial(folder: Path) -> None:
    """Remove temporary files and parts of unfinished chunks (left by a killed run)."""
    done = finished_chunks(folder)
    for table in TABLES:
        sub = folder / table
        sub.mkdir(exist_ok=True)
        for path in sub.iterdir():
            if path.name.startswith("."):
                path.unlink()
            elif table != "results" and path.name.startswith("part-"):
                if int(path.stem.removeprefix("part-")) not in done:
                    path.unlink()
    for path in folder.glob(f".{MANIFEST}.*"):
        path.unlink()


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a hidden temporary file beside ``path``, fsync, rename onto ``path``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_chunk(folder: Path, index: int, parts: dict[str, bytes]) -> None:
    """Write one chunk's parts; ``results`` last (the chunk's completion mark)."""
    for table in TABLES:
        if table != "results":
            write_bytes_atomic(folder / table / part_name(index), parts[table])
    write_bytes_atomic(folder / "results" / part_name(index), parts["results"])


def merge(folders: Sequence[str | Path], out: str | Path) -> Path:
    """Combine runs of the same experiment (e.g. parts run on several machines) into ``out``.

    All manifests must agree (model version, catalogue, seed, definition, base scenario, chunk
    size); a chunk present in several folders is taken from the first (they are identical, the
    results do not depend on where they were computed). ``out`` must be new or empty. The merged
    folder may still miss chunks: ``batch --resume`` into it computes them.
    """
    if not folders:
        raise InputError("folders", msg("batch.merge_nothing", "give at least one batch folder to merge"))
    manifests = [read_manifest(f) for f in folders]
    for folder, manifest in zip(folders[1:], manifests[1:], strict=True):
        diff = differences(manifests[0], manifest)
        if diff:
            raise InputError(str(folder), msg("batch.merge_other_run", "is not the same run as '{first}' (differs "
                                              "in: {keys}); refusing to merge", first=str(folders[0]), keys=diff))
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError("--out", msg("batch.merge_out_used", "'{folder}' exists and is not empty; merge into a "
                                      "new folder", folder=str(out)))
    merged = dict(manifests[0], part=None, created_utc=datetime.now(UTC).isoformat(timespec="seconds"))
    open_output(out, merged, resume=False)
    taken: set[int] = set()
    for folder in map(Path, folders):
        for index in sorted(finished_chunks(folder) - taken):
            for table in TABLES:  # results last, as when writing
                if table != "results":
                    _copy_atomic(folder / table / part_name(index), out / table / part_name(index))
            _copy_atomic(folder / "results" / part_name(index), out / "results" / part_name(index))
            taken.add(index)
    return out


def _copy_atomic(src: Path, dst: Path) -> None:
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def status(folder: str | Path) -> dict[str, Any]:
    """Progress of a batch folder: name, experiments, parts done / total, complete or not."""
    manifest = read_manifest(folder)
    done = finished_chunks(folder)
    n = int(manifest["n_chunks"])
    return {"name": manifest["name"], "n_experiments": manifest["n_experiments"], "draws": manifest["draws"],
            "chunks_done": len(done), "n_chunks": n, "complete": len(done) == n,
            "missing_chunks": sorted(set(range(n)) - done)[:20]}
