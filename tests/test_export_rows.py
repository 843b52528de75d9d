"""The dashboard's downloads of the rows behind one chart (indicators.export.rows_bytes): CSV
with a BOM and headers in the language, XLSX with the "Dữ liệu", "Nguồn" and "Bộ lọc" sheets,
Parquet with types and lists kept; the unit and years they cover; readable file names."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pandas as pd
import pytest

from indicators import export as ex
from indicators import schema as s
from indicators import sources, views
from indicators.dataset import Dataset, load_dataset
from indicators.selection import Selection

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

EXPORTED = date(2025, 11, 28)
BOM = b"\xef\xbb\xbf"
NTL = {"unit_code": "019", "unit_name": "Quận Nam Từ Liêm", "year": 2019, "source": "data"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(demo=True)


@pytest.fixture(scope="module")
def view_frames(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """Every kind of frame a footer or the data page downloads."""
    history = views.index_history(dataset, s.INDEX_HANOI)
    years = (2016, 2019)
    frames = {
        "index_history": history,
        "year_ranking": views.year_ranking(dataset, s.INDEX_HANOI, 2019),
        "best_average": views.best_average(views.years_between(history, *years), "019"),
        "headline_rows": views.headline_rows(views.headline(dataset, "019", 2019), "vi"),
        "headline_rows_en": views.headline_rows(views.headline(dataset, "019", 2019), "en"),
        "shortened_fields": views.shortened_fields(dataset, "019", 2019),
        "shortened_days": views.shortened_days(dataset, "019", 2019),
    }
    for name in ("levels_frame", "share_frame", "timeliness_frame", "on_time_trend"):
        frames[name] = getattr(views, name)(dataset, "019", years)
    for table in views.DATA_TABLES:
        frames[f"data_{table}"] = views.data_table(dataset, table, s.INDEX_HANOI, years)
    return frames


@pytest.fixture(scope="module")
def levels(view_frames) -> pd.DataFrame:
    return view_frames["levels_frame"]


def test_every_view_column_has_a_header_in_both_languages(view_frames) -> None:
    for name, frame in view_frames.items():
        for lang in ex.LANGS:
            headers = ex.headers(frame.columns, lang)
            unnamed = [c for c, h in zip(frame.columns, headers, strict=True) if h == c]
            # only the headline's two columns that are already words keep their name
            assert set(unnamed) <= {"Chỉ tiêu", "Giá trị", "Indicator", "Value"}, (name, lang)
            assert len(set(headers)) == len(headers), f"duplicate headers in {name} ({lang})"


def test_the_headline_rows_value_columns_get_distinct_headers(view_frames) -> None:
    rows = view_frames["headline_rows"]
    assert ex.headers(rows.columns, "vi")[2:5] == ["Chỉ tiêu", "Giá trị", "Giá trị (số)"]
    english = view_frames["headline_rows_en"]
    assert ex.headers(english.columns, "en")[2:5] == ["Indicator", "Value", "Value (number)"]
    assert ex.headers(["score", "score"], "vi") == ["Điểm", "Điểm (score)"]


def test_a_column_without_a_header_keeps_its_name() -> None:
    assert ex.header("whatever", "vi") == "whatever"
    assert ex.header("on_time_rate", "vi") == "Tỷ lệ đúng hạn (%)"
    with pytest.raises(ValueError):
        ex.header("year", "fr")


# --- what the rows cover ------------------------------------------------------------------------


def test_rows_of_every_unit_cover_every_unit(view_frames) -> None:
    sel = ex.rows_selection(view_frames["year_ranking"], **NTL)
    assert (sel.unit_code, sel.unit_name, sel.year_from, sel.year_to) == (None, None, 2019, 2019)
    assert ex.rows_stem("city-scores", sel) == "diem-cchc-2019"  # "điểm CCHC", in the file name
    assert ex.rows_stem("city-scores", sel, "en") == "par-scores-2019"


def test_rows_without_a_unit_column_are_the_dashboards_unit(levels) -> None:
    sel = ex.rows_selection(levels, **NTL)
    assert (sel.unit_code, sel.unit_name, sel.year_from, sel.year_to) == (
        "019",
        "Quận Nam Từ Liêm",
        2016,
        2019,
    )
    assert ex.rows_stem("unit-levels", sel) == "thu-tuc-theo-muc-do-nam-tu-liem-2016-2019"
    # a map of any indicator is a map; a key without words of its own keeps the key
    assert ex.rows_stem("map-par_score", sel) == "ban-do-nam-tu-liem-2016-2019"
    assert ex.rows_stem("no-words", sel) == "no-words-nam-tu-liem-2016-2019"


def test_rows_of_one_other_unit_name_it(view_frames) -> None:
    ranking = view_frames["year_ranking"]
    one = ranking[ranking[s.UNIT_CODE] == "006"]
    sel = ex.rows_selection(one, **NTL)
    assert (sel.unit_code, sel.unit_name) == ("006", "Quận Đống Đa")


def test_rows_without_a_year_are_the_dashboards_year(view_frames) -> None:
    sel = ex.rows_selection(view_frames["shortened_fields"], **{**NTL, "year": 2018})
    assert (sel.unit_code, sel.year_from, sel.year_to) == ("019", 2018, 2018)


# --- CSV ------------------------------------------------------------------------------------------


def _selection(rows: pd.DataFrame) -> Selection:
    return ex.rows_selection(rows, **NTL)


def test_csv_has_a_bom_headers_in_the_language_and_joined_lists(dataset, levels) -> None:
    data = ex.rows_bytes("csv", levels, _selection(levels), dataset.sources, "vi", EXPORTED)
    assert data.startswith(BOM)
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert list(back.columns) == [ex.header(c, "vi") for c in _in_file(levels.columns)]
    assert back.columns[0] == "Năm" and "Số thủ tục" in back.columns
    assert len(back) == len(levels)
    assert "demo" in set(back["Mã nguồn"])  # ('demo',) written as text
    english = ex.rows_bytes("csv", levels, _selection(levels), dataset.sources, "en")
    assert english.decode("utf-8-sig").startswith("Year,")


def test_csv_keeps_vietnamese_numbers_machine_readable(dataset, view_frames) -> None:
    rows = view_frames["timeliness_frame"]
    text = ex.rows_bytes("csv", rows, _selection(rows), dataset.sources).decode("utf-8-sig")
    assert "Tỷ lệ đúng hạn (%)" in text.splitlines()[0]
    assert "98.07" in text  # a decimal point: the CSV is for machines, the XLSX for reading


def test_csv_guards_formulas(dataset) -> None:
    rows = pd.DataFrame({"field": ["=1+1", "Tư pháp"], "procedures": [1, -2]})
    text = ex.rows_bytes("csv", rows, _selection(rows), dataset.sources).decode("utf-8-sig")
    assert "'=1+1" in text and ",-2" in text


def _in_file(columns) -> list[str]:
    """The columns of a file: a coded column, then its codes; each row's explanation last."""
    coded = [x for c in columns for x in ([c, f"{c}_code"] if c in ex.VALUE_KEYS else [c])]
    return [*coded, "explanation"]


def test_a_vietnamese_file_reads_in_words_and_keeps_the_codes_beside_them(dataset) -> None:
    """The cells a person reads say "Cấp huyện", "Toàn trình", "Chỉ số CCHC của Hà Nội…",
    never "district", "full", "hanoi_par"; the codes sit in a "(mã)" column for filters and
    scripts; a change computed by subtraction (95.39 - 94.34 = 1.0499999999999972) reads 1.05."""
    rows = pd.DataFrame(
        {
            s.INDEX_ID: ["hanoi_par"],
            s.LEVEL: ["district"],
            s.ONLINE_LEVEL: ["full"],
            "score_change": [95.39 - 94.34],
        }
    )
    assert rows["score_change"].iloc[0] != 1.05  # the float noise is real
    data = ex.rows_bytes("xlsx", rows, _selection(rows), dataset.sources, "vi", EXPORTED)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Dữ liệu"]
    header, first = (list(r) for r in sheet.iter_rows(max_row=2, values_only=True))
    cells = dict(zip(header, first, strict=True))
    assert cells["Cấp"] == "Cấp huyện" and cells["Cấp (mã)"] == "district"
    assert cells["Mức độ trực tuyến"] == "Toàn trình" and cells["Mức độ trực tuyến (mã)"] == "full"
    assert cells["Chỉ số"] == "Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)"
    assert cells["Chỉ số (mã)"] == "hanoi_par"
    assert [v for v in cells.values() if isinstance(v, float)] == [1.05]
    text = ex.rows_bytes("csv", rows, _selection(rows), dataset.sources, "vi").decode("utf-8-sig")
    assert (
        text.splitlines()[1]
        == '"Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)",hanoi_par,Cấp huyện,district,Toàn trình,full,1.05,'
        "Dòng số liệu | Không có nguồn nào được ghi."
    )
    parquet = pd.read_parquet(
        io.BytesIO(ex.rows_bytes("parquet", rows, _selection(rows), dataset.sources))
    )
    assert parquet[s.LEVEL].tolist() == ["district"]  # a Parquet file is for machines: codes


# --- XLSX -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def levels_xlsx(dataset, levels) -> openpyxl.Workbook:
    extra = [("Bộ chỉ số", "Chỉ số CCHC Hà Nội"), ("Biểu đồ", "Số thủ tục theo mức độ")]
    data = ex.rows_bytes("xlsx", levels, _selection(levels), dataset.sources, "vi", EXPORTED, extra)
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_has_the_rows_the_sources_and_the_filters(levels_xlsx, levels) -> None:
    assert levels_xlsx.sheetnames == ["Dữ liệu", "Nguồn", "Bộ lọc"]
    rows = list(levels_xlsx["Dữ liệu"].iter_rows(values_only=True))
    assert list(rows[0]) == [ex.header(c, "vi") for c in _in_file(levels.columns)]
    assert len(rows) == len(levels) + 1
    assert all(isinstance(r[0], int) for r in rows[1:])  # years are numbers


def test_xlsx_sources_are_the_cited_ones(levels_xlsx, levels) -> None:
    cited = list(sources.ids_of(levels))
    ids = [r[0] for r in levels_xlsx["Nguồn"].iter_rows(min_row=2, values_only=True)]
    assert ids == cited and "demo" in ids


def test_xlsx_filters_sheet_says_what_was_exported(levels_xlsx, levels) -> None:
    values = dict(levels_xlsx["Bộ lọc"].iter_rows(min_row=2, values_only=True))
    assert values["Đơn vị"] == "019 Quận Nam Từ Liêm"
    assert (values["Từ năm"], values["Đến năm"]) == ("2016", "2019")
    assert values["Bộ chỉ số"] == "Chỉ số CCHC Hà Nội"
    assert values["Biểu đồ"] == "Số thủ tục theo mức độ"
    assert values["Ngày xuất"] == "28/11/2025"
    assert values["Số dòng: Dữ liệu"] == str(len(levels))


def test_xlsx_in_english(dataset, levels) -> None:
    data = ex.rows_bytes("xlsx", levels, _selection(levels), dataset.sources, "en", EXPORTED)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Data", "Sources", "Filters"]


# --- Parquet --------------------------------------------------------------------------------------


def test_parquet_keeps_names_types_and_lists(dataset, levels) -> None:
    data = ex.rows_bytes("parquet", levels, _selection(levels), dataset.sources)
    back = pd.read_parquet(io.BytesIO(data))
    assert list(back.columns) == list(levels.columns)
    assert back["year"].tolist() == levels["year"].astype(int).tolist()
    assert back["procedures"].sum() == levels["procedures"].sum()
    assert list(back["source_ids"].iloc[0]) == list(levels["source_ids"].iloc[0])


def test_every_view_can_be_written_in_every_format(dataset, view_frames) -> None:
    for name, rows in view_frames.items():
        for fmt in ex.ROW_FORMATS:
            data = ex.rows_bytes(fmt, rows, _selection(rows), dataset.sources, "vi", EXPORTED)
            assert data, (name, fmt)


def test_unknown_format_or_language_is_refused(dataset, levels) -> None:
    with pytest.raises(ValueError):
        ex.rows_bytes("ods", levels, _selection(levels), dataset.sources)
    with pytest.raises(ValueError):
        ex.rows_bytes("csv", levels, _selection(levels), dataset.sources, "fr")
    assert set(ex.ROW_MEDIA_TYPES) == set(ex.ROW_FORMATS)


def test_the_rows_on_screen_read_the_languages_way() -> None:
    """Under a chart the rows are read, not computed with: 99.3387 would read as ninety-nine
    thousand in Vietnamese; years and ranks stay plain, changes carry their sign."""
    rows = pd.DataFrame(
        {
            s.YEAR: pd.array([2015, 2016], dtype="Int64"),
            s.RECEIVED: pd.array([14267, None], dtype="Int64"),
            "on_time_rate": pd.array([99.3387, 98.0], dtype="Float64"),
            "rank_change": pd.array([3, -1], dtype="Int64"),
            s.DEMO: pd.array([True, False], dtype="boolean"),
            "source_ids": [("demo", "pub"), ("demo",)],
        }
    )
    vi = ex.rows_for_reading(rows, "vi")
    assert list(vi.columns[:3]) == ["Năm", "Hồ sơ tiếp nhận", "Tỷ lệ đúng hạn (%)"]
    assert vi.iloc[0, :5].tolist() == ["2015", "14.267", "99,34", "+3", True]
    assert vi.iloc[1, :4].tolist() == ["2016", "–", "98,00", "-1"]  # missing is not 0
    assert vi["Mã nguồn"].tolist() == ["demo; pub", "demo"]
    en = ex.rows_for_reading(rows, "en")
    assert en.iloc[0, :4].tolist() == ["2015", "14,267", "99.34", "+3"]
    assert rows["on_time_rate"].iloc[0] == 99.3387  # the input is left as it was


def test_rows_for_reading_puts_coded_values_in_words():
    """A reader sees "Cấp huyện" and "Toàn trình", not the codes "district" and "full"; the
    download keeps the codes (they are what scripts filter on)."""
    rows = pd.DataFrame(
        {
            s.LEVEL: ["district", "commune"],
            s.ONLINE_LEVEL: ["4", "full"],
            "era": ["levels", "forms"],
            "series": ["unit", "city"],
            s.INDEX_ID: ["hanoi_par", "national_par"],
            s.COMPONENT: ["total", "not-a-code"],
        }
    )
    vi = ex.rows_for_reading(rows, "vi")
    assert vi.iloc[0].tolist() == [
        "Cấp huyện",
        "Mức độ 4",
        "Mức độ 1–4 (đến 2022)",
        "Đơn vị đã chọn",
        "Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)",
        "Tổng điểm",
    ]
    assert vi.iloc[1].tolist()[:4] == [
        "Cấp xã",
        "Toàn trình",
        "Toàn trình / một phần (NĐ 42/2022)",
        "Toàn thành phố (các quận, huyện)",
    ]
    assert vi.iloc[1, 5] == "not-a-code"  # an unknown value is shown as it is
    en = ex.rows_for_reading(rows, "en")
    assert en.iloc[1, :2].tolist() == ["Commune level", "Full online"]
    assert rows[s.LEVEL].tolist() == ["district", "commune"]  # the input keeps its codes
    unknown = pd.DataFrame({s.ONLINE_LEVEL: pd.array(["full", None], dtype="string")})
    assert ex.rows_for_reading(unknown, "vi").iloc[:, 0].tolist() == ["Toàn trình", "–"]


def test_every_published_rank_basis_reads_in_words(dataset):
    """How a published rank was read from its source (rank_basis: 'explicit',
    'order_in_text_tie', …) is shown in words in both languages, for every code the bundled
    scores carry; the download keeps the code."""
    codes = sorted(dataset.par_scores[s.RANK_BASIS].dropna().unique())
    assert "order_in_text_tie" in codes and "explicit_previous_year" in codes
    rows = pd.DataFrame({s.RANK_BASIS: codes})
    for lang in ("vi", "en"):
        shown = ex.rows_for_reading(rows, lang).iloc[:, 0].tolist()
        assert not set(shown) & set(codes), shown
    vi = ex.rows_for_reading(pd.DataFrame({s.RANK_BASIS: ["order_in_text_tie"]}), "vi")
    assert vi.iloc[0, 0] == "Theo thứ tự nêu trong bài, đồng hạng"


def test_headline_numbers_are_written_as_counted(view_frames) -> None:
    """The headline table's number columns mix counts, ranks and percentages: a count reads
    "166" and a rank "2" (not "166,00"), a percentage keeps its decimals (Nam Từ Liêm, 2019)."""
    shown = ex.rows_for_reading(view_frames["headline_rows"], "vi")
    by_metric = shown.set_index("Chỉ tiêu")
    assert re.fullmatch(r"\d+", by_metric.loc["Xếp hạng", "Giá trị (số)"])  # no "2,00"
    assert re.fullmatch(r"\d+", by_metric.loc["Thủ tục mức độ 3", "Giá trị (số)"])
    assert by_metric.loc["Nộp trực tuyến (mức độ 3)", "Giá trị (số)"] == "98,67"
