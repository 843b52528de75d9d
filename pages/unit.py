"""Trang đơn vị / Unit page: one unit's year in a few sentences, its figures and charts."""

from dataclasses import replace

import streamlit as st

from indicators import formation, views
from indicators.escaping import inert, markdown_t
from ui import data, render
from ui import formation as origin_block
from ui.filters import current

f = current()
lang = f.lang
st.title(markdown_t("profile_heading", lang, unit=f.unit_name, year=f.year))
# a unit created on 1 July 2025: its origin, and whether the year shows figures
origin, state = data.view(formation.page_state, f.unit_code, f.unit_name, f.year, f.year_to)
render.meeting_pack(f)  # the deck and the presentation, when there is something to show
if origin is not None:
    origin_block.show(f, origin)


def figures() -> None:
    """The unit's figures of the year: sentences, cards, charts."""
    head = data.view(views.headline, f.unit_code, f.year, f.field)
    st.markdown(" ".join(inert(text) for text in views.unit_story(head, lang)))
    render.headline(head, f)
    render.partial_years(f, (f.year, f.year))
    if head.index_id is None:
        st.info(markdown_t("unit_no_index", lang, unit=f.unit_name), icon=":material/info:")
    else:
        render.index_notes(f, head.index_id)
        render.chart(replace(f, index_id=head.index_id), "unit-best-average")  # its index
    render.goals(f)  # after the first chart, which a phone's first screen must reach
    render.unit_766(f)
    render.topic(f, None, ("unit-levels", "unit-share", "unit-shortened", "unit-timeliness"))


if origin is not None and state != formation.FIGURES:
    origin_block.notice(f, origin, state)
else:
    figures()
