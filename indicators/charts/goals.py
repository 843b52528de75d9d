"""Official targets on a chart: one dotted line per target over the years it is in force,
named in the legend by its instrument ("NQ 76/NQ-CP: ≥ 80% (2025)"), and the chart of a
unit's online services measured the way the targets are set (shares of procedures and of
dossiers)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators import targets_table as tt
from indicators.charts.common import (
    PERCENT_AXIS,
    _by_year,
    _demo_key,
    _figure,
    _flags,
    _flags_by_year,
    _line,
    _period,
    _title,
    _year_axis,
    _year_grid,
)
from indicators.charts.style import GOAL, LEVEL_COLOURS
from indicators.formatting import hover_value
from indicators.i18n import t
from indicators.targets import metric_name
from indicators.views.goals import LABEL, ONLINE_METRICS, VALUE

DASHES = ("dash", "longdash", "dashdot")  # dotted: a generated segment
METRIC_STYLES = {
    tt.ONLINE_PROCEDURES: {"color": LEVEL_COLOURS["partial"], "width": 3},
    tt.FULL_PROCEDURES: {"color": LEVEL_COLOURS["full"], "width": 3},
    tt.ONLINE_DOSSIERS: {"color": LEVEL_COLOURS["3"], "width": 3},
    tt.FULL_DOSSIERS: {"color": LEVEL_COLOURS["4"], "width": 3},
}


def goal_traces(goals: pd.DataFrame, years: tuple[int, int]) -> list[go.Scatter]:
    """A dotted line per target from its first year in force (or the period's first) to its
    last (or the period's last), named by its label in the legend and the hover."""
    traces = []
    for i, goal in enumerate(goals.itertuples(index=False)):
        row = goal._asdict()
        start = row[tt.YEAR_FROM] if not pd.isna(row[tt.YEAR_FROM]) else years[0]
        end = row[tt.YEAR_TO] if not pd.isna(row[tt.YEAR_TO]) else years[1]
        # in force within the period (targets.in_force_of): a goal due after it runs to its end
        x0, x1 = max(int(start), years[0]), min(int(end), years[1])
        value = float(row[tt.TARGET_VALUE])
        traces.append(
            go.Scatter(
                x=[x0 - 0.3, x1 + 0.3],
                y=[value, value],
                mode="lines",
                name=str(row[LABEL]),
                line={"color": GOAL, "width": 2, "dash": DASHES[i % len(DASHES)]},
                hovertemplate=f"{row[LABEL]}<extra></extra>",
            )
        )
    return traces


def with_goals(figure: go.Figure, goals: pd.DataFrame | None, years: tuple[int, int]) -> go.Figure:
    """The figure with the targets' lines added (the figure itself when there are none)."""
    if goals is None or goals.empty:
        return figure
    figure.add_traces(goal_traces(goals, years))
    return figure


def online_goals_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    unit_name: str,
    years: tuple[int, int],
    field: str | None = None,
) -> go.Figure:
    """The unit's shares of procedures offered online and of dossiers filed online, per
    year: the figures the online targets are set on."""
    title = t("chart_online_goals", lang, unit=unit_name, period=_period(years))
    grid = _year_grid(years)
    traces = []
    for metric in ONLINE_METRICS:
        rows = frame[frame[tt.METRIC] == metric]
        if rows.empty:
            continue
        label = metric_name(metric, lang)
        hover = f"{label}<br>%{{x}}: " + hover_value("y", 2, "%") + "<extra></extra>"
        values = _by_year(rows, VALUE, grid)
        traces += _line(
            grid, values, _flags_by_year(rows, grid), label, METRIC_STYLES[metric], hover
        )
    traces += _demo_key(lang, any(_flags(frame)))
    return _figure(
        _title(title, lang, field),
        lang,
        traces,
        left=PERCENT_AXIS,
        xaxis=_year_axis(years, lang),
        yaxis={"title": {"text": t("axis_share", lang)}, "range": [0, 105], "ticksuffix": "%"},
    )
