"""The entry points of the /map page and of the slides: the title of a map, its figure (both
panels in one, for an image or a slide), the page's panels, the unit a click selected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import geo
from indicators import schema as s
from indicators.chart_images import OFFLINE_TOPOJSON_URL
from indicators.dataset import Dataset
from indicators.i18n import t
from indicators.map_charts.figure import choropleth
from indicators.map_charts.labels import core_codes
from indicators.map_charts.values import INDICATORS, VALUE, map_values

# The figure of an image or a slide (both panels side by side, the title in it).
HEIGHT = {"district": 640, "province": 820}  # Vietnam is tall and narrow
# The page's panels: each fits a 1024x768 projector's and a 1440x900 desktop's window with
# the heading above it; the province map, a single panel, is as tall as a projector allows.
PAGE_HEIGHT = {"district": 600, "province": 660, "core": 500}
# plotly.js fetches a world topojson from cdn.plot.ly for every geo subplot, even with the base
# map hidden, so a map fails offline: st.plotly_chart(fig, config=PLOTLY_CONFIG) points it at an
# empty topology (chart_images.OFFLINE_TOPOJSON_URL, which Kaleido gets too).
PLOTLY_CONFIG = {"topojsonURL": OFFLINE_TOPOJSON_URL, "displaylogo": False}


def map_title(indicator: str, boundary: geo.BoundarySet, lang: str, demo: bool = False) -> str:
    """What and when, then where on a smaller second line (a phone's width holds each line):
    'Điểm Chỉ số CCHC, năm 2023<br><sup>30 quận, huyện, thị xã Hà Nội</sup>'."""
    label = INDICATORS[indicator].label(lang)
    n, year = len(boundary.codes), boundary.year
    where = t(f"map_where_{boundary.level}", lang, n=n)
    if boundary.source.valid_from >= geo.REFORM_DAY:
        where += t("map_where_merged", lang)
    notes = [where, t("map_has_demo", lang)] if demo else [where]
    return f"{t('map_title', lang, label=label, year=year)}<br><sup>{' · '.join(notes)}</sup>"


def has_values(frame: pd.DataFrame) -> bool:
    """Whether any unit of a `map_values` frame has a value (else the map is all grey)."""
    return bool(frame[VALUE].notna().any())


def _figure(
    frame: pd.DataFrame,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None,
    part: str,
    height: int,
) -> go.Figure:
    boundary = geo.boundary_set(level, year)
    spec = INDICATORS[indicator]
    demo = bool(frame.loc[frame[VALUE].notna(), s.DEMO].fillna(False).any())
    if highlight_code not in boundary.codes:
        highlight_code = None
    return choropleth(
        frame,
        boundary,
        VALUE,
        lang,
        map_title(indicator, boundary, lang, demo),
        spec.unit_label(lang),
        highlight_code,
        indicator=spec,
        height=height,
        part=part,
    )


def map_figure(
    frame: pd.DataFrame,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None = None,
) -> go.Figure:
    """The map of a `map_values` frame as one figure: for Hanoi's districts the whole city and
    the urban core side by side, with the title, the class legend and the attribution (the
    figure of the downloaded image and of a slide).

    The highlighted unit is outlined only when it is on the map. Raises
    geo.BoundaryUnavailable like `geo.boundary_set`.
    """
    return _figure(frame, indicator, year, level, lang, highlight_code, "map", HEIGHT[level])


def indicator_map(
    dataset: Dataset,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None = None,
) -> go.Figure:
    """`map_figure` of one indicator, year and level (raises geo.BoundaryUnavailable)."""
    frame = map_values(dataset, indicator, year, level, lang)
    return map_figure(frame, indicator, year, level, lang, highlight_code)


@dataclass(frozen=True)
class Panels:
    """The page's map: the whole city (with the class legend) and, on a map of Hanoi's
    districts, its urban core zoomed (None on a province map). No title and no attribution:
    the page writes them once, above and under the panels."""

    whole: go.Figure
    core: go.Figure | None


def map_panels(
    frame: pd.DataFrame,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None = None,
) -> Panels:
    """The panels of a `map_values` frame for the page (raises geo.BoundaryUnavailable)."""
    height = PAGE_HEIGHT[level]
    args = (frame, indicator, year, level, lang, highlight_code)
    whole = _figure(*args, "whole", height)
    has_core = bool(core_codes(geo.boundary_set(level, year)))
    core = _figure(*args, "core", PAGE_HEIGHT["core"]) if has_core else None
    return Panels(whole, core)


def indicator_panels(
    dataset: Dataset,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None = None,
) -> Panels:
    """`map_panels` of one indicator, year and level (raises geo.BoundaryUnavailable)."""
    frame = map_values(dataset, indicator, year, level, lang)
    return map_panels(frame, indicator, year, level, lang, highlight_code)


def unit_url(code: str) -> str:
    """The unit page of a clicked unit: '/unit?unit=CODE'."""
    return f"/unit?unit={code}"


def selected_unit(event: Mapping[str, Any] | None) -> str | None:
    """The unit code of the first selected point of a plotly selection event, if any.

    Reads `customdata[0]` (set on every trace here), else the point's `location`.
    """
    points = ((event or {}).get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        code = data[0] if isinstance(data, list | tuple) and data else point.get("location")
        if code:
            return str(code)
    return None
