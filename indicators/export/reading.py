"""What a reader sees: column headers and sheet names in the chosen language, coded values in
words, numbers written the language's way.

The headers come from the text registry (indicators.i18n.export): `header_<column>` for the
tables' columns, `view_header_<column>` for the columns only the dashboard's views have.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from indicators import schema as s
from indicators.export.tables import VALUE
from indicators.formatting import fmt_number, fmt_signed, is_missing
from indicators.i18n import check_lang, has, t
from indicators.online import ERA
from indicators.rankings import RANK, RANK_CHANGE, RANKED_BY, SCORE_CHANGE, UNITS_RANKED
from indicators.views import SERIES

# Excel number formats; the reader's locale decides the separators (98,67 in Vietnamese Excel).
PLAIN_INT = "0"
NUMBER_FORMATS: dict[str, str] = {
    s.YEAR: PLAIN_INT,
    s.MONTH: PLAIN_INT,
    RANK: PLAIN_INT,
    UNITS_RANKED: PLAIN_INT,
    s.RANK_PUBLISHED: PLAIN_INT,
    RANK_CHANGE: "+0;-0;0",
    s.SCORE: "0.00",
    s.MAX_SCORE: "0.00",
}


def _view_header(column: str, lang: str) -> str | None:
    key = f"view_header_{column}"
    return t(key, lang) if has(key) else None


def header(column: str, lang: str) -> str:
    """The column's header in `lang` ('vi' or 'en'); a column without one keeps its name; the
    codes of a coded column (`<column>_code`, see `words_and_codes`) read "Cấp (mã)"."""
    check_lang(lang)
    base = column.removesuffix(CODE_SUFFIX) if isinstance(column, str) else column
    if base != column and base in VALUE_KEYS:
        return f"{header(base, lang)} ({t('header_code', lang)})"
    key = f"header_{column}"
    return t(key, lang) if has(key) else _view_header(column, lang) or str(column)


def headers(columns: Iterable[str], lang: str) -> list[str]:
    """The headers of `columns` in `lang`, never twice the same: a header already taken (a
    view's own 'Giá trị' column next to its `value`) becomes the column's view header, else
    gets the column's name in brackets."""
    out: list[str] = []
    for column in columns:
        text = header(column, lang)
        view = _view_header(column, lang)
        if text in out and view is not None and view not in out:
            text = view
        elif text in out:
            text = f"{text} ({column})"
        out.append(text)
    return out


def sheet_name(table: str, lang: str) -> str:
    return t(f"sheet_{table}", lang)


# On screen (rows_for_reading): years and ranks as they are, changes with their sign (+3,
# -1,25), a missing value as a dash.
_PLAIN_COLUMNS = {c for c, number_format in NUMBER_FORMATS.items() if number_format == PLAIN_INT}
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
    return t(key, lang) if key is not None and has(key) else value


CODE_SUFFIX = "_code"  # the codes of a coded column, beside its words, in a file
FILE_DECIMALS = 4  # a fraction in a file: 1.049999999999997 (95.39 - 94.34) reads 1.05


def words_and_codes(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table for a file a person opens (CSV, XLSX): each coded column in words, its codes in
    a column just after it for scripts and filters ("Cấp": "Cấp huyện", "Cấp (mã)":
    "district"); fractions rounded to FILE_DECIMALS, which drops a subtraction's float noise
    and keeps every decimal a source printed (two at most). Parquet files keep the codes."""
    out = frame.copy()
    for column in [c for c in frame.columns if c in VALUE_KEYS]:
        codes = out[column]
        words = [None if is_missing(v) else value_text(column, v, lang) for v in codes.tolist()]
        out[column] = pd.Series(words, index=out.index, dtype=object)
        out.insert(out.columns.get_loc(column) + 1, f"{column}{CODE_SUFFIX}", codes)
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column].dtype):
            out[column] = out[column].round(FILE_DECIMALS)
    return out


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


def is_list(value: Any) -> bool:
    return isinstance(value, tuple | list)


def plain_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """A copy where list-valued cells (source ids, fields) are text joined by '; '."""
    out = rows.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(is_list).any():
            out[column] = out[column].map(lambda v: "; ".join(map(str, v)) if is_list(v) else v)
    return out
