"""Choropleth maps of the indicators: values per unit, quantile classes, the Plotly figure.

Pure functions (no Streamlit). The /map page calls `indicator_map` (or `map_values` +
`choropleth` for a custom frame), shows `geo.BoundarySet.attribution` under the map, and for
Hanoi after 1 July 2025 shows `geo.new_units_by_old_district` with `geo.gap_note` instead.

Colours: Viridis (perceptually uniform, colour-blind safe), stepped at quantile class breaks.
Units without a value are drawn as a separate grey trace labelled "Không có dữ liệu" /
"No data", never as the lowest colour. `customdata[0]` of every trace is the unit code.

Two modules: `values` (the indicators, values per unit, classes) and `figure` (the choropleth
and the page's entry points).
"""

from indicators.chart_images import OFFLINE_TOPOJSON_URL
from indicators.map_charts.figure import (
    BORDER_COLOR,
    BORDER_WIDTH,
    DEMO_OPACITY,
    DEMO_SOURCE,
    HEIGHT,
    HIGHLIGHT_COLOR,
    ISLANDS,
    NO_DATA_COLOR,
    PLOTLY_CONFIG,
    choropleth,
    has_values,
    indicator_map,
    map_figure,
    map_title,
    selected_unit,
    unit_url,
)
from indicators.map_charts.values import (
    COLORSCALE,
    INDICATORS,
    MAP_COLUMNS,
    ON_TIME,
    ONLINE_SHARE,
    PAR_RANK,
    PAR_SCORE,
    SHORTENED_COUNT,
    SOURCE_TITLES,
    VALUE,
    Indicator,
    assign_classes,
    class_breaks,
    class_colors,
    classes,
    map_values,
    stepped_colorscale,
)
from indicators.provenance import SOURCE_IDS

__all__ = [
    "BORDER_COLOR",
    "BORDER_WIDTH",
    "COLORSCALE",
    "DEMO_OPACITY",
    "DEMO_SOURCE",
    "HEIGHT",
    "HIGHLIGHT_COLOR",
    "INDICATORS",
    "ISLANDS",
    "Indicator",
    "MAP_COLUMNS",
    "NO_DATA_COLOR",
    "OFFLINE_TOPOJSON_URL",
    "ONLINE_SHARE",
    "ON_TIME",
    "PAR_RANK",
    "PAR_SCORE",
    "PLOTLY_CONFIG",
    "SHORTENED_COUNT",
    "SOURCE_IDS",
    "SOURCE_TITLES",
    "VALUE",
    "assign_classes",
    "choropleth",
    "class_breaks",
    "class_colors",
    "classes",
    "has_values",
    "indicator_map",
    "map_figure",
    "map_title",
    "map_values",
    "selected_unit",
    "stepped_colorscale",
    "unit_url",
]
