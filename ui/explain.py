"""The explanation panel (indicators.explain) under a card, a chart and a table.

- a card: a small popover button "ⓘ Nguồn số liệu" under each st.metric (a metric cannot be
  clicked itself; the button takes the keyboard's focus like any button), filled only while
  it is open;
- a chart: the point or bar a click selects (st.plotly_chart's selection) explained under it;
- a table: the row a click selects (st.dataframe's single-row selection) explained under it.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import explain, views
from indicators import sources as cite
from indicators.chart_points import rows_at_point
from indicators.escaping import inert
from indicators.i18n import t
from indicators.importing.history import import_history
from ui import data


def imports() -> explain.Imports:
    """Who imported which rows (one computation per served version)."""
    return data.view(import_history)


def panel(found: explain.Explanation, where: DeltaGenerator | None = None) -> None:
    """The explanation as a few short blocks: what, demo warning, how, sources with their
    quotes, imports. Every text from data is inert; a source links to its own address."""
    box = where or st.container()
    lang = found.lang
    with box.container(border=where is None):  # under a chart or table: framed
        st.markdown(f"**{inert(found.title)}**")
        if found.demo:
            st.warning(t("ex_demo", lang), icon=":material/science:")
        if found.method:
            st.markdown(f"*{inert(t('ex_method_heading', lang))}:* {inert(found.method)}")
        if found.quotes:
            st.markdown(f"*{inert(t('ex_sources_heading', lang))}:*")
        for quote in found.quotes:
            c = quote.citation
            if c.demo:
                st.caption(inert(c.text(lang)))
                continue
            st.markdown(f"{cite.markdown(c, lang)} — {inert(c.title)}")
            text = quote.excerpt or t("ex_no_quote", lang)
            st.markdown("\n".join(f"> {inert(line)}" for line in text.splitlines() or [""]))
        if not found.quotes and not found.imports:
            st.caption(t("ex_no_source", lang))
        if found.imports:
            st.markdown(f"*{inert(t('ex_imports_heading', lang))}:*")
            for line in found.imports:
                st.caption(inert(line))


def card(where: DeltaGenerator, metric: Any, head: views.Headline, lang: str) -> None:
    """The card's source button; its panel is built only while it is open."""
    pop = where.popover(
        t("ex_button", lang),
        icon=":material/info:",
        key=f"explain-{metric.key}",
        on_change="rerun",
        help=t("ex_button_help", lang),
        width="stretch",
    )
    if not pop.open:
        return
    found = explain.explain_metric(metric, head, data.dataset().sources, lang, imports())
    panel(found, pop)


def selected(event: Any, kind: str) -> list[Any]:
    """The points (kind 'points') or row positions (kind 'rows') a selection event holds."""
    try:
        chosen = event.selection[kind]
    except (AttributeError, KeyError, TypeError):
        return []
    return list(chosen or [])


def chart_points(event: Any, rows: pd.DataFrame, lang: str) -> None:
    """Under a chart: the explanation of the rows behind the clicked point, else a hint."""
    points = selected(event, "points")
    if not points:
        st.caption(t("ex_pick_hint", lang))
        return
    found = rows_at_point(rows, dict(points[0]))
    sources = data.dataset().sources
    for row in found.to_dict("records")[:3]:
        panel(explain.explain_row(row, sources, lang, imports()))


def table_rows(event: Any, rows: pd.DataFrame, lang: str) -> None:
    """Under a table: the explanation of the clicked row."""
    chosen = [i for i in selected(event, "rows") if 0 <= int(i) < len(rows)]
    if not chosen:
        st.caption(t("ex_pick_hint", lang))
        return
    row = rows.iloc[int(chosen[0])].to_dict()
    panel(explain.explain_row(row, data.dataset().sources, lang, imports()))
