"""Presentation mode: which screens, in which order, and each chart drawn for a projector.

Pure (no Streamlit): ui/present.py draws the screens. For the shared filters (unit, period
`from`–`to`, year, index, field, language) the screens are, in order:

1. ``summary``: the unit, the period and the key messages of the slide deck
   (indicators.deck.key_messages), in large type;
2. ``city-scores``: every scored unit's score in the year, my unit highlighted;
3. ``bump``: every unit's rank over the period, my unit highlighted;
4. ``best-average``: my unit against the best and the average score;
5. ``levels`` and 6. ``online-share``: procedures per online level, share filed online;
7. ``shortened-fields``: shortened procedures per field in the year;
8. ``timeliness`` and 9. ``on-time-trend``: on time, early and late.

A chart screen is the chart of the same key in indicators.charts.registry: the rows and the
figure the pages show, in large type. A chart screen without rows is left out: never an empty
screen. The year of the year-based screens (2 and 7) is the filters' year when it lies in the
period, else the period's last year.

URL: ``present=1`` (or true / yes / on) turns the mode on; ``slide=N`` (1-based) is the
screen, and a missing, bad or out-of-range N shows the nearest valid screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import views
from indicators.charts import registry
from indicators.dataset import Dataset
from indicators.deck import deck_figures, key_messages
from indicators.rankings import RankingError
from indicators.selection import SelectionError, select
from indicators.units import UnitAmbiguous, UnitNotFound
from indicators.views import Filters

PRESENT, SLIDE = "present", "slide"  # the URL parameters of the mode
ON_VALUES = ("1", "true", "yes", "on")
SUMMARY = "summary"
CHART_SLIDES = (
    "city-scores",
    "bump",
    "best-average",
    "levels",
    "online-share",
    "shortened-fields",
    "timeliness",
    "on-time-trend",
)
SLIDES = (SUMMARY, *CHART_SLIDES)

# the projector theme of the charts (px); the page's own type is set in ui/present.py
CHART_HEIGHT = 600
TITLE_SIZE = 34
FONT_SIZE = 20
SMALL_SIZE = 15  # the 30 unit names of the city bars, to keep one line per bar
DENSE_SLIDES = ("city-scores",)  # one category per unit
DENSE_EXTRA = 80  # px more for them
NOTE_SIZE = 18  # annotations (method changes, era switch)


def is_on(value: str | None) -> bool:
    """Whether a `present` URL value turns the mode on."""
    return value is not None and value.strip().lower() in ON_VALUES


def slide_year(filters: Filters) -> int:
    """The year of the year-based screens: the filters' year if in the period, else its last."""
    if filters.year_from <= filters.year <= filters.year_to:
        return filters.year
    return filters.year_to


def _screen(key: str, filters: Filters) -> Filters:
    """The filters a chart screen is drawn for: the pages' own, at the slide year."""
    if key not in CHART_SLIDES:
        raise ValueError(f"unknown chart slide {key!r}; expected one of {CHART_SLIDES}")
    return replace(filters, year=slide_year(filters))


def slide_frame(dataset: Dataset, key: str, filters: Filters) -> pd.DataFrame:
    """The rows behind the chart screen `key` (one of CHART_SLIDES): the registry's chart."""
    return registry.frame(key, dataset, _screen(key, filters))


def slide_frames(dataset: Dataset, filters: Filters) -> dict[str, pd.DataFrame]:
    """The rows of every chart screen that has rows (and can be ranked), in screen order."""
    frames = {}
    for key in CHART_SLIDES:
        try:
            frame = slide_frame(dataset, key, filters)
        except RankingError:  # a year that cannot be ranked (e.g. after the reorganisation)
            continue
        if not frame.empty:
            frames[key] = frame
    return frames


def slide_keys(frames: Mapping[str, pd.DataFrame]) -> tuple[str, ...]:
    """The screens: the summary, then the chart screens that have rows."""
    return (SUMMARY, *(key for key in CHART_SLIDES if key in frames))


def summary(dataset: Dataset, filters: Filters) -> list[str]:
    """The key messages of the unit over the period (empty when the unit cannot be selected)."""
    try:
        selection = select(dataset, filters.unit_code, filters.year_from, filters.year_to)
        figures = deck_figures(dataset, selection)
    except (SelectionError, UnitNotFound, UnitAmbiguous):
        return []
    return [message.text for message in key_messages(figures, filters.lang)]


def chart_figure(key: str, frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """The chart of screen `key` from its rows, as the pages draw it (my unit highlighted)."""
    return registry.figure(key, frame, _screen(key, filters))


def projector(fig: go.Figure, height: int = CHART_HEIGHT, *, dense: bool = False) -> go.Figure:
    """A copy of `fig` in large type for a projector: title, axes, legend, labels, notes.

    `dense` (many categories, e.g. the 30 units' bars) keeps the category labels smaller.
    """
    out = go.Figure(fig)
    big = {"size": FONT_SIZE}
    out.update_layout(
        height=height,
        font=big,
        title={"font": {"size": TITLE_SIZE}},
        legend={"font": big, "title": {"font": big}},
        hoverlabel={"font": big},
        margin={"l": 20, "r": 30, "t": 110, "b": 20},
    )
    # explicit axis fonts: the template (indicators.chart_theme) sets its own, above layout.font
    out.update_xaxes(tickfont=big, title_font=big)
    out.update_yaxes(tickfont={"size": SMALL_SIZE} if dense else big, title_font=big)
    for annotation in out.layout.annotations:
        annotation.font.size = max(annotation.font.size or 0, NOTE_SIZE)
    label_size = SMALL_SIZE if dense else FONT_SIZE
    for trace in out.data:
        if "textfont" in trace:
            trace.textfont.size = label_size
        if "constraintext" in trace:  # bar labels keep their size, never shrunk to the bar
            trace.constraintext = "none"
    return out


def slide_figure(key: str, frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """`chart_figure` in the projector theme (the 30 units' bars a little taller)."""
    dense = key in DENSE_SLIDES
    height = CHART_HEIGHT + DENSE_EXTRA if dense else CHART_HEIGHT
    return projector(chart_figure(key, frame, filters), height, dense=dense)


def slide_index(value: str | None, count: int) -> int:
    """The 0-based screen of the URL value `slide` (1-based), kept within the `count` screens."""
    number = views.param_int(value) or 1
    return min(max(number, 1), max(count, 1)) - 1


def step(index: int, count: int, delta: int) -> int:
    """The screen `delta` screens away from `index`, kept within the `count` screens."""
    return min(max(index + delta, 0), max(count - 1, 0))


def present_params(filters: Filters, index: int | None = None) -> dict[str, str]:
    """The URL parameters of the presentation of `filters`, at screen `index` (0-based)."""
    params: dict[str, Any] = {**views.encode_params(filters), PRESENT: "1"}
    if index is not None:
        params[SLIDE] = str(index + 1)
    return params
