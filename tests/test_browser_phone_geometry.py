"""The pages on a phone (390x844, headless Chromium): each chart's heading within the chart's
width and clear of its legend, the legend clear of the plot, every annotation (method change,
Decree 42/2022) inside the chart, nothing wider than the screen, and on the unit's page and
the overview the first chart starting on the first screen. Boxes measured in the browser;
no pixel is compared."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from support.browser import check_page, screenshot, wait_idle

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SLACK = 1  # px: boxes are measured in fractions of a pixel

# Per chart (a heading and its Plotly chart in ui.render's keyed container): the boxes
# (left, top, right, bottom) of the chart, its heading's text, the legend group of the Plotly
# SVG (null without a legend), each plot area (a panel's drag rectangle) and each annotation.
GEOMETRY = """() => {
  const box = el => { const b = el.getBoundingClientRect();
    return [b.left, b.top, b.right, b.bottom]; };
  const charts = [...document.querySelectorAll('[class*="st-key-figure-"]')].map(holder => {
    const key = [...holder.classList].find(c => c.startsWith('st-key-figure-')).slice(14);
    const chart = holder.querySelector('[data-testid=stPlotlyChart]');
    const gd = chart.querySelector('.js-plotly-plot');
    const legend = gd.querySelector('.legend');
    return {
      key,
      chart: box(chart),
      svg: box(gd.querySelector('.main-svg')),
      heading: box(holder.querySelector('[data-testid=stMarkdown] strong')),
      legend: legend && legend.getBBox().width > 0 ? box(legend) : null,
      plots: [...gd.querySelectorAll('.nsewdrag')].map(box),
      annotations: [...gd.querySelectorAll('.annotation')].map(a => [a.textContent, box(a)]),
    };
  });
  const main = document.querySelector('[data-testid=stMain]');
  return {page: document.documentElement.scrollWidth, main: main.scrollWidth, charts};
}"""

# Drawn: `n` charts, each as wide as its column, and the same boxes as at the last look (Plotly
# redraws a chart whose legend wraps: its reserved margin grows).
SETTLED = """n => {
  const gds = [...document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')];
  if (gds.length !== n || !gds.every(gd => gd._fullLayout && gd._fullLayout._size)) return false;
  const now = JSON.stringify(gds.map(gd => {
    const b = gd.querySelector('.main-svg').getBoundingClientRect();
    const legend = gd.querySelector('.legend');
    const l = legend ? legend.getBoundingClientRect() : {top: 0, height: 0};
    return [b.width, b.height, gd._fullLayout._size, l.top - b.top, l.height];
  }));
  const same = window.__parGeometry === now;
  window.__parGeometry = now;
  return same;
}"""

# (url path, heading, charts drawn, is the first chart required on the first screen)
VIEWS = [
    ("unit?unit=019&year=2023", "Trang đơn vị: Quận Nam Từ Liêm – năm 2023", 3, True),
    ("?unit=019&year=2023", "Quận Nam Từ Liêm – năm 2023", 1, True),
    ("rankings?unit=019&year=2023", "Bảng xếp hạng năm 2023", 2, False),
    ("online-services?unit=019", "Dịch vụ công trực tuyến: Quận Nam Từ Liêm", 2, False),
    # demo data: eight cards, the demo key in every legend, the timeliness chart's two panels
    ("unit?unit=019&year=2024&demo=1", "Trang đơn vị: Quận Nam Từ Liêm – năm 2024", 5, False),
]


def _name(path: str) -> str:
    page, _, query = path.partition("?")
    return (page or "overview") + ("-demo" if "demo=1" in query else "")


def open_phone(browser: Browser, url: str, wait_text: str) -> Page:
    """`url` in a new 390x844 page (vi-VN), once Streamlit is idle and `wait_text` shows."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(url, timeout=30_000)
    wait_idle(page)
    page.get_by_text(wait_text).first.wait_for(state="visible", timeout=30_000)
    return page


def _inside(inner: list[float], outer: list[float]) -> bool:
    left, top, right, bottom = inner
    return (
        left >= outer[0] - SLACK
        and top >= outer[1] - SLACK
        and right <= outer[2] + SLACK
        and bottom <= outer[3] + SLACK
    )


def _overlap(a: list[float], b: list[float]) -> bool:
    return (
        a[0] < b[2] - SLACK and b[0] < a[2] - SLACK and a[1] < b[3] - SLACK and b[1] < a[3] - SLACK
    )


def _measured(page: Page, charts: int) -> dict:
    expect(page.locator("[data-testid=stPlotlyChart]")).to_have_count(charts, timeout=30_000)
    page.wait_for_function(SETTLED, arg=charts, polling=250, timeout=30_000)
    wait_idle(page)
    return page.evaluate(GEOMETRY)


@pytest.mark.parametrize(
    ("path", "heading", "charts", "first_screen"),
    VIEWS,
    ids=[_name(v[0]) for v in VIEWS],
)
def test_charts_fit_a_phone(
    browser, streamlit_server: str, path: str, heading: str, charts: int, first_screen: bool
) -> None:
    page = open_phone(browser, f"{streamlit_server}/{path}", heading)
    try:
        found = _measured(page, charts)
        check_page(page)
        screenshot(page, f"phone-{_name(path)}", full_page=False)
        assert found["page"] <= PHONE["width"] + SLACK, found["page"]
        assert found["main"] <= PHONE["width"] + SLACK, found["main"]
        assert len(found["charts"]) == charts
        for chart in found["charts"]:
            key, box = chart["key"], chart["chart"]
            assert box[2] <= PHONE["width"] + SLACK and box[0] >= -SLACK, key
            assert _inside(chart["svg"], box), key
            # the heading: above the chart, within its width
            title = chart["heading"]
            assert title[0] >= box[0] - SLACK and title[2] <= box[2] + SLACK, (key, title, box)
            assert title[3] <= box[1] + SLACK, (key, title, box)
            legend = chart["legend"]
            if legend is not None:  # under the plot, inside the chart, over nothing
                assert _inside(legend, box), (key, legend, box)
                assert not _overlap(legend, title), (key, legend, title)
                for plot in chart["plots"]:
                    assert not _overlap(legend, plot), (key, legend, plot)
                    assert legend[1] >= plot[3] - SLACK, (key, legend, plot)
            for text, note in chart["annotations"]:
                assert _inside(note, box), (key, text, note, box)
        if first_screen:
            first = found["charts"][0]["chart"]
            assert first[1] < PHONE["height"], first
    finally:
        page.context.close()
