"""Dịch vụ công trực tuyến / Online public services: procedures per level, online share."""

import streamlit as st

from indicators import charts, views
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("online_heading", lang, unit=f.unit_name))
st.caption(t("era_note", lang))

unit = {"lang": lang, "unit_name": f.unit_name, "years": f.years, "field": f.field}
levels = data.view(views.levels_frame, f.unit_code, f.years, f.field)
shares = data.view(views.share_frame, f.unit_code, f.years, f.field)
render.topic(
    f,
    "online",
    [
        (levels, lambda: charts.levels_chart(levels, **unit), "levels"),
        (shares, lambda: charts.share_chart(shares, **unit), "online-share"),
    ],
)
render.partial_years(f, f.years)
