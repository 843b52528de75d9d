"""Downloads of the filtered data: every file is read back and compared with the filtered frames.

The helpers `read_csv_bytes`, `read_sheet`, `read_zip` and `assert_same_tables` are shared with
tests/test_cli_export.py.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter
from support.frames import frame, units

from indicators import export as ex
from indicators import schema as s
from indicators import sources
from indicators.dataset import Dataset, load_dataset
from indicators.selection import SelectionError, display_source, select
from indicators.settings import BUNDLED_DATA
from indicators.units import UnitNotFound

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

EXPORTED = date(2025, 11, 28)
NTL = ("019", 2016, 2019)
BOM = b"\xef\xbb\xbf"


# --- helpers (also used by test_cli_export.py) ------------------------------------------------


def _with_codes(columns) -> list[str]:
    """The columns of a file: each coded column followed by its codes (`<column>_code`)."""
    return [x for c in columns for x in ([c, f"{c}_code"] if c in ex.VALUE_KEYS else [c])]


def _to_columns(headers: list[str], table: str, lang: str) -> list[str]:
    by_header = {ex.header(c, lang): c for c in _with_codes(ex.COLUMNS[table])}
    return [by_header[h] for h in headers]


def _codes_back(back: pd.DataFrame) -> pd.DataFrame:
    """A coded column read back from its codes (the file shows it in words, codes beside)."""
    for column in [c for c in back.columns if c in ex.VALUE_KEYS]:
        back[column] = back.pop(f"{column}_code")
    return back


def read_csv_bytes(data: bytes, expected: pd.DataFrame, table: str, lang: str) -> pd.DataFrame:
    """A CSV export parsed with the dtypes of `expected`, columns renamed to schema names."""
    assert data.startswith(BOM), "the CSV must start with a UTF-8 byte-order mark"
    dtypes = {}
    for column in expected.columns:
        for name in _with_codes([column]):
            dtypes[ex.header(name, lang)] = expected[column].dtype
    back = pd.read_csv(
        io.BytesIO(data), encoding="utf-8-sig", dtype=dtypes, keep_default_na=False, na_values=[""]
    )
    back.columns = _to_columns(list(back.columns), table, lang)
    return _codes_back(back)


def read_sheet(
    workbook: openpyxl.Workbook, table: str, lang: str, expected: pd.DataFrame
) -> pd.DataFrame:
    """A sheet read back as a frame with the dtypes of `expected`."""
    rows = list(workbook[ex.sheet_name(table, lang)].iter_rows(values_only=True))
    columns = _to_columns(list(rows[0]), table, lang)
    back = _codes_back(pd.DataFrame(rows[1:], columns=columns, dtype=object))
    if not len(back):
        return expected.iloc[0:0]
    return back.astype({c: expected[c].dtype for c in back.columns})


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def assert_same_tables(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    assert list(got) == list(expected)
    for name, frame_ in expected.items():
        pd.testing.assert_frame_equal(
            got[name].reset_index(drop=True), frame_.reset_index(drop=True), obj=name
        )


def tables_from_xlsx(
    data: bytes, expected: dict[str, pd.DataFrame], lang: str
) -> dict[str, pd.DataFrame]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {name: read_sheet(book, name, lang, f) for name, f in expected.items()}


def tables_from_csv_zip(
    data: bytes, expected: dict[str, pd.DataFrame], lang: str
) -> dict[str, pd.DataFrame]:
    members = read_zip(data)
    return {
        name: read_csv_bytes(members[f"{name}.csv"], f, name, lang) for name, f in expected.items()
    }


def tables_from_parquet_zip(
    data: bytes, expected: dict[str, pd.DataFrame]
) -> dict[str, pd.DataFrame]:
    members = read_zip(data)
    return {name: pd.read_parquet(io.BytesIO(members[f"{name}.parquet"])) for name in expected}


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(demo=True)


@pytest.fixture(scope="module")
def ntl(dataset: Dataset) -> dict[str, pd.DataFrame]:
    return ex.filtered_tables(dataset, *NTL)


@pytest.fixture(scope="module")
def ntl_selection(dataset: Dataset):
    return select(dataset, *NTL)


# --- selecting ----------------------------------------------------------------------------------


def test_every_column_of_every_table_has_both_headers():
    for table, columns in ex.COLUMNS.items():
        for lang in ex.LANGS:
            headers = [ex.header(c, lang) for c in columns]
            assert all(headers), (table, lang)
            assert len(set(headers)) == len(headers), f"duplicate headers in {table} ({lang})"
    assert ex.header(s.SCORE, "vi") == "Điểm" and ex.header(s.SCORE, "en") == "Score"


def test_ntl_scores_have_names_and_computed_ranks(ntl):
    scores = ntl[ex.PAR_SCORES]
    assert list(scores.columns) == list(ex.COLUMNS[ex.PAR_SCORES])
    assert scores[s.YEAR].tolist() == [2016, 2017, 2018, 2019]
    assert set(scores[ex.UNIT_NAME]) == {"Quận Nam Từ Liêm"}
    assert scores["rank"].tolist()[1:3] == [1, 1]  # 2017 and 2018: published (seed article)
    assert scores["units_ranked"].tolist() == [30] * 4
    assert scores["rank_change"].tolist()[2] == 0
    assert s.DEMO in scores and scores[s.DEMO].any()  # 2016 and 2019 are generated


def test_ntl_catalogue_and_dossiers_are_only_the_unit_and_years(ntl, dataset):
    for name in (ex.PROCEDURES, ex.DOSSIER_STATS):
        table = ntl[name]
        assert set(table[s.UNIT_CODE]) == {"019"}
        assert table[s.YEAR].between(2016, 2019).all()
        raw = dataset.table(name)
        in_range = raw[(raw[s.UNIT_CODE] == "019") & raw[s.YEAR].between(2016, 2019)]
        assert len(table) == len(in_range)
    level3_2018 = ntl[ex.PROCEDURES].query("year == 2018 and online_level == '3'")
    assert len(level3_2018) == 161


def test_sources_are_exactly_the_cited_ones(ntl):
    cited = set()
    for name in (ex.PAR_SCORES, ex.PROCEDURES, ex.DOSSIER_STATS):
        cited |= set(sources.ids_of(ntl[name]))
    assert set(ntl[ex.SOURCES][s.ID]) == cited
    assert {"demo", "nam-tu-liem-2020"} <= cited
    assert list(ntl[ex.SOURCES].columns) == list(sources.TABLE_COLUMNS)
    article = ntl[ex.SOURCES].set_index(s.ID).loc["nam-tu-liem-2020"]
    assert (
        article["citation"]
        == "UBND quận Nam Từ Liêm, 2017–2019 — tinbong247news.net (bản đăng lại)"
    )
    assert bool(article["reprint"])


def test_all_units_of_one_year(dataset):
    tables = ex.filtered_tables(dataset, None, 2018, 2018)
    scores = tables[ex.PAR_SCORES]
    assert set(scores[s.YEAR]) == {2018}
    assert scores[s.UNIT_CODE].nunique() > 30  # Hanoi's districts and the provinces
    assert scores["rank"].notna().all()
    hanoi = scores[scores[s.INDEX_ID] == s.INDEX_HANOI]
    assert sorted(hanoi["rank"].dropna())[:1] == [1] and hanoi["units_ranked"].eq(30).all()


def test_unit_by_name_and_bad_filters(dataset):
    by_name = ex.filtered_tables(dataset, "nam tu liem", 2018, 2018)
    assert set(by_name[ex.PAR_SCORES][s.UNIT_CODE]) == {"019"}
    with pytest.raises(SelectionError, match="2019"):
        ex.filtered_tables(dataset, "019", 2019, 2016)
    with pytest.raises(UnitNotFound):
        ex.filtered_tables(dataset, "Quận Không Có", 2018, 2018)


def test_a_selection_without_rows_gives_empty_tables_with_headers(dataset):
    selection = select(dataset, "019", 1995, 1996)
    tables = ex.select_tables(dataset, selection)
    assert all(t.empty for t in tables.values())
    csv = ex.to_csv(tables[ex.PAR_SCORES], "vi").decode("utf-8-sig")
    header = ["Chỉ số", "Chỉ số (mã)", "Mã đơn vị", "Tên đơn vị"]  # words, then their codes
    assert csv.splitlines()[0].split(",")[:4] == header
    book = openpyxl.load_workbook(io.BytesIO(ex.to_xlsx(tables, selection, "vi", EXPORTED)))
    assert book[ex.sheet_name(ex.PROCEDURES, "vi")].max_row == 1


# --- CSV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ex.LANGS)
def test_csv_zip_reads_back_equal(ntl, ntl_selection, lang):
    data = ex.to_csv_zip(ntl, ntl_selection, lang, EXPORTED)
    members = read_zip(data)
    assert sorted(members) == sorted(f"{n}.csv" for n in [*ex.TABLES, ex.FILTERS])
    assert all(m.startswith(BOM) for m in members.values())
    assert_same_tables(tables_from_csv_zip(data, ntl, lang), ntl)
    first_line = members["par_scores.csv"].decode("utf-8-sig").splitlines()[0]
    expected = "Điểm" if lang == "vi" else "Score"
    assert expected in first_line.split(",")


def test_csv_keeps_vietnamese_and_demo(ntl):
    text = ex.to_csv(ntl[ex.PROCEDURES], "vi").decode("utf-8-sig")
    assert "Quận Nam Từ Liêm" in text and unicodedata.is_normalized("NFC", text)
    assert "Dữ liệu minh họa" in text.splitlines()[0]


# --- XLSX ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ntl_xlsx(ntl, ntl_selection) -> bytes:
    return ex.to_xlsx(ntl, ntl_selection, "vi", EXPORTED)


def test_xlsx_reads_back_equal(ntl, ntl_xlsx):
    assert_same_tables(tables_from_xlsx(ntl_xlsx, ntl, "vi"), ntl)


def test_xlsx_sheets_headers_and_number_formats(ntl_xlsx):
    book = openpyxl.load_workbook(io.BytesIO(ntl_xlsx))
    assert book.sheetnames == ["Điểm CCHC", "Thủ tục", "Hồ sơ", "Nguồn", "Bộ lọc"]
    sheet = book["Điểm CCHC"]
    header = {c.value: c for c in sheet[1]}
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    score = sheet.cell(row=2, column=list(header).index("Điểm") + 1)
    assert score.data_type == "n" and score.number_format == "0.00"
    year = sheet.cell(row=2, column=list(header).index("Năm") + 1)
    assert isinstance(year.value, int) and year.number_format == "0"
    name = get_column_letter(list(header).index("Tên đơn vị") + 1)
    assert sheet.column_dimensions[name].width >= len("Quận Nam Từ Liêm")
    dossiers = book["Hồ sơ"]
    received = [c.value for c in dossiers[1]].index("Hồ sơ tiếp nhận") + 1
    assert dossiers.cell(row=2, column=received).number_format == "#,##0"
    demo = [c.value for c in dossiers[1]].index("Dữ liệu minh họa") + 1
    assert dossiers.cell(row=2, column=demo).value is True


def test_xlsx_sources_sheet_links(ntl_xlsx):
    sheet = openpyxl.load_workbook(io.BytesIO(ntl_xlsx))["Nguồn"]
    rows = list(sheet.iter_rows(min_row=2))
    ids = [r[0].value for r in rows]
    assert "demo" in ids and "nam-tu-liem-2020" in ids
    article = rows[ids.index("nam-tu-liem-2020")]
    url = list(sources.TABLE_COLUMNS).index("url")
    assert article[url].hyperlink is not None
    assert article[url].hyperlink.target == article[url].value
    assert article[url].value.startswith("https://")
    assert article[1].value.startswith("UBND quận Nam Từ Liêm, 2017–2019")


def test_xlsx_filters_sheet(ntl_xlsx):
    sheet = openpyxl.load_workbook(io.BytesIO(ntl_xlsx))["Bộ lọc"]
    values = dict(sheet.iter_rows(min_row=2, values_only=True))
    assert values["Đơn vị"] == "019 Quận Nam Từ Liêm"
    assert (values["Từ năm"], values["Đến năm"]) == ("2016", "2019")
    assert values["Ngôn ngữ"] == "vi"
    assert values["Ngày xuất"] == "28/11/2025"
    assert values["Nguồn dữ liệu"] == "Bộ dữ liệu đi kèm dashboard"  # never the server's path
    assert not any(str(BUNDLED_DATA) in str(v) for v in values.values())
    assert values["Số dòng: Thủ tục"] == "948"


def test_xlsx_in_english(ntl, ntl_selection):
    data = ex.to_xlsx(ntl, ntl_selection, "en", EXPORTED)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["PAR scores", "Procedures", "Dossiers", "Sources", "Filters"]
    assert (
        dict(book["Filters"].iter_rows(min_row=2, values_only=True))["Exported on"] == "2025-11-28"
    )
    assert_same_tables(tables_from_xlsx(data, ntl, "en"), ntl)


# --- Parquet ------------------------------------------------------------------------------------


def test_parquet_zip_reads_back_equal_with_types(ntl, ntl_selection):
    data = ex.to_parquet_zip(ntl, ntl_selection, "vi", EXPORTED)
    assert sorted(read_zip(data)) == sorted(f"{n}.parquet" for n in [*ex.TABLES, ex.FILTERS])
    assert_same_tables(tables_from_parquet_zip(data, ntl), ntl)
    filters = pd.read_parquet(io.BytesIO(read_zip(data)["filters.parquet"]))
    assert "019 Quận Nam Từ Liêm" in filters[ex.VALUE].tolist()


def test_export_bytes_dispatch_and_names(ntl, ntl_selection):
    assert ex.export_bytes("xlsx", ntl, ntl_selection, "vi", EXPORTED)[:2] == b"PK"
    with pytest.raises(ValueError):
        ex.export_bytes("ods", ntl, ntl_selection)
    with pytest.raises(ValueError):
        ex.export_bytes("csv", ntl, ntl_selection, "fr")
    assert ex.export_filename("xlsx", ntl_selection) == "du-lieu-cchc-nam-tu-liem-2016-2019.xlsx"
    assert (
        ex.export_filename("csv", ntl_selection, "en") == "par-data-nam-tu-liem-2016-2019.csv.zip"
    )


def test_display_source_hides_a_password():
    shown = display_source("postgresql+psycopg://par:s3cret@db.example/par")
    assert "s3cret" not in shown and "db.example/par" in shown
    assert display_source("/srv/data") == "/srv/data"


# --- formula injection ----------------------------------------------------------------------------

EVIL = '=HYPERLINK("http://evil.example","bấm vào đây")'


@pytest.fixture(scope="module")
def evil() -> tuple[dict[str, pd.DataFrame], object]:
    """Two units, one named like a formula, ranked in two years (one moves down: change -1)."""
    unit_rows = [
        {"code": "001", "name_vi": EVIL, "level": "district", "valid_from": "2008-08-01"},
        {"code": "002", "name_vi": "Quận Hai", "level": "district", "valid_from": "2008-08-01"},
    ]
    scores = [
        {"unit_code": "001", "year": 2020, "score": 90.0, "note": "-3 bậc"},
        {"unit_code": "002", "year": 2020, "score": 80.0, "note": "+1 @bình thường"},
        {"unit_code": "001", "year": 2021, "score": 70.0, "note": "\tthụt lề"},
        {"unit_code": "002", "year": 2021, "score": 85.5, "note": "\rdòng"},
    ]
    data = Dataset(
        source="test",
        units=units(unit_rows, source_id="test"),
        unit_successions=frame("unit_successions", []),
        sources=frame("sources", [{"id": "test", "title": "@nguồn thử", "kind": "published"}]),
        par_scores=frame("par_scores", scores, index_id=s.INDEX_HANOI),
        procedures=frame("procedures", []),
        dossier_stats=frame("dossier_stats", []),
    )
    selection = select(data, None, 2020, 2021)
    return ex.select_tables(data, selection), selection


def test_guard_text():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert ex.guard_text(text) == "'" + text
    assert ex.guard_text("Quận 1") == "Quận 1"
    assert ex.guard_text("") == ""


def test_csv_never_starts_a_cell_with_a_formula(evil):
    tables, _ = evil
    scores = tables[ex.PAR_SCORES]
    back = read_csv_bytes(ex.to_csv(scores, "vi"), scores, ex.PAR_SCORES, "vi")
    assert back[ex.UNIT_NAME].tolist().count("'" + EVIL) == 2
    assert set(back[s.NOTE]) == {"'-3 bậc", "'+1 @bình thường", "'\tthụt lề", "'\rdòng"}
    # numbers stay numbers: a negative rank change is written as -1, not as text
    assert back["rank_change"].dropna().tolist() == [-1, 1]
    raw = ex.to_csv(scores, "vi").decode("utf-8-sig")
    assert ",-1," in raw and "'-1" not in raw
    sources = ex.to_csv(tables[ex.SOURCES], "vi").decode("utf-8-sig")
    assert "'@nguồn thử" in sources


def test_xlsx_never_holds_a_formula(evil):
    tables, selection = evil
    book = openpyxl.load_workbook(io.BytesIO(ex.to_xlsx(tables, selection, "vi", EXPORTED)))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [c for c in cells if isinstance(c.value, str) and EVIL in c.value]
    assert names and all(c.value == "'" + EVIL and c.data_type == "s" for c in names)
    sheet = book["Điểm CCHC"]
    change = [c.value for c in sheet[1]].index(ex.header("rank_change", "vi")) + 1
    values = [sheet.cell(row=r, column=change) for r in range(2, sheet.max_row + 1)]
    assert [c.value for c in values if c.value is not None] == [-1, 1]
    assert all(c.data_type == "n" for c in values if c.value is not None)


def test_a_download_names_its_source_in_words_never_a_path_or_address():
    from indicators.selection import source_words

    url = "postgresql+psycopg://cchc:secret@db.internal:5432/par"
    assert source_words(url, "vi") == "Cơ sở dữ liệu PostgreSQL của đơn vị"
    assert source_words(url, "en") == "The office's PostgreSQL database"
    assert source_words("/srv/so-noi-vu/du-lieu", "vi") == "Thư mục dữ liệu của đơn vị"
    assert source_words(str(BUNDLED_DATA), "en") == "The dashboard's bundled dataset"
