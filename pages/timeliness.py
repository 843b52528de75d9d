"""Tiến độ giải quyết hồ sơ / On-time resolution: early / on time / late, and the trend."""

import streamlit as st

from indicators import charts, views
from indicators.i18n import t
from ui import data, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("timeliness_heading", lang, unit=f.unit_name))

unit = {"lang": lang, "unit_name": f.unit_name, "years": f.years, "field": f.field}
parts = data.view(views.timeliness_frame, f.unit_code, f.years, f.field)
trend = data.view(views.on_time_trend, f.unit_code, f.years, f.field)
render.topic(
    f,
    "timeliness",
    [
        (parts, lambda: charts.timeliness_chart(parts, **unit), "timeliness"),
        (trend, lambda: charts.on_time_trend_chart(trend, **unit), "on-time-trend"),
    ],
)
render.partial_years(f, f.years)
