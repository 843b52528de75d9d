"""Problems of an uploaded file, reported like dataset failures (vi and en, never a trace)."""

from __future__ import annotations

from indicators.validation import Failure, report


class FileRefused(Exception):
    """The file cannot be imported; `failures` say what to fix, row by row where possible."""

    def __init__(self, failures: list[Failure]):
        self.failures = failures
        super().__init__(report(failures))


def problem(
    where: str,
    rule: str,
    vi: str,
    en: str,
    *,
    row: int | None = None,
    column: str | None = None,
    value: object = None,
) -> Failure:
    """A Failure of the file `where` (its name); row is the spreadsheet's row number."""
    return Failure(where, row, column, value, rule, vi, en)


def refuse(where: str, rule: str, vi: str, en: str, value: object = None) -> FileRefused:
    """A FileRefused with one problem of the whole file."""
    return FileRefused([problem(where, rule, vi, en, value=value)])
