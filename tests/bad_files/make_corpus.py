"""Write the corpus of bad import files and expected.csv (run from anywhere; commit both).

    .venv/bin/python tests/bad_files/make_corpus.py

Every file is a thing people really send or an attack; each must be refused by `validate`
and `import` (exit 1) with a message naming what to fix. expected.csv gives, per file, the
exit code, a fragment of the Vietnamese and of the English message, the spreadsheet row and
the column the message must name (empty: the whole file), and a setting to run it with.
Files are built from the import templates, so they follow header changes.
"""

from __future__ import annotations

import csv
import io
import random
import re
import struct
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from indicators import schema as s  # noqa: E402
from indicators.importing import fields as f  # noqa: E402
from indicators.importing import legacy  # noqa: E402
from indicators.importing.template import template_xlsx  # noqa: E402

# A valid row of each table (the template's example, changed so that it is not the example).
GOOD = {
    "par_scores": {s.YEAR: 2024, s.SCORE: "96,1"},
    "procedures": {s.YEAR: 2021},
    "dossier_stats": {s.YEAR: 2023},
}
TONES = "\u0301\u0300\u0309\u0303\u0323"
STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
FIXED = b"2024-01-01T00:00:00Z"


def header(table: str) -> list[str]:
    return [x.vi for x in f.IMPORT_TABLES[table].fields]


def row(table: str, **changes: object) -> list[object]:
    """The good row of `table` with `changes` (by field name; None empties a cell)."""
    values = {x.name: x.example for x in f.IMPORT_TABLES[table].fields}
    values.update(GOOD[table], **changes)
    return ["" if values[n] is None else values[n] for n in values]


def sheet(table: str, *rows: list[object]) -> list[list[object]]:
    return [header(table), *rows]


def without(rows: list[list[object]], *headers: str) -> list[list[object]]:
    """`rows` without the columns headed `headers`."""
    drop = {rows[0].index(h) for h in headers}
    return [[c for i, c in enumerate(r) if i not in drop] for r in rows]


def csv_bytes(rows: list[list[object]], encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def csv_text(rows: list[list[object]]) -> str:
    return csv_bytes(rows, encoding="utf-8").decode("utf-8")


def xlsx_bytes(rows: list[list[object]], percent: tuple[str, ...] = ()) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    for r in rows:
        ws.append(r)
    for ref in percent:
        ws[ref].number_format = "0.00%"
    out = io.BytesIO()
    book.save(out)
    return zip_with(members_of(out.getvalue()))


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters and combining tones."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("cp1258") + tone.encode("cp1258")
    return out


def two_units() -> list[list[object]]:
    """A good par_scores sheet of two rows (Nam Từ Liêm and Cầu Giấy)."""
    return sheet("par_scores", row("par_scores"), row("par_scores", **CAU_GIAY))


def legacy_csv(encoding: str) -> bytes:
    """A good file, typed in a legacy font encoding (bytes as those fonts store them)."""
    return legacy.encode(csv_text(two_units()), encoding)


def legacy_xlsx() -> bytes:
    """A good workbook whose text was typed in the .VnTime (TCVN3) font."""
    as_font = [
        [legacy.encode(c, legacy.TCVN3).decode("latin-1") if isinstance(c, str) else c for c in r]
        for r in two_units()
    ]
    return xlsx_bytes(as_font)


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def zip_with(members: dict[str, bytes]) -> bytes:
    """A ZIP of `members`, byte-stable: fixed dates, also inside docProps/core.xml."""
    if "docProps/core.xml" in members:
        members = {**members, "docProps/core.xml": STAMP.sub(FIXED, members["docProps/core.xml"])}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {i.filename: archive.read(i.filename) for i in archive.infolist()}


def stable_template(table: str) -> bytes:
    return zip_with(members_of(template_xlsx(table)))


def word() -> bytes:
    return zip_with(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        }
    )


def ods() -> bytes:
    return zip_with(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        }
    )


def zip_bomb() -> bytes:
    """An .xlsx whose sheet unpacks to 4 MB of spaces (a few KB packed)."""
    members = {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b" " * (4 << 20)}
    return zip_with(members)


def doctype_xlsx() -> bytes:
    """The template with an entity-expansion DTD in its first sheet."""
    members = members_of(template_xlsx("par_scores"))
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    sheet_xml = members["xl/worksheets/sheet1.xml"]
    body = sheet_xml.split(b"?>", 1)[-1]  # without its XML declaration, if any
    members["xl/worksheets/sheet1.xml"] = bomb + body
    return zip_with(members)


def binary() -> bytes:
    rng = random.Random(20240101)
    return bytes(rng.randrange(256) for _ in range(4096))


def truncated_xlsx() -> bytes:
    data = xlsx_bytes(sheet("par_scores", row("par_scores")))
    return data[: len(data) * 2 // 3]


def too_big() -> bytes:
    """A valid file of about 30 KB, refused with PAR_MAX_UPLOAD_MB=0.02 (20 KB)."""
    rows = [
        row("dossier_stats", **{s.MONTH: None, s.PROCEDURE_CODE: f"1.{n:06d}"}) for n in range(300)
    ]
    return csv_bytes(sheet("dossier_stats", *rows))


def titled_xlsx() -> bytes:
    """A title and an empty row above the header: the bad score is on spreadsheet row 4."""
    rows = [
        ["BÁO CÁO CHỈ SỐ CCHC NĂM 2024"],
        [],
        header("par_scores"),
        row("par_scores", score=101),
    ]
    return xlsx_bytes(rows)


def percent_xlsx() -> bytes:
    """Score typed as 101.5% in a percentage cell (stored 1.015): above the maximum."""
    col = header("par_scores").index("Điểm")
    rows = sheet("par_scores", row("par_scores", score=1.015))
    from openpyxl.utils import get_column_letter

    return xlsx_bytes(rows, percent=(f"{get_column_letter(col + 1)}2",))


def utf16_tab(rows: list[list[object]]) -> bytes:
    """Excel's "Unicode text": UTF-16 LE with BOM, tab-separated."""
    return b"\xff\xfe" + csv_bytes(rows, encoding="utf-16-le", delimiter="\t")


@dataclass(frozen=True)
class Case:
    file: str
    make: Callable[[], bytes]
    vi: str
    en: str
    row: int | None = None
    column: str = ""
    setting: str = ""


P, PR, D = "par_scores", "procedures", "dossier_stats"
CAU_GIAY = {f.UNIT_NAME: "Quận Cầu Giấy", s.UNIT_CODE: "005"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HTML = "<html><body><table><tr><td>Quận</td></tr></table></body></html>"
STRANGER = [["Họ tên", "Ngày sinh", "Địa chỉ"], ["Nguyễn Văn A", "01/01/1990", "Hà Nội"]]
FORMULA = '=HYPERLINK("http://x.invalid","Đăng ký")'


def by_name(name: str) -> dict[str, object]:
    return {s.UNIT_CODE: None, f.UNIT_NAME: name}


def counts(*values: int) -> dict[str, int]:
    return dict(zip(s.COUNT_COLUMNS, values, strict=True))


def new_source(**changes: object) -> dict[str, object]:
    """A new source (no id) given by title and URL, with `changes`."""
    source = {
        s.SOURCE_ID: None,
        f.SOURCE_TITLE: "Quyết định công bố Chỉ số CCHC năm 2024",
        f.SOURCE_URL: "https://hanoi.gov.vn/par-2024",
    }
    return {**source, **changes}


def twice(rows: list[list[object]], column: str) -> list[list[object]]:
    """`rows` with the column headed `column` repeated at the end."""
    at = rows[0].index(column)
    return [r + [r[at]] for r in rows]


# fmt: off
CASES = [
    # --- not a spreadsheet, or not one we can read --------------------------------------------
    Case("empty.csv", lambda: b"", "tệp rỗng", "file is empty"),
    Case("bom_only.csv", lambda: b"\xef\xbb\xbf\r\n", "tệp rỗng", "file is empty"),
    Case("header_only.xlsx", lambda: xlsx_bytes(sheet(P)), "không có dòng dữ liệu", "no data rows"),
    Case("image_renamed.xlsx", png, "ảnh PNG", "a PNG image"),
    Case("pdf_renamed.xlsx", pdf, "tài liệu PDF", "a PDF document"),
    Case("excel_97.xls", lambda: OLE2 + bytes(504), "Excel 97-2003", "Excel 97-2003"),
    Case("word_renamed.xlsx", word, "văn bản Word", "a Word document"),
    Case("opendocument.xlsx", ods, "OpenDocument", "OpenDocument"),
    Case("report_export.xls", lambda: HTML.encode(), "trang HTML", "HTML/XML page"),
    Case("random_bytes.csv", binary, "nhị phân", "binary"),
    Case("truncated.xlsx", truncated_xlsx, "bị hỏng", "damaged"),
    Case("too_big.csv", too_big, "tệp quá lớn", "file too large", setting="PAR_MAX_UPLOAD_MB=0.02"),
    Case("zip_bomb.xlsx", zip_bomb, "giải nén ra quá lớn", "unpacks to far too much", setting="PAR_MAX_UPLOAD_MB=0.1"),
    Case("xml_entities.xlsx", doctype_xlsx, "DOCTYPE", "DOCTYPE"),
    Case("tcvn3.csv", lambda: legacy_csv(legacy.TCVN3), "TCVN3 (ABC)", "Unikey"),
    Case("vni.csv", lambda: legacy_csv(legacy.VNI), "bảng mã cũ VNI", "VNI Windows"),
    Case("tcvn3_font.xlsx", legacy_xlsx, "TCVN3 (ABC)", "Unikey"),
    # --- headers --------------------------------------------------------------------------------
    Case("unknown_headers.csv", lambda: csv_bytes(STRANGER), "không nhận ra bảng", "cannot tell the table"),
    Case("missing_score.csv", lambda: csv_bytes(without(sheet(P, row(P)), "Điểm")), "thiếu cột 'Điểm'", "column 'Score' (score) is missing", column="score"),
    Case("missing_unit.csv", lambda: csv_bytes(without(sheet(P, row(P)), "Mã đơn vị", "Tên đơn vị")), "cần Mã đơn vị hoặc Tên đơn vị", "give Unit code or Unit name", column="unit_code"),
    Case("two_score_columns.csv", lambda: csv_bytes(twice(sheet(P, row(P)), "Điểm")), "hai cột cùng là 'Điểm'", "two columns are 'Score'", 1, "score"),
    # --- units ----------------------------------------------------------------------------------
    Case("unknown_unit.xlsx", lambda: xlsx_bytes(sheet(P, row(P), row(P, **by_name("Quận Nam Từ Lim")))), "Gần nhất: Quận Nam Từ Liêm", "not found", 3, "unit_name"),
    Case("unknown_unit_code.csv", lambda: csv_bytes(sheet(P, row(P, **{s.UNIT_CODE: "999", f.UNIT_NAME: None}))), "không có mã đơn vị '999'", "unit code '999'", 2, "unit_code"),
    Case("ambiguous_unit.csv", lambda: csv_bytes(sheet(P, row(P, year=2025, **by_name("Ba Vì")))), "khớp với nhiều đơn vị", "matches several units", 2, "unit_name"),
    Case("code_name_mismatch.csv", lambda: csv_bytes(sheet(P, row(P, **{f.UNIT_NAME: "Quận Cầu Giấy"}))), "không phải 'Quận Cầu Giấy'", "fix the code or the name", 2, "unit_name"),
    Case("unit_not_in_year.csv", lambda: csv_bytes(sheet(P, row(P, year=2026))), "không tồn tại trong năm 2026", "did not exist in 2026", 2, "year"),
    Case("totals_row.csv", lambda: csv_bytes(sheet(P, row(P), row(P, **CAU_GIAY), row(P, **by_name("Tổng cộng")))), "dòng tổng cộng", "totals row", 4, "unit_name"),
    Case("windows1258_unknown_unit.csv", lambda: cp1258(csv_text(sheet(P, row(P), row(P, **by_name("Quận Hoàn Kím"))))), "không tìm thấy đơn vị 'Quận Hoàn Kím'", "Closest: Xã Hoàng Kim; Quận Hoàn Kiếm", 3, "unit_name"),
    # --- keys -----------------------------------------------------------------------------------
    Case("duplicate_rows.csv", lambda: csv_bytes(sheet(P, row(P), row(P, **CAU_GIAY), row(P))), "trùng khóa", "same key", 4, "unit_code"),
    Case("duplicate_name_and_code.csv", lambda: csv_bytes(sheet(P, row(P), row(P, **by_name("nam tu liem")))), "với dòng 2", "as row 2", 3, "unit_code"),
    # --- values ---------------------------------------------------------------------------------
    Case("score_above_max.xlsx", lambda: xlsx_bytes(sheet(P, row(P, score=101.5))), "điểm lớn hơn điểm tối đa", "score is above its maximum", 2, "score"),
    Case("score_percent_cell.xlsx", percent_xlsx, "điểm lớn hơn điểm tối đa", "score is above its maximum", 2, "score"),
    Case("score_in_words.csv", lambda: csv_bytes(sheet(P, row(P, score="chín mươi"))), "không phải số", "not a number", 2, "score"),
    Case("title_rows.xlsx", titled_xlsx, "điểm lớn hơn điểm tối đa", "score is above its maximum", 4, "score"),
    Case("year_range.csv", lambda: csv_bytes(sheet(P, row(P, year="2024-2025"))), "năm không hợp lệ", "not a year", 2, "year"),
    Case("year_two_digits.csv", lambda: csv_bytes(sheet(P, row(P, year="24"))), "năm không hợp lệ", "not a year", 2, "year"),
    Case("negative_count.csv", lambda: csv_bytes(sheet(D, row(D, **counts(-5, 0, 0, 0, 0, 0)))), "nhỏ hơn 0", "below 0", 2, "received"),
    Case("count_with_decimals.csv", lambda: csv_bytes(sheet(D, row(D, received="1.234,5"))), "không phải số nguyên", "not a whole number", 2, "received"),
    Case("resolved_above_received.csv", lambda: csv_bytes(sheet(D, row(D, **counts(10, 5, 8, 1, 5, 0)))), "đúng hạn + trễ hạn lớn hơn", "on time + late exceeds received", 2, "resolved_late"),
    Case("early_above_on_time.csv", lambda: csv_bytes(sheet(D, row(D, resolved_early="1.500"))), "trước hạn lớn hơn", "early exceeds on time", 2, "resolved_early"),
    Case("online_above_received.csv", lambda: csv_bytes(sheet(D, row(D, submitted_online="2.000"))), "trực tuyến lớn hơn", "submitted online exceeds", 2, "submitted_online"),
    Case("month_13.csv", lambda: csv_bytes(sheet(D, row(D, month=13, procedure_code=None, field=None))), "lớn hơn 12", "above 12", 2, "month"),
    Case("unicode_text_negative.txt", lambda: utf16_tab(sheet(D, row(D), row(D, procedure_code="1.000001", pending=-1))), "nhỏ hơn 0", "below 0", 3, "pending"),
    Case("mixed_detail.csv", lambda: csv_bytes(sheet(D, row(D, year=2019), row(D, procedure_code=None, field=None, year=2019))), "một cấp chi tiết", "one level of detail", 2, "procedure_code"),
    Case("level_wrong_era.xlsx", lambda: xlsx_bytes(sheet(PR, row(PR, year=2024, online_level="Mức độ 3"))), "chỉ dùng đến năm 2022", "levels 1-4 apply until 2022", 2, "online_level"),
    Case("level_unknown.csv", lambda: csv_bytes(sheet(PR, row(PR, online_level="mức 5"))), "giá trị không cho phép", "value not allowed", 2, "online_level"),
    Case("committed_above_legal.csv", lambda: csv_bytes(sheet(PR, row(PR, committed_days="7,5"))), "cam kết lớn hơn", "committed days exceed", 2, "committed_days"),
    Case("one_stop_unclear.csv", lambda: csv_bytes(sheet(PR, row(PR, one_stop="có lẽ"))), "ghi 'có' hoặc 'không'", "write 'có'", 2, "one_stop"),
    Case("formula_in_text.csv", lambda: csv_bytes(sheet(PR, row(PR, procedure_name=FORMULA))), "công thức", "a formula", 2, "procedure_name"),
    Case("template_unchanged.xlsx", lambda: stable_template(P), "dòng ví dụ", "example row", 2),
    # --- sources --------------------------------------------------------------------------------
    Case("unknown_source.csv", lambda: csv_bytes(sheet(P, row(P, source_id="nam-tu-liem-2021"))), "không có nguồn 'nam-tu-liem-2021'", "Closest: nam-tu-liem-2020", 2, "source_id"),
    Case("source_url_only.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_title=None)))), "thiếu nguồn", "no source", 2, "source_title"),
    Case("source_bad_url.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_url="hanoi.gov.vn/par")))), "http:// hoặc https://", "must start with http", 2, "source_url"),
    Case("source_bad_date.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_published="31/02/2025")))), "ngày không hợp lệ", "not a date", 2, "source_published"),
]
# fmt: on


def write(target: Path) -> None:
    """Write every case and expected.csv into `target`."""
    with open(target / "expected.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["file", "exit_code", "vi", "en", "row", "column", "setting"])
        for case in CASES:
            (target / case.file).write_bytes(case.make())
            row = [case.file, 1, case.vi, case.en, case.row or "", case.column, case.setting]
            writer.writerow(row)


def main() -> None:
    for old in HERE.iterdir():
        if old.name not in {"make_corpus.py", "__pycache__"}:
            old.unlink()
    write(HERE)
    print(f"{len(CASES)} files in {HERE}")


# --- meaning, not only type (issue 19): units of another index, far years, infinite or huge
# numbers, control and invisible characters, over-long text, malformed addresses -------------
TAY_DANG = {s.UNIT_CODE: "09619", f.UNIT_NAME: None}  # a commune of Ba Vì until 30/06/2025
BIG = 18446744073709551616  # 2**64
ESC = "\x1b[2J\x1b[31m"


def patched_xlsx(rows: list[list[object]], marks: dict[bytes, bytes]) -> bytes:
    """`rows` as a workbook whose first sheet's XML has each mark replaced (a cell value that
    openpyxl would not write: 1E400, a bidirectional override)."""
    members = members_of(xlsx_bytes(rows))
    sheet_xml = members["xl/worksheets/sheet1.xml"]
    for mark, value in marks.items():
        sheet_xml = sheet_xml.replace(mark, value)
    members["xl/worksheets/sheet1.xml"] = sheet_xml
    return zip_with(members)


def score_1e400() -> bytes:
    return patched_xlsx(sheet(P, row(P, score=12345.678)), {b"<v>12345.678</v>": b"<v>1E400</v>"})


def published_9999() -> bytes:
    from datetime import datetime

    return xlsx_bytes(sheet(P, row(P, **new_source(source_published=datetime(9999, 12, 31)))))


# fmt: off
CASES += [
    # --- a unit the row's index does not rank that year -------------------------------------
    Case("commune_in_district_index.csv", lambda: csv_bytes(sheet(P, row(P, year=2020, index_id="hanoi_par", **TAY_DANG))), "không thuộc bộ chỉ số hanoi_par năm 2020", "not ranked by the hanoi_par index in 2020", 2, "unit_code"),
    Case("district_after_reorganisation.csv", lambda: csv_bytes(sheet(P, row(P), row(P, year=2025, **CAU_GIAY))), "các xã, phường của Hà Nội từ 1/7/2025", "Hanoi's communes and wards from 1 July 2025", 3, "unit_code"),
    Case("province_in_district_index.xlsx", lambda: xlsx_bytes(sheet(P, row(P, year=2020, index_id="Hà Nội", **by_name("Hà Giang")))), "là cấp tỉnh, không thuộc bộ chỉ số hanoi_par", "is a province, not ranked by the hanoi_par index", 2, "unit_name"),
    Case("district_in_national_index.csv", lambda: csv_bytes(sheet(P, row(P, year=2020, index_id="PAR INDEX"))), "là cấp huyện, không thuộc bộ chỉ số national_par", "is a district, not ranked by the national_par index", 2, "unit_code"),
    # --- years far from the data's ----------------------------------------------------------
    Case("year_2100.csv", lambda: csv_bytes(sheet(P, row(P, year=2100))), "năm 2100 nằm ngoài khoảng 1990–", "year 2100 is outside 1990–", 2, "year"),
    Case("year_9999_cell.xlsx", lambda: xlsx_bytes(sheet(PR, row(PR, year=9999))), "năm 9999 nằm ngoài khoảng", "year 9999 is outside", 2, "year"),
    Case("year_1989.csv", lambda: csv_bytes(sheet(D, row(D, year=1989))), "năm 1989 nằm ngoài khoảng 1990–", "year 1989 is outside 1990–", 2, "year"),
    Case("source_published_9999.xlsx", published_9999, "ngày nằm ngoài khoảng năm 1990–", "the date is outside the years 1990–", 2, "source_published"),
    # --- infinite, not a number, past 64 bits, out of range ---------------------------------
    Case("score_1e400_cell.xlsx", score_1e400, "không phải số hữu hạn", "not a finite number", 2, "score"),
    Case("score_400_digits.csv", lambda: csv_bytes(sheet(P, row(P, score="9" * 400))), "số quá dài (400 chữ số)", "number too long (400 digits)", 2, "score"),
    Case("score_infinity_text.csv", lambda: csv_bytes(sheet(P, row(P, score="Infinity"), row(P, score="NaN", **CAU_GIAY))), "không phải số", "not a number", 2, "score"),
    Case("count_past_64_bits.csv", lambda: csv_bytes(sheet(D, row(D, **counts(BIG - 1, 0, BIG // 2, 0, BIG // 2, 0)))), "số quá dài (20 chữ số)", "number too long (20 digits)", 2, "received"),
    Case("count_too_large.csv", lambda: csv_bytes(sheet(D, row(D, received="5.000.000.000.000"))), "số quá lớn: ghi một số không lớn hơn 1.000.000.000", "at most 1,000,000,000", 2, "received"),
    Case("rank_2_pow_63.csv", lambda: csv_bytes(sheet(P, row(P, rank_published=2**63))), "số quá dài (19 chữ số)", "number too long (19 digits)", 2, "rank_published"),
    Case("max_score_million.csv", lambda: csv_bytes(sheet(P, row(P, score=500, max_score="1.000.000"))), "không lớn hơn 1.000", "at most 1,000", 2, "max_score"),
    # --- control characters ------------------------------------------------------------------
    Case("nul_in_name.csv", lambda: csv_bytes(sheet(PR, row(PR, procedure_name="Đăng ký\x00 khai sinh"))), "ký tự điều khiển không in được (U+0000, ở vị trí 8)", "control character (U+0000, at position 8)", 2, "procedure_name"),
    Case("escape_codes.csv", lambda: csv_bytes(sheet(P, row(P, note=ESC + "đã công bố"))), "ký tự điều khiển không in được (U+001B", "non-printing control character (U+001B", 2, "note"),
    Case("c1_control_unicode_text.txt", lambda: utf16_tab(sheet(PR, row(PR), row(PR, procedure_code="1.000001", field="Tư pháp\x9b"))), "(U+009B, ở vị trí 8)", "(U+009B, at position 8)", 3, "field"),
    # --- invisible characters: zero width, byte-order mark, direction controls ---------------
    Case("zero_width_field.csv", lambda: csv_bytes(sheet(PR, row(PR), row(PR, procedure_code="1.000001", field="Tư\u200b pháp"))), "ký tự ẩn U+200B ZERO WIDTH SPACE ở vị trí 3", "invisible character U+200B ZERO WIDTH SPACE at position 3", 3, "field"),
    Case("bidi_override_code.xlsx", lambda: patched_xlsx(sheet(PR, row(PR, procedure_code="CODEMARK")), {b"CODEMARK": "1.001\u202e391".encode()}), "ký tự ẩn U+202E RIGHT-TO-LEFT OVERRIDE", "invisible character U+202E", 2, "procedure_code"),
    Case("bom_inside_unit_name.csv", lambda: csv_bytes(sheet(P, row(P, **by_name("Quận Cầu\ufeff Giấy")))), "ký tự ẩn U+FEFF", "invisible character U+FEFF", 2, "unit_name"),
    Case("isolate_in_source_title.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_title="Quyết định \u2067công bố\u2069 CCHC 2024")))), "ký tự ẩn U+2067 RIGHT-TO-LEFT ISOLATE ở vị trí 12", "U+2067 RIGHT-TO-LEFT ISOLATE at position 12", 2, "source_title"),
    Case("word_joiner_in_field.xlsx", lambda: xlsx_bytes(sheet(PR, row(PR, field="Hộ\u2060 tịch"))), "ký tự ẩn U+2060 WORD JOINER", "invisible character U+2060 WORD JOINER", 2, "field"),
    # --- over-long text ----------------------------------------------------------------------
    Case("name_100000_characters.csv", lambda: csv_bytes(sheet(PR, row(PR, procedure_name="Đăng ký khai sinh " * 5556))), "nội dung quá dài (100007 ký tự, tối đa 1000)", "text too long (100007 characters, at most 1000)", 2, "procedure_name"),
    Case("note_5000_characters.xlsx", lambda: xlsx_bytes(sheet(P, row(P, note="ghi chú " * 625))), "tối đa 2000", "at most 2000", 2, "note"),
    Case("unit_code_too_long.csv", lambda: csv_bytes(sheet(D, row(D, unit_code="0" * 30 + "19", unit_name=None))), "nội dung quá dài (32 ký tự, tối đa 20)", "text too long (32 characters, at most 20)", 2, "unit_code"),
    # --- malformed addresses -----------------------------------------------------------------
    Case("source_url_ipv6_unclosed.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_url="https://[fe80::1")))), "đường dẫn nguồn không hợp lệ", "the source URL is malformed", 2, "source_url"),
    Case("source_url_port.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_url="https://hanoi.gov.vn:99999/par")))), "đường dẫn nguồn không hợp lệ", "the source URL is malformed", 2, "source_url"),
    Case("source_url_javascript.csv", lambda: csv_bytes(sheet(P, row(P, **new_source(source_url="javascript:alert(document.cookie)")))), "http:// hoặc https://", "must start with http", 2, "source_url"),
]
# fmt: on


# --- budgets of reading and the XML guard (issue 19, item 4) -----------------------------------


def stats_rows(n: int) -> list[list[object]]:
    """`n` good dossier_stats rows, one procedure each (a valid file but for its size)."""
    return [row(D, **{s.MONTH: None, s.PROCEDURE_CODE: f"1.{k:06d}"}) for k in range(n)]


def one_long_line() -> bytes:
    """The header, then one line of 5 000 cells (a CSV of millions is the same, slower)."""
    return csv_bytes([header(D), ["1"] * 5000])


def two_sheets() -> bytes:
    """Two sheets of 16 rows each: each within PAR_MAX_ROWS=20, together over it (the
    21st row with data is row 5 of the second sheet)."""
    from openpyxl import Workbook

    book = Workbook()
    for n, ws in enumerate((book.active, book.create_sheet("Quý 2"))):
        for r in sheet(D, *stats_rows(15)):
            ws.append(r)
        ws.title = ws.title if n else "Quý 1"
    out = io.BytesIO()
    book.save(out)
    return zip_with(members_of(out.getvalue()))


def with_sheet_xml(change: Callable[[bytes], bytes], name: str = "") -> bytes:
    """The par_scores template (filled with a good row) with its sheet's XML changed by
    `change`, and stored as the part `name` (default: where it is)."""
    members = members_of(xlsx_bytes(sheet(P, row(P))))
    part = "xl/worksheets/sheet1.xml"
    members[part] = change(members[part])
    if name:
        members[name] = members.pop(part)
        for meta in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            members[meta] = members[meta].replace(
                part.removeprefix("xl/").encode(), name.removeprefix("xl/").encode()
            )
    return zip_with(members)


DTD = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def declaration(encoding: str) -> str:
    return f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>\n'


def after_declaration(text: str) -> Callable[[bytes], bytes]:
    """Declare the sheet's XML (openpyxl writes none) and put `text` after the declaration."""
    return lambda xml: (declaration("UTF-8") + text).encode() + xml


def as_utf16(xml: bytes, bom: bool = True) -> bytes:
    """The sheet's XML in UTF-16 LE (declared so), with the DTD: what the 4 KB guard let by."""
    text = declaration("UTF-16") + DTD + xml.decode("utf-8")
    return (b"\xff\xfe" if bom else b"") + text.encode("utf-16-le")


def declared_utf7(xml: bytes) -> bytes:
    """The DTD written in UTF-7 (+ADw-!DOCTYPE…): only the parser would have seen it."""
    return (declaration("UTF-7") + DTD.replace("<", "+ADw-")).encode() + xml


COMMENT = "<!-- " + "Báo cáo chỉ số CCHC. " * 400 + "-->"  # about 9 KB, past the old 4 KB

# fmt: off
CASES += [
    Case("too_many_rows.csv", lambda: csv_bytes(sheet(D, *stats_rows(30))), "hơn 20 dòng", "more than 20 rows", 21, setting="PAR_MAX_ROWS=20"),
    Case("too_many_rows.xlsx", lambda: xlsx_bytes(sheet(D, *stats_rows(30))), "hơn 20 dòng (xl/worksheets/sheet1.xml)", "more than 20 rows (xl/worksheets/sheet1.xml)", setting="PAR_MAX_ROWS=20"),
    Case("too_many_rows_two_sheets.xlsx", two_sheets, "hơn 20 dòng (trang tính 'Quý 2')", "more than 20 rows (sheet 'Quý 2')", 5, setting="PAR_MAX_ROWS=20"),
    Case("too_many_cells_one_line.csv", one_long_line, "dòng này có 5.000 ô", "this row has 5,000 cells", 2),
    Case("too_many_columns.xlsx", lambda: xlsx_bytes(sheet(P, row(P))), "quá giới hạn 10 ô một dòng", "over the limit of 10 cells a row", 1, setting="PAR_MAX_COLUMNS=10"),
    Case("too_many_cells.csv", lambda: csv_bytes(sheet(D, *stats_rows(10))), "hơn 100 ô", "more than 100 cells", 6, setting="PAR_MAX_CELLS=100"),
    Case("read_time_budget.csv", lambda: csv_bytes(sheet(D, *stats_rows(10))), "quá giới hạn thời gian", "over the time limit", setting="PAR_READ_SECONDS=0,000001"),
    Case("read_time_budget.xlsx", lambda: xlsx_bytes(sheet(P, row(P))), "quá giới hạn thời gian", "over the time limit", setting="PAR_READ_SECONDS=0.000001"),
    Case("doctype_after_comment.xlsx", lambda: with_sheet_xml(after_declaration(COMMENT + DTD)), "DOCTYPE", "DOCTYPE"),
    Case("doctype_utf16_sheet.xlsx", lambda: with_sheet_xml(as_utf16), "DOCTYPE", "DOCTYPE"),
    Case("doctype_utf16_no_bom.xlsx", lambda: with_sheet_xml(lambda x: as_utf16(x, bom=False)), "DOCTYPE", "DOCTYPE"),
    Case("doctype_part_not_xml.xlsx", lambda: with_sheet_xml(after_declaration(DTD), "xl/worksheets/data.bin"), "DOCTYPE", "DOCTYPE"),
    Case("doctype_utf7_sheet.xlsx", lambda: with_sheet_xml(declared_utf7), "bảng mã lạ (UTF-7", "unusual encoding (UTF-7"),
]
# fmt: on


if __name__ == "__main__":
    main()
