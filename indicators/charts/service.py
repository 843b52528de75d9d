"""Service to citizens: shortened procedures (per field, legal against committed days) and
on-time resolution (early / on time / late, my unit's trend against the city's)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import BOTTOM_TITLED, left_margin
from indicators.charts.common import (
    PERCENT_AXIS,
    _bar_marker,
    _by_year,
    _count_axis,
    _demo_key,
    _figure,
    _flags,
    _flags_by_year,
    _lines,
    _period,
    _title,
    _values,
    _year_axis,
    _year_grid,
)
from indicators.charts.style import HIGHLIGHT, NEUTRAL, OTHER, TIMELINESS_COLOURS
from indicators.formatting import fmt_published, hover_value
from indicators.i18n import t
from indicators.shortened import SHORTENED
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE
from indicators.views import CITY_SERIES, UNIT_SERIES

LATE_PANEL, EARLY_PANEL = (0.56, 1.0), (0.0, 0.44)  # the timeliness chart's two panels
PANEL_HEADROOM = 1.3  # above the highest bar: room for its value
BOTTOM_TWO_LINES = BOTTOM_TITLED + 17  # the year and its on-time rate under it

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
        xaxis=_count_axis(
            t("axis_procedures", lang),
            max((v for v in _values(ordered[SHORTENED]) if v), default=0),
        ),
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
    """The late and the early share of the resolved dossiers, each in a panel of its own that
    starts at zero (a late share under 1 % is a sliver on a 0-100 % stack), with each bar's
    value written on it; the on-time rate is written under its year."""
    title = t("chart_timeliness", lang, unit=unit_name, period=_period(years))
    grid = _year_grid(years)
    demo = _flags_by_year(frame, grid)
    traces, axes = [], {}
    for column, key, axis, domain in (
        (LATE_RATE, "series_late", "y", LATE_PANEL),
        (EARLY_RATE, "series_early", "y2", EARLY_PANEL),
    ):
        label, values = t(key, lang), _by_year(frame, column, grid)
        traces.append(
            go.Bar(
                x=grid,
                y=values,
                yaxis=axis,
                name=label,
                marker=_bar_marker(TIMELINESS_COLOURS[column], demo),
                text=[fmt_published(v, lang, "%") if v is not None else "" for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{label}<br>%{{x}}: " + hover_value("y", 2, "%") + "<extra></extra>",
                showlegend=False,  # each panel says what it shows on its axis
            )
        )
        top = max((v for v in values if v is not None), default=0.0)
        axes["yaxis" if axis == "y" else "yaxis2"] = {
            "title": {"text": label + " (%)"},
            "domain": domain,
            "range": [0, max(top * PANEL_HEADROOM, 1.0)],
            "ticksuffix": "%",
            "rangemode": "tozero",
        }
    on_time = _by_year(frame, ON_TIME_RATE, grid) if ON_TIME_RATE in frame else [None] * len(grid)
    ticks = [
        f"{year}<br>{fmt_published(rate, lang, '%')}" if rate is not None else str(year)
        for year, rate in zip(grid, on_time, strict=True)
    ]
    return _figure(
        _title(title, lang, field),
        lang,
        [*traces, *_demo_key(lang, any(demo))],
        height=460,
        left=PERCENT_AXIS,
        xaxis={
            **_year_axis(years, lang),
            "title": {"text": t("axis_year_on_time", lang)},
            "anchor": "y2",
            "tickvals": grid,
            "ticktext": ticks,
        },
        yaxis=axes["yaxis"],
        yaxis2=axes["yaxis2"],
        showlegend=any(demo),
        margin={"b": BOTTOM_TWO_LINES},
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
