"""What a unit created on 1 July 2025 was formed from, read from the succession mapping.

Hanoi's 126 communes and wards and the 34 provinces of today did not exist before 1 July
2025; their leaders look for their history in the units they were formed from. The mapping
(`unit_successions`) links each old unit to each new one with `whole` (all of the old unit
went into the new one) or `part` (only some of it did). For a new commune the old units are
communes and, one level up, the districts the PAR index ranked: the districts are the
*forebears* whose history a leader can open, each with the old communes it gave. For a new
province the forebears are the old provinces. Pure: no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators import domain
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.units import name_key

WHOLE, PART = "whole", "part"
# the level whose history an index holds, for the level of an old unit that gave land
FOREBEAR_LEVEL = {"commune": "district", "district": "district", "province": "province"}


@dataclass(frozen=True)
class Piece:
    """An old unit that gave all (`whole`) or some (`part`) of its land to the new unit."""

    code: str
    name: str
    relation: str


@dataclass(frozen=True)
class Forebear:
    """An old unit of an index's level (a district, a province) the new unit came from, with
    the old communes it gave (none for a province)."""

    code: str
    name: str
    level: str
    relation: str
    pieces: tuple[Piece, ...] = ()


@dataclass(frozen=True)
class Formation:
    code: str
    name: str
    effective: pd.Timestamp
    forebears: tuple[Forebear, ...]
    source_ids: tuple[str, ...]

    @property
    def pieces(self) -> int:
        """How many old communes (or provinces, when there are no communes) went into it."""
        return sum(len(f.pieces) for f in self.forebears) or len(self.forebears)


def _valid_on(units: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    ends = units[s.VALID_TO]
    mask = (units[s.VALID_FROM] <= day) & (ends.isna() | (ends >= day))
    return units[mask.fillna(False).astype(bool)]


def _named(rows: pd.DataFrame) -> list[tuple[str, str]]:
    pairs = [(str(c), str(n)) for c, n in zip(rows[s.CODE], rows[s.NAME_VI], strict=True)]
    return sorted(pairs, key=lambda pair: (name_key(pair[1]), pair[0]))


def formation(units: pd.DataFrame, successions: pd.DataFrame, code: str) -> Formation | None:
    """How the unit `code` valid today was formed on 1 July 2025, or None when it is not a
    unit of the reorganisation (an old unit, an unknown code, a new unit with no mapping)."""
    new = units[(units[s.CODE] == code) & (units[s.VALID_FROM] >= domain.REORG_DATE)]
    links = successions[successions[s.NEW_CODE] == code]
    if new.empty or links.empty:
        return None
    effective = pd.Timestamp(links[s.EFFECTIVE].min())
    old = _valid_on(units, effective - pd.Timedelta(days=1))
    old = old[old[s.CODE].isin(links[s.OLD_CODE])]
    relation = dict(zip(links[s.OLD_CODE], links[s.RELATION], strict=True))
    level = str(new[s.LEVEL].iloc[0])
    forebear_level = FOREBEAR_LEVEL.get(level, level)
    pieces: dict[str, list[Piece]] = {}
    if forebear_level != level:  # communes: group the old communes by their old district
        communes = old[old[s.LEVEL] == level]
        parents = dict(zip(communes[s.CODE], communes[s.PARENT_CODE], strict=True))
        for c, name in _named(communes):
            pieces.setdefault(str(parents[c]), []).append(Piece(c, name, relation[c]))
    chosen = old[old[s.LEVEL] == forebear_level]
    parents_named = _valid_on(units, effective - pd.Timedelta(days=1))
    parents_named = parents_named[
        parents_named[s.CODE].isin(pieces.keys() - set(chosen[s.CODE]))
        & (parents_named[s.LEVEL] == forebear_level)
    ]
    forebears = [
        Forebear(c, name, forebear_level, relation.get(c, PART), tuple(pieces.get(c, ())))
        for c, name in _named(pd.concat([chosen, parents_named]))
    ]
    forebears.sort(key=lambda f: -len(f.pieces))  # the one that gave most first (stable)
    ids = sorted({str(i) for i in links[s.SOURCE_ID].dropna()})
    return Formation(code, str(new[s.NAME_VI].iloc[-1]), effective, tuple(forebears), tuple(ids))


def existed_in(units: pd.DataFrame, code: str, name: str, year: int) -> bool:
    """Whether the unit named `name` with `code` existed at some time in `year` (a code may
    be reused: 00592 was Phường Cầu Diễn until 2025 and is Phường Từ Liêm since)."""
    start, end = pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)
    rows = units[(units[s.CODE] == code) & (units[s.NAME_VI] == name)]
    ends = rows[s.VALID_TO]
    mask = (rows[s.VALID_FROM] <= end) & (ends.isna() | (ends >= start))
    return bool(mask.fillna(False).any())


def of_dataset(dataset: Dataset, code: str) -> Formation | None:
    """`formation` of a loaded dataset (through ui.data.view, cached per served version)."""
    return formation(dataset.units, dataset.unit_successions, code)


def existed_in_dataset(dataset: Dataset, code: str, name: str, year: int) -> bool:
    """`existed_in` of a loaded dataset."""
    return existed_in(dataset.units, code, name, year)


# What a unit page shows under the origin block (pages/unit.py)
FIGURES, NOT_YET, NO_FIGURES = "figures", "not_yet", "no_figures"


def page_state(
    dataset: Dataset, code: str, name: str, year: int, year_to: int
) -> tuple[Formation | None, str]:
    """The unit's origin (None for a unit older than 1 July 2025) and what its page shows for
    `year`: NOT_YET before the unit existed, NO_FIGURES when a new unit has no figure at all
    since its creation (one sentence instead of one "no data" per topic), else FIGURES."""
    from indicators.views.data import has_figures

    origin = of_dataset(dataset, code)
    if origin is None:
        return None, FIGURES
    if not existed_in_dataset(dataset, code, name, year):
        return origin, NOT_YET
    since = origin.effective.year
    if year >= since and not has_figures(dataset, code, (since, max(year, year_to))):
        return origin, NO_FIGURES
    return origin, FIGURES
