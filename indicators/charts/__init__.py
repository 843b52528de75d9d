"""Plotly figure builders: a tidy frame in, a fresh go.Figure out.

Every builder makes its own layout (no shared mutable dicts), sets Plotly's `separators` for
the language, titles the figure with what it shows and when, and draws "my unit" in the
highlight colour. A missing value is drawn as a gap (None), never as 0. Years are plain
integers on the axis (tickformat "d"), so that 2018 never reads "2.018".

One module per family (`ranks`, `online`, `service`, `index766`) on the shared pieces of
`common` and the colours of `style`; `registry` declares each chart of the dashboard once
(its rows, its builder call, its page), for the pages, the presentation and the deck.
"""

from indicators.charts.common import PERCENT_AXIS
from indicators.charts.index766 import index_766_chart
from indicators.charts.online import levels_chart, share_chart
from indicators.charts.ranks import best_average_chart, bump_chart, score_bars
from indicators.charts.service import (
    days_chart,
    on_time_trend_chart,
    shortened_fields_chart,
    timeliness_chart,
)
from indicators.charts.style import (
    BEST,
    DEMO_OPACITY,
    DEMO_PATTERN,
    HIGHLIGHT,
    LEVEL_COLOURS,
    NEUTRAL,
    OTHER,
    SWITCH_X,
    TIMELINESS_COLOURS,
    UNKNOWN_LEVEL,
)

__all__ = [
    "BEST",
    "DEMO_OPACITY",
    "DEMO_PATTERN",
    "HIGHLIGHT",
    "LEVEL_COLOURS",
    "NEUTRAL",
    "OTHER",
    "PERCENT_AXIS",
    "SWITCH_X",
    "TIMELINESS_COLOURS",
    "UNKNOWN_LEVEL",
    "best_average_chart",
    "bump_chart",
    "days_chart",
    "index_766_chart",
    "levels_chart",
    "on_time_trend_chart",
    "score_bars",
    "share_chart",
    "shortened_fields_chart",
    "timeliness_chart",
]
