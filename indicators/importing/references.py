"""Resolve what a row refers to: its unit (by code or name) and its source (by id, or a new
source made from a title and an address)."""

from __future__ import annotations

import difflib
import hashlib
import re
from urllib.parse import urlparse, urlsplit

import pandas as pd

from indicators import schema as s
from indicators.errors import BilingualError, Both, bilingual
from indicators.importing import fields as f
from indicators.importing.values import fold
from indicators.units import UnitAmbiguous, UnitNotFound, find_unit, name_key, year_bounds

TOTAL_ROW_WORDS = frozenset({"tong", "tong cong", "tong so", "cong", "total", "toan thanh pho"})
_URL = re.compile(r"https?://\S+")
_HOST = re.compile(r"[\w.-]+|[0-9a-f:.]+", re.IGNORECASE)  # a name (IDN too), IPv4 or IPv6


class CellProblem(BilingualError):
    """A value the row refers to that cannot be resolved; `column` is where to fix it."""

    def __init__(self, column: str, rule: str, vi: str, en: str, value: object = None) -> None:
        super().__init__(vi, en)
        self.column = column
        self.rule = rule
        self.value = value


class Units:
    """Finds the unit of each row, caching by (code, name, year): files repeat units a lot."""

    def __init__(self, units: pd.DataFrame):
        self.units = units
        self._cache: dict[tuple, pd.Series | CellProblem] = {}

    def find(self, code: str | None, name: str | None, year: int | None) -> pd.Series:
        key = (code, name, year)
        if key not in self._cache:
            try:
                self._cache[key] = self._find(code, name, year)
            except CellProblem as exc:
                self._cache[key] = exc
        found = self._cache[key]
        if isinstance(found, CellProblem):
            raise found
        return found

    def _find(self, code: str | None, name: str | None, year: int | None) -> pd.Series:
        if code is None and name is None:
            raise CellProblem(f.UNIT_NAME, "required", *bilingual("imp_unit_required"))
        if name is not None and fold(name) in TOTAL_ROW_WORDS and code is None:
            raise CellProblem(
                f.UNIT_NAME,
                "total_row",
                *bilingual("imp_total_row"),
                name,
            )
        unit = self._by_code(code, year) if code is not None else self._by_name(name, year)
        if code is not None and name is not None and name_key(name) != name_key(unit[s.NAME_VI]):
            raise CellProblem(
                f.UNIT_NAME,
                "unit_mismatch",
                *bilingual("imp_unit_mismatch", code=unit[s.CODE], unit=unit[s.NAME_VI], name=name),
                name,
            )
        if year is not None and not _valid_in(unit, year):
            raise _not_in_year(unit, year)
        return unit

    def _by_code(self, code: str, year: int | None) -> pd.Series:
        """A code as typed, or with the leading zeros a spreadsheet drops (19 -> 019)."""
        known = set(self.units[s.CODE])
        padded = dict.fromkeys(v for v in (code.zfill(n) for n in (2, 3, 5)) if v in known)
        variants = [code] if code in known else list(padded)
        if len(variants) != 1 or not code.isdigit():
            raise CellProblem(
                s.UNIT_CODE,
                "unknown_unit",
                *bilingual(
                    "imp_unknown_code_maybe" if variants else "imp_unknown_code",
                    code=code,
                    variants=", ".join(variants),
                ),
                code,
            )
        return find_unit(self.units, variants[0], year)

    def _by_name(self, name: str, year: int | None) -> pd.Series:
        try:
            return find_unit(self.units, name, year)
        except UnitNotFound as exc:
            hint = "; ".join(exc.suggestions) or "-"
            raise CellProblem(
                f.UNIT_NAME,
                "unknown_unit",
                *bilingual("imp_unit_not_found", name=name, hint=hint),
                name,
            ) from None
        except UnitAmbiguous as exc:
            listed = "; ".join(exc.candidates)
            raise CellProblem(
                f.UNIT_NAME,
                "ambiguous_unit",
                *bilingual("imp_unit_ambiguous", name=name, listed=listed),
                name,
            ) from None


def _valid_in(unit: pd.Series, year: int) -> bool:
    first, last = year_bounds(year)
    end = unit[s.VALID_TO]
    return bool(unit[s.VALID_FROM] <= last and (pd.isna(end) or end >= first))


def _not_in_year(unit: pd.Series, year: int) -> CellProblem:
    start = unit[s.VALID_FROM].strftime("%d/%m/%Y")
    ended = unit[s.VALID_TO]
    end = Both("nay", "now") if pd.isna(ended) else ended.strftime("%d/%m/%Y")
    texts = bilingual(
        "imp_unit_not_in_year",
        unit=unit[s.NAME_VI],
        code=unit[s.CODE],
        year=year,
        start=start,
        end=end,
    )
    return CellProblem(s.YEAR, "unit_not_in_year", *texts, year)


class Sources:
    """The source id of each row; new sources (title + address) become new `sources` rows."""

    def __init__(self, sources: pd.DataFrame):
        self.ids = set(sources[s.ID].dropna())
        self._by_url = _index(sources, s.URL, str)
        self._by_title = _index(sources, s.TITLE, fold)
        self.new: list[dict[str, object]] = []
        self.new_rows: list[int] = []  # the spreadsheet row that introduced each new source

    def resolve(self, values: dict[str, object], row: int) -> str:
        if values.get(s.SOURCE_ID) is not None:
            return self._known(str(values[s.SOURCE_ID]))
        url, title = values.get(f.SOURCE_URL), values.get(f.SOURCE_TITLE)
        if url is not None:
            check_url(str(url))
        found = self._by_url.get(str(url)) if url is not None else None
        found = found or (self._by_title.get(fold(str(title))) if title is not None else None)
        if found is not None:
            return found
        if title is None:
            raise _no_source(url)
        return self._add(values, str(title), None if url is None else str(url), row)

    def _known(self, source_id: str) -> str:
        if source_id in self.ids:
            return source_id
        close = difflib.get_close_matches(source_id, sorted(self.ids), n=3, cutoff=0.6)
        hint = ", ".join(close) or "-"
        raise CellProblem(
            s.SOURCE_ID,
            "unknown_source",
            *bilingual("imp_unknown_source", source=source_id, hint=hint),
            source_id,
        )

    def _add(self, values: dict[str, object], title: str, url: str | None, row: int) -> str:
        source_id = _new_id(url or title, url, self.ids)
        self.ids.add(source_id)
        self._by_title[fold(title)] = source_id
        if url is not None:
            self._by_url[url] = source_id
        self.new.append(
            {
                s.ID: source_id,
                s.TITLE: title,
                s.PUBLISHER: values.get(f.SOURCE_PUBLISHER),
                s.URL: url,
                s.PUBLISHED: values.get(f.SOURCE_PUBLISHED),
                s.SOURCE_KIND: values.get(f.SOURCE_KIND) or "published",
                s.EXCERPT: None,
            }
        )
        self.new_rows.append(row)
        return source_id

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.new, columns=s.SOURCES.names)


def check_url(url: str) -> None:
    """CellProblem unless `url` is an http(s) address with a host (and a port, if any, that
    exists): 'https://[fe80::1' or 'https://x:99999/' would stop the import with a trace."""
    if not _URL.fullmatch(url):
        raise CellProblem(f.SOURCE_URL, "format", *bilingual("imp_source_url"), url)
    try:
        parts = urlsplit(url)
        ok = bool(parts.hostname) and parts.port != 0 and _HOST.fullmatch(parts.hostname)
    except ValueError:  # unbalanced brackets, a port that is not a number or too large
        ok = False
    if not ok:
        raise CellProblem(f.SOURCE_URL, "format", *bilingual("imp_source_url_malformed"), url)


def _index(sources: pd.DataFrame, column: str, key) -> dict[str, str]:
    rows = sources[sources[column].notna()]
    return {key(v): i for v, i in zip(rows[column], rows[s.ID], strict=True)}


def _no_source(url: object) -> CellProblem:
    return CellProblem(
        f.SOURCE_TITLE if url is not None else s.SOURCE_ID,
        "source_required",
        *bilingual("imp_source_required"),
        url,
    )


def _new_id(seed: str, url: str | None, taken: set[str]) -> str:
    """'https://www.vietnamplus.vn/…' -> 'vietnamplus-3f2a1c', like the ids already stored."""
    host = (urlparse(url).hostname or "") if url else ""
    label = re.sub(r"[^a-z0-9]+", "-", host.removeprefix("www.").split(".")[0].lower()).strip("-")
    digest = hashlib.sha1(seed.encode("utf-8")).hexdigest()
    for length in (6, 10, 40):
        candidate = f"{label or 'import'}-{digest[:length]}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"source id collision for {seed!r}")  # 40 hex digits: never
