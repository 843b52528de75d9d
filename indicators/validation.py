"""Lazy validation: every failure of a dataset, as table, row, column, value and rule.

`coerce_and_check` turns raw frames into the typed frames the indicators expect and collects
every failure instead of stopping at the first, so that one report tells a user all there is
to fix, in Vietnamese and English.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.errors import bilingual

MAX_REPORTED = 200
SHOWN_CHARS = 60  # a longer value is shown cut, with its length
# Numbers beyond it are refused: a float holds every whole number up to 2**53 exactly, and
# sums of a few such counts stay far inside 64 bits (PostgreSQL's and SQLite's integers).
NUMBER_LIMIT = 10**15


@dataclass(frozen=True)
class Failure:
    table: str
    row: int | None  # 1-based position of the row in its table; None for the whole table
    column: str | None
    value: object
    rule: str
    vi: str
    en: str

    def line(self) -> str:
        where = f"{self.table}" + (f", dòng/row {self.row}" if self.row is not None else "")
        where += f", cột/column {_cut(self.column)}" if self.column else ""
        value = "" if self.value is None else f" = {_shown(self.value)}"
        return escaped(f"[{where}{value}] ({self.rule}) {self.vi} / {self.en}")


def escaped(text: str) -> str:
    """`text` with every character that does not print (an escape code that would drive the
    terminal, a direction override that would reorder the line) written as its escape."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else f"{text[: SHOWN_CHARS - 1]}…"


def shown_cell(text: str) -> str:
    """A text from a file (a column's name) as a report line may print it: characters that do
    not print written as escapes, and cut to SHOWN_CHARS."""
    return _cut(escaped(text))


def _shown(value: object) -> str:
    value = value.item() if hasattr(value, "item") else value  # numpy scalar -> Python
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return f"{value[:SHOWN_CHARS]!r}… ({len(value)} ký tự/characters)"
    return repr(value) if isinstance(value, str) else str(value)


class DatasetInvalid(ValueError):
    def __init__(self, failures: list[Failure]):
        self.failures = failures
        super().__init__(report(failures))


def report(failures: list[Failure]) -> str:
    head = (
        f"Dữ liệu không hợp lệ: {len(failures)} lỗi / Invalid dataset: {len(failures)} failure(s)"
    )
    lines = [f.line() for f in failures[:MAX_REPORTED]]
    if len(failures) > MAX_REPORTED:
        lines.append(
            f"… và {len(failures) - MAX_REPORTED} lỗi khác / and "
            f"{len(failures) - MAX_REPORTED} more"
        )
    return "\n".join([head, *lines])


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _each_distinct(series: pd.Series, convert: Callable[[Any], Any], na: object) -> np.ndarray:
    """`convert` of each value, called once per distinct value (a column of 70 000 rows has a
    few hundred), and `na` where the value is missing. Values that compare equal (1, 1.0,
    True) are converted once, so `convert` must give them the same result."""
    codes, distinct = pd.factorize(series, use_na_sentinel=True)
    converted = np.empty(len(distinct) + 1, dtype=object)
    converted[:-1] = [convert(v) for v in distinct]
    converted[-1] = na  # code -1: missing
    return converted[codes]


def _all_text(series: pd.Series) -> bool:
    """True when every present value is a str (1 and 1.0 would be one distinct value but two
    texts, "1" and "1.0")."""
    if isinstance(series.dtype, pd.StringDtype):
        return True
    return series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) in (
        "string",
        "empty",
    )


def _coerce(series: pd.Series, kind: str) -> pd.Series:
    """Convert to the column's type; values that cannot be converted become NA."""
    if kind == s.TEXT:
        if _all_text(series):
            normal = _each_distinct(series, lambda v: unicodedata.normalize("NFC", v), None)
            return pd.Series(normal, index=series.index, dtype="string")
        text = series.map(lambda v: v if pd.isna(v) else _nfc(str(v)), na_action=None)
        return text.astype("string")
    if kind == s.INT:
        numbers = pd.to_numeric(series, errors="coerce")
        whole = numbers.where(numbers.isna() | (numbers == numbers.round()))
        return whole.astype("Float64").astype("Int64")
    if kind == s.FLOAT:
        return pd.to_numeric(series, errors="coerce").astype("Float64")
    if kind == s.BOOL:
        mapping = {
            True: True,
            False: False,
            "true": True,
            "false": False,
            "True": True,
            "False": False,
            "1": True,
            "0": False,
        }
        flags = _each_distinct(series, lambda v: mapping.get(v, pd.NA), pd.NA)
        return pd.Series(flags, index=series.index, dtype="boolean")
    if kind == s.DATE:
        return pd.to_datetime(series, errors="coerce").astype("datetime64[ns]")
    raise ValueError(kind)


def _not_finite(values: pd.Series, kind: str) -> pd.Series:
    """True where a number column holds an infinite number or one beyond NUMBER_LIMIT (which
    would become infinite, or wrap round to a negative 64-bit integer)."""
    if kind not in (s.INT, s.FLOAT):
        return pd.Series(False, index=values.index)
    numbers = pd.to_numeric(values, errors="coerce").astype("Float64")
    return (numbers.abs() > NUMBER_LIMIT).fillna(False).astype(bool)


def _fail(
    out: list[Failure],
    table: str,
    rows: pd.Index,
    column: str | None,
    values: pd.Series | None,
    rule: str,
    vi: str,
    en: str,
) -> None:
    for i in rows:
        value = None if values is None else values.loc[i]
        value = None if value is None or (not isinstance(value, str) and pd.isna(value)) else value
        out.append(Failure(table, int(i) + 1, column, value, rule, vi, en))


def check_table(table: s.Table, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[Failure]]:
    failures: list[Failure] = []
    added = [c.name for c in table.columns if c.optional and c.name not in raw.columns]
    if added:  # a column added after the table was first stored: read as empty
        raw = raw.assign(**dict.fromkeys(added, pd.NA))
    missing = [c for c in table.names if c not in raw.columns]
    for column in missing:
        failures.append(
            Failure(
                table.name, None, column, None, "missing_column", *bilingual("check_missing_column")
            )
        )
    if missing:
        return raw, failures
    raw = raw.reset_index(drop=True)
    typed = pd.DataFrame(index=raw.index)
    for col in table.columns:
        values = raw[col.name]
        huge = _not_finite(values, col.kind)
        if huge.any():  # refused here, and NA below: never infinite, never wrapped round
            texts = bilingual("check_not_finite", limit=f"{NUMBER_LIMIT:.0e}")
            _fail(failures, table.name, raw.index[huge], col.name, values, "finite", *texts)
            values = values.where(~huge)
        typed[col.name] = _coerce(values, col.kind)
        bad_type = typed[col.name].isna() & values.notna()
        if col.kind == s.TEXT:
            bad_type &= False
        _fail(
            failures,
            table.name,
            raw.index[bad_type],
            col.name,
            values,
            "type",
            *bilingual("check_type", kind=col.kind),
        )
        present = typed[col.name].notna()
        if not col.nullable:
            empty = ~present & ~bad_type
            _fail(
                failures,
                table.name,
                raw.index[empty],
                col.name,
                None,
                "required",
                *bilingual("check_required"),
            )
        _check_values(failures, table.name, col, typed[col.name], present)
    dup = typed.duplicated(list(table.key), keep="first")
    _fail(
        failures,
        table.name,
        typed.index[dup],
        ", ".join(table.key),
        None,
        "duplicate_key",
        *bilingual("check_duplicate_key", key=", ".join(table.key)),
    )
    for rule in table.rules:
        bad = rule.bad(typed).fillna(False).astype(bool)
        _fail(
            failures,
            table.name,
            typed.index[bad],
            rule.column,
            typed[rule.column],
            rule.name,
            rule.vi,
            rule.en,
        )
    return typed, failures


def _value_checks(col: s.Column, values: pd.Series) -> list[tuple[pd.Series, str, str, str]]:
    """(bad rows, rule, vi, en) for each value constraint the column declares."""
    checks = []
    if col.allowed is not None:
        allowed = ", ".join(col.allowed)
        checks.append(
            (~values.isin(col.allowed), "allowed", *bilingual("check_allowed", allowed=allowed))
        )
    if col.minimum is not None:
        m = f"{col.minimum:g}"
        checks.append((values < col.minimum, "minimum", *bilingual("check_minimum", limit=m)))
    if col.maximum is not None:
        m = f"{col.maximum:g}"
        checks.append((values > col.maximum, "maximum", *bilingual("check_maximum", limit=m)))
    if col.pattern is not None:
        pattern = re.compile(col.pattern)
        ok = _each_distinct(values, lambda v: bool(pattern.fullmatch(v)), True).astype(bool)
        checks.append((pd.Series(~ok, index=values.index), "format", *bilingual("check_format")))
    return checks


def _check_values(
    out: list[Failure], table: str, col: s.Column, values: pd.Series, present: pd.Series
) -> None:
    for bad, rule, vi, en in _value_checks(col, values):
        rows = values.index[(present & bad).fillna(False).astype(bool)]
        _fail(out, table, rows, col.name, values, rule, vi, en)


def _unknown_sources(ids: pd.Series, sources: set) -> pd.Series:
    """True where a source_id cell names an id that is not in `sources` (a cell may name
    several, see schema.source_id_list)."""
    joined = ids.astype("string").str.contains(s.SOURCE_SEPARATOR, regex=False).fillna(False)
    bad = ids.notna() & ~ids.isin(sources) & ~joined
    for i in ids.index[joined.astype(bool)]:
        bad.loc[i] = not set(s.source_id_list(ids.loc[i])) <= sources
    return bad.astype(bool)


def check_references(tables: dict[str, pd.DataFrame]) -> list[Failure]:
    """unit codes must name a unit, source ids a source."""
    failures: list[Failure] = []
    units = set(tables["units"][s.CODE].dropna())
    sources = set(tables["sources"][s.ID].dropna())
    for name, column in s.UNIT_REFERENCES.items():
        frame = tables[name]
        bad = frame[column].notna() & ~frame[column].isin(units)
        _fail(
            failures,
            name,
            frame.index[bad],
            column,
            frame[column],
            "unknown_unit",
            *bilingual("check_unknown_unit"),
        )
    for name in s.SOURCE_REFERENCES:
        frame = tables[name]
        bad = _unknown_sources(frame[s.SOURCE_ID], sources)
        _fail(
            failures,
            name,
            frame.index[bad],
            s.SOURCE_ID,
            frame[s.SOURCE_ID],
            "unknown_source",
            *bilingual("check_unknown_source"),
        )
    return failures


def coerce_and_check(raw: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Typed frames for every table, or DatasetInvalid listing every failure."""
    failures: list[Failure] = []
    typed: dict[str, pd.DataFrame] = {}
    for name, table in s.TABLES.items():
        if name not in raw and name in s.ADDED_TABLES:
            typed[name] = s.empty_frame(table)
            continue
        if name not in raw:
            failures.append(
                Failure(name, None, None, None, "missing_table", *bilingual("check_missing_table"))
            )
            continue
        typed[name], table_failures = check_table(table, raw[name])
        failures += table_failures
    if not failures:
        failures += check_references(typed)
    if failures:
        raise DatasetInvalid(failures)
    return typed
