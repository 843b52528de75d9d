"""The pieces every builder shares: the figure and its layout, the year axis, values on the
year grid, and the generated (demo) marks: faded, hatched bars; hollow points; dotted segments.
Package-private (underscored): the builders of indicators.charts use them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import schema as s
from indicators.chart_theme import BOTTOM_TITLED, ensure, label_width, left_margin
from indicators.charts.style import DEMO_OPACITY, DEMO_PATTERN, NEUTRAL
from indicators.formatting import fmt_number, hover_value, is_missing, separators
from indicators.i18n import t
from indicators.views import SERIES

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
    at the bottom, where the top holds what matters most, e.g. rank 1), each label placed to
    fit a phone's plot (`_mark_labels`). `margin`: the sides that differ from the default."""
    marks = sorted(marks)
    margin = {"l": left, "r": 10, "t": 70, "b": BOTTOM_TITLED, **layout.pop("margin", {})}
    ensure()  # the default template is the dashboard's
    return go.Figure(
        data=list(traces),
        layout={
            "title": {"text": title, "x": 0, "xanchor": "left", "font": {"size": 17}},
            "separators": separators(lang),
            "height": height,
            "margin": margin,
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
            "annotations": _mark_labels(
                marks, marks_at_bottom, (xaxis or {}).get("range"), margin["l"]
            ),
            **layout,
        },
    )


PERCENT_AXIS = left_margin(["100%"], titled=True)  # 0-100 %, and the title


def _yearly_top(frame: pd.DataFrame, column: str) -> float:
    """The largest yearly total of `column` (a stack's height); 0 without rows."""
    totals = frame.groupby(s.YEAR)[column].sum() if len(frame) else pd.Series([0])
    return float(totals.max()) if len(totals) else 0.0


def _top_count(frame: pd.DataFrame, column: str, lang: str) -> str:
    """The widest label a count axis can get: the largest yearly total and 5 % above it
    (Plotly's autorange), written as the axis writes it."""
    return fmt_number(math.ceil(_yearly_top(frame, column) * 1.05), lang, 0)


SMALL_COUNT = 10  # up to this, a count axis ticks every whole number (auto would tick 0,5)


def _count_axis(title: str, top: float) -> dict[str, Any]:
    """An axis of counts from zero, ticked at whole numbers only: with a small top, Plotly's
    own step of 0,5 wrote "0, 1, 1, 2, 2" under tickformat "d"."""
    axis = {"title": {"text": title}, "tickformat": ",d", "rangemode": "tozero"}
    return {**axis, "dtick": 1} if top <= SMALL_COUNT else axis


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


MARK_LINE_CHARS = 24  # a longer label wraps in two lines
MARK_FONT = 11
MARK_PAD = 4  # the label's white box around its text
MARK_LINE_HEIGHT = 15  # px per line of a label (11 px type)
PHONE_CHART = 358  # a chart's width on a 390 px phone (the page keeps 16 px on each side)


def _mark_text(text: str) -> str:
    if len(text) <= MARK_LINE_CHARS:
        return text
    head, colon, rest = text.partition(": ")  # "Nghị định 42/2022:<br>toàn trình / một phần"
    lines = [head + colon.strip(), rest] if colon else textwrap.wrap(text, MARK_LINE_CHARS)
    return "<br>".join(lines)


def _mark_width(text: str) -> float:
    """The width (px) of a label's box: its widest line in 11 px type, and the box's pad."""
    widest = max(label_width(line) for line in text.split("<br>"))
    return widest * MARK_FONT / 12 + MARK_PAD


def _mark_labels(
    marks: list[tuple[float, str]],
    at_bottom: bool,
    x_range: Any,
    left: int,
) -> list[dict[str, Any]]:
    """Each mark's label beside its dashed line, inside the chart even on a phone, whose plot
    is the narrowest (PHONE_CHART less the `left` margin; a wider screen only adds room): to
    the right of the line where it fits there (the right margin's few px included), in two
    lines if need be, else to its left (`_mark_place`). A label that would run into the one before it is moved a row further into the
    plot (down from the top; up from the bottom). Without a numeric x range (a category axis)
    every label is to the right."""
    plot = PHONE_CHART - left
    rows: list[list[float]] = []  # per row: where its last label ends, its offset, its height
    labels = []
    for x, raw in marks:
        text, anchor, start = _mark_text(raw), "left", 0.0
        if x_range is not None and len(x_range) == 2 and x_range[1] != x_range[0]:
            text, anchor, start = _mark_place(
                text, (x - x_range[0]) / (x_range[1] - x_range[0]) * plot, plot
            )
        width, height = _mark_width(text), MARK_LINE_HEIGHT * (text.count("<br>") + 1)
        row = next((r for r in rows if r[0] <= start), None)
        if row is None:
            row = [0.0, rows[-1][1] + rows[-1][2] if rows else 0, 0]
            rows.append(row)
        row[0], row[2] = start + width, max(row[2], height)
        labels.append(_mark_label(x, text, at_bottom, anchor, row[1]))
    return labels


def _mark_place(text: str, at: float, plot: float) -> tuple[str, str, float]:
    """A label at `at` px across a plot `plot` px wide: (its text, its anchor, where it
    starts). To the right of its line in one line, else in two ("Đổi phương pháp<br>2022"),
    else to the left, where the room there is larger."""
    width = _mark_width(text)
    if at + width <= plot:
        return text, "left", at
    if "<br>" not in text and " " in text:
        head, _, tail = text.rpartition(" ")
        two = f"{head}<br>{tail}"
        if at + _mark_width(two) <= plot:
            return two, "left", at
    if at > plot - at:
        return text, "right", at - width
    return text, "left", at


def _mark_label(
    x: float, text: str, at_bottom: bool = False, anchor: str = "left", offset: float = 0
) -> dict[str, Any]:
    return {
        "x": x, "y": 0 if at_bottom else 1, "yref": "paper", "text": text, "showarrow": False,
        "xanchor": anchor, "yanchor": "bottom" if at_bottom else "top",
        "yshift": offset if at_bottom else -offset,
        "font": {"size": MARK_FONT, "color": NEUTRAL}, "bgcolor": "rgba(255,255,255,0.8)",
    }  # fmt: skip


def _lines(
    frame: pd.DataFrame,
    column: str,
    grid: list[int],
    styles: Iterable[tuple[str, str, dict[str, Any]]],
    lang: str,
) -> list[go.Scatter]:
    """One line per (series, label, line style) of a long frame with a SERIES column that has
    a value, and the key to generated points when there are any."""
    traces = []
    for series, label, line in styles:
        rows = frame[frame[SERIES] == series]
        if not rows[column].notna().any():
            continue  # no point: no legend entry for a line that is not drawn
        hover = f"{label}<br>%{{x}}: " + hover_value("y", 2, "%") + "<extra></extra>"
        traces += _line(
            grid, _by_year(rows, column, grid), _flags_by_year(rows, grid), label, line, hover
        )
    return traces + _demo_key(lang, any(_flags(frame)))
