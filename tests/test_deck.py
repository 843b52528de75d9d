"""The slide deck: key messages (pure), native charts with the computed figures and the
dashboard's colours, the comparison and map slides, notes, no data path anywhere, and a
LibreOffice rendering of every slide in which no text leaves its box (checked on the PDF's word
boxes; the slides are saved to tests/screenshots/, git-ignored, for a look).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections import OrderedDict
from datetime import date
from html import unescape
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.dml import MSO_FILL
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches, Pt

from indicators import chart_images
from indicators import deck as dk
from indicators import schema as s
from indicators.charts import style
from indicators.dataset import Dataset, load_dataset
from indicators.deck import maps
from indicators.formatting import fmt_number
from indicators.map_charts import HIGHLIGHT_COLOR
from indicators.rankings import rank_table
from indicators.selection import SelectionError, select
from indicators.settings import BUNDLED_DATA
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE, timeliness
from indicators.views import ON_TIME_ONLY_RATE, Headline, Metric

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

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


SLIDES = 8  # title, messages, score and rank, comparison, map, levels, timeliness, shortened
MAP_SLIDE = 4  # index of the map slide


def test_slides_and_native_charts(prs):
    assert len(prs.slides) == SLIDES
    charts = charts_of(prs)
    assert len(charts) >= 6
    for i, slide in enumerate(list(prs.slides)[2:], start=2):
        if i != MAP_SLIDE:
            assert any(sh.has_chart for sh in slide.shapes), slide.shapes.title.text
    pictures = [
        (i, sh)
        for i, slide in enumerate(prs.slides)
        for sh in slide.shapes
        if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert [i for i, _ in pictures] == [MAP_SLIDE]  # the map, and no other picture
    assert pictures[0][1].image.blob.startswith(b"\x89PNG\r\n\x1a\n")


def test_title_slide_names_the_unit_the_period_and_the_day(prs):
    words = slide_texts(list(prs.slides)[0])
    assert NTL_NAME in words
    assert "Chỉ số cải cách hành chính (CCHC), 2016–2019" in words
    assert "Ngày xuất: 28/11/2025" in words
    assert list(prs.slides)[0].shapes.title.text == NTL_NAME


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
    texts_ = [m.text for m in messages]
    assert [p for p in slide_texts(slides[1]) if p in texts_] == texts_  # in order
    banner = "CÓ SỐ LIỆU MINH HỌA — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC"
    assert banner in slide_texts(slides[0])
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
    assert len(prs.slides) == SLIDES
    for i in (2, 3, MAP_SLIDE):  # no score: no chart, no comparison, no map
        assert "Không có dữ liệu cho giai đoạn này." in slide_texts(list(prs.slides)[i])
    assert not [sh for slide in prs.slides for sh in slide.shapes if sh.shape_type == 13]


# --- the dashboard's colours, the comparison and the map ----------------------------------------

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def hex_of(colour: str) -> str:
    return colour.lstrip("#").upper()


def chart_xml(chart) -> etree._Element:
    return etree.fromstring(chart.part.blob)


def series_fills(chart) -> dict[str, str]:
    """Series name -> the colour of its fill (or of its line, for a line chart), read from
    the chart's XML."""
    out = {}
    for ser in chart_xml(chart).iter(f"{C}ser"):
        name = ser.find(f"{C}tx//{C}v").text
        sp = ser.find(f"{C}spPr")
        fill = sp.find(f"{A}solidFill/{A}srgbClr")
        if fill is None:
            fill = sp.find(f"{A}ln/{A}solidFill/{A}srgbClr")
        out[name] = fill.get("val")
    return out


def point_fills(chart) -> dict[int, tuple[str, str]]:
    """Point index -> (solid or pattern, colour) of the points given a fill of their own."""
    out = {}
    for dpt in chart_xml(chart).iter(f"{C}dPt"):
        idx = int(dpt.find(f"{C}idx").get("val"))
        solid = dpt.find(f"{C}spPr/{A}solidFill/{A}srgbClr")
        pattern = dpt.find(f"{C}spPr/{A}pattFill/{A}fgClr/{A}srgbClr")
        if solid is not None:
            out[idx] = ("solid", solid.get("val"))
        elif pattern is not None:
            out[idx] = ("pattern", pattern.get("val"))
    return out


def chart_with(prs, name: str):
    return next(c for c in charts_of(prs) if any(sr.name == name for sr in c.plots[0].series))


def test_chart_series_carry_the_dashboards_colours(prs):
    red = hex_of(style.HIGHLIGHT)
    assert series_fills(chart_with(prs, "Điểm")) == {"Điểm": red}
    assert series_fills(chart_with(prs, "Thứ hạng (1 = cao nhất)")) == {
        "Thứ hạng (1 = cao nhất)": red
    }
    timeliness_colours = style.TIMELINESS_COLOURS
    assert series_fills(chart_with(prs, "Trễ hạn")) == {
        "Đúng hạn (gồm trước hạn)": hex_of(timeliness_colours[ON_TIME_ONLY_RATE]),
        "Trước hạn": hex_of(timeliness_colours[EARLY_RATE]),
        "Trễ hạn": hex_of(timeliness_colours[LATE_RATE]),
    }
    levels = series_fills(chart_with(prs, "Mức độ 3"))
    assert levels == {f"Mức độ {k}": hex_of(style.LEVEL_COLOURS[k]) for k in "1234"}
    assert set(series_fills(chart_with(prs, "Số thủ tục rút ngắn theo năm")).values()) == {
        hex_of(style.LEVEL_COLOURS["3"])
    }


def comparison_chart(deck):
    slide = list(deck.slides)[3]
    return next(sh.chart for sh in slide.shapes if sh.has_chart)


def test_comparison_the_unit_against_every_unit_of_its_index(prs, dataset):
    """2019, the last year with the unit's score: the 30 districts' scores, best at the top,
    the unit's bar red, the others grey, every generated score hatched."""
    table = rank_table(dataset.par_scores, dataset.units, s.INDEX_HANOI, 2019)
    slide = list(prs.slides)[3]
    assert (
        slide.shapes.title.text == "Quận Nam Từ Liêm giữa các đơn vị cùng bảng xếp hạng, năm 2019"
    )
    chart = comparison_chart(prs)
    plot = chart.plots[0]
    names = [str(c) for c in plot.categories]
    assert len(names) == 30 and names[-1].startswith("1. ")  # the best at the top (last)
    scores = dict(zip(names, plot.series[0].values, strict=True))
    expected = {
        f"{int(r)}. {n}": float(v)
        for r, n, v in zip(table["rank"], table[s.NAME_VI], table[s.SCORE], strict=True)
    }
    assert scores == pytest.approx(expected)
    mine = names.index(next(n for n in names if n.endswith(NTL_NAME)))
    fills = point_fills(chart)
    red, grey = hex_of(style.HIGHLIGHT), hex_of(style.OTHER)
    assert fills[mine][1] == red
    assert all(colour == grey for i, (_, colour) in fills.items() if i != mine)
    assert series_fills(chart) == {"Điểm năm 2019": grey}
    demo = table.set_index(s.NAME_VI)[s.DEMO].astype(bool)
    for i, name in enumerate(names):
        generated = bool(demo[name.split(". ", 1)[1]])
        assert (fills.get(i, ("solid",))[0] == "pattern") == generated, name
    panel = " ".join(slide_texts(slide))
    assert "Xếp thứ 4/30" in panel and "93,73 / 100 điểm" in panel
    assert "Số liệu minh họa, không phải số liệu chính thức" in panel


def test_the_published_comparison_shows_published_scores_only():
    published = load_dataset()
    fig = dk.deck_figures(published, select(published, "019", 2023, 2023))
    deck = Presentation(io.BytesIO(dk.build_deck(fig, "vi", EXPORTED)))
    plot = comparison_chart(deck).plots[0]
    names = [str(c) for c in plot.categories][::-1]
    assert names == [
        "1. Quận Đống Đa",
        "2. Quận Hoàn Kiếm",
        "2. Quận Nam Từ Liêm",
        "4. Quận Cầu Giấy",
        "5. Huyện Thanh Trì",
        "30. Huyện Phú Xuyên",
    ]
    assert list(plot.series[0].values)[::-1][2] == 95.7
    assert all(kind == "solid" for kind, _ in point_fills(comparison_chart(deck)).values())
    footer = " ".join(slide_texts(list(deck.slides)[3]))
    assert "Điểm chỉ số CCHC của 6 trong số 30 đơn vị" in footer
    words = " ".join(t for slide in deck.slides for t in slide_texts(slide))
    assert "minh họa" not in words.lower()


def test_the_map_outlines_the_unit_on_the_years_scores(ntl_figures):
    fig = maps.map_figure(ntl_figures, "vi")
    values = next(tr for tr in fig.data if tr.type == "choropleth" and tr.customdata is not None)
    assert ntl_figures.compare_year == 2019
    outlined = [
        code
        for trace in fig.data
        if trace.type == "choropleth"
        for code, colour in zip(trace.locations, trace.marker.line.color, strict=True)
        if colour == HIGHLIGHT_COLOR
    ]
    assert set(outlined) == {"019"}
    scores = ntl_figures.comparison.frame.set_index(s.UNIT_CODE)[s.SCORE]
    drawn = {row[0]: row[2] for row in values.customdata}  # code, name, value as written
    assert drawn["019"].startswith(fmt_number(float(scores["019"]), "vi", 2))
    assert not fig.layout.annotations and not fig.layout.title.text  # the slide has them


def test_the_map_needs_chromium_and_says_so(ntl_figures, monkeypatch, tmp_path):
    """No browser: the deck is not made (no map silently left out)."""
    monkeypatch.setattr(maps, "_DRAWN", OrderedDict())  # nothing drawn before
    monkeypatch.setenv(chart_images.BROWSER_ENV, str(tmp_path / "no-chromium"))
    with pytest.raises(chart_images.ChromiumNotFound):
        dk.build_deck(ntl_figures, "vi", EXPORTED)


def test_the_deck_names_no_data_path(tmp_path):
    """A dataset read from a folder: its path is in no part of the file (slides, notes,
    charts' sheets, properties)."""
    folder = tmp_path / "par-data-private-folder-7f3a"
    shutil.copytree(BUNDLED_DATA, folder, ignore=shutil.ignore_patterns("published", "geo"))
    data = load_dataset(folder, demo=True)
    assert data.source == str(folder)
    deck = dk.build_deck(dk.deck_figures(data, select(data, "019", 2016, 2019)), "vi")
    needles = [str(folder), folder.name, str(tmp_path)]
    parts = dict(_parts(deck))
    assert any(name.endswith(".xlsx") for name in parts)  # the charts' sheets are read too
    for name, blob in parts.items():
        for needle in needles:
            assert needle.encode() not in blob, (name, needle)
            assert needle.encode("utf-16-le") not in blob, (name, needle)


def _parts(blob: bytes, prefix: str = ""):
    """(name, bytes) of every part of a zip (pptx), and of the zips inside it (xlsx)."""
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        for name in package.namelist():
            data = package.read(name)
            yield prefix + name, data
            if data.startswith(b"PK\x03\x04"):
                yield from _parts(data, f"{prefix}{name}!")


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


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_SLACK = 2.0  # points: a glyph's box may pass its line's by a hair
# pdftotext's word box is the font's whole box (1.3 em, where a line is 1.15 em): the word is
# inside when its top 75 % (the letters down to the baseline) is, so that a line past the box's
# bottom (a whole line lower) is caught, and a word's descent below the last line is not
_INK = 0.75


def pdf_words(pdftotext: str, pdf: Path) -> list[tuple[tuple[float, float], list[tuple]]]:
    """Per page: its size and its words (x0, y0, x1, y1, text), in points, as drawn."""
    html = _run([pdftotext, "-bbox", str(pdf), "-"]).stdout
    pages = []
    for width, height, body in _PAGE.findall(html):
        words = [
            (float(a), float(b), float(c), float(d), unicodedata.normalize("NFC", unescape(w)))
            for a, b, c, d, w in _WORD.findall(body)
        ]
        pages.append(((float(width), float(height)), words))
    return pages


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def text_boxes(slide) -> list[tuple[tuple[float, float, float, float], str]]:
    """Each text frame's box (points) and text; a chart's title with the chart's box."""
    out = []
    for shape in slide.shapes:
        box = tuple(v / 12700 for v in (shape.left, shape.top, shape.width, shape.height))
        if shape.has_text_frame and shape.text_frame.text.strip():
            out.append((box, shape.text_frame.text))
        elif shape.has_chart and shape.chart.has_title:
            out.append((box, shape.chart.chart_title.text_frame.text))
    return out


def cut_text(pptx_slides, pages) -> list[str]:
    """What is cut or out of place: a word off its page, or a text frame whose text is not
    all drawn inside its own box (a line past the bottom of a box, a cut word)."""
    problems = []
    for n, (slide, ((width, height), words)) in enumerate(zip(pptx_slides, pages, strict=True)):
        for x0, y0, x1, y1, text in words:
            if x0 < -_SLACK or y0 < -_SLACK or x1 > width + _SLACK or y1 > height + _SLACK:
                problems.append(f"slide {n + 1}: {text!r} off the slide")
        for (left, top, w, h), text in text_boxes(slide):
            inside = "".join(
                word
                for x0, y0, x1, y1, word in words
                if x0 >= left - _SLACK
                and x1 <= left + w + _SLACK
                and y0 >= top - _SLACK
                and y0 + _INK * (y1 - y0) <= top + h + _SLACK
            )
            if _squeeze(text) not in inside:
                problems.append(f"slide {n + 1}: {text!r} not all inside its box")
    return problems


def render_pdf(tmp_path: Path, *pptx: Path) -> None:
    soffice = _tool("soffice", "libreoffice-impress")
    home = tmp_path / "home"  # a private profile, so that it works as root and in parallel
    home.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home)}
    profile = f"-env:UserInstallation={(home / 'lo').as_uri()}"
    _run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + [str(p) for p in pptx],
        env,
    )


def overflowing_pptx(path: Path) -> None:
    """A slide whose text box is far too small for its text: the check must see it."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(0.4))
    box.text_frame.word_wrap = True
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "Nguồn: " + "Sở Nội vụ Hà Nội, báo cáo năm 2019 về chỉ số cải cách hành chính; " * 4
    run.font.name, run.font.size = "Arial", Pt(14)
    prs.save(str(path))


@pytest.mark.tools
@pytest.mark.parametrize("lang", dk.LANGS)
def test_libreoffice_renders_every_slide_with_no_text_cut(ntl_figures, tmp_path, lang):
    pdftoppm = _tool("pdftoppm", "poppler-utils")
    pdftotext = _tool("pdftotext", "poppler-utils")
    pptx = tmp_path / f"deck-{lang}.pptx"
    pptx.write_bytes(dk.build_deck(ntl_figures, lang, EXPORTED))
    bad = tmp_path / "overflowing.pptx"
    overflowing_pptx(bad)
    render_pdf(tmp_path, pptx, bad)
    pdf = tmp_path / f"deck-{lang}.pdf"
    assert pdf.exists(), "LibreOffice wrote no PDF"
    slides = list(Presentation(str(pptx)).slides)
    pages = pdf_words(pdftotext, pdf)
    assert len(pages) == len(slides) == SLIDES
    assert cut_text(slides, pages) == []
    # the same check on a box too small for its text finds it
    found = cut_text(
        list(Presentation(str(bad)).slides), pdf_words(pdftotext, tmp_path / "overflowing.pdf")
    )
    assert len(found) == 1 and "not all inside its box" in found[0]
    # the words drawn are the deck's: Vietnamese letters, numbers the language's way
    drawn = " ".join(w[4] for _, words in pages for w in words)
    if lang == "vi":
        assert "Thông điệp chính" in drawn and "Xếp thứ 4/30" in drawn
        assert "98,07%" in drawn and "93,73" in drawn  # a chart's labels: 98,07%, not 98.07%
    else:
        assert "Key messages" in drawn and "98.07%" in drawn
    _run([pdftoppm, "-png", "-r", "96", str(pdf), str(tmp_path / "slide")])
    images = sorted(tmp_path.glob("slide-*.png"))
    assert len(images) == len(pages)
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob(f"deck-{lang}-slide-*.png"):
        old.unlink()
    for image in images:
        data = image.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
        number = int(image.stem.rsplit("-", 1)[1])  # pdftoppm pads: slide-1 or slide-01
        shutil.copy(image, SCREENSHOTS / f"deck-{lang}-slide-{number}.png")
