"""Open a batch folder's results as DataFrames, reading only finished parts and only what is asked.

``open_results(folder)`` returns a pandas DataFrame of one table (``results``, ``members`` or
``experiments``); ``columns=`` and ``filters=`` are pushed down to the Parquet reader, so a
subset of a large run is read without loading the rest. ``open_duckdb`` gives a DuckDB relation
over the same parts, for SQL on runs larger than memory (DuckDB is optional).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.batch.chunk import TABLES
from simulator.batch.store import finished_chunks, part_name, read_manifest
from simulator.errors import InputError


def _parts(folder: str | Path, table: str) -> list[str]:
    if table not in TABLES:
        raise InputError("table", f"unknown table {table!r}; use one of {', '.join(TABLES)}")
    folder = Path(folder)
    read_manifest(folder)
    return [str(folder / table / part_name(i)) for i in sorted(finished_chunks(folder))]


def open_results(folder: str | Path, table: str = "results", columns: list[str] | None = None,
                 filters: Any = None) -> pd.DataFrame:
    """One table of a batch folder as a pandas DataFrame (finished chunks only).

    ``filters`` takes pyarrow's forms, e.g. ``[("metric", "==", "npv")]``; text columns (metric,
    member, non-numeric factors) come back as pandas categoricals.
    """
    import pyarrow.dataset as ds

    parts = _parts(folder, table)
    if not parts:
        return pd.DataFrame(columns=columns or [])
    dataset = ds.dataset(parts, format="parquet")
    expression = None
    if filters is not None:
        import pyarrow.parquet as pq

        expression = pq.filters_to_expression(filters)
    return dataset.to_table(columns=columns, filter=expression).to_pandas()


def open_duckdb(folder: str | Path, table: str = "results", connection: Any = None) -> Any:
    """A DuckDB relation over one table's finished parts (``pip install duckdb``)."""
    try:
        import duckdb
    except ImportError:
        raise InputError("duckdb", "DuckDB is not installed: pip install duckdb (or use open_results)") from None
    parts = _parts(folder, table)
    if not parts:
        raise InputError(str(folder), "has no finished part yet")
    con = connection or duckdb.connect()
    return con.read_parquet(parts)


def summarise(folder: str | Path, metric: str = "npv") -> pd.DataFrame:
    """Per experiment: its factor values and the metric's mean, P10, P50, P90 and P(> 0) over draws
    (one draw without Monte Carlo: all equal the value). Payback ``NaN`` (never) counts as not > 0
    and is ignored by mean and quantiles."""
    manifest = read_manifest(folder)
    if metric not in manifest["metrics"]:
        raise InputError("metric", f"{metric!r} was not recorded; recorded: {', '.join(manifest['metrics'])}")
    frame = open_results(folder, columns=["experiment", "value"], filters=[("metric", "==", metric)])
    experiments = open_results(folder, table="experiments")
    if frame.empty:
        return experiments.assign(mean=np.nan, p10=np.nan, p50=np.nan, p90=np.nan, p_positive=np.nan)
    grouped = frame.groupby("experiment", sort=True)["value"]
    stats = pd.DataFrame({
        "mean": grouped.mean(),
        "p10": grouped.quantile(0.1), "p50": grouped.quantile(0.5), "p90": grouped.quantile(0.9),
        "p_positive": frame.assign(pos=frame["value"] > 0).groupby("experiment", sort=True)["pos"].mean(),
    })
    out = experiments.merge(stats, left_on="experiment", right_index=True, how="inner")
    out.attrs["metric"] = metric
    return out.reset_index(drop=True)
