"""The bundled `targets` table from data/published/targets.csv.

Every published row is kept. Which dashboard figure a target is measured against, and which
units and years it binds, is our reading of its words (`READINGS`, each with its reason); a row
with no reading keeps `metric` empty: it is listed, never drawn or judged.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from indicators import targets_table as tt
from indicators.build.published import read_published, source_id
from indicators.targets import short_name

FILE = "targets.csv"
ALL_LEVELS = "province;district;commune"
SCOPES = {"national": None, "Hanoi": "01", "province (TP.HCM)": "79"}
MEASURES = {"%": "%", "rank": "rank", "rank (group)": "rank", "score (0-100)": "score"}
MEASURES |= {"count": "count", "% and rank": "%", "rank places": "rank", "group": "rank"}
MEASURES |= {"percentage points vs 2021": "%"}
LABELS = {  # instruments without a number: their short names
    "Kế hoạch cải cách hành chính nhà nước năm 2026 của TP Hà Nội": "KH CCHC 2026 (Hà Nội)",
    "Kế hoạch cải cách hành chính năm 2024 của TP Hồ Chí Minh": "KH CCHC 2024 (TP.HCM)",
    "Kế hoạch nâng cao Chỉ số SIPAS, PAR INDEX, PAPI năm 2025 của TP Hà Nội": (
        "KH nâng cao SIPAS, PAR INDEX 2025 (Hà Nội)"
    ),
}

# (start of the instrument, indicator_en) -> our reading: the figure it is measured against,
# the levels of units it binds and, where the row's words need it, its years.
READINGS: dict[tuple[str, str], dict] = {
    # "ministries, agencies and localities": every level of local government implements it
    ("Nghị quyết 76", "Share of administrative procedures offered online at levels 3-4 (now: "
     "full + partial online public services)"): {tt.METRIC: tt.ONLINE_PROCEDURES,
                                                 tt.LEVELS: ALL_LEVELS},
    ("Nghị quyết 76", "Share of services offered online at levels 3-4"): {
        tt.METRIC: tt.ONLINE_PROCEDURES, tt.LEVELS: ALL_LEVELS},
    ("Quyết định 942", "Share of dossiers processed fully online"): {
        tt.METRIC: tt.FULL_DOSSIERS, tt.LEVELS: "province"},
    ("Quyết định 749", "Share of online public services at level 4"): {
        tt.METRIC: tt.FULL_PROCEDURES, tt.LEVELS: "province"},
    ("Chỉ đạo của Thủ tướng", "Citizen/business satisfaction with administrative procedures "
     "(SIPAS-type)"): {tt.METRIC: tt.SIPAS, tt.LEVELS: "province"},
    ("Chỉ đạo của Thủ tướng", "Public satisfaction with administrative procedures"): {
        tt.METRIC: tt.SIPAS, tt.LEVELS: "province"},
    ("Kế hoạch cải cách hành chính nhà nước năm 2026", "SIPAS satisfaction"): {
        tt.METRIC: tt.SIPAS, tt.LEVELS: "province"},
    ("Kế hoạch 136", "Public satisfaction with public services"): {
        tt.METRIC: tt.SIPAS, tt.LEVELS: "province"},
    # "city agencies, communes": the communes' and wards' own rates
    ("Kế hoạch cải cách hành chính nhà nước năm 2026", "Share of dossiers resolved on time or "
     "early"): {tt.METRIC: tt.ON_TIME, tt.LEVELS: "commune"},
    ("Công văn 4173", "Online dossier share at communes/wards"): {
        tt.METRIC: tt.ONLINE_DOSSIERS, tt.LEVELS: "commune"},
    ("Công văn 4173", "Full-online dossier share at communes/wards"): {
        tt.METRIC: tt.FULL_DOSSIERS, tt.LEVELS: "commune"},
    # "maintain the 100% rate … on time", every year of the 2021–2025 plan
    ("Kế hoạch 136", "On-time resolution rate (maintain)"): {
        tt.METRIC: tt.ON_TIME, tt.LEVELS: "district;commune", tt.EACH_YEAR: True},
    ("Kế hoạch cải cách hành chính năm 2024 của TP Hồ Chí Minh", "PAR INDEX rank"): {
        tt.METRIC: tt.PAR_RANK, tt.LEVELS: "province"},
    ("Kế hoạch cải cách hành chính năm 2024 của TP Hồ Chí Minh", "On-time resolution rate"): {
        tt.METRIC: tt.ON_TIME, tt.LEVELS: "province"},
    ("Kế hoạch cải cách hành chính nhà nước năm 2026", "PAR INDEX rank"): {
        tt.METRIC: tt.PAR_RANK, tt.LEVELS: "province"},
    ("Kế hoạch nâng cao Chỉ số SIPAS", "PAR INDEX rank"): {
        tt.METRIC: tt.PAR_RANK, tt.LEVELS: "province"},
    ("Chỉ đạo của Văn phòng Chính phủ", "Hanoi administrative-reform ranking"): {
        tt.METRIC: tt.PAR_RANK, tt.LEVELS: "province"},
}  # fmt: skip


def _years(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?:19|20)\d\d", text)]


def _levels(applies_to: str) -> str:
    words = applies_to.lower()
    found = [
        level
        for level, keys in (
            ("province", ("province", "city", "ministries", "national")),
            ("district", ("district",)),
            ("commune", ("commune",)),
        )
        if any(k in words for k in keys)
    ]
    return ";".join(found) or "province"


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _row(rec: dict) -> dict:
    due = _years(rec["target_year"])
    issued = _years(rec["issued"])
    value = _number(rec["target_value"])
    reading = next(
        (r for (start, indicator), r in READINGS.items()
         if rec["instrument"].startswith(start) and rec["indicator_en"] == indicator),
        {},
    )  # fmt: skip
    key = "|".join((rec["instrument"], rec["indicator_en"], rec["target_year"]))
    return {
        tt.TARGET_ID: "target-" + hashlib.sha1(key.encode()).hexdigest()[:8],
        tt.INSTRUMENT: rec["instrument"],
        tt.LABEL: LABELS.get(rec["instrument"]) or short_name(rec["instrument"]),
        tt.ISSUER: rec["issuer"] or None,
        tt.SCOPE: SCOPES.get(rec["scope"]),
        tt.LEVELS: reading.get(tt.LEVELS, _levels(rec["applies_to"])),
        tt.METRIC: reading.get(tt.METRIC),
        tt.INDICATOR_VI: rec["indicator_vi"],
        tt.INDICATOR_EN: rec["indicator_en"] or None,
        tt.COMPARATOR: rec["comparator"],
        tt.TARGET_VALUE: value,
        tt.VALUE_TEXT: None if value is not None else rec["target_value"],
        tt.MEASURE: MEASURES.get(rec["unit"], "%"),
        # in force from its issue (or its first year), judged in its last year
        tt.YEAR_FROM: min(issued + due) if issued + due else None,
        tt.YEAR_TO: max(due) if due else None,
        tt.EACH_YEAR: reading.get(tt.EACH_YEAR, False),
        tt.SOURCE_ID: source_id(rec["source_url"].strip()),
        tt.DEMO: False,
        tt.EXCERPT: rec["excerpt"] or None,
        tt.NOTE: rec["note"] or None,
    }


def published_targets(published_dir: Path) -> pd.DataFrame:
    """One row per row of targets.csv, read as `indicators.targets_table` describes."""
    records = read_published(published_dir, FILE).to_dict("records")
    return pd.DataFrame([_row(rec) for rec in records], columns=tt.TARGETS.names)
