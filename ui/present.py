"""Presentation mode (`?present=1`): large type for a projector, one screen at a time.

dashboard.py calls `show` instead of the page when the URL asks for it. The sidebar, the
header and the toolbars are hidden (CSS), the type is projector-sized, and every screen has
previous / next buttons (also the ← → keys) and an exit (Esc). Which screens and in which
order is indicators.presentation; the screen is `slide=N` in the URL, next to the filters, so
a copied link reopens the same screen.

Every screen fits the window, from 1024x768 to 3840x2160, without scrolling (CSS only):

- the main block is a column exactly as high as the window: the demo notice and the control
  bar (one row: the unit and period give way, cut with "…", the buttons never wrap) on top,
  the slide in the rest;
- the type follows the window: `min(vw, vh)` sizes within clamp(), so a 4K screen shows what
  a 1080p one does, twice as large;
- a chart screen's chart takes the height its sources and demo badge leave: the figure is laid
  out at its design size (indicators.presentation.design_height high, as wide as the space's
  shape) and scaled to the space, its type with it. Streamlit sizes a Plotly chart from what
  its elements measure on screen, so the chart's own elements keep the design size (clipped
  by their element) and only Plotly's drawing is scaled (a transform, which Plotly's hover
  allows for). Browsers without CSS typed arithmetic (`100cqh / 600px`) get the chart drawn at
  the space's size, unscaled;
- the summary's key messages fill the box under the headings: their type is the largest that
  fits that box's shape (indicators.presentation.message_sizes, as CSS container queries).
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
CHART_KEY = "present-chart-"  # + the screen's key: the chart's element (its CSS class)
MAIN = '[data-testid="stMain"]'

# The projector theme (see the module's docstring). --pt-text is the body type, --pt-bar the
# control bar's, --pt-small the sources' and badges'.
STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
  display: none !important;
}
MAIN {
  --pt-text: clamp(12px, min(2.3vw, 3.6vh), 240px);
  --pt-bar: clamp(11px, min(1.9vw, 3vh), 200px);
  --pt-small: clamp(10px, min(1.3vw, 2vh), 140px);
  --pt-gap: 1.2vh;
}
[data-testid="stMainBlockContainer"] {
  padding: 1.4vh 2.5vw !important; max-width: none !important;
  height: 100vh; height: 100dvh; box-sizing: border-box;
  display: flex; flex-direction: column;
}
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"],
[data-testid="stLayoutWrapper"]:has(> .st-key-present-slide), .st-key-present-slide,
[data-testid="stLayoutWrapper"]:has(> .st-key-present-messages), .st-key-present-messages {
  flex: 1 1 0 !important; min-height: 0 !important; gap: var(--pt-gap) !important;
}
MAIN [data-testid="stMarkdownContainer"] p, MAIN [data-testid="stMarkdownContainer"] li {
  font-size: var(--pt-text) !important; line-height: 1.3 !important;
}
/* no margin below a text's last line (Streamlit's own overhangs the main block by 1rem) */
MAIN [data-testid="stMarkdownContainer"], MAIN [data-testid="stCaptionContainer"] {
  margin-bottom: 0 !important;
}
MAIN [data-testid="stMarkdownContainer"] p:last-child { margin-bottom: 0 !important; }
MAIN h1, MAIN h2, MAIN h3 { padding: 0 !important; line-height: 1.2 !important; }
MAIN h1 { font-size: calc(1.7 * var(--pt-text)) !important; color: #c62828; }
MAIN h2 { font-size: calc(1.15 * var(--pt-text)) !important; }
MAIN h3 { font-size: calc(1.05 * var(--pt-text)) !important; }
MAIN [data-testid="stCaptionContainer"], MAIN [data-testid="stCaptionContainer"] p,
MAIN .stMarkdownBadge, MAIN p:has(> .stMarkdownBadge) {
  font-size: var(--pt-small) !important; line-height: 1.3 !important;
}
/* the demo notice: one slim line */
.st-key-present-demo [data-testid="stAlertContainer"] { padding: 0.6vh 1vw !important; }
.st-key-present-demo p, .st-key-present-demo [data-testid="stIconMaterial"] {
  font-size: var(--pt-bar) !important;
}
/* the control bar: one row; the unit and period give way */
.st-key-present-bar { flex-wrap: nowrap !important; gap: 1vw !important; }
.st-key-present-bar > div { flex-shrink: 0 !important; }
.st-key-present-bar > div:first-child { flex-shrink: 1 !important; min-width: 0; }
.st-key-present-bar p {
  font-size: var(--pt-bar) !important; font-weight: 600; line-height: 1.25 !important;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
}
.st-key-present-bar button { min-height: 0 !important; padding: 0.4vh 1vw !important; }
.st-key-present-bar [data-testid="stIconMaterial"],
.st-key-present-bar span:has(> [data-testid="stIconMaterial"]) {
  font-size: var(--pt-bar) !important; width: var(--pt-bar) !important;
  height: var(--pt-bar) !important;
}
.st-key-present-bar button div, .st-key-present-bar button span {
  gap: calc(0.3 * var(--pt-bar)) !important;
}
.st-key-present-bar kbd { font-size: calc(0.5 * var(--pt-bar)) !important; }
/* a chart screen: the chart takes the height left, its design size scaled to it */
.st-key-present-slide [class*="CHART_KEY"] {
  flex: 1 1 0 !important; min-height: 0 !important; container-type: size; overflow: clip;
}
@supports (scale: calc(100cqh / 600px)) {
  [class*="CHART_KEY"] > [data-testid="stFullScreenFrame"] {
    --pt-scale: calc(100cqh / var(--pt-chart-h));
    width: calc(100cqw / var(--pt-scale)) !important; height: var(--pt-chart-h) !important;
  }
  [class*="CHART_KEY"] [data-testid="stPlotlyChart"] { height: 100% !important; }
  [class*="CHART_KEY"] .js-plotly-plot {
    transform: scale(var(--pt-scale)); transform-origin: 0 0;
  }
}
/* the summary: the key messages fill the box under the headings */
.st-key-present-messages { container: pt-messages / size; }
.st-key-present-messages ul { margin: 0 !important; padding-left: MESSAGE_INDENTem !important; }
.st-key-present-messages [data-testid="stMarkdownContainer"] li {
  margin: 0 0 MESSAGE_GAPem !important; padding: 0 !important;
  line-height: MESSAGE_LINE !important; font-size: var(--pt-messages) !important;
}
</style>""".replace("MAIN", MAIN).replace("CHART_KEY", CHART_KEY)
STYLE = (
    STYLE.replace("MESSAGE_INDENT", str(p.MESSAGE_INDENT))
    .replace("MESSAGE_GAP", str(p.MESSAGE_GAP))
    .replace("MESSAGE_LINE", str(p.MESSAGE_LINE))
)
MESSAGES_MAX = "calc(1.25 * var(--pt-text))"  # the key messages never get larger than this


def _percent(share: float) -> str:
    return f"{100 * share:.3f}"


def chart_style(key: str, frame: pd.DataFrame) -> str:
    """The design height of the chart screen `key` (its element's CSS variable)."""
    height = p.design_height(key, frame)
    return f"<style>.st-key-{CHART_KEY}{key} {{ --pt-chart-h: {height}px; }}</style>"


def messages_style(messages: list[str]) -> str:
    """The key messages' type: for each box shape, the largest that fits (a box narrower than
    the narrowest shape fits by its width)."""
    sizes = p.message_sizes(messages)
    aspect, size = sizes[0]
    rules = [
        f".st-key-present-messages ul {{ --pt-messages: min({_percent(size)}cqh, "
        f"{_percent(size / aspect)}cqw, {MESSAGES_MAX}); }}"
    ]
    for aspect, size in sizes:
        rules.append(
            f"@container pt-messages (min-aspect-ratio: {round(aspect * 100)}/100) {{ "
            f".st-key-present-messages ul {{ --pt-messages: min({_percent(size)}cqh, "
            f"{MESSAGES_MAX}); }} }}"
        )
    return "<style>\n" + "\n".join(rules) + "\n</style>"


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
    if filters.field:  # a field's counts must not pass for the unit's total on the screen
        text += " · " + markdown_t("field_active", lang, field=filters.field)
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
    if not messages:
        st.info(t("present_no_messages", lang), icon=":material/info:")
        return
    st.html(messages_style(messages))
    with st.container(key="present-messages"):
        st.markdown("\n".join(f"- {inert(m)}" for m in messages))


def _chart_screen(filters: Filters, key: str, frame: pd.DataFrame) -> None:
    goals = data.goals(key, filters)  # the official targets' lines, cited with the rows
    figure = p.slide_figure(key, frame, filters, goals)
    st.html(chart_style(key, frame))
    st.plotly_chart(
        figure, key=f"{CHART_KEY}{key}", config=CHART_CONFIG, theme=None, height="stretch"
    )
    source_line(frame, filters.lang, goals)
    demo_badge(frame, filters.lang)


def show() -> None:
    """The screen of the URL's `slide` in the projector theme (run in dashboard.py's frame,
    like a page: see ui.filters.current)."""
    filters = current()
    st.html(STYLE)
    if filters.demo:
        with st.container(key="present-demo"):
            st.warning(t("demo_banner_short", filters.lang), icon=":material/science:")
    frames = data.view(p.slide_frames, filters)
    keys = p.slide_keys(frames)
    index = p.slide_index(st.query_params.get(p.SLIDE), len(keys))
    _bar(filters, index, len(keys))
    key = keys[index]
    with st.container(key="present-slide"):
        if key == p.SUMMARY:
            _summary_screen(filters)
        else:
            _chart_screen(filters, key, frames[key])
