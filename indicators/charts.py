"""Plotly figure builders: a tidy frame in, a fresh go.Figure out.

Every builder makes its own layout (no shared mutable dicts), sets Plotly's `separators` for
the language, titles the figure with what it shows and when, and draws "my unit" in the
highlight colour. A missing value is drawn as a gap (None), never as 0. Years are plain
integers on the axis (tickformat "d"), so that 2018 never reads "2.018".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import BOTTOM_TITLED, left_margin  # and the default template
from indicators.formatting import (
    fmt_number,
    fmt_place,
    fmt_published,
    hover_value,
    is_missing,
    separators,
)
from indicators.i18n import t
from indicators.online import PROCEDURES, SHARE
from indicators.rankings import RANK
from indicators.shortened import SHORTENED
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE
from indicators.views import (
    AVERAGE_SERIES,
    BEST_SERIES,
    CITY_SERIES,
    ON_TIME_ONLY_RATE,
    SERIES,
    UNIT_SERIES,
)

HIGHLIGHT = "#c62828"  # my unit
OTHER = "#b0bec5"  # every other unit
NEUTRAL = "#546e7a"
BEST = "#2e7d32"
# Levels 1-4 (until 2021) in blues, the forms of Decree 42/2022 in oranges: two families.
LEVEL_COLOURS = MappingProxyType(
    {
        "1": "#c6dbef",
        "2": "#6baed6",
        "3": "#2171b5",
        "4": "#08306b",
        "full": "#d94801",
        "partial": "#fd8d3c",
        "none": "#fdd0a2",
    }
)
UNKNOWN_LEVEL = "#d9d9d9"
TIMELINESS_COLOURS = MappingProxyType(
    {EARLY_RATE: "#1b7837", ON_TIME_ONLY_RATE: "#7fbf7b", LATE_RATE: "#d6604d"}
)
SWITCH_X = s.FIRST_YEAR_OF_FORMS - 0.5  # between 2021 (levels) and 2022 (full / partial)


# --- shared pieces (each call builds new objects) -------------------------------------------


def _title(text: str, lang: str, field: str | None = None) -> str:
    return f"{text} · {t('field_active', lang, field=field)}" if field else text


def _figure(
    title: str,
    lang: str,
    traces: Iterable[go.Scatter | go.Bar],
    *,
    height: int = 420,
    left: int,
    xaxis: dict[str, Any] | None = None,
    yaxis: dict[str, Any] | None = None,
    marks: Iterable[tuple[float, str]] = (),
    marks_at_bottom: bool = False,
    **layout: Any,
) -> go.Figure:
    """The figure built at once from its traces and its whole layout: Plotly validates it
    once (each fig.update_* call costs 2-10 ms more, which a filter change pays per chart).
    `left`: the margin that holds the y axis's labels (chart_theme.left_margin), so that the
    browser draws the chart once.
    `marks`: (x, text) pairs drawn as a dashed vertical line with its label, at the top (or
    at the bottom, where the top holds what matters most, e.g. rank 1)."""
    marks = list(marks)
    return go.Figure(
        data=list(traces),
        layout={
            "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 17}},
            "separators": separators(lang),
            "height": height,
            "margin": {"l": left, "r": 10, "t": 70, "b": BOTTOM_TITLED},
            "legend": {
                "orientation": "h",
                "yanchor": "bottom",
                "y": 1.0,
                "x": 0,
                "traceorder": "normal",
            },
            "hoverlabel": {"namelength": -1},
            "xaxis": xaxis or {},
            "yaxis": yaxis or {},
            "shapes": [_mark_line(x) for x, _ in marks],
            "annotations": [_mark_label(x, text, marks_at_bottom) for x, text in marks],
            **layout,
        },
    )


PERCENT_AXIS = left_margin(["100%"], titled=True)  # 0-100 %, and the title


def _top_count(frame: pd.DataFrame, column: str, lang: str) -> str:
    """The widest label a count axis can get: the largest yearly total and 5 % above it
    (Plotly's autorange), written as the axis writes it."""
    totals = frame.groupby(s.YEAR)[column].sum() if len(frame) else pd.Series([0])
    return fmt_number(math.ceil(float(totals.max()) * 1.05), lang, 0)


def _year_axis(years: tuple[int, int], lang: str) -> dict[str, Any]:
    return {
        "title": {"text": t("axis_year", lang)},
        "tickformat": "d",
        "dtick": 1,
        "range": [years[0] - 0.5, years[1] + 0.5],
    }


def _values(values: Iterable[Any]) -> list[float | None]:
    """Plotly-ready numbers: NA becomes None, which Plotly draws as a gap."""
    return [None if is_missing(v) else float(v) for v in values]


def _by_year(frame: pd.DataFrame, column: str, years: list[int]) -> list[float | None]:
    """`column` on the year grid `years`; a year absent from the frame is a gap."""
    lookup = dict(zip(frame[s.YEAR].astype(int), _values(frame[column]), strict=True))
    return [lookup.get(y) for y in years]


# --- generated (demo) marks: drawn unlike published ones -----------------------------------
DEMO_OPACITY = 0.45  # a generated bar is faded …
DEMO_PATTERN = "/"  # … and hatched; a generated point is hollow, its segments dotted


def _flags(frame: pd.DataFrame) -> list[bool]:
    """Per row: True when a generated (demo) row contributed."""
    if s.DEMO not in frame.columns:
        return [False] * len(frame)
    return [bool(v) for v in frame[s.DEMO].astype("boolean").fillna(False)]


def _flags_by_year(frame: pd.DataFrame, years: list[int]) -> list[bool]:
    """Per year of the grid: True when a generated row of that year contributed."""
    lookup = dict(zip(frame[s.YEAR].astype(int), _flags(frame), strict=True))
    return [lookup.get(y, False) for y in years]


def _bar_marker(colour: str | list[str], demo: list[bool]) -> dict[str, Any]:
    """A bar's marker: generated bars faded and hatched, published ones solid."""
    if not any(demo):
        return {"color": colour}
    return {
        "color": colour,
        "opacity": [DEMO_OPACITY if d else 1.0 for d in demo],
        "pattern": {
            "shape": [DEMO_PATTERN if d else "" for d in demo],
            "fillmode": "overlay",
            "fgcolor": "#37474f",
            "size": 6,
        },
    }


def _line(
    x: list[Any],
    y: list[float | None],
    demo: list[bool],
    name: str,
    style: dict[str, Any],
    hover: str,
    **extra: Any,
) -> list[go.Scatter]:
    """A series as one line; where generated points are, they are hollow and the segments
    that touch them dotted (a dotted line under the solid line of the published points)."""
    size = extra.pop("size", 7)
    solid = [v if not d else None for v, d in zip(y, demo, strict=True)]
    symbols = ["circle-open" if d else "circle" for d in demo]
    if not any(demo):
        return [
            go.Scatter(
                x=x,
                y=y,
                name=name,
                mode="lines+markers",
                connectgaps=False,
                line=style,
                marker={"size": size},
                hovertemplate=hover,
                **extra,
            )
        ]
    group = f"g-{name}"
    dotted = {**style, "dash": "dot"}
    return [
        go.Scatter(
            x=x,
            y=y,
            name=name,
            mode="lines+markers",
            connectgaps=False,
            line=dotted,
            marker={"size": size, "symbol": symbols, "line": {"width": 2}},
            legendgroup=group,
            hovertemplate=hover,
            **extra,
        ),
        go.Scatter(
            x=x,
            y=solid,
            name=name,
            mode="lines",
            connectgaps=False,
            line=style,
            legendgroup=group,
            showlegend=False,
            hoverinfo="skip",
        ),
    ]


def _demo_key(lang: str, any_demo: bool) -> list[go.Scatter]:
    """A legend entry that says how generated figures are drawn (when any is)."""
    if not any_demo:
        return []
    return [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=t("legend_demo", lang),
            marker={"symbol": "square-open", "size": 11, "color": NEUTRAL, "line": {"width": 2}},
            hoverinfo="skip",
        )
    ]


def _period(years: tuple[int, int]) -> str:
    """'2015–2024', or just '2025' for a single year."""
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def _year_grid(years: tuple[int, int]) -> list[int]:
    return list(range(years[0], years[1] + 1))


def _mark_line(x: float) -> dict[str, Any]:
    return {
        "type": "line", "x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
        "line": {"dash": "dash", "color": NEUTRAL, "width": 1},
    }  # fmt: skip


def _mark_label(x: float, text: str, at_bottom: bool = False) -> dict[str, Any]:
    return {
        "x": x, "y": 0 if at_bottom else 1, "yref": "paper", "text": text, "showarrow": False,
        "xanchor": "left", "yanchor": "bottom" if at_bottom else "top",
        "font": {"size": 11, "color": NEUTRAL}, "bgcolor": "rgba(255,255,255,0.8)",
    }  # fmt: skip


def _level_label(level: Any, lang: str) -> str:
    return t("level_unknown", lang) if is_missing(level) else t(f"level_{level}", lang)


# --- rankings -------------------------------------------------------------------------------


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


def _lines(
    frame: pd.DataFrame,
    column: str,
    grid: list[int],
    styles: Iterable[tuple[str, str, dict[str, Any]]],
    lang: str,
) -> list[go.Scatter]:
    """One line per (series, label, line style) of a long frame with a SERIES column, and
    the key to generated points when there are any."""
    traces = []
    for series, label, line in styles:
        rows = frame[frame[SERIES] == series]
        hover = f"{label}<br>%{{x}}: " + hover_value("y", 2, "%") + "<extra></extra>"
        traces += _line(
            grid, _by_year(rows, column, grid), _flags_by_year(rows, grid), label, line, hover
        )
    return traces + _demo_key(lang, any(_flags(frame)))


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


# --- online services ------------------------------------------------------------------------


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
        yaxis={"title": {"text": t("axis_procedures", lang)}, "tickformat": ",d"},
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


# --- shortened procedures -------------------------------------------------------------------


def shortened_fields_chart(
    frame: pd.DataFrame, *, lang: str, unit_name: str, year: int, field: str | None = None
) -> go.Figure:
    """Shortened procedures per field (horizontal bars); an unknown count is a gap."""
    title = t("chart_fields", lang, unit=unit_name, year=year)
    ordered = frame.iloc[::-1]  # the frame comes most shortened first: put it on top
    bars = go.Bar(
        x=_values(ordered[SHORTENED]),
        y=ordered[s.FIELD].astype(str).tolist(),
        orientation="h",
        marker=_bar_marker(HIGHLIGHT, _flags(ordered)),
        text=_values(ordered[SHORTENED]),
        texttemplate="%{x:,d}",
        textposition="outside",
        hovertemplate="%{y}: %{x:,d}<extra></extra>",
        showlegend=False,  # the legend only explains the demo marks
    )
    return _figure(
        _title(title, lang, field),
        lang,
        [bars, *_demo_key(lang, any(_flags(ordered)))],
        height=max(320, 30 * len(frame) + 120),
        left=left_margin(ordered[s.FIELD].astype(str), titled=False),
        xaxis={
            "title": {"text": t("axis_procedures", lang)},
            "tickformat": ",d",
            "rangemode": "tozero",
        },
        showlegend=any(_flags(ordered)),
    )


def days_chart(
    frame: pd.DataFrame, *, lang: str, unit_name: str, year: int, field: str | None = None
) -> go.Figure:
    """Legal against committed days per procedure (grouped horizontal bars)."""
    title = t("chart_days", lang, unit=unit_name, year=year)
    ordered = frame.iloc[::-1]
    names = ordered[s.PROCEDURE_NAME].astype(str).tolist()
    traces = []
    for column, key, colour in (
        (s.LEGAL_DAYS, "series_legal", OTHER),
        (s.COMMITTED_DAYS, "series_committed", HIGHLIGHT),
    ):
        label = t(key, lang)
        traces.append(
            go.Bar(
                x=_values(ordered[column]),
                y=names,
                name=label,
                orientation="h",
                marker=_bar_marker(colour, _flags(ordered)),
                hovertemplate=f"%{{y}}<br>{label}: " + hover_value("x", 1) + "<extra></extra>",
            )
        )
    traces += _demo_key(lang, any(_flags(ordered)))
    return _figure(
        _title(title, lang, field),
        lang,
        traces,
        height=max(360, 44 * len(frame) + 140),
        left=left_margin(names, titled=False),
        xaxis={"title": {"text": t("axis_days", lang)}, "rangemode": "tozero"},
        barmode="group",
    )


# --- timeliness -----------------------------------------------------------------------------


def timeliness_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    years: tuple[int, int],
    field: str | None = None,
) -> go.Figure:
    """Early, on time (not early) and late dossiers as shares of the resolved ones, stacked."""
    title = t("chart_timeliness", lang, unit=unit_name, period=_period(years))
    grid = _year_grid(years)
    traces = []
    for column, key in (
        (EARLY_RATE, "series_early"),
        (ON_TIME_ONLY_RATE, "series_on_time_only"),
        (LATE_RATE, "series_late"),
    ):
        label = t(key, lang)
        traces.append(
            go.Bar(
                x=grid,
                y=_by_year(frame, column, grid),
                name=label,
                marker=_bar_marker(TIMELINESS_COLOURS[column], _flags_by_year(frame, grid)),
                hovertemplate=f"{label}<br>%{{x}}: " + hover_value("y", 2, "%") + "<extra></extra>",
            )
        )
    traces += _demo_key(lang, any(_flags(frame)))
    return _figure(
        _title(title, lang, field),
        lang,
        traces,
        left=PERCENT_AXIS,
        xaxis=_year_axis(years, lang),
        yaxis={"title": {"text": t("axis_share", lang)}, "range": [0, 100], "ticksuffix": "%"},
        barmode="stack",
    )


def on_time_trend_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    years: tuple[int, int],
    field: str | None = None,
) -> go.Figure:
    """My unit's on-time rate per year against the pooled rate of the whole city."""
    title = t("chart_trend", lang, unit=unit_name, period=_period(years))
    styles = (
        (UNIT_SERIES, unit_name, {"color": HIGHLIGHT, "width": 4}),
        (CITY_SERIES, t("series_city", lang), {"color": NEUTRAL, "width": 2, "dash": "dash"}),
    )
    known = [v for v in _values(frame[ON_TIME_RATE]) if v is not None]
    low = min(known) if known else 0.0
    low = min(low - 2, 90.0)  # whole-number ticks, and room below a single high point
    return _figure(
        _title(title, lang, field),
        lang,
        _lines(frame, ON_TIME_RATE, _year_grid(years), styles, lang),
        left=PERCENT_AXIS,
        xaxis=_year_axis(years, lang),
        yaxis={
            "title": {"text": t("axis_share", lang)},
            "range": [max(0.0, low), 100.5],
            "ticksuffix": "%",
        },
    )


# --- Decision 766's index ---------------------------------------------------------------------


def index_766_chart(frame: pd.DataFrame, *, lang: str, unit_name: str) -> go.Figure:
    """The unit's published 766 totals, one bar per snapshot (from zero, of 100 points), with
    the rank published with each."""
    from indicators import figures  # the snapshot dates in words

    totals = frame[(frame[s.INDICATOR] == "index_766_total") & frame[s.VALUE].notna()]
    labels = [figures.period_text(str(p), lang) for p in totals[s.PERIOD]]
    places = [
        "" if is_missing(r) else f" · {fmt_place(r, n, lang)}"
        for r, n in zip(totals[s.RANK], totals[s.UNITS_RANKED], strict=True)
    ]
    bars = go.Bar(
        x=labels,
        y=_values(totals[s.VALUE]),
        marker=_bar_marker(HIGHLIGHT, _flags(totals)),
        text=[f"{fmt_published(v, lang)}{p}" for v, p in zip(totals[s.VALUE], places, strict=True)],
        textposition="outside",
        hovertemplate="%{x}: %{y}<extra></extra>",
    )
    return _figure(
        t("chart_766", lang, unit=unit_name),
        lang,
        [bars],
        left=left_margin(["100"], titled=True),
        xaxis={"title": {"text": t("axis_snapshot", lang)}, "type": "category"},
        yaxis={"title": {"text": t("axis_points", lang)}, "range": [0, 110]},
        showlegend=False,
    )
