"""Decision 766's index: a unit's published snapshots."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import left_margin
from indicators.charts.common import _bar_marker, _figure, _flags, _values
from indicators.charts.style import HIGHLIGHT
from indicators.formatting import fmt_place, fmt_published, is_missing
from indicators.i18n import t


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
