"""Hồ sơ đơn vị / Unit profile: one unit's year in a few sentences, its figures and charts."""

import streamlit as st

from indicators import charts, views
from indicators import schema as s
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("profile_heading", lang, unit=f.unit_name, year=f.year))
render.meeting_pack(f)

head = data.view(views.headline, f.unit_code, f.year, f.field)
st.markdown(" ".join(views.unit_story(head, lang)))
render.headline(head, f)
render.partial_years(f, (f.year, f.year))

if head.index_id is None:
    st.info(t("unit_no_index", lang, unit=f.unit_name), icon=":material/info:")
else:
    render.index_notes(f, head.index_id)
    versus = data.view(views.versus_frame, head.index_id, f.unit_code, f.years)
    render.chart(
        versus,
        lambda: charts.best_average_chart(
            versus,
            lang=lang,
            unit_name=f.unit_name,
            years=f.years,
            method_changes=s.method_changes(*f.years),
        ),
        "unit-best-average",
        lang,
    )

render.unit_766(f)

unit = {"lang": lang, "unit_name": f.unit_name, "field": f.field}
levels = data.view(views.levels_frame, f.unit_code, f.years, f.field)
shares = data.view(views.share_frame, f.unit_code, f.years, f.field)
fields = data.view(views.shortened_fields, f.unit_code, f.year, f.field)
parts = data.view(views.timeliness_frame, f.unit_code, f.years, f.field)
render.topic(
    f,
    None,
    [
        (levels, lambda: charts.levels_chart(levels, years=f.years, **unit), "unit-levels"),
        (shares, lambda: charts.share_chart(shares, years=f.years, **unit), "unit-share"),
        (
            fields,
            lambda: charts.shortened_fields_chart(fields, year=f.year, **unit),
            "unit-shortened",
        ),
        (parts, lambda: charts.timeliness_chart(parts, years=f.years, **unit), "unit-timeliness"),
    ],
)
