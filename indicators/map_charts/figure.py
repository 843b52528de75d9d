"""The choropleth figure of a map: units coloured by class, named, with the class legend.

A map of Hanoi's districts has two panels (indicators.map_charts.labels): the whole city and
its 12 urban districts zoomed. `choropleth(..., part=)` draws
- "map": both panels side by side, with the title, the colour bar on the right and the
  boundary attribution: the figure of the downloaded image and of the slide;
- "whole" and "core": one panel each, for the page, which writes the title and the
  attribution itself (once) and lays the two side by side or one under the other.
A province map is one panel ("map" and "whole" alike, without labels: 63 names are mush).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import geo
from indicators import schema as s
from indicators.chart_theme import TEXT, colorbar_margin, ensure
from indicators.escaping import inert_cell
from indicators.formatting import check_lang, fmt_number, separators
from indicators.i18n import t
from indicators.map_charts import labels as lb
from indicators.map_charts import traces as tr
from indicators.map_charts.values import Indicator, _numbers, assign_classes, class_breaks

PARTS = ("map", "whole", "core")
# Where the panels of a two-panel figure ("map") sit, as shares of the plot's width.
DOMAINS = {"whole": (0.0, 0.47), "core": (0.5, 1.0)}
LABEL_SIZES = {"map": {"whole": 13, "core": 15}, "page": lb.FONT_SIZE}  # "map": 1000-1600 px
HEADING_TOP = 30  # px above a page panel for its name
BAR_BOTTOM = 66  # px under the whole city for the horizontal colour bar and its title
LEGEND_BOTTOM = 48  # px under that for the legend (no data, demo data, the frame): 2 rows


# --- rows and classes ------------------------------------------------------------------------


def _features(boundary: geo.BoundarySet) -> pd.DataFrame:
    feats = boundary.geojson["features"]
    return pd.DataFrame(
        {
            s.UNIT_CODE: list(boundary.codes),
            "_feature_name": [f["properties"].get("ten_day_du") or "" for f in feats],
            "_short": [lb.short_name(f) for f in feats],
        }
    )


def _by_feature(frame: pd.DataFrame, boundary: geo.BoundarySet, value_column: str) -> pd.DataFrame:
    """One row per feature of `boundary` with the frame's row of that unit (if any)."""
    unknown = sorted(set(frame[s.UNIT_CODE].dropna()) - set(boundary.codes))
    if unknown:
        raise ValueError(
            f"mã đơn vị không có trong {boundary.file}: {', '.join(unknown)} / "
            f"unit codes not in {boundary.file}: {', '.join(unknown)}"
        )
    out = _features(boundary).merge(frame, on=s.UNIT_CODE, how="left", validate="1:1")
    names = out[s.NAME_VI] if s.NAME_VI in out.columns else out["_feature_name"]
    # drawn in the hover, where Plotly reads HTML: escaped (indicators.escaping)
    out["_name"] = names.astype("string").fillna(out["_feature_name"]).map(inert_cell)
    out["_value"] = _numbers(out[value_column]).to_numpy()
    if s.DEMO not in out.columns:
        out[s.DEMO] = pd.NA
    return out


def classed(
    rows: pd.DataFrame, fmt: Callable[[Any, str], str], lang: str, higher: bool, k: int
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """`rows` with `_class` (1 = worst .. n = best; NA without a value) and the legend text of
    each class, 'lowest–highest' of its values (one value: that value).

    Quantile classes (values.class_breaks); a class that no value falls in is dropped, so
    every class in the legend has units and no two legend texts are the same range."""
    values = rows["_value"]
    klass = assign_classes(values, class_breaks(values, k))
    used = sorted(int(c) for c in klass.dropna().unique())
    order = used if higher else used[::-1]
    renumber = {c: i + 1 for i, c in enumerate(order)}
    out = rows.assign(_class=klass.map(renumber).astype("Int64"))
    ranges = []
    for c in range(1, len(used) + 1):
        members = values[out["_class"].eq(c).fillna(False).to_numpy(bool)].astype(float)
        lo, hi = fmt(members.min(), lang), fmt(members.max(), lang)
        ranges.append(lo if lo == hi else f"{lo}–{hi}")
    return out, tuple(ranges)


def _highlight_last(rows: pd.DataFrame, highlight_code: str | None) -> pd.DataFrame:
    """The highlighted unit drawn last, so that its outline is not covered by a neighbour's."""
    last = rows[s.UNIT_CODE].eq(highlight_code).to_numpy()
    return pd.concat([rows[~last], rows[last]])


def _panel(
    fig: go.Figure,
    rows: pd.DataFrame,
    boundary: geo.BoundarySet,
    style: tr.Style,
    subplot: str,
    *,
    colorbar: dict[str, Any] | None,
    legend: bool,
    named: pd.DataFrame | None,
    label_size: int,
    frame: bool = False,
) -> None:
    """The traces of one panel: values, demo veil, no data, then the names of the `named`
    rows and the frame of the urban core."""
    has_value = rows["_value"].notna().to_numpy()
    if has_value.any():
        valued = rows[has_value]
        fig.add_trace(tr.value_trace(valued, boundary, style, subplot, colorbar))
        generated = valued[s.DEMO].astype("boolean").fillna(False).to_numpy()
        if generated.any():
            fig.add_trace(tr.demo_veil(valued[generated], boundary, style, subplot, legend))
    if not has_value.all():
        fig.add_trace(tr.no_data_trace(rows[~has_value], boundary, style, subplot, legend))
    if named is not None and not named.empty:
        fig.add_traces(tr.label_traces(named, boundary, style.n, subplot, label_size))
    if frame:
        fig.add_trace(tr.frame_trace(boundary, style.lang, subplot))
    if boundary.level == "province":
        fig.add_trace(tr.islands_trace(style.lang))


# --- the figure ------------------------------------------------------------------------------


def _attribution(boundary: geo.BoundarySet, lang: str) -> dict[str, Any]:
    text = "<br>".join(textwrap.wrap(boundary.attribution(lang), 150))
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "yshift": -4,
        "showarrow": False,
        "align": "left",
        "font": {"size": 11, "color": "#555555"},
    }


def _heading(text: str, x: float, size: int = 13) -> dict[str, Any]:
    """A panel's name, above it."""
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": x,
        "y": 1.0,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": size, "color": TEXT, "weight": 600},
    }


def _geo() -> dict[str, Any]:
    """A panel fitted to what it draws, without the base map."""
    return {
        "fitbounds": "locations",
        "visible": False,
        "projection": {"type": "mercator"},
        "bgcolor": "rgba(0,0,0,0)",
    }


def colorbar(style: tr.Style, vertical: bool) -> dict[str, Any]:
    """The class legend: one equal band per class, named by the range of its values (so no
    two labels share a place, however close the class breaks are)."""
    bar: dict[str, Any] = {
        "title": {"text": style.unit_label},
        "tickvals": list(range(1, style.n + 1)),
        "ticktext": list(style.ranges),
        "ticks": "",
        "thickness": 14,
    }
    if vertical:
        return {**bar, "len": 0.7}
    return {
        **bar,
        "orientation": "h",
        "title": {"text": style.unit_label, "side": "top"},
        "x": 0.5,
        "xanchor": "center",
        "y": 0.0,
        "yanchor": "top",
        "len": 1.0,
        "ypad": 6,
    }


def choropleth(
    frame: pd.DataFrame,
    boundary: geo.BoundarySet,
    value_column: str,
    lang: str,
    title: str,
    unit_label: str,
    highlight_code: str | None = None,
    *,
    indicator: Indicator | None = None,
    k: int = 5,
    height: int = 640,
    part: str = "map",
) -> go.Figure:
    """A choropleth of `frame[value_column]` (rows by `unit_code`) over every feature.

    `frame` is typically `map_values(...)`; `name_vi`, `rank`, `units_ranked`, `demo`,
    `source_titles` are used when present. Every feature without a value is in one grey
    "no data" trace. `indicator` sets the value format and the colour direction (default:
    2 decimals, higher is better). `part`: see the module; `title` is drawn on "map" only.
    Raises ValueError for codes that are not features, or for the "core" of provinces.
    """
    check_lang(lang)
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; expected one of {PARTS}")
    fmt = indicator.fmt if indicator else (lambda v, lg: fmt_number(v, lg, 2))
    higher = indicator.higher_is_better if indicator else True
    rows = _highlight_last(_by_feature(frame, boundary, value_column), highlight_code)
    rows, ranges = classed(rows, fmt, lang, higher, k)
    value_label = indicator.label(lang) if indicator else unit_label
    style = tr.Style(
        lang, fmt, value_label, unit_label, max(len(ranges), 1), ranges, highlight_code
    )
    core = lb.core_codes(boundary)
    if part == "core" and not core:
        raise ValueError(f"{boundary.file} has no urban districts to zoom on")
    in_core = rows[s.UNIT_CODE].isin(core).to_numpy()
    sizes = LABEL_SIZES["map" if part == "map" else "page"]
    scale = colorbar(style, vertical=part == "map") if ranges else None
    core_heading = t("map_panel_core", lang, n=len(core))
    head = 18 if part == "map" else 13  # an image is 1000 to 1600 px wide
    ensure()  # the default template is the dashboard's
    fig = go.Figure()
    if part == "core":
        _panel(fig, rows[in_core], boundary, style, "geo", colorbar=None, legend=False,
               named=rows[in_core], label_size=sizes["core"])  # fmt: skip
        fig.update_layout(geo=_geo(), annotations=[_heading(core_heading, 0)])
    else:
        named = rows[~in_core] if core else None
        _panel(fig, rows, boundary, style, "geo", colorbar=scale, legend=True, named=named,
               label_size=sizes["whole"], frame=bool(core))  # fmt: skip
        fig.update_layout(geo=_geo())
        if core:
            fig.add_annotation(_heading(t("map_panel_whole", lang), 0, head))
    if part == "map" and core:
        _panel(fig, rows[in_core], boundary, style, "geo2", colorbar=None, legend=False,
               named=rows[in_core], label_size=sizes["core"])  # fmt: skip
        fig.update_layout(
            geo={"domain": {"x": DOMAINS["whole"], "y": (0, 1)}},
            geo2={**_geo(), "domain": {"x": DOMAINS["core"], "y": (0, 1)}},
        )
        fig.add_annotation(_heading(core_heading, DOMAINS["core"][0], head))
    if part == "map":
        fig.add_annotation(_attribution(boundary, lang))
        fig.update_layout(
            title={"text": title, "x": 0.01, "xanchor": "left"},
            legend={"x": 0.0, "y": 0.0, "xanchor": "left", "yanchor": "bottom"},
            margin={"l": 10, "r": _right_margin(fig), "t": 130 if core else 70, "b": 60},
        )
    else:
        top = HEADING_TOP if core else 10
        bottom = (BAR_BOTTOM if scale else 4) + (LEGEND_BOTTOM if part == "whole" else 0)
        plot = max(height - top - bottom, 1)
        under_bar = -(bottom - LEGEND_BOTTOM) / plot if part == "whole" else 0
        fig.update_layout(
            legend={"orientation": "h", "x": 0, "y": under_bar, "yanchor": "top"},
            margin={"l": 4, "r": 4, "t": top, "b": bottom},
        )
    fig.update_layout(separators=separators(lang), height=height)
    return fig


def _right_margin(fig: go.Figure) -> int:
    """Room for the colour bar, when the map has one (see chart_theme.colorbar_margin)."""
    bars = [t.colorbar for t in fig.data if isinstance(t, go.Choropleth) and t.colorbar.ticktext]
    return colorbar_margin(bars[0].ticktext, bars[0].title.text or "") if bars else 10
