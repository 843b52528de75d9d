"""Drawing helpers shared by the pages: a chart with its footer, the headline figures."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import domain, views
from indicators import schema as s
from indicators.charts import registry
from indicators.deck import build_deck, deck_figures, deck_filename
from indicators.escaping import inert, markdown_t, plotly_plain
from indicators.i18n import t
from indicators.rankings import BY_SCORES, RANKED_BY
from indicators.selection import Selection, SelectionError, select
from indicators.settings import SettingInvalid, max_upload_mb
from indicators.targets import NOT_DUE
from indicators.units import UnitAmbiguous, UnitNotFound
from ui import admin, data, pack, present
from ui import explain as explained
from ui.filters import set_year
from ui.footer import demo_badge, footer, source_line
from ui.nav import UNIT_PAGE

PLOTLY_CONFIG = {"displaylogo": False}
METRICS_PER_ROW = 4
TABLE_MAX_HEIGHT = 1120
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def demo_banner(filters: views.Filters) -> None:
    """Above every page while demo data is on: what is shown is not all official."""
    if filters.demo:
        st.warning(t("demo_banner", filters.lang), icon=":material/science:")


def chart(filters: views.Filters, key: str, quiet: bool = False) -> bool:
    """The chart `key` of the registry (indicators.charts.registry) with its footer; "no
    data", under the chart's title, when it has no rows (nothing at all when `quiet`: the page
    says it once for all its charts). Returns whether a chart was drawn."""
    return _drawn(data.frame(key, filters), filters, key, quiet)


def _drawn(rows: pd.DataFrame, filters: views.Filters, key: str, quiet: bool = False) -> bool:
    lang = filters.lang
    if rows.empty:
        if not quiet:
            title = registry.figure(key, rows, filters).layout.title.text  # which chart, when
            text = markdown_t("no_data_titled", lang, title=plotly_plain(title))
            st.info(text, icon=":material/block:")
        return False
    goals = data.goals(key, filters)
    figure, title = data.figure(key, filters, heading_of)
    with st.container(key=f"figure-{key}"):  # the heading and its chart (ui.style, tests)
        st.markdown(f"**{inert(plotly_plain(title))}**")
        # the figure carries its theme (indicators.chart_theme): the browser need not restyle;
        # a click on a point or bar explains the rows behind it under the chart
        event = st.plotly_chart(
            figure,
            key=f"chart-{key}",
            config=PLOTLY_CONFIG,
            theme=None,
            on_select="rerun",
            selection_mode="points",
        )
    explained.chart_points(event, rows, lang)
    footer(rows, filters, key, figure, title, goals)
    return True


BARE_TOP = 16  # px above the plot, for half the top tick label: the title is written above
# the chart, the legend under it
LEGEND_ROW = 29  # px under the x axis's title for one row of legend (29 drawn)


def heading_of(figure: go.Figure) -> str:
    """Take the chart's title out of the figure, to be written above it as text, which wraps
    on a phone where Plotly's title runs off the chart's edge; the legend goes under the plot,
    at the bottom of the chart, where its rows can wrap on a narrow screen without covering
    the plot or the title: Plotly then reserves their height, the plot giving it up (one row
    is in the bottom margin already, so a wide screen draws the chart once). Returns the title
    (Plotly's markup) for the images and files."""
    title = str(figure.layout.title.text or "")
    shown = figure.layout.showlegend
    if shown is None:  # Plotly's default: a legend when two or more traces would be in it
        shown = sum(trace.showlegend is not False for trace in figure.data) > 1
    figure.layout.title.text = ""
    figure.layout.margin.t = BARE_TOP
    if shown:
        figure.layout.legend.update(
            xref="container", yref="container", x=0, y=0, xanchor="left", yanchor="bottom"
        )
        figure.layout.margin.b = (figure.layout.margin.b or 0) + LEGEND_ROW
    return title


def _rows_of(items: Sequence[views.MetricText], size: int) -> list[Sequence[views.MetricText]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _card(
    where: DeltaGenerator,
    text: views.MetricText,
    lang: str,
    metric: views.Metric | None = None,
    head: views.Headline | None = None,
) -> None:
    """An st.metric card; one built on a generated figure says so in its label. Under it,
    the button that opens where its figure comes from (ui.explain)."""
    label = f"{text.label} :orange-badge[{t('demo_card', lang)}]" if text.demo else text.label
    # the card fills the row's height, so that the buttons under a row of cards line up
    with where.container(key=f"card-{metric.key}" if metric else None, height="stretch"):
        st.metric(
            label,
            text.value,
            text.delta,
            delta_color=text.delta_color,
            delta_arrow=text.arrow,
            border=True,
            height="stretch",
        )
        if metric is not None and head is not None:
            explained.card(st.container(), metric, head, lang)


def headline(head: views.Headline, filters: views.Filters) -> None:
    """The headline figures that exist as st.metric cards with their change, what has no
    figure in a line below them, then their footer. With no figure at all for the year: say
    so and offer the nearest year that has one."""
    lang = filters.lang
    texts = [views.metric_text(m, lang) for m in head.metrics]
    shown = [x for x in texts if not x.missing]
    metric_of = {id(x): m for x, m in zip(texts, head.metrics, strict=True)}
    if not shown:
        no_published_year(filters)
    elif filters.field:  # a field's figure must never be quoted as the unit's total
        st.info(markdown_t("field_scope", lang, field=filters.field), icon=":material/filter_alt:")
    for row in _rows_of(shown, METRICS_PER_ROW):  # narrow pages wrap a row (ui.style)
        for column, text in zip(st.columns(len(row)), row, strict=True):
            _card(column, text, lang, metric_of[id(text)], head)
    missing = [x.label for x in texts if x.missing]
    if shown and missing:
        st.caption(t("not_published", lang, year=head.year, items=", ".join(missing)))
    if any(x.delta for x in shown):
        st.caption(t("changes_since", lang, year=head.year - 1))
    if shown:
        footer(views.headline_rows(head, lang), filters, "headline")


GOAL_MARKS = {  # the status of a target, as an icon and a colour (indicators.targets)
    "met": ":green[:material/check_circle:]",
    "not_met": ":red[:material/cancel:]",
    "no_data": ":gray[:material/help:]",
    "not_due": ":gray[:material/schedule:]",
    "in_words": ":gray[:material/format_quote:]",
}


def goals(filters: views.Filters) -> None:
    """The official targets that bind the unit in the year, each met, not met, without a
    figure, not yet due or in words, with the sources that set them (of the whole unit: not
    shown for one field)."""
    lang = filters.lang
    if filters.field:
        return
    rows = data.view(views.unit_goals, filters.unit_code, filters.year, lang)
    if rows.empty:
        return
    due = rows[views.goals.STATUS] != NOT_DUE
    with st.container(border=True, key="unit-goals"):
        heading = markdown_t("targets_heading", lang, unit=filters.unit_name, year=filters.year)
        st.markdown(f"**{heading}**")
        lines = [
            f"- {GOAL_MARKS[str(goal[views.goals.STATUS])]} {inert(views.goals.goal_line(goal, lang))}"
            for _, goal in rows[due].iterrows()
        ]
        st.markdown("\n".join(lines))
        if not due.all():  # goals of later years: one line, not one item each
            later = "; ".join(views.goals.goal_line(g, lang) for _, g in rows[~due].iterrows())
            st.caption(f"{GOAL_MARKS[NOT_DUE]} {inert(later)}")
        source_line(rows, lang)
        demo_badge(rows, lang)


def no_published_year(filters: views.Filters) -> None:
    """'Chưa có số liệu công bố năm 2024 cho Quận X — năm gần nhất có số liệu: 2023' and a
    button that opens that year; a year with other published figures points to them."""
    lang, years = filters.lang, data.view(views.published_years, filters.unit_code)
    values = {"unit": filters.unit_name, "year": filters.year}
    if filters.year in years:  # e.g. a province's Decision 766 snapshots: listed below
        st.info(markdown_t("headline_elsewhere", lang, **values), icon=":material/info:")
        return
    if not years:
        st.info(markdown_t("nothing_published", lang, **values), icon=":material/block:")
        return
    near = min(years, key=lambda y: (abs(y - filters.year), -y))
    text = markdown_t("not_published_year", lang, near=near, **values)
    st.info(text, icon=":material/block:")
    st.button(
        t("open_year", lang, year=near),
        key="open-near-year",
        icon=":material/event:",
        on_click=set_year,
        args=(near,),
    )


def topic(filters: views.Filters, topic_key: str | None, keys: Sequence[str]) -> None:
    """A page's charts (those with rows; registry keys), then the figures published on its
    topic; when the unit has neither: say so once and name the units and years that have
    figures. A topic of None: every topic (the unit's page)."""
    lang = filters.lang
    drawn = [chart(filters, key, quiet=True) for key in keys]
    published = data.view(views.published_frame, filters.unit_code, filters.years, topic_key)
    if not published.empty:
        st.subheader(t("published_heading", lang))
        event = st.dataframe(
            views.published_display(published, lang),
            hide_index=True,
            key=f"table-published-{topic_key or 'all'}",
            on_select="rerun",
            selection_mode="single-row",
        )
        explained.table_rows(event, published, lang)
        footer(published, filters, f"published-{topic_key or 'all'}")
    if any(drawn) or not published.empty:
        return
    if topic_key is None:
        return  # the unit's page: its headline already says what is missing
    period = f"{filters.year_from}–{filters.year_to}"
    values = {"unit": filters.unit_name, "period": period, "topic": t(f"topic_{topic_key}", lang)}
    st.info(markdown_t("topic_unpublished", lang, **values), icon=":material/block:")
    elsewhere = data.view(views.where_published, topic_key, filters.years)
    if elsewhere:
        listed = "; ".join(
            f"{data.catalog().name(code)} ({', '.join(map(str, years))})"
            for code, years in elsewhere
        )
        st.caption(markdown_t("topic_elsewhere", lang, units=listed))
    if not filters.demo:
        st.caption(t("topic_demo_hint", lang))


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
    changes = domain.method_changes(*filters.years)
    if changes:
        years = ", ".join(map(str, changes))
        st.caption(t("method_note", lang, years=years))


def rank_table(table: pd.DataFrame, filters: views.Filters) -> None:
    """The rank table of the year (my unit's row highlighted) with a profile link per unit;
    of a year published in part, how many of how many units it holds."""
    lang = filters.lang
    if table.empty:
        title = t("rank_table_heading", lang, year=filters.year)
        st.info(markdown_t("no_data_titled", lang, title=title), icon=":material/block:")
        return
    st.markdown(views.leaders_sentence(table, lang) or "")
    ranking_note(table, lang)
    goals = data.view(views.year_goals, tuple(table[s.UNIT_CODE]), filters.year, lang)
    if goals["goals"].ne("").any():  # some unit has a target judged this year
        if st.toggle(t("targets_missed_only", lang), key="targets-missed-only"):
            table = table[table[s.UNIT_CODE].isin(goals.loc[goals["missed"], s.UNIT_CODE])]
            table = table.reset_index(drop=True)
            if table.empty:
                st.info(t("targets_none_missed", lang, year=filters.year), icon=":material/flag:")
                return
    shown = views.rank_display(table, filters, goals)
    mine = (table[s.UNIT_CODE] == filters.unit_code).tolist()
    style = "background-color: #ffebee; font-weight: 600"
    styled = shown.style.apply(lambda row: [style if mine[row.name] else ""] * len(row), axis=1)
    link = st.column_config.LinkColumn(display_text=t("profile_link", lang))
    height = min(36 * (len(shown) + 1) + 4, TABLE_MAX_HEIGHT)  # all of Hanoi's 30 units
    event = st.dataframe(
        styled,
        hide_index=True,
        column_config={t("col_profile", lang): link},
        height=height,
        key="table-rank",
        on_select="rerun",  # a row clicked: its source, the passage and how it was ranked
        selection_mode="single-row",
    )
    explained.table_rows(event, table, lang)
    if (table[RANKED_BY] == BY_SCORES).all():
        st.caption(t("rank_ties", lang))
    footer(table, filters, "rank-table")


def ranking_note(table: pd.DataFrame, lang: str) -> None:
    note = views.ranking_note(table, lang)
    if note:
        st.caption(note)


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
        label=markdown_t("open_profile", lang, unit=str(names[code])),
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
    turns the presentation mode on; neither when the unit has no figure in the period (a
    new ward): nothing to present."""
    if not data.view(views.has_figures, filters.unit_code, filters.years):
        return
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
            help=markdown_t("deck_help", lang, unit=filters.unit_name, period=period),
        )
    pack.download_button(row, filters)  # the offline pack: one HTML file (ui/pack.py)
    present.start_button(row, lang, "page")


def index_766(filters: views.Filters) -> None:
    """Decision 766's index: what it is, then the snapshots published in the year."""
    lang = filters.lang
    st.info(t("note_766", lang), icon=":material/info:")
    st.subheader(t("heading_766", lang, year=filters.year))
    rows = data.view(views.index_766_table, filters.year)
    if rows.empty:
        st.info(t("no_766", lang, year=filters.year), icon=":material/block:")
        return
    event = st.dataframe(
        views.index_766_display(rows, lang),
        hide_index=True,
        key="table-index-766",
        on_select="rerun",
        selection_mode="single-row",
    )
    explained.table_rows(event, rows, lang)
    footer(rows, filters, "index-766")


def unit_766(filters: views.Filters) -> None:
    """A province's (or Hanoi's) own 766 snapshots, when any was published."""
    rows = data.frame("unit-766", filters)
    if rows.empty:
        return
    lang = filters.lang
    st.subheader(markdown_t("unit_766", lang, unit=filters.unit_name))
    st.caption(t("note_766", lang))
    _drawn(rows, filters, "unit-766")


def upload_panel(lang: str) -> None:
    """The administrator's sign-in, upload and rollback; in their place, what is wrong with
    PAR_MAX_UPLOAD_MB when it cannot be used (never a traceback)."""
    try:
        max_upload_mb()
    except SettingInvalid as exc:
        st.error(inert(exc.text(lang)), icon=":material/settings:")
        return
    admin.panel(lang)
