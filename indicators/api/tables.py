"""One table of the export (`python -m indicators export`) as CSV, JSON or Parquet, written in
chunks so that a large table streams.

The rows are export's own (indicators.export.select_tables for the unit and years), and each
format is export's writer applied to them: the CSV is the bytes of the `<table>.csv` that
`export --format csv` zips (UTF-8 with BOM, headers in `lang`, codes in words beside their
codes, text guarded against formulas), written CHUNK_ROWS rows at a time; the Parquet is the
bytes of its `<table>.parquet`. JSON has the schema's column names and plain values (numbers,
true/false, null for a missing value, dates in ISO 8601)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd

from indicators import sources
from indicators.dataset import Dataset
from indicators.export import TABLES, select_tables, to_csv, to_parquet
from indicators.selection import Selection, select

FORMATS = ("csv", "json", "parquet")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
}
CHUNK_ROWS = 5_000
CHUNK_BYTES = 1 << 20
BOM = "\ufeff".encode()


def selected(
    dataset: Dataset,
    table: str,
    unit: str | None,
    year_from: int | None,
    year_to: int | None,
    lang: str,
) -> tuple[Selection, pd.DataFrame]:
    """The selection and the rows of `table`, as `export` selects them (UnitNotFound,
    UnitAmbiguous, SelectionError for a filter that cannot be applied)."""
    selection = select(dataset, unit, year_from, year_to)
    return selection, select_tables(dataset, selection, lang)[table]


def csv_chunks(frame: pd.DataFrame, lang: str, rows: int = CHUNK_ROWS) -> Iterator[bytes]:
    """export's CSV of `frame` (indicators.export.to_csv), `rows` rows at a time: the chunks
    joined are its bytes."""
    yield to_csv(frame.iloc[:rows], lang)
    for start in range(rows, len(frame), rows):
        text = to_csv(frame.iloc[start : start + rows], lang)
        yield text[text.index(b"\r\n") + 2 :]  # without the BOM and the header line


def parquet_chunks(frame: pd.DataFrame, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """export's Parquet file of `frame` (indicators.export.to_parquet), in pieces of `size`."""
    data = to_parquet(frame)
    for start in range(0, max(len(data), 1), size):
        yield data[start : start + size]


def plain(value: Any) -> Any:
    """A cell as a JSON value: a missing value is None, numpy numbers Python's, a date ISO."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return plain(value.item())
    return value


def json_chunks(
    frame: pd.DataFrame, head: dict[str, Any], rows: int = CHUNK_ROWS
) -> Iterator[bytes]:
    """`{…head, "columns": [...], "rows": [{column: value}, …]}`, `rows` rows at a time."""
    columns = [str(c) for c in frame.columns]
    opening = {**head, "columns": columns}
    yield (json.dumps(opening, ensure_ascii=False)[:-1] + ', "rows": [').encode()
    for start in range(0, len(frame), rows):
        part = frame.iloc[start : start + rows].astype(object)
        lines = (
            json.dumps(dict(zip(columns, map(plain, row), strict=True)), ensure_ascii=False)
            for row in part.itertuples(index=False, name=None)
        )
        yield (("," if start else "") + ",".join(lines)).encode()
    yield b"]}"


def head(table: str, selection: Selection, frame: pd.DataFrame, lang: str) -> dict[str, Any]:
    """What a JSON table says before its rows: the table, the filters, the demo flag."""
    return {
        "table": table,
        "unit_code": selection.unit_code,
        "unit_name": selection.unit_name,
        "from": selection.year_from,
        "to": selection.year_to,
        "lang": lang,
        "rows_count": len(frame),
        "demo": sources.any_demo(frame),
    }


def chunks(
    fmt: str, table: str, selection: Selection, frame: pd.DataFrame, lang: str
) -> Iterator[bytes]:
    """The body of `table` in `fmt` (one of FORMATS)."""
    if fmt == "csv":
        return csv_chunks(frame, lang)
    if fmt == "parquet":
        return parquet_chunks(frame)
    return json_chunks(frame, head(table, selection, frame, lang))


def split_name(name: str) -> tuple[str, str] | None:
    """'par_scores.csv' -> ('par_scores', 'csv'); None when the name ends in no format."""
    stem, dot, fmt = name.rpartition(".")
    return (stem, fmt) if dot and fmt in FORMATS else None


__all__ = ["FORMATS", "MEDIA_TYPES", "TABLES", "chunks", "selected", "split_name"]
