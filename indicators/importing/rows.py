"""Build the rows of the imported table from a sheet, and check them on their own.

Every problem is reported at the spreadsheet row and column the user sees; a cell that
cannot be read is reported once (not again as "required" by the schema check).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd

from indicators import schema as s
from indicators.errors import bilingual
from indicators.importing import fields as f
from indicators.importing.errors import problem
from indicators.importing.headers import Layout
from indicators.importing.meaning import check_index_unit, checked
from indicators.importing.merge import key_strings
from indicators.importing.references import CellProblem, Sources, Units
from indicators.importing.targets import target_defaults
from indicators.importing.values import Unparsable, choose, is_empty, parse
from indicators.schema import INDEX_OF_LEVEL
from indicators.validation import SHOWN_CHARS, Failure, check_table

_COLUMN_NUMBER = re.compile(r"\(?\d{1,2}\)?|\(?[A-Z]\)?")
SKIPPED_BY_SCHEMA = {"duplicate_key"}  # reported here, with the row it repeats


@dataclass
class Rows:
    """The file's rows for one table, typed like the stored data, and what is wrong."""

    layout: Layout
    frame: pd.DataFrame = field(default_factory=pd.DataFrame)
    sheet_rows: list[int] = field(default_factory=list)  # spreadsheet row of each frame row
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)  # new sources, typed
    source_rows: list[int] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    bad_cells: set[tuple[int, str]] = field(default_factory=set)  # (sheet row, field)


def build_rows(where: str, layout: Layout, units: pd.DataFrame, sources: pd.DataFrame) -> Rows:
    """Parse, resolve and check the data rows of `layout` against the stored units/sources."""
    out = Rows(layout)
    unit_finder, source_finder = Units(units), Sources(sources)
    records = []
    for number, cells in _data_rows(layout, out.warnings):
        values = _parse_row(where, layout, number, cells, out)
        _resolve(where, layout, number, values, unit_finder, source_finder, out)
        records.append(values)
        out.sheet_rows.append(number)
    if not records:
        out.failures.append(
            problem(
                where,
                "no_rows",
                *bilingual("imp_no_rows"),
            )
        )
        return out
    raw = pd.DataFrame(records).reindex(columns=layout.spec.table.names)
    out.frame = _check(where, layout.spec.table, raw, out.sheet_rows, layout.shown, out)
    _duplicates(where, layout, out)
    new_sources = source_finder.frame()
    out.source_rows = source_finder.new_rows
    shown = lambda column: layout.shown(source_column(column))  # noqa: E731
    out.sources = _check(where, s.SOURCES, new_sources, out.source_rows, shown, out)
    return out


def _data_rows(layout: Layout, warnings: list[str]) -> list[tuple[int, tuple]]:
    """Non-empty rows under the header, without a row of column numbers ((1), (2), …)."""
    rows = [(n, c) for n, c in layout.data_rows if any(not is_empty(x) for x in c)]
    if rows and _column_numbers(rows[0][1]):
        warnings.append(f"bỏ qua dòng {rows[0][0]} (số thứ tự cột) / skipped row {rows[0][0]}")
        rows = rows[1:]
    return rows


def _column_numbers(cells: tuple) -> bool:
    """A row such as (1) (2) (3) … or A B C … that reports put under their header."""
    filled = [str(c).strip() for c in cells if not is_empty(c)]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.fullmatch(c) for c in filled)


def _parse_row(where: str, layout: Layout, number: int, cells: tuple, out: Rows) -> dict:
    """The typed values of one row by field name; unreadable cells are reported and None."""
    spec, values = layout.spec, {}
    for name, position in layout.columns.items():
        cell = cells[position] if position < len(cells) else None
        try:
            value = parse_field(spec, name, cell)
        except Unparsable as exc:
            shown = layout.shown(name)
            out.failures.append(
                problem(where, exc.rule, exc.vi, exc.en, row=number, column=shown, value=_cut(cell))
            )
            out.bad_cells.add((number, name))
            value = None
        values[name] = value
    if _is_example(spec, values):
        out.failures.append(
            problem(
                where,
                "template_example",
                *bilingual("imp_template_example"),
                row=number,
            )
        )
    return values


def _cut(cell: object) -> object:
    """A cell as a problem shows it: a long text cut (the message gives its length)."""
    if isinstance(cell, str) and len(cell) > SHOWN_CHARS:
        return cell[: SHOWN_CHARS - 1] + "…"
    return cell


def parse_field(spec: f.ImportTable, name: str, cell: object) -> object:
    """The typed value of `cell` in the column of field `name` (Unparsable if it is not, or
    if it cannot mean anything there: see importing.meaning)."""
    value = checked(parse(cell, spec.kind(name), name), spec.kind(name), name)
    choice = f.CHOICES.get(name)
    return choose(value, choice.aliases, choice.closed, choice.shown) if choice else value


def _is_example(spec: f.ImportTable, values: dict) -> bool:
    """True for the template's example row left as it is (it would overwrite real data)."""
    example = _example(spec.name)
    compared = [name for name in example if name in values]
    return len(compared) >= 3 and all(values[name] == example[name] for name in compared)


@functools.cache
def _example(table: str) -> dict[str, object]:
    """The template's example row of `table`, read like a file's row."""
    spec = f.IMPORT_TABLES[table]
    return {
        x.name: parse_field(spec, x.name, x.example) for x in spec.fields if x.example is not None
    }


def _resolve(
    where: str,
    layout: Layout,
    number: int,
    values: dict,
    units: Units,
    sources: Sources,
    out: Rows,
) -> None:
    """Fill unit_code, the defaults and source_id; record what cannot be resolved."""
    unit_cells = {(number, s.UNIT_CODE), (number, f.UNIT_NAME)}
    if not unit_cells & out.bad_cells:
        typed = s.UNIT_CODE if values.get(s.UNIT_CODE) is not None else f.UNIT_NAME
        try:
            unit = units.find(values.get(s.UNIT_CODE), values.get(f.UNIT_NAME), values.get(s.YEAR))
            values[s.UNIT_CODE] = unit[s.CODE]
            _defaults(layout.spec, values, unit)
            if layout.spec.table is s.PAR_SCORES:
                index, year = values[s.INDEX_ID], values.get(s.YEAR)
                check_index_unit(units.units, unit, index, year, typed)
        except CellProblem as exc:
            _record(where, layout, number, exc, out, unit_cells)
    try:
        values[s.SOURCE_ID] = sources.resolve(values, number)
    except CellProblem as exc:
        _record(where, layout, number, exc, out, {(number, s.SOURCE_ID)})


def _record(
    where: str, layout: Layout, number: int, exc: CellProblem, out: Rows, cells: set
) -> None:
    """Report `exc` at the column the file has, and mark `cells` as already reported."""
    column = exc.column if exc.column in layout.columns else _present(layout, exc.column)
    out.failures.append(
        problem(
            where,
            exc.rule,
            exc.vi,
            exc.en,
            row=number,
            column=layout.shown(column),
            value=exc.value,
        )
    )
    out.bad_cells |= cells | {(number, exc.column)}


def _present(layout: Layout, column: str) -> str:
    """The unit column the file has, when a problem names the other one."""
    pair = (s.UNIT_CODE, f.UNIT_NAME)
    if column in pair:
        return next((c for c in pair if c in layout.columns), column)
    return column


def _defaults(spec: f.ImportTable, values: dict, unit: pd.Series) -> None:
    """Fill empty cells with the table's defaults; par_scores' index from the unit's level."""
    for name, default in spec.defaults.items():
        if values.get(name) is None:
            values[name] = default
    if spec.table is s.TARGETS:
        target_defaults(values, unit)
    if spec.table is s.PAR_SCORES and values.get(s.INDEX_ID) is None:
        values[s.INDEX_ID] = INDEX_OF_LEVEL.get(str(unit[s.LEVEL]))
        if values[s.INDEX_ID] is None:
            raise CellProblem(s.INDEX_ID, "required", *bilingual("imp_index_required"))


def source_column(name: str) -> str:
    """Where a problem of a new source row is fixed in the file."""
    return {
        s.ID: s.SOURCE_ID,
        s.TITLE: f.SOURCE_TITLE,
        s.URL: f.SOURCE_URL,
        s.PUBLISHER: f.SOURCE_PUBLISHER,
        s.PUBLISHED: f.SOURCE_PUBLISHED,
        s.SOURCE_KIND: f.SOURCE_KIND,
    }.get(name, name)


def _check(
    where: str,
    table: s.Table,
    raw: pd.DataFrame,
    rows: list[int],
    shown: Callable[[str], str],
    out: Rows,
) -> pd.DataFrame:
    """check_table on the file's rows, with failures moved to the spreadsheet's rows."""
    typed, failures = check_table(table, raw)
    for failure in failures:
        row = rows[failure.row - 1] if failure.row is not None else None
        column = failure.column
        if failure.rule in SKIPPED_BY_SCHEMA or (row, column) in out.bad_cells:
            continue
        if table is s.SOURCES:
            column = source_column(column) if column else column
            if (row, column) in out.bad_cells:
                continue
        out.failures.append(
            replace(failure, table=where, row=row, column=shown(column) if column else column)
        )
    return typed


def _duplicates(where: str, layout: Layout, out: Rows) -> None:
    """Rows with the key of an earlier row of the file: refused, naming that row."""
    key = list(layout.spec.table.key)
    keys = key_strings(out.frame, key)
    first = {}
    for position, value in enumerate(keys):
        row = out.sheet_rows[position]
        if value not in first:
            first[value] = row
            continue
        names = ", ".join(key)
        out.failures.append(
            problem(
                where,
                "duplicate_key",
                *bilingual("imp_duplicate_key", names=names, row=first[value]),
                row=row,
                column=names,
            )
        )
