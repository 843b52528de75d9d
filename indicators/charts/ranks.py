"""Rankings: ranks across years (bump), one year's scores, my unit against best and average."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import left_margin
from indicators.charts.common import (
    PERCENT_AXIS,
    _bar_marker,
    _by_year,
    _demo_key,
    _figure,
    _flags,
    _flags_by_year,
    _line,
    _lines,
    _period,
    _values,
    _year_axis,
    _year_grid,
)
from indicators.charts.style import BEST, HIGHLIGHT, NEUTRAL, OTHER
from indicators.formatting import fmt_published, hover_value
from indicators.i18n import t
from indicators.rankings import RANK
from indicators.views import AVERAGE_SERIES, BEST_SERIES, UNIT_SERIES


def bump_chart(
    history: pd.DataFrame,
    *,
    lang: str,
    index_id: str,
    years: tuple[int, int],
    highlight: str | None = None,
    method_changes: tuple[int, ...] = (),
) -> go.Figure:
    """Ranks across years, one line per unit (y reversed: 1 on top); my unit thick and bold."""
    index = t(f"index_{index_id}_short", lang)
    grid = _year_grid(years)
    units = history[[s.UNIT_CODE, s.NAME_VI]].drop_duplicates(s.UNIT_CODE)
    mine = units[s.UNIT_CODE] == highlight
    traces = []
    for code, name in pd.concat([units[~mine], units[mine]]).itertuples(index=False):
        rows = history[history[s.UNIT_CODE] == code]
        is_mine = code == highlight
        traces += _line(
            grid,
            _by_year(rows, RANK, grid),
            _flags_by_year(rows, grid),
            f"<b>{name}</b>" if is_mine else str(name),
            {"color": HIGHLIGHT if is_mine else OTHER, "width": 4 if is_mine else 1.5},
            f"{name}<br>%{{x}}: %{{y}}<extra></extra>",
            size=9 if is_mine else 5,
            showlegend=is_mine,
        )
    traces += _demo_key(lang, any(_flags(history)))
    last = int(history[RANK].max()) if history[RANK].notna().any() else 1
    return _figure(
        t("chart_bump", lang, index=index, period=_period(years)),
        lang,
        traces,
        height=560,
        left=left_margin([str(last)], titled=True),
        xaxis=_year_axis(years, lang),
        yaxis={
            "range": [last + 0.5, 0.5],  # reversed: the 1st on top
            "tickvals": [1, *range(5, last + 1, 5)],
            "title": {"text": t("axis_rank", lang)},
            "tickformat": "d",
        },
        marks=[(year - 0.5, t("method_change", lang, year=year)) for year in method_changes],
        marks_at_bottom=True,  # rank 1 is on top
    )


def score_bars(
    table: pd.DataFrame, *, lang: str, index_id: str, year: int, highlight: str | None = None
) -> go.Figure:
    """Every unit's score in one year as horizontal bars, best on top; my unit in colour."""
    index = t(f"index_{index_id}_short", lang)
    ordered = table.sort_values([s.SCORE, s.NAME_VI], ascending=[True, False], na_position="first")
    codes = ordered[s.UNIT_CODE].astype(str).tolist()
    bars = go.Bar(
        x=_values(ordered[s.SCORE]),
        y=ordered[s.NAME_VI].astype(str).tolist(),
        orientation="h",
        marker=_bar_marker(
            [HIGHLIGHT if c == highlight else OTHER for c in codes], _flags(ordered)
        ),
        text=[fmt_published(v, lang, "%") for v in ordered[s.SCORE]],
        textposition="outside",
        customdata=codes,
        hovertemplate="%{y}: " + hover_value("x", 2, "%") + "<extra></extra>",
        showlegend=False,  # the legend only explains the demo marks
    )
    return _figure(
        t("chart_scores", lang, index=index, year=year),
        lang,
        [bars, *_demo_key(lang, any(_flags(ordered)))],
        height=max(220, 24 * len(table) + 150),
        left=left_margin(ordered[s.NAME_VI].astype(str), titled=False),
        # from zero: a bar twice as long is twice the score (91,76 never looks half of 97,38)
        xaxis={"title": {"text": t("axis_score", lang)}, "range": [0, 109]},
        yaxis={"dtick": 1},
        showlegend=any(_flags(ordered)),
    )


def best_average_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    years: tuple[int, int],
    method_changes: tuple[int, ...] = (),
) -> go.Figure:
    """My unit's score against the best and the average score of each year."""
    styles = (
        (UNIT_SERIES, unit_name, {"color": HIGHLIGHT, "width": 4}),
        (BEST_SERIES, t("series_best", lang), {"color": BEST, "width": 2, "dash": "dot"}),
        (AVERAGE_SERIES, t("series_average", lang), {"color": NEUTRAL, "width": 2, "dash": "dash"}),
    )
    return _figure(
        t("chart_best_average", lang, unit=unit_name, period=_period(years)),
        lang,
        _lines(frame, s.SCORE, _year_grid(years), styles, lang),
        left=PERCENT_AXIS,
        xaxis=_year_axis(years, lang),
        yaxis={"title": {"text": t("axis_score", lang)}, "ticksuffix": "%"},
        marks=[(year - 0.5, t("method_change", lang, year=year)) for year in method_changes],
    )
