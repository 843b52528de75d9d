"""Tables and sentences built from a year's ranking: the rank table as shown, its leaders."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators import figures
from indicators import schema as s
from indicators.escaping import inert
from indicators.formatting import fmt_place, fmt_published, fmt_signed, is_missing
from indicators.i18n import t
from indicators.rankings import (
    BY_PUBLISHED,
    RANK,
    RANK_CHANGE,
    RANKED_BY,
    SCORE_CHANGE,
    UNITS_RANKED,
    UNITS_SHOWN,
)
from indicators.views.filters import Filters, page_url

MISSING = "–"  # a cell nobody published


def _rank_change_text(change: Any, lang: str) -> str:
    if is_missing(change):
        return MISSING
    change = int(change)
    return "=" if change == 0 else (f"↑{change}" if change > 0 else f"↓{-change}")


def _score_text(value: Any, lang: str) -> str:
    return MISSING if is_missing(value) else fmt_published(value, lang, "%")


def rank_display(
    table: pd.DataFrame, filters: Filters, goals: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The rank table as shown: rank, unit, score as published and changes, the official
    targets of the year met or not (`goals`, of views.year_goals, when any unit has one), a
    profile link."""
    lang = filters.lang
    changes = [MISSING if is_missing(v) else fmt_signed(v, lang, 2) for v in table[SCORE_CHANGE]]
    shown = pd.DataFrame(
        {
            t("col_rank", lang): table[RANK].astype("Int64"),
            t("col_unit", lang): table[s.NAME_VI].astype(str),
            t("col_score", lang): [_score_text(v, lang) for v in table[s.SCORE]],
            t("col_rank_change", lang): [_rank_change_text(v, lang) for v in table[RANK_CHANGE]],
            t("col_score_change", lang): changes,
            t("col_profile", lang): [
                page_url(filters, "unit", unit=str(c), year=str(y))
                for c, y in zip(table[s.UNIT_CODE], table[s.YEAR], strict=True)
            ],
        }
    )
    if goals is None or not goals["goals"].ne("").any():
        return shown
    said = dict(zip(goals[s.UNIT_CODE], goals["goals"], strict=True))
    texts = [said.get(code) or MISSING for code in table[s.UNIT_CODE]]
    return shown.assign(**{t("targets_column", lang): texts})[
        [*shown.columns[:-1], t("targets_column", lang), shown.columns[-1]]
    ]


def ranking_note(table: pd.DataFrame, lang: str) -> str | None:
    """'Năm 2023 đã công bố thứ hạng của 7/30 đơn vị; …' for a year published in part."""
    if table.empty or not table[RANKED_BY].eq(BY_PUBLISHED).any():
        return None
    first = table.iloc[0]
    values = {"year": int(first[s.YEAR]), "shown": int(first[UNITS_SHOWN])}
    return t("ranking_partial", lang, total=int(first[UNITS_RANKED]), **values)


def leaders_sentence(table: pd.DataFrame, lang: str) -> str | None:
    """'Năm 2023, dẫn đầu: Quận Đống Đa (96,3%); cuối bảng: …' from a year's rank table; of a
    year published in part, only what was published (the last place when it was). Markdown:
    the leaders in bold, every name inert."""
    ranked = table[table[RANK].notna()]
    if ranked.empty:
        return None

    def names_at(rank: Any, bold: bool = False) -> str:
        rows = ranked[ranked[RANK] == rank]
        names = ", ".join(inert(name) for name in rows[s.NAME_VI].astype(str))
        names = f"**{names}**" if bold else names
        score = rows[s.SCORE].iloc[0]
        return names if is_missing(score) else f"{names} ({fmt_published(score, lang, '%')})"

    year = int(ranked[s.YEAR].iloc[0])
    first = (ranked[RANK] == 1).any()
    text = t("leaders_top", lang, year=year, top=names_at(1, bold=True)) if first else ""
    last = int(ranked[UNITS_RANKED].iloc[0])
    if ranked[RANK].max() >= last and ranked[RANK].max() > 1:
        key = "leaders_bottom" if text else "leaders_bottom_only"
        text += t(key, lang, year=year, bottom=names_at(ranked[RANK].max()))
    return f"{text}." if text else None


def published_display(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Published figures as shown: period, indicator, value as published (with its rank
    when one was published) and the excerpt that states it."""
    ranks = [
        MISSING if is_missing(r) else fmt_place(r, n, lang)
        for r, n in zip(rows[s.RANK], rows[s.UNITS_RANKED], strict=True)
    ]
    out = {
        t("col_period", lang): [figures.period_text(str(p), lang) for p in rows[s.PERIOD]],
        t("col_indicator", lang): [figures.label(str(c), lang) for c in rows[s.INDICATOR]],
        t("col_value", lang): [figures.value_text(r, lang) for r in rows.to_dict("records")],
        t("col_rank", lang): ranks,
        t("col_excerpt", lang): [MISSING if is_missing(e) else str(e) for e in rows[s.EXCERPT]],
    }
    shown = pd.DataFrame(out)
    if all(r == MISSING for r in ranks):
        shown = shown.drop(columns=t("col_rank", lang))
    return shown


def index_766_display(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The 766 snapshots as shown: snapshot, rank (of how many), unit, points."""
    return pd.DataFrame(
        {
            t("col_period", lang): [figures.period_text(str(p), lang) for p in rows[s.PERIOD]],
            t("col_rank", lang): [
                MISSING if is_missing(r) else fmt_place(r, n, lang)
                for r, n in zip(rows[s.RANK], rows[s.UNITS_RANKED], strict=True)
            ],
            t("col_unit", lang): rows[s.NAME_VI].astype(str),
            t("col_value", lang): [
                MISSING if is_missing(r[s.VALUE]) else figures.value_text(r, lang)
                for r in rows.to_dict("records")
            ],
        }
    )
