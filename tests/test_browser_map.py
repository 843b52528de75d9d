"""The /map page of the real app in headless Chromium: Hanoi's 30 districts in 2023 with
Đống Đa in the top class, in two panels (the whole city, the 12 urban districts zoomed), a
click on Đống Đa in the zoomed panel (on its name) opening its profile, the names not
overlapping at a desktop's, a projector's and a phone's size, the province map switching
from 63 to 34 units between 2024 and 2025, Hanoi after 1 July 2025 as a table, and the
boundary attribution once under the map. Nothing is fetched from a CDN (plotly.js's world
topojson is replaced by map_charts.PLOTLY_CONFIG). Screenshots go to
tests/screenshots/map-*.png."""

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

# every choropleth trace's units and customdata, as plotly.js holds them, in panel `n`
UNITS_JS = """(n) => {
  const plot = document.querySelectorAll('.js-plotly-plot')[n || 0];
  const out = {};
  for (const trace of plot.data) {
    if (trace.type !== 'choropleth') continue;
    trace.locations.forEach((code, i) => { out[code] = trace.customdata[i]; });
  }
  return out;
}"""
# the index of a unit's path among the drawn choropleth paths of panel n
PATH_INDEX_JS = """([n, code]) => Array.from(document.querySelectorAll('.js-plotly-plot')[n]
  .querySelectorAll('path.choroplethlocation'))
  .findIndex(p => p.__data__ && p.__data__.loc === code)"""
# the drawn unit names of every panel: [panel, text, left, top, right, bottom] (a name on two
# lines is one text of two tspans: 'HoànKiếm')
NAMES_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((gd, n) =>
  [...gd.querySelectorAll('.trace.scattergeo text')].map(el => {
    const r = el.getBoundingClientRect();
    return [n, el.textContent, r.left, r.top, r.right, r.bottom];
  }))"""
HEADING = "Điểm Chỉ số CCHC, năm 2023"
ATTRIBUTION = re.compile(r"^Ranh giới quận/huyện Hà Nội:.*CC BY 3\.0 IGO")


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


def wait_map(page: Page, panels: int = 2) -> dict[str, list]:
    """The units of the whole city (panel 0), once every panel is drawn."""
    expect(page.locator(PLOT)).to_have_count(panels, timeout=30_000)  # a busy machine
    for n in range(panels):
        page.locator(PLOT).nth(n).locator("path.choroplethlocation").first.wait_for(
            state="attached", timeout=30_000
        )
    return page.evaluate(UNITS_JS, 0)


def overlapping(names: list[list]) -> list[tuple[str, str]]:
    """The pairs of names of one panel whose drawn boxes overlap (by more than 1 px)."""
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if a[0] == b[0] and min(a[4], b[4]) - max(a[2], b[2]) > 1:
                if min(a[5], b[5]) - max(a[3], b[3]) > 1:
                    out.append((a[1], b[1]))
    return out


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
        core = page.evaluate(UNITS_JS, 1)
        assert len(core) == 12 and core[DONG_DA] == units[DONG_DA]
        title = page.locator("p", has=page.get_by_text(HEADING, exact=True))  # above the panels
        expect(title).to_have_text(f"{HEADING}\n30 quận, huyện, thị xã Hà Nội")
        expect(page.locator(f"{PLOT} .gtitle")).to_have_count(0)
        expect(page.locator(PLOT).nth(1)).to_contain_text("Nội thành, phóng to: 12 quận")
        expect(page.locator(PLOT).nth(0)).to_contain_text("Nội thành: xem bản đồ phóng to")
        expect(page.locator(PLOT).nth(0)).to_contain_text("Điểm (% tối đa)")
        expect(page.get_by_text(ATTRIBUTION)).to_have_count(1)  # once
        expect(page.get_by_text("Màu xám: Không có dữ liệu", exact=False)).to_be_visible()
        names = page.evaluate(NAMES_JS)
        assert [sum(n[0] == panel for n in names) for panel in (0, 1)] == [18, 12]
        assert {"HoànKiếm", "Long Biên", "Đống Đa"} <= {n[1] for n in names if n[0] == 1}
        assert {"Ba Vì", "Sóc Sơn", "Mỹ Đức"} <= {n[1] for n in names if n[0] == 0}
        assert overlapping(names) == []
        requests_ok(page)
        check_page(page)
        shot(page, "map-hanoi-2023-vi")

        index = page.evaluate(PATH_INDEX_JS, [1, DONG_DA])  # in the zoomed core
        assert index >= 0
        target = page.locator(PLOT).nth(1).locator("path.choroplethlocation").nth(index)
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        assert box is not None
        name = page.locator(PLOT).nth(1).locator(".trace.scattergeo text", has_text="Đống Đa")
        label = name.bounding_box()
        assert label is not None  # the click lands on the name: it goes through to the unit
        x, y = label["x"] + label["width"] / 2, label["y"] + label["height"] / 2
        assert box["x"] < x < box["x"] + box["width"] and box["y"] < y < box["y"] + box["height"]
        page.mouse.move(x, y)  # the hover: name, value, rank, class and source
        hover = page.locator(PLOT).nth(1).locator(".hoverlayer .hovertext")
        expect(hover).to_have_count(1)
        for part in ("Quận Đống Đa", "96,30", "Hạng: thứ 1/30", f"Nhóm: {top}/{classes}", "Nguồn:"):
            expect(hover).to_contain_text(part)
        page.locator(PLOT).nth(1).screenshot(path=str(SCREENSHOT_DIR / "map-hover-dong-da.png"))
        page.mouse.click(x, y)
        heading = page.get_by_role("heading", name="Trang đơn vị: Quận Đống Đa – năm 2023")
        expect(heading).to_be_visible(timeout=30000)
        wait_idle(page)
        assert "/unit?" in page.url and "unit=006" in page.url and "year=2023" in page.url
        check_page(page)
        shot(page, "map-click-dong-da-profile")
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("size", "width", "height", "side_by_side"),
    [("desktop", 1440, 900, True), ("projector", 1024, 768, False), ("phone", 390, 844, False)],
)
def test_the_panels_and_names_fit_each_screen(
    browser, streamlit_server: str, size: str, width: int, height: int, side_by_side: bool
) -> None:
    """Side by side on a desktop, one under the other where the page is narrower; each panel
    as wide as its column, no taller than the window, and no two names overlapping."""
    page = open_map(browser, f"{streamlit_server}/map?year=2023", "Bấm vào một đơn vị trên bản đồ")
    try:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(800)
        wait_map(page)
        wait_idle(page)
        whole, core = (page.locator(PLOT).nth(n).bounding_box() for n in (0, 1))
        assert whole is not None and core is not None
        assert (abs(whole["y"] - core["y"]) < 5) == side_by_side
        picker = page.locator("[data-testid='stSelectbox']").first.bounding_box()
        assert picker is not None  # as wide as the page's content
        used = whole["width"] + (core["width"] if side_by_side else 0)
        assert used > 0.95 * picker["width"]
        assert whole["height"] <= height - 100 and core["height"] <= height - 100
        names = page.evaluate(NAMES_JS)
        assert len(names) == 30  # 18 on the whole city, 12 on the core
        assert overlapping(names) == []
        page.screenshot(path=str(SCREENSHOT_DIR / f"map-hanoi-2023-{size}.png"), full_page=True)
    finally:
        page.context.close()


@pytest.mark.parametrize(("year", "n"), [(2024, 63), (2025, 34)])
def test_province_map_switches_from_63_to_34(
    browser, streamlit_server: str, year: int, n: int
) -> None:
    url = f"{streamlit_server}/map?index=national&year={year}"
    page = open_map(browser, url, "Bấm vào một đơn vị trên bản đồ")
    try:
        units = wait_map(page, panels=1)
        assert len(units) == n
        assert {"01", "48", "56"} <= set(units)
        attribution = page.get_by_text(re.compile(r"^Ranh giới tỉnh: Open Development Mekong"))
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
    page = open_map(browser, f"{streamlit_server}/map?year=2025", "không còn cấp quận, huyện")
    try:
        expect(page.locator(PLOT)).to_have_count(0)
        expect(page.get_by_text("sắp xếp lại thành 126 xã, phường", exact=False)).to_be_visible()
        expect(page.get_by_text("SOURCES.md", exact=False)).to_have_count(0)
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
        boundaries = re.compile(r"^Hanoi district boundaries:.*CC BY 3\.0 IGO")
        expect(page.get_by_text(boundaries)).to_have_count(1)
        expect(page.locator(PLOT).nth(0)).to_contain_text("Score (% of maximum)")
        expect(page.locator(PLOT).nth(1)).to_contain_text("Inner city, zoomed in")
        assert overlapping(page.evaluate(NAMES_JS)) == []
        check_page(page)
        shot(page, "map-hanoi-2023-en")
    finally:
        page.context.close()
