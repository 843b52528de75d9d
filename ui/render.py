"""Drawing helpers shared by the pages: a chart with its footer, the headline figures."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import schema as s
from indicators import views
from indicators.deck import build_deck, deck_figures, deck_filename
from indicators.i18n import t
from indicators.selection import Selection, SelectionError, select
from indicators.units import UnitAmbiguous, UnitNotFound
from ui import data, present
from ui.footer import footer
from ui.nav import UNIT_PAGE

PLOTLY_CONFIG = {"displaylogo": False}
METRICS_PER_ROW = 4
TABLE_MAX_HEIGHT = 1120
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def chart(rows: pd.DataFrame, build: Callable[[], go.Figure], key: str, lang: str) -> None:
    """The figure and its footer; "no data", under the chart's title, when there are no rows."""
    if rows.empty:
        title = build().layout.title.text  # says which chart and which years
        st.info(t("no_data_titled", lang, title=title), icon=":material/block:")
        return
    figure = build()
    # the figure carries its theme (indicators.chart_theme): the browser need not restyle it
    st.plotly_chart(figure, key=f"chart-{key}", config=PLOTLY_CONFIG, theme=None)
    footer(rows, lang, key, figure)


def _rows_of(items: Sequence[views.MetricText], size: int) -> list[Sequence[views.MetricText]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _card(where: DeltaGenerator, text: views.MetricText) -> None:
    """An st.metric card; a missing figure says "no data" in a card of its own, because the
    metric's large font would cut the words off."""
    if text.missing:
        box = where.container(border=True, height="stretch")
        box.caption(text.label)
        box.markdown(f"**{text.value}**")
        return
    where.metric(text.label, text.value, text.delta, delta_color=text.delta_color, border=True)


def headline(head: views.Headline, lang: str) -> None:
    """The headline figures as st.metric cards with their change, then their footer."""
    if not head.has_data:
        st.info(
            t("no_data_for", lang, unit=head.unit_name, year=head.year), icon=":material/block:"
        )
    texts = [views.metric_text(m, lang) for m in head.metrics]
    for row in _rows_of(texts, METRICS_PER_ROW):
        for column, text in zip(st.columns(METRICS_PER_ROW), row, strict=False):
            _card(column, text)
    st.caption(t("changes_since", lang, year=head.year - 1))
    footer(views.headline_rows(head, lang), lang, "headline")


def partial_years(filters: views.Filters, years: tuple[int, int]) -> None:
    for year, months in data.view(views.partial_years, filters.unit_code, years, filters.field):
        st.caption(t("partial_year", filters.lang, year=year, months=", ".join(map(str, months))))


def national_note(filters: views.Filters, index_id: str) -> None:
    if index_id == s.INDEX_NATIONAL:
        st.info(t("national_note", filters.lang), icon=":material/info:")


def index_notes(filters: views.Filters, index_id: str) -> None:
    """The national-index caveat and the method changes within the period."""
    lang = filters.lang
    national_note(filters, index_id)
    changes = views.method_changes(*filters.years)
    if changes:
        years = ", ".join(map(str, changes))
        st.caption(t("method_note", lang, years=years))


def rank_table(table: pd.DataFrame, filters: views.Filters) -> None:
    """The rank table of the year (my unit's row highlighted) with a profile link per unit."""
    lang = filters.lang
    if table.empty:
        title = t("rank_table_heading", lang, year=filters.year)
        st.info(t("no_data_titled", lang, title=title), icon=":material/block:")
        return
    st.markdown(views.leaders_sentence(table, lang) or "")
    shown = views.rank_display(table, filters)
    mine = (table[s.UNIT_CODE] == filters.unit_code).tolist()
    style = "background-color: #ffebee; font-weight: 600"
    styled = shown.style.apply(lambda row: [style if mine[row.name] else ""] * len(row), axis=1)
    link = st.column_config.LinkColumn(display_text=t("profile_link", lang))
    height = min(36 * (len(shown) + 1) + 4, TABLE_MAX_HEIGHT)  # all of Hanoi's 30 units
    st.dataframe(
        styled, hide_index=True, column_config={t("col_profile", lang): link}, height=height
    )
    st.caption(t("rank_ties", lang))
    footer(table, lang, "rank-table")


def profile_link(table: pd.DataFrame, filters: views.Filters) -> None:
    """Choose a unit of the table and open its profile for the year."""
    lang = filters.lang
    names = dict(zip(table[s.UNIT_CODE], table[s.NAME_VI], strict=True))
    if not names:
        return
    codes = list(names)
    start = codes.index(filters.unit_code) if filters.unit_code in names else 0
    code = st.selectbox(
        t("choose_unit_profile", lang), codes, index=start, format_func=names.__getitem__
    )
    params = {**views.encode_params(filters), "unit": str(code)}
    st.page_link(
        UNIT_PAGE,
        label=t("open_profile", lang, unit=names[code]),
        icon=":material/arrow_forward:",
        query_params=params,
    )


def _deck_selection(filters: views.Filters) -> Selection | None:
    try:
        return select(data.dataset(), filters.unit_code, filters.year_from, filters.year_to)
    except (SelectionError, UnitNotFound, UnitAmbiguous):
        return None


def meeting_pack(filters: views.Filters) -> None:
    """The slide deck of my unit over the period (PPTX, built on click) and the button that
    turns the presentation mode on."""
    lang = filters.lang
    row = st.container(horizontal=True)
    selection = _deck_selection(filters)
    if selection is not None:
        dataset = data.dataset()

        def make() -> bytes:
            return build_deck(deck_figures(dataset, selection), lang)

        period = f"{filters.year_from}–{filters.year_to}"
        row.download_button(
            t("download_deck", lang),
            data=make,
            file_name=deck_filename(selection, lang),
            mime=PPTX,
            key="download-deck",
            on_click="ignore",
            icon=":material/co_present:",
            help=t("deck_help", lang, unit=filters.unit_name, period=period),
        )
    present.start_button(row, lang, "page")
