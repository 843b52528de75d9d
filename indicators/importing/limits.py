"""Limits of an upload (see indicators.settings): its size (PAR_MAX_UPLOAD_MB), checked
before it is read, and the budget of reading it (PAR_MAX_ROWS, PAR_MAX_COLUMNS,
PAR_MAX_CELLS, PAR_READ_SECONDS), checked while it is read."""

from __future__ import annotations

import time

from indicators import settings
from indicators.errors import Both, bilingual
from indicators.formatting import fmt_number
from indicators.importing.errors import FileRefused, problem, refuse

UNZIPPED_FACTOR = 25  # an .xlsx may unpack to at most this many times the upload limit
MAX_ZIP_MEMBERS = 2000


def max_upload_bytes() -> int:
    """PAR_MAX_UPLOAD_MB in bytes (settings.SettingInvalid for a value that is not a number of
    megabytes > 0: `inf` used to raise OverflowError here, `abc` to fall back unsaid)."""
    return int(settings.max_upload_mb() * 1024 * 1024)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _limit_for(where: str) -> int:
    """max_upload_bytes, a bad setting refused as the file's problem (never a traceback)."""
    try:
        return max_upload_bytes()
    except settings.SettingInvalid as exc:
        raise refuse(where, "setting_invalid", exc.vi, exc.en) from None


def check_size(where: str, size: int) -> None:
    """Refuse a file over the limit, before anything reads it."""
    limit = _limit_for(where)
    if size > limit:
        sizes = {
            k: Both(_mb(n), _mb(n).replace(",", ".")) for k, n in (("size", size), ("limit", limit))
        }
        raise refuse(where, "too_large", *bilingual("imp_too_large", **sizes))


def check_unzipped(where: str, members: int, unzipped: int) -> None:
    """Refuse an .xlsx that would unpack to far more than any real workbook (a zip bomb)."""
    if members > MAX_ZIP_MEMBERS or unzipped > UNZIPPED_FACTOR * _limit_for(where):
        raise refuse(where, "too_large_unzipped", *bilingual("imp_too_large_unzipped"))


# --- budgets for reading a file (PAR_MAX_ROWS, PAR_MAX_COLUMNS, PAR_MAX_CELLS, PAR_READ_SECONDS)


def _count(n: float) -> Both:
    """A count or a limit as each language writes it: 100.000 / 100,000; 0,5 / 0.5."""
    if n == int(n):
        return Both(fmt_number(n, "vi"), fmt_number(n, "en"))
    return Both(*(fmt_number(n, lang, 6).rstrip("0") for lang in ("vi", "en")))


class ReadBudget:
    """The limits of one read, checked while the file is read: rows with data, cells in a
    row and in all, and the wall-clock time since the read began. Each check raises
    FileRefused saying the limit, what was found, where, and what to do."""

    def __init__(self, where: str) -> None:
        try:
            self.max_rows = settings.max_rows()
            self.max_columns = settings.max_columns()
            self.max_cells = settings.max_cells()
            self.seconds = settings.read_seconds()
        except settings.SettingInvalid as exc:
            raise refuse(where, "setting_invalid", exc.vi, exc.en) from None
        self.where = where
        self.deadline = time.monotonic() + self.seconds
        self.rows = 0  # rows with data read so far
        self.cells = 0

    def _refuse(self, rule: str, key: str, row: int | None, **values: object) -> FileRefused:
        texts = bilingual(key, **values)
        return FileRefused([problem(self.where, rule, *texts, row=row)])

    def check_time(self, row: int | None = None) -> None:
        """Refuse once reading has taken longer than PAR_READ_SECONDS."""
        if time.monotonic() > self.deadline:
            values = {"seconds": _count(self.seconds), "rows": _count(self.rows)}
            raise self._refuse("too_slow", "imp_read_too_slow", row, **values)

    def check_columns(self, count: int, row: int, sheet: Both) -> None:
        """Refuse a row (a line of a CSV) of more than PAR_MAX_COLUMNS cells."""
        if count > self.max_columns:
            values = {"count": _count(count), "limit": _count(self.max_columns), "sheet": sheet}
            raise self._refuse("too_many_columns", "imp_too_many_columns", row, **values)

    def check_row_tags(self, rows: int, part: str) -> None:
        """Refuse a sheet's XML (`part` of the .xlsx) that holds more than PAR_MAX_ROWS rows,
        counted while it is unpacked, before it is parsed."""
        if rows > self.max_rows:
            values = {"limit": _count(self.max_rows), "sheet": Both(f" ({part})", f" ({part})")}
            raise self._refuse("too_many_rows", "imp_too_many_rows", None, **values)

    def add_row(self, width: int, row: int, sheet: Both) -> None:
        """Count one row with data of `width` cells; refuse past any limit."""
        self.check_columns(width, row, sheet)
        self.rows += 1
        self.cells += width
        if self.rows > self.max_rows:
            values = {"limit": _count(self.max_rows), "sheet": sheet}
            raise self._refuse("too_many_rows", "imp_too_many_rows", row, **values)
        if self.cells > self.max_cells:
            values = {"limit": _count(self.max_cells), "sheet": sheet}
            raise self._refuse("too_many_cells", "imp_too_many_cells", row, **values)
        self.check_time(row)
