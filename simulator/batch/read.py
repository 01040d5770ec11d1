"""Open a batch folder's results as DataFrames, reading only finished parts and only what is asked.

``open_results(folder)`` returns a pandas DataFrame of one table (``results``, ``members`` or
``experiments``); ``columns=`` and ``filters=`` are pushed down to the Parquet reader, so a
subset of a large run is read without loading the rest. ``engine="duckdb"`` reads the same parts
with DuckDB instead (the same frame, tested; the filter runs inside DuckDB's Parquet scan, with
row-group statistics, on all cores). ``open_duckdb`` gives a lazy DuckDB relation over the parts,
for SQL on runs larger than memory. DuckDB is optional: ``pip install 'mutualise[batch]'``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulator.batch.chunk import TABLES
from simulator.batch.store import finished_chunks, part_name, read_manifest
from simulator.errors import InputError
from simulator.messages import did_you_mean, msg


def _parts(folder: str | Path, table: str) -> list[str]:
    if table not in TABLES:
        raise InputError("table", msg("batch.unknown_table", "unknown table '{table}'; use one of {tables}",
                                      table=table, tables=list(TABLES)))
    folder = Path(folder)
    read_manifest(folder)
    return [str(folder / table / part_name(i)) for i in sorted(finished_chunks(folder))]


ENGINES = ("pandas", "duckdb")
#: pyarrow filter operators and their SQL.
_SQL_OPS = {"==": "=", "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "in": "IN",
            "not in": "NOT IN"}


def open_results(folder: str | Path, table: str = "results", columns: list[str] | None = None,
                 filters: Any = None, engine: str = "pandas") -> pd.DataFrame:
    """One table of a batch folder as a pandas DataFrame (finished chunks only).

    ``filters`` takes pyarrow's forms, e.g. ``[("metric", "==", "npv")]`` (AND), or a list of
    such lists (OR of ANDs); text columns (metric, option, member, non-numeric factors) come back
    as pandas categoricals. ``engine``: ``"pandas"`` (pyarrow's dataset reader) or ``"duckdb"``.
    """
    if engine not in ENGINES:
        raise InputError("engine", msg("batch.unknown_engine", "unknown engine '{engine}'; use pandas or duckdb",
                                       engine=engine))
    parts = _parts(folder, table)
    if not parts:
        return pd.DataFrame(columns=columns or [])
    if engine == "duckdb":
        return _duckdb_frame(parts, columns, filters, read_manifest(folder), table)
    import pyarrow.dataset as ds

    dataset = ds.dataset(parts, format="parquet")
    expression = None
    if filters is not None:
        import pyarrow.parquet as pq

        expression = pq.filters_to_expression(filters)
    return dataset.to_table(columns=columns, filter=expression).to_pandas()


def _duckdb() -> Any:
    try:
        import duckdb
    except ImportError:
        raise InputError("engine", msg("batch.no_duckdb", "DuckDB is not installed: pip install "
                                       "'mutualise[batch]' (or read with the pandas engine)")) from None
    return duckdb


def open_duckdb(folder: str | Path, table: str = "results", connection: Any = None) -> Any:
    """A lazy DuckDB relation over one table's finished parts: nothing is read until it is
    queried (``.filter()``, ``.aggregate()``, ``.df()``, SQL …)."""
    duckdb = _duckdb()
    parts = _parts(folder, table)
    if not parts:
        raise InputError(str(folder), msg("batch.no_part", "has no finished part yet"))
    con = connection or duckdb.connect()
    return con.read_parquet(parts)


def _duckdb_frame(parts: list[str], columns: list[str] | None, filters: Any, manifest: dict[str, Any],
                  table: str) -> pd.DataFrame:
    """The parts read by DuckDB, as :func:`open_results` gives them (same columns, rows, order
    and dtypes: dictionary-encoded text columns become categoricals with the run's labels, in
    the order the parts hold them)."""
    import pyarrow.parquet as pq

    duckdb = _duckdb()
    schema = pq.read_schema(parts[0])
    names = columns or schema.names
    for c in names:
        if c not in schema.names:
            raise InputError("columns", msg("batch.unknown_column", "no column '{name}'{hint}", name=c,
                                            hint=did_you_mean(c, schema.names)))
    where, params = _sql_filter(filters, schema.names)
    con = duckdb.connect()
    try:
        con.execute("SET preserve_insertion_order = true")
        sql = (f"SELECT {', '.join(_quote(c) for c in names)} FROM read_parquet(?)"
               + (f" WHERE {where}" if where else ""))
        frame = con.execute(sql, [parts, *params]).df()
    finally:
        con.close()
    expected = schema.empty_table().select(names).to_pandas().dtypes
    if frame.empty:  # as pyarrow gives an empty selection (categoricals without categories)
        return frame.astype(expected.to_dict())
    for c in names:
        kind = schema.field(c).type
        if pa_is_dictionary(kind):
            known = _categories(manifest, table, c)
            present = frame[c].dropna().unique().tolist()
            known = known + sorted(set(present) - set(known)) if known else sorted(present)
            frame[c] = pd.Categorical(frame[c], categories=known)
        elif frame[c].dtype != expected[c]:  # e.g. text: object → pandas' string dtype
            frame[c] = frame[c].astype(expected[c])
    return frame


def _categories(manifest: dict[str, Any], table: str, column: str) -> list[str]:
    """The labels a text column's parts hold, in their order, from the manifest (metrics,
    options, a factor's values as text); [] when the manifest does not list them (members)."""
    import json

    if column == "metric":
        return list(manifest["member_metrics" if table == "members" else "metrics"])
    if column == "option":
        return list(manifest.get("options") or [])
    values = manifest["experiment"]["factors"].get(column)
    if isinstance(values, list):
        return [v if isinstance(v, str) else json.dumps(v, sort_keys=True, ensure_ascii=False) for v in values]
    return []


def pa_is_dictionary(kind: Any) -> bool:
    import pyarrow as pa

    return pa.types.is_dictionary(kind)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_filter(filters: Any, known: list[str]) -> tuple[str, list[Any]]:
    """pyarrow's DNF filters as an SQL condition with ``?`` parameters."""
    if not filters:
        return "", []
    disjuncts = filters if isinstance(filters[0], list) else [filters]
    params: list[Any] = []
    ors = []
    for conj in disjuncts:
        ands = []
        for term in conj:
            if not (isinstance(term, tuple | list) and len(term) == 3):
                raise InputError("filters", msg("batch.bad_filter", "a filter is (column, operator, value), "
                                                "got {term}", term=repr(term)))
            col, op, value = term
            if col not in known:
                raise InputError("filters", msg("batch.unknown_column", "no column '{name}'{hint}", name=col,
                                                hint=did_you_mean(col, known)))
            if op not in _SQL_OPS:
                raise InputError("filters", msg("batch.bad_filter_op", "unknown operator '{op}'; use one of "
                                                "{ops}", op=op, ops=list(_SQL_OPS)))
            if op in ("in", "not in"):
                values = list(value)
                ands.append(f"{_quote(col)} {_SQL_OPS[op]} ({', '.join('?' for _ in values)})" if values
                            else ("FALSE" if op == "in" else "TRUE"))
                params.extend(values)
            else:
                ands.append(f"{_quote(col)} {_SQL_OPS[op]} ?")
                params.append(value)
        ors.append("(" + " AND ".join(ands) + ")")
    return " OR ".join(ors), params


def summarise(folder: str | Path, metric: str = "npv", engine: str = "pandas") -> pd.DataFrame:
    """Per experiment (and, for a sector study, per funding option: an ``option`` column): its
    factor values and the metric's mean, P10, P50, P90 and P(> 0) over draws (one draw without
    Monte Carlo: all equal the value). ``NaN`` (payback never reached, a ratio without public
    money) counts as not > 0 and is ignored by mean and quantiles."""
    manifest = read_manifest(folder)
    if metric not in manifest["metrics"]:
        raise InputError("metric", msg("batch.metric_not_recorded", "'{metric}' was not recorded; recorded: "
                                       "{recorded}", metric=metric, recorded=list(manifest["metrics"])))
    keys = ["experiment", "option"] if manifest.get("base_kind") == "study" else ["experiment"]
    frame = open_results(folder, columns=[*keys, "value"], filters=[("metric", "==", metric)], engine=engine)
    experiments = open_results(folder, table="experiments", engine=engine)
    if frame.empty:
        return experiments.assign(mean=np.nan, p10=np.nan, p50=np.nan, p90=np.nan, p_positive=np.nan)
    grouped = frame.groupby(keys, sort=True, observed=True)["value"]
    stats = pd.DataFrame({
        "mean": grouped.mean(),
        "p10": grouped.quantile(0.1), "p50": grouped.quantile(0.5), "p90": grouped.quantile(0.9),
        "p_positive": frame.assign(pos=frame["value"] > 0).groupby(keys, sort=True, observed=True)["pos"].mean(),
    }).reset_index()
    out = experiments.merge(stats, on="experiment", how="inner")
    if len(keys) > 1:  # options in the study's order (no_funding first), within each experiment
        order = {o: i for i, o in enumerate(manifest.get("options") or [])}
        out = out.assign(_o=out["option"].map(lambda o: order.get(o, len(order)))) \
            .sort_values(["experiment", "_o"], kind="stable").drop(columns="_o")
        out["option"] = out["option"].astype(str)
    out.attrs["metric"] = metric
    return out.reset_index(drop=True)
