"""Bản đồ / Map: a placeholder until the map is built."""

import streamlit as st

from indicators.i18n import t
from ui.filters import current

f = current()
st.title(t("map_heading", f.lang))
st.info(t("map_placeholder", f.lang), icon=":material/map:")
st.markdown(t("caveat_reorg", f.lang))
