"""The offline pack (indicators.pack, `python -m indicators pack`, ui/pack.py): one HTML file
that needs no network, with published figures and their sources, demo only when asked.

The figures checked here are read by hand from the bundled published tables:
- data/published/hanoi_district_par_index.csv: 2023, Quận Nam Từ Liêm, 95.7, rank 2
  ("Dong Da district came first with 96.3%, followed by Nam Tu Liem and Hoan Kiem, both
  95.7%", en.vietnamplus.vn), of the 30 districts ranked that year;
- data/figures.parquet, source nam-tu-liem-2020 (UBND quận Nam Từ Liêm, reprinted by
  tinbong247news.net): 2019, on time 99.99% ("tỷ lệ hồ sơ giải quyết đúng thời hạn đạt
  99,99%").
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import plotly.graph_objects as go
import pytest
from support.cli import run

from indicators import pack
from indicators.dataset import load_dataset
from indicators.pack import PackChart, PackContent
from indicators.pack.page import build_html, css_string
from indicators.selection import select
from indicators.sources import Citation

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

ROOT = Path(__file__).resolve().parent.parent
NTL = ("--unit", "019", "--from", "2019", "--to", "2024")
VIETNAMPLUS = (
    "https://en.vietnamplus.vn/hanoi-announces-public-administration-reform-index-2023/279752.vnp"
)
ON_TIME_SITE = "tinbong247news.net"


class Links(HTMLParser):
    """Every src= and href= of a page, and the chart sections' keys."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.sections: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.links.append((tag, name, value))
        found = dict(attrs)
        if tag == "section" and found.get("data-key"):
            self.sections.append(str(found["data-key"]))


def parsed(page: str) -> Links:
    links = Links()
    links.feed(page)
    return links


def section(page: str, key: str) -> str:
    """The HTML of the chart section `key`."""
    start = page.index(f'<section class="chart sheet" id="chart-{key}"')
    return page[start : page.index("</section>", start)]


def figure_data(page: str, key: str) -> list[dict]:
    """The traces of chart `key`, read from its Plotly.newPlot call."""
    text = section(page, key)
    call = re.search(rf'Plotly\.newPlot\(\s*"plot-{key}",\s*', text)
    data, _ = json.JSONDecoder().raw_decode(text[call.end() :])
    return data


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The pack of Nam Từ Liêm 2019–2024 from the command line: published only, demo, English."""
    folder = tmp_path_factory.mktemp("packs")
    made = {}
    for name, extra in (("vi", ()), ("demo", ("--demo",)), ("en", ("--lang", "en"))):
        out = folder / f"{name}.html"
        done = run("pack", *NTL, *extra, "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert str(out) in done.stdout
        assert [p.name for p in folder.iterdir() if p.name.startswith(f".{name}")] == []
        made[name] = out.read_text("utf-8")
    return made


def allowed_urls() -> set[str]:
    """The citations' own addresses: the sources table's URLs."""
    import pandas as pd

    return set(pd.read_parquet(ROOT / "data" / "sources.parquet")["url"].dropna())


def test_one_file_with_plotly_js_once_and_no_address_but_the_sources(packs) -> None:
    head = pack.plotly_js()[:80]  # '/**\n* plotly.js v4…' : the library's own header
    assert "plotly.js v" in head
    allowed = allowed_urls()
    for page in packs.values():
        assert page.count(head) == 1
        links = parsed(page)
        assert [link for link in links.links if link[1] == "src"] == []  # nothing loaded
        outside = [v for _, _, v in links.links if not v.startswith("#")]
        assert outside, "the citations are linked"
        assert all(re.match(r"https?://", v) for v in outside), outside
        assert set(outside) <= allowed, set(outside) - allowed
        assert all(tag == "a" for tag, _, v in links.links if not v.startswith("#"))
        # no stylesheet, font, image or frame from anywhere
        assert not re.search(r"<(link|img|iframe|object|embed)\b", page, re.IGNORECASE)
        assert not re.search(r"@import|url\(\s*['\"]?https?:", page, re.IGNORECASE)
        # one chart div and one Plotly.newPlot call per section
        assert len(links.sections) == page.count('class="plotly-graph-div"')
        assert len(links.sections) == page.count("Plotly.newPlot(")


def test_the_published_score_and_rank_with_their_source(packs) -> None:
    with (ROOT / "data/published/hanoi_district_par_index.csv").open(encoding="utf-8") as f:
        row = next(
            r
            for r in csv.DictReader(f)
            if r["year"] == "2023" and r["unit_name"] == "Quận Nam Từ Liêm"
        )
    assert (row["score"], row["rank"], row["source_url"]) == ("95.7", "2", VIETNAMPLUS)
    page = packs["vi"]
    assert "Năm 2023, Quận Nam Từ Liêm xếp thứ 2/30 với 95,7%." in page  # Vietnamese numbers
    # the city's scores of 2023 (the last year the unit has a score): its bar, cited
    scores = section(page, "city-scores")
    assert "Điểm Chỉ số CCHC Hà Nội năm 2023" in scores
    bars = figure_data(page, "city-scores")
    values = {name: x for trace in bars for name, x in zip(trace["y"], trace["x"], strict=True)}
    assert values["Quận Nam Từ Liêm"] == 95.7 and values["Quận Đống Đa"] == 96.3
    assert f'href="{VIETNAMPLUS}"' in scores and "en.vietnamplus.vn" in scores


def test_the_published_on_time_rate_with_its_source(packs) -> None:
    page = packs["vi"]
    assert "giải quyết đúng hạn 99,99% hồ sơ" in page
    trend = section(page, "on-time-trend")
    rates = [
        (x, y)
        for trace in figure_data(page, "on-time-trend")
        for x, y in zip(*_xy(trace), strict=True)
    ]
    assert (2019, 99.99) in rates
    assert ON_TIME_SITE in trend and "UBND quận Nam Từ Liêm, 2017–2019" in trend


def _xy(trace: dict) -> tuple[list, list]:
    return [int(x) for x in trace["x"]], trace["y"]


def test_no_generated_figure_unless_demo(packs) -> None:
    vi, demo = packs["vi"], packs["demo"]
    for mark in ("Có số liệu minh họa", 'class="demo-band"', 'class="demo-note"'):
        assert mark not in vi
    # no generated mark in a chart's legend, no source that is the generator
    assert not any("minh họa" in name for name in legend(vi))
    assert any("Số liệu minh họa" in name for name in legend(demo))
    assert "Dữ liệu minh họa do máy sinh ra" not in vi and "Dữ liệu minh họa do máy sinh ra" in demo
    # with --demo: the banner on the page and the warning on every chart
    assert '<div class="demo-band" role="alert">Có số liệu minh họa' in demo
    keys = parsed(demo).sections
    assert len(keys) > len(parsed(vi).sections)  # the generated rows fill more charts
    for key in keys:
        assert 'class="demo-note"' in section(demo, key), key


def legend(page: str) -> list[str]:
    """The names of every chart's traces."""
    return [
        str(trace.get("name")) for key in parsed(page).sections for trace in figure_data(page, key)
    ]


def test_title_names_unit_period_and_date(packs) -> None:
    today = date.today()
    title = re.search(r"<title>(.*)</title>", packs["vi"]).group(1)
    assert title == f"Quận Nam Từ Liêm — Chỉ số CCHC 2019–2024 (lập ngày {today:%d/%m/%Y})"
    assert '<html lang="vi">' in packs["vi"]
    en = packs["en"]
    assert '<html lang="en">' in en
    assert f"PAR indicators 2019–2024 (made {today.isoformat()})" in en
    assert "In 2023, Quận Nam Từ Liêm ranked 2nd of 30 with 95.7%." in en
    assert "Nguồn" not in en and "Source" in en


# --- text from data is inert --------------------------------------------------------------------

EVIL = '<script>alert(1)</script> "quoted" & </style>'


def test_text_from_data_is_escaped() -> None:
    cited = (
        Citation("x", EVIL, EVIL, "javascript:alert(1)", "2020", "article"),
        Citation("y", "t", "Sở <b>Nội vụ</b>", "https://ex.vn/a?b=1&c=<2>", "2021", "article"),
    )
    chart = PackChart("bump", EVIL, go.Figure(go.Bar(x=[1], y=[2])), cited, False)
    content = PackContent("X", EVIL, (2019, 2020), "vi", date(2025, 1, 2), (EVIL,), (chart,), False)
    for printable in (False, True):
        page = build_html(content, printable=printable)
        body = page[page.index("</head>") :]
        assert "<script>alert" not in body and "<b>Nội vụ</b>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp;" in body
        assert "javascript:" not in body
        links = [v for _, _, v in parsed(page).links if not v.startswith("#")]
        assert links == ["https://ex.vn/a?b=1&c=%3C2%3E"]  # percent-encoded, then escaped
        assert 'href="https://ex.vn/a?b=1&amp;c=%3C2%3E"' in page
    style = build_html(content, printable=True).split("</style>")[0]
    assert "<script>" not in style and '"quoted"' not in style  # the name in the page boxes


def test_css_string_keeps_data_inside_the_string() -> None:
    text = css_string('Quận "A" </style> ·\\')
    assert text.startswith('"') and text.endswith('"') and text.count('"') == 2
    assert "<" not in text and "\\00005c " in text and "Quận " in text


# --- the command's errors -------------------------------------------------------------------------


def _refused(tmp_path: Path, *args: str, out: str = "x.html") -> str:
    target = tmp_path / out
    done = run("pack", *args, "--out", str(target))
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not target.is_file()
    return done.stderr


def test_errors_are_bilingual_exit_2_and_write_nothing(tmp_path: Path) -> None:
    err = _refused(tmp_path, "--unit", "không có", "--from", "2019", "--to", "2024")
    assert "Không tìm thấy" in err and "not found" in err.lower()
    err = _refused(tmp_path, "--unit", "019", "--from", "2024", "--to", "2019")
    assert "năm bắt đầu (2024) sau năm kết thúc (2019)" in err and "is after" in err
    err = _refused(tmp_path, "--unit", "019", "--from", "1900", "--to", "2024")
    assert "Năm 1900 nằm ngoài" in err and "The year 1900 is outside" in err
    err = _refused(tmp_path, *NTL, out="no-such-folder/x.html")
    assert "Không ghi được tệp" in err and "Cannot write" in err and "no such folder" in err
    (tmp_path / "folder.html").mkdir()
    err = _refused(tmp_path, *NTL, out="folder.html")
    assert "đó là một thư mục" in err and "it is a folder" in err
    err = _refused(tmp_path, *NTL, "--format", "pdf", out="x.html")
    assert "--format pdf" in err and "must end in .pdf" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "folder.html"]


def test_a_failed_build_or_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "ntl.html"
    out.write_text("old", "utf-8")

    def broken(*args, **kwargs):
        raise pack.PackError("hỏng", "broken")

    monkeypatch.setattr(pack, "render", broken)
    done = run("pack", *NTL, "--out", str(out))
    assert done.returncode == 2 and done.stderr.strip() == "hỏng / broken"
    assert out.read_text("utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["ntl.html"]
    monkeypatch.undo()

    def no_rename(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pack.os, "replace", no_rename)
    with pytest.raises(OSError):
        pack.write_atomic(out, b"new")
    assert out.read_text("utf-8") == "old" and [p.name for p in tmp_path.iterdir()] == ["ntl.html"]


def test_pack_bytes_and_file_name() -> None:
    dataset = load_dataset(None)
    with pytest.raises(pack.PackError):
        pack.pack_bytes(dataset, "019", 2019, 2999)
    selection = select(dataset, "019", 2019, 2024)
    assert pack.pack_filename(selection) == "goi-cchc-nam-tu-liem-2019-2024.html"
    assert pack.pack_filename(selection, "en", "pdf") == "par-pack-nam-tu-liem-2019-2024.pdf"


# --- the download button (ui/pack.py) -------------------------------------------------------------


def test_overview_and_unit_page_offer_the_pack_made_on_click(monkeypatch) -> None:
    from streamlit.runtime.media_file_manager import MediaFileManager
    from support import apptest

    seen: dict[str, tuple[str | None, object]] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen[file_name] = (mimetype, data_callable)
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    import ui.pack

    calls = []

    def counted(*args):
        calls.append(args)
        return pack.pack_content(*args)

    monkeypatch.setattr(ui.pack, "pack_content", counted)
    params = {"unit": "019", "year": "2023", "from": "2019", "to": "2024"}
    for page in (apptest.OVERVIEW, "pages/unit.py"):
        seen.clear()
        at = apptest.open_app(page, **params)
        buttons = {b.label: b for b in at.get("download_button")}
        assert "Tải gói ngoại tuyến (HTML)" in buttons, list(buttons)
        assert buttons["Tải gói ngoại tuyến (HTML)"].proto.deferred_file_id  # made on click
        mime, make = seen["goi-cchc-nam-tu-liem-2019-2024.html"]
        assert mime == "text/html"
    assert calls == []  # nothing built until clicked
    # a ward created on 1 July 2025 has no figure: nothing to pack (as for the deck)
    ward = apptest.open_app(apptest.OVERVIEW, unit="00592", year="2025")
    assert "Tải gói ngoại tuyến (HTML)" not in [b.label for b in ward.get("download_button")]
    page = make().decode("utf-8")
    assert len(calls) == 1 and page.startswith("<!DOCTYPE html>")
    assert "<title>Quận Nam Từ Liêm — Chỉ số CCHC 2019–2024" in page


def test_the_pack_carries_the_targets_of_its_last_year_and_their_lines() -> None:
    """Nam Từ Liêm 2019–2024 with demo data: Hanoi's KH 136/KH-UBND (100% on time, every year
    2021–2025) is missed in 2024 on the generated 99,05% (marked), and its line is drawn on the
    on-time trend; the plan's source is cited."""
    data = load_dataset(demo=True)
    content = pack.pack_content(data, select(data, "019", 2019, 2024), "vi")
    missed = [line for status, line in content.goals if status == "not_met"]
    assert missed == [
        "Chưa đạt (99,05%) (minh họa) — Hồ sơ đúng hạn, KH 136/KH-UBND: ≥ 100% (2021–2025)"
    ]
    assert any(c.site == "hanoitimes.vn" for c in content.goals_cited)
    trend = next(c for c in content.charts if c.key == "on-time-trend")
    assert "KH 136/KH-UBND: ≥ 100% (2021–2025)" in [tr.name for tr in trend.figure.data]
    assert any(c.site == "hanoitimes.vn" for c in trend.citations)
    page = build_html(content)
    assert "Mục tiêu của Quận Nam Từ Liêm năm 2024" in page
