"""What kind of file was sent, judged from its bytes (never from its name alone).

Spreadsheets accepted: .xlsx (a ZIP holding xl/workbook.xml) and text (CSV or Excel's
"Unicode text"). Everything else is refused with a message that names what it is and how to
turn it into an .xlsx: images and PDFs, Excel 97-2003 .xls, OpenDocument .ods, Word files,
HTML pages that reporting software saves under an .xls name, other binaries.
"""

from __future__ import annotations

import io
import re
import zipfile

from indicators.errors import Both, bilingual
from indicators.importing.errors import FileRefused, refuse
from indicators.importing.limits import ReadBudget, check_unzipped

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
# an encrypted member (RuntimeError) or an unknown compression (NotImplementedError) too
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError)
_ZIP_ERRORS += (RuntimeError, NotImplementedError)


def not_a_spreadsheet(where: str, kind: str) -> FileRefused:
    """The file is `kind` (png, pdf, xls, html, zip…: the registry's imp_kind_<kind>)."""
    what = Both(*bilingual(f"imp_kind_{kind}"))
    return refuse(where, "not_spreadsheet", *bilingual("imp_not_spreadsheet", what=what))


def _empty(data: bytes) -> bool:
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        data = data.removeprefix(bom)
    return not data.replace(b"\x00", b"").strip()


def kind_of(where: str, data: bytes, budget: ReadBudget | None = None) -> str:
    """XLSX or TEXT; raises FileRefused for an empty file or anything else (an .xlsx whose
    XML declares a DTD too; its scan keeps to `budget`'s time)."""
    if _empty(data):
        raise refuse(where, "empty_file", *bilingual("imp_empty_file"))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise not_a_spreadsheet(where, kind)
    if data.startswith(_OLE2):
        raise not_a_spreadsheet(where, "xls")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(where, data, budget)
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


def _zip_kind(where: str, data: bytes, budget: ReadBudget | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            check_unzipped(where, len(infos), sum(i.file_size for i in infos))
            names = {i.filename for i in infos}
            if "xl/workbook.xml" in names:
                _refuse_doctype(where, archive, infos, budget)
                return XLSX
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except _ZIP_ERRORS as exc:
        error = type(exc).__name__
        raise refuse(where, "damaged_file", *bilingual("imp_damaged_zip", error=error)) from None
    if b"spreadsheet" in mimetype:
        raise not_a_spreadsheet(where, "ods")
    if "word/document.xml" in names or b"text" in mimetype:
        raise not_a_spreadsheet(where, "word")
    raise not_a_spreadsheet(where, "zip")


def _refuse_doctype(
    where: str,
    archive: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    budget: ReadBudget | None,
) -> None:
    """A workbook never declares a DTD; one that does is an attack on the XML parser. Every
    member is read to its end (whatever its name: a sheet's part name is free), in chunks, so
    a DOCTYPE after a long comment is found too; markers are looked for in UTF-8 and in UTF-16
    and UTF-32 of both byte orders, so the member's encoding cannot hide one. Members that
    start like EBCDIC or a rare UCS-4 order, or that declare an encoding other than UTF-8/16/32,
    ASCII, ISO-8859 or Windows-125x (UTF-7…), are refused: the parser would decode markers
    from bytes that no search here sees. The sizes read are those check_unzipped allowed."""
    for info in infos:
        with archive.open(info) as member:
            chunk = member.read(_CHUNK)
            _refuse_strange_encoding(where, info.filename, chunk)
            tail, rows = b"", 0
            while chunk:
                window = tail + chunk
                if _declares_dtd(window):
                    texts = bilingual("imp_xml_doctype")
                    raise refuse(where, "xml_doctype", *texts, value=info.filename)
                if budget is not None:
                    rows += _row_tags(window) - _row_tags(tail)
                    budget.check_row_tags(rows, info.filename)
                    budget.check_time()
                tail = window[-_TAIL:]
                chunk = member.read(_CHUNK)


def _row_tags(data: bytes) -> int:
    """How many rows of a sheet `data` opens (<row …> or <x:row …>): an upper bound of its
    rows with data, counted at the speed of bytes.count, before any XML parser runs."""
    return sum(data.count(tag) for tag in _ROW_TAGS)


_CHUNK = 1 << 20
# "<!" in each encoding an XML parser detects by itself, and the width of a character
_OPENERS = tuple(
    (codec, "<!".encode(codec), width)
    for codec, width in (
        ("utf-8", 1),
        ("utf-16-le", 2),
        ("utf-16-be", 2),
        ("utf-32-le", 4),
        ("utf-32-be", 4),
    )
)
_DTD_MARKERS = ("<!doctype", "<!entity")
_ROW_TAGS = tuple(p + b"row" + e for p in (b"<", b":") for e in (b" ", b">", b"\n", b"\r", b"\t"))
_TAIL = 4 * len("<!doctype")  # a marker cut between two chunks is found in the next window
# first bytes of encodings the search above cannot see through (XML 1.0, appendix F)
_STRANGE_STARTS = {
    b"\x4c\x6f\xa7\x94": "EBCDIC",
    b"\x00\x00\x3c\x00": "UCS-4 (2143)",
    b"\x00\x3c\x00\x00": "UCS-4 (3412)",
    b"\x00\x00\xff\xfe": "UCS-4 (2143)",
    b"\xfe\xff\x00\x00": "UCS-4 (3412)",
}
_DECLARED = re.compile(r"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_SAFE_ENCODING = re.compile(
    r"utf-?(8|16|32)(-?[lb]e)?|ucs-?[24]|(us-)?ascii|iso[-_]?8859-\d+|latin-?1|(windows|cp)-?125\d"
)


def _declares_dtd(window: bytes) -> bool:
    for codec, opener, width in _OPENERS:
        at = window.find(opener)
        while at >= 0:
            text = window[at : at + width * len("<!doctype")].decode(codec, "replace").lower()
            if text.startswith(_DTD_MARKERS):
                return True
            at = window.find(opener, at + 1)
    return False


def _head_text(head: bytes) -> str:
    """The first characters of a member, decoded as an XML parser would detect them."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00\x00\x00<", "utf-32-be"),
        (b"<\x00", "utf-16-le"),
        (b"\x00<", "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[:1024].decode(codec, "replace").lstrip("\ufeff")
    return head[:512].decode("utf-8", "replace").lstrip("\ufeff")


def _refuse_strange_encoding(where: str, name: str, head: bytes) -> None:
    strange = _STRANGE_STARTS.get(head[:4])
    if strange is None and (declared := _DECLARED.match(_head_text(head))):
        encoding = declared.group(1).strip()
        strange = None if _SAFE_ENCODING.fullmatch(encoding.lower()) else encoding[:40]
    if strange is not None:
        texts = bilingual("imp_xml_encoding", encoding=strange)
        raise refuse(where, "xml_encoding", *texts, value=name)
