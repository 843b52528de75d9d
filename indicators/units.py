"""Administrative units: name normalisation, look-up by code or name, validity in a year."""

from __future__ import annotations

import difflib
import re
import unicodedata

import pandas as pd

from indicators import schema as s
from indicators.errors import BilingualError, bilingual

# Longest first, so that "thành phố" is removed before a shorter prefix could match.
_PREFIXES = (
    "thanh pho",
    "thi tran",
    "thi xa",
    "tinh",
    "quan",
    "huyen",
    "phuong",
    "xa",
    "tp",
    "dac khu",
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ascii_fold(text: str) -> str:
    """'Nam Từ Liêm' -> 'Nam Tu Liem' (đ and Đ become d and D)."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """A comparison key: no case, no diacritics, no punctuation, no type prefix.

    'Quận Nam Từ Liêm', 'nam tu liem' and 'NAM TỪ LIÊM' share the key 'nam tu liem';
    'TP. Hồ Chí Minh' and 'Hồ Chí Minh' share 'ho chi minh'.
    """
    folded = re.sub(r"[^a-z0-9]+", " ", ascii_fold(text).lower()).strip()
    for prefix in _PREFIXES:
        if folded.startswith(prefix + " ") and len(folded) > len(prefix) + 1:
            return folded[len(prefix) + 1 :]
    return folded


def year_bounds(year: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    return pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)


def valid_in_year(units: pd.DataFrame, year: int) -> pd.Series:
    """True for the unit versions that were valid on at least one day of `year`."""
    first, last = year_bounds(year)
    ends = units[s.VALID_TO]
    return (units[s.VALID_FROM] <= last) & (ends.isna() | (ends >= first))


class UnitNotFound(BilingualError, LookupError):
    """No unit has this code or name; `suggestions` are the closest names."""

    def __init__(self, query: str, suggestions: tuple[str, ...]) -> None:
        hint = "; ".join(suggestions) or "-"
        super().__init__(*bilingual("err_unit_not_found", query=query, hint=hint))
        self.query = query
        self.suggestions = suggestions


class UnitAmbiguous(BilingualError, LookupError):
    """Several units have this name; `candidates` are their 'code name' labels."""

    def __init__(self, query: str, candidates: tuple[str, ...]) -> None:
        listed = "; ".join(candidates)
        super().__init__(*bilingual("err_unit_ambiguous", query=query, listed=listed))
        self.query = query
        self.candidates = candidates


def _label(row: pd.Series) -> str:
    return f"{row[s.CODE]} {row[s.NAME_VI]}"


def find_unit(units: pd.DataFrame, query: str, year: int | None = None) -> pd.Series:
    """The unit version named by `query` (a code or a name), preferring one valid in `year`.

    Raises UnitNotFound with the closest names, or UnitAmbiguous when several units remain.
    """
    query = nfc(query.strip())
    if query.isdigit():
        matches = units[units[s.CODE] == query]
    else:
        key = name_key(query)
        keys = units[s.NAME_VI].map(name_key)
        matches = units[keys == key]
    if matches.empty:
        raise UnitNotFound(query, closest_names(units, query))
    if year is not None and len(matches) > 1:
        in_year = matches[valid_in_year(matches, year)]
        matches = in_year if not in_year.empty else matches
    if len(matches) > 1 and not query.isdigit():
        exact = matches[matches[s.NAME_VI].map(lambda n: nfc(n).lower()) == query.lower()]
        matches = exact if len(exact) == 1 else matches
    if len(matches) > 1 and matches[s.CODE].nunique() > 1:
        raise UnitAmbiguous(query, tuple(_label(r) for _, r in matches.iterrows()))
    return matches.sort_values(s.VALID_FROM).iloc[-1]


def closest_names(units: pd.DataFrame, query: str, n: int = 5) -> tuple[str, ...]:
    by_key: dict[str, list[str]] = {}
    for name in units[s.NAME_VI].drop_duplicates():
        by_key.setdefault(name_key(name), []).append(name)
    close = difflib.get_close_matches(name_key(query), list(by_key), n=n, cutoff=0.5)
    return tuple(name for k in close for name in by_key[k])[:n]
