"""Reading a table file into a grid of raw cells: CSV (comma, ``;`` or tab; UTF-8 or cp1252) or ``.xlsx``.

Format detection, encodings, upload size caps and refusal of binary files live here, so the
organisation reader (and any later table reader) only deals with meaning, not bytes.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from simulator.errors import InputError
from simulator.messages import Message, msg

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: Most data rows read from one table (the whole Brussels sector is a few thousand ASBLs).
MAX_ROWS = 20_000
#: Most columns read per row (the schema has about a hundred).
MAX_COLUMNS = 500
#: Largest an .xlsx may be once unzipped (a zip bomb of 100 KB can unpack to gigabytes).
MAX_XLSX_UNZIPPED_BYTES = 50 * 1024 * 1024
#: File name endings accepted for a table given by path (nothing else is opened).
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


class Grid(NamedTuple):
    """Header row and numbered data rows of a table file, as raw cells."""

    header: list[Any]
    rows: list[tuple[int, list[Any]]]  # (row number as in a spreadsheet, cells); blank rows dropped
    decimal_comma: bool  # ';'-separated: a lone "1.234" means 1234
    source: str | None


def read_grid(source: Any, name: str | None) -> Grid:
    """A grid from a DataFrame, upload bytes (≤ 5 MB), CSV text or a file path."""
    pandas = sys.modules.get("pandas")  # a DataFrame exists only once pandas is loaded
    if pandas is not None and isinstance(source, pandas.DataFrame):
        frame = source
        if source.index.name == "id" and "id" not in source.columns:
            frame = source.reset_index()
        records = [list(frame.columns)] + [list(r) for r in frame.itertuples(False, None)]
        return _grid(records, False, name)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_UPLOAD_BYTES:
            raise InputError("file", _too_large(len(data)), name)
        return _grid_from_bytes(data, "", name)
    if isinstance(source, str) and "\n" in source:
        return _grid_from_text(source, name)
    if not isinstance(source, str | Path):
        raise TypeError(f"cannot read organisations from {type(source).__name__}")
    path = Path(source)
    name = name or path.name
    if not path.is_file():
        raise InputError("file", msg("file.missing", "there is no file '{name}'.", name=path.name), name)
    if path.suffix.lower() not in TABLE_SUFFIXES:  # never open (nor quote) any other file
        raise InputError("file", msg("file.not_a_table_type", "an organisation table is a .csv or .xlsx file, not "
                                     "'{suffix}'.", suffix=path.suffix or path.name), name)
    size = path.stat().st_size
    if size > MAX_UPLOAD_BYTES:
        raise InputError("file", _too_large(size), name)
    return _grid_from_bytes(path.read_bytes(), path.suffix.lower(), name)


def _grid_from_bytes(data: bytes, suffix: str, name: str | None) -> Grid:
    if not data.strip():
        raise InputError("file", _empty(), name)
    if data.startswith(b"PK\x03\x04"):
        if b"opendocument" in data[:200]:
            raise InputError("file", msg("file.ods", "this is an OpenDocument (.ods) spreadsheet; save it as .xlsx "
                                         "or CSV."), name)
        return _grid_from_xlsx(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError("file", msg("file.xls", "this is an old Excel (.xls) file; save it as .xlsx or CSV."), name)
    if suffix in (".xlsx", ".xlsm"):
        raise InputError("file", _not_xlsx(), name)
    return _grid_from_text(_decode(data, name), name)


def _decode(data: bytes, name: str | None) -> str:
    """UTF-8 (BOM or not), else cp1252; refuse binary content."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = "\x00"
    head = text[:65536]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\r\n")
    if "\x00" in head or controls > 0.01 * len(head):
        raise InputError("file", msg("file.binary", "this does not look like a CSV or Excel file (it contains "
                                     "binary data)."), name)
    return text


def _grid_from_text(text: str, name: str | None) -> Grid:
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",", ";", "\t", key=first.count)
    try:
        records = _bounded(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), name)
    except csv.Error as problem:
        raise InputError("file", msg("file.csv_unreadable", "the CSV file could not be read ({detail}).",
                                     detail=str(problem)[:80]), name) from None
    return _grid(records, delimiter == ";", name)


def _bounded(rows: Any, name: str | None) -> list[list[Any]]:
    """At most :data:`MAX_ROWS` + 1 rows of at most :data:`MAX_COLUMNS` cells: refuse beyond.

    Reading stops at the first row over the limit, so the work is bounded whatever the file.
    """
    records: list[list[Any]] = []
    filled = 0
    for row in rows:
        if len(row) > MAX_COLUMNS and any(not is_blank(c) for c in row[MAX_COLUMNS:]):
            raise InputError("file", msg("file.too_many_columns", "row {row} has more than {max} columns; is this "
                                         "an organisation table?", row=len(records) + 1, max=MAX_COLUMNS), name)
        cells = list(row[:MAX_COLUMNS])
        records.append(cells)
        filled += not all(map(is_blank, cells))
        if filled > MAX_ROWS + 1 or len(records) > 2 * MAX_ROWS:  # header + MAX_ROWS organisations
            raise InputError("file", msg("file.too_many_rows", "the table has more than {max} rows; split it or "
                                         "keep only the candidate organisations.", max=MAX_ROWS), name)
    return records


def _grid_from_xlsx(data: bytes, name: str | None) -> Grid:
    """First sheet, or the one named 'organisations'; header in its first non-empty row."""
    import openpyxl

    _check_unzipped_size(data, name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # corrupt zip, missing parts…: openpyxl raises many kinds
        raise InputError("file", _not_xlsx(), name) from None
    try:
        sheets = book.worksheets
        sheet = next((s for s in sheets if key(s.title) in ("organisations", "organizations",
                                                             "organisaties")), sheets[0])
        records = _bounded(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1), name)
    finally:
        book.close()
    return _grid(records, False, name)


def _check_unzipped_size(data: bytes, name: str | None) -> None:
    """Refuse an .xlsx whose parts unzip to more than :data:`MAX_XLSX_UNZIPPED_BYTES`."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError("file", _not_xlsx(), name) from None
    if total > MAX_XLSX_UNZIPPED_BYTES:
        raise InputError("file", msg("file.unzipped_too_large", "this workbook unpacks to {size} MB; the limit is "
                                     "{max} MB.", size=round(total / 1e6), max=MAX_XLSX_UNZIPPED_BYTES // 2**20), name)


def _grid(records: list[list[Any]], decimal_comma: bool, name: str | None) -> Grid:
    numbered = [(n, r) for n, r in enumerate(records, start=1) if not all(map(is_blank, r))]
    if not numbered:
        raise InputError("file", _empty(), name)
    return Grid(numbered[0][1], numbered[1:], decimal_comma, name)


def _too_large(size: int) -> Message:
    return msg("file.too_large", "the file is {size} MB; the limit is {max} MB.", size=round(size / 1e6, 1),
               max=MAX_UPLOAD_BYTES // 2**20)


def _empty() -> Message:
    return msg("file.empty", "the file is empty.")


def _not_xlsx() -> Message:
    return msg("file.not_xlsx", "this file could not be read as an Excel workbook (.xlsx).")


def is_blank(value: Any) -> bool:
    """An empty cell: ``None``, NaN/NaT, pandas' missing markers, or text of only spaces.

    Never loads pandas: a pandas missing marker can only exist once pandas is loaded, and a
    number, a date or a numpy NaN is told without it (issue 15: reading a table stays pandas-free).
    """
    if isinstance(value, str):
        return not value.strip()
    if value is None or isinstance(value, float):
        return value is None or value != value  # None or NaN
    if isinstance(value, int):  # bool included: an Excel number or yes/no is never blank
        return False
    pandas = sys.modules.get("pandas")
    try:
        if pandas is not None:
            return bool(pandas.isna(value))
        return bool(value != value)  # numpy NaN/NaT scalars; dates and text-likes are never blank
    except (TypeError, ValueError):  # list-like cell
        return False


def key(text: str) -> str:
    """Lowercase ASCII words joined by '_': 'Saint-Gilles' → 'saint_gilles'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
