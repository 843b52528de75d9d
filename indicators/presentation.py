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

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import views
from indicators.chart_theme import label_width
from indicators.charts import registry
from indicators.dataset import Dataset
from indicators.deck import deck_figures, key_messages
from indicators.escaping import plotly_plain
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

# The projector theme of the charts, in px of the chart's design size: a chart is laid out
# CHART_HEIGHT px high (as wide as the screen's shape gives), then ui/present.py scales it to
# the height left on the screen, type included: 0.9x at 1024x768, about 1.3x at 1920x1080,
# 2.6x at 3840x2160. The page's own type is set in ui/present.py.
CHART_HEIGHT = 600
TITLE_SIZE = 34
FONT_SIZE = 20
SMALL_SIZE = 15  # the 30 unit names of the city bars, to keep one line per bar
DENSE_SLIDES = ("city-scores",)  # one category per unit: dense with more than DENSE_ROWS
DENSE_ROWS = 12  # (the 30 districts of a year; the few published scores are not)
DENSE_EXTRA = 100  # px more for them: 30 bars of 15 px names (so scaled a little smaller)
NOTE_SIZE = 18  # annotations (method changes, era switch)
# The top margin holds the title (at the top) and a legend that fits one row (above the plot).
# Plotly wraps a longer horizontal legend onto rows of equal columns, as wide as its widest
# entry: how many rows depends on the screen's shape, and the demo entry alone can make one
# entry a row. Such a legend goes to the right of the plot instead, one entry a line. A 4:3
# screen lays a chart out about 1000 px wide: LEGEND_WIDTH is what one row may take there.
LEGEND_WIDTH = 800
LEGEND_ENTRY = 45  # px of an entry beside its text (symbol, gaps)
LEGEND_ROW = 1.5  # a row's height, in FONT_SIZE
TITLE_TOP = 12  # px above the title

# The key messages of the summary screen fill the box under its headings: their type is the
# largest that fits (with a margin), given as a share of the box's height for boxes of at least
# each width:height ratio of MESSAGE_ASPECTS (ui/present.py turns these into CSS container
# queries), and never larger than the screen's body type. The words wrap as in the browser,
# estimated: MESSAGE_GLYPH is a character's mean width in em (the dashboard's font measured
# 0.42-0.45 on Vietnamese and English messages; more is safer), with the list's own metrics.
MESSAGE_GLYPH = 0.48
MESSAGE_LINE = 1.3  # line height, em
MESSAGE_GAP = 0.35  # space after a message, em
MESSAGE_INDENT = 1.3  # the bullet's indent, em
MESSAGE_SLACK = 0.94  # the share of the box the estimate may fill
MESSAGE_ASPECTS = (1.0, 1.4, 1.8, 2.2, 2.6, 3.0, 3.5, 4.0)


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


def chart_figure(
    key: str, frame: pd.DataFrame, filters: Filters, goals: pd.DataFrame | None = None
) -> go.Figure:
    """The chart of screen `key` from its rows, as the pages draw it (my unit highlighted,
    the official targets' lines when `goals` gives them: registry.goals)."""
    return registry.figure(key, frame, _screen(key, filters), goals)


def legend_names(fig: go.Figure) -> list[str]:
    """The legend's entries of `fig` as plain text (none when the legend is hidden)."""
    if fig.layout.showlegend is False:
        return []
    names = [plotly_plain(tr.name) for tr in fig.data if tr.showlegend is not False and tr.name]
    if fig.layout.showlegend is None and len(fig.data) < 2:
        return []  # Plotly's default: a single trace has no legend
    return names


def legend_width(names: list[str]) -> float:
    """The width (px) of a legend of `names` in one row at FONT_SIZE (chart_theme measures the
    template's 12 px; 5 % more for a bold name)."""
    return sum(label_width(name) * FONT_SIZE / 12 * 1.05 + LEGEND_ENTRY for name in names)


def legend_layout(fig: go.Figure) -> tuple[dict[str, Any], int]:
    """The legend's place and the top margin (px): the title at the top, then the legend when
    it fits one row; else the legend at the right of the plot, one entry a line."""
    title = TITLE_TOP + round(1.3 * TITLE_SIZE) + 12
    names = legend_names(fig)
    if not names:
        return {}, title
    if legend_width(names) <= LEGEND_WIDTH:
        return {}, title + math.ceil(LEGEND_ROW * FONT_SIZE)
    right = {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"}
    return right, title


def projector(fig: go.Figure, height: int = CHART_HEIGHT, *, dense: bool = False) -> go.Figure:
    """A copy of `fig` in large type for a projector: title, axes, legend, labels, notes.

    `dense` (many categories, e.g. the 30 units' bars) keeps the category labels smaller. The
    title stays at the top, the legend under it or at the right (`legend_layout`).
    """
    out = go.Figure(fig)
    big = {"size": FONT_SIZE}
    legend, top = legend_layout(out)
    out.update_layout(
        height=height,
        font=big,
        title={
            "font": {"size": TITLE_SIZE},
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": TITLE_TOP},
        },
        legend={"font": big, "title": {"font": big}, **legend},
        hoverlabel={"font": big},
        margin={"l": 20, "r": 30, "t": top, "b": 20},
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


def is_dense(key: str, frame: pd.DataFrame) -> bool:
    """Whether the chart screen `key` of these rows has a category per unit, many of them."""
    return key in DENSE_SLIDES and len(frame) > DENSE_ROWS


def design_height(key: str, frame: pd.DataFrame) -> int:
    """The height (px) a chart screen is laid out at before it is scaled to the screen."""
    return CHART_HEIGHT + DENSE_EXTRA if is_dense(key, frame) else CHART_HEIGHT


def slide_figure(
    key: str, frame: pd.DataFrame, filters: Filters, goals: pd.DataFrame | None = None
) -> go.Figure:
    """`chart_figure` in the projector theme (the 30 units' bars a little taller)."""
    dense = is_dense(key, frame)
    drawn = chart_figure(key, frame, filters, goals)
    return projector(drawn, design_height(key, frame), dense=dense)


def wrapped_lines(text: str, width: float) -> int:
    """The lines `text` takes when its words wrap at `width` characters (a word longer than
    the line takes lines of its own)."""
    lines, used = 1, 0
    for word in text.split():
        size = len(word)
        if used and used + 1 + size <= width:
            used += 1 + size
        elif used:
            lines, used = lines + 1, size
        else:
            used = size
        while used > width:  # a long word (an address, a number run) breaks
            lines, used = lines + 1, used - int(width)
    return lines


def messages_height(messages: list[str], size: float, aspect: float) -> float:
    """The height of the messages in a box `aspect` times as wide as high, at type `size`,
    both as shares of the box's height."""
    width = (aspect - MESSAGE_INDENT * size) / (MESSAGE_GLYPH * size)  # characters per line
    if width < 1:
        return float("inf")
    lines = sum(wrapped_lines(message, width) for message in messages)
    return size * (MESSAGE_LINE * lines + MESSAGE_GAP * len(messages))


def message_size(messages: list[str], aspect: float) -> float:
    """The largest type (a share of the box's height) at which `messages` fit in a box
    `aspect` times as wide as high, with MESSAGE_SLACK to spare."""
    low, high = 0.0, 1.0
    for _ in range(30):  # halves 1.0 down to a billionth
        middle = (low + high) / 2
        if messages_height(messages, middle, aspect) <= MESSAGE_SLACK:
            low = middle
        else:
            high = middle
    return low


def message_sizes(messages: list[str]) -> list[tuple[float, float]]:
    """(aspect, size) for each of MESSAGE_ASPECTS: the type that fits any box at least that
    wide for its height, as a share of its height (a wider box only wraps less)."""
    return [(aspect, message_size(messages, aspect)) for aspect in MESSAGE_ASPECTS]


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
