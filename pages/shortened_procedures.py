"""Rút ngắn thời gian giải quyết / Shortened procedures: count per field, legal vs committed."""

import streamlit as st

from indicators import charts, views
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("shortened_heading", lang, unit=f.unit_name, year=f.year))

unit = {"lang": lang, "unit_name": f.unit_name, "year": f.year, "field": f.field}
fields = data.view(views.shortened_fields, f.unit_code, f.year, f.field)
days = data.view(views.shortened_days, f.unit_code, f.year, f.field)
render.topic(
    f,
    "shortened",
    [
        (fields, lambda: charts.shortened_fields_chart(fields, **unit), "shortened-fields"),
        (days, lambda: charts.days_chart(days, **unit), "shortened-days"),
    ],
)
