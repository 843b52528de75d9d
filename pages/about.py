"""Phương pháp & nguồn / Method & sources: caveats, the demo data, every source with its link."""

import streamlit as st

from indicators import geo, sources
from indicators.i18n import t
from ui import data
from ui.filters import current

f = current()
lang = f.lang
st.title(t("about_heading", lang))

st.subheader(t("about_caveats_title", lang))
for key in ("caveat_indexes", "caveat_methods", "caveat_levels", "caveat_reorg", "caveat_ranks"):
    st.markdown(t(key, lang))

st.subheader(t("about_demo_title", lang))
st.markdown(t("about_demo", lang))

cited = sources.citations(data.dataset(), data.dataset().sources["id"])
st.subheader(t("about_sources_title", lang, n=len(cited)))
st.markdown("\n".join(sources.list_markdown(cited, lang)))

st.subheader(t("about_maps_title", lang))
st.markdown(t("about_maps", lang))
st.markdown("\n".join(geo.attribution_markdown(lang)))
