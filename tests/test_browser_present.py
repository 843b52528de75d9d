"""The meeting pack in the real app (headless Chromium): presentation mode without a sidebar
and in projector-sized type, moved with the buttons and the arrow keys, its URL a link to the
same screen; and the downloads under a chart and of the slide deck, read back byte by byte.
Screenshots go to tests/screenshots/present-*.png and download-*.png."""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile

import pytest
from playwright.sync_api import Page, expect
from support.browser import check_page, open_page, screenshot, wait_idle

pytestmark = pytest.mark.browser

SIDEBAR = "[data-testid='stSidebar']"
HEADER = "[data-testid='stHeader']"
PLOT_TITLE = ".js-plotly-plot .gtitle"
BOM = b"\xef\xbb\xbf"
PRESENT = "/?present=1&unit=019&from=2016&to=2019&demo=1"  # every screen has rows
# Opening a sub-page URL, Streamlit's frontend probes /<page>/_stcore/health and host-config
# first and logs their 404s (see tests/test_browser_pages.py).
SUB_PAGE_PROBES = [r"status of 404"]
SLOW = 30000  # ms for a chart to be drawn on a busy machine (expect's default is 5 s)


def font_px(page: Page, selector: str) -> float:
    size = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontSize")
    return float(size.removesuffix("px"))


def assert_projector_screen(page: Page) -> None:
    expect(page.locator(SIDEBAR)).to_be_hidden()
    expect(page.locator(HEADER)).to_be_hidden()
    assert page.locator(f"{SIDEBAR}:visible").count() == 0


def go_next(page: Page, slide: int, title: str) -> None:
    page.get_by_role("button", name="Tiếp").click()
    page.wait_for_url(re.compile(rf"slide={slide}\b"))
    expect(page.locator(PLOT_TITLE, has_text=title)).to_be_visible(timeout=SLOW)
    wait_idle(page)


def test_presentation_mode(browser, streamlit_server: str) -> None:
    page = open_page(browser, f"{streamlit_server}{PRESENT}", wait_text="Thông điệp chính")
    try:
        assert_projector_screen(page)
        expect(page.get_by_text("Quận Nam Từ Liêm · 2016–2019")).to_be_visible()
        expect(page.get_by_text("1/9", exact=True)).to_be_visible()
        expect(
            page.get_by_text(re.compile(r"Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30"))
        ).to_be_visible()  # published (the seed article): generated figures are never told
        expect(
            page.get_by_text("Có số liệu minh họa — không phải số liệu chính thức")
        ).to_be_visible()
        assert font_px(page, "h1") >= 48  # the unit's name
        assert font_px(page, "[data-testid='stMain'] li p, [data-testid='stMain'] li") >= 28
        assert "present=1" in page.url and "unit=019" in page.url and "from=2016" in page.url
        screenshot(page, "present-1-messages", full_page=False)

        go_next(page, 2, "Điểm Chỉ số CCHC Hà Nội năm 2019")
        assert_projector_screen(page)
        assert font_px(page, PLOT_TITLE) >= 28
        assert font_px(page, ".js-plotly-plot .xtick text") >= 18  # the axis, not only the title
        # my unit's bar in the highlight colour (#c62828), every other bar grey; the
        # generated ones hatched (a pattern fill), the three published (2019's top three) solid
        bars = page.evaluate("() => document.querySelector('.js-plotly-plot').data[0].marker")
        assert bars["color"].count("#c62828") == 1 and len(bars["color"]) == 30
        assert bars["pattern"]["shape"].count("") == 3
        expect(page.locator(".js-plotly-plot .modebar")).to_have_count(0)  # no toolbar
        check_page(page)
        screenshot(page, "present-2-city-scores", full_page=False)

        page.keyboard.press("ArrowRight")  # the keyboard moves too
        page.wait_for_url(re.compile(r"slide=3\b"))
        bump = page.locator(PLOT_TITLE, has_text="Thứ hạng theo Chỉ số CCHC Hà Nội")
        expect(bump).to_be_visible(timeout=SLOW)
        wait_idle(page)
        screenshot(page, "present-3-bump", full_page=False)
        shared = page.url
    finally:
        page.context.close()

    again = open_page(browser, shared, wait_text="3/9")  # the link reopens the same screen
    try:
        assert_projector_screen(again)
        expect(again.locator(PLOT_TITLE, has_text="Thứ hạng theo")).to_be_visible(timeout=SLOW)
        again.get_by_role("button", name="Trước").click()
        again.wait_for_url(re.compile(r"slide=2\b"))
        again.get_by_role("button", name="Thoát trình chiếu").click()
        again.get_by_text("Quận Nam Từ Liêm – năm 2024").wait_for()
        wait_idle(again)
        expect(again.locator(SIDEBAR)).to_be_visible()  # the dashboard is back
        assert "present" not in again.url and "from=2016" in again.url
        check_page(again)
    finally:
        again.context.close()


def test_sidebar_button_opens_the_presentation_of_the_page(browser, streamlit_server: str) -> None:
    url = f"{streamlit_server}/unit?unit=019&year=2019&from=2016&to=2019&lang=en"
    page = open_page(
        browser, url, wait_text="Unit page: Quận Nam Từ Liêm – 2019", ignore_console=SUB_PAGE_PROBES
    )
    try:
        page.locator(SIDEBAR).get_by_role("button", name="Present").click()
        page.get_by_text("Key messages").wait_for()
        wait_idle(page)
        assert_projector_screen(page)
        assert "/unit?" in page.url and "present=1" in page.url and "lang=en" in page.url
        screenshot(page, "present-en-messages", full_page=False)
        page.keyboard.press("Escape")
        page.get_by_text("Unit page: Quận Nam Từ Liêm – 2019").wait_for()
        expect(page.locator(SIDEBAR)).to_be_visible()
    finally:
        page.context.close()


def download(page: Page, name: str) -> tuple[str, bytes, float]:
    """Click the visible button `name`; the file's suggested name, bytes and seconds."""
    start = time.monotonic()
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name=name).locator("visible=true").first.click()
    data = open(info.value.path(), "rb").read()
    return info.value.suggested_filename, data, time.monotonic() - start


def test_downloads_under_a_chart_and_the_deck(browser, streamlit_server: str) -> None:
    url = f"{streamlit_server}/unit?unit=019&year=2019&from=2016&to=2019&demo=1"
    page = open_page(
        browser,
        url,
        wait_text="Trang đơn vị: Quận Nam Từ Liêm – năm 2019",
        ignore_console=SUB_PAGE_PROBES,
    )
    try:
        name, deck, seconds = download(page, "Tải bản trình chiếu (PPTX)")
        assert name == "bao-cao-cchc-nam-tu-liem-2016-2019.pptx"
        with zipfile.ZipFile(io.BytesIO(deck)) as pptx:
            assert "ppt/slides/slide6.xml" in pptx.namelist()
        print(f"deck: {seconds:.1f} s, {len(deck)} bytes")

        menu = page.get_by_role("button", name="Tải về").nth(1)  # the first chart's (0: headline)
        menu.scroll_into_view_if_needed()
        menu.click()
        expect(page.get_by_role("button", name="Ảnh PNG")).to_be_visible()
        screenshot(page, "download-menu", full_page=False)

        name, csv, _ = download(page, "Tải CSV")
        assert name == "diem-so-voi-cao-nhat-va-trung-binh-nam-tu-liem-2016-2019.csv"
        assert csv.startswith(BOM)
        assert csv.decode("utf-8-sig").startswith("Năm,Chuỗi số liệu,Chuỗi số liệu (mã),Điểm")

        name, xlsx, _ = download(page, "Tải Excel (XLSX)")
        assert name.endswith(".xlsx") and xlsx.startswith(b"PK")
        name, parquet, _ = download(page, "Tải Parquet")
        assert name.endswith(".parquet") and parquet.startswith(b"PAR1")

        name, png, seconds = download(page, "Ảnh PNG")
        assert name == "diem-so-voi-cao-nhat-va-trung-binh-nam-tu-liem-2016-2019.png"
        assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (1600, 900)
        print(f"PNG: {seconds:.1f} s, {len(png)} bytes")
        name, svg, seconds = download(page, "Ảnh SVG")
        assert name.endswith(".svg") and b"<svg" in svg[:200]
        print(f"SVG: {seconds:.1f} s")
        check_page(page)
    finally:
        page.context.close()
