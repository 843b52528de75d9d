"""Published figures that are not rows of the detailed tables: what they are and how to read them.

The table `figures` (indicators.schema.FIGURES) holds what articles and reports published as a
number about a unit: Nam Từ Liêm's 161 procedures at level 3 in 2018, Hanoi's on-time rate of a
quarter, Ba Vì's 79,52% on time in March 2025, a province's Decision 766 score on a snapshot date.
They are shown as published, with their source; no detailed row is invented to add up to them.

Each figure has an indicator code from INDICATORS (its kind and the page topic it belongs to)
and a period as published: "2019", "2019-Q2", "2025-03", "2025-08-29", or "2019-partial" for
part of a year whose exact span the source gives in words (kept in the note).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from indicators import schema as s
from indicators.formatting import fmt_int, fmt_published
from indicators.i18n import t

PERCENT, COUNT, POINTS = "percent", "count", "points"
ONLINE, TIMELINESS, SHORTENED, ONE_STOP, INDEX_766, SATISFACTION, PAR = (
    "online",
    "timeliness",
    "shortened",
    "one_stop",
    "index_766",
    "satisfaction",
    "par",
)
TOPICS = (PAR, ONLINE, TIMELINESS, SHORTENED, ONE_STOP, INDEX_766, SATISFACTION)


@dataclass(frozen=True)
class Indicator:
    code: str
    kind: str  # PERCENT, COUNT or POINTS
    topic: str  # the page it belongs to


_INDICATORS = (
    # online public services
    Indicator("procedures_level3", COUNT, ONLINE),
    Indicator("procedures_level4", COUNT, ONLINE),
    Indicator("procedures_online", COUNT, ONLINE),  # levels 3 and 4 together
    Indicator("procedures_online_district", COUNT, ONLINE),
    Indicator("procedures_online_ward", COUNT, ONLINE),
    Indicator("procedures_total", COUNT, ONLINE),
    Indicator("services_integrated", COUNT, ONLINE),
    Indicator("online_share", PERCENT, ONLINE),  # dossiers submitted online
    Indicator("online_share_level3", PERCENT, ONLINE),
    Indicator("online_share_level4", PERCENT, ONLINE),
    Indicator("online_share_level3_district", PERCENT, ONLINE),
    Indicator("online_share_ward", PERCENT, ONLINE),
    Indicator("online_payment_rate", PERCENT, ONLINE),
    Indicator("districts_online_under_30", COUNT, ONLINE),
    # dossiers resolved
    Indicator("on_time_rate", PERCENT, TIMELINESS),
    Indicator("early_rate", PERCENT, TIMELINESS),
    Indicator("dossiers_received", COUNT, TIMELINESS),
    Indicator("dossiers_resolved", COUNT, TIMELINESS),
    Indicator("dossiers_on_time", COUNT, TIMELINESS),
    Indicator("dossiers_early", COUNT, TIMELINESS),
    Indicator("dossiers_late", COUNT, TIMELINESS),
    Indicator("dossiers_level3_district", COUNT, TIMELINESS),
    # shortened procedures, one stop
    Indicator("shortened_procedures", COUNT, SHORTENED),
    Indicator("shortened_fields", COUNT, SHORTENED),
    Indicator("one_stop_share", PERCENT, ONE_STOP),
    # Decision 766's index of serving citizens and businesses
    Indicator("index_766_total", POINTS, INDEX_766),
    Indicator("index_766_publicity", POINTS, INDEX_766),
    Indicator("index_766_progress", POINTS, INDEX_766),
    Indicator("index_766_digitisation", POINTS, INDEX_766),
    Indicator("index_766_online", POINTS, INDEX_766),
    Indicator("index_766_online_service", POINTS, INDEX_766),
    Indicator("index_766_online_payment", POINTS, INDEX_766),
    Indicator("index_766_satisfaction", POINTS, INDEX_766),
    Indicator("publicity_rate", PERCENT, INDEX_766),
    # satisfaction and other indexes
    Indicator("satisfaction_rate", PERCENT, SATISFACTION),
    Indicator("sipas", PERCENT, SATISFACTION),
    Indicator("sipas_average", PERCENT, SATISFACTION),
    Indicator("papi_total", POINTS, SATISFACTION),
    # the PAR indexes: averages and components (the unit scores are par_scores)
    Indicator("hanoi_par_average", PERCENT, PAR),
    Indicator("hanoi_par_average_departments", PERCENT, PAR),
    Indicator("national_par_average", PERCENT, PAR),
    Indicator("par_component_modernisation", POINTS, PAR),
)
INDICATORS: dict[str, Indicator] = {i.code: i for i in _INDICATORS}

# The 766 index: its total and five groups (Decision 766/QĐ-TTg: 18 + 20 + 22 + 22 + 18).
INDEX_766_GROUPS = (
    "index_766_publicity",
    "index_766_progress",
    "index_766_digitisation",
    "index_766_online",
    "index_766_satisfaction",
)

INDEX_766_INDICATORS = tuple(i.code for i in _INDICATORS if i.topic == INDEX_766)

_PERIOD = re.compile(r"(\d{4})(?:-(Q[1-4]|\d{2}(?:-\d{2})?|partial))?")


def period_text(period: str, lang: str) -> str:
    """'2019' · 'quý II/2019' · 'tháng 3/2025' · '29/8/2025' · '2019 (một phần năm)'."""
    match = _PERIOD.fullmatch(period)
    if not match:
        return period
    year, rest = match.group(1), match.group(2)
    if rest is None:
        return year
    if rest == "partial":
        return t("period_partial", lang, year=year)
    if rest.startswith("Q"):
        q = int(rest[1])
        return t(
            "period_quarter",
            lang,
            q=("I", "II", "III", "IV")[q - 1] if lang == "vi" else q,
            year=year,
        )
    parts = [int(p) for p in rest.split("-")]
    if len(parts) == 1:
        return t("period_month", lang, month=parts[0], year=year)
    return t("period_day", lang, day=parts[1], month=parts[0], year=year)


def value_text(row: pd.Series | dict, lang: str) -> str:
    """The figure as published: '98,67%', '161', '> 20%', '58,3/100 điểm'."""
    value = row[s.VALUE]
    if value is None or pd.isna(value):
        return t("no_data", lang)
    kind = INDICATORS[str(row[s.INDICATOR])].kind
    if kind == PERCENT:
        text = fmt_published(value, lang, "%")
    elif kind == COUNT:
        text = fmt_int(value, lang)
    else:
        text = fmt_published(value, lang)
        top = row[s.MAX_VALUE]
        if top is not None and not pd.isna(top):
            text = f"{text}/{fmt_published(top, lang)}"
    comparator = str(row[s.COMPARATOR])
    return text if comparator == "=" else f"{comparator} {text}"


def label(code: str, lang: str) -> str:
    return t(f"fig_{code}", lang)


def of_unit(
    figures: pd.DataFrame,
    code: str | None,
    years: tuple[int, int] | None = None,
    topic: str | None = None,
) -> pd.DataFrame:
    """The figures about `code` (None: the whole country), over `years`, of `topic`."""
    keep = figures[s.UNIT_CODE].isna() if code is None else figures[s.UNIT_CODE].eq(code)
    keep = keep.fillna(False)
    if years is not None:
        keep &= figures[s.YEAR].between(*years).fillna(False)
    if topic is not None:
        topics = figures[s.INDICATOR].map(lambda c: INDICATORS[c].topic if c in INDICATORS else "")
        keep &= topics.eq(topic)
    return figures[keep.astype(bool)].sort_values([s.YEAR, s.PERIOD, s.INDICATOR], kind="stable")


def for_year(figures: pd.DataFrame, code: str, year: int, indicator: str) -> pd.Series | None:
    """The figure of `indicator` that stands for the unit's `year`: the whole year's when
    published, else the one of the latest period within the year (its period says which)."""
    rows = figures[
        figures[s.UNIT_CODE].eq(code).fillna(False)
        & figures[s.YEAR].eq(year).fillna(False)
        & figures[s.INDICATOR].eq(indicator).fillna(False)
        & figures[s.VALUE].notna()
    ]
    if rows.empty:
        return None
    whole = rows[rows[s.PERIOD] == str(year)]
    chosen = whole if not whole.empty else rows.sort_values(s.PERIOD, kind="stable")
    return chosen.iloc[-1]


def for_years(
    figures: pd.DataFrame, code: str, indicators: Iterable[str]
) -> dict[tuple[int, str], pd.Series]:
    """`for_year` of every year and indicator at once, by (year, indicator): one pass over
    the figures instead of four masks per year and indicator (a chart over eleven years)."""
    rows = figures[
        figures[s.UNIT_CODE].eq(code).fillna(False)
        & figures[s.INDICATOR].isin(list(indicators))
        & figures[s.VALUE].notna()
        & figures[s.YEAR].notna()
    ]
    chosen: dict[tuple[int, str], pd.Series] = {}
    for (year, indicator), group in rows.groupby([s.YEAR, s.INDICATOR], sort=False):
        whole = group[group[s.PERIOD] == str(year)]
        pick = whole if not whole.empty else group.sort_values(s.PERIOD, kind="stable")
        chosen[(int(year), str(indicator))] = pick.iloc[-1]
    return chosen


def years_of(figures: pd.DataFrame, code: str) -> tuple[int, ...]:
    """The years the unit has a published figure of."""
    rows = figures[figures[s.UNIT_CODE].eq(code).fillna(False) & figures[s.VALUE].notna()]
    return tuple(sorted({int(y) for y in rows[s.YEAR].dropna()}))
