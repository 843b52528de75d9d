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

Modules: `tables` (selecting the rows), `reading` (headers, sheet names and values in words,
from the text registry indicators.i18n), `filters` (the filters sheet), `files` (CSV, XLSX,
Parquet, guarding) and `rows` (the rows behind one chart).
"""

from __future__ import annotations

from indicators.export.files import (
    FORMATS,
    FORMULA_STARTS,
    MEDIA_TYPES,
    export_bytes,
    export_filename,
    guard_text,
    guarded,
    to_csv,
    to_csv_zip,
    to_parquet,
    to_parquet_zip,
    to_xlsx,
)
from indicators.export.filters import filters_frame
from indicators.export.reading import (
    MISSING_CELL,
    NUMBER_FORMATS,
    VALUE_KEYS,
    header,
    headers,
    plain_rows,
    rows_for_reading,
    sheet_name,
    value_text,
)
from indicators.export.rows import (
    ROW_FORMATS,
    ROW_MEDIA_TYPES,
    rows_bytes,
    rows_selection,
    rows_stem,
)
from indicators.export.tables import (
    COLUMNS,
    DOSSIER_STATS,
    FILTERS,
    ITEM,
    PAR_SCORES,
    PROCEDURES,
    ROWS,
    SOURCES,
    TABLES,
    UNIT_NAME,
    VALUE,
    filtered_tables,
    select_tables,
)
from indicators.formatting import fmt_date
from indicators.i18n import LANGS

__all__ = [
    "COLUMNS",
    "DOSSIER_STATS",
    "FILTERS",
    "FORMATS",
    "FORMULA_STARTS",
    "ITEM",
    "LANGS",
    "MEDIA_TYPES",
    "MISSING_CELL",
    "NUMBER_FORMATS",
    "PAR_SCORES",
    "PROCEDURES",
    "ROWS",
    "ROW_FORMATS",
    "ROW_MEDIA_TYPES",
    "SOURCES",
    "TABLES",
    "UNIT_NAME",
    "VALUE",
    "VALUE_KEYS",
    "export_bytes",
    "export_filename",
    "filtered_tables",
    "filters_frame",
    "fmt_date",
    "guard_text",
    "guarded",
    "header",
    "headers",
    "plain_rows",
    "rows_bytes",
    "rows_for_reading",
    "rows_selection",
    "rows_stem",
    "select_tables",
    "sheet_name",
    "to_csv",
    "to_csv_zip",
    "to_parquet",
    "to_parquet_zip",
    "to_xlsx",
    "value_text",
]
