"""The real app (`streamlit run dashboard.py`) in headless Chromium: every page in both
languages, the headline numbers, the menu (ours only, never Streamlit's automatic one from the
pages/ folder), margins that hold every chart's labels, a filter changed in the UI whose URL
reopens the same view in a new browser, and a fresh server whose first visitor opens a sub-page link. Screenshots go to
tests/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from support.browser import choose, open_page, screenshot, wait_idle

from indicators.i18n import t
from ui.nav import PAGES

pytestmark = pytest.mark.browser

AUTO_MENU = "[data-testid='stSidebarNav']"  # Streamlit's own page menu
MENU_LINKS = "[data-testid='stSidebar'] [data-testid='stPageLink']"
METRIC_VALUES = "[data-testid='stMetricValue']"
PLOTS = ".js-plotly-plot"
BADGE = ".stMarkdownBadge"
# Opening a sub-page URL, Streamlit's frontend first probes /<page>/_stcore/health and
# /<page>/host-config (in case the app is served under that base path) and logs their 404s;
# those probes, and nothing else, may fail (checked in open_view).
PROBE = re.compile(r"/_stcore/(health|host-config)$")

# (url path, heading in Vietnamese, heading in English, plotly charts with published figures
# only / with demo data) for 019 in its latest published year (2023) and in 2024 with demo data
VIEWS = [
    ("", "Quận Nam Từ Liêm – năm {y}", "Quận Nam Từ Liêm – {y}", 1, 1),
    (
        "rankings",
        "Xếp hạng Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)",
        "Rankings: Hanoi's PAR index (districts)",
        2,
        2,
    ),
    (
        "online-services",
        "Dịch vụ công trực tuyến: Quận Nam Từ Liêm",
        "Online services: Quận Nam Từ Liêm",
        2,
        3,  # with demo data, the shares the online targets are set on (NQ 76/NQ-CP) too
    ),
    (
        "shortened-procedures",
        "Rút ngắn thời gian giải quyết: Quận Nam Từ Liêm, năm {y}",
        "Shortened procedures: Quận Nam Từ Liêm, {y}",
        0,
        2,
    ),
    (
        "timeliness",
        "Tiến độ giải quyết hồ sơ: Quận Nam Từ Liêm",
        "On-time resolution: Quận Nam Từ Liêm",
        1,
        2,
    ),
    ("unit", "Trang đơn vị: Quận Nam Từ Liêm – năm {y}", "Unit page: Quận Nam Từ Liêm – {y}", 3, 5),
    ("map", "Bấm vào một đơn vị trên bản đồ", "Click a unit on the map", 2, 2),  # city, core
    ("data", "Các bảng đứng sau biểu đồ", "The tables behind the charts", 0, 0),
    ("about", "Lưu ý khi đọc số liệu", "Caveats", 0, 0),
]


def open_view(browser, url: str, wait_text: str) -> Page:
    page = open_page(browser, url, wait_text=wait_text, ignore_console=[r"status of 404"])
    failed = page.evaluate(
        "performance.getEntriesByType('resource')"
        ".filter(e => e.responseStatus >= 400).map(e => e.name)"
    )
    if not all(PROBE.search(name) for name in failed):
        page.context.close()
        pytest.fail(f"{url}: failed requests {failed}", pytrace=False)
    return page


def _only_our_menu(page: Page, lang: str) -> None:
    assert page.locator(AUTO_MENU).count() == 0
    links = page.locator(MENU_LINKS)
    expect(links).to_have_count(len(PAGES), timeout=30_000)  # the sidebar comes late under load
    labels = links.all_inner_texts()
    for spec, label in zip(PAGES, labels, strict=True):
        assert label.endswith(t(spec.title_key, lang)), label


def shot(page: Page, name: str) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, so the window
    is made as tall as that block first (then the charts are given time to redraw)."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": max(900, min(int(height) + 40, 6000))})
    page.wait_for_timeout(600)
    wait_idle(page)
    screenshot(page, name)


# Charts whose labels needed more room than their figure's margins: Plotly's automargin then
# draws them a second time, at every filter change (indicators.chart_theme).
PUSHED = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd =>
  ['l', 'r', 't', 'b'].filter(k => gd._fullLayout._size[k] > gd.layout.margin[k])
    .map(k => `${gd.layout.title.text}: ${k} ${gd.layout.margin[k]} -> ${gd._fullLayout._size[k]}`))"""
DRAWN = """n => [...document.querySelectorAll('.js-plotly-plot')]
  .filter(gd => gd._fullLayout && gd._fullLayout._size).length === n"""


# Per point: the opacity of a generated bar, and whether a bar or a point is generated
# (hatched bar, hollow marker), for every chart on the page; on a map, the units under the
# white veil of generated values (indicators.map_charts) count as faded.
MARKS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => gd.data.map(tr => {
  const m = tr.marker || {};
  const shapes = (m.pattern && m.pattern.shape) || [];
  const symbols = Array.isArray(m.symbol) ? m.symbol : [];
  const veil = tr.type === 'choropleth' && tr.hoverinfo === 'skip'
    && String((tr.colorscale || [[0, '']])[0][1]).startsWith('rgba(255,255,255');
  return {
    hatched: Array.isArray(shapes) ? shapes.filter(x => x === '/').length : 0,
    solid: Array.isArray(shapes) ? shapes.filter(x => x === '').length : 0,
    faded: veil ? tr.locations.length
      : Array.isArray(m.opacity) ? m.opacity.filter(x => x < 1).length : 0,
    hollow: symbols.filter(x => x === 'circle-open').length,
  };
}))"""


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("path", "vi", "en", "plots", "demo_plots"), VIEWS, ids=[v[0] or "overview" for v in VIEWS]
)
def test_every_page(
    browser,
    streamlit_server: str,
    path: str,
    vi: str,
    en: str,
    plots: int,
    demo_plots: int,
    lang: str,
) -> None:
    """Published figures only: no demo badge, no banner, no generated mark anywhere."""
    query = "?lang=en" if lang == "en" else ""
    heading = (en if lang == "en" else vi).format(y=2023)
    page = open_view(browser, f"{streamlit_server}/{path}{query}", wait_text=heading)
    try:
        _only_our_menu(page, lang)
        expect(page.locator(PLOTS)).to_have_count(plots, timeout=30_000)
        page.wait_for_function(DRAWN, arg=plots)
        assert page.evaluate(PUSHED) == []  # each chart drawn once: its margins hold its labels
        assert page.locator(BADGE).count() == 0
        marks = [m for chart in page.evaluate(MARKS) for m in chart]
        assert not any(m["hatched"] or m["faded"] or m["hollow"] for m in marks)
        assert f"lang={lang}" in page.url and "unit=019" in page.url  # the filters in the URL
        assert "demo=" not in page.url
        shot(page, f"page-{path or 'overview'}-{lang}")
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("path", "vi", "en", "plots", "demo_plots"), VIEWS, ids=[v[0] or "overview" for v in VIEWS]
)
def test_every_page_with_demo_data(
    browser, streamlit_server: str, path: str, vi: str, en: str, plots: int, demo_plots: int
) -> None:
    """demo=1: the banner, the badge under every chart, generated marks drawn unlike published
    ones (in the overview's 2024 bars, Long Biên's published bar is solid, the others hatched
    and faded)."""
    url = f"{streamlit_server}/{path}?demo=1&year=2024"
    page = open_view(browser, url, wait_text=vi.format(y=2024))
    try:
        expect(
            page.get_by_text("Có số liệu minh họa — không phải số liệu chính thức")
        ).to_be_visible()
        expect(page.locator(PLOTS)).to_have_count(demo_plots, timeout=30_000)
        page.wait_for_function(DRAWN, arg=demo_plots)
        if demo_plots:
            expect(page.locator(BADGE, has_text="Dữ liệu minh họa").first).to_be_visible()
            marks = [m for chart in page.evaluate(MARKS) for m in chart]
            assert any(m["hatched"] or m["hollow"] or m["faded"] for m in marks), marks
        if path == "":
            bars = page.evaluate(MARKS)[0][0]
            assert (bars["solid"], bars["hatched"], bars["faded"]) == (1, 29, 29)
        assert "demo=1" in page.url
        toggle = page.get_by_role("switch", name="Dữ liệu minh họa")
        assert toggle.is_checked()
        shot(page, f"page-{path or 'overview'}-demo")
    finally:
        page.context.close()


def test_the_demo_switch_lives_in_the_url(browser, streamlit_server: str) -> None:
    page = open_view(
        browser, f"{streamlit_server}/?year=2024", wait_text="Quận Nam Từ Liêm – năm 2024"
    )
    try:
        expect(page.locator(PLOTS)).to_have_count(1, timeout=30_000)  # the city's 2024 scores
        assert page.locator(BADGE).count() == 0
        page.get_by_text("Dữ liệu minh họa", exact=True).click()  # the sidebar toggle
        page.wait_for_url(re.compile(r"demo=1"))
        wait_idle(page)
        expect(
            page.get_by_text("Có số liệu minh họa — không phải số liệu chính thức")
        ).to_be_visible()
        shared = page.url
    finally:
        page.context.close()
    again = open_view(browser, shared, wait_text="Quận Nam Từ Liêm – năm 2024")  # a new browser
    try:
        assert again.get_by_role("switch", name="Dữ liệu minh họa").is_checked()
        expect(again.locator(BADGE, has_text="Dữ liệu minh họa").first).to_be_visible()
    finally:
        again.context.close()


def _metrics(page: Page, count: int) -> list[str]:
    # the headline cards are drawn once the page's views are computed (slow on a busy machine)
    expect(page.locator(METRIC_VALUES)).to_have_count(count, timeout=30_000)
    return page.locator(METRIC_VALUES).all_inner_texts()


def test_unit_2018_numbers(browser, streamlit_server: str) -> None:
    page = open_view(
        browser,
        f"{streamlit_server}/unit?unit=019&year=2018",
        wait_text="Trang đơn vị: Quận Nam Từ Liêm – năm 2018",
    )
    try:
        assert _metrics(page, 3) == ["thứ 1/30", "161", "19"]  # what the seed article says
        expect(page.get_by_text(re.compile(r"xếp thứ 1/30, giữ nguyên thứ hạng"))).to_be_visible()
        shot(page, "unit-019-2018")
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("lang", "heading", "expected"),
    [
        ("vi", "Trang đơn vị: Quận Nam Từ Liêm – năm 2019", ["98,67%", "99,99%"]),
        ("en", "Unit page: Quận Nam Từ Liêm – 2019", ["98.67%", "99.99%"]),
    ],
)
def test_unit_2019_numbers(
    browser, streamlit_server: str, lang: str, heading: str, expected: list
) -> None:
    url = f"{streamlit_server}/unit?unit=019&year=2019&lang={lang}"
    page = open_view(browser, url, wait_text=heading)
    try:
        values = _metrics(page, 4)  # on time, shortened, online level 3 and 4: as published
        assert all(value in values for value in expected), values
        shot(page, f"unit-019-2019-{lang}")
    finally:
        page.context.close()


def test_rankings_2023(browser, streamlit_server: str) -> None:
    page = open_view(
        browser, f"{streamlit_server}/rankings?year=2023", wait_text="Bảng xếp hạng năm 2023"
    )
    try:
        leaders = page.get_by_text(re.compile(r"Năm 2023, dẫn đầu: Quận Đống Đa \(96,3%\)"))
        expect(leaders).to_be_visible()
        expect(page.get_by_text(re.compile(r"công bố của 7/30 đơn vị"))).to_be_visible()
        assert page.locator(BADGE).count() == 0
        shot(page, "rankings-2023")
    finally:
        page.context.close()


def test_overview_2023_bars_in_vietnamese_format(browser, streamlit_server: str) -> None:
    page = open_view(
        browser, f"{streamlit_server}/?unit=006&year=2023", wait_text="Quận Đống Đa – năm 2023"
    )
    try:
        # the bar labels are SVG text inside the Plotly chart
        expect(page.locator(f"{PLOTS} text", has_text="96,3%").first).to_be_visible()
        shot(page, "overview-006-2023")
    finally:
        page.context.close()


def test_no_data_for_a_new_commune(browser, streamlit_server: str) -> None:
    page = open_view(
        browser,
        f"{streamlit_server}/unit?unit=09661&year=2025",
        wait_text="Trang đơn vị: Xã Minh Châu – năm 2025",
    )
    try:
        assert page.locator(METRIC_VALUES).count() == 0  # no number anywhere, never 0
        expect(page.get_by_text("Từ ngày 01/07/2025 chưa có số liệu nào")).to_be_visible()
        history = page.get_by_role("link", name="Lịch sử chỉ số của Huyện Ba Vì")
        expect(history).to_have_attribute("href", re.compile(r"unit=271"))
        shot(page, "unit-new-commune-2025")
    finally:
        page.context.close()


def test_a_filter_changed_in_the_ui_is_a_link_to_the_same_view(
    browser, streamlit_server: str
) -> None:
    page = open_view(
        browser,
        f"{streamlit_server}/unit?unit=019&year=2018",
        wait_text="Trang đơn vị: Quận Nam Từ Liêm – năm 2018",
    )
    try:
        choose(page, "Năm", "2019")
        page.get_by_text("Trang đơn vị: Quận Nam Từ Liêm – năm 2019").wait_for()
        page.wait_for_url(re.compile(r"year=2019"))
        wait_idle(page)
        shared = page.url
        before = _metrics(page, 4)
        assert "98,67%" in before
    finally:
        page.context.close()

    again = open_view(
        browser, shared, wait_text="Trang đơn vị: Quận Nam Từ Liêm – năm 2019"
    )  # a new context
    try:
        assert _metrics(again, 4) == before
        assert again.get_by_label("Năm", exact=True).input_value() == "2019"
        assert again.get_by_label("Đơn vị của tôi", exact=True).input_value() == "Quận Nam Từ Liêm"
        # the menu keeps the filters: the rankings open for the same unit and year
        again.locator(MENU_LINKS, has_text="Xếp hạng").click()
        again.get_by_text("Bảng xếp hạng năm 2019").wait_for()
        again.wait_for_url(re.compile(r"/rankings\?.*unit=019.*year=2019|/rankings\?.*year=2019"))
        wait_idle(again)
        shot(again, "shared-link-then-rankings")
    finally:
        again.context.close()


def test_first_visitor_of_a_fresh_server_opens_a_sub_page(browser, start_streamlit) -> None:
    """Streamlit auto-discovers pages/ until some run calls st.navigation; a shared link to a
    sub-page opened first on a fresh server must still go through dashboard.py."""
    fresh = start_streamlit("dashboard.py", extra_args=("--server.maxUploadSize", "20"))
    page = open_view(
        browser,
        f"{fresh}/unit?unit=019&year=2018",
        wait_text="Trang đơn vị: Quận Nam Từ Liêm – năm 2018",
    )
    try:
        _only_our_menu(page, "vi")
        assert "161" in _metrics(page, 3)
        shot(page, "fresh-server-first-visit")
    finally:
        page.context.close()
