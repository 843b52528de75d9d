"""Official targets: which bind a unit in a year, whether its figure meets them, and their
label on a chart ("NQ 76/NQ-CP: ≥ 80% (2025)"). Pure functions of the `targets` and `units`
frames (indicators.targets_table describes the columns); the figures a target is measured
against come from indicators.views.goals.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from indicators import schema as s
from indicators import targets_table as tt
from indicators.formatting import fmt_published, is_missing
from indicators.i18n import t

MET, NOT_MET, NO_DATA, NOT_DUE, IN_WORDS = "met", "not_met", "no_data", "not_due", "in_words"
STATUSES = (MET, NOT_MET, NO_DATA, NOT_DUE, IN_WORDS)
ABBREVIATIONS = {
    "Nghị quyết": "NQ",
    "Nghị định": "NĐ",
    "Quyết định": "QĐ",
    "Công văn": "CV",
    "Kế hoạch": "KH",
    "Chỉ thị": "CT",
}
_NUMBERED = re.compile(r"^(" + "|".join(ABBREVIATIONS) + r")\s+(\d+/[^\s(]+)")
SHORT_NAME_CHARS = 48
SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "top_n": "≤"}


def short_name(instrument: str) -> str:
    """'Nghị quyết 76/NQ-CP (Chương trình …)' -> 'NQ 76/NQ-CP'; an instrument without a
    number: its words up to 'tại', 'sau' or 'về', at most 48 characters."""
    numbered = _NUMBERED.match(instrument)
    if numbered:
        return f"{ABBREVIATIONS[numbered.group(1)]} {numbered.group(2)}"
    short = re.split(r" \(| tại | sau | về ", instrument)[0]
    if len(short) <= SHORT_NAME_CHARS:
        return short
    return short[: SHORT_NAME_CHARS - 1].rstrip() + "…"


def _latest(units: pd.DataFrame, code: str) -> pd.Series | None:
    rows = units[units[s.CODE] == code]
    return None if rows.empty else rows.sort_values(s.VALID_FROM).iloc[-1]


def areas_of(units: pd.DataFrame, code: str) -> tuple[str, ...]:
    """The unit's code and those of the units above it (a district of Hanoi: its own, '01')."""
    chain: list[str] = []
    row = _latest(units, code)
    while row is not None and str(row[s.CODE]) not in chain:
        chain.append(str(row[s.CODE]))
        parent = row[s.PARENT_CODE]
        row = None if is_missing(parent) else _latest(units, str(parent))
    return tuple(chain)


def of_unit(targets: pd.DataFrame, units: pd.DataFrame, code: str) -> pd.DataFrame:
    """The measured targets whose area holds the unit and whose levels include its level."""
    row = _latest(units, code)
    if row is None or targets.empty:
        return targets.iloc[0:0]
    level = str(row[s.LEVEL])
    scope = targets[tt.SCOPE]
    inside = scope.isna() | scope.isin(areas_of(units, code))
    at_level = targets[tt.LEVELS].fillna("").str.split(";").map(lambda ls: level in ls)
    measured = targets[tt.METRIC].notna()
    return targets[(inside & at_level & measured).fillna(False).astype(bool)]


def _span(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Each target's first and last year in force (an open end: far in the future)."""
    start = frame[tt.YEAR_FROM].fillna(frame[tt.YEAR_TO])
    return start, frame[tt.YEAR_TO].fillna(9999)


def binding(targets: pd.DataFrame, units: pd.DataFrame, code: str, year: int) -> pd.DataFrame:
    """The targets in force for the unit in `year` (judged then, or due later: NOT_DUE)."""
    return binding_of(of_unit(targets, units, code), year)


def binding_of(mine: pd.DataFrame, year: int) -> pd.DataFrame:
    """`binding` from the unit's targets (`of_unit`, which a caller may keep per unit)."""
    start, end = _span(mine)
    return mine[((start <= year) & (end >= year)).fillna(False).astype(bool)]


def in_force_of(mine: pd.DataFrame, years: tuple[int, int], metrics: tuple) -> pd.DataFrame:
    """The unit's targets (`of_unit`) of `metrics` in force in some year of the period, with
    a number to draw (a target in words is said, not drawn)."""
    mine = mine[mine[tt.METRIC].isin(metrics) & mine[tt.TARGET_VALUE].notna()]
    start, end = _span(mine)
    return mine[((start <= years[1]) & (end >= years[0])).fillna(False).astype(bool)]


def meets(comparator: str, actual: float, value: float) -> bool:
    """Whether `actual` meets '`comparator` `value`' (top_n: a rank of `value` or better)."""
    if comparator in (">=", "top_n"):
        return actual >= value if comparator == ">=" else actual <= value
    return {
        ">": actual > value,
        "<": actual < value,
        "<=": actual <= value,
        "=": actual == value,
    }[comparator]


def status(target: pd.Series | dict, year: int, actual: Any) -> str:
    """MET / NOT_MET / NO_DATA for a year that is judged; NOT_DUE before a goal's year;
    IN_WORDS for a value in words (shown, never judged)."""
    if is_missing(target[tt.TARGET_VALUE]):
        return IN_WORDS
    due = target[tt.YEAR_TO]
    if not bool(target[tt.EACH_YEAR]) and not is_missing(due) and year < int(due):
        return NOT_DUE
    if is_missing(actual):
        return NO_DATA
    return (
        MET
        if meets(str(target[tt.COMPARATOR]), float(actual), float(target[tt.TARGET_VALUE]))
        else NOT_MET
    )


def years_text(target: pd.Series | dict) -> str:
    """'2025' for a goal by 2025, '2021–2025' for one of every year of a plan."""
    start, end = target[tt.YEAR_FROM], target[tt.YEAR_TO]
    if is_missing(end):
        return "" if is_missing(start) else f"{int(start)}–"
    if bool(target[tt.EACH_YEAR]) and not is_missing(start) and int(start) < int(end):
        return f"{int(start)}–{int(end)}"
    return str(int(end))


def value_text(target: pd.Series | dict, lang: str) -> str:
    """'≥ 80%', 'hạng ≤ 15' / 'rank ≤ 15', or the words of a value in words."""
    if is_missing(target[tt.TARGET_VALUE]):
        return str(target[tt.VALUE_TEXT])
    symbol = SYMBOLS[str(target[tt.COMPARATOR])]
    measure = str(target[tt.MEASURE])
    number = fmt_published(target[tt.TARGET_VALUE], lang, "%" if measure == "%" else "")
    if measure == "rank":
        return t("target_rank_value", lang, symbol=symbol, value=number)
    return f"{symbol} {number}"


def label(target: pd.Series | dict, lang: str) -> str:
    """'NQ 76/NQ-CP: ≥ 80% (2025)': the instrument, the value and the year it is due."""
    years = years_text(target)
    tail = f" ({years})" if years else ""
    return f"{target[tt.LABEL]}: {value_text(target, lang)}{tail}"


def metric_name(metric: str, lang: str) -> str:
    """What a target measures, in words: 'Hồ sơ đúng hạn' / 'On time'."""
    return t(f"target_metric_{metric}", lang)
