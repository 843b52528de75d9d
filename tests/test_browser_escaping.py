"""Nothing a file or a link carries is drawn as Markdown or HTML (issue 19): the real app in
headless Chromium, on a copy of the data whose procedures have a field named like a link and
cite a source titled like a link, with an address that does not parse."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pandas as pd
import pytest
from playwright.sync_api import Page
from support.browser import open_page, screenshot, wait_idle
from support.importing import copy_data
from test_browser_pages import open_view

from indicators import schema as s
from indicators.escaping import JOINER

pytestmark = pytest.mark.browser

HOSTILE_UNIT = "[x](https://example.org)"
HOSTILE_FIELD = '<a href="https://example.org">x</a>'
HOSTILE_TITLE = "[ĐĂNG NHẬP](https://evil.example) ![](https://evil.example/a.png)"
BAD_URL = "https://[fe80::1"
SOURCE = "hostile-source"


def _hostile_data(folder: Path) -> Path:
    """The bundled data with two procedures of Nam Từ Liêm in 2023 (one in the hostile field)
    citing a source with a hostile title and a malformed address."""
    copy_data(folder)
    procedures = pd.read_parquet(folder / "procedures.parquet")
    added = pd.DataFrame(
        {
            s.UNIT_CODE: ["019", "019"],
            s.YEAR: [2023, 2023],
            s.PROCEDURE_CODE: ["1.001", "1.002"],
            s.PROCEDURE_NAME: ["Cấp bản sao <b>trích lục</b>", "Đăng ký khai sinh"],
            s.FIELD: [HOSTILE_FIELD, "Tư pháp"],
            s.ONLINE_LEVEL: ["full", "partial"],
            s.LEGAL_DAYS: [10.0, 5.0],
            s.COMMITTED_DAYS: [7.0, 5.0],
            s.ONE_STOP: [True, True],
            s.SOURCE_ID: [SOURCE, SOURCE],
            s.DEMO: [False, False],
        }
    ).astype(procedures.dtypes.to_dict())
    pd.concat([procedures, added], ignore_index=True).to_parquet(folder / "procedures.parquet")
    sources = pd.read_parquet(folder / "sources.parquet")
    source = {
        s.ID: SOURCE,
        s.TITLE: HOSTILE_TITLE,
        s.PUBLISHER: None,
        s.URL: BAD_URL,
        s.SOURCE_KIND: "article",
        s.YEARS: "2023",
        s.REPRINT: False,
    }
    row = pd.DataFrame([source]).reindex(columns=sources.columns).astype(sources.dtypes.to_dict())
    pd.concat([sources, row], ignore_index=True).to_parquet(folder / "sources.parquet")
    return folder


@pytest.fixture(scope="module")
def hostile_server(start_streamlit, tmp_path_factory, browser) -> str:
    """The app on the hostile data, its main page opened once (a fresh server's first visitor
    of a sub-page is handed over through the main page: see ui.filters.current)."""
    folder = _hostile_data(tmp_path_factory.mktemp("hostile") / "data")
    url = start_streamlit("dashboard.py", env={"PAR_DATA_SOURCE": str(folder), "PAR_DEMO": "0"})
    open_page(browser, url).context.close()
    return url


def _carried(page: Page, *marks: str) -> list[str]:
    """Every link's href and image's src (HTML and SVG) that holds one of `marks` (our own
    links may carry the hostile value encoded in their query string: not a way out)."""
    found = page.eval_on_selector_all(
        "a, img, image",
        "els => els.map(e => e.getAttribute('href') || e.getAttribute('xlink:href')"
        " || e.getAttribute('src') || '')",
    )
    return [value for value in found if any(mark in value for mark in marks)]


def test_a_unit_parameter_written_as_a_link_shows_as_text(browser, hostile_server) -> None:
    page = open_page(browser, f"{hostile_server}/?unit={quote(HOSTILE_UNIT)}")
    try:
        warning = page.locator("[data-testid='stAlertContentWarning']").first
        warning.wait_for(state="visible")
        text = warning.inner_text().replace(JOINER, "")  # the invisible joiner splits 'https://'
        assert f"Không tìm thấy đơn vị '{HOSTILE_UNIT}'" in text, text
        assert _carried(page, "//example.org") == []
        screenshot(page, "escaping-unit-link")
    finally:
        page.context.close()


def test_a_field_named_like_a_link_and_its_source_show_as_text(browser, hostile_server) -> None:
    url = f"{hostile_server}/shortened-procedures?unit=019&year=2023&field={quote(HOSTILE_FIELD)}"
    page = open_view(browser, url, "Quận Nam Từ Liêm")  # a sub-page: its probes may 404
    try:
        page.locator(".js-plotly-plot").first.wait_for(state="visible")
        wait_idle(page)
        svg_texts = page.eval_on_selector_all(
            ".js-plotly-plot svg text", "els => els.map(e => e.textContent)"
        )
        assert HOSTILE_FIELD in svg_texts, svg_texts  # the axis label, as the characters
        headings = page.eval_on_selector_all(  # a chart's title is written above it
            "[data-testid=stMarkdownContainer]", "els => els.map(e => e.textContent)"
        )
        titles = [text.replace(JOINER, "") for text in headings if "·" in text]
        assert any(HOSTILE_FIELD in text for text in titles), titles  # as the characters
        caption = page.get_by_text("ĐĂNG NHẬP").first.inner_text().replace(JOINER, "")
        assert HOSTILE_TITLE in caption, caption  # the source, as text, with no link
        assert _carried(page, "//example.org", "//evil.example", "//[fe80") == []
        screenshot(page, "escaping-field-link")
    finally:
        page.context.close()
