"""Bản đồ / Map: one indicator on the map of Hanoi's 30 districts (the whole city and its 12
urban districts zoomed, every unit named) or of the provinces (63 until 2024, 34 from 2025),
the boundary set chosen by the year; a click on a unit, in either panel, opens its page.
Hanoi from 1 July 2025 (no open polygons): the new units by former district."""

import streamlit as st

from indicators.escaping import inert
from indicators.geo import BoundaryUnavailable
from indicators.i18n import t
from ui import map_view
from ui.filters import current

f = current()
lang = f.lang
map_view.follow_click(f)  # a unit clicked on the last run: its profile
st.title(t("map_heading", lang))
st.caption(t("map_intro", lang))

try:
    boundary = map_view.boundary(map_view.level_of(f), f.year)
except BoundaryUnavailable as exc:
    if map_view.hanoi_after_reform(f):
        map_view.communes(f)
    else:
        st.warning(inert(exc.text(lang)), icon=":material/map:")
else:
    indicator = map_view.indicator_picker(lang)
    map_view.indicator_map(f, indicator, boundary)

st.markdown(t("caveat_reorg", lang))
