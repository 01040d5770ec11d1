"""Writing result tables: CSV or Parquet folders, Excel workbooks — atomically, never overwriting.

Every writer checks all its targets first and refuses to replace an existing file unless
``overwrite=True``; each file is written under a temporary name in the same folder and renamed
when complete, so an interrupted export leaves nothing half-written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd


def write_tables(tables: Mapping[str, pd.DataFrame], directory: str | Path, fmt: str = "csv",
                 overwrite: bool = False) -> list[Path]:
    """One ``<name>.csv`` (or ``.parquet``) per table into ``directory`` (created if needed)."""
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown format {fmt!r}: csv or parquet")
    directory = Path(directory)
    targets = [directory / f"{name}.{fmt}" for name in tables]
    refuse_overwrite(targets, overwrite)
    directory.mkdir(parents=True, exist_ok=True)
    for frame, path in zip(tables.values(), targets, strict=True):
        if fmt == "csv":
            atomic_write(path, lambda p, f=frame: f.to_csv(p, index=False))
        else:
            text_cols = {c: str for c in frame.columns if frame[c].dtype == object}
            atomic_write(path, lambda p, f=frame.astype(text_cols): f.to_parquet(p, index=False))
    return targets


def write_excel(tables: Mapping[str, pd.DataFrame], path: str | Path, overwrite: bool = False) -> Path:
    """Every table to one workbook, one sheet per table (sheet names cut to Excel's 31 characters)."""
    path = Path(path)
    refuse_overwrite([path], overwrite)

    def write(p: Path) -> None:
        with pd.ExcelWriter(p, engine="openpyxl") as xw:
            for name, frame in tables.items():
                frame.to_excel(xw, sheet_name=name[:31], index=False)

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, write)
    return path


def refuse_overwrite(paths: list[Path], overwrite: bool) -> None:
    """Raise FileExistsError naming every existing target, unless ``overwrite``."""
    existing = [str(p) for p in paths if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"would overwrite {', '.join(existing)}; pass overwrite=True (CLI: --overwrite)")


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
