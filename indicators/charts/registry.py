"""Every chart of the dashboard, declared once: its rows, its figure and the page it is on.

A `ChartSpec` names the indicators.views function that gives the chart's rows and the
arguments the shared filters give it (after the dataset), and how the filters draw the rows
(language, unit, period or year, field, my unit highlighted). The pages get the rows through
ui.data's cache (`data.frame(key, filters)`, the entry of `view(*args)` itself: the same
cache as a view called by hand); the presentation and the deck call `frame` on the dataset;
all of them draw with `figure`. A key is also the chart's Streamlit key and the stem of its
downloads' file names, which is why the unit's profile draws some charts under keys of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import charts, views
from indicators import schema as s
from indicators import targets_table as tt
from indicators.charts.goals import online_goals_chart, with_goals
from indicators.dataset import Dataset
from indicators.escaping import inert, inert_cell
from indicators.views import Filters

Draw = Callable[[pd.DataFrame, Filters], go.Figure]


@dataclass(frozen=True)
class ChartSpec:
    """One chart: `view(dataset, *args(filters))` gives its rows, `draw(rows, filters)` its
    figure; `page` is the page script that shows it (pages/<page>.py)."""

    key: str
    page: str
    view: Callable[..., pd.DataFrame]  # a function of indicators.views: ui.data can cache it
    args: Callable[[Filters], tuple[Any, ...]]
    draw: Draw
    yearly: bool = False  # drawn for filters.year (else for the period filters.years)
    goals: tuple[str, ...] = ()  # the metrics of the official targets drawn on it


# --- the arguments of the views -----------------------------------------------------------------


def _index_year(f: Filters) -> tuple[Any, ...]:
    return (f.index_id, f.year)


def _index_period(f: Filters) -> tuple[Any, ...]:
    return (f.index_id, f.years)


def _index_unit_period(f: Filters) -> tuple[Any, ...]:
    return (f.index_id, f.unit_code, f.years)


def _unit_period(f: Filters) -> tuple[Any, ...]:
    return (f.unit_code, f.years, f.field)


def _unit_year(f: Filters) -> tuple[Any, ...]:
    return (f.unit_code, f.year, f.field)


def _unit(f: Filters) -> tuple[Any, ...]:
    return (f.unit_code,)


# --- the builder calls --------------------------------------------------------------------------


def _scores(frame: pd.DataFrame, f: Filters) -> go.Figure:
    return charts.score_bars(
        frame, lang=f.lang, index_id=f.index_id, year=f.year, highlight=f.unit_code
    )


def _bump(frame: pd.DataFrame, f: Filters) -> go.Figure:
    return charts.bump_chart(
        frame,
        lang=f.lang,
        index_id=f.index_id,
        years=f.years,
        highlight=f.unit_code,
        method_changes=s.method_changes(*f.years),
    )


def _best_average(frame: pd.DataFrame, f: Filters) -> go.Figure:
    return charts.best_average_chart(
        frame,
        lang=f.lang,
        unit_name=f.unit_name,
        years=f.years,
        method_changes=s.method_changes(*f.years),
    )


def _of_period(build: Callable[..., go.Figure]) -> Draw:
    """A unit's chart over the period, of the field."""

    def draw(frame: pd.DataFrame, f: Filters) -> go.Figure:
        return build(frame, lang=f.lang, unit_name=f.unit_name, years=f.years, field=f.field)

    return draw


def _of_year(build: Callable[..., go.Figure]) -> Draw:
    """A unit's chart of the year, of the field."""

    def draw(frame: pd.DataFrame, f: Filters) -> go.Figure:
        return build(frame, lang=f.lang, unit_name=f.unit_name, year=f.year, field=f.field)

    return draw


def _index_766(frame: pd.DataFrame, f: Filters) -> go.Figure:
    return charts.index_766_chart(frame, lang=f.lang, unit_name=f.unit_name)


# --- the charts, in the order of their pages ----------------------------------------------------

_CHARTS = (
    ChartSpec("city-scores", "overview", views.year_scores, _index_year, _scores, yearly=True),
    ChartSpec("bump", "rankings", views.index_history_between, _index_period, _bump),
    ChartSpec("best-average", "rankings", views.versus_frame, _index_unit_period, _best_average),
    ChartSpec(
        "levels",
        "online_services",
        views.levels_frame,
        _unit_period,
        _of_period(charts.levels_chart),
    ),
    ChartSpec(
        "online-share",
        "online_services",
        views.share_frame,
        _unit_period,
        _of_period(charts.share_chart),
    ),
    ChartSpec(
        "online-goals",
        "online_services",
        views.online_goals_frame,
        _unit_period,
        _of_period(online_goals_chart),
        goals=views.goals.ONLINE_METRICS,
    ),
    ChartSpec(
        "shortened-fields",
        "shortened_procedures",
        views.shortened_fields,
        _unit_year,
        _of_year(charts.shortened_fields_chart),
        yearly=True,
    ),
    ChartSpec(
        "shortened-days",
        "shortened_procedures",
        views.shortened_days,
        _unit_year,
        _of_year(charts.days_chart),
        yearly=True,
    ),
    ChartSpec(
        "timeliness",
        "timeliness",
        views.timeliness_frame,
        _unit_period,
        _of_period(charts.timeliness_chart),
    ),
    ChartSpec(
        "on-time-trend",
        "timeliness",
        views.on_time_trend,
        _unit_period,
        _of_period(charts.on_time_trend_chart),
        goals=(tt.ON_TIME,),
    ),
    ChartSpec("unit-766", "unit", views.index_766_unit, _unit, _index_766),
)
# The unit's profile shows these charts too, under its own keys (its downloads' names).
_PROFILE = {
    "unit-best-average": "best-average",
    "unit-levels": "levels",
    "unit-share": "online-share",
    "unit-shortened": "shortened-fields",
    "unit-timeliness": "timeliness",
}
_BY_KEY = {spec.key: spec for spec in _CHARTS}
SPECS: MappingProxyType[str, ChartSpec] = MappingProxyType(
    {**_BY_KEY, **{key: replace(_BY_KEY[of], key=key, page="unit") for key, of in _PROFILE.items()}}
)


def spec(key: str) -> ChartSpec:
    """The declaration of chart `key` (ValueError for an unknown key)."""
    if key not in SPECS:
        raise ValueError(f"unknown chart {key!r}; expected one of {tuple(SPECS)}")
    return SPECS[key]


def frame(key: str, dataset: Dataset, filters: Filters) -> pd.DataFrame:
    """The rows of chart `key` for the filters."""
    chart = spec(key)
    return chart.view(dataset, *chart.args(filters))


# the rows' texts that come from data (names of units, fields, procedures) and show on a chart
_DATA_TEXTS = (s.NAME_VI, s.FIELD, s.PROCEDURE_NAME)


def inert_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with their names escaped for Plotly, which draws a subset of HTML in labels
    and hovers (a field named '<a href=…>' must show as those characters, not as a link)."""
    texts = [c for c in _DATA_TEXTS if c in rows.columns]
    return rows.assign(**{c: rows[c].map(inert_cell) for c in texts}) if texts else rows


def inert_filters(filters: Filters) -> Filters:
    """The filters with the unit's and the field's names escaped for Plotly (chart titles)."""
    field = inert(filters.field, "plotly") if filters.field else filters.field
    return replace(filters, unit_name=inert(filters.unit_name, "plotly"), field=field)


def goals(key: str, dataset: Dataset, filters: Filters) -> pd.DataFrame | None:
    """The official targets chart `key` draws for the filters (None: it draws none)."""
    chart = spec(key)
    if not chart.goals:
        return None
    return views.chart_goals(dataset, *goal_args(chart, filters))


def goal_args(chart: ChartSpec, f: Filters) -> tuple[Any, ...]:
    """The arguments of views.chart_goals after the dataset, for a cache of its own."""
    return (f.unit_code, f.years, chart.goals, f.lang)


def figure(
    key: str, rows: pd.DataFrame, filters: Filters, goals: pd.DataFrame | None = None
) -> go.Figure:
    """The figure of chart `key` drawn from its rows for the filters, with the official
    targets' lines (`goals`, of `goals()`) when given; every text from data is drawn as the
    characters it is (`inert_rows`, `inert_filters`)."""
    drawn = spec(key).draw(inert_rows(rows), inert_filters(filters))
    return with_goals(drawn, goals, filters.years)
