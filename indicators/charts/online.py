"""Online services: procedures per online level (stacked bars), the share filed online."""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import left_margin
from indicators.charts.common import (
    PERCENT_AXIS,
    _bar_marker,
    _by_year,
    _count_axis,
    _demo_key,
    _figure,
    _flags,
    _flags_by_year,
    _line,
    _period,
    _title,
    _top_count,
    _year_axis,
    _year_grid,
    _yearly_top,
)
from indicators.charts.style import LEVEL_COLOURS, SWITCH_X, UNKNOWN_LEVEL
from indicators.formatting import hover_value, is_missing
from indicators.i18n import t
from indicators.online import PROCEDURES, SHARE


def _level_label(level: Any, lang: str) -> str:
    return t("level_unknown", lang) if is_missing(level) else t(f"level_{level}", lang)


def _levels_in(frame: pd.DataFrame) -> list[Any]:
    order = {level: i for i, level in enumerate(LEVEL_COLOURS)}
    levels = list(dict.fromkeys(frame[s.ONLINE_LEVEL].tolist()))
    return sorted(levels, key=lambda lv: order.get(lv, len(order)) if not is_missing(lv) else 99)


def _switch_marks(years: tuple[int, int], lang: str) -> list[tuple[float, str]]:
    """The 2022 switch from levels 1-4 to full / partial, when the years span it."""
    return [(SWITCH_X, t("decree_42", lang))] if years[0] < SWITCH_X < years[1] else []


def levels_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    years: tuple[int, int],
    field: str | None = None,
) -> go.Figure:
    """Procedures per online level, stacked by year; levels 1-4 in blues, full / partial in
    oranges, the 2022 switch marked by a dashed line."""
    title = t("chart_levels", lang, unit=unit_name, period=_period(years))
    grid = _year_grid(years)
    traces = []
    for level in _levels_in(frame):
        rows = (
            frame[frame[s.ONLINE_LEVEL].isna()]
            if is_missing(level)
            else frame[frame[s.ONLINE_LEVEL] == level]
        )
        label = _level_label(level, lang)
        traces.append(
            go.Bar(
                x=grid,
                y=_by_year(rows, PROCEDURES, grid),
                name=label,
                marker=_bar_marker(
                    LEVEL_COLOURS.get(level, UNKNOWN_LEVEL), _flags_by_year(rows, grid)
                ),
                hovertemplate=f"{label}<br>%{{x}}: " + hover_value("y") + "<extra></extra>",
            )
        )
    traces += _demo_key(lang, any(_flags(frame)))
    return _figure(
        _title(title, lang, field),
        lang,
        traces,
        left=left_margin([_top_count(frame, PROCEDURES, lang)], titled=True),
        xaxis=_year_axis(years, lang),
        yaxis=_count_axis(t("axis_procedures", lang), _yearly_top(frame, PROCEDURES)),
        marks=_switch_marks(years, lang),
        barmode="stack",
    )


def share_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    years: tuple[int, int],
    field: str | None = None,
) -> go.Figure:
    """The share of dossiers submitted online per level and year, one line per level."""
    title = t("chart_share", lang, unit=unit_name, period=_period(years))
    grid = _year_grid(years)
    traces = []
    for level in _levels_in(frame):
        rows = frame[frame[s.ONLINE_LEVEL] == level]
        label = _level_label(level, lang)
        is_new = level in ("full", "partial")
        style = {
            "color": LEVEL_COLOURS.get(level, UNKNOWN_LEVEL),
            "width": 3,
            "dash": "solid" if is_new else "dashdot",
        }
        hover = f"{label}<br>%{{x}}: " + hover_value("y", 2, "%") + "<extra></extra>"
        traces += _line(
            grid, _by_year(rows, SHARE, grid), _flags_by_year(rows, grid), label, style, hover
        )
    traces += _demo_key(lang, any(_flags(frame)))
    return _figure(
        _title(title, lang, field),
        lang,
        traces,
        left=PERCENT_AXIS,
        xaxis=_year_axis(years, lang),
        yaxis={"title": {"text": t("axis_share", lang)}, "range": [0, 105], "ticksuffix": "%"},
        marks=_switch_marks(years, lang),
    )
