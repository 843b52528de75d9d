"""Xếp hạng / Rankings: ranks across the period, the rank table, my unit vs best and average."""

import streamlit as st

from indicators import charts, views
from indicators import schema as s
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
changes = s.method_changes(*f.years)

history = views.years_between(data.view(views.index_history, f.index_id), *f.years)
render.chart(
    history,
    lambda: charts.bump_chart(
        history,
        lang=lang,
        index_id=f.index_id,
        years=f.years,
        highlight=f.unit_code,
        method_changes=changes,
    ),
    "bump",
    lang,
)

st.subheader(t("rank_table_heading", lang, year=f.year))
table = data.view(views.year_ranking, f.index_id, f.year)
render.rank_table(table, f)
render.profile_link(table, f)

versus = data.view(views.versus_frame, f.index_id, f.unit_code, f.years)
render.chart(
    versus,
    lambda: charts.best_average_chart(
        versus, lang=lang, unit_name=f.unit_name, years=f.years, method_changes=changes
    ),
    "best-average",
    lang,
)
