"""What an export or a deck covers: one unit (or all) and a range of years, and file names for it.

`select` resolves the user's unit query and checks the years once, so that the exports, the
chart images and the deck describe exactly the same filter (the XLSX "Bộ lọc" sheet, the
title slide, the file names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from indicators import schema as s
from indicators.dataset import Dataset, is_url
from indicators.errors import BilingualError
from indicators.i18n import t
from indicators.settings import BUNDLED_DATA
from indicators.units import ascii_fold, find_unit, name_key, nfc


class SelectionError(BilingualError, ValueError):
    """A filter that cannot be applied (e.g. the first year after the last); vi and en."""


@dataclass(frozen=True)
class Selection:
    """A resolved filter. None means "no limit" (every unit, every year)."""

    unit_code: str | None
    unit_name: str | None
    year_from: int | None
    year_to: int | None
    source: str  # where the dataset came from, without any password

    def unit_mask(self, codes: pd.Series) -> pd.Series:
        if self.unit_code is None:
            return pd.Series(True, index=codes.index)
        return codes.eq(self.unit_code).fillna(False).astype(bool)

    def year_mask(self, years: pd.Series) -> pd.Series:
        mask = pd.Series(True, index=years.index)
        if self.year_from is not None:
            mask &= years.ge(self.year_from).fillna(False).astype(bool)
        if self.year_to is not None:
            mask &= years.le(self.year_to).fillna(False).astype(bool)
        return mask

    def rows(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of a table with unit_code and year that fall inside the selection."""
        return frame[self.unit_mask(frame[s.UNIT_CODE]) & self.year_mask(frame[s.YEAR])]

    def period(self) -> str:
        """'2016–2019', '2018', '2016–' (no end), '–2019' (no start) or '' (every year)."""
        first, last = self.year_from, self.year_to
        if first is not None and first == last:
            return str(first)
        if first is None and last is None:
            return ""
        return f"{'' if first is None else first}–{'' if last is None else last}"


def display_source(source: str) -> str:
    """The dataset source as it may be shown or written into a file: a URL loses its password."""
    if not is_url(source):
        return source
    try:
        return sa.engine.make_url(source).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return re.sub(r"//[^@/]*@", "//***@", source)


def select(
    dataset: Dataset,
    unit: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Selection:
    """Resolve `unit` (a code or a name, see units.find_unit) and check the year range.

    Raises UnitNotFound / UnitAmbiguous for the unit, SelectionError for a reversed range.
    """
    if year_from is not None and year_to is not None and year_from > year_to:
        raise SelectionError.of("err_years_reversed", first=year_from, last=year_to)
    code = name = None
    if unit is not None and unit.strip():
        row = find_unit(dataset.units, unit, year_to if year_to is not None else year_from)
        code, name = str(row[s.CODE]), nfc(str(row[s.NAME_VI]))
    return Selection(code, name, year_from, year_to, display_source(dataset.source))


def slug(text: str) -> str:
    """'Quận Nam Từ Liêm' -> 'nam-tu-liem': ASCII, lower case, no type prefix, hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-")


def file_name(prefix: str, selection: Selection, ext: str) -> str:
    """A readable ASCII file name such as 'xep-hang-nam-tu-liem-2016-2019.png'."""
    parts = [re.sub(r"[^a-z0-9]+", "-", ascii_fold(prefix).lower()).strip("-")]
    if selection.unit_name:
        parts.append(slug(selection.unit_name))
    years = selection.period().replace("–", "-").strip("-")
    if years:
        parts.append(years)
    return "-".join(p for p in parts if p) + "." + ext.lstrip(".")


def source_words(source: str, lang: str) -> str:
    """Where the figures came from, in words and without any path or address (a download is
    shared beyond the server): the bundled dataset, an office's folder, a database by kind."""
    if is_url(source):
        try:
            backend = sa.engine.make_url(source).get_backend_name()
        except sa.exc.ArgumentError:
            backend = ""
        name = BACKEND_NAMES.get(backend, backend)
        return t("source_database", lang, backend=name).strip()
    try:
        bundled = Path(source).resolve() == BUNDLED_DATA.resolve()
    except (OSError, ValueError):
        bundled = False
    return t("source_bundled" if bundled else "source_folder", lang)


BACKEND_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite", "mysql": "MySQL"}
