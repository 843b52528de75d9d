"""The meeting pack in the app (AppTest): the downloads under every chart (CSV, XLSX, Parquet,
PNG, SVG), the slide deck on the overview and the unit profile, and the presentation mode.

Downloads are made on click (a callable given to st.download_button), so Streamlit registers
them with its media file manager; `deferred` records what each registration names (file name,
media type) and the callable, which the tests call to read the bytes."""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from support import apptest
from support.apptest import OVERVIEW

BOM = b"\xef\xbb\xbf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# demo data on: every chart has rows (the published layer of 2016-2019 has few)
NTL = {"unit": "019", "year": "2019", "from": "2016", "to": "2019", "demo": "1"}
PERIOD = {"from": "2016", "to": "2019", "demo": "1"}


@dataclass(frozen=True)
class Deferred:
    mime: str | None
    make: Callable[[], bytes]


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> dict[str, Deferred]:
    """file name -> (media type, callable) of every download registered during the runs."""
    seen: dict[str, Deferred] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen[file_name] = Deferred(mimetype, data_callable)
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen


def open_app(page: str = OVERVIEW, footers: bool = True, **params: str) -> AppTest:
    """The page with every chart's footer open (its downloads are made only then)."""
    return apptest.open_app(page, footers=footers, **params)


def labels(at: AppTest) -> list[str]:
    return [d.label for d in at.get("download_button")]


def titles_of_charts(at: AppTest) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


# --- downloads under the charts and the deck ----------------------------------------------------


def test_overview_offers_the_deck_and_every_format_under_the_chart(deferred) -> None:
    at = open_app(**NTL)
    assert labels(at)[0] == "Tải bản trình chiếu (PPTX)"
    for label in ("Tải CSV", "Tải Excel (XLSX)", "Tải Parquet", "Ảnh PNG", "Ảnh SVG"):
        assert label in labels(at), label
    assert all(d.proto.deferred_file_id for d in at.get("download_button"))  # made on click
    expected = {
        "bao-cao-cchc-nam-tu-liem-2016-2019.pptx": PPTX,
        "diem-cchc-2019.csv": "text/csv",
        "diem-cchc-2019.xlsx": XLSX,
        "diem-cchc-2019.parquet": "application/vnd.apache.parquet",
        "diem-cchc-2019.png": "image/png",
        "diem-cchc-2019.svg": "image/svg+xml",
        "chi-tieu-chinh-nam-tu-liem-2019.csv": "text/csv",
    }
    for name, mime in expected.items():
        assert name in deferred, (name, sorted(deferred))
        assert deferred[name].mime == mime, name
    assert "chi-tieu-chinh-nam-tu-liem-2019.png" not in deferred  # no chart, no image


def test_closed_menus_make_nothing_until_opened(deferred) -> None:
    """A filter change reruns the page: closed download menus and row tables cost nothing."""
    at = open_app(footers=False, **NTL)
    assert labels(at) == ["Tải bản trình chiếu (PPTX)", "Tải gói ngoại tuyến (HTML)"]
    assert "diem-cchc-2019.csv" not in deferred and not at.dataframe
    at.session_state["downloads-city-scores"] = True
    at.run()
    assert labels(at)[2:5] == ["Tải CSV", "Tải Excel (XLSX)", "Tải Parquet"]
    assert (
        "diem-cchc-2019.csv" in deferred and "chi-tieu-chinh-nam-tu-liem-2019.csv" not in deferred
    )


def test_the_deck_is_the_unit_over_the_period(deferred) -> None:
    open_app(**NTL)
    from pptx import Presentation

    deck = Presentation(io.BytesIO(deferred["bao-cao-cchc-nam-tu-liem-2016-2019.pptx"].make()))
    texts = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert texts[0] == "Quận Nam Từ Liêm" and len(deck.slides) == 8


def test_chart_csv_has_a_bom_and_vietnamese_headers(deferred) -> None:
    open_app(**NTL)
    data = deferred["diem-cchc-2019.csv"].make()
    assert data.startswith(BOM)
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(frame.columns[:5]) == ["Mã đơn vị", "Tên đơn vị", "Cấp", "Cấp (mã)", "Năm"]
    assert len(frame) == 30 and "Quận Nam Từ Liêm" in set(frame["Tên đơn vị"])
    assert set(frame["Cấp"]) == {"Cấp huyện"} and set(frame["Cấp (mã)"]) == {"district"}


def test_chart_xlsx_has_data_sources_and_filters(deferred) -> None:
    open_app(**NTL)
    book = openpyxl.load_workbook(io.BytesIO(deferred["diem-cchc-2019.xlsx"].make()))
    assert book.sheetnames == ["Dữ liệu", "Nguồn", "Bộ lọc"]
    values = dict(book["Bộ lọc"].iter_rows(min_row=2, values_only=True))
    assert values["Đơn vị"] == "Tất cả đơn vị" and values["Từ năm"] == "2019"
    assert values["Bộ chỉ số"] == "Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)"
    assert values["Biểu đồ"] == "Điểm Chỉ số CCHC Hà Nội năm 2019"


def test_chart_png_is_a_captioned_projector_image(deferred) -> None:
    open_app(**NTL)
    png = deferred["diem-cchc-2019.png"].make()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert struct.unpack(">II", png[16:24]) == (1600, 900)


def test_unit_profile_downloads_are_named_after_the_unit_and_period(deferred) -> None:
    at = open_app("pages/unit.py", **NTL)
    assert labels(at)[0] == "Tải bản trình chiếu (PPTX)"
    for name in (
        "bao-cao-cchc-nam-tu-liem-2016-2019.pptx",
        "diem-so-voi-cao-nhat-va-trung-binh-nam-tu-liem-2016-2019.csv",
        "thu-tuc-theo-muc-do-nam-tu-liem-2016-2019.xlsx",
        "tre-han-va-truoc-han-nam-tu-liem-2016-2019.parquet",
        "ty-le-nop-truc-tuyen-nam-tu-liem-2016-2019.svg",
        "thu-tuc-rut-ngan-nam-tu-liem-2019.png",
    ):
        assert name in deferred, (name, sorted(deferred))


def test_downloads_in_english(deferred) -> None:
    at = open_app("pages/unit.py", **NTL, lang="en")
    assert labels(at)[0] == "Download slides (PPTX)"
    assert "Download Excel (XLSX)" in labels(at) and "PNG image" in labels(at)
    assert "par-report-nam-tu-liem-2016-2019.pptx" in deferred
    csv = deferred["procedures-by-level-nam-tu-liem-2016-2019.csv"].make().decode("utf-8-sig")
    assert csv.startswith("Year,Online level,Online level (code),Procedures")


def test_data_page_offers_the_three_formats(deferred) -> None:
    at = open_app("pages/data.py", **NTL)
    assert labels(at)[:3] == ["Tải CSV", "Tải Excel (XLSX)", "Tải Parquet"]
    assert {"scores-2016-2019.csv", "scores-2016-2019.xlsx"} <= set(deferred)
    book = openpyxl.load_workbook(io.BytesIO(deferred["scores-2016-2019.xlsx"].make()))
    assert book.sheetnames == ["Dữ liệu", "Nguồn", "Bộ lọc"]


# --- presentation mode --------------------------------------------------------------------------


def test_overview_unit_and_sidebar_turn_the_presentation_on() -> None:
    at = open_app(**NTL)
    assert at.button(key="present-start-page").label == "Trình chiếu"
    assert at.button(key="present-start-sidebar").label == "Trình chiếu"
    at = open_app("pages/unit.py", **NTL)
    at.button(key="present-start-page").click().run()
    assert at.query_params["present"] == "1" and at.query_params["from"] == "2016"
    assert "**1/9**" in [m.value for m in at.markdown]
    assert not at.get("download_button")


def test_presentation_opens_on_the_key_messages() -> None:
    at = open_app(present="1", unit="019", **PERIOD)
    assert [t.value for t in at.title] == ["Quận Nam Từ Liêm"]  # not the overview's heading
    text = "\n".join(m.value for m in at.markdown)
    assert "Quận Nam Từ Liêm · 2016–2019" in text and "**1/9**" in text
    assert "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30" in text  # published: the seed article
    assert [w.value for w in at.warning] == ["Có số liệu minh họa — không phải số liệu chính thức"]
    assert not at.get("plotly_chart") and not at.get("download_button")
    assert at.query_params["present"] == "1" and at.query_params["unit"] == "019"
    assert at.button(key="present-prev").disabled


def test_the_presentation_bar_names_the_field() -> None:
    at = open_app(present="1", unit="019", field="Tư pháp", **PERIOD)
    text = "\n".join(m.value for m in at.markdown)
    assert "Quận Nam Từ Liêm · 2016–2019 · Lĩnh vực: Tư pháp" in text


def test_next_previous_and_exit() -> None:
    at = open_app(present="1", unit="019", **PERIOD)
    at.button(key="present-next").click().run()
    assert at.query_params["slide"] == "2" and at.query_params["present"] == "1"
    assert titles_of_charts(at) == ["Điểm Chỉ số CCHC Hà Nội năm 2019"]
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["title"]["font"]["size"] >= 28
    at.button(key="present-next").click().run()
    assert at.query_params["slide"] == "3"
    assert titles_of_charts(at)[0].startswith("Thứ hạng theo Chỉ số CCHC Hà Nội, 2016–2019")
    at.button(key="present-prev").click().run()
    assert at.query_params["slide"] == "2"
    at.button(key="present-exit").click().run()
    assert "present" not in at.query_params and "slide" not in at.query_params
    assert at.query_params["unit"] == "019" and at.query_params["from"] == "2016"
    assert at.title[0].value == "Quận Nam Từ Liêm – năm 2024"  # the overview again
    assert at.query_params["demo"] == "1"


def test_a_link_to_a_screen_opens_it_in_english() -> None:
    at = open_app(present="1", unit="019", slide="9", lang="en", **PERIOD)
    assert titles_of_charts(at) == ["Quận Nam Từ Liêm: on-time rate vs the whole city, 2016–2019"]
    assert "**9/9**" in [m.value for m in at.markdown]
    assert at.button(key="present-next").disabled
    assert [b.label for b in at.button] == ["Previous", "Next", "Exit presentation"]


def test_the_presentation_of_published_figures_only() -> None:
    """No setting: the screens that have published rows, no banner, no generated figure."""
    at = open_app(present="1", unit="019", **{"from": "2016", "to": "2019"})
    text = "\n".join(m.value for m in at.markdown)
    assert "**1/7**" in text and "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30" in text
    assert not at.warning
    for _ in range(6):
        at.button(key="present-next").click().run()
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        assert all(not trace.get("marker", {}).get("pattern") for trace in spec["data"])
        assert ":orange-badge" not in "".join(m.value for m in at.markdown)
