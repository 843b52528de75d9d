"""Choropleth maps of the indicators: values per unit, classes, the Plotly figures.

Pure functions (no Streamlit). The /map page calls `indicator_panels` (or `map_values` +
`map_panels` for a frame already computed): the whole city with the class legend, and for
Hanoi's districts its 12 urban districts zoomed, each unit named; the page writes the title
and `geo.BoundarySet.attribution` once. An image or a slide takes `indicator_map` (or
`map_figure`): both panels in one figure with the title and the attribution. For Hanoi after
1 July 2025 the page shows `geo.new_units_by_old_district` with `geo.gap_note` instead.

Colours: 5 classes with as many units each (quantiles), Viridis colours (perceptually
uniform, colour-blind safe), yellow the best class; the legend names each class by the range
of its values. Units without a value are drawn as a separate grey trace labelled "Không có
dữ liệu" / "No data", never as the lowest colour. `customdata[0]` of every trace is the unit
code, so a click anywhere (a shape, its name, either panel) names the unit.

Modules: `values` (the indicators, values per unit, classes), `labels` (names, their places,
the urban core), `traces`, `figure` (the choropleth) and `panels` (the entry points).
"""

from indicators.chart_images import OFFLINE_TOPOJSON_URL
from indicators.map_charts.figure import PARTS, choropleth, classed, colorbar
from indicators.map_charts.labels import core_codes, core_extent, label_points, short_name
from indicators.map_charts.panels import (
    HEIGHT,
    PAGE_HEIGHT,
    PLOTLY_CONFIG,
    Panels,
    has_values,
    indicator_map,
    indicator_panels,
    map_figure,
    map_panels,
    map_title,
    selected_unit,
    unit_url,
)
from indicators.map_charts.traces import (
    BORDER_COLOR,
    BORDER_WIDTH,
    DEMO_OPACITY,
    DEMO_SOURCE,
    HIGHLIGHT_COLOR,
    ISLANDS,
    NO_DATA_COLOR,
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
    "PAGE_HEIGHT",
    "PAR_RANK",
    "PAR_SCORE",
    "PARTS",
    "PLOTLY_CONFIG",
    "Panels",
    "SHORTENED_COUNT",
    "SOURCE_IDS",
    "SOURCE_TITLES",
    "VALUE",
    "assign_classes",
    "choropleth",
    "class_breaks",
    "class_colors",
    "classed",
    "classes",
    "colorbar",
    "core_codes",
    "core_extent",
    "has_values",
    "indicator_map",
    "indicator_panels",
    "label_points",
    "map_figure",
    "map_panels",
    "map_title",
    "map_values",
    "selected_unit",
    "short_name",
    "stepped_colorscale",
    "unit_url",
]
