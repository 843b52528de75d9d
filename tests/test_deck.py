"""The slide deck: key messages (pure), native charts with the computed figures, notes, and a
LibreOffice rendering of every slide (saved to tests/screenshots/, git-ignored, for a look).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.dml import MSO_FILL

from indicators import deck as dk
from indicators import schema as s
from indicators.dataset import Dataset, load_dataset
from indicators.selection import SelectionError, select
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE, timeliness
from indicators.views import Headline, Metric

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
EXPORTED = date(2025, 11, 28)
NTL_NAME = "Quận Nam Từ Liêm"


# --- key messages from hand-made headline figures --------------------------------------------


def head(year: int, era: str = "levels", **values: float | tuple) -> Headline:
    """A headline of Nam Từ Liêm: key=value, or key=(value, previous[, demo[, comparator]])."""
    metrics = []
    for key, given in values.items():
        value, previous, demo, comparator = (
            (*given, None, False, "=")[:4]
            if isinstance(given, tuple)
            else (given, None, False, "=")
        )
        kind = "rank" if key == "m_rank" else "count" if "proc" in key else "percent"
        if key == "m_shortened":
            kind = "count"
        total = 30 if key == "m_rank" else None
        metrics.append(Metric(key, kind, value, previous, total, demo, ("test",), comparator))
    return Headline("019", NTL_NAME, year, s.INDEX_HANOI, era, tuple(metrics))


def figures(*heads: Headline, years: tuple[int, ...] | None = None) -> dk.DeckFigures:
    empty = dk.Topic(pd.DataFrame({s.YEAR: []}))
    fields = {t: empty for t in (*dk.TOPICS, "by_field")}
    found = tuple(h.year for h in heads)
    return dk.DeckFigures(
        unit_code="019",
        unit_name=NTL_NAME,
        years=years or found or (2017, 2018),
        by_field_year=None,
        heads=heads,
        **fields,
    )


def texts(fig: dk.DeckFigures, lang: str = "vi") -> list[str]:
    return [m.text for m in dk.key_messages(fig, lang)]


def test_rank_kept():
    fig = figures(
        head(2017, m_rank=1, m_score=92.98),
        head(2018, m_rank=(1, 1), m_score=(93.97, 92.98)),
    )
    assert texts(fig)[0] == (
        "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30 với 93,97%, giữ nguyên thứ hạng so với năm 2017."
    )
    assert texts(fig, "en")[0] == (
        "In 2018, Quận Nam Từ Liêm ranked 1st of 30 with 93.97%, the same rank as in 2017."
    )


def test_rank_up_and_down():
    up = figures(head(2018, m_rank=(2, 5), m_score=91.5))
    assert "tăng 3 bậc so với năm 2017" in texts(up)[0]
    assert "up 3 from 2017" in texts(up, "en")[0]
    down = figures(head(2018, m_rank=(2, 1)))
    assert texts(down)[0] == "Năm 2018, Quận Nam Từ Liêm xếp thứ 2/30, giảm 1 bậc so với năm 2017."


def test_best_rank_over_the_period():
    fig = figures(
        head(2016, m_rank=3),
        head(2017, m_rank=(1, 3)),
        head(2018, m_rank=(1, 1)),
        head(2019, m_rank=(2, 1)),
    )
    best = texts(fig)[1]
    assert best == (
        "Trong các năm có thứ hạng công bố giai đoạn 2016–2019, thứ hạng cao nhất của "
        "Quận Nam Từ Liêm là thứ 1/30, đạt được 2 lần (năm 2017, 2018)."
    )
    assert "reached twice (2017, 2018)." in texts(fig, "en")[1]


def test_online_levels_and_forms_with_vietnamese_thousands():
    old = figures(head(2018, m_proc_3=1161, m_proc_4=19))
    assert texts(old) == [
        "Năm 2018, Quận Nam Từ Liêm cung cấp 1.161 thủ tục trực tuyến mức độ 3 và 19 thủ tục "
        "mức độ 4."
    ]
    assert "1,161 procedures online at level 3" in texts(old, "en")[0]
    new = figures(head(2023, "forms", m_proc_full=121, m_proc_partial=98))
    assert texts(new) == [
        "Năm 2023, Quận Nam Từ Liêm cung cấp 121 thủ tục trực tuyến toàn trình và 98 thủ tục "
        "một phần."
    ]


def test_timeliness_percentages_the_vietnamese_way():
    fig = figures(head(2019, m_on_time=98.674, m_early=(20.0, None, False, ">")))
    assert texts(fig) == [
        "Năm 2019, Quận Nam Từ Liêm giải quyết đúng hạn 98,67% hồ sơ, trong đó hơn 20% trước hạn."
    ]
    assert texts(fig, "en") == [
        "In 2019, Quận Nam Từ Liêm resolved 98.67% of dossiers on time, more than 20% ahead of time."
    ]


def test_shortened_latest_known_year_and_zero():
    fig = figures(head(2018, m_shortened=11), head(2019, m_shortened=50), head(2020))
    assert texts(fig) == [
        "Năm 2019, Quận Nam Từ Liêm rút ngắn thời gian giải quyết 50 thủ tục so với quy định."
    ]
    zero = figures(head(2019, m_shortened=0))
    assert "chưa có thủ tục nào" in texts(zero)[0]


def test_a_generated_figure_is_never_a_key_message():
    fig = figures(
        head(2018, m_rank=(26, 2, True), m_on_time=(99.05, None, True)),
        head(2019, m_shortened=(48, None, True)),
    )
    assert texts(fig) == []


def test_no_data_no_message():
    assert dk.key_messages(figures()) == []
    with pytest.raises(ValueError):
        dk.key_messages(figures(), "fr")


# --- the deck of Nam Từ Liêm 2016-2019 ----------------------------------------------------------


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(demo=True)


@pytest.fixture(scope="module")
def ntl_figures(dataset: Dataset) -> dk.DeckFigures:
    return dk.deck_figures(dataset, select(dataset, "019", 2016, 2019))


@pytest.fixture(scope="module")
def deck_bytes(ntl_figures: dk.DeckFigures) -> bytes:
    return dk.build_deck(ntl_figures, "vi", EXPORTED)


@pytest.fixture(scope="module")
def prs(deck_bytes: bytes):
    return Presentation(io.BytesIO(deck_bytes))


def charts_of(prs) -> list:
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def series(prs, name: str) -> dict[str, float | None]:
    """Category label -> value of the one series called `name` in the deck."""
    found = [
        (plot.categories, ser)
        for chart in charts_of(prs)
        for plot in chart.plots
        for ser in plot.series
        if ser.name == name
    ]
    assert len(found) == 1, f"series {name!r}: {len(found)} found"
    categories, ser = found[0]
    return dict(zip([str(c) for c in categories], ser.values, strict=True))


def slide_texts(slide) -> list[str]:
    return [p.text for sh in slide.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]


def test_messages_of_nam_tu_liem(ntl_figures):
    """Demo data on, yet every message states a published figure (the seed article's and the
    city's): the generated scores and ranks of 2016 and 2019 are never told."""
    assert texts(ntl_figures) == [
        "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30, giữ nguyên thứ hạng so với năm 2017.",
        "Trong các năm có thứ hạng công bố giai đoạn 2016–2019, thứ hạng cao nhất của "
        "Quận Nam Từ Liêm là thứ 1/30, đạt được 2 lần (năm 2017, 2018).",
        "Năm 2018, Quận Nam Từ Liêm cung cấp 161 thủ tục trực tuyến mức độ 3 và 19 thủ tục mức độ 4.",
        "Năm 2019, tỷ lệ hồ sơ nộp trực tuyến của thủ tục mức độ 3 và mức độ 4 tại "
        "Quận Nam Từ Liêm lần lượt đạt 98,67% và 20%.",
        "Năm 2019, Quận Nam Từ Liêm giải quyết đúng hạn 99,99% hồ sơ, trong đó hơn 20% trước hạn.",
        "Năm 2019, Quận Nam Từ Liêm rút ngắn thời gian giải quyết 50 thủ tục so với quy định.",
    ]
    assert {m.topic for m in dk.key_messages(ntl_figures)} == set(dk.TOPICS)


def test_deck_needs_a_unit_and_years(dataset):
    with pytest.raises(SelectionError):
        dk.deck_figures(dataset, select(dataset, None, 2016, 2019))


def test_slides_and_native_charts(prs):
    assert len(prs.slides) == 6
    charts = charts_of(prs)
    assert len(charts) >= 4
    for slide in list(prs.slides)[2:]:
        assert any(sh.has_chart for sh in slide.shapes), slide.shapes.title.text
    assert not [
        sh for slide in prs.slides for sh in slide.shapes if sh.shape_type == 13
    ]  # pictures


def test_rank_and_score_series(prs):
    ranks = series(prs, "Thứ hạng (1 = cao nhất)")
    assert (ranks["2017"], ranks["2018"]) == (1, 1)  # published (the seed article)
    assert set(ranks) == set(series(prs, "Điểm")) == {"2016", "2017", "2018", "2019"}


def test_generated_values_are_hatched_published_ones_solid(prs):
    chart = next(c for c in charts_of(prs) if any(sr.name == "Điểm" for sr in c.plots[0].series))
    points = chart.plots[0].series[0].points
    fills = [points[i].format.fill.type for i in range(4)]
    assert all(fill == MSO_FILL.PATTERNED for fill in fills)  # every score is generated


def test_the_published_deck_shows_no_generated_figure():
    published = load_dataset()
    fig = dk.deck_figures(published, select(published, "019", 2016, 2019))
    deck = Presentation(io.BytesIO(dk.build_deck(fig, "vi", EXPORTED)))
    ranks = series(deck, "Thứ hạng (1 = cao nhất)")
    assert ranks == {"2016": None, "2017": 1, "2018": 1, "2019": None}
    assert series(deck, "Mức độ 3") == {"2018": 161}
    words = " ".join(t for slide in deck.slides for t in slide_texts(slide))
    assert "MINH HỌA" not in words and "minh họa" not in words
    for chart in charts_of(deck):
        for ser in chart.plots[0].series:
            assert all(
                ser.points[i].format.fill.type != MSO_FILL.PATTERNED for i in range(len(ser.values))
            )


def test_level_series_and_eras(prs):
    level3 = series(prs, "Mức độ 3")
    assert level3["2018"] == 161
    assert series(prs, "Mức độ 4")["2018"] == 19
    chart = next(
        c for c in charts_of(prs) if any(sr.name == "Mức độ 3" for sr in c.plots[0].series)
    )
    eras = [c.label for c in chart.plots[0].categories.levels[-1]]
    assert eras == ["Mức độ 1–4"]


def test_timeliness_series_equal_the_computed_rates(prs, dataset):
    dossiers = dataset.dossier_stats
    rates = timeliness(
        dossiers[(dossiers[s.UNIT_CODE] == "019") & dossiers[s.YEAR].between(2016, 2019)]
    )
    for column, name in (
        (ON_TIME_RATE, "Đúng hạn (gồm trước hạn)"),
        (EARLY_RATE, "Trước hạn"),
        (LATE_RATE, "Trễ hạn"),
    ):
        got = series(prs, name)
        expected = dict(zip(rates[s.YEAR].astype(str), rates[column], strict=True))
        assert got == pytest.approx(expected)


def test_shortened_series(prs):
    assert series(prs, "Số thủ tục rút ngắn theo năm") == {
        "2016": 14,
        "2017": 33,
        "2018": 11,
        "2019": 50,
    }
    by_field = series(prs, "Theo lĩnh vực, năm 2019")
    assert sum(by_field.values()) == 50 and len(by_field) == 8


def test_notes_sources_demo_and_vietnamese_text(prs, ntl_figures):
    messages = dk.key_messages(ntl_figures, "vi")
    slides = list(prs.slides)
    assert NTL_NAME in slide_texts(slides[0])
    assert "Ngày xuất: 28/11/2025" in slide_texts(slides[0])
    assert slide_texts(slides[1])[1 : 1 + len(messages)] == [m.text for m in messages]
    for slide in slides:
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip(), "every slide has speaker notes"
    rank_notes = slides[2].notes_slide.notes_text_frame.text
    assert messages[0].text in rank_notes
    for slide in slides[1:]:  # the key messages carry their sources too
        footer = " ".join(slide_texts(slide))
        assert "Nguồn: " in footer
        assert "CÓ SỐ LIỆU MINH HỌA — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC" in footer
    assert "tinbong247news.net (bản đăng lại)" in " ".join(slide_texts(slides[1]))
    everything = [t for slide in slides for t in slide_texts(slide)]
    everything += [slide.notes_slide.notes_text_frame.text for slide in slides]
    assert all(unicodedata.is_normalized("NFC", t) for t in everything)


def test_english_deck(ntl_figures):
    prs = Presentation(io.BytesIO(dk.build_deck(ntl_figures, "en", EXPORTED)))
    assert series(prs, "Rank (1 = best)")["2018"] == 1
    assert series(prs, "Level 3")["2018"] == 161
    assert "Key messages" == list(prs.slides)[1].shapes.title.text
    assert "DEMO DATA SHOWN — NOT OFFICIAL FIGURES" in " ".join(slide_texts(list(prs.slides)[2]))


def test_a_unit_without_scores_still_gets_a_deck(dataset):
    commune = dataset.units[dataset.units[s.LEVEL] == "commune"].iloc[0]
    figures_ = dk.deck_figures(dataset, select(dataset, str(commune[s.CODE]), 2016, 2017))
    prs = Presentation(io.BytesIO(dk.build_deck(figures_, "vi", EXPORTED)))
    assert len(prs.slides) == 6
    assert "Không có dữ liệu cho giai đoạn này." in slide_texts(list(prs.slides)[2])


def test_deck_filename(dataset):
    assert (
        dk.deck_filename(select(dataset, "019", 2016, 2019))
        == "bao-cao-cchc-nam-tu-liem-2016-2019.pptx"
    )


# --- LibreOffice: PDF with one page per slide, rendered to PNG ----------------------------------


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(
            f"`{name}` not found: install Debian's `{package}` (apt-get install {package}), "
            "or run `bash scripts/test.sh`, which installs it.",
            pytrace=False,
        )
    return found


def _run(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240, env=env)
    assert proc.returncode == 0, f"{cmd[0]} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.mark.tools
@pytest.mark.parametrize("lang", dk.LANGS)
def test_libreoffice_renders_every_slide(ntl_figures, tmp_path, lang):
    soffice = _tool("soffice", "libreoffice-impress")
    pdftoppm = _tool("pdftoppm", "poppler-utils")
    pdfinfo = _tool("pdfinfo", "poppler-utils")
    pptx = tmp_path / f"deck-{lang}.pptx"
    pptx.write_bytes(dk.build_deck(ntl_figures, lang, EXPORTED))
    home = tmp_path / "home"  # a private profile, so that it works as root and in parallel
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    _run(
        [
            soffice,
            f"-env:UserInstallation={(home / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pptx),
        ],
        env,
    )
    pdf = tmp_path / f"deck-{lang}.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    pages = int(re.search(r"Pages:\s+(\d+)", _run([pdfinfo, str(pdf)]).stdout).group(1))
    assert pages == len(Presentation(str(pptx)).slides) == 6
    _run([pdftoppm, "-png", "-r", "60", str(pdf), str(tmp_path / "slide")])
    images = sorted(tmp_path.glob("slide-*.png"))
    assert len(images) == pages
    SCREENSHOTS.mkdir(exist_ok=True)
    for image in images:
        data = image.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
        shutil.copy(image, SCREENSHOTS / f"deck-{lang}-{image.name}")
