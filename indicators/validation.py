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


# The dtype each kind is converted to; a column read from Parquet or SQL often has it already.
_TYPED = {s.INT: "Int64", s.FLOAT: "Float64", s.BOOL: "boolean", s.DATE: "datetime64[ns]"}


def _already(series: pd.Series, kind: str) -> bool:
    """True when the column has its kind's dtype: converting would give it back unchanged
    (text is not: it is still brought to NFC)."""
    return kind in _TYPED and series.dtype == _TYPED[kind]


def _coerce(series: pd.Series, kind: str) -> pd.Series:
    """Convert to the column's type; values that cannot be converted become NA."""
    if kind == s.TEXT:
        if _all_text(series):
            normal = _each_distinct(series, lambda v: unicodedata.normalize("NFC", v), None)
            return pd.Series(normal, index=series.index, dtype="string")
        text = series.map(lambda v: v if pd.isna(v) else _nfc(str(v)), na_action=None)
        return text.astype("string")
    if _already(series, kind):
        return series
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


def _not_finite(values: pd.Series) -> np.ndarray:
    """True where a number holds an infinite number or one beyond NUMBER_LIMIT (which would
    become infinite, or wrap round to a negative 64-bit integer)."""
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        return np.abs(numbers) > NUMBER_LIMIT


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


def _fail_where(
    out: list[Failure],
    table: str,
    bad: np.ndarray,
    column: str | None,
    values: pd.Series | None,
    rule: str,
    text: str,
    **fields: object,
) -> None:
    """`_fail` for the rows where `bad` is True; the texts are only made when there are some."""
    if bad.any():
        _fail(out, table, np.flatnonzero(bad), column, values, rule, *bilingual(text, **fields))


def _mask(test: pd.Series) -> np.ndarray:
    """A test's result as booleans, False where it gave NA."""
    return test.to_numpy(dtype=bool, na_value=False)


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
    raw = raw.reset_index(drop=True)  # row i is at position i: masks index it directly
    typed = pd.DataFrame(
        {
            col.name: _typed_column(failures, table.name, col, raw[col.name])
            for col in table.columns
        },
        index=raw.index,
    )
    key = ", ".join(table.key)
    dup = typed.duplicated(list(table.key), keep="first").to_numpy()
    _fail_where(
        failures, table.name, dup, key, None, "duplicate_key", "check_duplicate_key", key=key
    )
    for rule in table.rules:
        bad = _mask(rule.bad(typed))
        if bad.any():
            rows = np.flatnonzero(bad)
            _fail(
                failures,
                table.name,
                rows,
                rule.column,
                typed[rule.column],
                rule.name,
                rule.vi,
                rule.en,
            )
    return typed, failures


def _typed_column(out: list[Failure], table: str, col: s.Column, values: pd.Series) -> pd.Series:
    """The column converted to its kind; its failures (too large, wrong type, required,
    value rules) are added to `out`, in that order."""
    if col.kind in (s.INT, s.FLOAT):
        huge = _not_finite(values)
        if huge.any():  # refused here, and NA below: never infinite, never wrapped round
            limit = f"{NUMBER_LIMIT:.0e}"
            _fail_where(
                out, table, huge, col.name, values, "finite", "check_not_finite", limit=limit
            )
            values = values.where(~huge)
    typed = _coerce(values, col.kind)
    absent = typed.isna().to_numpy()
    if col.kind == s.TEXT:  # any value is text
        bad_type = np.zeros(len(values), dtype=bool)
    else:
        bad_type = absent & values.notna().to_numpy()
        _fail_where(out, table, bad_type, col.name, values, "type", "check_type", kind=col.kind)
    if not col.nullable:
        _fail_where(out, table, absent & ~bad_type, col.name, None, "required", "check_required")
    _check_values(out, table, col, typed, ~absent)
    return typed


def _value_checks(col: s.Column, values: pd.Series) -> list[tuple[pd.Series, str, str, dict]]:
    """(bad rows, rule, text key, its fields) for each value constraint the column declares."""
    checks: list[tuple[pd.Series, str, str, dict]] = []
    if col.allowed is not None:
        allowed = ", ".join(col.allowed)
        checks.append((~values.isin(col.allowed), "allowed", "check_allowed", {"allowed": allowed}))
    if col.minimum is not None:
        limit = f"{col.minimum:g}"
        checks.append((values < col.minimum, "minimum", "check_minimum", {"limit": limit}))
    if col.maximum is not None:
        limit = f"{col.maximum:g}"
        checks.append((values > col.maximum, "maximum", "check_maximum", {"limit": limit}))
    if col.pattern is not None:
        pattern = re.compile(col.pattern)
        ok = _each_distinct(values, lambda v: bool(pattern.fullmatch(v)), True).astype(bool)
        checks.append((pd.Series(~ok, index=values.index), "format", "check_format", {}))
    return checks


def _check_values(
    out: list[Failure], table: str, col: s.Column, values: pd.Series, present: np.ndarray
) -> None:
    for bad, rule, text, fields in _value_checks(col, values):
        _fail_where(out, table, present & _mask(bad), col.name, values, rule, text, **fields)


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
