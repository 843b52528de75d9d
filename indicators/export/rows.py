"""The rows behind one chart of the dashboard as a download (CSV, XLSX or Parquet)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from indicators import schema as s
from indicators import sources
from indicators.explain import Imports, with_explanations
from indicators.export.files import MEDIA_TYPES, to_csv, to_parquet, to_xlsx
from indicators.export.reading import is_list, plain_rows
from indicators.export.tables import ROWS, SOURCES
from indicators.i18n import check_lang, has, t
from indicators.selection import Selection, file_name

ROW_FORMATS = ("csv", "xlsx", "parquet")
ROW_MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": MEDIA_TYPES["xlsx"],
    "parquet": "application/vnd.apache.parquet",
}


def _parquet_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows Parquet can store: list cells stay lists (list<string>) when the whole column is
    lists or missing; any other mixed column becomes text."""
    out = rows.copy()
    for column in out.columns:
        if out[column].dtype != object:
            continue
        values = out[column]
        present = values[values.notna()]
        if len(present) and present.map(is_list).all():
            out[column] = values.map(lambda v: [str(x) for x in v] if is_list(v) else None)
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
    imports: Imports | None = None,
) -> bytes:
    """The rows behind a chart as a download.

    - csv: one CSV (UTF-8 with BOM, headers in `lang`, text guarded, lists joined by '; ');
    - xlsx: the sheets "Dữ liệu" (the rows), "Nguồn" (the sources they cite, from
      `source_table`, the dataset's sources) and "Bộ lọc" (`selection`, `extra`, date, row
      counts, the demo-data banner);
    - parquet: one Parquet file of the rows, column names and types kept (lists as lists).

    CSV and XLSX end each row with its explanation ("Giải thích": the sources with the
    passage that states the figure, how it was computed, who imported it; indicators.explain).
    """
    if fmt not in ROW_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {ROW_FORMATS}")
    check_lang(lang)
    if fmt == "parquet":
        return to_parquet(_parquet_rows(rows))
    explained = with_explanations(rows, source_table, lang, imports)
    if fmt == "csv":
        return to_csv(plain_rows(explained), lang)
    cited = sources.table(sources.citations_in(source_table, sources.ids_of(rows)), lang)
    tables = {ROWS: plain_rows(explained), SOURCES: cited}
    return to_xlsx(tables, selection, lang, exported, extra)


# A chart shown on the unit's profile is called as on its own page; a key with a variable part
# ("map-par_score", "published-online") is called by its family.
_PROFILE_PREFIX = "unit-"
_FAMILIES = ("published", "map")


def _topic_words(topic: str, lang: str) -> str:
    family = topic.split("-", 1)[0]
    for key in (topic, topic.removeprefix(_PROFILE_PREFIX), family if family in _FAMILIES else ""):
        if key and has(f"file_{key}"):
            return t(f"file_{key}", lang)
    return topic


def rows_stem(topic: str, selection: Selection, lang: str = "vi") -> str:
    """The file name without extension, in the reader's words without accents:
    'diem-cchc-2018', 'thu-tuc-theo-muc-do-nam-tu-liem-2016-2019' ('par-scores-2018' in
    English); a topic without words of its own keeps its key."""
    return file_name(_topic_words(topic, lang), selection, "csv").removesuffix(".csv")
