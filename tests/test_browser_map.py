"""The /map page of the real app in headless Chromium: Hanoi's 30 districts in 2023 with
Đống Đa in the top class, a click on Đống Đa opening its profile, the province map switching
from 63 to 34 units between 2024 and 2025, Hanoi after 1 July 2025 as a table, and the
boundary attribution under the map. Nothing is fetched from a CDN (plotly.js's world topojson
is replaced by map_charts.PLOTLY_CONFIG). Screenshots go to tests/screenshots/map-*.png."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from support.browser import SCREENSHOT_DIR, check_page, open_page, screenshot, wait_idle

pytestmark = pytest.mark.browser

PLOT = ".js-plotly-plot"
DONG_DA = "006"
# Opening a sub-page URL, Streamlit's frontend probes /<page>/_stcore/health and
# /<page>/host-config and logs their 404s (see test_browser_pages.py); nothing else may fail.
PROBE = re.compile(r"/_stcore/(health|host-config)$")

# every choropleth trace's units and customdata, as plotly.js holds them
UNITS_JS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const out = {};
  for (const trace of plot.data) {
    if (trace.type !== 'choropleth') continue;
    trace.locations.forEach((code, i) => { out[code] = trace.customdata[i]; });
  }
  return out;
}"""
# the index of a unit's path among the drawn choropleth paths
PATH_INDEX_JS = """(code) => Array.from(document.querySelectorAll('path.choroplethlocation'))
  .findIndex(p => p.__data__ && p.__data__.loc === code)"""


def open_map(browser, url: str, wait_text: str) -> Page:
    page = open_page(browser, url, wait_text=wait_text, ignore_console=[r"status of 404"])
    return page


def requests_ok(page: Page) -> None:
    """No failed request but Streamlit's probes, and nothing asked of plotly's CDN."""
    names = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    failed = page.evaluate(
        "performance.getEntriesByType('resource')"
        ".filter(e => e.responseStatus >= 400).map(e => e.name)"
    )
    assert not [n for n in names if "plot.ly" in n], names
    assert all(PROBE.search(name) for name in failed), failed


def wait_map(page: Page) -> dict[str, list]:
    expect(page.locator(PLOT)).to_have_count(1)
    page.locator("path.choroplethlocation").first.wait_for(state="attached")
    return page.evaluate(UNITS_JS)


def shot(page: Page, name: str) -> None:
    """The whole page: the window is made as tall as Streamlit's scrolling main block."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": max(900, min(int(height) + 40, 6000))})
    page.wait_for_timeout(800)
    wait_idle(page)
    screenshot(page, name)


def test_hanoi_2023_and_a_click_opens_dong_da(browser, streamlit_server: str) -> None:
    page = open_map(browser, f"{streamlit_server}/map?year=2023", "Bấm vào một đơn vị trên bản đồ")
    try:
        units = wait_map(page)
        assert len(units) == 30
        top, classes = units[DONG_DA][4].split("/")
        assert units[DONG_DA][1:4] == ["Quận Đống Đa", "96,30", "thứ 1/30"] and top == classes
        title = page.locator(f"{PLOT} .gtitle")  # two lines: what and when, then where
        expect(title).to_contain_text("Điểm Chỉ số CCHC, năm 2023")
        expect(title).to_contain_text("30 quận, huyện, thị xã Hà Nội")
        caption = page.get_by_text(re.compile(r"^Ranh giới:.*CC BY 3\.0 IGO"))
        expect(caption).to_be_visible()
        expect(page.get_by_text("Màu xám: Không có dữ liệu", exact=False)).to_be_visible()
        requests_ok(page)
        check_page(page)
        shot(page, "map-hanoi-2023-vi")

        index = page.evaluate(PATH_INDEX_JS, DONG_DA)
        assert index >= 0
        target = page.locator("path.choroplethlocation").nth(index)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)  # the hover: name, value, rank, class and source
        hover = page.locator(f"{PLOT} .hoverlayer .hovertext")
        expect(hover).to_have_count(1)
        for part in ("Quận Đống Đa", "96,30", "Hạng: thứ 1/30", f"Nhóm: {top}/{classes}", "Nguồn:"):
            expect(hover).to_contain_text(part)
        page.locator(PLOT).screenshot(path=str(SCREENSHOT_DIR / "map-hover-dong-da.png"))
        page.mouse.click(x, y)
        heading = page.get_by_role("heading", name="Trang đơn vị: Quận Đống Đa – năm 2023")
        expect(heading).to_be_visible(timeout=30000)
        wait_idle(page)
        assert "/unit?" in page.url and "unit=006" in page.url and "year=2023" in page.url
        check_page(page)
        shot(page, "map-click-dong-da-profile")
    finally:
        page.context.close()


@pytest.mark.parametrize(("year", "n"), [(2024, 63), (2025, 34)])
def test_province_map_switches_from_63_to_34(
    browser, streamlit_server: str, year: int, n: int
) -> None:
    url = f"{streamlit_server}/map?index=national&year={year}"
    page = open_map(browser, url, "Bấm vào một đơn vị trên bản đồ")
    try:
        units = wait_map(page)
        assert len(units) == n
        assert {"01", "48", "56"} <= set(units)
        attribution = page.get_by_text(re.compile(r"^Ranh giới:.*Open Development Mekong"))
        expect(attribution).to_be_visible()
        expect(attribution).to_contain_text("CC BY-SA 4.0")
        if year == 2025:
            expect(attribution).to_contain_text("gộp theo NQ 202/2025/QH15")
            expect(page.get_by_text("mọi đơn vị được tô màu xám", exact=False)).to_be_visible()
        requests_ok(page)
        check_page(page)
        shot(page, f"map-provinces-{year}-vi")
    finally:
        page.context.close()


def test_hanoi_2025_is_a_table_and_says_why(browser, streamlit_server: str) -> None:
    page = open_map(browser, f"{streamlit_server}/map?year=2025", "Chưa có bản đồ cho 126 xã")
    try:
        expect(page.locator(PLOT)).to_have_count(0)
        expect(page.get_by_text("SOURCES.md", exact=False).first).to_be_visible()
        expect(
            page.get_by_text("213 dòng: 126 xã, phường mới và 30 quận, huyện cũ")
        ).to_be_visible()
        expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible()
        expect(page.get_by_text("Xem bản đồ 30 quận, huyện năm 2024")).to_be_visible()
        check_page(page)
        shot(page, "map-hanoi-2025-table-vi")
    finally:
        page.context.close()


def test_map_in_english(browser, streamlit_server: str) -> None:
    page = open_map(browser, f"{streamlit_server}/map?year=2023&lang=en", "Click a unit on the map")
    try:
        units = wait_map(page)
        assert units[DONG_DA][2:4] == ["96.30", "1st of 30"]
        expect(page.get_by_text(re.compile(r"^Boundaries:.*CC BY 3\.0 IGO"))).to_be_visible()
        check_page(page)
        shot(page, "map-hanoi-2023-en")
    finally:
        page.context.close()
