"""Tổng quan / Overview: my unit's headline figures for the year, then the whole picture."""

import streamlit as st

from indicators import schema as s
from indicators import views
from indicators.escaping import markdown_t
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(markdown_t("overview_heading", lang, unit=f.unit_name, year=f.year))
render.meeting_pack(f)

head = data.view(views.headline, f.unit_code, f.year, f.field)
render.headline(head, f)
render.partial_years(f, (f.year, f.year))

st.subheader(t("city_heading", lang, year=f.year))
if f.index_id == s.INDEX_766:  # snapshots of another instrument: its own ranking
    render.index_766(f)
    st.stop()
render.national_note(f, f.index_id)
table = data.view(views.year_ranking, f.index_id, f.year)
render.ranking_note(table, lang)
render.chart(f, "city-scores")
render.goals(f)  # after the first chart, which a phone's first screen must reach
