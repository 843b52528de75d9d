"""Published facts about PAR totals, read from data/published/*.csv.

Each CSV row becomes a `Row` holding the facts it states; `indicators.facts.derived` then adds
what the excerpts and notes state besides the row's own columns and turns unresolved conflicts
into alternatives, and `indicators.facts.plausible` adds the plausibility rules.

Interpretation of `rank_basis` (README "Columns worth knowing"):
- explicit, order_in_text, order_in_text_tie, explicit_table, explicit_previous_year,
  implied_by_change, stated_bottom3, stated_second_last: the unit's competition rank is `rank`
  (a tie is two units with the same rank);
- stated_last, stated_lowest: the unit's score is the lowest of its year, shared by no other;
- stated_runner_up: the k units named runner-up behind the leader hold ranks 2..k+1 (2014:
  Hải Phòng and Hà Nội, ranks 2–3);
- bottom_group: the units named "at the bottom" / "in the lower group" together with the year's
  last unit form the bottom group, so the k named units hold ranks n-k..n-1 (2016: Cao Bằng,
  Trà Vinh with Hậu Giang last; 2018: Kon Tum, Trà Vinh with Phú Yên last, which is also the
  size of 2018's group D, "below 70": 3 provinces);
- bottom5_list: the units hold ranks n-4..n.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.build.published import read_published
from indicators.facts import make
from indicators.facts import model as m
from indicators.facts.make import Names, Source
from indicators.facts.model import Fact
from indicators.units import find_unit, valid_in_year

RANK_BASES = (
    "explicit",
    "order_in_text",
    "order_in_text_tie",
    "explicit_table",
    "explicit_previous_year",
    "implied_by_change",
    "stated_bottom3",
    "stated_second_last",
)
LAST_BASES = ("stated_last", "stated_lowest")
GROUP_BASES = ("stated_runner_up", "bottom_group", "bottom5_list")
HANOI_BLOC = "quận, huyện, thị xã"
# Summary metrics of scope "provinces" that do not constrain PAR scores.
NOT_SCORES = ("survey_ballots_total", "survey_ballots_officials_electronic")
# Thresholds of the groups A/B/C when a source does not print them (2020): the Ministry's
# bands of 2020-2024, "A: 90% or more, B: 80% to below 90%, C: 70% to below 80%"; with them the
# published 2020 top ten (only Quảng Ninh 91,04 and Hải Phòng 90,51 above 90) fits "A: 2".
GROUP_DEFAULT = {"A": (90.0, math.inf), "B": (80.0, 90.0), "C": (70.0, 80.0)}


@dataclass
class Row:
    """One published row and the facts it states."""

    file: str
    index_id: str
    year: int
    name: str  # unit name, or "scope|metric" for summary rows
    code: str | None
    rec: dict
    facts: list[Fact] = field(default_factory=list)

    @property
    def src(self) -> Source:
        return Source(self.rec.get("source_url", ""), self.rec.get("excerpt", ""))

    @property
    def text(self) -> str:
        return f"{self.rec.get('excerpt', '')} {self.rec.get('note', '')}"


def index_units(units: pd.DataFrame, index_id: str, year: int) -> list[str]:
    """Codes of the units ranked by an index in a year (Hanoi's districts; the provinces)."""
    mask = valid_in_year(units, year)
    if index_id == s.INDEX_HANOI:
        mask &= (units[s.LEVEL] == "district") & (units[s.PARENT_CODE] == "01")
    else:
        mask &= units[s.LEVEL] == "province"
    return sorted(units.loc[mask, s.CODE].unique())


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def _unit_rows(pub: Path, file: str, index_id: str, units: pd.DataFrame) -> list[Row]:
    frame = read_published(pub, file)
    level = "district" if index_id == s.INDEX_HANOI else "province"
    candidates = units[units[s.LEVEL] == level]
    out = []
    for rec in frame.to_dict("records"):
        if level == "district" and not rec["unit_type"].startswith(("quận", "huyện", "thị xã")):
            continue  # city departments (sở) are ranked in a bloc of their own
        year = int(rec["year"])
        code = str(find_unit(candidates, rec["unit_name"], year)[s.CODE])
        out.append(Row(file, index_id, year, rec["unit_name"], code, rec))
    return out


def _row_facts(row: Row, names: Names) -> None:
    rec, src = row.rec, row.src
    if rec["score"]:
        v = float(rec["score"])
        dec = m.printed_decimals(v, rec["excerpt"], _decimals(rec["score"]))
        row.facts.append(make.score(names, row.index_id, row.code, row.year, v, dec, src))
    basis = rec["rank_basis"]
    if basis in LAST_BASES:
        row.facts.append(make.last(names, row.index_id, row.code, row.year, src))
    elif rec["rank"] and (basis in RANK_BASES or not basis):
        r = int(rec["rank"])
        row.facts.append(make.rank(names, row.index_id, row.code, row.year, r, src))


def _group_facts(rows: list[Row], names: Names, units: pd.DataFrame) -> None:
    """Runner-ups, bottom groups and bottom-five lists: ranks shared by the units named."""
    groups: dict[tuple[str, int, str], list[Row]] = {}
    for row in rows:
        if row.rec["rank_basis"] in GROUP_BASES and not row.rec["rank"]:
            groups.setdefault((row.index_id, row.year, row.rec["rank_basis"]), []).append(row)
    for (index_id, year, basis), members in groups.items():
        n = len(index_units(units, index_id, year))
        k = len(members)
        has_last = any(
            f.kind == m.LAST
            for r in rows
            if (r.index_id, r.year) == (index_id, year)
            for f in r.facts
        )
        if basis == "stated_runner_up":
            ranks, vi, en = tuple(range(2, k + 2)), "xếp sau đơn vị dẫn đầu", "were runners-up"
        elif basis == "bottom5_list":
            ranks, vi, en = (
                tuple(range(n - 4, n + 1)),
                "thuộc 5 đơn vị cuối",
                "were the bottom five",
            )
        else:
            top = n - 1 if has_last else n
            ranks = tuple(range(top - k + 1, top + 1))
            vi, en = "thuộc nhóm cuối bảng", "were in the bottom group"
        codes = tuple(r.code for r in members)
        fact = make.rank_set(names, index_id, codes, year, ranks, members[0].src, vi, en)
        members[0].facts.append(fact)


_CHANGE = re.compile(
    r"(?:cao hơn|tăng|up)\s+(?:năm trước đó\s+)?(\d+(?:[.,]\d+)?)\s*(?:%|điểm)"
    r"(?:\s+so với năm\s+(\d{4})|\s+year-on-year|\s+so với năm trước)?"
)


def _average_change(row: Row, index_id: str) -> Fact | None:
    match = _CHANGE.search(row.rec["excerpt"])
    if not match:
        return None
    token = match.group(1).replace(",", ".")
    y0 = int(match.group(2)) if match.group(2) else row.year - 1
    return make.average_change(index_id, y0, row.year, float(token), _decimals(token), row.src)


def _band(metric: str) -> tuple[float, float] | None:
    if found := re.fullmatch(r"count_([\d.]+)_to_([\d.]+)pct", metric):
        return float(found.group(1)), float(found.group(2))
    if found := re.fullmatch(r"count_above_(\d+)pct", metric):
        return float(found.group(1)), math.inf
    if found := re.fullmatch(r"group_([A-D])_count(?:\((.*)\))?", metric):
        spec = found.group(2)
        if spec is None:
            return GROUP_DEFAULT[found.group(1)]
        if low := re.fullmatch(r">=\s*([\d.]+)", spec):
            return float(low.group(1)), math.inf
        if high := re.fullmatch(r"<\s*([\d.]+)", spec):
            return 0.0, float(high.group(1))
        if both := re.fullmatch(r"([\d.]+)-([\d.]+)", spec):
            return float(both.group(1)), float(both.group(2))
    return None


def _summary_fact(row: Row, names: Names, units: pd.DataFrame) -> list[Fact]:
    rec, src, year, idx = row.rec, row.src, row.year, s.INDEX_NATIONAL
    metric, value = rec["metric"], float(rec["value"])
    scope = "" if rec["scope"] == "provinces" else m.region_name(rec["scope"])
    if metric == "average" or metric.startswith("average_as_restated"):
        dec = m.printed_decimals(value, rec["excerpt"], _decimals(rec["value"]))
        half = m.half_unit(dec)
        out = [make.average(idx, year, value - half, value + half, src, scope, (value, dec))]
        if not scope and metric == "average" and (change := _average_change(row, idx)):
            out.append(change)
        return out
    if scope:
        warnings.warn(f"regional metric not understood: {metric}", stacklevel=2)
        return []
    if band := _band(metric):
        return [make.count_band(idx, year, band[0], band[1], int(value), src)]
    if metric == "top_to_bottom_gap":
        return [make.gap(idx, year, value, m.printed_decimals(value, rec["excerpt"]), src)]
    if metric == "count_above_national_average":
        return [make.count_above_average(idx, year, int(value), src)]
    if found := re.fullmatch(r"count_(increased|improved|decreased)_vs_(\d{4})", metric):
        sign = -1 if found.group(1) == "decreased" else 1
        # "fared better ... Thirty other provinces ranked lower" (2013): a count of ranks.
        ranks = found.group(1) == "improved"
        return [make.count_change(idx, int(found.group(2)), year, sign, int(value), src, ranks)]
    if found := re.fullmatch(r"(max|min)_(increase|decrease)_vs_(\d{4})(?:_(.+))?", metric):
        which = f"{found.group(1)}_{'rise' if found.group(2) == 'increase' else 'fall'}"
        code = None
        if found.group(4):
            provinces = units[units[s.LEVEL] == "province"]
            code = str(find_unit(provinces, found.group(4).replace("_", " "), year)[s.CODE])
        y0 = int(found.group(3))
        return [make.change_extreme(names, idx, y0, year, which, value, src, code)]
    if metric not in NOT_SCORES:
        warnings.warn(f"national metric not understood: {metric}", stacklevel=2)
    return []


def _summary_rows(pub: Path, names: Names, units: pd.DataFrame) -> list[Row]:
    out = []
    frame = read_published(pub, "vietnam_par_national_summary.csv")
    for rec in frame.to_dict("records"):
        if rec["scope"] != "provinces" and not rec["scope"].startswith("region:"):
            continue  # ministries and SIPAS are not PAR scores of provinces
        row = Row(
            "vietnam_par_national_summary.csv",
            s.INDEX_NATIONAL,
            int(rec["year"]),
            f"{rec['scope']}|{rec['metric']}",
            None,
            rec,
        )
        row.facts = _summary_fact(row, names, units)
        out.append(row)
    return out


def _bloc_rows(pub: Path) -> list[Row]:
    out = []
    frame = read_published(pub, "hanoi_par_bloc_averages.csv")
    for rec in frame.to_dict("records"):
        if rec["bloc"] != HANOI_BLOC or rec["metric"] != "average_index":
            continue  # departments, and the appraisal / survey parts of the index
        row = Row(
            "hanoi_par_bloc_averages.csv",
            s.INDEX_HANOI,
            int(rec["year"]),
            f"{rec['bloc']}|{rec['metric']}",
            None,
            rec,
        )
        value = float(rec["value"])
        dec = m.printed_decimals(value, rec["excerpt"], _decimals(rec["value"]))
        half = m.half_unit(dec)
        row.facts.append(
            make.average(
                s.INDEX_HANOI, row.year, value - half, value + half, row.src, "", (value, dec)
            )
        )
        if change := _average_change(row, s.INDEX_HANOI):
            row.facts.append(change)
        out.append(row)
    return out


def _seed_rows(pub: Path, names: Names, units: pd.DataFrame) -> list[Row]:
    seed = read_published(pub, "seed_facts.csv")
    districts = units[units[s.LEVEL] == "district"]
    out = []
    for rec in seed[seed["indicator"] == "par_index_rank"].to_dict("records"):
        year = int(rec["year"])
        code = str(find_unit(districts, rec["unit_name"], year)[s.CODE])
        row = Row("seed_facts.csv", s.INDEX_HANOI, year, rec["unit_name"], code, rec)
        row.facts.append(make.rank(names, s.INDEX_HANOI, code, year, int(rec["value"]), row.src))
        out.append(row)
    return out


def read_rows(published_dir: Path, units: pd.DataFrame) -> list[Row]:
    """Every published row that states something about PAR totals, with its own facts."""
    names = Names(units)
    rows = _unit_rows(published_dir, "hanoi_district_par_index.csv", s.INDEX_HANOI, units)
    rows += _unit_rows(published_dir, "vietnam_province_par_index.csv", s.INDEX_NATIONAL, units)
    for row in rows:
        _row_facts(row, names)
    _group_facts(rows, names, units)
    rows += _seed_rows(published_dir, names, units)
    rows += _summary_rows(published_dir, names, units)
    rows += _bloc_rows(published_dir)
    return rows


def load_facts(published_dir: Path, units: pd.DataFrame) -> list[Fact]:
    """Every published fact about the PAR totals of the two indexes, plus plausibility rules."""
    from indicators.facts import derived, plausible

    rows = read_rows(published_dir, units)
    facts = derived.complete(rows, Names(units), units)
    return facts + plausible.rules(facts, units)
