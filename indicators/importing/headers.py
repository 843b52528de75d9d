"""Find the header row of a sheet, the table it is for, and which column holds which field.

The header is the row, among the first ten, with the most recognised headers (title rows
above it are skipped). Headers match the template's Vietnamese text, the English label, the
schema column name or an alias, with or without diacritics, case or a note in parentheses.
The table is the one with the most recognised columns of its own (columns such as the unit
or year are shared and do not count), unless `--table` names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from indicators.errors import Both, bilingual
from indicators.importing.errors import FileRefused, problem, refuse
from indicators.importing.fields import (
    IGNORED_HEADERS,
    IMPORT_TABLES,
    ONE_OF,
    SHARED,
    ImportTable,
    header_key,
    keys_of,
)
from indicators.importing.reading import Cells, Sheet
from indicators.importing.values import is_empty

HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Layout:
    """Where the data of one sheet is: its table, header row and the column of each field."""

    spec: ImportTable
    sheet: Sheet
    header_index: int  # position of the header in sheet.rows
    columns: dict[str, int]  # field name -> cell position
    headers: dict[str, str]  # field name -> the header as written in the file
    unused: tuple[str, ...]  # headers that match no field (reported as warnings)

    @property
    def data_rows(self) -> list[tuple[int, Cells]]:
        return self.sheet.rows[self.header_index + 1 :]

    def shown(self, name: str) -> str:
        """How a column is named in messages: the file's header and the field name."""
        header = self.headers.get(name)
        return f"{header} ({name})" if header and header != name else name


def _matches(spec: ImportTable, cells: Cells) -> dict[str, list[int]]:
    keys = {f.name: keys_of(f) for f in spec.fields}
    found: dict[str, list[int]] = {}
    for i, cell in enumerate(cells):
        key = header_key(cell) if not is_empty(cell) else ""
        for name, names in keys.items():
            if key in names:
                found.setdefault(name, []).append(i)
    return found


def _recognised(cells: Cells, specs: list[ImportTable]) -> int:
    return max(len(_matches(spec, cells)) for spec in specs)


def find_layout(where: str, sheets: list[Sheet], table: str | None) -> Layout:
    """The layout of the first sheet whose headers are recognised, or FileRefused."""
    specs = [IMPORT_TABLES[table]] if table else list(IMPORT_TABLES.values())
    for sheet in sheets:
        head = sheet.rows[:HEADER_SEARCH_ROWS]
        scores = [_recognised(cells, specs) for _, cells in head]
        if scores and max(scores) >= 2:
            index = scores.index(max(scores))
            return _layout(where, sheet, index, specs)
    raise _unrecognised(where, sheets)


def _unrecognised(where: str, sheets: list[Sheet]) -> FileRefused:
    first = next((c for s in sheets for _, c in s.rows if any(not is_empty(x) for x in c)), ())
    if not first:
        return refuse(where, "empty_file", *bilingual("imp_no_data"))
    seen = ", ".join(str(c) for c in first if not is_empty(c))[:200]
    return refuse(where, "unrecognised_table", *bilingual("imp_unrecognised_table"), value=seen)


def _layout(where: str, sheet: Sheet, index: int, specs: list[ImportTable]) -> Layout:
    cells = sheet.rows[index][1]
    spec = _choose_table(where, cells, specs)
    matches = _matches(spec, cells)
    failures = [
        problem(
            where,
            "duplicate_column",
            *bilingual(
                "imp_duplicate_column",
                field=Both(spec.field(name).vi, spec.field(name).en),
                columns=_letters(at),
            ),
            row=sheet.rows[index][0],
            column=name,
        )
        for name, at in matches.items()
        if len(at) > 1
    ]
    failures += _missing(where, spec, set(matches))
    if failures:
        raise FileRefused(failures)
    columns = {name: at[0] for name, at in matches.items()}
    used = set(columns.values())
    unused = tuple(
        str(c)
        for i, c in enumerate(cells)
        if i not in used and not is_empty(c) and header_key(c) not in IGNORED_HEADERS
    )
    headers = {name: str(cells[i]).strip() for name, i in columns.items()}
    return Layout(spec, sheet, index, columns, headers, unused)


def _letters(positions: list[int]) -> str:
    """Spreadsheet column letters of 0-based positions: [0, 27] -> 'A, AB'."""
    return ", ".join(get_column_letter(p + 1) for p in positions)


def _choose_table(where: str, cells: Cells, specs: list[ImportTable]) -> ImportTable:
    if len(specs) == 1:
        return specs[0]
    own = {spec.name: len(set(_matches(spec, cells)) - SHARED) for spec in specs}
    best = max(own.values())
    winners = [spec for spec in specs if own[spec.name] == best]
    if best == 0 or len(winners) > 1:
        tables = ", ".join(own)
        raise refuse(where, "unrecognised_table", *bilingual("imp_which_table", tables=tables))
    return winners[0]


def _missing(where: str, spec: ImportTable, present: set[str]) -> list:
    out = [
        problem(
            where,
            "missing_column",
            *bilingual("imp_missing_column", field=Both(f.vi, f.en), name=f.name),
            column=f.name,
        )
        for f in spec.fields
        if f.required and f.name not in present
    ]
    for group, vi, en in ONE_OF:
        if not present & set(group):
            out.append(
                problem(
                    where,
                    "missing_column",
                    *bilingual("imp_missing_columns", fields=Both(vi, en)),
                    column=" / ".join(group),
                )
            )
    return out
