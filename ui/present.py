"""Presentation mode (`?present=1`): large type for a projector, one screen at a time.

dashboard.py calls `show` instead of the page when the URL asks for it. The sidebar, the
header and the toolbars are hidden (CSS), the type is projector-sized, and every screen has
previous / next buttons (also the ← → keys) and an exit (Esc). Which screens and in which
order is indicators.presentation; the screen is `slide=N` in the URL, next to the filters, so
a copied link reopens the same screen.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import presentation as p
from indicators.escaping import inert, markdown_t
from indicators.i18n import t
from indicators.views import Filters
from ui import data
from ui.filters import current
from ui.footer import demo_badge, source_line

CHART_CONFIG = {"displaylogo": False, "displayModeBar": False}

# The projector theme: no sidebar, header or toolbar; large type; the page's full width.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important;
}
[data-testid="stMainBlockContainer"] {
  padding: 1rem 2.5rem 1rem !important; max-width: none !important;
}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMarkdownContainer"] li {
  font-size: 2rem !important; line-height: 1.4 !important;
}
[data-testid="stMain"] h1 { font-size: 3.4rem !important; color: #c62828; }
[data-testid="stMain"] h2 { font-size: 2.4rem !important; }
[data-testid="stMain"] h3 { font-size: 2.1rem !important; }
[data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] [data-testid="stCaptionContainer"] p {
  font-size: 1.2rem !important;
}
[data-testid="stMain"] button p { font-size: 1.4rem !important; }
.st-key-present-bar p { font-size: 1.6rem !important; font-weight: 600; }
</style>"""


def active() -> bool:
    """Whether the URL asks for the presentation mode."""
    return p.is_on(st.query_params.get(p.PRESENT))


def _start() -> None:
    st.query_params[p.PRESENT] = "1"  # set in a callback: the browser's URL gets it too
    if p.SLIDE in st.query_params:
        del st.query_params[p.SLIDE]


def start_button(where: DeltaGenerator, lang: str, place: str) -> None:
    """The button that turns the presentation mode on for the filters of the URL (`place`
    tells the buttons apart: "sidebar", "page")."""
    where.button(
        t("present_start", lang),
        key=f"present-start-{place}",
        icon=":material/slideshow:",
        on_click=_start,
        help=t("present_help", lang),
    )


def _go(index: int) -> None:
    st.query_params[p.SLIDE] = str(index + 1)


def _leave() -> None:
    for name in (p.PRESENT, p.SLIDE):
        if name in st.query_params:
            del st.query_params[name]


def _bar(filters: Filters, index: int, count: int) -> None:
    """One row: unit and period, then previous, the counter, next and exit."""
    lang = filters.lang
    period = f"{filters.year_from}–{filters.year_to}"
    row = st.container(horizontal=True, vertical_alignment="center", key="present-bar")
    text = markdown_t("present_period", lang, unit=filters.unit_name, period=period)
    row.markdown(text, width="content")
    row.space("stretch")
    row.button(
        t("present_prev", lang),
        key="present-prev",
        icon=":material/arrow_back:",
        on_click=_go,
        args=(p.step(index, count, -1),),
        disabled=index == 0,
        shortcut="Left",
    )
    row.markdown(f"**{t('present_counter', lang, i=index + 1, n=count)}**", width="content")
    row.button(
        t("present_next", lang),
        key="present-next",
        icon=":material/arrow_forward:",
        icon_position="right",
        on_click=_go,
        args=(p.step(index, count, 1),),
        disabled=index == count - 1,
        shortcut="Right",
        type="primary",
    )
    row.button(
        t("present_exit", lang),
        key="present-exit",
        icon=":material/close:",
        on_click=_leave,
        shortcut="Esc",
    )


def _summary_screen(filters: Filters) -> None:
    lang = filters.lang
    st.title(inert(filters.unit_name))
    st.subheader(f"{t(f'index_{filters.index_id}', lang)} · {filters.year_from}–{filters.year_to}")
    messages = data.view(p.summary, filters)
    st.markdown(f"### {t('present_messages', lang)}")
    if messages:
        st.markdown("\n".join(f"- {inert(m)}" for m in messages))
    else:
        st.info(t("present_no_messages", lang), icon=":material/info:")


def _chart_screen(filters: Filters, key: str, frame: pd.DataFrame) -> None:
    figure = p.slide_figure(key, frame, filters)
    st.plotly_chart(figure, key=f"present-{key}", config=CHART_CONFIG, theme=None)
    source_line(frame, filters.lang)
    demo_badge(frame, filters.lang)


def show() -> None:
    """The screen of the URL's `slide` in the projector theme (run in dashboard.py's frame,
    like a page: see ui.filters.current)."""
    filters = current()
    st.html(STYLE)
    if filters.demo:
        st.warning(t("demo_banner_short", filters.lang), icon=":material/science:")
    frames = data.view(p.slide_frames, filters)
    keys = p.slide_keys(frames)
    index = p.slide_index(st.query_params.get(p.SLIDE), len(keys))
    _bar(filters, index, len(keys))
    key = keys[index]
    if key == p.SUMMARY:
        _summary_screen(filters)
    else:
        _chart_screen(filters, key, frames[key])
