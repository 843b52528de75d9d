"""Turn the cells people really type into typed values, one column type at a time.

Numbers (decided per column type, because "1.234" is ambiguous):
- integer columns (years, months, ranks, dossier counts): a "." or "," followed by exactly
  three digits is a thousands separator, so "1.234" and "1,234" are 1234 and "1.234.567" is
  1234567; "12,0" is 12; "1,5" is refused (not a whole number).
- decimal columns (scores, maximum scores, days): one "." or "," is the decimal separator, so
  "95.7", "95,7" and "95,7%" are 95.7; with both, the last one is the decimal separator
  ("1.234,5" and "1,234.5" are 1234.5); the same one twice means thousands ("1.234.567").
  A trailing "%" is dropped: 98,67% is 98.67 points (of a 100-point maximum). A workbook cell
  formatted as a percentage (0.9867 shown as 98.67%) is read as 98.67 too.
- spaces (also non-breaking) inside numbers are ignored ("1 234"); a lone "-" is empty.
Dates: dd/mm/yyyy (also with "-" or "."), yyyy-mm-dd, or a workbook date; never mm/dd.
Yes/no: có/không, x, yes/no, true/false, 1/0 (any case, with or without diacritics).
Text: NFC, trimmed, inner runs of spaces made one; text starting with "=" or "@" (a formula)
is refused, so that nothing uploaded can become a formula when the data is exported again.
What a value must mean beyond its type (hidden characters, lengths, ranges) is checked by
indicators.importing.meaning.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime

import pandas as pd

from indicators import schema as s
from indicators.errors import BilingualError
from indicators.units import ascii_fold


class Unparsable(BilingualError, ValueError):
    """A cell that cannot be read as its column's type, or cannot mean anything in its column
    (`rule` names which check refused it); vi and en say what is expected."""

    rule = "type"

    @classmethod
    def by(cls, rule: str, key: str, /, **values: object) -> Unparsable:
        """The refusal of a meaning check `rule`, worded by the registry's `key`."""
        refused = cls.of(key, **values)
        refused.rule = rule
        return refused


EMPTY_MARKS = frozenset({"", "-", "–", "—", "n/a", "N/A", "#N/A"})
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_WHOLE = re.compile(r"\d+(?:[.,]0+)?")
_DECIMAL = re.compile(r"\d*\.?\d+|\d+\.")
_YEAR = re.compile(r"(?:nam\s*)?(\d{4})(?:[.,]0+)?")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
MAX_DIGITS = 18
TRUE_WORDS = frozenset({"co", "x", "yes", "y", "true", "dung", "1", "c"})
FALSE_WORDS = frozenset({"khong", "no", "n", "false", "sai", "0", "k"})


def fold(text: str) -> str:
    """Lowercase ASCII with single spaces: 'Toàn  trình' -> 'toan trinh'."""
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", ascii_fold(text).lower()).split())


def is_empty(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return isinstance(cell, str) and _SPACES.sub("", cell) in EMPTY_MARKS


def parse_text(cell: object) -> str | None:
    if is_empty(cell):
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)  # a code typed as a number: 19.0 -> "19"
    if isinstance(cell, datetime | date):
        cell = cell.strftime("%d/%m/%Y")
    text = " ".join(unicodedata.normalize("NFC", str(cell)).split())
    if text.startswith(("=", "@")):
        raise Unparsable.of("imp_formula")
    return text


def _number_text(cell: object) -> str:
    return _SPACES.sub("", str(cell)).replace("−", "-")


def _signed(text: str) -> tuple[int, str]:
    if text[:1] in "+-":
        return (-1 if text[0] == "-" else 1), text[1:]
    return 1, text


def parse_int(cell: object) -> int | None:
    if is_empty(cell):
        return None
    if isinstance(cell, bool):
        raise _not_whole(cell)
    if isinstance(cell, int | float):
        if isinstance(cell, float) and not math.isfinite(cell):
            raise Unparsable.by("not_finite", "imp_not_finite")
        if isinstance(cell, float) and not cell.is_integer():
            raise _not_whole(cell)
        return int(cell)
    sign, text = _signed(_number_text(cell))
    _not_too_long(re.sub(r"\D", "", text))
    if _THOUSANDS.fullmatch(text):
        return sign * int(re.sub(r"[.,]", "", text))
    if _WHOLE.fullmatch(text):
        return sign * int(re.split(r"[.,]", text)[0])
    raise _not_whole(cell)


def _not_whole(cell: object) -> Unparsable:
    return Unparsable.of("imp_not_whole")


def parse_float(cell: object) -> float | None:
    if is_empty(cell):
        return None
    if isinstance(cell, bool):
        raise _not_number()
    if isinstance(cell, int | float):
        return float(cell)
    sign, text = _signed(_number_text(cell).removesuffix("%"))
    text = _decimal_point(text)
    if not _DECIMAL.fullmatch(text):
        raise _not_number()
    _not_too_long(text.split(".")[0])
    return sign * float(text)


def _not_too_long(digits: str) -> None:
    """Unparsable for a whole part of more than MAX_DIGITS digits: no figure has that many,
    and Python refuses to read an integer of thousands of them (a traceback, not a message)."""
    if len(digits) > MAX_DIGITS:
        raise Unparsable.by("too_large", "imp_number_too_long", digits=len(digits))


def _decimal_point(text: str) -> str:
    """'1.234,5' / '1,234.5' / '95,7' / '1.234.567' -> '1234.5' / '1234.5' / '95.7' / '1234567'."""
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return text.replace(thousands, "").replace(decimal, ".")
    for mark in (",", "."):
        if text.count(mark) > 1 and _THOUSANDS.fullmatch(text):
            return text.replace(mark, "")
        if text.count(mark) == 1:
            return text.replace(mark, ".")
    return text


def _not_number() -> Unparsable:
    return Unparsable.of("imp_not_number")


def parse_year(cell: object) -> int | None:
    """A four-digit year: 2024, 2024.0 or 'Năm 2024'; '24', '2024-2025' are refused."""
    if is_empty(cell):
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        text = str(int(cell)) if float(cell).is_integer() else str(cell)
    else:
        text = " ".join(ascii_fold(str(cell)).lower().split())
    found = _YEAR.fullmatch(text)
    if not found:
        raise Unparsable.of("imp_not_year")
    return int(found.group(1))


def parse_bool(cell: object) -> bool | None:
    if is_empty(cell):
        return None
    if isinstance(cell, bool):
        return cell
    is_number = isinstance(cell, int | float)
    word = str(int(cell)) if is_number and float(cell).is_integer() else fold(str(cell))
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise Unparsable.of("imp_not_bool")


def parse_date(cell: object) -> pd.Timestamp | None:
    if is_empty(cell):
        return None
    if isinstance(cell, datetime | date):
        try:
            return pd.Timestamp(cell).normalize()
        except (OverflowError, ValueError):  # a workbook date pandas cannot hold: 31/12/9999
            raise Unparsable.of("imp_not_date") from None
    text = str(cell).strip()
    found = _DMY.fullmatch(text)
    parts = (found.group(3), found.group(2), found.group(1)) if found else None
    if parts is None and (found := _YMD.fullmatch(text)):
        parts = found.groups()
    try:
        return pd.Timestamp(year=int(parts[0]), month=int(parts[1]), day=int(parts[2]))
    except (TypeError, ValueError):
        raise Unparsable.of("imp_not_date") from None


PARSERS = {
    s.TEXT: parse_text,
    s.INT: parse_int,
    s.FLOAT: parse_float,
    s.BOOL: parse_bool,
    s.DATE: parse_date,
}


def parse(cell: object, kind: str, column: str) -> object:
    """The typed value of a cell for a column of `kind` (the year column has its own rule)."""
    return parse_year(cell) if column == s.YEAR else PARSERS[kind](cell)


def choose(value: str | None, aliases: dict[str, str], closed: bool, shown: str) -> str | None:
    """The canonical value for a typed word ('Toàn trình' -> 'full'); in a `closed` column
    an unknown word is refused, listing `shown` (the values as people write them)."""
    if value is None:
        return None
    found = aliases.get(fold(value))
    if found is not None:
        return found
    if closed:
        raise Unparsable.of("imp_not_allowed", shown=shown)
    return value
