"""Tiến độ giải quyết hồ sơ / On-time resolution: early / on time / late, and the trend."""

import streamlit as st

from indicators import charts, views
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("timeliness_heading", lang, unit=f.unit_name))

parts = data.view(views.timeliness_frame, f.unit_code, f.years, f.field)
render.chart(
    parts,
    lambda: charts.timeliness_chart(
        parts, lang=lang, unit_name=f.unit_name, years=f.years, field=f.field
    ),
    "timeliness",
    lang,
)

trend = data.view(views.on_time_trend, f.unit_code, f.years, f.field)
render.chart(
    trend,
    lambda: charts.on_time_trend_chart(
        trend, lang=lang, unit_name=f.unit_name, years=f.years, field=f.field
    ),
    "on-time-trend",
    lang,
)
render.partial_years(f, f.years)
