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
origin = data.view(formation.of_dataset, f.unit_code)  # a unit created on 1 July 2025
existed = data.view(formation.existed_in_dataset, f.unit_code, f.unit_name, f.year)
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
    render.unit_766(f)
    render.topic(f, None, ("unit-levels", "unit-share", "unit-shortened", "unit-timeliness"))


new_since = origin.effective.year if origin is not None else None
if origin is not None and not existed:  # a year before the unit was created
    origin_block.not_yet(f, origin)
elif (
    new_since
    and f.year >= new_since
    and not data.view(views.has_figures, f.unit_code, (new_since, max(f.year, f.year_to)))
):
    origin_block.no_figures(f, origin)  # one sentence, not one "no data" per topic
else:
    figures()
