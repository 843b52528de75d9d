"""The parts of the /map page: the indicator picker, the cached map, the click that opens a
unit's profile, Hanoi after 1 July 2025 as a table, and the boundary attribution.

The map values and figures come from indicators.map_charts (pure, tested), through ui.data's
one cache (`data.view`: per data source, served version and demo switch). The figures are
drawn with map_charts.PLOTLY_CONFIG: without it plotly.js fetches a world topojson from a CDN.

The map's title is written above it as text (it wraps on a phone), then the panels: the whole
city and, for Hanoi's districts, the 12 urban districts zoomed, side by side where the page is
wide enough (a desktop) and one under the other where it is not (a projector with the
sidebar open, a phone: `PANELS_CSS`); then what the colours mean and the boundary
attribution, once. The downloaded image is the one figure with both panels, the title and
the attribution (map_charts.indicator_map), as a slide shows it.

A click (or a selection) on either panel sets its chart's state; the on_select callback keeps
the unit's code and the next run (`follow_click`, before anything is drawn) switches to /unit
with the filters and that unit in the URL. The selectbox and link under the map do the same
without a pointer (render.profile_link).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import domain, geo, views
from indicators import map_charts as m
from indicators import schema as s
from indicators.escaping import inert, markdown_t, plotly_plain
from indicators.i18n import t
from ui import data, render
from ui.filters import show_notice
from ui.footer import footer
from ui.nav import UNIT_PAGE

CHART_KEY = "map-chart"  # the whole city (or the provinces)
CORE_KEY = "map-chart-core"  # Hanoi's urban districts, zoomed
PANELS_KEY = "map-panels"  # the container of the panels (CSS class st-key-map-panels)
INDICATOR_KEY = "map_indicator"
INDICATOR_PARAM = "indicator"  # kept in the URL by ui.filters (KEPT_PARAMS)
OPEN_UNIT = "_map_open_unit"  # the code clicked on the map, opened on the next run
MAP_PAGE = "pages/map.py"
TABLE_HEIGHT = 600
# The two panels wrap, one under the other, when the page cannot give each 26rem (416 px):
# side by side on a 1440 px desktop, one under the other on a 1024 px projector with the
# sidebar open and on a phone (where Streamlit stacks columns anyway).
PANELS_CSS = f"""<style>
.st-key-{PANELS_KEY} [data-testid="stHorizontalBlock"] {{
  flex-wrap: wrap !important; row-gap: 0.5rem;
}}
.st-key-{PANELS_KEY} [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {{
  flex: 1 1 26rem !important; min-width: min(26rem, 100%) !important; width: auto !important;
}}
</style>"""


def level_of(filters: views.Filters) -> str:
    """'district' for Hanoi's index, 'province' for the national one."""
    return s.INDEX_LEVEL[filters.index_id]


def hanoi_after_reform(filters: views.Filters) -> bool:
    """Hanoi's index in a year that ends after 1 July 2025: no districts, no open polygons."""
    return level_of(filters) == "district" and geo.as_of(filters.year) >= domain.REORG_DATE


def boundary(level: str, year: int) -> geo.BoundarySet:
    """The boundary set of the map (raises geo.BoundaryUnavailable)."""
    return geo.boundary_set(level, year)


def _indicator_to_url() -> None:
    st.query_params[INDICATOR_PARAM] = st.session_state[INDICATOR_KEY]


def indicator_picker(lang: str) -> str:
    """The indicator to map (PAR score by default), in the URL (?indicator=…) once chosen, so
    that a shared link shows the same map."""
    wanted = st.query_params.get(INDICATOR_PARAM)
    if wanted in m.INDICATORS:
        st.session_state[INDICATOR_KEY] = wanted
    elif wanted is not None:
        show_notice(views.bad_param(INDICATOR_PARAM, wanted), lang)
        del st.query_params[INDICATOR_PARAM]  # warned once; the link now says what is shown
    return st.selectbox(
        t("map_indicator", lang),
        list(m.INDICATORS),
        format_func=lambda key: m.INDICATORS[key].label(lang),
        key=INDICATOR_KEY,
        on_change=_indicator_to_url,
    )


def _on_select() -> None:
    _open(CHART_KEY)


def _on_select_core() -> None:
    _open(CORE_KEY)


def _open(key: str) -> None:
    code = m.selected_unit(st.session_state.get(key))
    if code:
        st.session_state[OPEN_UNIT] = code


def follow_click(filters: views.Filters) -> None:
    """A unit clicked on the last run: open its profile (same filters, that unit)."""
    code = st.session_state.pop(OPEN_UNIT, None)
    if code:
        st.switch_page(UNIT_PAGE, query_params={**views.encode_params(filters), "unit": code})


def _chart(where: DeltaGenerator, figure: Any, key: str, on_select: Callable[[], None]) -> None:
    where.plotly_chart(
        figure,
        key=key,
        on_select=on_select,
        selection_mode="points",
        config=m.PLOTLY_CONFIG,
        theme=None,  # the figure carries its theme (indicators.chart_theme)
    )


def indicator_map(filters: views.Filters, indicator: str, where: geo.BoundarySet) -> None:
    """The map (clickable panels), what its colours mean, the attribution, its footer and
    the selectbox + link to a unit's profile."""
    lang, code = filters.lang, filters.unit_code
    frame = data.view(m.map_values, indicator, where.year, where.level, lang)
    panels = data.view(m.indicator_panels, indicator, where.year, where.level, lang, code)
    figure = data.view(m.indicator_map, indicator, where.year, where.level, lang, code)
    missing = not m.has_values(frame)
    if missing:
        label = m.INDICATORS[indicator].label(lang)
        st.info(
            t("map_all_missing", lang, indicator=label, year=where.year), icon=":material/block:"
        )
    title = str(figure.layout.title.text or "")
    head, _, where_line = title.partition("<br>")
    st.markdown(f"**{inert(plotly_plain(head))}**  \n{inert(plotly_plain(where_line))}")
    st.html(PANELS_CSS)
    with st.container(key=PANELS_KEY):
        if panels.core is None:
            _chart(st.container(), panels.whole, CHART_KEY, _on_select)
        else:
            left, right = st.columns(2)
            _chart(left, panels.whole, CHART_KEY, _on_select)
            _chart(right, panels.core, CORE_KEY, _on_select_core)
    if not missing:
        st.caption(markdown_t("map_colours", lang, unit=filters.unit_name))
    attribution(where, lang)
    footer(frame, filters, f"map-{indicator}", figure, title)
    render.profile_link(frame, filters)


def attribution(where: geo.BoundarySet, lang: str) -> None:
    """The attribution the boundary file's licence requires, once, under the map."""
    st.caption(where.attribution(lang))


def communes(filters: views.Filters) -> None:
    """Hanoi from 1 July 2025: why there is no map, and the new units by former district."""
    lang = filters.lang
    st.info(geo.gap_note(lang), icon=":material/map:")
    st.subheader(t("map_communes_heading", lang))
    table = data.view(geo.successor_table)
    counts = geo.successor_counts(table)
    st.caption(
        t(
            "map_communes_count",
            lang,
            rows=counts.rows,
            new=counts.new_units,
            old=counts.old_districts,
        )
    )
    st.dataframe(geo.successor_display(table, lang), hide_index=True, height=TABLE_HEIGHT)
    footer(table, filters, "map-communes")
    last = domain.REORG_YEAR - 1
    st.page_link(
        MAP_PAGE,
        label=t("map_see_districts", lang, year=last),
        icon=":material/map:",
        query_params={**views.encode_params(filters), "year": str(last)},
    )
