"""What kind of file was sent, judged from its bytes (never from its name alone).

Spreadsheets accepted: .xlsx (a ZIP holding xl/workbook.xml) and text (CSV or Excel's
"Unicode text"). Everything else is refused with a message that names what it is and how to
turn it into an .xlsx: images and PDFs, Excel 97-2003 .xls, OpenDocument .ods, Word files,
HTML pages that reporting software saves under an .xls name, other binaries.
"""

from __future__ import annotations

import io
import zipfile

from indicators.errors import Both, bilingual
from indicators.importing.errors import FileRefused, refuse
from indicators.importing.limits import check_unzipped

XLSX, TEXT = "xlsx", "text"

# (magic bytes, what it is: the registry's imp_kind_<kind>)
_MAGIC = (
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"%PDF", "pdf"),
    (b"{\\rtf", "rtf"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_DOCTYPE = (b"<!DOCTYPE", b"<!ENTITY")


def not_a_spreadsheet(where: str, kind: str) -> FileRefused:
    """The file is `kind` (png, pdf, xls, html, zip…: the registry's imp_kind_<kind>)."""
    what = Both(*bilingual(f"imp_kind_{kind}"))
    return refuse(where, "not_spreadsheet", *bilingual("imp_not_spreadsheet", what=what))


def _empty(data: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        data = data.removeprefix(bom)
    return not data.replace(b"\x00", b"").strip()


def kind_of(where: str, data: bytes) -> str:
    """XLSX or TEXT; raises FileRefused for an empty file or anything else."""
    if _empty(data):
        raise refuse(where, "empty_file", *bilingual("imp_empty_file"))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise not_a_spreadsheet(where, kind)
    if data.startswith(_OLE2):
        raise not_a_spreadsheet(where, "xls")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(where, data)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<table")):
        raise not_a_spreadsheet(where, "html")
    if _binary(data[:8192]):
        raise not_a_spreadsheet(where, "binary")
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
        error = type(exc).__name__
        raise refuse(where, "damaged_file", *bilingual("imp_damaged_zip", error=error)) from None
    if b"spreadsheet" in mimetype:
        raise not_a_spreadsheet(where, "ods")
    if "word/document.xml" in names or b"text" in mimetype:
        raise not_a_spreadsheet(where, "word")
    raise not_a_spreadsheet(where, "zip")


def _refuse_doctype(where: str, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """A workbook never declares a DTD; one that does is an attack on the XML parser."""
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as member:
                head = member.read(4096)
            if any(marker in head for marker in _XML_DOCTYPE):
                raise refuse(where, "xml_doctype", *bilingual("imp_xml_doctype"))
