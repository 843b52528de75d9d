"""Dữ liệu & tải về / Data & downloads: the tables behind the charts, filtered, as CSV; the
templates, the administrator's upload (validate, import, roll back) and the import log."""

import streamlit as st

from indicators import export, views
from indicators.escaping import inert
from indicators.i18n import t
from ui import admin, data, footer, render
from ui.filters import current

f = current()
lang = f.lang
st.title(t("data_heading", lang))
st.caption(t("data_intro", lang, y0=f.year_from, y1=f.year_to))

name = st.radio(
    t("data_table", lang),
    views.DATA_TABLES,
    format_func=lambda table: t(f"table_{table}", lang),
    horizontal=True,
    key="data_table",
)
only_mine = st.toggle(f"{t('only_my_unit', lang)}: {inert(f.unit_name)}", key="data_only_mine")
rows = data.view(
    views.data_table, name, f.index_id, f.years, f.field, f.unit_code if only_mine else None
)
if rows.empty:
    st.info(t("no_data_chart", lang), icon=":material/block:")
else:
    st.dataframe(export.rows_for_reading(rows, lang), hide_index=True)
    footer.download(rows, f, f"{name}-{f.year_from}-{f.year_to}")
    footer.source_line(rows, lang)
    footer.demo_badge(rows, lang)

st.header(t("update_heading", lang), divider="gray")
admin.templates(lang)
render.upload_panel(lang)
admin.log(lang)
