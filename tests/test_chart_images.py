"""Chart images rendered by Kaleido in Debian's Chromium: captioned, projector-sized, named.

The rendered PNG is also saved to tests/screenshots/ (git-ignored) for a look by eye.
"""

from __future__ import annotations

import asyncio
import html
import os
import shutil
import struct
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import pytest

from indicators import chart_images as ci
from indicators import sources
from indicators.selection import Selection
from indicators.sources import Citation

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
EXPORTED = date(2025, 11, 28)
TITLE = "Xếp hạng chỉ số CCHC của Quận Nam Từ Liêm, 2016–2019"
ARTICLE = Citation(
    "nam-tu-liem-2020",
    "Quận Nam Từ Liêm: nhiều năm đứng tốp đầu về CCHC 2017–2019",
    "UBND quận Nam Từ Liêm",
    "https://tinbong247news.net/quan-nam-tu-liem-111758.html",
    "2017–2019",
    "article",
    reprint=True,
)
SOURCES = sources.line([ARTICLE], "vi")
NTL = Selection("019", "Quận Nam Từ Liêm", 2016, 2019, "data")


def rank_figure() -> go.Figure:
    years = ["2016", "2017", "2018", "2019"]
    trace = go.Scatter(x=years, y=[3, 1, 1, 2], mode="lines+markers+text", text=[3, 1, 1, 2])
    fig = go.Figure(trace)
    fig.update_traces(textposition="top center", marker={"size": 14})
    fig.update_yaxes(autorange="reversed", title="Thứ hạng")
    return fig


@pytest.fixture(scope="module")
def chromium() -> str:
    """Fail, never skip, without a browser: scripts/test.sh installs Debian's chromium."""
    try:
        return ci.chromium_path()
    except ci.ChromiumNotFound as exc:
        pytest.fail(f"{exc} (bash scripts/test.sh installs it)", pytrace=False)


def _render(fmt: str) -> bytes:
    kwargs = {"title": TITLE, "sources": SOURCES, "lang": "vi", "demo": True, "exported": EXPORTED}
    return ci.chart_image(rank_figure(), fmt=fmt, **kwargs)


@pytest.fixture(scope="module")
def png(chromium: str) -> bytes:
    data = _render("png")
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / ci.image_filename("xếp hạng", NTL, "png")).write_bytes(data)
    return data


@pytest.fixture(scope="module")
def svg(chromium: str) -> str:
    return _render("svg").decode("utf-8")


def test_png_signature_and_projector_size(png):
    assert png.startswith(ci.PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert (width, height) == ci.PROJECTOR_SIZE == (1600, 900)


def test_svg_has_title_sources_demo_note_and_date(svg):
    text = html.unescape(svg)
    assert svg.lstrip().startswith("<svg")
    assert 'width="1600"' in svg and 'height="900"' in svg
    assert TITLE in text
    assert SOURCES in text
    assert "CÓ SỐ LIỆU MINH HỌA — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC" in text
    assert "Ngày xuất: 28/11/2025" in text


def test_captioned_leaves_the_figure_alone():
    fig = rank_figure()
    out = ci.captioned(fig, title="T", sources="Nguồn: <b>x</b>", lang="en", exported=EXPORTED)
    assert not fig.layout.annotations and fig.layout.title.text is None
    caption = out.layout.annotations[-1].text
    assert "Nguồn: &lt;b&gt;x&lt;/b&gt;" in caption  # data text is escaped, never markup
    assert "Exported: 2025-11-28" in caption and "demo" not in caption.lower()
    assert out.layout.separators == ".,"


def test_image_filename_is_readable_ascii():
    assert ci.image_filename("xếp hạng", NTL, "png") == "xep-hang-nam-tu-liem-2016-2019.png"
    name = ci.image_filename("Thủ tục trực tuyến", Selection(None, None, 2023, 2023, "x"), "svg")
    assert name == "thu-tuc-truc-tuyen-2023.svg" and name.isascii()


def test_browser_path_setting(monkeypatch, tmp_path):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv(ci.BROWSER_ENV, str(fake))
    assert ci.chromium_path() == str(fake)
    monkeypatch.setenv(ci.BROWSER_ENV, str(tmp_path / "missing"))
    with pytest.raises(ci.ChromiumNotFound, match="BROWSER_PATH"):
        ci.chromium_path()
    monkeypatch.delenv(ci.BROWSER_ENV)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ci.ChromiumNotFound, match="chromium"):
        ci.chromium_path()


def test_debian_chromium_is_the_default(chromium):
    if os.environ.get(ci.BROWSER_ENV):
        assert chromium == os.environ[ci.BROWSER_ENV]
    else:
        assert chromium == shutil.which("chromium")


def _bar(values: list[int]) -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b", "c"], y=values))


def test_one_browser_draws_every_image_and_a_dead_one_is_replaced(chromium):
    """A pack or a session's downloads draw several images: the browser started for the first
    is kept (a start costs ~4 s, an image ~0,4 s); one that died is replaced, not reported."""
    from indicators.image_renderer import RENDERER

    first = ci.render(_bar([3, 1, 2]))
    starts = RENDERER.starts
    assert ci.render(_bar([3, 1, 2])) == first and ci.render(_bar([1, 2, 3]), "svg")
    assert RENDERER.starts == starts  # no new browser
    asyncio.run_coroutine_threadsafe(RENDERER._kaleido.close(), RENDERER._loop).result(60)
    assert ci.render(_bar([3, 1, 2])) == first
    assert RENDERER.starts == starts + 1


def test_images_asked_for_at_once_each_get_their_own(chromium):
    """Two sessions download at the same moment: each gets the image of its own figure."""
    figures = [_bar([3, 1, 2]), _bar([1, 2, 3]), _bar([2, 3, 1]), _bar([5, 5, 1])]
    alone = [ci.render(fig) for fig in figures]
    assert len(set(alone)) == len(figures)
    with ThreadPoolExecutor(len(figures)) as pool:
        together = list(pool.map(ci.render, figures))
    assert together == alone
