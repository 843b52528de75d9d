"""Every number explains itself (indicators.explain): the source and the passage that states a
figure, how a computed one was computed, who imported it; the same in the deck's speaker notes
and in each row of a download. The expected texts are worked out by hand from the bundled data
(data/published/hanoi_district_par_index.csv, rows of 2023; data/demo/par_scores.parquet)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from support.importing import DATA, copy_data, score_file

from indicators import explain, views
from indicators import schema as s
from indicators.chart_points import rows_at_point
from indicators.dataset import load_dataset
from indicators.deck import build_deck, deck_figures
from indicators.export import rows_bytes
from indicators.importing import import_bytes, rollback
from indicators.importing.history import import_history
from indicators.selection import select

# Hanoi's 2023 results as en.vietnamplus.vn printed them: the one passage of its excerpt that
# states Nam Từ Liêm's 95.7% (the source's excerpt also holds the departments' passages).
VIETNAMPLUS = "vietnamplus-cf231a"
PASSAGE_2023 = (
    "Dong Da district came first with 96.3%, followed by Nam Tu Liem and Hoan Kiem, both "
    "95.7%, and Cau Giay (95.22%). Phu Xuyen district had the lowest index, at 91.61%."
)
# The French edition cites Thanh Trì's 5th place; it is not the source of Nam Từ Liêm's row.
DANGCONGSAN = "dangcongsan-c69d7d"


@pytest.fixture(scope="module")
def published():
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def demo():
    return load_dataset(DATA, demo=True)


def _explained(dataset, code: str, year: int, key: str, lang: str = "vi", imports=None):
    head = views.headline(dataset, code, year)
    return explain.explain_metric(head.get(key), head, dataset.sources, lang, imports)


def test_the_rank_of_2023_cites_the_passages_that_state_it(published) -> None:
    found = _explained(published, "019", 2023, "m_rank")
    assert found.title == "Xếp hạng — Quận Nam Từ Liêm, 2023: thứ 2/30"
    assert not found.demo
    # its row's source, and the French edition of the same story that states 95,7% too (the
    # citations in indicators.sources' order: official sites first, then by id)
    assert [q.citation.id for q in found.quotes] == [DANGCONGSAN, VIETNAMPLUS]
    assert "suivi de près par Nam Tu Liem avec 95,7%" in found.quotes[0].excerpt
    quote = found.quotes[1]
    assert quote.citation.text("vi") == "Sở Nội vụ Hà Nội, 2023 — en.vietnamplus.vn"
    assert quote.citation.url.startswith("https://en.vietnamplus.vn/hanoi-announces-public-")
    assert quote.excerpt == PASSAGE_2023  # not the departments' passages of the same source
    # published for 7 of the 30 districts: the source's rank, never recomputed
    assert found.method == (
        "Thứ hạng do nguồn công bố (theo thứ tự nêu trong bài, đồng hạng), trên 30 đơn vị của "
        "chỉ số năm 2023; không tính lại vì không phải đơn vị nào cũng có điểm công bố."
    )
    assert found.imports == ()
    english = _explained(published, "019", 2023, "m_rank", "en")
    assert english.title == "Rank — Quận Nam Từ Liêm, 2023: 2nd of 30"
    assert english.method.startswith("Rank as the source published it (order given in the text,")
    assert "Quote: “Dong Da district came first with 96.3%" in english.text()


def test_with_demo_data_the_rank_is_computed_from_the_30_scores_of_2023(demo) -> None:
    """With the demo layer every one of Hanoi's 30 districts has a 2023 score: 6 published
    (Đống Đa 96,3, Hoàn Kiếm and Nam Từ Liêm 95,7, Cầu Giấy 95,22, Thanh Trì 95,21, Phú
    Xuyên 91,61) and 24 generated (Long Biên's published 12th got a generated score), so
    the rank is computed; it is the published 2nd, so it still cites the published source."""
    ranking = views.year_ranking(demo, s.INDEX_HANOI, 2023)
    assert len(ranking) == 30 and int(ranking[s.DEMO].sum()) == 24
    found = _explained(demo, "019", 2023, "m_rank")
    assert found.method == (
        "Thứ hạng tính từ 30 điểm năm 2023 (điểm cao nhất đứng thứ 1, bằng điểm thì đồng hạng)"
        "; 24 trong 30 điểm là số liệu minh họa"
    )
    assert [q.citation.id for q in found.quotes] == [DANGCONGSAN, VIETNAMPLUS]
    english = _explained(demo, "019", 2023, "m_rank", "en")
    assert english.method.startswith("Rank computed from the 30 scores of 2023")
    assert english.method.endswith("; 24 of the 30 scores are generated demo figures")


def test_a_generated_figure_says_so_and_cites_no_published_source(demo) -> None:
    """Nam Từ Liêm's 2019 score was not published: the demo layer's one is generated."""
    found = _explained(demo, "019", 2019, "m_score")
    assert found.demo
    assert [q.citation.id for q in found.quotes] == ["demo"]
    assert found.method is None  # never "as its source published it"
    lines = found.lines()
    assert lines[0].startswith("Số liệu minh họa do máy sinh ra — không phải số liệu chính thức")
    assert not any("công bố (không tính lại)" in line for line in lines)
    on_time = _explained(demo, "019", 2023, "m_on_time")  # from 237 generated dossier rows
    assert on_time.demo and on_time.method == (
        "Hồ sơ giải quyết đúng hạn tính từ 237 dòng số liệu hồ sơ năm 2023. "
        "237 dòng trong số đó là số liệu minh họa."
    )


def test_a_published_figure_quotes_its_own_row_and_says_reprint(published) -> None:
    found = _explained(published, "019", 2019, "m_on_time")
    assert found.title == "Hồ sơ giải quyết đúng hạn — Quận Nam Từ Liêm, 2019: 99,99%"
    (quote,) = found.quotes
    assert quote.excerpt == (
        "tỷ lệ hồ sơ giải quyết đúng thời hạn đạt 99,99%, trong đó có hơn 20% hồ sơ được "
        "giải quyết trước thời hạn"
    )
    assert quote.citation.text("vi").endswith("tinbong247news.net (bản đăng lại)")
    assert quote.citation.text("en").endswith("tinbong247news.net (reprint)")


def test_passages_and_numbers() -> None:
    excerpt = "A có 95,7% … B có 95.75% … C có 195.7% … D, Nam Từ Liêm"
    assert explain.passage(excerpt, [95.7]) == "A có 95,7%"
    assert explain.passage(excerpt, [12], ["Nam Tu Liem", "Nam Từ Liêm"]) == "D, Nam Từ Liêm"
    assert explain.passage(excerpt, [12]) is None  # never a passage that does not state it
    assert explain.name_needles("Quận Nam Từ Liêm") == ("Nam Từ Liêm", "Nam Tu Liem")
    assert explain.name_needles("Huyện Đan Phượng") == ("Đan Phượng", "Dan Phuong")


def test_every_row_of_a_ranking_cites_its_own_source(published) -> None:
    table = views.year_ranking(published, s.INDEX_HANOI, 2023)
    rows = {r[s.UNIT_CODE]: r for r in table.to_dict("records")}
    mine = explain.explain_row(rows["019"], published.sources, "vi")
    assert [q.citation.id for q in mine.quotes] == [DANGCONGSAN, VIETNAMPLUS]
    assert mine.quotes[1].excerpt == PASSAGE_2023
    assert mine.title == "Quận Nam Từ Liêm — 2023 — Điểm: 95,7 — thứ 2/30"
    thanh_tri = explain.explain_row(rows["020"], published.sources, "vi")
    assert [q.citation.id for q in thanh_tri.quotes] == [DANGCONGSAN]
    assert "et de Thanh Tri avec 95,21%" in thanh_tri.quotes[0].excerpt


def test_a_clicked_point_finds_its_row() -> None:
    rows = pd.DataFrame(
        {
            s.YEAR: pd.array([2018, 2019, 2019], dtype="Int64"),
            s.FIELD: ["Tư pháp", "Tư pháp", "Y tế"],
            "on_time_rate": pd.array([98.0, 99.99, 97.5], dtype="Float64"),
        }
    )
    assert rows_at_point(rows, {"x": 2019, "y": 99.99}).index.tolist() == [1]
    assert rows_at_point(rows, {"x": "Y tế", "y": 97.5}).index.tolist() == [2]
    assert rows_at_point(rows, {"x": 2030, "y": 1.0}).empty


def test_the_rank_slide_notes_hold_the_explanation(published) -> None:
    selection = select(published, "019", 2023, 2023)
    deck = Presentation(io.BytesIO(build_deck(deck_figures(published, selection), "vi")))
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    (rank_notes,) = [n for n in notes if "Xếp hạng — Quận Nam Từ Liêm, 2023: thứ 2/30" in n]
    assert "Nguồn của số liệu:" in rank_notes
    assert f"Trích dẫn: “{PASSAGE_2023}”" in rank_notes
    assert "Thứ hạng do nguồn công bố (theo thứ tự nêu trong bài, đồng hạng)" in rank_notes


def test_each_downloaded_row_has_its_explanation(published) -> None:
    table = views.year_ranking(published, s.INDEX_HANOI, 2023)
    selection = select(published, None, 2023, 2023)
    text = rows_bytes("csv", table, selection, published.sources, "vi").decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), dtype=str)
    column = "Giải thích (nguồn, trích dẫn, cách tính)"
    assert column in back.columns and back[column].notna().all()
    by_unit = dict(zip(back["Mã đơn vị"], back[column], strict=True))
    assert PASSAGE_2023 in by_unit["019"] and "en.vietnamplus.vn" in by_unit["019"]
    assert "95,21%" in by_unit["020"] and "vietnamplus" not in by_unit["020"]
    book = openpyxl.load_workbook(
        io.BytesIO(rows_bytes("xlsx", table, selection, published.sources, "en"))
    )
    sheet = book.worksheets[0]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert header[-1] == "Explanation (source, quote, method)"
    cells = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(cells) == len(table) and all(cells)


def test_an_imported_figure_names_the_file_and_who_imported_it(tmp_path: Path) -> None:
    """Long Biên's 2024 score (published 95,39) replaced by an office's file, then rolled back."""
    folder = copy_data(tmp_path / "data")
    assert import_bytes(score_file("97,25"), "diem_2024.xlsx", str(folder), "Chị Lan").ok
    dataset = load_dataset(folder)
    imports = import_history(dataset)
    assert set(imports) == {("par_scores", "004", 2024)}
    found = _explained(dataset, "004", 2024, "m_score", imports=imports)
    assert found.title == "Điểm CCHC — Quận Long Biên, 2024: 97,25%"
    assert found.method == "Số liệu do cơ quan nhập từ tệp (không tính lại)."
    (line,) = found.imports
    assert line.startswith("Nhập bởi Chị Lan từ tệp diem_2024.xlsx lúc ")
    assert line.endswith("(giờ Việt Nam).")
    # the template's example source does not state 97,25: no passage is quoted as if it did
    assert all(q.excerpt is None for q in found.quotes)
    english = _explained(dataset, "004", 2024, "m_score", "en", imports)
    assert english.imports[0].startswith("Imported by Chị Lan from the file diem_2024.xlsx on ")
    row = views.year_ranking(dataset, s.INDEX_HANOI, 2024)
    row = row[row[s.UNIT_CODE] == "004"].iloc[0].to_dict()
    assert "diem_2024.xlsx" in explain.explain_row(row, dataset.sources, "vi", imports).text()
    assert rollback(str(folder), "Chị Lan").ok  # the import undone: the figure is published again
    assert import_history(load_dataset(folder)) == {}
