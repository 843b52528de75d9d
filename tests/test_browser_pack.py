"""The offline pack in Chromium: it draws every chart with the network off, and its PDF print is
A4 landscape, the title page then one chart a page, numbered.

The HTML is opened from a file in a context that is offline and aborts every request that is
not the file itself: a chart that needed anything from a network would not draw, or would log
an error."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support.browser import SCREENSHOT_DIR
from support.cli import run

pytestmark = pytest.mark.browser

NTL = ("--unit", "019", "--from", "2019", "--to", "2024")
# 1 mm = 72 / 25.4 pt: A4 landscape is 297 x 210 mm
A4_LANDSCAPE = (297 * 72 / 25.4, 210 * 72 / 25.4)


@pytest.fixture(scope="module")
def html_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "ntl.html"
    done = run("pack", *NTL, "--demo", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


def sections(path: Path) -> int:
    return path.read_text("utf-8").count('<section class="chart sheet"')


@pytest.mark.parametrize("width, height", [(1280, 800), (390, 844)])
def test_every_chart_draws_offline(browser, html_pack: Path, width: int, height: int) -> None:
    charts = sections(html_pack)
    assert charts == 8  # demo on: every chart of the presentation has rows
    context = browser.new_context(
        viewport={"width": width, "height": height}, offline=True, locale="vi-VN"
    )
    requested: list[str] = []

    def only_the_file(route) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            requested.append(url)
            route.abort()

    context.route("**/*", only_the_file)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    try:
        page.goto(html_pack.as_uri())
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}"
        )
        assert page.locator(".js-plotly-plot").count() == charts
        # each chart's own drawing: its svg with marks in it, as wide as its section
        for i in range(charts):
            plot = page.locator(".js-plotly-plot").nth(i)
            assert plot.locator(".main-svg").count() >= 1
            assert plot.locator("g.trace, g.barlayer .point, g.scatterlayer path").count() > 0
            box = plot.bounding_box()
            assert box is not None and 300 <= box["width"] <= width and box["height"] > 200
        assert page.title().startswith("Quận Nam Từ Liêm — Chỉ số CCHC 2019–2024")
        assert page.get_by_text("Có số liệu minh họa — không phải số liệu chính thức").count() == 1
        no_overflow = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert no_overflow, "the page scrolls sideways"
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT_DIR / f"pack-{width}.png"), full_page=True)
    finally:
        context.close()
    assert requested == [] and errors == []


def test_pdf_is_a4_landscape_a_chart_a_page_numbered(tmp_path: Path) -> None:
    out = tmp_path / "ntl.pdf"
    done = run("pack", *NTL, "--format", "pdf", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    html = tmp_path / "ntl.html"
    assert run("pack", *NTL, "--out", str(html)).returncode == 0
    charts = sections(html)
    assert charts == 5  # published figures only: the presentation's charts that have rows
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))
    assert pages == charts + 1  # the title page, then one chart a page
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M)
    assert (float(size.group(1)), float(size.group(2))) == pytest.approx(A4_LANDSCAPE, abs=1)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    leaves = text.split("\f")
    for number, leaf in enumerate(leaves[:pages], start=1):
        assert f"Trang {number}/{pages}" in leaf, number
        assert "Quận Nam Từ Liêm · 2019–2024" in leaf
    assert "Thông điệp chính" in leaves[0] and "xếp thứ 2/30 với 95,7%" in leaves[0]
    assert "Điểm Chỉ số CCHC Hà Nội năm 2023" in leaves[1] and "Nguồn" in leaves[1]
    assert "MINH HỌA" not in text
