"""What kind of file was sent, judged from its bytes (never from its name alone).

Spreadsheets accepted: .xlsx (a ZIP holding xl/workbook.xml) and text (CSV or Excel's
"Unicode text"). Everything else is refused with a message that names what it is and how to
turn it into an .xlsx: images and PDFs, Excel 97-2003 .xls, OpenDocument .ods, Word files,
HTML pages that reporting software saves under an .xls name, other binaries.
"""

from __future__ import annotations

import io
import zipfile

from indicators.importing.errors import FileRefused, refuse
from indicators.importing.limits import check_unzipped

XLSX, TEXT = "xlsx", "text"

_SAVE_AS = (
    "hãy mở tệp bằng Excel và chọn Lưu thành (Save As) > Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8",
    "open it in Excel and Save As > Excel Workbook (.xlsx) or CSV UTF-8",
)
# (magic bytes, what it is in vi, in en)
_MAGIC = (
    (b"\x89PNG", "ảnh PNG", "a PNG image"),
    (b"\xff\xd8\xff", "ảnh JPEG", "a JPEG image"),
    (b"GIF8", "ảnh GIF", "a GIF image"),
    (b"%PDF", "tài liệu PDF", "a PDF document"),
    (b"{\\rtf", "văn bản RTF", "an RTF document"),
    (b"Rar!", "tệp nén RAR", "a RAR archive"),
    (b"7z\xbc\xaf", "tệp nén 7z", "a 7z archive"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_DOCTYPE = (b"<!DOCTYPE", b"<!ENTITY")


def not_a_spreadsheet(where: str, what_vi: str, what_en: str) -> FileRefused:
    return refuse(
        where,
        "not_spreadsheet",
        f"tệp không phải bảng tính mà là {what_vi}; {_SAVE_AS[0]}",
        f"the file is not a spreadsheet but {what_en}; {_SAVE_AS[1]}",
    )


def _empty(data: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        data = data.removeprefix(bom)
    return not data.replace(b"\x00", b"").strip()


def kind_of(where: str, data: bytes) -> str:
    """XLSX or TEXT; raises FileRefused for an empty file or anything else."""
    if _empty(data):
        raise refuse(where, "empty_file", "tệp rỗng", "the file is empty")
    for magic, vi, en in _MAGIC:
        if data.startswith(magic):
            raise not_a_spreadsheet(where, vi, en)
    if data.startswith(_OLE2):
        raise not_a_spreadsheet(
            where,
            "tệp Excel 97-2003 (.xls) hoặc Word cũ",
            "an Excel 97-2003 (.xls) or old Word file",
        )
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(where, data)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
        raise not_a_spreadsheet(
            where,
            "trang HTML/XML (phần mềm báo cáo thường lưu như vậy dưới tên .xls)",
            "an HTML/XML page (reporting software often saves one under an .xls name)",
        )
    if _binary(data[:8192]):
        raise not_a_spreadsheet(where, "tệp nhị phân không rõ loại", "an unknown binary file")
    return TEXT


def _binary(head: bytes) -> bool:
    """Control bytes other than tab and line breaks, where UTF-16 text would not have them."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or looks_utf16(head):
        return False
    controls = sum(b < 9 or 13 < b < 32 and b != 27 for b in head)
    return controls > max(2, len(head) // 100)


def looks_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a BOM: every other byte is zero (mostly ASCII content)."""
    even, odd = head[0::2], head[1::2]
    return len(head) >= 4 and (odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even))


def _zip_kind(where: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            check_unzipped(where, len(infos), sum(i.file_size for i in infos))
            names = {i.filename for i in infos}
            if "xl/workbook.xml" in names:
                _refuse_doctype(where, archive, infos)
                return XLSX
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise refuse(
            where,
            "damaged_file",
            "tệp Excel bị hỏng hoặc không đầy đủ; hãy lưu lại hoặc gửi lại tệp",
            f"the Excel file is damaged or incomplete ({type(exc).__name__}); save or send it again",
        ) from None
    if b"spreadsheet" in mimetype:
        raise not_a_spreadsheet(
            where, "bảng tính OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)"
        )
    if "word/document.xml" in names or b"text" in mimetype:
        raise not_a_spreadsheet(where, "văn bản Word", "a Word document")
    raise not_a_spreadsheet(where, "tệp nén ZIP", "a ZIP archive")


def _refuse_doctype(where: str, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """A workbook never declares a DTD; one that does is an attack on the XML parser."""
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as member:
                head = member.read(4096)
            if any(marker in head for marker in _XML_DOCTYPE):
                raise refuse(
                    where,
                    "xml_doctype",
                    "tệp Excel chứa khai báo DOCTYPE/ENTITY (có thể là tệp độc hại): không nhập",
                    "the Excel file declares a DOCTYPE/ENTITY (possibly malicious): not imported",
                )
