"""What goes under every chart: its sources, the demo badge, its rows and a CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import views
from indicators.i18n import t
from ui import data

INLINE_SOURCES = 4  # more than this and the rest are listed in the expander


def source_line(rows: pd.DataFrame, lang: str) -> list[views.SourceRef]:
    """A caption naming the sources of the rows (title and link); returns all of them."""
    refs = views.describe_sources(data.dataset().sources, views.source_ids_of(rows))
    if refs:
        shown = "; ".join(views.source_markdown(r) for r in refs[:INLINE_SOURCES])
        rest = len(refs) - INLINE_SOURCES
        more = f"; {t('more_sources', lang, n=rest)}" if rest > 0 else ""
        st.caption(f"{t('sources', lang)}: {shown}{more}")
    return refs


def demo_badge(rows: pd.DataFrame, lang: str) -> None:
    if views.any_demo(rows):
        st.badge(
            t("demo_badge", lang),
            icon=":material/science:",
            color="orange",
            help=t("demo_help", lang),
        )


def download(rows: pd.DataFrame, lang: str, key: str) -> None:
    st.download_button(
        t("download_csv", lang),
        data=views.csv_bytes(rows),
        file_name=f"{key}.csv",
        mime="text/csv",
        key=f"download-{key}",
        on_click="ignore",
        icon=":material/download:",
    )


def footer(rows: pd.DataFrame, lang: str, key: str) -> None:
    """Sources, the demo badge when a demo row contributed, and the rows behind the chart."""
    refs = source_line(rows, lang)
    demo_badge(rows, lang)
    with st.expander(t("rows_behind", lang, n=len(rows)), icon=":material/table_rows:"):
        st.dataframe(views.for_csv(rows), hide_index=True)
        download(rows, lang, key)
        if len(refs) > INLINE_SOURCES:
            st.markdown(f"**{t('all_sources', lang)}**")
            st.markdown("\n".join(views.source_list_markdown(refs, lang)))
