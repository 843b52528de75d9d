"""The units and unit_successions tables: Hanoi's 30 districts, the 63 and 34 provinces,
Hanoi's 526 old and 126 new communes and wards, and the 1 July 2025 successions."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.domain import HANOI_2008, LAST_OLD_DAY, REORG_DATE, TU_LIEM_SPLIT
from indicators.units import ascii_fold, nfc

SRC_GSO = "gso-codes"
SRC_MAPPING = "vietnamadminunits-2025"
SRC_RESOLUTION_202 = "nq-202-2025"

# GSO codes of Hanoi's district-level units (1 January 2014 - 30 June 2025).
HANOI_DISTRICTS: tuple[tuple[str, str, str], ...] = (
    ("001", "Ba Đình", "quận"),
    ("002", "Hoàn Kiếm", "quận"),
    ("003", "Tây Hồ", "quận"),
    ("004", "Long Biên", "quận"),
    ("005", "Cầu Giấy", "quận"),
    ("006", "Đống Đa", "quận"),
    ("007", "Hai Bà Trưng", "quận"),
    ("008", "Hoàng Mai", "quận"),
    ("009", "Thanh Xuân", "quận"),
    ("016", "Sóc Sơn", "huyện"),
    ("017", "Đông Anh", "huyện"),
    ("018", "Gia Lâm", "huyện"),
    ("019", "Nam Từ Liêm", "quận"),
    ("020", "Thanh Trì", "huyện"),
    ("021", "Bắc Từ Liêm", "quận"),
    ("250", "Mê Linh", "huyện"),
    ("268", "Hà Đông", "quận"),
    ("269", "Sơn Tây", "thị xã"),
    ("271", "Ba Vì", "huyện"),
    ("272", "Phúc Thọ", "huyện"),
    ("273", "Đan Phượng", "huyện"),
    ("274", "Hoài Đức", "huyện"),
    ("275", "Quốc Oai", "huyện"),
    ("276", "Thạch Thất", "huyện"),
    ("277", "Chương Mỹ", "huyện"),
    ("278", "Thanh Oai", "huyện"),
    ("279", "Thường Tín", "huyện"),
    ("280", "Phú Xuyên", "huyện"),
    ("281", "Ứng Hòa", "huyện"),
    ("282", "Mỹ Đức", "huyện"),
)
KIND_LABEL = {
    "quận": "Quận",
    "huyện": "Huyện",
    "thị xã": "Thị xã",
    "phường": "Phường",
    "xã": "Xã",
    "thị trấn": "Thị trấn",
    "tỉnh": "Tỉnh",
    "thành phố": "Thành phố",
}


def _unit(
    code: str,
    name: str,
    level: str,
    kind: str,
    parent: str | None,
    start: pd.Timestamp,
    end: pd.Timestamp | None,
    source: str,
) -> dict:
    name = nfc(name)
    return {
        s.CODE: code,
        s.NAME_VI: name,
        s.NAME_ASCII: ascii_fold(name),
        s.LEVEL: level,
        s.KIND: kind,
        s.PARENT_CODE: parent,
        s.VALID_FROM: start,
        s.VALID_TO: end,
        s.SOURCE_ID: source,
    }


def district_code_by_name() -> dict[str, str]:
    return {f"{KIND_LABEL[kind]} {name}": code for code, name, kind in HANOI_DISTRICTS}


def hanoi_districts() -> list[dict]:
    rows = []
    for code, name, kind in HANOI_DISTRICTS:
        start = TU_LIEM_SPLIT if code in ("019", "021") else HANOI_2008
        rows.append(
            _unit(
                code,
                f"{KIND_LABEL[kind]} {name}",
                "district",
                kind,
                "01",
                start,
                LAST_OLD_DAY,
                SRC_GSO,
            )
        )
    return rows


def provinces(geo_dir: Path) -> tuple[list[dict], list[dict]]:
    """The 63 provinces (until 30 June 2025) and the 34 (from 1 July 2025), with successions.

    A province that Resolution 202/2025/QH15 left whole keeps one row with no end date; the
    others end on 30 June 2025, and the 34 new units start the next day (a new unit may keep
    the code of one of its parts, so the key of `units` is code + valid_from).
    """
    old = json.loads((geo_dir / "vietnam_provinces_63.geojson").read_text("utf-8"))["features"]
    new = json.loads((geo_dir / "vietnam_provinces_34.geojson").read_text("utf-8"))["features"]
    unchanged = {
        f["properties"]["ma_tinh"]
        for f in new
        if f["properties"]["sap_nhap_tu_ma"] == [f["properties"]["ma_tinh"]]
    }
    units, successions = [], []
    for f in old:
        p = f["properties"]
        kind = p["loai"].lower()
        end = None if p["ma_tinh"] in unchanged else LAST_OLD_DAY
        units.append(
            _unit(
                p["ma_tinh"],
                p["ten_day_du"],
                "province",
                kind,
                None,
                HANOI_2008,
                end,
                SRC_GSO,
            )
        )
    for f in new:
        p = f["properties"]
        if p["ma_tinh"] in unchanged:
            continue
        units.append(
            _unit(
                p["ma_tinh"],
                p["ten_day_du"],
                "province",
                p["loai"].lower(),
                None,
                REORG_DATE,
                None,
                SRC_RESOLUTION_202,
            )
        )
        for old_code in p["sap_nhap_tu_ma"]:
            successions.append(
                {
                    s.OLD_CODE: old_code,
                    s.NEW_CODE: p["ma_tinh"],
                    s.RELATION: "whole",
                    s.EFFECTIVE: REORG_DATE,
                    s.SOURCE_ID: SRC_RESOLUTION_202,
                }
            )
    return units, successions


def hanoi_communes(mapping: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Hanoi's 526 communes before 1 July 2025, the 126 after, and who became whom.

    Old communes are dated from 2008 as a floor (their own creation dates are not in the data).
    """
    districts = district_code_by_name()
    units, successions = [], []
    old = mapping.drop_duplicates("old_ward_code")
    for row in old.itertuples():
        kind = row.old_ward.split(" ")[0].lower()
        kind = "thị trấn" if row.old_ward.lower().startswith("thị trấn") else kind
        units.append(
            _unit(
                row.old_ward_code,
                row.old_ward,
                "commune",
                kind,
                districts[row.old_district],
                HANOI_2008,
                LAST_OLD_DAY,
                SRC_MAPPING,
            )
        )
    for row in mapping.drop_duplicates("new_unit_code").itertuples():
        units.append(
            _unit(
                row.new_unit_code,
                row.new_unit,
                "commune",
                row.new_unit_type.lower(),
                "01",
                REORG_DATE,
                None,
                SRC_MAPPING,
            )
        )
    for row in mapping.itertuples():
        relation = "whole" if row.relation.startswith("whole") else "part"
        successions.append(
            {
                s.OLD_CODE: row.old_ward_code,
                s.NEW_CODE: row.new_unit_code,
                s.RELATION: relation,
                s.EFFECTIVE: REORG_DATE,
                s.SOURCE_ID: SRC_MAPPING,
            }
        )
    # Each old district hands over to every new unit that received a part of it.
    by_district = mapping.assign(code=mapping.old_district.map(districts))
    for (code, new_code), _ in by_district.groupby(["code", "new_unit_code"]):
        successions.append(
            {
                s.OLD_CODE: code,
                s.NEW_CODE: new_code,
                s.RELATION: "part",
                s.EFFECTIVE: REORG_DATE,
                s.SOURCE_ID: SRC_MAPPING,
            }
        )
    return units, successions


def build_units(published_dir: Path, geo_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    mapping = pd.read_csv(published_dir / "hanoi_2025_ward_mapping.csv", dtype=str)
    prov_units, prov_succ = provinces(geo_dir)
    com_units, com_succ = hanoi_communes(mapping)
    units = pd.DataFrame(prov_units + hanoi_districts() + com_units)
    successions = pd.DataFrame(prov_succ + com_succ)
    return units, successions
