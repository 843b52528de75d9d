"""The files: CSV (one table, or a ZIP of tables), XLSX and a ZIP of Parquet files, as bytes;
text cells guarded against spreadsheet formulas."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from indicators import schema as s
from indicators.escaping import web_url
from indicators.export.filters import filters_frame
from indicators.export.reading import NUMBER_FORMATS, headers, sheet_name, words_and_codes
from indicators.export.tables import FILTERS
from indicators.i18n import check_lang, t
from indicators.selection import Selection, file_name

FORMATS = ("csv", "xlsx", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.00"

# --- formula injection ------------------------------------------------------------------------


def guard_text(text: str) -> str:
    """Text that cannot run as a spreadsheet formula: a leading ' before =, +, -, @, tab, CR."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series.dtype) or series.dtype == object


def guarded(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns are guarded; number and boolean columns are untouched."""
    out = frame.copy()
    for column in out.columns:
        if _is_text(out[column]):
            out[column] = (
                out[column]
                .map(lambda v: guard_text(v) if isinstance(v, str) else v, na_action="ignore")
                .astype(out[column].dtype)
            )
    return out


# --- CSV and Parquet --------------------------------------------------------------------------


def to_csv(frame: pd.DataFrame, lang: str) -> bytes:
    """One table as CSV: UTF-8 with BOM, headers in `lang`, coded values in words (codes beside
    them), text guarded, NA as an empty field."""
    out = guarded(words_and_codes(frame, lang))
    out.columns = headers(out.columns, lang)
    return out.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_parquet(frame: pd.DataFrame) -> bytes:
    """One table as Parquet (pyarrow), schema column names, types kept."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def _zip(members: dict[str, bytes], exported: date) -> bytes:
    """A ZIP of the members, dated with the export date (same input, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(
                name, date_time=(exported.year, exported.month, exported.day, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _with_filters(
    tables: dict[str, pd.DataFrame],
    selection: Selection,
    lang: str,
    exported: date,
    extra: Sequence[tuple[str, str]] = (),
) -> dict[str, pd.DataFrame]:
    return {**tables, FILTERS: filters_frame(selection, tables, lang, exported, extra)}


def to_csv_zip(
    tables: dict[str, pd.DataFrame], selection: Selection, lang: str, exported: date | None = None
) -> bytes:
    """A ZIP with `<table>.csv` for every table and `filters.csv`."""
    day = exported or date.today()
    frames = _with_filters(tables, selection, lang, day)
    return _zip({f"{name}.csv": to_csv(f, lang) for name, f in frames.items()}, day)


def to_parquet_zip(
    tables: dict[str, pd.DataFrame], selection: Selection, lang: str, exported: date | None = None
) -> bytes:
    """A ZIP with `<table>.parquet` for every table and `filters.parquet` (labels in `lang`)."""
    day = exported or date.today()
    frames = _with_filters(tables, selection, lang, day)
    return _zip({f"{name}.parquet": to_parquet(f) for name, f in frames.items()}, day)


# --- XLSX -------------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_MAX_WIDTH = 60


def to_xlsx(
    tables: dict[str, pd.DataFrame],
    selection: Selection,
    lang: str,
    exported: date | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> bytes:
    """A workbook with one sheet per table, then the filters sheet ("Bộ lọc" / "Filters")."""
    day = exported or date.today()
    workbook = Workbook(write_only=True)
    for name, frame in _with_filters(tables, selection, lang, day, extra).items():
        _write_sheet(workbook.create_sheet(sheet_name(name, lang)), frame, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame, lang: str) -> None:
    frame = words_and_codes(frame, lang)
    titles = headers(frame.columns, lang)
    for i, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _width(frame[column], titles[i - 1])
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
    sheet.append([_styled(sheet, text, font=_BOLD) for text in titles])
    makers = [_cell_maker(sheet, frame[c]) for c in frame.columns]
    for row in _python_rows(frame):
        sheet.append([make(value) for make, value in zip(makers, row, strict=True)])


def _width(series: pd.Series, title: str) -> float:
    sample = series.head(500).dropna().astype("string").str.len()
    longest = int(sample.max()) if len(sample) else 0
    return float(min(max(len(title), longest, 6) + 2, _MAX_WIDTH))


def _python_rows(frame: pd.DataFrame) -> Iterator[tuple[Any, ...]]:
    """Rows of plain Python values; every kind of missing value becomes None."""
    plain = frame.astype(object)
    return plain.where(frame.notna(), None).itertuples(index=False, name=None)


def _styled(sheet: WriteOnlyWorksheet, value: Any, **style: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _cell_maker(sheet: WriteOnlyWorksheet, series: pd.Series) -> Callable[[Any], Any]:
    """How to write one value of the column: guarded text, a formatted number, a link…"""
    if series.name == s.URL:
        return lambda v: v if v is None else _link(sheet, v)
    if _is_text(series):
        return lambda v: guard_text(v) if isinstance(v, str) else v
    if pd.api.types.is_bool_dtype(series.dtype) or not pd.api.types.is_numeric_dtype(series.dtype):
        return lambda v: v
    fmt = NUMBER_FORMATS.get(str(series.name))
    if fmt is None:
        fmt = INT_FORMAT if pd.api.types.is_integer_dtype(series.dtype) else FLOAT_FORMAT
    return lambda v: v if v is None else _styled(sheet, v, number_format=fmt)


def _link(sheet: WriteOnlyWorksheet, url: str) -> WriteOnlyCell | str:
    """A source's address, a live link only when it is an http(s) one that parses
    (indicators.escaping.web_url): the text alone otherwise."""
    if web_url(url) is None:
        return guard_text(url)
    cell = _styled(sheet, guard_text(url), style="Hyperlink")
    cell.hyperlink = url
    return cell


# --- one entry point for the UI and the command line ----------------------------------------

MEDIA_TYPES = {
    "csv": "application/zip",
    "parquet": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_WRITERS = {"csv": to_csv_zip, "xlsx": to_xlsx, "parquet": to_parquet_zip}


def export_bytes(
    fmt: str,
    tables: dict[str, pd.DataFrame],
    selection: Selection,
    lang: str = "vi",
    exported: date | None = None,
) -> bytes:
    """The download in `fmt` ('csv' and 'parquet' give a ZIP, 'xlsx' a workbook)."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
    check_lang(lang)
    return _WRITERS[fmt](tables, selection, lang, exported)


def export_filename(fmt: str, selection: Selection, lang: str = "vi") -> str:
    """'du-lieu-cchc-nam-tu-liem-2016-2019.xlsx'; CSV and Parquet downloads end in .zip."""
    ext = "xlsx" if fmt == "xlsx" else f"{fmt}.zip"
    return file_name(t("export_file_prefix", lang), selection, ext)
