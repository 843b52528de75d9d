"""Budgets before work (issue 19, item 4): a file is read within limits of rows, cells and
time, checked while it is read, and every part of an .xlsx is searched, whole and in any
encoding, for a DOCTYPE or ENTITY before any XML parser sees it.

The tests go through `read_upload` (what validate, import and /data call) with small limits;
internals are reached through their modules, so the file also runs against older code."""

from __future__ import annotations

import csv
import io
import random
import time
import zipfile

import openpyxl
import pytest

from indicators import settings
from indicators.importing import reading, sniff
from indicators.importing.errors import FileRefused
from indicators.importing.reading import read_upload

HEADER = ["Mã đơn vị", "Năm", "Điểm"]


def csv_bytes(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(*sheets: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for n, rows in enumerate(sheets):
        ws = book.active if n == 0 else book.create_sheet(f"S{n + 1}")
        for r in rows:
            ws.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def data_rows(n: int) -> list[list[object]]:
    return [HEADER] + [["019", 2000 + k % 20, 90 + k % 10] for k in range(n)]


def refused(data: bytes, name: str = "f.csv") -> str:
    """The one line of the refusal of `data` (rule and both texts)."""
    with pytest.raises(FileRefused) as caught:
        read_upload(name, data)
    return "\n".join(f.line() for f in caught.value.failures)


@pytest.fixture(autouse=True)
def _no_limits_from_outside(monkeypatch):
    for name in ("PAR_MAX_ROWS", "PAR_MAX_COLUMNS", "PAR_MAX_CELLS", "PAR_READ_SECONDS"):
        monkeypatch.delenv(name, raising=False)


# --- the settings ---------------------------------------------------------------------------


def test_the_defaults_are_generous_for_real_offices():
    assert settings.max_rows() == 50_000  # a province's catalogue: a few thousand rows a year
    assert settings.max_columns() == 1000
    assert settings.max_cells() == 2_000_000
    assert settings.read_seconds() == 60


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("PAR_MAX_ROWS", "100 000", 100_000),
        ("PAR_MAX_ROWS", "100.000", 100_000),
        ("PAR_MAX_CELLS", "2,000,000", 2_000_000),
        ("PAR_MAX_COLUMNS", " 30 ", 30),
        ("PAR_READ_SECONDS", "0,5", 0.5),
        ("PAR_READ_SECONDS", "90", 90),
    ],
)
def test_limits_are_read_as_people_write_numbers(monkeypatch, name, text, value):
    monkeypatch.setenv(name, text)
    reader = {
        "PAR_MAX_ROWS": settings.max_rows,
        "PAR_MAX_COLUMNS": settings.max_columns,
        "PAR_MAX_CELLS": settings.max_cells,
        "PAR_READ_SECONDS": settings.read_seconds,
    }[name]
    assert reader() == value


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("PAR_MAX_ROWS", "0"),
        ("PAR_MAX_ROWS", "-5"),
        ("PAR_MAX_ROWS", "1,5"),
        ("PAR_MAX_ROWS", "nhiều"),
        ("PAR_MAX_CELLS", "1e9"),
        ("PAR_READ_SECONDS", "0"),
        ("PAR_READ_SECONDS", "inf"),
        ("PAR_READ_SECONDS", "nan"),
        ("PAR_READ_SECONDS", "một phút"),
    ],
)
def test_a_bad_limit_is_refused_with_a_message_naming_it(monkeypatch, name, text):
    monkeypatch.setenv(name, text)
    with pytest.raises(settings.SettingInvalid) as caught:
        (settings.read_seconds if name == "PAR_READ_SECONDS" else settings.max_rows)()
        settings.max_cells()
    assert name in caught.value.vi and name in caught.value.en
    assert "Cấu hình" in caught.value.vi and "phải là" in caught.value.vi
    # an upload under a bad setting gets the same message, not a traceback
    line = refused(csv_bytes(data_rows(3)))
    assert "(setting_invalid)" in line and name in line


# --- rows, cells, time ------------------------------------------------------------------------


def test_a_csv_is_refused_at_the_first_row_past_the_limit(monkeypatch):
    monkeypatch.setenv("PAR_MAX_ROWS", "10")
    assert len(read_upload("f.csv", csv_bytes(data_rows(9)))[0].rows) == 10
    line = refused(csv_bytes(data_rows(500)))
    assert "dòng/row 11]" in line and "(too_many_rows)" in line
    assert "hơn 10 dòng" in line and "more than 10 rows" in line and "split it" in line


def test_rows_without_data_neither_count_nor_are_kept(monkeypatch):
    monkeypatch.setenv("PAR_MAX_ROWS", "3")
    rows = [["Báo cáo"], [], HEADER, ["", "", ""], ["019", 2024, 95]] + [[]] * 50
    sheet = read_upload("f.csv", csv_bytes(rows))[0]
    assert [number for number, _ in sheet.rows] == [1, 3, 5]


def test_a_long_csv_line_is_refused_before_it_is_split_into_cells(monkeypatch):
    """Millions of cells on one line: refused from the line's separators, in bounded memory
    (the csv reader never builds the record)."""
    monkeypatch.setenv("PAR_MAX_COLUMNS", "50")
    widest = []
    real_reader = csv.reader

    def counting_reader(lines, *args, **kwargs):
        for record in real_reader(lines, *args, **kwargs):
            if not isinstance(lines, list):  # the file's records, not the separator's sample
                widest.append(len(record))
            yield record

    monkeypatch.setattr(reading.csv, "reader", counting_reader)
    data = csv_bytes([HEADER, HEADER, ["1"] * 200_000])
    line = refused(data)
    assert "dòng/row 3]" in line and "200.000 ô" in line and "200,000 cells" in line
    assert max(widest) <= 50


def test_separators_inside_quotes_do_not_count_as_cells(monkeypatch):
    monkeypatch.setenv("PAR_MAX_COLUMNS", "5")
    name = "Thủ tục " + ", ".join(str(k) for k in range(40))  # 39 commas, in quotes
    rows = read_upload("f.csv", csv_bytes([HEADER, ["019", 2024, name]]))[0].rows
    assert rows[1][1][2] == name


def test_cells_in_total_are_counted_across_rows(monkeypatch):
    monkeypatch.setenv("PAR_MAX_CELLS", "20")
    line = refused(csv_bytes(data_rows(10)))  # 3 cells a row: the 21st cell is on row 7
    assert "dòng/row 7]" in line and "(too_many_cells)" in line and "hơn 20 ô" in line


def test_a_workbook_row_past_the_limit_stops_the_read(monkeypatch):
    """The sheet is streamed: cells after the limit are never made into values, whatever
    the XML pre-count says (here switched off, as for a sheet written in UTF-16)."""
    monkeypatch.setenv("PAR_MAX_ROWS", "20")
    monkeypatch.setattr(sniff, "_row_tags", lambda data: 0, raising=False)
    made = []
    real_value = reading._cell_value
    monkeypatch.setattr(reading, "_cell_value", lambda c: made.append(1) or real_value(c))
    line = refused(xlsx_bytes(data_rows(5000)), "f.xlsx")
    assert "dòng/row 21]" in line and "(too_many_rows)" in line
    assert len(made) <= 21 * len(HEADER)


def test_rows_of_all_sheets_count_together(monkeypatch):
    monkeypatch.setenv("PAR_MAX_ROWS", "12")
    line = refused(xlsx_bytes(data_rows(7), data_rows(7)), "f.xlsx")
    assert "dòng/row 5]" in line and "trang tính 'S2'" in line and "sheet 'S2'" in line


def test_a_sheet_holding_too_many_rows_is_refused_while_it_is_unpacked(monkeypatch):
    """The sheet's XML is counted as it is unpacked (1 MB at a time), before openpyxl
    opens the workbook; a sheet without its <dimension> is not parsed whole to size it."""
    monkeypatch.setenv("PAR_MAX_ROWS", "100")
    monkeypatch.setattr(reading, "_read_xlsx", lambda *a: pytest.fail("openpyxl opened it"))
    line = refused(xlsx_bytes(data_rows(3000)), "f.xlsx")
    assert "(too_many_rows)" in line and "xl/worksheets/sheet1.xml" in line


def test_the_time_budget_is_checked_while_reading(monkeypatch):
    monkeypatch.setenv("PAR_READ_SECONDS", "0,000001")
    for data, name in ((csv_bytes(data_rows(5)), "f.csv"), (xlsx_bytes(data_rows(5)), "f.xlsx")):
        line = refused(data, name)
        assert "(too_slow)" in line and "PAR_READ_SECONDS" in line and "chia" in line


def test_openpyxl_reads_the_upload_within_the_time_budget(monkeypatch):
    """Every read openpyxl makes of the workbook's bytes checks the deadline."""
    monkeypatch.setenv("PAR_READ_SECONDS", "0.05")
    budget = reading.ReadBudget("f.xlsx")
    timed = reading._Timed(b"x" * 100, budget)
    assert timed.read(10) == b"x" * 10
    time.sleep(0.06)
    with pytest.raises(FileRefused):
        timed.read(10)


# --- the DOCTYPE / ENTITY guard ---------------------------------------------------------------

DTD = '<!DOCTYPE x [<!ENTITY a "aaaa">]>'
BODY = "<worksheet><sheetData/></worksheet>"


def with_part(name: str, content: bytes) -> bytes:
    """A small good workbook plus (or with instead) the part `name`."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(data_rows(2))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != name:
                archive.writestr(info.filename, source.read(info))
        archive.writestr(name, content)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    "content",
    [
        ('<?xml version="1.0"?><!--' + "x" * 5000 + "-->" + DTD + BODY).encode(),
        ('<?xml version="1.0"?><!--' + "x" * (3 << 20) + "-->" + DTD + BODY).encode(),
        b"\xff\xfe" + ('<?xml version="1.0" encoding="UTF-16"?>' + DTD + BODY).encode("utf-16-le"),
        b"\xfe\xff" + ('<?xml version="1.0" encoding="UTF-16"?>' + DTD + BODY).encode("utf-16-be"),
        ('<?xml version="1.0" encoding="UTF-16"?>' + DTD + BODY).encode("utf-16-le"),
        ('<?xml version="1.0" encoding="UTF-32"?>' + DTD + BODY).encode("utf-32"),
        ('<?xml version="1.0" encoding="windows-1252"?>' + DTD + BODY).encode("cp1252"),
        ("<!doctype x>" + BODY).encode(),
        ('<?xml version="1.0"?>' + "<!ENTITY a 'b'>" + BODY).encode(),
    ],
    ids=[
        "after-5KB-comment",
        "after-3MB-comment",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-no-bom",
        "utf32",
        "cp1252",
        "lowercase",
        "entity",
    ],
)
def test_a_dtd_is_found_in_any_encoding_and_anywhere(content):
    line = refused(with_part(SHEET, content), "f.xlsx")
    assert "(xml_doctype)" in line and SHEET in line


@pytest.mark.parametrize("name", ["xl/worksheets/sheet1.bin", "customXml/item1", "x/y.dat"])
def test_a_dtd_is_found_in_a_part_of_any_name(name):
    line = refused(with_part(name, ('<?xml version="1.0"?>' + DTD + BODY).encode()), "f.xlsx")
    assert "(xml_doctype)" in line and name in line


def test_a_dtd_cut_between_two_chunks_is_found(monkeypatch):
    monkeypatch.setattr(sniff, "_CHUNK", 4096)
    for cut in range(4080, 4100):
        content = (" " * (cut - 3) + DTD + BODY).encode()  # <!DOCTYPE spans the chunks
        line = refused(with_part(SHEET, content), "f.xlsx")
        assert "(xml_doctype)" in line, cut


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x>' + BODY.encode(), "UTF-7"),
        (b'<?xml version="1.0" encoding="IBM037"?>' + BODY.encode(), "IBM037"),
        ('<?xml version="1.0"?>'.encode("cp037"), "EBCDIC"),
        (b"\x00\x00\x3c\x00" + BODY.encode("utf-32-be")[4:], "UCS-4"),
    ],
    ids=["utf-7", "ibm037", "ebcdic", "ucs-4-2143"],
)
def test_an_encoding_the_search_cannot_see_through_is_refused(content, named):
    line = refused(with_part(SHEET, content), "f.xlsx")
    assert "(xml_encoding)" in line and named in line and "bảng mã lạ" in line


def test_real_encodings_and_binary_parts_pass():
    """A workbook with an image-like binary part and a Latin-1 declared part reads fine:
    random bytes hold '<!' now and then, never a whole marker."""
    noise = random.Random(19).randbytes(3 << 20)
    data = with_part("xl/media/image1.png", b"\x89PNG\r\n\x1a\n" + noise)
    assert read_upload("f.xlsx", data)[0].rows[0][1][:2] == ("Mã đơn vị", "Năm")
    latin = b'<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>'
    assert read_upload("f.xlsx", with_part("docProps/custom.xml", latin))
