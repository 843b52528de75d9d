"""`/api/v1/meta`: what the data routes serve. Every table of the export with its columns
(name, type, header and meaning in Vietnamese and English), the sources, the version of the
data served and when this process read it."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators import schema as s
from indicators import served, sources
from indicators.api.tables import FORMATS
from indicators.dataset import Dataset
from indicators.export import TABLES, header, select_tables, sheet_name
from indicators.i18n import LANGS, has, t
from indicators.importing.fields import IMPORT_TABLES
from indicators.selection import Selection, display_source, source_words
from indicators.summary import described

KINDS = {"b": "bool", "i": "int", "u": "int", "f": "float", "M": "date"}


def _both(key: str, **values: Any) -> dict[str, str]:
    return {lang: t(key, lang, **values) for lang in LANGS}


def _empty_tables(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The export's tables with no rows, typed as the export types them."""
    nothing = Selection("", None, None, None, display_source(dataset.source))
    return dataset.derived(("api_empty_tables",), lambda: select_tables(dataset, nothing))


def _kind(table: str, column: str, frame: pd.DataFrame) -> str:
    spec = s.TABLES.get(table)
    if spec is not None and column in spec.names:
        return spec.column(column).kind
    return KINDS.get(frame[column].dtype.kind, s.TEXT)


def _meaning(table: str, column: str) -> dict[str, str] | None:
    fields = IMPORT_TABLES.get(table)
    if fields is not None and column in fields.names:
        field = fields.field(column)
        return {"vi": field.help_vi, "en": field.help_en}
    key = f"api_meaning_{column}"
    return _both(key) if has(key) else None


def columns(table: str, frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {
            "name": column,
            "type": _kind(table, column, frame),
            "header": {lang: header(column, lang) for lang in LANGS},
            "meaning": _meaning(table, column),
        }
        for column in frame.columns
    ]


def meta(dataset: Dataset, version: str) -> dict[str, Any]:
    """The body of /api/v1/meta for `dataset`, served at `version`."""
    empty = _empty_tables(dataset)
    every = sources.citations(dataset, dataset.sources[s.ID])
    return {
        "data_version": version,
        "read_at": served.read_at(dataset),
        "source": {lang: source_words(dataset.source, lang) for lang in LANGS},
        "demo": dataset.demo,
        "tables": [
            {
                "name": name,
                "title": {lang: sheet_name(name, lang) for lang in LANGS},
                "description": _both(f"api_table_{name}"),
                "formats": list(FORMATS),
                "rows_in_data": len(dataset.table(name)) if name != "sources" else len(every),
                "columns": columns(name, empty[name]),
            }
            for name in TABLES
        ],
        "sources": [described(c) for c in every],
    }
