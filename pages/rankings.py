"""Xếp hạng / Rankings: ranks across the period, the rank table, my unit vs best and average."""

import streamlit as st

from indicators import schema as s
from indicators import views
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("rankings_heading", lang, index=t(f"index_{f.index_id}", lang)))
if f.index_id == s.INDEX_766:  # snapshots of another instrument: its own ranking
    render.index_766(f)
    st.stop()
render.index_notes(f, f.index_id)
render.chart(f, "bump")

st.subheader(t("rank_table_heading", lang, year=f.year))
table = data.view(views.year_ranking, f.index_id, f.year)
render.rank_table(table, f)
render.profile_link(table, f)
render.chart(f, "best-average")
