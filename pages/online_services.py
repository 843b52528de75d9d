"""Dịch vụ công trực tuyến / Online public services: procedures per level, online share."""

import streamlit as st

from indicators.escaping import markdown_t
from indicators.i18n import t
from ui import render
from ui.filters import current

f = current()
lang = f.lang
st.title(markdown_t("online_heading", lang, unit=f.unit_name))
st.caption(t("era_note", lang))

render.topic(f, "online", ("levels", "online-share", "online-goals"))
render.partial_years(f, f.years)
