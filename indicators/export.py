"""Downloads of exactly the filtered data: CSV, XLSX and Parquet, as bytes.

`filtered_tables(dataset, unit, year_from, year_to)` selects the rows; the writers turn them
into files. The tables, in this order:

- ``par_scores``: the unit's (or every unit's) scores in the years, with `unit_name` and the
  rank recomputed among all units of the same index and year (`rank`, `units_ranked`,
  `rank_change`; NA where the year cannot be ranked, see indicators.rankings);
- ``procedures`` and ``dossier_stats``: the catalogue and the dossier counts, with `unit_name`;
- ``sources``: the sources those rows cite (id, title, publisher, url, kind).

Every table keeps its `demo` column so that generated rows stay visible. Formats:

- CSV: one table per file, UTF-8 with a byte-order mark (Excel then shows Vietnamese), comma
  separated, "." as the decimal mark (machine-readable; the XLSX is the file for reading in
  Excel), headers in the chosen language. Several tables go into one ZIP: ``<table>.csv``
  for each table plus ``filters.csv``.
- XLSX: one sheet per table (bold frozen header, real number cells with number formats, column
  widths, a filter), the sources sheet ("Nguồn") with clickable URLs, and the filters sheet
  ("Bộ lọc": unit, years, language, export date, dataset source, row counts).
- Parquet: a ZIP with ``<table>.parquet`` for each table plus ``filters.parquet``. Column names
  stay the schema's (``unit_code``, ``score``…) in every language, so that scripts reading them
  do not depend on the language; types are kept (Int64, Float64, boolean, string).

Spreadsheet formula injection (OWASP "CSV injection"): in CSV and XLSX a text cell starting
with =, +, -, @, a tab or a carriage return gets a leading single quote, so that it can never
run as a formula. Numbers are numbers, never text, so a negative number is not touched.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from indicators import schema as s
from indicators import sources
from indicators.dataset import Dataset
from indicators.formatting import fmt_number, fmt_signed, is_missing
from indicators.i18n import STRINGS, t
from indicators.online import ERA
from indicators.rankings import (
    RANK,
    RANK_CHANGE,
    RANKED_BY,
    SCORE_CHANGE,
    UNITS_RANKED,
    UNITS_SHOWN,
    RankingError,
    rank_table,
)
from indicators.selection import Selection, file_name, select
from indicators.views import SERIES

LANGS = ("vi", "en")
PAR_SCORES, PROCEDURES, DOSSIER_STATS, SOURCES = (
    "par_scores",
    "procedures",
    "dossier_stats",
    "sources",
)
FILTERS = "filters"
ROWS = "rows"  # the rows behind one chart of the dashboard (see `rows_bytes`)
TABLES = (PAR_SCORES, PROCEDURES, DOSSIER_STATS, SOURCES)
UNIT_NAME = "unit_name"
ITEM, VALUE = "item", "value"
FORMATS = ("csv", "xlsx", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_RANK_COLUMNS = (RANK, UNITS_RANKED, RANK_CHANGE)
_SOURCE_COLUMNS = sources.TABLE_COLUMNS  # the sources sheet (indicators.sources.table)


def _with_unit_name(columns: list[str]) -> list[str]:
    i = columns.index(s.UNIT_CODE) + 1
    return [*columns[:i], UNIT_NAME, *columns[i:]]


def _provenance_last(columns: list[str]) -> list[str]:
    rest = [c for c in columns if c not in (s.DEMO, s.SOURCE_ID, s.NOTE)]
    return [*rest, *(c for c in (s.DEMO, s.SOURCE_ID, s.NOTE) if c in columns)]


def _par_columns() -> list[str]:
    base = _with_unit_name(s.PAR_SCORES.names)
    i = base.index(s.MAX_SCORE) + 1
    return _provenance_last([*base[:i], *_RANK_COLUMNS, *base[i:]])


COLUMNS: dict[str, tuple[str, ...]] = {
    PAR_SCORES: tuple(_par_columns()),
    PROCEDURES: tuple(_provenance_last(_with_unit_name(s.PROCEDURES.names))),
    DOSSIER_STATS: tuple(_provenance_last(_with_unit_name(s.DOSSIER_STATS.names))),
    SOURCES: _SOURCE_COLUMNS,
    FILTERS: (ITEM, VALUE),
}

# Every column of every table above, (vi, en). tests/test_export.py checks none is missing.
HEADERS: dict[str, tuple[str, str]] = {
    s.INDEX_ID: ("Chỉ số", "Index"),
    s.UNIT_CODE: ("Mã đơn vị", "Unit code"),
    UNIT_NAME: ("Tên đơn vị", "Unit name"),
    s.YEAR: ("Năm", "Year"),
    s.COMPONENT: ("Thành phần", "Component"),
    s.SCORE: ("Điểm", "Score"),
    s.MAX_SCORE: ("Điểm tối đa", "Maximum score"),
    RANK: ("Thứ hạng (tính từ điểm)", "Rank (computed from scores)"),
    UNITS_RANKED: ("Số đơn vị được xếp hạng", "Units ranked"),
    RANK_CHANGE: ("Thay đổi thứ hạng (+ là tăng bậc)", "Rank change (+ = moved up)"),
    s.RANK_PUBLISHED: ("Thứ hạng công bố", "Published rank"),
    s.RANK_BASIS: ("Căn cứ thứ hạng công bố", "Basis of the published rank"),
    s.DEMO: ("Dữ liệu minh họa", "Demo data"),
    s.SOURCE_ID: ("Mã nguồn", "Source id"),
    s.NOTE: ("Ghi chú", "Note"),
    s.PROCEDURE_CODE: ("Mã thủ tục", "Procedure code"),
    s.PROCEDURE_NAME: ("Tên thủ tục", "Procedure name"),
    s.FIELD: ("Lĩnh vực", "Field"),
    s.ONLINE_LEVEL: ("Mức độ trực tuyến", "Online level"),
    s.LEGAL_DAYS: ("Số ngày theo quy định", "Legal days"),
    s.COMMITTED_DAYS: ("Số ngày cam kết", "Committed days"),
    s.ONE_STOP: ("Một cửa", "One-stop"),
    s.MONTH: ("Tháng", "Month"),
    s.RECEIVED: ("Hồ sơ tiếp nhận", "Dossiers received"),
    s.ONLINE: ("Hồ sơ nộp trực tuyến", "Submitted online"),
    s.ON_TIME: ("Giải quyết đúng hạn (gồm trước hạn)", "Resolved on time (early included)"),
    s.EARLY: ("Giải quyết trước hạn", "Resolved early"),
    s.LATE: ("Giải quyết trễ hạn", "Resolved late"),
    s.PENDING: ("Đang giải quyết", "Pending"),
    s.ID: ("Mã nguồn", "Source id"),
    s.TITLE: ("Tiêu đề", "Title"),
    s.PUBLISHER: ("Nơi công bố", "Publisher"),
    s.URL: ("Địa chỉ", "URL"),
    s.SOURCE_KIND: ("Loại nguồn", "Kind"),
    "citation": ("Trích dẫn", "Citation"),
    UNITS_SHOWN: ("Số đơn vị trong bảng", "Units in the table"),
    RANKED_BY: ("Cách xếp hạng", "Ranked by"),
    s.PERIOD: ("Kỳ", "Period"),
    s.INDICATOR: ("Chỉ tiêu", "Indicator"),
    s.VALUE: ("Giá trị", "Value"),
    s.COMPARATOR: ("So sánh (> : hơn)", "Comparator (> : more than)"),
    s.MAX_VALUE: ("Giá trị tối đa", "Maximum"),
    s.REPRINT: ("Chỉ có bản đăng lại", "Reprint only"),
    s.EXCERPT: ("Trích đoạn", "Excerpt"),
    ITEM: ("Mục", "Item"),
    VALUE: ("Giá trị", "Value"),
}

# The columns of the dashboard's views (indicators.views) that the tables above do not have:
# the rows behind a chart are downloaded with these headers (see `rows_bytes`). A column that
# is in neither keeps its own name (`header`). tests/test_export.py checks every view's columns.
VIEW_HEADERS: dict[str, tuple[str, str]] = {
    s.NAME_VI: ("Tên đơn vị", "Unit name"),
    s.LEVEL: ("Cấp", "Level"),
    "score_change": ("Thay đổi điểm", "Score change"),
    "series": ("Chuỗi số liệu", "Series"),
    "source_ids": ("Mã nguồn", "Source ids"),
    "value": ("Giá trị (số)", "Value (number)"),
    "previous": ("Giá trị năm trước (số)", "Previous year (number)"),
    "procedures": ("Số thủ tục", "Procedures"),
    "era": ("Cách phân loại", "Classification"),
    "share": ("Tỷ lệ nộp trực tuyến (%)", "Share filed online (%)"),
    "resolved": ("Hồ sơ đã giải quyết", "Dossiers resolved"),
    "on_time_rate": ("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
    "early_rate": ("Tỷ lệ trước hạn (%)", "Early rate (%)"),
    "late_rate": ("Tỷ lệ trễ hạn (%)", "Late rate (%)"),
    "online_rate": ("Tỷ lệ nộp trực tuyến (%)", "Share filed online (%)"),
    "on_time_only_rate": (
        "Tỷ lệ đúng hạn, không kể trước hạn (%)",
        "On-time rate, early excluded (%)",
    ),
    "days_known": ("Số thủ tục có số ngày", "Procedures with known days"),
    "shortened": ("Số thủ tục rút ngắn", "Procedures shortened"),
    "fields": ("Các lĩnh vực", "Fields"),
    "n_fields": ("Số lĩnh vực", "Number of fields"),
    "days_saved_total": ("Tổng số ngày rút ngắn", "Days saved, total"),
    "saved_pct_mean": ("Tỷ lệ thời gian rút ngắn bình quân (%)", "Mean share of time saved (%)"),
    "days_saved": ("Số ngày rút ngắn", "Days saved"),
}

SHEETS: dict[str, tuple[str, str]] = {
    PAR_SCORES: ("Điểm CCHC", "PAR scores"),
    PROCEDURES: ("Thủ tục", "Procedures"),
    DOSSIER_STATS: ("Hồ sơ", "Dossiers"),
    SOURCES: ("Nguồn", "Sources"),
    FILTERS: ("Bộ lọc", "Filters"),
    ROWS: ("Dữ liệu", "Data"),
}

# Excel number formats; the reader's locale decides the separators (98,67 in Vietnamese Excel).
_PLAIN_INT = "0"
NUMBER_FORMATS: dict[str, str] = {
    s.YEAR: _PLAIN_INT,
    s.MONTH: _PLAIN_INT,
    RANK: _PLAIN_INT,
    UNITS_RANKED: _PLAIN_INT,
    s.RANK_PUBLISHED: _PLAIN_INT,
    RANK_CHANGE: "+0;-0;0",
    s.SCORE: "0.00",
    s.MAX_SCORE: "0.00",
}
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.00"


def _lang_index(lang: str) -> int:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return LANGS.index(lang)


def header(column: str, lang: str) -> str:
    """The column's header in `lang` ('vi' or 'en'); a column without one keeps its name."""
    i = _lang_index(lang)
    known = HEADERS.get(column) or VIEW_HEADERS.get(column)
    return known[i] if known else str(column)


def headers(columns: Iterable[str], lang: str) -> list[str]:
    """The headers of `columns` in `lang`, never twice the same: a header already taken (a
    view's own 'Giá trị' column next to its `value`) becomes the column's view header, else
    gets the column's name in brackets."""
    out: list[str] = []
    i = _lang_index(lang)
    for column in columns:
        text = header(column, lang)
        if text in out and column in VIEW_HEADERS and VIEW_HEADERS[column][i] not in out:
            text = VIEW_HEADERS[column][i]
        elif text in out:
            text = f"{text} ({column})"
        out.append(text)
    return out


# On screen (rows_for_reading): years and ranks as they are, changes with their sign (+3,
# -1,25), a missing value as a dash.
_PLAIN_COLUMNS = {c for c, number_format in NUMBER_FORMATS.items() if number_format == _PLAIN_INT}
_CHANGE_COLUMNS = {RANK_CHANGE, SCORE_CHANGE}
# Columns mixing counts, ranks and percentages (the headline figures' table): a whole number
# is written without decimals there ("26", not "26,00"), a fraction with two.
_MIXED_COLUMNS = {VALUE, "previous"}
MISSING_CELL = "–"


def _cell_text(value: Any, lang: str, column: str, decimals: int) -> Any:
    if is_missing(value):
        return MISSING_CELL
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if column in _PLAIN_COLUMNS:
        return str(int(value))
    if column in _MIXED_COLUMNS and float(value).is_integer():
        decimals = 0
    write = fmt_signed if column in _CHANGE_COLUMNS else fmt_number
    return write(value, lang, decimals)


# Coded values a reader sees in words (the i18n key of a value is the prefix + the value):
# "district" reads "Cấp huyện", "full" reads "Toàn trình".
VALUE_KEYS: dict[str, str] = {
    s.LEVEL: "unit_level_",
    s.ONLINE_LEVEL: "level_",
    ERA: "era_",
    SERIES: "series_",
    s.INDEX_ID: "index_",
    s.COMPONENT: "component_",
    s.RANK_BASIS: "rank_basis_",
    s.INDICATOR: "fig_",
    RANKED_BY: "ranked_by_",
}


def value_text(column: str, value: Any, lang: str) -> Any:
    """A coded value of `column` in words in `lang`, a missing one as '–'; any other value
    as it is."""
    if is_missing(value):
        return MISSING_CELL
    key = f"{VALUE_KEYS[column]}{value}" if column in VALUE_KEYS else None
    return t(key, lang) if key in STRINGS else value


def rows_for_reading(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows behind a chart as a reader sees them on screen: headers in `lang`, coded values
    in words ("district" reads "Cấp huyện"), numbers written the language's way
    (1.234 and 98,67 in Vietnamese, where 99.3387 would read as ninety-nine thousand), years
    and ranks plain, a missing value as '–', lists joined by '; '. The downloads keep the
    numbers as numbers and the codes as codes."""
    out = plain_rows(rows)
    for column in out.columns:
        values = out[column]
        if column in VALUE_KEYS:
            out[column] = [value_text(column, v, lang) for v in values.tolist()]
            continue
        if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
            continue
        decimals = 0 if pd.api.types.is_integer_dtype(values) else 2
        out[column] = [_cell_text(v, lang, column, decimals) for v in values.tolist()]
    out.columns = headers(out.columns, lang)
    return out


def sheet_name(table: str, lang: str) -> str:
    return SHEETS[table][_lang_index(lang)]


# --- selecting ------------------------------------------------------------------------------


def filtered_tables(
    dataset: Dataset,
    unit: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    lang: str = "vi",
) -> dict[str, pd.DataFrame]:
    """The tables of the export for a unit (code or name) and years (inclusive), see above."""
    return select_tables(dataset, select(dataset, unit, year_from, year_to), lang)


def select_tables(
    dataset: Dataset, selection: Selection, lang: str = "vi"
) -> dict[str, pd.DataFrame]:
    """`filtered_tables` for an already resolved selection (citations in `lang`)."""
    tables = {
        PAR_SCORES: _par_scores(dataset, selection),
        PROCEDURES: _named(selection.rows(dataset.procedures), dataset.units, PROCEDURES),
        DOSSIER_STATS: _named(selection.rows(dataset.dossier_stats), dataset.units, DOSSIER_STATS),
    }
    ids = [i for table in tables.values() for i in sources.ids_of(table)]
    tables[SOURCES] = sources.table(sources.citations(dataset, ids), lang)
    return tables


def _named(rows: pd.DataFrame, units: pd.DataFrame, table: str) -> pd.DataFrame:
    """`rows` with the unit's name in their year, the export's columns, sorted by the key."""
    out = rows.merge(_names_by_year(rows, units), on=[s.UNIT_CODE, s.YEAR], how="left")
    key = [c for c in s.TABLES[table].key if c in out.columns]
    out = out.sort_values(key, na_position="first", kind="stable").reset_index(drop=True)
    return out[list(COLUMNS[table])]


def _names_by_year(rows: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Per (unit_code, year) of `rows`, the name of the unit version valid that year.

    A unit with no version valid in the year (a data gap) gets its latest name.
    """
    pairs = rows[[s.UNIT_CODE, s.YEAR]].drop_duplicates()
    versions = units[[s.CODE, s.NAME_VI, s.VALID_FROM, s.VALID_TO]]
    joined = pairs.merge(versions, left_on=s.UNIT_CODE, right_on=s.CODE, how="left")
    years = joined[s.YEAR].astype("int64")
    first = pd.to_datetime(pd.DataFrame({"year": years, "month": 1, "day": 1}))
    last = first + pd.offsets.YearEnd(0)
    valid = (joined[s.VALID_FROM] <= last) & (
        joined[s.VALID_TO].isna() | (joined[s.VALID_TO] >= first)
    )
    joined = joined.assign(_valid=valid.fillna(False).astype(bool))
    joined = joined.sort_values(["_valid", s.VALID_FROM], na_position="first", kind="stable")
    chosen = joined.drop_duplicates([s.UNIT_CODE, s.YEAR], keep="last")
    return chosen[[s.UNIT_CODE, s.YEAR, s.NAME_VI]].rename(columns={s.NAME_VI: UNIT_NAME})


def _par_scores(dataset: Dataset, selection: Selection) -> pd.DataFrame:
    rows = selection.rows(dataset.par_scores)
    ranks = _computed_ranks(dataset, rows)
    merged = rows.merge(ranks, on=[s.INDEX_ID, s.COMPONENT, s.UNIT_CODE, s.YEAR], how="left")
    return _named(merged, dataset.units, PAR_SCORES)


def _computed_ranks(dataset: Dataset, rows: pd.DataFrame) -> pd.DataFrame:
    """Rank, units ranked and rank change of each row, ranked among all units of its year.

    A year that cannot be ranked (mixed levels, non-overlapping units: RankingError) is left
    without ranks rather than ranked wrongly.
    """
    keys = [s.INDEX_ID, s.COMPONENT, s.UNIT_CODE, s.YEAR]
    groups = rows[[s.INDEX_ID, s.COMPONENT, s.YEAR]].dropna().drop_duplicates()
    tables = []
    for index_id, component, year in groups.itertuples(index=False, name=None):
        try:
            table = rank_table(dataset.par_scores, dataset.units, index_id, int(year), component)
        except RankingError:
            continue
        tables.append(table.assign(**{s.INDEX_ID: index_id, s.COMPONENT: component}))
    dtypes = {c: rows[c].dtype for c in keys} | dict.fromkeys(_RANK_COLUMNS, "Int64")
    if not tables:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()})
    ranked = pd.concat([t[[*keys, *_RANK_COLUMNS]] for t in tables], ignore_index=True)
    return ranked.astype(dtypes)


# --- the filters that produced an export -------------------------------------------------------

_FILTER_LABELS = {
    "unit": ("Đơn vị", "Unit"),
    "from": ("Từ năm", "From year"),
    "to": ("Đến năm", "To year"),
    "lang": ("Ngôn ngữ", "Language"),
    "date": ("Ngày xuất", "Exported on"),
    "source": ("Nguồn dữ liệu", "Dataset source"),
    "rows": ("Số dòng: {}", "Rows: {}"),
    "demo": ("Cột «Dữ liệu minh họa»", "Column “Demo data”"),
    "banner": ("Dữ liệu minh họa", "Demo data"),
}
_ALL = {"unit": ("Tất cả đơn vị", "All units"), "year": ("Không giới hạn", "No limit")}
_BANNER = (
    "CÓ SỐ LIỆU MINH HỌA — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC (các dòng có cột «Dữ liệu minh họa» = TRUE)",
    "DEMO DATA INCLUDED — NOT OFFICIAL FIGURES (the rows whose “Demo data” column is TRUE)",
)
_NO_DEMO = (
    "Không có: mọi dòng là số liệu công bố hoặc do cơ quan nhập",
    "None: every row is a published figure or data an office imported",
)
_DEMO_NOTE = (
    "TRUE: dòng do bộ sinh dữ liệu minh họa tạo ra, không phải số liệu công bố",
    "TRUE: the row was made by the demo generator; it is not a published figure",
)


def fmt_date(day: date, lang: str) -> str:
    """28/11/2025 in Vietnamese, 2025-11-28 in English."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def filters_frame(
    selection: Selection,
    tables: dict[str, pd.DataFrame],
    lang: str,
    exported: date,
    extra: Sequence[tuple[str, str]] = (),
) -> pd.DataFrame:
    """Two text columns, item and value: what the export contains and where it came from.

    `extra` (item, value) pairs, already in `lang`, follow the unit and the years (the
    dashboard adds its index, field and the chart's title)."""
    i = _lang_index(lang)
    unit = f"{selection.unit_code} {selection.unit_name}" if selection.unit_code else None
    rows = [
        ("unit", unit or _ALL["unit"][i]),
        ("from", _year_text(selection.year_from, i)),
        ("to", _year_text(selection.year_to, i)),
    ]
    items = [_FILTER_LABELS[k][i] for k, _ in rows] + [str(item) for item, _ in extra]
    values = [v for _, v in rows] + [str(value) for _, value in extra]
    for key, value in (
        ("lang", lang),
        ("date", fmt_date(exported, lang)),
        ("source", selection.source),
    ):
        items.append(_FILTER_LABELS[key][i])
        values.append(value)
    for name, frame in tables.items():
        items.append(_FILTER_LABELS["rows"][i].format(sheet_name(name, lang)))
        values.append(str(len(frame)))
    items.append(_FILTER_LABELS["demo"][i])
    values.append(_DEMO_NOTE[i])
    demo = any(sources.any_demo(frame) for frame in tables.values())
    items.insert(0, _FILTER_LABELS["banner"][i])
    values.insert(0, _BANNER[i] if demo else _NO_DEMO[i])
    return pd.DataFrame({ITEM: items, VALUE: values}, dtype="string")


def _year_text(year: int | None, i: int) -> str:
    return _ALL["year"][i] if year is None else str(year)


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
    """One table as CSV: UTF-8 with BOM, headers in `lang`, text guarded, NA as an empty field."""
    out = guarded(frame)
    out.columns = headers(frame.columns, lang)
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


def _link(sheet: WriteOnlyWorksheet, url: str) -> WriteOnlyCell:
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
_FILE_PREFIX = {"vi": "du-lieu-cchc", "en": "par-data"}


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
    _lang_index(lang)
    return _WRITERS[fmt](tables, selection, lang, exported)


def export_filename(fmt: str, selection: Selection, lang: str = "vi") -> str:
    """'du-lieu-cchc-nam-tu-liem-2016-2019.xlsx'; CSV and Parquet downloads end in .zip."""
    ext = "xlsx" if fmt == "xlsx" else f"{fmt}.zip"
    return file_name(_FILE_PREFIX[LANGS[_lang_index(lang)]], selection, ext)


# --- the rows behind one chart: the dashboard's downloads -----------------------------------

ROW_FORMATS = ("csv", "xlsx", "parquet")
ROW_MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": MEDIA_TYPES["xlsx"],
    "parquet": "application/vnd.apache.parquet",
}
_SOURCE_IDS = "source_ids"  # the views' list of source ids (indicators.provenance)


def _is_list(value: Any) -> bool:
    return isinstance(value, tuple | list)


def plain_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """A copy where list-valued cells (source ids, fields) are text joined by '; '."""
    out = rows.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(_is_list).any():
            out[column] = out[column].map(lambda v: "; ".join(map(str, v)) if _is_list(v) else v)
    return out


def _parquet_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows Parquet can store: list cells stay lists (list<string>) when the whole column is
    lists or missing; any other mixed column becomes text."""
    out = rows.copy()
    for column in out.columns:
        if out[column].dtype != object:
            continue
        values = out[column]
        present = values[values.notna()]
        if len(present) and present.map(_is_list).all():
            out[column] = values.map(lambda v: [str(x) for x in v] if _is_list(v) else None)
        elif len(present) and not present.map(lambda v: isinstance(v, str)).all():
            out[column] = plain_rows(values.to_frame())[column].map(
                lambda v: None if v is None or v is pd.NA else str(v)
            )
    return out


def rows_selection(
    rows: pd.DataFrame,
    *,
    unit_code: str,
    unit_name: str,
    year: int,
    source: str,
) -> Selection:
    """The unit and years that the rows of a dashboard view cover (the filters sheet and the
    file name say them).

    Unit: the rows' one `unit_code`; every unit when they hold several; the dashboard's unit
    (`unit_code`, `unit_name`) when they have no unit_code column (a view of that unit).
    Years: the range of their `year` column; the dashboard's `year` when they have none.
    """
    code: str | None = unit_code
    name: str | None = unit_name
    if s.UNIT_CODE in rows.columns:
        codes = sorted({str(c) for c in rows[s.UNIT_CODE].dropna()})
        if len(codes) != 1:
            code = name = None
        elif codes[0] != unit_code:
            code = codes[0]
            named = s.NAME_VI in rows.columns
            names = rows[s.NAME_VI].dropna().tolist() if named else []
            name = str(names[0]) if names else code
    first = last = year
    if s.YEAR in rows.columns:
        years = [int(y) for y in rows[s.YEAR].dropna()]
        if years:
            first, last = min(years), max(years)
    return Selection(code, name, first, last, source)


def rows_bytes(
    fmt: str,
    rows: pd.DataFrame,
    selection: Selection,
    source_table: pd.DataFrame,
    lang: str = "vi",
    exported: date | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The rows behind a chart as a download.

    - csv: one CSV (UTF-8 with BOM, headers in `lang`, text guarded, lists joined by '; ');
    - xlsx: the sheets "Dữ liệu" (the rows), "Nguồn" (the sources they cite, from
      `source_table`, the dataset's sources) and "Bộ lọc" (`selection`, `extra`, date, row
      counts, the demo-data banner);
    - parquet: one Parquet file of the rows, column names and types kept (lists as lists).
    """
    if fmt not in ROW_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {ROW_FORMATS}")
    _lang_index(lang)
    if fmt == "csv":
        return to_csv(plain_rows(rows), lang)
    if fmt == "parquet":
        return to_parquet(_parquet_rows(rows))
    cited = sources.table(sources.citations_in(source_table, sources.ids_of(rows)), lang)
    tables = {ROWS: plain_rows(rows), SOURCES: cited}
    return to_xlsx(tables, selection, lang, exported, extra)


def rows_stem(topic: str, selection: Selection) -> str:
    """The file name without extension: 'city-scores-2018', 'unit-levels-nam-tu-liem-2016-2019'."""
    return file_name(topic, selection, "csv").removesuffix(".csv")
