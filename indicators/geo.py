"""Boundary files for the maps: which file serves a level and a year, joins, the 2025 gap.

Pure functions (no Streamlit). The files and their licences are described in
data/geo/SOURCES.md.

How a year maps to a boundary set: a map of year Y shows the units **valid on 31 December
of Y** (`as_of(Y)`), drawn with the file that is valid on that day:

- provinces: the 63 (`vietnam_provinces_63.geojson`) for every year up to 2024, the 34
  (`vietnam_provinces_34.geojson`, Resolution 202/2025/QH15) from 2025 on;
- districts: Hanoi's 30 districts (`hanoi_districts_2019.geojson`) for 2013 (the split of
  Từ Liêm on 27 December 2013) to 2024. They were abolished on 1 July 2025, so a district map
  of 2025 or later raises `BoundaryUnavailable`;
- communes: no file. Hanoi's 126 communes and wards (from 1 July 2025) have no openly
  licensed polygons; show `new_units_by_old_district` as a table instead, with `gap_note`.

The geojson dicts are loaded once per file and shared: treat them as read-only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from indicators import schema as s
from indicators.domain import HANOI_2008, LAST_OLD_DAY, REORG_DATE, TU_LIEM_SPLIT
from indicators.errors import BilingualError
from indicators.i18n import t
from indicators.provenance import object_groups
from indicators.settings import PROJECT_ROOT

GEO_DIR = PROJECT_ROOT / "data" / "geo"
HANOI = "01"
REFORM_DAY = REORG_DATE  # the district maps end the day before
FEATURE_NAME = "feature_name"
MATCH = "match"  # "both", "unit_only" or "feature_only" in join_units
ID_PROPERTY = {"district": "ma_huyen", "province": "ma_tinh"}


class BoundaryUnavailable(BilingualError, LookupError):
    """No boundary file for this level and year; says why in vi and en."""


@dataclass(frozen=True)
class BoundaryFile:
    """One shipped GeoJSON file, the period it is valid for and its required attribution."""

    file: str
    level: str
    n_features: int
    valid_from: pd.Timestamp
    valid_to: pd.Timestamp | None
    licence: str
    attribution_keys: tuple[str, ...]  # the texts (indicators.i18n) of its attribution

    def valid_on(self, day: pd.Timestamp) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def attribution(self, lang: str) -> str:
        """The attribution the licence requires, in `lang`."""
        return "".join(t(key, lang) for key in self.attribution_keys)


FILES = (
    BoundaryFile(
        "hanoi_districts_2019.geojson",
        "district",
        30,
        TU_LIEM_SPLIT,
        LAST_OLD_DAY,
        "CC BY 3.0 IGO",
        ("map_attribution_districts",),
    ),
    BoundaryFile(
        "vietnam_provinces_63.geojson",
        "province",
        63,
        HANOI_2008,
        LAST_OLD_DAY,
        "CC BY-SA 4.0",
        ("map_attribution_provinces",),
    ),
    BoundaryFile(
        "vietnam_provinces_34.geojson",
        "province",
        34,
        REFORM_DAY,
        None,
        "CC BY-SA 4.0",
        ("map_attribution_provinces", "map_attribution_merged"),
    ),
)


@lru_cache(maxsize=8)
def load_geojson(file: str) -> dict[str, Any]:
    """The FeatureCollection of `data/geo/FILE`, read once per process. Do not mutate it."""
    return json.loads((GEO_DIR / file).read_text("utf-8"))


@dataclass(frozen=True)
class BoundarySet:
    """The boundary file that draws the units of `level` valid on `as_of` (31 Dec of `year`)."""

    level: str
    year: int
    as_of: pd.Timestamp
    source: BoundaryFile

    @property
    def file(self) -> str:
        return self.source.file

    @property
    def id_property(self) -> str:
        return ID_PROPERTY[self.level]

    @property
    def featureidkey(self) -> str:
        """For go.Choropleth's `featureidkey`: 'properties.ma_tinh' or 'properties.ma_huyen'."""
        return f"properties.{self.id_property}"

    @property
    def geojson(self) -> dict[str, Any]:
        return load_geojson(self.file)

    @property
    def codes(self) -> tuple[str, ...]:
        return feature_codes(self.geojson, self.level)

    @property
    def licence(self) -> str:
        return self.source.licence

    def attribution(self, lang: str) -> str:
        """The attribution the licence requires, to show next to (or on) every map."""
        return self.source.attribution("en" if lang == "en" else "vi")


def as_of(year: int) -> pd.Timestamp:
    """The day a map of `year` represents: 31 December of that year."""
    return pd.Timestamp(year=year, month=12, day=31)


def boundary_set(level: str, year: int) -> BoundarySet:
    """The boundary set for a map of `level` ('district' or 'province') in `year`.

    Raises BoundaryUnavailable when no shipped file covers 31 December of `year` (district
    maps from 2025 on, commune maps, years before a file's period).
    """
    day = as_of(year)
    for source in FILES:
        if source.level == level and source.valid_on(day):
            return BoundarySet(level, year, day, source)
    if level in ("district", "commune") and day >= REFORM_DAY:
        raise BoundaryUnavailable.of("map_gap_note")
    raise BoundaryUnavailable.of("err_no_boundary_file", level=level, day=day)


def feature_codes(geojson: dict[str, Any], level: str) -> tuple[str, ...]:
    """The join key (`ma_huyen` / `ma_tinh`) of every feature, in file order."""
    key = ID_PROPERTY[level]
    return tuple(str(f["properties"][key]) for f in geojson["features"])


def _features_frame(geojson: dict[str, Any], level: str) -> pd.DataFrame:
    names = [f["properties"].get("name_vi") for f in geojson["features"]]
    return pd.DataFrame(
        {s.CODE: list(feature_codes(geojson, level)), FEATURE_NAME: names}, dtype="string"
    )


def units_on(units: pd.DataFrame, level: str, day: pd.Timestamp) -> pd.DataFrame:
    """Units of `level` valid on `day`; for districts, Hanoi's only (the map covers Hanoi).

    This is `units.valid_in_year` narrowed to one day: in 2025 the 63 old provinces are valid
    in the year but not on 31 December, and one map cannot draw both sets.
    """
    ends = units[s.VALID_TO]
    mask = units[s.LEVEL].eq(level) & (units[s.VALID_FROM] <= day) & (ends.isna() | (ends >= day))
    if level == "district":
        mask &= units[s.PARENT_CODE].eq(HANOI)
    chosen = units[mask.fillna(False).astype(bool)]
    return chosen.sort_values(s.CODE).reset_index(drop=True)


def join_units(units: pd.DataFrame, geojson: dict[str, Any], level: str, year: int) -> pd.DataFrame:
    """Units of `level` valid on 31 Dec of `year` outer-joined to the features by code.

    Columns: code, name_vi (of the unit), feature_name (the feature's `name_vi`) and `match`:
    'both', 'unit_only' (a unit without a feature) or 'feature_only' (a feature without a unit).
    """
    chosen = units_on(units, level, as_of(year))[[s.CODE, s.NAME_VI]]
    joined = chosen.merge(_features_frame(geojson, level), on=s.CODE, how="outer", indicator=True)
    labels = {"both": "both", "left_only": "unit_only", "right_only": "feature_only"}
    joined[MATCH] = joined.pop("_merge").astype(str).map(labels).astype("string")
    return joined.sort_values(s.CODE).reset_index(drop=True)


@dataclass(frozen=True)
class JoinCheck:
    units_without_feature: pd.DataFrame
    features_without_unit: pd.DataFrame

    @property
    def ok(self) -> bool:
        return self.units_without_feature.empty and self.features_without_unit.empty


def check_join(units: pd.DataFrame, geojson: dict[str, Any], level: str, year: int) -> JoinCheck:
    """The units with no feature and the features with no unit (both empty when all match)."""
    joined = join_units(units, geojson, level, year)
    return JoinCheck(
        joined.loc[joined[MATCH].eq("unit_only"), [s.CODE, s.NAME_VI]].reset_index(drop=True),
        joined.loc[joined[MATCH].eq("feature_only"), [s.CODE, FEATURE_NAME]].reset_index(drop=True),
    )


# --- Hanoi after 1 July 2025: a table instead of a map ----------------------------------------

OLD_CODE = "old_district_code"
OLD_NAME = "old_district_name"
NEW_CODE = "new_code"
NEW_NAME = "new_name"
NEW_KIND = "new_kind"
RELATION = "relation"
N_OLD_DISTRICTS = "n_old_districts"
OLD_DISTRICTS = "old_districts"


def successor_table(dataset: Any) -> pd.DataFrame:
    """`new_units_by_old_district` of a loaded dataset (indicators.dataset.Dataset)."""
    return new_units_by_old_district(dataset.units, dataset.unit_successions)


def new_units_by_old_district(units: pd.DataFrame, successions: pd.DataFrame) -> pd.DataFrame:
    """Each of Hanoi's new communes/wards (1 July 2025) under each old district it came from.

    One row per (old district, new unit). `relation` is 'whole' when the new unit lies wholly in
    that old district (it took land from no other district) and 'part' when it was formed from
    several old districts; `old_districts` lists all of them (a sorted tuple of names). Sorted
    by old district name, then new unit name.
    """
    districts = units_on(units, "district", REFORM_DAY - pd.Timedelta(days=1))
    new_units = units_on(units, "commune", REFORM_DAY)
    new_units = new_units[new_units[s.PARENT_CODE].eq(HANOI)]
    links = successions[
        successions[s.OLD_CODE].isin(districts[s.CODE])
        & successions[s.NEW_CODE].isin(new_units[s.CODE])
    ][[s.OLD_CODE, s.NEW_CODE]].drop_duplicates()
    out = links.merge(
        districts[[s.CODE, s.NAME_VI]].rename(columns={s.CODE: s.OLD_CODE, s.NAME_VI: OLD_NAME}),
        on=s.OLD_CODE,
    ).merge(
        new_units[[s.CODE, s.NAME_VI, s.KIND]].rename(
            columns={s.CODE: s.NEW_CODE, s.NAME_VI: NEW_NAME, s.KIND: NEW_KIND}
        ),
        on=s.NEW_CODE,
    )
    names = object_groups(out[OLD_NAME], [out[s.NEW_CODE]]).agg(lambda n: tuple(sorted(n)))
    out[OLD_DISTRICTS] = pd.Series(
        [names[code] for code in out[s.NEW_CODE]], index=out.index, dtype=object
    )
    out[N_OLD_DISTRICTS] = pd.array([len(n) for n in out[OLD_DISTRICTS]], dtype="Int64")
    out[RELATION] = pd.array(
        ["whole" if n == 1 else "part" for n in out[N_OLD_DISTRICTS]], dtype="string"
    )
    out = out.rename(columns={s.OLD_CODE: OLD_CODE, s.NEW_CODE: NEW_CODE})
    columns = [OLD_CODE, OLD_NAME, NEW_CODE, NEW_NAME, NEW_KIND, RELATION]
    out = out[[*columns, N_OLD_DISTRICTS, OLD_DISTRICTS]]
    return out.sort_values([OLD_NAME, NEW_NAME], kind="stable").reset_index(drop=True)


def gap_note(lang: str) -> str:
    """Why Hanoi after 1 July 2025 is a table, not a map (one sentence, vi or en)."""
    return t("map_gap_note", "en" if lang == "en" else "vi")


def successor_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`new_units_by_old_district` for the screen: headers in `lang`, the relation in words,
    the former districts joined by ', '. Unit names stay Vietnamese in both languages."""
    lang = "en" if lang == "en" else "vi"
    keys = (OLD_NAME, NEW_NAME, NEW_CODE, RELATION, OLD_DISTRICTS, "whole", "part")
    text = {key: t(f"map_successor_{key}", lang) for key in keys}
    out = pd.DataFrame(
        {
            text[OLD_NAME]: table[OLD_NAME].astype("string"),
            text[NEW_NAME]: table[NEW_NAME].astype("string"),
            text[NEW_CODE]: table[NEW_CODE].astype("string"),
            text[RELATION]: table[RELATION].map(text.get).astype("string"),
            text[OLD_DISTRICTS]: [", ".join(names) for names in table[OLD_DISTRICTS]],
        }
    )
    out[text[OLD_DISTRICTS]] = out[text[OLD_DISTRICTS]].astype("string")
    return out.reset_index(drop=True)


@dataclass(frozen=True)
class SuccessorCounts:
    rows: int
    new_units: int
    old_districts: int


def successor_counts(table: pd.DataFrame) -> SuccessorCounts:
    """Rows, distinct new units and distinct former districts of `new_units_by_old_district`."""
    return SuccessorCounts(
        len(table), int(table[NEW_CODE].nunique()), int(table[OLD_CODE].nunique())
    )


def attributions(lang: str) -> list[str]:
    """The attribution each shipped boundary file requires, one per file, in `lang`."""
    return [f.attribution("en" if lang == "en" else "vi") for f in FILES]


def attribution_markdown(lang: str) -> list[str]:
    """One Markdown list item per boundary file: its name, then its required attribution."""
    return [f"- `{f.file}`: {text}" for f, text in zip(FILES, attributions(lang), strict=True)]
