"""Rút ngắn thời gian giải quyết / Shortened procedures: count per field, legal vs committed."""

import streamlit as st

from indicators.escaping import markdown_t
from ui import render
from ui.filters import current

f = current()
lang = f.lang
st.title(markdown_t("shortened_heading", lang, unit=f.unit_name, year=f.year))

render.topic(f, "shortened", ("shortened-fields", "shortened-days"))
