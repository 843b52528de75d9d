"""Every presentation screen fits the window (headless Chromium): at 1024x768 and 1920x1080,
every screen of the overview's presentation (demo figures: the notice, long legends) and of the
unit page's (published figures) neither scrolls nor is cut; the chart and its sources lie within
the window; the control bar is one row. The summary screen also at 1280x720, and in English.

Geometry only (boxes measured in the page), no pixel comparison. Streamlit scrolls its main
block (`stMain`), not the document: both are measured. One browser context per size, the
screens opened by their `slide=N` link. Screenshots of the first screen of each size go to
tests/screenshots/geometry-*.png."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page
from support.browser import IDLE_SELECTOR, screenshot

pytestmark = pytest.mark.browser

OVERVIEW = "/?present=1&demo=1"  # 9 screens, the demo notice on top, legends with a demo entry
UNIT = "/unit?unit=019&present=1"  # the unit page's presentation, published figures
SLOW = 60000  # ms, a busy machine
PLOT = ".js-plotly-plot"
# Opening a sub-page URL, Streamlit's frontend probes /<page>/_stcore/health and host-config
# first and logs their 404s (see tests/test_browser_pages.py).
IGNORED_CONSOLE = re.compile(r"status of 404")

# Everything measured at once: scroll sizes, the bar's buttons, the chart, the sources, the
# badge and the key messages (rectangles as [left, top, right, bottom]).
MEASURE = """() => {
  const box = e => { if (!e) return null; const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom]; };
  const main = document.querySelector("[data-testid='stMain']");
  const page = document.scrollingElement;
  const items = [...main.querySelectorAll("li")];
  return {
    main: [main.scrollWidth, main.scrollHeight, main.clientWidth, main.clientHeight],
    page: [page.scrollWidth, page.scrollHeight, page.clientWidth, page.clientHeight],
    bar: box(document.querySelector(".st-key-present-bar")),
    prev: box(document.querySelector(".st-key-present-prev button")),
    next: box(document.querySelector(".st-key-present-next button")),
    exit: box(document.querySelector(".st-key-present-exit button")),
    counter: document.querySelector(".st-key-present-bar").innerText,
    plot: box(document.querySelector(".js-plotly-plot")),
    sources: [...main.querySelectorAll("[data-testid='stCaptionContainer']")].map(box),
    badges: [...main.querySelectorAll(".stMarkdownBadge")].map(box),
    messages: items.map(box),
    message_px: items.length ? parseFloat(getComputedStyle(items[0]).fontSize) : null,
  };
}"""


def new_page(browser: Browser, width: int, height: int) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page._geometry_errors = errors  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and not IGNORED_CONSOLE.search(msg.text)
            else None
        ),
    )
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return page


def settled(page: Page) -> dict:
    """The measures once two in a row agree (a chart is drawn, measured, then drawn again at
    the size its element gives it)."""
    last = None
    for _ in range(40):
        now = page.evaluate(MEASURE)
        if now == last:
            return now
        last = now
        page.wait_for_timeout(250)
    return last


def open_screen(page: Page, url: str, number: int) -> dict:
    page.goto(f"{url}&slide={number}", timeout=SLOW)
    page.wait_for_selector(IDLE_SELECTOR, state="attached", timeout=SLOW)
    page.wait_for_selector(".st-key-present-bar", timeout=SLOW)
    for control in ("prev", "next", "exit"):  # the bar is drawn before its buttons (CI, busy)
        page.wait_for_selector(f".st-key-present-{control} button", timeout=SLOW)
    if number > 1:
        page.wait_for_selector(f"{PLOT} .main-svg", timeout=SLOW)
    page.wait_for_selector(IDLE_SELECTOR, state="attached", timeout=SLOW)
    assert page.locator("[data-testid='stException']").count() == 0
    return settled(page)


def count(measures: dict) -> int:
    return int(re.search(r"\b(\d+)/(\d+)\b", measures["counter"]).group(2))


def within(rect: list[float], width: int, height: int) -> bool:
    left, top, right, bottom = rect
    return left >= -1 and top >= -1 and right <= width + 1 and bottom <= height + 1


def check_screen(m: dict, width: int, height: int, where: str) -> list[str]:
    """What does not fit on the screen measured `m`, in words (empty when all fits)."""
    problems = []
    for name in ("main", "page"):
        scroll_w, scroll_h, client_w, client_h = m[name]
        if scroll_h > client_h + 1 or scroll_w > client_w + 1:
            problems.append(f"{name} scrolls: {scroll_w}x{scroll_h} in {client_w}x{client_h}")
    if abs(m["exit"][1] - m["next"][1]) > 4 or abs(m["prev"][1] - m["next"][1]) > 4:
        problems.append(f"control bar wraps: prev {m['prev']}, next {m['next']}, exit {m['exit']}")
    for name in ("bar", "prev", "next", "exit"):
        if not within(m[name], width, height):
            problems.append(f"{name} outside the window: {m[name]}")
    if m["plot"] is not None:
        if not within(m["plot"], width, height):
            problems.append(f"chart outside the window: {m['plot']}")
        if m["plot"][1] < m["bar"][3]:
            problems.append(f"chart under the control bar: {m['plot']} / {m['bar']}")
        if m["plot"][3] - m["plot"][1] < 0.6 * height:  # it fills the screen
            problems.append(f"chart only {m['plot'][3] - m['plot'][1]:.0f} px high")
        if not m["sources"]:
            problems.append("no sources under the chart")
    for name in ("sources", "badges", "messages"):
        for rect in m[name]:
            if not within(rect, width, height):
                problems.append(f"{name} outside the window: {rect}")
    return [f"{where}: {problem}" for problem in problems]


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1920, 1080)])
def test_every_screen_fits(browser, streamlit_server: str, width: int, height: int) -> None:
    page = new_page(browser, width, height)
    problems: list[str] = []
    try:
        for path in (OVERVIEW, UNIT):
            url = f"{streamlit_server}{path}"
            first = open_screen(page, url, 1)
            screens = count(first)
            assert screens >= 7, first["counter"]  # the summary and the chart screens
            assert len(first["messages"]) >= 4, "the summary shows the key messages"
            stem = "overview" if path == OVERVIEW else "unit"
            screenshot(page, f"geometry-{stem}-{width}x{height}-1", full_page=False)
            problems += check_screen(first, width, height, f"{path} 1/{screens}")
            for number in range(2, screens + 1):
                measures = open_screen(page, url, number)
                assert measures["plot"] is not None, f"{path} {number}: no chart"
                problems += check_screen(measures, width, height, f"{path} {number}/{screens}")
        problems += [f"console: {e}" for e in page._geometry_errors]  # type: ignore[attr-defined]
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("width", "height", "path"),
    [
        (1280, 720, OVERVIEW),
        (1280, 720, UNIT),
        (1024, 768, f"{OVERVIEW}&lang=en"),
        (3840, 2160, UNIT),
    ],
)
def test_the_key_messages_fit(
    browser, streamlit_server: str, width: int, height: int, path: str
) -> None:
    page = new_page(browser, width, height)
    try:
        m = open_screen(page, f"{streamlit_server}{path}", 1)
        problems = check_screen(m, width, height, f"{path} at {width}x{height}")
        assert len(m["messages"]) >= 4
        # projector-sized: no smaller than 2.4 % of the window's height (18 px at 768)
        assert m["message_px"] >= 0.024 * height, m["message_px"]
        assert m["messages"][-1][3] <= height
    finally:
        page.context.close()
    assert not problems, "\n".join(problems)
