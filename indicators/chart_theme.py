"""The dashboard's Plotly template: Streamlit's chart theme, resolved for our colours.

`st.plotly_chart(..., theme="streamlit")` sends Streamlit's template with placeholder colours
and lets the browser replace them and restyle the figure at every draw; measured on /timeliness
that costs ~60 ms of the browser's main thread per filter change (two charts; bench/RESULTS.md).
The same look, resolved once here, lets the pages draw with `theme=None`.

The values are those the browser resolved from Streamlit's theme (streamlit 1.67, Apache-2.0,
frontend PlotlyChart/CustomTheme) with .streamlit/config.toml's light theme: read from the
drawn figure's `layout.template`, keeping what our figures use (bar, line and map traces).
The title is bold, as Streamlit draws it (it wraps the text in <b>). Importing this module
makes the template Plotly's default for the process (`install`).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

FONT = '"Source Sans", sans-serif'  # the page's font, loaded by Streamlit
TEXT = "#1f2933"  # config.toml textColor
MUTED = "#808495"  # Streamlit's grey for axes and tick labels
LEGEND_TEXT = "#262730"
GRID = "#e6eaf1"
BACKGROUND = "#ffffff"
COLORWAY = [
    "#0068c9",
    "#83c9ff",
    "#ff2b2b",
    "#ffabab",
    "#29b09d",
    "#7defa1",
    "#ff8700",
    "#ffd16a",
    "#6d3fc0",
    "#d5dae5",
]


def _axis(**extra: Any) -> dict[str, Any]:
    return {
        "gridcolor": GRID,
        "zerolinecolor": GRID,
        "tickcolor": GRID,
        "tickfont": {"color": MUTED, "size": 12},
        "minor": {"gridcolor": GRID},
        "automargin": True,
        **extra,
    }


TEMPLATE = go.layout.Template(
    layout={
        "colorway": COLORWAY,
        "font": {"color": MUTED, "family": FONT, "size": 12, "weight": 400},
        "title": {
            "font": {"family": FONT, "size": 16, "color": TEXT, "weight": 700},
            "pad": {"l": 4},
            "xanchor": "left",
            "x": 0,
        },
        "legend": {
            "title": {"font": {"size": 12, "color": MUTED}, "side": "top"},
            "valign": "top",
            "bordercolor": "rgba(0,0,0,0)",
            "borderwidth": 0,
            "font": {"size": 12, "color": LEGEND_TEXT},
        },
        "paper_bgcolor": BACKGROUND,
        "plot_bgcolor": BACKGROUND,
        "xaxis": _axis(
            showgrid=False,
            zeroline=False,
            title={"font": {"color": MUTED, "size": 14}, "standoff": 20},
        ),
        "yaxis": _axis(
            ticklabelposition="outside",
            title={"font": {"color": MUTED, "size": 14}, "standoff": 24},
        ),
        "margin": {"pad": 8, "r": 0, "l": 0},
        "hoverlabel": {
            "bgcolor": BACKGROUND,
            "bordercolor": "rgba(31, 41, 51, 0.2)",
            "font": {"color": MUTED, "family": FONT, "size": 12},
        },
        "coloraxis": {
            "colorbar": {
                "thickness": 16,
                "xpad": 24,
                "outlinewidth": 0,
                "title": {"font": {"color": MUTED, "size": 14}},
                "tickfont": {"color": MUTED, "size": 12},
            }
        },
    },
    data={"scatter": [{"marker": {"line": {"width": 0}}}]},
)
NAME = "par_dashboard"


def install() -> None:
    """Make TEMPLATE Plotly's default (done on import): a figure without a template of its own
    then takes it as it is, because Plotly trusts its registered default, where a template
    given to each figure is validated again every time (~6 ms a chart, at every rerun)."""
    pio.templates[NAME] = TEMPLATE
    pio.templates.default = NAME


def ensure() -> None:
    """Make TEMPLATE the default again if something replaced it: Streamlit sets its own
    ("streamlit") when its plotly_chart module is first imported, which in a process that
    imported this module first (tests, a lazy import) would give later figures Streamlit's
    placeholder colours. A string comparison per figure."""
    if pio.templates.default != NAME:
        install()


install()


# --- margins that already hold the axis labels ---------------------------------------------
# Plotly's automargin draws a chart a second time when its axis labels need more room than
# the margins give, and on a filter change every chart starts again from its own margins: on
# /timeliness that second draw cost the browser ~30 ms per change (two charts). The margins
# below are worked out from the labels' text (the constants were fitted to the margins
# Chromium's Plotly pushed to, on every chart of the dashboard), so that automargin, still on
# for an estimate that falls short, finds nothing to push.

# Advance widths (px) of Source Sans at the template's 12 px, measured in Chromium with
# CanvasRenderingContext2D.measureText; a Vietnamese letter has its base letter's width.
_WIDTHS: dict[str, float] = {
    **dict.fromkeys("0123456789", 5.96),
    **dict(zip("abcdefghijklmnopqrstuvwxyz", (
        6.05, 6.64, 5.47, 6.66, 5.95, 3.50, 6.05, 6.53, 2.95, 2.96, 5.94, 3.06, 9.95,
        6.56, 6.50, 6.66, 6.66, 4.16, 5.03, 4.06, 6.53, 5.60, 8.63, 5.35, 5.60, 5.10,
    ), strict=True)),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
        6.52, 7.06, 6.85, 7.38, 6.32, 5.93, 7.40, 7.82, 3.16, 5.75, 6.95, 5.83, 8.72,
        7.76, 7.97, 6.79, 7.97, 6.83, 6.41, 6.43, 7.74, 6.18, 9.43, 6.16, 5.71, 6.47,
    ), strict=True)),
    " ": 2.40, ".": 2.99, ",": 2.99, ":": 2.99, ";": 2.99, "'": 2.99, "-": 3.73, "–": 5.76,
    "(": 3.64, ")": 3.64, "/": 4.20, "%": 9.89, "&": 7.31,
}  # fmt: skip
_WIDTH_UNKNOWN = 7.0
_STROKES = {"đ": "d", "Đ": "D"}  # no decomposition, same width as the letter
UNTITLED_AXIS = 16  # the template's margin.pad 8 and the tick labels' own 8
TITLED_AXIS = 53  # the same + title standoff 24 + the rotated title's line, as Chromium drew it
COLORBAR_TITLE_SCALE = 14 / 12  # a colour bar's title is drawn at 14 px
COLORBAR_TITLED = 47  # around a colour bar's title, when the title is wider than the bar
COLORBAR_TICKED = 62  # the bar, its ticks and pads, beside the widest tick label
BOTTOM_TITLED = 65  # an x axis with one line of tick labels and its title
SLACK = 2  # px left over, so that rounding never makes automargin push ...
SLACK_SHARE = 0.01  # ... and 1 % of a long label (widths of glyph pairs are not exact sums)


def label_width(text: str) -> float:
    """The width (px) of an axis label in the template's font, from the measured widths."""
    total = 0.0
    for char in text:
        base = _STROKES.get(char) or unicodedata.normalize("NFD", char)[:1]
        total += _WIDTHS.get(base, _WIDTH_UNKNOWN)
    return total


def left_margin(labels: Iterable[str], *, titled: bool) -> int:
    """The left margin that holds the y axis's widest label (and its title, when `titled`)."""
    widest = max((label_width(label) for label in labels), default=0.0)
    return math.ceil(
        widest * (1 + SLACK_SHARE) + (TITLED_AXIS if titled else UNTITLED_AXIS) + SLACK
    )


def colorbar_margin(tick_labels: Iterable[str], title: str) -> int:
    """The right margin that holds a vertical colour bar with its title on top."""
    ticks = max((label_width(label) for label in tick_labels), default=0.0)
    titled = label_width(title) * COLORBAR_TITLE_SCALE + COLORBAR_TITLED
    widest = max(titled, ticks + COLORBAR_TICKED)
    return math.ceil(widest * (1 + SLACK_SHARE) + SLACK)
