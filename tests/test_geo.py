"""Boundary sets: which file serves a level and year, joins to the units, winding, 2025 table."""

from __future__ import annotations

import pandas as pd
import pytest
from support.frames import units as unit_frame

from indicators import geo
from indicators import schema as s
from indicators.dataset import Dataset, load_dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset()


def _rings(geometry: dict) -> list[list[list[float]]]:
    """The first exterior ring of each polygon of a Polygon or MultiPolygon."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [polygon[0] for polygon in polygons]


def signed_area(ring: list[list[float]]) -> float:
    """Shoelace area in lon/lat: negative for a clockwise ring."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs) / 2


# --- choosing the boundary set -----------------------------------------------------------------


@pytest.mark.parametrize("year", range(2015, 2025))
def test_every_district_joins_one_feature(dataset: Dataset, year: int) -> None:
    boundary = geo.boundary_set("district", year)
    joined = geo.join_units(dataset.units, boundary.geojson, "district", year)
    assert boundary.file == "hanoi_districts_2019.geojson"
    assert len(joined) == 30
    assert joined[geo.MATCH].eq("both").all()
    assert joined[s.CODE].is_unique
    assert geo.check_join(dataset.units, boundary.geojson, "district", year).ok


@pytest.mark.parametrize("year", range(2012, 2025))
def test_every_province_joins_one_of_63_features(dataset: Dataset, year: int) -> None:
    boundary = geo.boundary_set("province", year)
    check = geo.check_join(dataset.units, boundary.geojson, "province", year)
    assert boundary.file == "vietnam_provinces_63.geojson"
    assert len(boundary.codes) == 63
    assert check.units_without_feature.empty and check.features_without_unit.empty


def test_units_valid_on_31_december_2025_join_the_34(dataset: Dataset) -> None:
    boundary = geo.boundary_set("province", 2025)
    joined = geo.join_units(dataset.units, boundary.geojson, "province", 2025)
    assert boundary.as_of == pd.Timestamp("2025-12-31")
    assert boundary.file == "vietnam_provinces_34.geojson"
    assert len(joined) == 34 and joined[geo.MATCH].eq("both").all()
    assert geo.check_join(dataset.units, boundary.geojson, "province", 2025).ok


def test_province_set_switches_from_63_to_34_between_2024_and_2025() -> None:
    before, after = geo.boundary_set("province", 2024), geo.boundary_set("province", 2025)
    assert (len(before.codes), len(after.codes)) == (63, 34)
    assert before.source.n_features == 63 and after.source.n_features == 34
    assert geo.boundary_set("province", 2030).file == after.file


def test_featureidkey_per_level() -> None:
    assert geo.boundary_set("district", 2023).featureidkey == "properties.ma_huyen"
    assert geo.boundary_set("province", 2023).featureidkey == "properties.ma_tinh"


@pytest.mark.parametrize(("level", "year"), [("district", 2025), ("commune", 2025)])
def test_no_polygons_for_hanoi_after_the_reform(level: str, year: int) -> None:
    with pytest.raises(geo.BoundaryUnavailable) as info:
        geo.boundary_set(level, year)
    assert "126" in info.value.vi and "126" in info.value.en
    assert "1 July 2025" in info.value.en and "SOURCES.md" not in info.value.en  # for leaders


def test_no_district_polygons_before_the_tu_liem_split() -> None:
    with pytest.raises(geo.BoundaryUnavailable):
        geo.boundary_set("district", 2012)


def test_geojson_is_loaded_once() -> None:
    first = geo.boundary_set("province", 2020).geojson
    assert geo.boundary_set("province", 2021).geojson is first
    assert geo.load_geojson.cache_info().currsize >= 1


def test_check_join_reports_both_sides() -> None:
    boundary = geo.boundary_set("district", 2023)
    units = unit_frame(
        [
            {"code": "001", "name_vi": "Quận Ba Đình", "level": "district"},
            {"code": "999", "name_vi": "Quận Không Có", "level": "district"},
        ],
        parent_code="01",
        valid_from="2008-08-01",
    )
    check = geo.check_join(units, boundary.geojson, "district", 2023)
    assert not check.ok
    assert check.units_without_feature[s.CODE].tolist() == ["999"]
    assert len(check.features_without_unit) == 29
    assert "001" not in set(check.features_without_unit[s.CODE])


def test_units_on_a_day_not_the_whole_year(dataset: Dataset) -> None:
    """In 2025 the 63 old provinces are valid in the year but not on 31 December."""
    day = geo.as_of(2025)
    assert len(geo.units_on(dataset.units, "province", day)) == 34
    assert geo.units_on(dataset.units, "district", day).empty


# --- licences and geometry ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_attribution_names_the_licence(lang: str) -> None:
    districts = geo.boundary_set("district", 2023).attribution(lang)
    provinces_63 = geo.boundary_set("province", 2024).attribution(lang)
    provinces_34 = geo.boundary_set("province", 2025).attribution(lang)
    assert "CC BY 3.0 IGO" in districts and "geoBoundaries" in districts
    assert "CC BY-SA 4.0" in provinces_63 and "Open Development Mekong" in provinces_63
    assert "CC BY-SA 4.0" in provinces_34
    assert "gộp theo NQ 202/2025/QH15" in provinces_34
    assert "202/2025" not in provinces_63


@pytest.mark.parametrize("source", geo.FILES, ids=lambda f: f.file)
def test_shipped_rings_are_clockwise(source: geo.BoundaryFile) -> None:
    """Plotly's geo choropleth wants clockwise exterior rings; else it fills the globe."""
    features = geo.load_geojson(source.file)["features"]
    assert len(features) == source.n_features
    for feature in features:
        ring = _rings(feature["geometry"])[0]
        assert signed_area(ring) < 0, feature["properties"]["name_vi"]


@pytest.mark.parametrize("year", [2024, 2025])
def test_province_files_keep_the_islands(year: int) -> None:
    """Hoàng Sa (in Đà Nẵng, 48) and Trường Sa (in Khánh Hòa, 56) are in the features."""
    boundary = geo.boundary_set("province", year)
    by_code = dict(zip(boundary.codes, boundary.geojson["features"], strict=True))

    def east_most(code: str) -> float:
        return max(x for ring in _rings(by_code[code]["geometry"]) for x, _ in ring)

    assert east_most("48") > 112  # Hoàng Sa, about 111.2-112.7° E
    assert east_most("56") > 116  # Trường Sa, up to about 117° E


# --- Hanoi after 1 July 2025 -------------------------------------------------------------------


def test_new_units_by_old_district(dataset: Dataset) -> None:
    table = geo.new_units_by_old_district(dataset.units, dataset.unit_successions)
    assert table[geo.NEW_CODE].nunique() == 126
    assert table[geo.OLD_CODE].nunique() == 30
    assert set(table[geo.RELATION]) == {"whole", "part"}
    whole = table[geo.RELATION].eq("whole")
    assert table.loc[whole, geo.N_OLD_DISTRICTS].eq(1).all()
    assert table.loc[~whole, geo.N_OLD_DISTRICTS].gt(1).all()
    yen_bai = table[table[geo.NEW_CODE].eq("09706")]
    assert sorted(yen_bai[geo.OLD_NAME]) == ["Huyện Ba Vì", "Huyện Thạch Thất"]
    assert yen_bai[geo.OLD_DISTRICTS].iloc[0] == ("Huyện Ba Vì", "Huyện Thạch Thất")
    assert set(yen_bai[geo.RELATION]) == {"part"}


def test_new_units_by_old_district_small() -> None:
    units = unit_frame(
        [
            {"code": "001", "name_vi": "Quận A", "level": "district", "parent_code": "01",
             "valid_to": "2025-06-30"},
            {"code": "002", "name_vi": "Quận B", "level": "district", "parent_code": "01",
             "valid_to": "2025-06-30"},
            {"code": "00100", "name_vi": "Phường X", "level": "commune", "parent_code": "01",
             "valid_from": "2025-07-01"},
            {"code": "00200", "name_vi": "Phường Y", "level": "commune", "parent_code": "01",
             "valid_from": "2025-07-01"},
        ],
        valid_from="2008-08-01",
    )  # fmt: skip
    successions = pd.DataFrame(
        {
            s.OLD_CODE: ["001", "002", "002"],
            s.NEW_CODE: ["00100", "00100", "00200"],
            s.RELATION: ["part"] * 3,
        }
    )
    table = geo.new_units_by_old_district(units, successions)
    rows = list(zip(table[geo.OLD_CODE], table[geo.NEW_CODE], table[geo.RELATION], strict=True))
    assert rows == [("001", "00100", "part"), ("002", "00100", "part"), ("002", "00200", "whole")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_gap_note_says_why(lang: str) -> None:
    """In words for a meeting: what changed on 1 July 2025 and why there is no map; no file
    of the repository (data/geo/SOURCES.md says the rest, linked from the about page)."""
    note = geo.gap_note(lang)
    assert "126" in note and "30" in note and ("1/7/2025" in note or "1 July 2025" in note)
    assert ("cấp quận, huyện" in note) if lang == "vi" else ("no more districts" in note)
    assert "SOURCES" not in note and ".md" not in note and "/" not in note.replace("1/7/2025", "")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_successor_display(dataset: Dataset, lang: str) -> None:
    table = geo.new_units_by_old_district(dataset.units, dataset.unit_successions)
    shown = geo.successor_display(table, lang)
    assert len(shown) == len(table) and shown.shape[1] == 5
    row = shown[shown.iloc[:, 2].eq("09706")].iloc[0]  # Xã Yên Bài: from Ba Vì and Thạch Thất
    assert row.iloc[1] == "Xã Yên Bài"
    assert row.iloc[4] == "Huyện Ba Vì, Huyện Thạch Thất"
    if lang == "vi":
        assert shown.columns[0] == "Quận, huyện cũ (đến 30/6/2025)"
        assert row.iloc[3] == "một phần (từ nhiều quận, huyện)"
    else:
        assert shown.columns[0] == "Former district (until 30 June 2025)"
        assert row.iloc[3] == "in part (from several districts)"
    assert shown.isna().sum().sum() == 0


def test_successor_counts(dataset: Dataset) -> None:
    table = geo.new_units_by_old_district(dataset.units, dataset.unit_successions)
    counts = geo.successor_counts(table)
    assert (counts.new_units, counts.old_districts) == (126, 30)
    assert counts.rows == len(table) > 126


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_attributions_of_every_file(lang: str) -> None:
    texts = geo.attributions(lang)
    lines = geo.attribution_markdown(lang)
    assert len(texts) == len(lines) == len(geo.FILES)
    assert "CC BY 3.0 IGO" in texts[0] and all("CC BY-SA 4.0" in x for x in texts[1:])
    assert lines[0].startswith("- `hanoi_districts_2019.geojson`: ")
    assert lines[2].endswith(texts[2])
