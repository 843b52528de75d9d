"""validate/import a file on disk: its size is checked before a byte of it is read."""

from __future__ import annotations

from pathlib import Path

from indicators.errors import bilingual
from indicators.importing.errors import FileRefused, problem
from indicators.importing.limits import check_size
from indicators.importing.service import ImportResult, import_bytes, validate_bytes


def read_checked(path: Path) -> bytes:
    """The file's bytes, or FileRefused if it is missing or over the size limit."""
    if not path.is_file():
        raise FileRefused(
            [problem(path.name, "no_file", *bilingual("imp_no_file"), value=str(path))]
        )
    check_size(path.name, path.stat().st_size)
    return path.read_bytes()


def validate_file(path: Path, source: str | None = None, table: str | None = None) -> ImportResult:
    try:
        data = read_checked(path)
    except FileRefused as exc:
        return ImportResult(False, path.name, failures=tuple(exc.failures))
    return validate_bytes(data, path.name, source, table)


def import_file(
    path: Path, into: str | None = None, who: str | None = None, table: str | None = None
) -> ImportResult:
    try:
        data = read_checked(path)
    except FileRefused as exc:
        return ImportResult(False, path.name, failures=tuple(exc.failures))
    return import_bytes(data, path.name, into, who, table)
