"""Read an uploaded spreadsheet into rows of cells, keeping the row numbers the user sees.

Text files may be UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with or
without BOM) or Windows-1258; the separator is a comma, semicolon, tab or bar, whichever
splits the first lines most consistently. Text typed in the legacy TCVN3 or VNI fonts is
refused (see `legacy`). Workbooks are opened read-only with cached values (data_only): no
formula, macro or link in an upload is ever evaluated.

Both are read row by row within a budget (limits.ReadBudget: rows with data, cells in a row
and in all, seconds), checked while reading, so a sheet of a million rows or a CSV line of
millions of cells is refused early and in bounded memory. A CSV line is measured before it
is split into cells. Rows without data are not kept (the row numbers of the others are).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from indicators.errors import Both, bilingual
from indicators.importing import legacy
from indicators.importing.errors import FileRefused, refuse
from indicators.importing.limits import ReadBudget
from indicators.importing.sniff import XLSX, kind_of, looks_utf16

Cells = tuple[object, ...]
NOTES_SHEETS = ("hướng dẫn", "huong dan", "instructions")
_DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_CHARS = 65536
_SNIFF_LINES = 30
_SNIFF_CHARS = 4096  # of each line: enough to choose the separator
_QUOTED = re.compile(r'"[^"]*"')
_NO_SHEET = Both("", "")


@dataclass(frozen=True)
class Sheet:
    """The rows of one sheet: (row number as the spreadsheet shows it, cells)."""

    name: str
    rows: list[tuple[int, Cells]]
    encoding: str


def read_upload(where: str, data: bytes) -> list[Sheet]:
    """The sheets of the file (one for a text file), or FileRefused (past the budget too)."""
    budget = ReadBudget(where)
    if kind_of(where, data, budget) == XLSX:
        return _read_xlsx(where, data, budget)
    text, encoding = decode_text(where, data)
    budget.check_time()
    return [Sheet("", _read_csv(where, text, budget), encoding)]


def _filled(value: object) -> bool:
    """A cell with something in it (rows of blank cells are not kept nor counted)."""
    return value is not None and not (isinstance(value, str) and (not value or value.isspace()))


# --- text ------------------------------------------------------------------------------------


def decode_text(where: str, data: bytes) -> tuple[str, str]:
    """The text (NFC) and the name of its encoding; legacy font encodings are refused."""
    raw = None  # the bytes as Latin-1 characters, for 8-bit text
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(where, data[3:], "utf-8"), "UTF-8 (BOM)"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(where, data, "utf-16"), "UTF-16"
    elif looks_utf16(data[:4096]):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        text, encoding = _strict(where, data, codec), codec.upper()
    else:
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1258", errors="replace"), "Windows-1258"
            raw = data[:_SAMPLE_CHARS].decode("latin-1")
    text = unicodedata.normalize("NFC", text)
    refuse_legacy(where, text[:_SAMPLE_CHARS], raw)
    return text, encoding


def _strict(where: str, data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise refuse(where, "encoding", *bilingual("imp_encoding", codec=codec)) from None


def refuse_legacy(where: str, text: str, raw: str | None = None) -> None:
    """FileRefused naming TCVN3 or VNI when the text was typed in such a font."""
    found = legacy.detect(text, raw)
    if found is None:
        return
    source = "TCVN3 (ABC)" if found == legacy.TCVN3 else "VNI Windows"
    texts = bilingual("imp_legacy_encoding", found=found, source=source)
    raise refuse(where, "legacy_encoding", *texts)


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most, most consistent fields."""
    head = [line[:_SNIFF_CHARS] for line in islice(_lines(text), _SNIFF_LINES)]

    def quality(delimiter: str) -> tuple[int, int]:
        widths = [len(r) for r in csv.reader(head, delimiter=delimiter) if any(r)]
        if not widths:
            return (0, 0)
        width, count = Counter(widths).most_common(1)[0]
        return (count if width > 1 else 0, width)

    return max(_DELIMITERS, key=quality)


def _lines(text: str, ends: bool = False) -> Iterator[str]:
    """The physical lines of `text` (broken at CR LF, CR or LF), one at a time, with their
    line breaks if `ends` (as the csv reader wants them). Slices found with str.find: no
    copy of the whole text (io.StringIO holds it again, four bytes a character)."""
    start, size = 0, len(text)
    lf = cr = -2  # the next LF and CR at or after start; -1: none left
    while start < size:
        if lf != -1 and lf < start:
            lf = text.find("\n", start)
        if cr != -1 and cr < start:
            cr = text.find("\r", start)
        stops = [at for at in (lf, cr) if at >= 0]
        if not stops:
            yield text[start:]
            return
        at = min(stops)
        end = at + 2 if at == cr and lf == at + 1 else at + 1
        yield text[start : end if ends else at]
        start = end


def _read_csv(where: str, text: str, budget: ReadBudget) -> list[tuple[int, Cells]]:
    delimiter = _delimiter(text)
    rows: list[tuple[int, Cells]] = []
    number = 0  # the record being read (a record may span lines: a quoted line break)

    def measured():
        """The lines for the csv reader, each refused before it is split into cells when
        it has more cells than PAR_MAX_COLUMNS (separators inside quotes do not count)."""
        for line in _lines(text, ends=True):
            if line.count(delimiter) >= budget.max_columns:
                cells = _QUOTED.sub("", line).count(delimiter) + 1
                budget.check_columns(cells, number + 1, _NO_SHEET)
            yield line

    try:
        for number, cells in enumerate(csv.reader(measured(), delimiter=delimiter), start=1):
            if any(_filled(c) for c in cells):
                budget.add_row(len(cells), number, _NO_SHEET)
                rows.append((number, tuple(cells)))
            else:
                budget.check_time(number)
    except csv.Error as exc:
        raise refuse(where, "damaged_file", *bilingual("imp_bad_csv", error=exc)) from None
    return rows


# --- workbooks -------------------------------------------------------------------------------


def _read_xlsx(where: str, data: bytes, budget: ReadBudget) -> list[Sheet]:
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            timed = _Timed(data, budget)
            book = openpyxl.load_workbook(timed, read_only=True, data_only=True)
            try:
                sheets = [
                    Sheet(ws.title, _sheet_rows(ws, budget), "xlsx")
                    for ws in book.worksheets
                    if ws.title.strip().lower() not in NOTES_SHEETS
                ]
            finally:
                book.close()
    except FileRefused:
        raise
    except Exception as exc:  # a damaged upload must give a message, not a traceback
        error = type(exc).__name__
        raise refuse(where, "damaged_file", *bilingual("imp_damaged_xlsx", error=error)) from None
    refuse_legacy(where, _text_sample(sheets))
    return sheets


class _Timed(io.BytesIO):
    """The upload's bytes, refusing to be read past the budget's time: openpyxl reads every
    part of the workbook through it (a sheet without its size is parsed whole to find it)."""

    def __init__(self, data: bytes, budget: ReadBudget) -> None:
        super().__init__(data)
        self.budget = budget

    def read(self, size: int | None = -1) -> bytes:
        self.budget.check_time()
        return super().read(size)


def _sheet_rows(ws, budget: ReadBudget) -> list[tuple[int, Cells]]:
    """The rows with data, read one at a time (openpyxl's read-only mode streams the sheet's
    XML), within the budget: the read stops at the first row past a limit."""
    ws.reset_dimensions()  # some writers store a wrong size; read what is there
    sheet = Both(*bilingual("imp_in_sheet", sheet=ws.title))
    rows: list[tuple[int, Cells]] = []
    for number, cells in enumerate(ws.iter_rows(), start=1):
        values = tuple(_cell_value(c) for c in cells)
        if any(_filled(v) for v in values):
            budget.add_row(len(values), number, sheet)
            rows.append((number, values))
        elif not number % 1024:
            budget.check_time(number)
    return rows


def _cell_value(cell) -> object:
    """The cell's value; a number shown as a percentage (0.9867 as 98.67%) becomes 98.67."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "%" in (getattr(cell, "number_format", None) or ""):
            return round(value * 100, 10)
    return value


def _text_sample(sheets: list[Sheet]) -> str:
    words: list[str] = []
    size = 0
    for sheet in sheets:
        for _, cells in sheet.rows[:500]:
            for cell in cells:
                if isinstance(cell, str) and size < _SAMPLE_CHARS:
                    words.append(cell)
                    size += len(cell) + 1
    return "\n".join(words)
