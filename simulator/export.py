"""Writing result tables: CSV or Parquet folders, Excel workbooks — one transaction, never a mix.

An export is **all files or none**:

1. *check* — every target is computed and checked before anything is written: a target that
   exists is refused unless ``overwrite=True``; a folder that is a file, an Excel target that is
   a folder, a folder that cannot be created or written are refused, naming the user's target;
2. *claim* — the target folders are locked (``flock``, released by the kernel even if the
   process dies), so two exports into the same folder at once cannot both write: one wins, the
   other is refused;
3. *stage* — every file is written into one hidden staging folder next to the targets (same
   disk); a full disk or an interruption (Ctrl-C) fails here and the staging folder is removed;
4. *commit* — the staged files are hard-linked into place (``link`` refuses an existing name,
   so even without the lock nothing is replaced silently); if one step fails, the files already
   placed are removed (and, with ``overwrite``, the previous files put back).

Text cells are neutralised against spreadsheet formula injection (OWASP "CSV injection"):
a text that starts with ``=``, ``+``, ``-``, ``@``, a tab, a carriage return or a line feed
(or their full-width forms) gets a leading apostrophe, so Excel and LibreOffice show it as text
and never evaluate it. Numbers stay numbers; a text that is a plain number (``-12.5``) is kept.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.errors import InputError

if TYPE_CHECKING:  # pandas loads when a frame is written, not on import (issue 15)
    import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class ExportError(InputError):
    """An export target cannot be written (exists, is not a folder, no permission, disk full)."""


def neutralise(value: object) -> object:
    """A text cell made inert for spreadsheets: ``'=1+1'`` → ``"'=1+1"``; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are neutralised; numbers untouched."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(c) for c in out.columns]
    if out.index.dtype == object:
        out.index = out.index.map(neutralise)
    return out


# --- public writers -------------------------------------------------------------------------------

def write_tables(tables: Mapping[str, pd.DataFrame], directory: str | Path, fmt: str = "csv",
                 overwrite: bool = False) -> list[Path]:
    """One ``<name>.csv`` (or ``.parquet``) per table into ``directory`` (created if needed)."""
    return export(tables, directory=directory, fmt=fmt, overwrite=overwrite)


def write_excel(tables: Mapping[str, pd.DataFrame], path: str | Path, overwrite: bool = False) -> Path:
    """Every table to one workbook, one sheet per table (sheet names cut to Excel's 31 characters)."""
    return export(tables, excel=path, overwrite=overwrite)[0]


def write_files(files: Mapping[Path, Callable[[Path], None]], overwrite: bool = False) -> list[Path]:
    """Files made by their own writers (``path → writer(staged_path)``), as one transaction."""
    return export({}, files=files, overwrite=overwrite)


def export(tables: Mapping[str, pd.DataFrame], directory: str | Path | None = None,
           excel: str | Path | None = None, fmt: str = "csv", overwrite: bool = False,
           files: Mapping[Path, Callable[[Path], None]] | None = None) -> list[Path]:
    """Write the tables into ``directory`` (one file each) and/or one workbook ``excel``, plus
    any ``files`` made by their own writers (``path → writer(staged_path)``, e.g. the people's
    workbook), as one transaction: every file or none (see the module docstring). Returns the
    paths written."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: csv or parquet")
    files = {Path(p): w for p, w in (files or {}).items()}
    plan = plan_targets(tables, directory, excel, fmt, extra=list(files))
    check_targets(plan, directory, excel, overwrite)
    for target in files:
        check_targets([], excel=target)
    folders = sorted({p.parent for p in plan})
    created: list[Path] = []
    try:
        for folder in folders:
            created += _make_folder(folder, _path(directory) if folder == _path(directory) else folder)
        with _claimed(folders):
            check_targets(plan, directory, excel, overwrite)  # again, now nobody else can write
            staging = _staging_folder(folders[0], directory, excel or next(iter(files), None))
            try:
                writers = _writers(tables, plan, fmt) | files
                staged = {target: _stage(staging, i, target, writer)
                          for i, (target, writer) in enumerate(writers.items())}
                _commit(staged, staging, overwrite)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        for folder in reversed(created):  # folders this export made, if still empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return list(plan)


def plan_targets(tables: Mapping[str, pd.DataFrame], directory: str | Path | None,
                 excel: str | Path | None, fmt: str = "csv",
                 extra: list[Path] | None = None) -> dict[Path, str]:
    """Every file an export would write → which table(s) it holds (``"*"`` for the workbook,
    ``"+"`` for a file with its own writer)."""
    plan: dict[Path, str] = {}
    if directory is not None:
        plan.update({Path(directory) / f"{name}.{fmt}": name for name in tables})
    if excel is not None:
        plan[Path(excel)] = "*"
    for path in extra or []:
        if path in plan:
            raise ExportError(str(path), "the same file is asked for twice; give each export its own name")
        plan[Path(path)] = "+"
    if not plan:
        raise ValueError("nothing to export: give a folder or an Excel file")
    return plan


def check_targets(plan: Mapping[Path, str] | list[Path], directory: str | Path | None = None,
                  excel: str | Path | None = None, overwrite: bool = False) -> None:
    """Refuse, before anything is written, an export that cannot complete (naming the target)."""
    if directory is not None:
        folder = Path(directory)
        if folder.exists() and not folder.is_dir():
            raise ExportError(str(folder), "this is a file, not a folder; choose a folder for the tables")
        _check_ancestors(folder, str(folder))
    if excel is not None:
        target = Path(excel)
        if target.is_dir():
            raise ExportError(str(target), "this is a folder; give a file name ending in .xlsx")
        _check_ancestors(target.parent, str(target))
    existing = [str(p) for p in plan if p.exists() or p.is_symlink()]
    if existing and not overwrite:
        raise FileExistsError(f"would overwrite {', '.join(existing)}; pass overwrite=True (CLI: --overwrite)")
    if overwrite:
        bad = [str(p) for p in plan if p.is_dir()]
        if bad:
            raise ExportError(bad[0], "this is a folder and cannot be replaced by a file")


def refuse_overwrite(paths: list[Path], overwrite: bool) -> None:
    """Raise FileExistsError naming every existing target, unless ``overwrite``."""
    check_targets(paths, overwrite=overwrite)


def atomic_write(path: Path, writer: Callable[[Path], None]) -> None:
    """Write to a temporary file in the same folder, then rename: never a half-written file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        writer(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the steps --------------------------------------------------------------------------------------

def _path(p: str | Path | None) -> Path | None:
    return None if p is None else Path(p)


def _check_ancestors(folder: Path, target: str) -> None:
    """The nearest existing ancestor of ``folder`` must be a folder we may write into."""
    probe = folder
    while not probe.exists():
        if probe.is_symlink():
            raise ExportError(target, "the folder is a broken link")
        if probe.parent == probe:
            break
        probe = probe.parent
    if not probe.is_dir():
        raise ExportError(target, f"'{probe}' is a file, not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise ExportError(target, f"no permission to write into '{probe}'")


def _make_folder(folder: Path, target: Path | None) -> list[Path]:
    """Create ``folder`` and missing parents; return those created (outermost first)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, target or folder) from None
    return missing


@contextlib.contextmanager
def _claimed(folders: list[Path]) -> Iterator[None]:
    """Exclusive, non-blocking locks on the target folders (released when the process ends)."""
    handles: list[int] = []
    try:
        for folder in folders:
            fd = os.open(folder, os.O_RDONLY)
            handles.append(fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise ExportError(str(folder), "another export is writing into this folder right "
                                  "now; try again when it has finished") from None
        yield
    finally:
        for fd in handles:
            os.close(fd)


def _staging_folder(folder: Path, directory: str | Path | None, excel: str | Path | None) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=".mutualise-export-", dir=folder))
    except OSError as exc:
        raise _os_error(exc, Path(directory or excel or folder)) from None


def _writers(tables: Mapping[str, pd.DataFrame], plan: Mapping[Path, str],
             fmt: str) -> dict[Path, Callable[[Path], None]]:
    safe = {name: neutralise_frame(frame) for name, frame in tables.items()}
    writers: dict[Path, Callable[[Path], None]] = {}
    for target, name in plan.items():
        if name == "+":
            continue  # the caller's own writer
        if name == "*":
            writers[target] = lambda p: _write_workbook(safe, p)
        elif fmt == "csv":
            writers[target] = lambda p, f=safe[name]: f.to_csv(p, index=False)
        else:
            frame = safe[name]
            text = {c: str for c in frame.columns if frame[c].dtype == object}
            writers[target] = lambda p, f=frame.astype(text): f.to_parquet(p, index=False)
    return writers


def _write_workbook(tables: Mapping[str, pd.DataFrame], path: Path) -> None:
    import pandas as pd

    xw = pd.ExcelWriter(path, engine="openpyxl")
    try:
        for name, frame in tables.items():
            frame.to_excel(xw, sheet_name=name[:31], index=False)
    except BaseException:
        xw._handles.close()  # not xw.close(): saving a half-built book would hide the real error
        raise
    xw.close()


def _stage(staging: Path, index: int, target: Path, writer: Callable[[Path], None]) -> Path:
    staged = staging / f"{index:03d}{target.suffix}"
    try:
        writer(staged)
    except OSError as exc:
        raise _os_error(exc, target) from None
    return staged


def _commit(staged: Mapping[Path, Path], staging: Path, overwrite: bool) -> None:
    """Link every staged file into place; undo everything on the first failure."""
    placed: list[Path] = []
    replaced: dict[Path, Path] = {}
    try:
        for target, source in staged.items():
            if overwrite and (target.exists() or target.is_symlink()):
                backup = staging / f"old-{len(replaced):03d}"
                os.replace(target, backup)
                replaced[target] = backup
            try:
                os.link(source, target)
            except FileExistsError:
                raise FileExistsError(f"would overwrite {target}; pass overwrite=True "
                                      "(CLI: --overwrite)") from None
            except OSError as exc:
                raise _os_error(exc, target) from None
            placed.append(target)
    except BaseException:
        for target in placed:
            target.unlink(missing_ok=True)
        for target, backup in replaced.items():
            os.replace(backup, target)
        raise


def _os_error(exc: OSError, target: Path) -> ExportError:
    """An operating-system error as a one-line refusal naming the user's target."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EACCES: "no permission to write there",
        errno.EPERM: "no permission to write there",
        errno.EROFS: "the disk is read-only",
        errno.ENOTDIR: "a part of this path is a file, not a folder",
        errno.EISDIR: "this is a folder",
        errno.ENAMETOOLONG: "the name is too long",
    }
    reason = reasons.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__
    return ExportError(str(target), f"cannot write here: {reason}; nothing was written")
