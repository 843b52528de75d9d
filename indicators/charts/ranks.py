"""Rankings: ranks across years (bump), one year's scores, my unit against best and average."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import label_width, left_margin
from indicators.charts.common import (
    PERCENT_AXIS,
    PHONE_CHART,
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
from indicators.charts.style import BEST, FIELD, HIGHLIGHT, NEUTRAL, OTHER
from indicators.formatting import fmt_published, hover_value
from indicators.i18n import t
from indicators.rankings import RANK, UNITS_RANKED
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
    """My unit's rank across years (y reversed: 1 on top), thick, over the field of each year
    (a pale bar from the 1st to the last rank: how many units were ranked) and its middle
    rank (dashed); every other unit is a small grey dot that names itself on hover. Thirty
    crossing lines said nothing about anyone; this says where my unit stands."""
    index = t(f"index_{index_id}_short", lang)
    grid = _year_grid(years)
    counts = _ranked_per_year(history, grid)
    known = [n for n in counts if n is not None]
    traces: list[go.Bar | go.Scatter] = []
    if known:
        traces += _field(grid, counts, lang)
    others = history[history[s.UNIT_CODE] != highlight]
    others = others[others[RANK].notna()]
    if len(others):
        demo = _flags(others)
        traces.append(
            go.Scatter(
                x=others[s.YEAR].astype(int).tolist(),
                y=_values(others[RANK]),
                mode="markers",
                name=t("series_other_units", lang),
                marker={
                    "size": 7,
                    "color": OTHER,
                    "symbol": ["circle-open" if d else "circle" for d in demo],
                    "line": {"width": 1.5, "color": OTHER},
                },
                customdata=others[s.NAME_VI].astype(str).tolist(),
                hovertemplate="%{customdata}<br>%{x}: %{y}<extra></extra>",
            )
        )
    mine = history[history[s.UNIT_CODE] == highlight]
    if len(mine):
        name = str(mine[s.NAME_VI].iloc[0])
        traces += _line(
            grid,
            _by_year(mine, RANK, grid),
            _flags_by_year(mine, grid),
            f"<b>{name}</b>",
            {"color": HIGHLIGHT, "width": 4},
            f"{name}<br>%{{x}}: %{{y}}<extra></extra>",
            size=10,
        )
    traces += _demo_key(lang, any(_flags(history)))
    last = max([*known, *(int(v) for v in history[RANK].dropna())], default=1)
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
            "zeroline": False,
        },
        barmode="overlay",
        marks=[(year - 0.5, t("method_change", lang, year=year)) for year in method_changes],
        marks_at_bottom=True,  # rank 1 is on top
    )


def _ranked_per_year(history: pd.DataFrame, grid: list[int]) -> list[int | None]:
    """How many units the index ranked each year (the published count, else the last rank
    known); None for a year without ranks."""
    counts = []
    for year in grid:
        rows = history[history[s.YEAR] == year]
        column = rows[UNITS_RANKED] if UNITS_RANKED in rows else pd.Series(dtype=float)
        known = pd.concat([column, rows[RANK]]).dropna()
        counts.append(int(known.max()) if len(known) else None)
    return counts


def _field(grid: list[int], counts: list[int | None], lang: str) -> list[go.Bar | go.Scatter]:
    """The ranks of each year as a pale bar (1st to last) and the middle rank, dashed."""
    field = t("series_field", lang)
    middle = [None if n is None else (n + 1) / 2 for n in counts]
    return [
        go.Bar(
            x=grid,
            y=[None if n is None else n for n in counts],
            base=0.5,
            width=0.5,
            name=field,
            marker={"color": FIELD, "line": {"width": 0}},
            customdata=counts,
            hovertemplate=f"%{{x}}: {t('hover_ranked', lang)}<extra></extra>",
        ),
        go.Scatter(
            x=grid,
            y=middle,
            mode="markers",
            name=t("series_middle_rank", lang),
            marker={"symbol": "line-ew", "size": 22, "line": {"width": 2, "color": NEUTRAL}},
            hovertemplate=f"%{{x}}: {t('series_middle_rank', lang)} %{{y}}<extra></extra>",
        ),
    ]


def score_bars(
    table: pd.DataFrame, *, lang: str, index_id: str, year: int, highlight: str | None = None
) -> go.Figure:
    """Every unit's score in one year as horizontal bars, best on top; my unit in colour."""
    index = t(f"index_{index_id}_short", lang)
    ordered = table.sort_values([s.SCORE, s.NAME_VI], ascending=[True, False], na_position="first")
    codes = ordered[s.UNIT_CODE].astype(str).tolist()
    left = left_margin(ordered[s.NAME_VI].astype(str), titled=False)
    bars = go.Bar(
        x=_values(ordered[s.SCORE]),
        y=ordered[s.NAME_VI].astype(str).tolist(),
        orientation="h",
        marker=_bar_marker(
            [HIGHLIGHT if c == highlight else OTHER for c in codes], _flags(ordered)
        ),
        text=[fmt_published(v, lang, "%") for v in ordered[s.SCORE]],
        textposition="outside",
        cliponaxis=False,  # a value may reach into the right margin
        customdata=codes,
        hovertemplate="%{y}: " + hover_value("x", 2, "%") + "<extra></extra>",
        showlegend=False,  # the legend only explains the demo marks
    )
    return _figure(
        t("chart_scores", lang, index=index, year=year),
        lang,
        [bars, *_demo_key(lang, any(_flags(ordered)))],
        height=max(220, 24 * len(table) + 150),
        left=left,
        # from zero: a bar twice as long is twice the score (91,76 never looks half of 97,38)
        xaxis={"title": {"text": t("axis_score", lang)}, "range": [0, _score_end(bars, left)]},
        yaxis={"dtick": 1},
        showlegend=any(_flags(ordered)),
    )


SCORE_END = 109  # the score axis's end on a wide screen: room for the best bar's value
VALUE_PAD = 6  # px between a bar's end and its value, and the value's slack
RIGHT = 10  # the figure's right margin (indicators.charts.common._figure)


def _score_end(bars: go.Bar, left: int) -> int:
    """The score axis's end: SCORE_END, or further where a phone's plot (the narrowest:
    PHONE_CHART less the margins) would leave a value no room beside its bar, so that every
    value is written whole, before the chart's right edge."""
    plot = PHONE_CHART - left - RIGHT
    end = float(SCORE_END)
    for value, text in zip(bars.x, bars.text, strict=True):
        room = plot + RIGHT - label_width(text) - VALUE_PAD  # where the bar may end, at most
        if value is not None and room > 0:
            end = max(end, value * plot / room)
    return math.ceil(end)


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
