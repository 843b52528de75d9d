"""What a cell must mean, beyond its type: checks of the values read from an import file.

A cell that parses can still be nonsense that breaks every page: text with a control
character (the XLSX download and PostgreSQL refuse it), an invisible one (two "Tư pháp"
fields that look the same), 100 000 characters; a number that is infinite or past what a
64-bit sum holds; a year far in the future (every page's end year moves to it); a unit the
row's index does not rank that year (the rankings of every year go blank). Each is refused
at the spreadsheet's row and column with what to write instead, before anything is written,
so that `validate` and `import` agree and whatever passes imports on every store.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date

import pandas as pd

from indicators import schema as s
from indicators.domain import REORG_DATE, REORG_YEAR
from indicators.errors import Both, bilingual
from indicators.formatting import fmt_number
from indicators.importing import fields as f
from indicators.importing.references import CellProblem
from indicators.importing.values import Unparsable
from indicators.units import valid_in_year
from indicators.validation import NUMBER_LIMIT

# Longest text per column, in characters (after trimming); other text columns: TEXT_LIMIT.
TEXT_LIMIT = 1000
TEXT_LIMITS = {
    s.UNIT_CODE: 20,
    f.UNIT_NAME: 200,
    s.INDEX_ID: 50,
    s.COMPONENT: 200,
    s.RANK_BASIS: 100,
    s.NOTE: 2000,
    s.PROCEDURE_CODE: 50,
    s.PROCEDURE_NAME: 1000,
    s.FIELD: 200,
    s.ONLINE_LEVEL: 50,
    s.SOURCE_ID: 200,
    f.SOURCE_TITLE: 500,
    f.SOURCE_URL: 2000,
    f.SOURCE_PUBLISHER: 300,
    f.SOURCE_KIND: 50,
}
# Largest number per column (a score of 100 points, a rank among at most a few hundred
# units, days of a procedure, dossiers of a unit in a year); others: validation.NUMBER_LIMIT.
NUMBER_LIMITS = {
    s.SCORE: 1000,
    s.MAX_SCORE: 1000,
    s.RANK_PUBLISHED: 1000,
    s.LEGAL_DAYS: 3650,
    s.COMMITTED_DAYS: 3650,
    **dict.fromkeys(s.COUNT_COLUMNS, 10**9),
}
FIRST_YEAR = int(s.PAR_SCORES.column(s.YEAR).minimum)


def last_year() -> int:
    """The latest year a figure may be for: next year (a plan, a target), never later."""
    return date.today().year + 1


def checked(value: object, kind: str, column: str) -> object:
    """`value` (parsed from the cell of `column`, of type `kind`), or Unparsable saying why it
    cannot mean anything there and what to write instead."""
    if value is None:
        return None
    if kind == s.TEXT:
        _check_text(str(value), column)
    elif kind == s.DATE:
        if not FIRST_YEAR <= value.year <= last_year():
            raise Unparsable.by("date_range", "imp_date_range", low=FIRST_YEAR, high=last_year())
    elif kind in (s.INT, s.FLOAT) and not isinstance(value, bool):
        _check_number(value, column)
    return value


def _check_number(value: float, column: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise Unparsable.by("not_finite", "imp_not_finite")
    if column == s.YEAR:
        if not FIRST_YEAR <= value <= last_year():
            raise Unparsable.by(
                "year_range", "imp_year_range", year=value, low=FIRST_YEAR, high=last_year()
            )
        return
    limit = NUMBER_LIMITS.get(column, NUMBER_LIMIT)
    if value > limit or value < -NUMBER_LIMIT:
        shown = Both(fmt_number(limit, "vi"), fmt_number(limit, "en"))
        raise Unparsable.by("too_large", "imp_number_too_large", limit=shown)


def _check_text(text: str, column: str) -> None:
    limit = TEXT_LIMITS.get(column, TEXT_LIMIT)
    if len(text) > limit:
        raise Unparsable.by("too_long", "imp_text_too_long", length=len(text), limit=limit)
    if text.isprintable():  # the usual case, in C: no character below is looked at
        return
    for position, char in enumerate(text, start=1):
        if char.isprintable():
            continue
        where = {"char": named(char), "position": position}
        if unicodedata.category(char) == "Cf":  # zero width, byte-order mark, direction
            raise Unparsable.by("invisible_char", "imp_invisible_char", **where)
        raise Unparsable.by("control_char", "imp_control_char", **where)


def named(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE', 'U+0000' (control characters have no name)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def check_index_unit(
    units: pd.DataFrame, unit: pd.Series, index_id: object, year: object, column: str
) -> None:
    """CellProblem (at `column`, where the file names the unit) unless `index_id` ranks `unit`
    in `year`: Hanoi's index its districts until
    the 1 July 2025 reorganisation and its communes and wards after it, the national indexes
    the provinces of each period (schema.INDEX_LEVEL, NEW_LEVEL; domain.REORG_DATE). A year
    from the reorganisation's on belongs to the new units. Other indexes are not checked."""
    if index_id not in s.INDEX_LEVEL or year is None:
        return
    new = int(year) >= REORG_YEAR
    versions = units[units[s.CODE] == unit[s.CODE]]
    ok = versions[s.LEVEL].eq((s.NEW_LEVEL if new else s.INDEX_LEVEL)[index_id])
    ok &= valid_in_year(versions, int(year))
    if index_id == s.INDEX_HANOI:
        ok &= versions[s.PARENT_CODE].eq(s.HANOI_CODE)
    ends = versions[s.VALID_TO]
    ok &= (ends.isna() | (ends >= REORG_DATE)) if new else (versions[s.VALID_FROM] < REORG_DATE)
    if ok.fillna(False).astype(bool).any():
        return
    texts = bilingual(
        "imp_unit_not_in_index",
        unit=unit[s.NAME_VI],
        code=unit[s.CODE],
        level=Both(*bilingual(f"imp_unit_level_{unit[s.LEVEL]}")),
        index=index_id,
        year=year,
        expected=Both(*bilingual(f"imp_ranks_{index_id}_{'new' if new else 'old'}")),
    )
    shown = unit[s.CODE] if column == s.UNIT_CODE else unit[s.NAME_VI]
    raise CellProblem(column, "unit_not_in_index", *texts, shown)
