"""The published figures of data/published/*.csv as rows of the table `figures`.

Each row keeps its value, its period, its source (by id) and the excerpt that states it; the
indicator names of the files are mapped to the codes of indicators.figures. A row that gives no
number (a qualitative remark, a value cut off in the stored excerpt) is left out. Scores and
ranks of the two PAR indexes are par_scores rows (indicators.build.published), not figures.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.build.published import read_published, source_id
from indicators.units import find_unit

HANOI = "01"

SEED = {
    "one_stop_share": "one_stop_share",
    "procedures_online_level3": "procedures_level3",
    "procedures_online_level4": "procedures_level4",
    "online_application_share_level3": "online_share_level3",
    "online_application_share_level4": "online_share_level4",
    "shortened_procedures": "shortened_procedures",
    "shortened_procedure_fields": "shortened_fields",
    "on_time_rate": "on_time_rate",
    "early_rate_min": "early_rate",  # "hơn 20%": comparator '>'
}
SEED_MORE_THAN = ("early_rate_min",)

# hanoi_city_indicators.csv: the start of an indicator's name -> code (first match wins).
CITY = (
    ("national PAR Index", None),  # a par_scores row of Hà Nội
    ("on-time resolution rate", "on_time_rate"),
    ("PAR sub-index 'modernised administration'", "par_component_modernisation"),
    ("SIPAS", "sipas"),
    ("PAPI total", "papi_total"),
    ("applications processed on time", "dossiers_on_time"),
    ("online public services at level 3", "procedures_level3"),
    ("online public services at level 4", "procedures_level4"),
    ("dossiers resolved (cumulative", "dossiers_resolved"),
    ("dossiers resolved on time", "dossiers_on_time"),
    ("administrative procedures online at level 3-4", "procedures_online"),
    ("administrative procedures online at level 4", "procedures_level4"),
    ("administrative procedures total", "procedures_total"),
    ("online services integrated", "services_integrated"),
    ("Bộ chỉ số phục vụ người dân, doanh nghiệp (766) total", "index_766_total"),
    ("766 group score: online payment", "index_766_online_payment"),
    ("766 group score: online public service", "index_766_online_service"),
    ("766 group score: progress", "index_766_progress"),
    ("766 group score: publicity", "index_766_publicity"),
    ("766 group score: satisfaction", "index_766_satisfaction"),
)
DISTRICT = (
    ("766: publicity & transparency rate", "publicity_rate"),
    ("on-time resolution rate", "on_time_rate"),
    ("online application rate", "online_share"),
    ("online payment rate", "online_payment_rate"),
    ("satisfaction rate", "satisfaction_rate"),
    ("number of districts with online application rate <30%", "districts_online_under_30"),
    ("online public services (level 3-4) deployed", "procedures_online"),
    ("online public services (level 3-4) at district level", "procedures_online_district"),
    ("online public services (level 3-4) at ward level", "procedures_online_ward"),
    ("share of dossiers submitted from home", "online_share"),
    ("level-3 dossiers at district level", "dossiers_level3_district"),
    ("district-level dossiers submitted from home", "online_share_level3_district"),
    ("ward-level dossiers submitted from home", "online_share_ward"),
    ("dossiers received", "dossiers_received"),
    ("dossiers resolved ahead of time", "dossiers_early"),
    ("dossiers resolved on time", "dossiers_on_time"),
    ("dossiers resolved", "dossiers_resolved"),
    ("dossiers overdue", "dossiers_late"),
)
INDEX_766 = (
    ("766 total", "index_766_total"),
    ("group 1", "index_766_publicity"),
    ("group 2", "index_766_progress"),
    ("group 3", "index_766_digitisation"),
    ("group 4", "index_766_online"),
    ("group 5", "index_766_satisfaction"),
    ("group: online payment", "index_766_online_payment"),
)
BLOCS = {
    ("quận, huyện, thị xã", "average_index"): "hanoi_par_average",
    ("sở, cơ quan tương đương sở", "average_index"): "hanoi_par_average_departments",
}
NATIONAL = {
    ("provinces", "average"): "national_par_average",
    ("sipas", "national_average"): "sipas_average",
}


def _code(name: str, table: tuple[tuple[str, str | None], ...]) -> str | None:
    return next((code for start, code in table if name.startswith(start)), None)


def normal_period(text: str) -> str:
    """'2019', '2019-Q2', '2025-03', '2025-08-29' as they are; any other wording of a part
    of a year ('2019 (so far)', '2019 (1/1-13/12)', '2025-07/08 (late July…)') as
    '2019-partial' (the row's note keeps the words)."""
    text = text.strip()
    if re.fullmatch(r"\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?", text):
        return text
    day = re.match(r"(\d{4}-\d{2}(-\d{2})?) \(", text)
    if day:
        return day.group(1)
    return f"{text[:4]}-partial"


def _max(unit: str) -> float | None:
    found = re.search(r"max (\d+(?:\.\d+)?)", unit)
    return float(found.group(1)) if found else None


def _row(
    code: str | None,
    period: str,
    indicator: str,
    value: float | None,
    r: dict,
    *,
    comparator: str = "=",
    maximum: float | None = None,
    rank: int | None = None,
    units_ranked: int | None = None,
) -> dict:
    original = r.get("period", "").strip()
    note = r.get("note", "").strip()
    if original and normal_period(original) != original:
        note = f"{original}; {note}" if note else original
    return {
        s.UNIT_CODE: code,
        s.YEAR: int(period[:4]),
        s.PERIOD: period,
        s.INDICATOR: indicator,
        s.VALUE: value,
        s.COMPARATOR: comparator,
        s.MAX_VALUE: maximum,
        s.RANK: rank,
        s.UNITS_RANKED: units_ranked,
        s.SOURCE_ID: source_id(r["source_url"].strip()),
        s.DEMO: False,
        s.EXCERPT: r.get("excerpt", "").strip() or None,
        s.NOTE: note or None,
    }


def _float(text: str) -> float | None:
    return float(text) if text.strip() else None


def _int(text: str) -> int | None:
    return int(float(text)) if text.strip() else None


def _seed(pub: Path, units: pd.DataFrame) -> list[dict]:
    rows = []
    districts = units[units[s.LEVEL] == "district"]
    for r in read_published(pub, "seed_facts.csv").to_dict("records"):
        code = SEED.get(r["indicator"])
        if code is None:
            continue
        unit = find_unit(districts, r["unit_name"], int(r["year"]))
        comparator = ">" if r["indicator"] in SEED_MORE_THAN else "="
        rows.append(
            _row(unit[s.CODE], r["year"], code, float(r["value"]), r, comparator=comparator)
        )
    return rows


def _city(pub: Path) -> list[dict]:
    rows = []
    for r in read_published(pub, "hanoi_city_indicators.csv").to_dict("records"):
        code = _code(r["indicator"], CITY)
        value = _float(r["value"])
        if code is None or value is None:
            continue
        if r["unit"].startswith("million"):
            value *= 1_000_000
        rank = _int(r["rank"])
        ranked = 63 if code in ("index_766_total", "papi_total") and rank else None
        rows.append(
            _row(
                HANOI,
                normal_period(r["period"]),
                code,
                value,
                r,
                maximum=_max(r["unit"]),
                rank=rank,
                units_ranked=ranked,
            )
        )
    return rows


def _districts(pub: Path, units: pd.DataFrame) -> list[dict]:
    rows = []
    districts = units[units[s.LEVEL] == "district"]
    for r in read_published(pub, "hanoi_district_service_indicators.csv").to_dict("records"):
        code = _code(r["indicator"], DISTRICT)
        value = _float(r["value"])
        if code is None or value is None:
            continue
        period = normal_period(r["period"])
        if r["unit_type"] == "city":
            unit = HANOI
        else:
            unit = find_unit(districts, r["unit_name"], int(period[:4]))[s.CODE]
        rows.append(_row(unit, period, code, value, r))
    return rows


def _valid_on(units: pd.DataFrame, period: str) -> pd.DataFrame:
    """The unit versions valid on the period's day (its last day when it names none)."""
    day = pd.Timestamp(period) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", period) else None
    if day is None:
        day = pd.Timestamp(f"{period[:4]}-12-31")
        if re.fullmatch(r"\d{4}-\d{2}", period):
            day = pd.Timestamp(f"{period}-01") + pd.offsets.MonthEnd(0)
    valid = (units[s.VALID_FROM] <= day) & (units[s.VALID_TO].isna() | (units[s.VALID_TO] >= day))
    return units[valid.fillna(False).astype(bool)]


def _provinces(pub: Path, units: pd.DataFrame) -> list[dict]:
    rows = []
    provinces = units[units[s.LEVEL] == "province"]
    for r in read_published(pub, "vietnam_province_766_index.csv").to_dict("records"):
        code = _code(r["indicator"], INDEX_766)
        if code is None:
            continue
        period = normal_period(r["period"])
        unit = find_unit(_valid_on(provinces, period), r["unit_name"])
        rank = _int(r["rank"])
        if _float(r["value"]) is None and rank is None:
            continue
        rows.append(
            _row(
                unit[s.CODE],
                period,
                code,
                _float(r["value"]),
                r,
                maximum=_max(r["unit"]),
                rank=rank,
                units_ranked=_int(r["units_ranked"]),
            )
        )
    for r in read_published(pub, "vietnam_province_sipas.csv").to_dict("records"):
        unit = find_unit(provinces, r["unit_name"], int(r["year"]))
        rank = _int(r["rank"])
        if _float(r["score"]) is None and rank is None:
            continue
        ranked = 63 if rank is not None else None
        rows.append(
            _row(unit[s.CODE], r["year"], "sipas", _float(r["score"]), r, rank=rank,
                 units_ranked=ranked)
        )  # fmt: skip
    return rows


def _averages(pub: Path) -> list[dict]:
    rows = []
    for r in read_published(pub, "hanoi_par_bloc_averages.csv").to_dict("records"):
        code = BLOCS.get((r["bloc"], r["metric"]))
        if code is not None:
            rows.append(_row(HANOI, r["year"], code, float(r["value"]), r))
    for r in read_published(pub, "vietnam_par_national_summary.csv").to_dict("records"):
        code = NATIONAL.get((r["scope"], r["metric"]))
        if code is not None and _float(r["value"]) is not None:
            rows.append(_row(None, r["year"], code, float(r["value"]), r))
    return rows


def published_figures(pub: Path, units: pd.DataFrame) -> pd.DataFrame:
    """Every published figure that is not a PAR score or rank, one row each."""
    rows = _seed(pub, units) + _city(pub) + _districts(pub, units)
    rows += _provinces(pub, units) + _averages(pub)
    frame = pd.DataFrame(rows, columns=s.FIGURES.names)
    key = list(s.FIGURES.key)
    return frame.drop_duplicates(key).sort_values(key, kind="stable").reset_index(drop=True)
