"""Tiến độ giải quyết hồ sơ / On-time resolution: early / on time / late, and the trend."""

import streamlit as st

from indicators.escaping import markdown_t
from ui import render
from ui.filters import current

f = current()
lang = f.lang
st.title(markdown_t("timeliness_heading", lang, unit=f.unit_name))

render.topic(f, "timeliness", ("timeliness", "on-time-trend"))
render.partial_years(f, f.years)
