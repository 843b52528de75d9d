"""The `Fact` type, its kinds, the six socio-economic regions and number helpers.

A fact is one published statement that constrains the total PAR scores of an index: a rank, a
score, "came last", a group count, an average, a change from the year before, or a plausibility
rule derived from what was published. `indicators.facts.check` evaluates facts on a par_scores
table; `indicators.build.demo_scores` generates scores that satisfy them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from indicators import schema as s
from indicators.domain import REORG_YEAR

# --- kinds and the meaning of `values` ----------------------------------------------------------
SCORE = "score"  # values (v, tol): |score - v| <= tol (tol = half a unit of the printed last digit)
SCORE_RANGE = "score_range"  # values (lo, hi): lo < score < hi ("over 91 percent")
RANK = "rank"  # values (r,): competition rank r among all units of the index and year
LAST = "last"  # the unit's score is the lowest, shared by no other unit
RANK_SET = "rank_set"  # values (r1, r2, ...): each unit's rank is one of them (runner-ups, bottom)
RANK_CHANGE = "rank_change"  # years (y0, y1), values (lo, hi): lo <= rank(y0) - rank(y1) <= hi
SCORE_CHANGE = "score_change"  # years (y0, y1), values (lo, hi): lo <= score(y1) - score(y0) <= hi
RATIO = "ratio"  # units (a, b), values (v, tol): |score(a) / score(b) - v| <= tol
SCORE_VS_AVERAGE = "score_vs_average"  # values (v, tol): |score - average - v| <= tol
AVERAGE = "average"  # scope "" or a region, values (lo, hi): lo <= average <= hi
AVERAGE_CHANGE = "average_change"  # years (y0, y1), values (lo, hi) on average(y1) - average(y0)
COUNT_BAND = "count_band"  # values (lo, hi, k): exactly k units with lo <= score < hi
COUNT_ABOVE_AVERAGE = "count_above_average"  # values (k,): k units score above the average
COUNT_CHANGE = "count_change"  # years (y0, y1), values (sign, k): k units rose (+1) / fell (-1)
COUNT_RANK_CHANGE = "count_rank_change"  # years, values (sign, k): k units ranked higher / lower
CHANGE_EXTREME = "change_extreme"  # scope max_rise|min_rise|max_fall|min_fall, values (v, tol)
GAP = "gap"  # values (v, tol): highest score - lowest score
REGION_RANK = "region_rank"  # scope region, values (k,): the region's average is the k-th highest
BOTTOM_IN_REGIONS = "bottom_in_regions"  # scope "r1|r2", values (k,): the k lowest are in them
ALTERNATIVES = "alternatives"  # options: at least one option (all of its facts) holds
PLAUSIBLE_RANK_MOVE = "plausible_rank_move"  # years (y0, y1), values (m,), units: exempt
PLAUSIBLE_SCORE_CHANGE = "plausible_score_change"  # scope "absolute" (lo, hi) | "relative" (b,)

# Kinds that need every unit of the index and year (both years for changes) to have a score.
WHOLE_TABLE = frozenset(
    {
        RANK,
        LAST,
        RANK_SET,
        RANK_CHANGE,
        SCORE_VS_AVERAGE,
        AVERAGE,
        AVERAGE_CHANGE,
        COUNT_BAND,
        COUNT_ABOVE_AVERAGE,
        COUNT_CHANGE,
        COUNT_RANK_CHANGE,
        CHANGE_EXTREME,
        GAP,
        REGION_RANK,
        BOTTOM_IN_REGIONS,
        PLAUSIBLE_RANK_MOVE,
        PLAUSIBLE_SCORE_CHANGE,
    }
)

# The published years of each index: the districts and the 63 provinces end with 2024.
INDEX_YEARS = {s.INDEX_HANOI: range(2015, REORG_YEAR), s.INDEX_NATIONAL: range(2012, REORG_YEAR)}
INDEX_NAMES = {
    s.INDEX_HANOI: ("Chỉ số CCHC Hà Nội", "Hanoi's PAR index"),
    s.INDEX_NATIONAL: ("PAR INDEX cấp tỉnh", "national PAR INDEX"),
}


@dataclass(frozen=True)
class Fact:
    """One published statement about the total PAR scores of an index (see the kinds above)."""

    kind: str
    index_id: str
    years: tuple[int, ...]
    units: tuple[str, ...] = ()
    values: tuple[float, ...] = ()
    scope: str = ""
    source_url: str = ""
    excerpt: str = ""
    vi: str = ""
    en: str = ""
    options: tuple[tuple[Fact, ...], ...] = ()

    @property
    def year(self) -> int:
        """The (last) year the fact is about."""
        return self.years[-1]

    def label(self) -> str:
        return f"{self.vi} / {self.en}"


# --- the six socio-economic regions ---------------------------------------------------------
# GSO's standard grouping of the 63 provinces (before the 2025 merger) into six socio-economic
# regions, by pre-2025 province code. The Ministry of Home Affairs reports regional PAR INDEX
# averages on this grouping: with it, the 2023 regional averages reproduce the national 86,98.
REGIONS: dict[str, tuple[str, ...]] = {
    "Trung du và miền núi phía Bắc": (
        "02",
        "04",
        "06",
        "08",
        "10",
        "11",
        "12",
        "14",
        "15",
        "17",
        "19",
        "20",
        "24",
        "25",
    ),
    "Đồng bằng sông Hồng": ("01", "22", "26", "27", "30", "31", "33", "34", "35", "36", "37"),
    "Bắc Trung Bộ và duyên hải miền Trung": (
        "38",
        "40",
        "42",
        "44",
        "45",
        "46",
        "48",
        "49",
        "51",
        "52",
        "54",
        "56",
        "58",
        "60",
    ),
    "Tây Nguyên": ("62", "64", "66", "67", "68"),
    "Đông Nam Bộ": ("70", "72", "74", "75", "77", "79"),
    "Đồng bằng sông Cửu Long": (
        "80",
        "82",
        "83",
        "84",
        "86",
        "87",
        "89",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
    ),
}
REGION_EN = {
    "Trung du và miền núi phía Bắc": "Northern Midlands and Mountains",
    "Đồng bằng sông Hồng": "Red River Delta",
    "Bắc Trung Bộ và duyên hải miền Trung": "North Central and Central Coast",
    "Tây Nguyên": "Central Highlands",
    "Đông Nam Bộ": "Southeast",
    "Đồng bằng sông Cửu Long": "Mekong Delta",
}


def region_name(text: str) -> str:
    """The canonical name of a region as a published file spells it (case-insensitive)."""
    key = text.removeprefix("region:").strip().casefold()
    for name in REGIONS:
        if name.casefold() == key:
            return name
    raise KeyError(f"Vùng không rõ / unknown region: {text!r}")


def region_codes(scope: str) -> tuple[str, ...]:
    """The province codes of a scope: one region, several joined by "|", or "" for none."""
    return tuple(c for name in scope.split("|") if name for c in REGIONS[name])


# --- numbers ----------------------------------------------------------------------------------
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def printed_decimals(value: float, excerpt: str, default: int = 2) -> int:
    """How many decimals `value` was printed with in `excerpt` ("88.20%" -> 2, "(85%)" -> 0).

    The largest count among the printed numbers equal to `value`; `default` when none is."""
    found = [
        len(tok.replace(",", ".").partition(".")[2])
        for tok in _NUMBER.findall(excerpt)
        if math.isclose(float(tok.replace(",", ".")), value, abs_tol=1e-9)
    ]
    return max(found) if found else default


def half_unit(decimals: int) -> float:
    """Half a unit of the last printed digit, plus a hair for float noise."""
    return 0.5 * 10.0**-decimals + 1e-9


def fmt_vi(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def fmt_en(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}"


def ordinal_en(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
