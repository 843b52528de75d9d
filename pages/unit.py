"""Trang đơn vị / Unit page: one unit's year in a few sentences, its figures and charts."""

from dataclasses import replace

import streamlit as st

from indicators import views
from indicators.escaping import inert, markdown_t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(markdown_t("profile_heading", lang, unit=f.unit_name, year=f.year))
render.meeting_pack(f)

head = data.view(views.headline, f.unit_code, f.year, f.field)
st.markdown(" ".join(inert(text) for text in views.unit_story(head, lang)))
render.headline(head, f)
render.partial_years(f, (f.year, f.year))

if head.index_id is None:
    st.info(markdown_t("unit_no_index", lang, unit=f.unit_name), icon=":material/info:")
else:
    render.index_notes(f, head.index_id)
    render.chart(replace(f, index_id=head.index_id), "unit-best-average")  # the unit's index

render.unit_766(f)

render.topic(f, None, ("unit-levels", "unit-share", "unit-shortened", "unit-timeliness"))
