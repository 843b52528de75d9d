"""A new unit's page says what it was formed from (the succession mapping), links to the
former units' history, and shows one plain sentence instead of a page of "no data"."""

from __future__ import annotations

import pandas as pd
import pytest
from support.apptest import open_app, texts

from indicators import formation as fm
from indicators.dataset import load_dataset

UNIT_PAGE = "pages/unit.py"


@pytest.fixture(scope="module")
def tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    dataset = load_dataset()  # the bundled data
    return dataset.units, dataset.unit_successions


def test_a_ward_formed_from_two_districts_communes(tables) -> None:
    # Phường Từ Liêm (00592): all of Cầu Diễn and parts of four wards of Nam Từ Liêm, and part
    # of Mai Dịch (Cầu Giấy); data/unit_successions.parquet, vietnamadminunits 2025.
    origin = fm.formation(*tables, "00592")
    assert origin is not None
    assert (origin.name, origin.effective) == ("Phường Từ Liêm", pd.Timestamp("2025-07-01"))
    assert [(f.code, f.name, f.relation) for f in origin.forebears] == [
        ("019", "Quận Nam Từ Liêm", "part"),  # the one that gave most comes first
        ("005", "Quận Cầu Giấy", "part"),
    ]
    nam_tu_liem, cau_giay = origin.forebears
    assert [(p.name, p.relation) for p in nam_tu_liem.pieces] == [
        ("Phường Cầu Diễn", "whole"),
        ("Phường Mễ Trì", "part"),
        ("Phường Mỹ Đình 1", "part"),
        ("Phường Mỹ Đình 2", "part"),
        ("Phường Phú Đô", "part"),
    ]
    assert [(p.name, p.relation) for p in cau_giay.pieces] == [("Phường Mai Dịch", "part")]
    assert origin.pieces == 6
    assert origin.source_ids == ("vietnamadminunits-2025",)


def test_a_merged_province_and_an_old_unit(tables) -> None:
    origin = fm.formation(*tables, "08")  # Hà Giang and Tuyên Quang, Resolution 202/2025/QH15
    assert origin is not None
    assert {(f.name, f.relation, f.pieces) for f in origin.forebears} == {
        ("Tỉnh Hà Giang", "whole", ()),
        ("Tỉnh Tuyên Quang", "whole", ()),
    }
    assert origin.pieces == 2
    assert fm.formation(*tables, "019") is None  # Nam Từ Liêm: abolished, not formed
    assert fm.formation(*tables, "01") is None  # Hà Nội: unchanged


def test_a_reused_code_is_not_the_same_unit(tables) -> None:
    units = tables[0]
    # 00592 was Phường Cầu Diễn until 30 June 2025
    assert not fm.existed_in(units, "00592", "Phường Từ Liêm", 2023)
    assert fm.existed_in(units, "00592", "Phường Từ Liêm", 2025)
    assert fm.existed_in(units, "08", "Tỉnh Tuyên Quang", 2023)  # the same name went on


def test_new_ward_before_it_existed() -> None:
    at = open_app(UNIT_PAGE, unit="00592", year="2023")
    shown = texts(at)
    assert at.title[0].value == "Trang đơn vị: Phường Từ Liêm – năm 2023"
    assert "Phường Cầu Diễn" not in at.info[0].value  # the code's old unit is not shown as it
    assert "Phường Từ Liêm được thành lập ngày 01/07/2025, nên năm 2023 chưa có" in shown
    assert "**Quận Nam Từ Liêm** (một phần) gồm Phường Cầu Diễn (toàn bộ)" in shown
    link = "[Lịch sử chỉ số của Quận Nam Từ Liêm](unit?"
    line = next(m.value for m in at.markdown if link in m.value)
    assert "unit=019" in line and "index=hanoi" in line
    assert not at.metric and not at.get("plotly_chart")
    buttons = [b.label for b in at.button]
    assert "Trình chiếu" not in buttons  # nothing to present: no button in page or sidebar
    assert not at.get("download_button")


def test_new_commune_in_2025_one_sentence_not_a_page_of_no_data() -> None:
    at = open_app(UNIT_PAGE, unit="09661", year="2025")
    assert at.title[0].value == "Trang đơn vị: Xã Minh Châu – năm 2025"
    assert not at.metric and not at.get("plotly_chart")  # no number at all, never 0
    assert [i.value for i in at.info] == [
        "Từ ngày 01/07/2025 chưa có số liệu nào của Xã Minh Châu: các bộ chỉ số chưa xếp hạng "
        "các xã, phường, tỉnh mới, và chưa có số liệu thủ tục, hồ sơ nào được công bố hay nhập."
    ]
    assert "từ toàn bộ hoặc một phần của 3 xã, phường, thị trấn cũ thuộc 1 quận" in texts(at)


def test_merged_province_keeps_its_2025_figures_and_buttons() -> None:
    # Thái Nguyên (with Bắc Kạn): Decision 766's 29/8/2025 snapshot, 86,97/100, 1st of 34
    at = open_app(UNIT_PAGE, unit="19", index="national", year="2025")
    shown = texts(at)
    assert "Tỉnh Thái Nguyên được hình thành ngày 01/07/2025 từ 2 tỉnh, thành phố cũ" in shown
    assert "Lịch sử chỉ số của Tỉnh Bắc Kạn" in shown
    assert at.get("download_button")  # the deck: there is something to present
    assert "Trình chiếu" in [b.label for b in at.button]


def test_english_origin() -> None:
    at = open_app(UNIT_PAGE, unit="00592", year="2025", lang="en")
    shown = texts(at)
    assert "Phường Từ Liêm was created on 2025-07-01 from all or part of 6 former" in shown
    assert "**Quận Nam Từ Liêm** (part of it) from Phường Cầu Diễn (all of it)" in shown


def test_overview_of_a_new_ward_offers_no_deck_or_presentation() -> None:
    at = open_app(unit="00592", year="2025")  # the overview
    assert "Trình chiếu" not in [b.label for b in at.button]
    assert not [b for b in at.get("download_button") if "PPTX" in str(b.proto.label)]
    overview_of_ntl = open_app(unit="019", year="2023")
    assert "Trình chiếu" in [b.label for b in overview_of_ntl.button]
    assert [b for b in overview_of_ntl.get("download_button") if "PPTX" in str(b.proto.label)]


def test_what_a_unit_page_shows() -> None:
    dataset = load_dataset()
    state = lambda *a: fm.page_state(dataset, *a)[1]  # noqa: E731
    assert state("00592", "Phường Từ Liêm", 2023, 2025) == fm.NOT_YET
    assert state("00592", "Phường Từ Liêm", 2025, 2025) == fm.NO_FIGURES
    assert state("19", "Tỉnh Thái Nguyên", 2025, 2025) == fm.FIGURES  # Decision 766, 2025
    assert state("08", "Tỉnh Tuyên Quang", 2023, 2025) == fm.FIGURES  # the old province
    assert fm.page_state(dataset, "019", "Quận Nam Từ Liêm", 2023, 2023) == (None, fm.FIGURES)
