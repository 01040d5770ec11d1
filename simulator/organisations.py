"""The organisation table: one row per ASBL/VZW, what it spends today on each support function.

Read a CSV (comma, or Belgian Excel ``;`` with decimal commas; UTF-8 or cp1252) or an ``.xlsx``
sheet, check every cell once, and hand the engine a clean :class:`Organisations` (MODEL.md §2.1).
Columns are identity fields plus ``<function>.<field>`` columns whose fields depend on the
function's cost kind in ``data/functions.yaml`` (see :data:`KIND_FIELDS`), so a function added to
the catalogue adds its columns. Every problem is an :class:`~simulator.errors.InputError` naming
the spreadsheet row and column; all problems of a file are reported at once.
"""

from __future__ import annotations

import math
import numbers
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from simulator.errors import MAX_KEPT, InputError, InputErrors, raise_collected
from simulator.export import FORMULA_TRIGGERS
from simulator.messages import Message, did_you_mean, msg
from simulator.numbers import number_from_text as _number_from_text
from simulator.org_schema import (
    COMMUNE_ALIASES,
    COMMUNES,
    IDENTITY_COLUMNS,
    KIND_FIELDS,
    ORG_COLUMNS,
    SUBSECTOR_ALIASES,
    SUBSECTORS,
    ColumnSpec,
    FieldSpec,
    column_specs,
    load_function_catalogue,
    schema_table,
)
from simulator.tabular import Grid, read_grid
from simulator.tabular import is_blank as _is_blank
from simulator.tabular import key as _key

if TYPE_CHECKING:  # pandas loads when a table is built, not on import
    import pandas as pd

DATA_DIR = Path(__file__).parent / "data"
SAMPLE_FILE = DATA_DIR / "sample_organisations.csv"

__all__ = [
    "COMMUNES", "COMMUNE_ALIASES", "IDENTITY_COLUMNS", "KIND_FIELDS", "ORG_COLUMNS", "SAMPLE_FILE", "SUBSECTORS",
    "ColumnSpec", "FieldSpec", "Organisations", "column_specs", "load_function_catalogue", "read_organisations",
    "sample_organisations", "schema_table",
]

TRUE_WORDS = frozenset({"true", "1", "oui", "ja", "yes", "vrai", "waar", "y"})
FALSE_WORDS = frozenset({"false", "0", "non", "nee", "no", "faux", "onwaar", "n"})


#: Builds a frame from parsed columns once per table, even when threads ask for it together.
_FRAME_LOCK = threading.Lock()


class Organisations:
    """A validated organisation table.

    Read from a file, the table is kept as one numpy array per column (numbers float with NaN
    where the cell was left empty, yes/no columns bool, text columns object with ``None``): the
    engine reads those directly, so checking and compiling a scenario never loads pandas
    (``mutualise validate`` starts in a fraction of the time, issue 15). :attr:`table` builds the
    pandas DataFrame on first use; from then on that frame is the table's one truth, so a caller
    that edits ``orgs.table`` in place sees its edit in :meth:`field`, :meth:`subset` and a compile.

    Attributes
    ----------
    table
        One row per organisation, index ``id``, columns in canonical order (:data:`ORG_COLUMNS`
        without ``id``); numeric columns are float with NaN where the cell was left empty.
    function_ids
        Catalogue function ids in catalogue order (the kernel's function axis).
    source
        Name of the file it was read from, used in messages.
    """

    __slots__ = ("__weakref__", "_columns", "_frame", "_function_ids", "_ids", "_source")

    def __init__(self, table: pd.DataFrame | None = None, function_ids: tuple[str, ...] = (),
                 source: str | None = None, *, ids: tuple[str, ...] | None = None,
                 columns: dict[str, np.ndarray] | None = None) -> None:
        """From a DataFrame (``table``, index ``id``) or from parsed ``ids`` and ``columns``
        (column name → one array over the rows, in :data:`ORG_COLUMNS` order; made read-only)."""
        if (table is None) == (columns is None):
            raise TypeError("Organisations takes either a table (DataFrame) or ids and columns")
        self._frame = table
        self._columns = None if columns is None else {name: _read_only(values) for name, values in columns.items()}
        self._ids = None if columns is None else tuple(ids or ())
        self._function_ids = tuple(function_ids)
        self._source = source

    @property
    def function_ids(self) -> tuple[str, ...]:
        return self._function_ids

    @property
    def source(self) -> str | None:
        return self._source

    @property
    def table(self) -> pd.DataFrame:
        """The table as a pandas DataFrame, built on first use (pandas loads here, not on import)."""
        if self._frame is None:
            with _FRAME_LOCK:
                if self._frame is None:
                    self._frame = _to_frame(self._ids, self._columns)
                    self._columns = None  # the frame is the truth from now on: callers may edit it
        return self._frame

    @property
    def ids(self) -> tuple[str, ...]:
        """Organisation ids in table order (the kernel's member axis)."""
        if self._columns is not None:
            return self._ids
        return tuple(self.table.index)

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names without ``id``, in table order."""
        columns = self._columns
        return tuple(columns) if columns is not None else tuple(self.table.columns)

    def __len__(self) -> int:
        return len(self._ids) if self._columns is not None else len(self.table)

    def __repr__(self) -> str:
        return f"Organisations({len(self)} rows, source={self.source!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickles (worker processes, the app's cache) as the frame, or as ids and columns, which
        come back read-only."""
        columns = self._columns
        if columns is None:
            return (Organisations, (self.table, self.function_ids, self.source))
        return (_from_columns, (self._ids, columns, self.function_ids, self.source))

    def copy(self) -> Organisations:
        """An independent table: parsed columns are read-only and shared; a built frame is copied."""
        columns = self._columns
        if columns is not None:
            return Organisations(function_ids=self.function_ids, source=self.source, ids=self._ids,
                                 columns=columns)
        return Organisations(self.table.copy(), self.function_ids, self.source)

    def subset(self, ids: Iterable[str]) -> Organisations:
        """The organisations ``ids``, in that order; unknown or repeated ids are refused."""
        wanted = [ids] if isinstance(ids, str) else list(ids)
        known = self.ids
        position = {org_id: p for p, org_id in enumerate(known)}
        errors = [InputError("members", msg("table.unknown_organisation", "unknown organisation '{id}'{hint}",
                                            id=i, hint=did_you_mean(i, list(known), 1)), self.source)
                  for i in wanted if i not in position]
        errors += [InputError("members", msg("table.organisation_twice", "organisation '{id}' is listed twice.",
                                             id=i), self.source)
                   for i in sorted({i for i in wanted if wanted.count(i) > 1})]
        if not wanted:
            errors.append(InputError("members", msg("table.no_organisation", "choose at least one organisation."),
                                     self.source))
        raise_collected(errors, self.source)
        if self._columns is None:
            return Organisations(self.table.loc[wanted].copy(), self.function_ids, self.source)
        return self.take([position[i] for i in wanted])

    def take(self, positions: Sequence[int] | np.ndarray) -> Organisations:
        """The rows at ``positions`` (0-based, in that order): no id lookup, for callers that
        already know where each member sits (the partition search cuts thousands of windows)."""
        columns = self._columns
        if columns is None:
            return Organisations(self.table.iloc[np.asarray(positions, dtype=int)], self.function_ids,
                                 self.source)
        rows = np.asarray(positions, dtype=int)
        ids = tuple(self._ids[p] for p in rows)
        return Organisations(function_ids=self.function_ids, source=self.source, ids=ids,
                             columns={name: values[rows] for name, values in columns.items()})

    def column(self, name: str) -> np.ndarray:
        """The values of column ``name`` over the rows (float with NaN, bool, or object with
        ``None``/NaN for text); an unknown column is refused naming the nearest one."""
        columns = self._columns
        if columns is not None and name in columns:
            return columns[name]
        if columns is None and name in self.table.columns:
            return self.table[name].to_numpy()
        raise InputError(name, msg("table.no_such_column", "no such column{hint}",
                                   hint=did_you_mean(name, list(self.column_names), 1)), self.source)

    def field(self, function_id: str, field: str) -> np.ndarray:
        """Values of column ``<function_id>.<field>`` over members, as floats with empty → 0."""
        values = np.array(self.column(f"{function_id}.{field}"), dtype=float)
        values[np.isnan(values)] = 0.0
        return values

    def declared(self, function_id: str, field: str = "cost_eur") -> np.ndarray:
        """Boolean array: where the member declared a value (e.g. its actual cost).

        Declared actual cost always wins over an estimate; the kernel estimates the others and
        flags them as estimates (MODEL.md §2.1).
        """
        column = f"{function_id}.{field}"
        if self._columns is None:
            self.column(column)  # an unknown column is refused
            return self.table[column].notna().to_numpy()
        values = self.column(column)
        if values.dtype.kind == "f":
            return ~np.isnan(values)
        return np.array([v is not None for v in values], dtype=bool)

    def to_csv(self, path_or_buffer: Any = None, belgian: bool = False,
               encoding: str | None = None) -> str | None:
        """Write the table as CSV that :func:`read_organisations` reads back unchanged.

        Parameters
        ----------
        path_or_buffer
            File path or buffer; ``None`` returns the CSV text.
        belgian
            Belgian Excel style: ``;`` separator and decimal comma.
        encoding
            Default UTF-8, with a byte-order mark when ``belgian`` (Excel needs it to recognise
            UTF-8); ``"cp1252"`` suits older Excel versions.
        """
        from simulator.export import neutralise_frame

        decimal = "," if belgian else "."
        frame = neutralise_frame(self.table.reset_index())  # no live formula in a spreadsheet
        for spec in column_specs():
            if spec.dtype == "number":
                frame[spec.column] = [_format_number(v, decimal) for v in frame[spec.column]]
            elif spec.dtype == "bool":
                frame[spec.column] = ["true" if v else "false" for v in frame[spec.column]]
        return frame.to_csv(path_or_buffer, sep=";" if belgian else ",", index=False,
                            encoding=encoding or ("utf-8-sig" if belgian else "utf-8"),
                            lineterminator="\n")


def read_organisations(source: str | Path | bytes | pd.DataFrame, *,
                       name: str | None = None) -> Organisations:
    """Read and validate an organisation table.

    Parameters
    ----------
    source
        A path (CSV or ``.xlsx``), CSV text (a ``str`` containing a line break), the raw bytes of
        an upload (at most 5 MB) or a DataFrame. The format is detected from the suffix or the
        content: ``,``, ``;`` or tab separators; decimal commas and ``1 234,56``/``1.234,56``
        thousands; UTF-8 (with or without BOM) or cp1252. Columns whose name starts with ``#``
        are ignored (notes). In a DataFrame, NaN/None mean an empty cell.
    name
        File name used in messages (default: the path's name).

    Raises
    ------
    InputError
        Naming the row (numbered as in a spreadsheet: header = row 1) and the column of each
        problem; several problems come together as :class:`~simulator.errors.InputErrors`.
    """
    grid = read_grid(source, name)
    positions = _map_header(grid)
    ids, columns = _build_columns(grid, positions)
    return Organisations(function_ids=tuple(load_function_catalogue()), source=grid.source, ids=ids, columns=columns)


def sample_organisations() -> Organisations:
    """The bundled fictitious sample of Brussels ASBLs (see ``data/sample_organisations.md``),
    parsed once per process (see :mod:`simulator.org_cache`)."""
    from simulator.org_cache import cached_organisations

    return cached_organisations(SAMPLE_FILE, name=SAMPLE_FILE.name)


# --- header ---------------------------------------------------------------------------------------

def _map_header(grid: Grid) -> dict[str, int]:
    """Column name → position in the file; unknown, repeated or missing columns are refused."""
    known = [spec.column for spec in column_specs()]
    positions: dict[str, int] = {}
    errors: list[InputError] = []
    for position, raw in enumerate(grid.header):
        label = "" if _is_blank(raw) else str(raw).strip()
        column = label.lower()
        if not label:
            if any(not _is_blank(_cell(row, position)) for _, row in grid.rows):
                errors.append(InputError(f"column {position + 1}", msg(
                    "table.unnamed_column", "this column has values but no name in the header row."), grid.source))
        elif column.startswith("#"):
            continue
        elif column not in known:
            errors.append(InputError(f"column '{label}'", msg("table.unknown_column", "unknown column{hint}",
                                                              hint=did_you_mean(column, known, 1)), grid.source))
        elif column in positions:
            errors.append(InputError(f"column '{label}'", msg("table.column_twice", "this column appears twice."),
                                     grid.source))
        else:
            positions[column] = position
    if not positions:  # not a table of ours: say so, and quote none of its content
        raise InputError("file", msg("table.not_a_table", "this does not look like an organisation table: none of "
                                     "its columns is a known one such as 'id' or 'name' (see `mutualise schema`)."),
                         grid.source)
    errors += [InputError(f"column '{spec.column}'", msg("table.missing_column",
                                                         "this required column is missing."), grid.source)
               for spec in column_specs() if spec.required and spec.column not in positions]
    if not errors and not grid.rows:
        errors.append(InputError("file", msg("table.no_rows", "the file has a header row but no organisations."),
                                 grid.source))
    raise_collected(errors, grid.source)
    return positions


# --- cells ----------------------------------------------------------------------------------------

def _build_columns(grid: Grid, positions: dict[str, int]) -> tuple[tuple[str, ...], dict[str, np.ndarray]]:
    """Parse and check every cell, then cross-check rows; all problems are raised together.

    Returns the ids and one read-only array per other column (see :class:`Organisations`)."""
    errors: list[InputError] = []
    uncounted = 0  # problems beyond MAX_KEPT: counted, not kept (a 5 MB file of bad rows)
    values: dict[str, list[Any]] = {spec.column: [] for spec in column_specs()}
    for line, row in grid.rows:
        for spec in column_specs():
            position = positions.get(spec.column)
            raw = None if position is None else _cell(row, position)
            try:
                value = _parse_cell(raw, spec, grid.decimal_comma)
            except ValueError as problem:
                if len(errors) < MAX_KEPT:
                    errors.append(InputError(f"row {line}, column '{spec.column}'", problem.args[0], grid.source))
                else:
                    uncounted += 1
                value = math.nan if spec.dtype == "number" else None
            values[spec.column].append(value)
    if uncounted:
        raise InputErrors(errors, grid.source, more=uncounted)
    errors += _cross_checks(values, [line for line, _ in grid.rows], grid.source)
    raise_collected(errors[:MAX_KEPT], grid.source, more=max(0, len(errors) - MAX_KEPT))
    columns = {spec.column: _typed_array(values[spec.column], spec.dtype)
               for spec in column_specs() if spec.column != "id"}
    return tuple(values["id"]), columns


def _typed_array(values: list[Any], dtype: str) -> np.ndarray:
    """A parsed column as numpy: float (NaN = empty), bool, or object (text, ``None`` = empty)."""
    if dtype == "number":
        return np.array(values, dtype=float)
    if dtype == "bool":
        return np.array(values, dtype=bool)
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _read_only(values: np.ndarray) -> np.ndarray:
    values.setflags(write=False)
    return values


def _from_columns(ids: tuple[str, ...], columns: dict[str, np.ndarray], function_ids: tuple[str, ...],
                  source: str | None) -> Organisations:
    """Unpickling: a table from its ids and columns (see :meth:`Organisations.__reduce__`)."""
    return Organisations(function_ids=function_ids, source=source, ids=ids, columns=columns)


def _to_frame(ids: tuple[str, ...], columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """The DataFrame of parsed columns: index ``id``; float, bool and object columns (copies, so
    the frame can be edited while the read-only arrays stay shared)."""
    import pandas as pd

    frame = pd.DataFrame({"id": pd.Series(ids, dtype=object),
                          **{name: pd.Series(values, dtype=values.dtype, copy=True)
                             for name, values in columns.items()}})
    return frame.set_index("id")


def _cross_checks(values: dict[str, list[Any]], lines: list[int],
                  source: str | None) -> list[InputError]:
    """Ids are unique; in-house support FTE do not exceed the organisation's total FTE."""
    errors: list[InputError] = []
    first_seen: dict[str, int] = {}
    for line, org_id in zip(lines, values["id"], strict=True):
        if org_id in first_seen:
            errors.append(InputError(f"row {line}, column 'id'", msg(
                "table.id_twice", "id '{id}' is already used on row {row}; ids must be unique.",
                id=org_id, row=first_seen[org_id]), source))
        elif org_id is not None:
            first_seen[org_id] = line
    fte = [values[c] for c in values if c.endswith(".fte")]
    support = np.nansum(np.array(fte, dtype=float).reshape(len(fte), len(lines)), axis=0)
    for line, used, total in zip(lines, support, values["fte_total"], strict=True):
        if used > total + 1e-9:
            errors.append(InputError(f"row {line}, column 'fte_total'", msg(
                "table.fte_over_total", "in-house FTE on support functions add up to {used}, more than the "
                "total of {total} FTE.", used=float(used), total=float(total)), source))
    return errors


def _parse_cell(raw: Any, spec: ColumnSpec, decimal_comma: bool) -> Any:
    """One raw cell → its typed value; ``ValueError`` saying what was expected."""
    blank = _is_blank(raw)
    if blank and spec.required:
        raise ValueError(msg("table.required", "this value is required."))
    if spec.dtype == "number":
        return _check_range(_parse_number(raw, decimal_comma), spec)
    if spec.dtype == "bool":
        return spec.default if blank else _parse_bool(raw)
    if blank:
        return None
    text = _cell_text(raw)
    if text.startswith("'") and text[1:].startswith(FORMULA_TRIGGERS):  # written by to_csv
        text = text[1:]
    if spec.dtype == "slug" and not re.fullmatch(r"[a-z0-9_-]+", text):
        raise ValueError(msg("table.bad_id", "'{text}' is not a valid id: use only lowercase letters, digits, "
                             "'_' or '-' (for example '{example}').", text=text, example=_key(text) or "my_asbl"))
    if spec.dtype == "choice":
        return _parse_choice(text, spec.column)
    if spec.dtype == "joint_committee":
        return _parse_joint_committee(text)
    return text


def _parse_number(raw: Any, decimal_comma: bool) -> float:
    """A number cell → float (NaN when empty); decimal commas and thousands separators allowed."""
    if _is_blank(raw):
        return math.nan
    if isinstance(raw, bool | np.bool_) or not isinstance(raw, numbers.Real | str):
        raise ValueError(_not_a_number(raw))
    try:
        value = float(raw) if isinstance(raw, numbers.Real) else _number_from_text(raw, decimal_comma)
    except ValueError:
        raise ValueError(_not_a_number(raw)) from None
    if not math.isfinite(value):
        raise ValueError(msg("table.not_finite", "expected a finite number, found '{text}'.", text=str(raw)[:40]))
    return value


def _check_range(value: float, spec: ColumnSpec) -> float:
    if math.isnan(value):
        return value
    low = spec.minimum
    if low is not None and (value < low or (spec.strict and value == low)):
        if spec.strict:
            raise ValueError(msg("table.more_than", "expected a number more than {low}, found {value}.",
                                 low=low, value=value))
        raise ValueError(msg("table.at_least", "expected a number at least {low}, found {value}.",
                             low=low, value=value))
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(msg("table.at_most", "expected a number at most {high}, found {value}.",
                             high=spec.maximum, value=value))
    return value


def _parse_bool(raw: Any) -> bool:
    if isinstance(raw, bool | np.bool_):
        return bool(raw)
    if isinstance(raw, numbers.Real) and raw in (0, 1):
        return bool(raw)
    word = str(raw).strip().lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        return word in TRUE_WORDS
    raise ValueError(msg("table.yes_no", "expected yes or no (true/false, 1/0, oui/non, ja/nee), found '{text}'.",
                         text=str(raw)[:40]))


def _parse_choice(text: str, column: str) -> str:
    key = _key(text)
    if column == "subsector":
        key = SUBSECTOR_ALIASES.get(key, key)
        if key in SUBSECTORS:
            return key
        raise ValueError(msg("table.unknown_subsector", "unknown sub-sector '{text}'{hint}; expected one of: "
                             "{known}.", text=text, hint=did_you_mean(key, [*SUBSECTORS, *SUBSECTOR_ALIASES], 1),
                             known=list(SUBSECTORS)))
    key = COMMUNE_ALIASES.get(key, key)
    if key in COMMUNES:
        return key
    raise ValueError(msg("table.unknown_commune", "unknown Brussels commune '{text}'{hint}", text=text,
                         hint=did_you_mean(key, [*COMMUNES, *COMMUNE_ALIASES], 1)))


def _parse_joint_committee(text: str) -> str:
    """'CP 330', '319,02', 330.0 → '330', '319.02'."""
    code = re.sub(r"^(scp|psc|cp|pc|jc|n°)\s*", "", text.lower()).replace(",", ".")
    code = code.removesuffix(".0") if re.fullmatch(r"\d{3}\.0", code) else code
    if not re.fullmatch(r"\d{3}(\.\d{2}){0,2}", code):
        raise ValueError(msg("table.joint_committee",
                             "expected a joint committee number such as 330 or 319.02, found '{text}'.", text=text))
    return code


# --- small helpers --------------------------------------------------------------------------------

def _cell(row: list[Any], position: int) -> Any:
    return row[position] if position < len(row) else None


def _cell_text(raw: Any) -> str:
    """Text of a cell; a whole number typed in Excel (12.0) reads as '12'."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def _not_a_number(raw: Any) -> Message:
    return msg("table.not_a_number", "expected a number, found '{text}'.", text=str(raw).strip()[:40])


def _format_number(value: float, decimal: str) -> str:
    """Shortest text that reads back to the same float; whole numbers without decimals."""
    if math.isnan(value):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value)).replace(".", decimal)
