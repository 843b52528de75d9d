"""The plan of a generated index: each chosen fact as a constraint on a year."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.build.demo_scores import numeric as sc
from indicators.facts import model as m
from indicators.facts.load import index_units
from indicators.facts.model import Fact

INF = math.inf
# Planned (mean, top, bottom) of a year where they are not published: invented but kept
# consistent with what was (national 2017: 19 provinces improved in 2018 and 2019's 81,15 was
# "the highest in four years"; 2020-2021: 58 rose, then only 3 fell; 2024: all 80 or more).
PLAN = {
    s.INDEX_NATIONAL: {
        2012: (75.9, 87.14, 62.58),
        2013: (77.56, 87.02, 58.91),
        2014: (81.21, 92.54, 64.26),
        2015: (85.11, 93.31, 72.0),
        2016: (74.64, 90.32, 62.55),
        2017: (78.0, 89.45, 59.69),
        2018: (76.92, 89.06, 69.53),
        2019: (81.15, 90.09, 73.87),
        2020: (83.6, 91.04, 73.25),
        2021: (85.9, 91.8, 76.0),
        2022: (84.79, 90.1, 77.5),
        2023: (86.98, 92.18, 81.32),
        2024: (88.37, 96.17, 82.6),
    },
    s.INDEX_HANOI: {
        2015: (84.5, 93.2, 76.0),
        2016: (85.6, 93.8, 77.5),
        2017: (86.7, 94.4, 79.0),
        2018: (87.8, 94.9, 80.5),
        2019: (89.0, 95.61, 81.8),
        2020: (89.3, 94.22, 83.86),
        2021: (90.55, 95.24, 87.16),
        2022: (92.75, 96.1, 88.9),
        2023: (94.01, 96.3, 91.61),
        2024: (93.9, 95.39, 91.2),
    },
}
# Standings the sources suggest without a figure: Nam Từ Liêm "in the city's top group four
# years in a row" (2016-2019, first in 2017 and 2018); Bến Tre, last in 2019, "rose the most"
# in 2020, which needs it well off the bottom; Thái Bình "rose the least" in 2020 while the
# average rose 2,3 points, so it slipped down the table that year and stays near there.
HINTS = {
    (s.INDEX_HANOI, "019", 2016): 3,
    (s.INDEX_HANOI, "019", 2019): 4,
    (s.INDEX_NATIONAL, "83", 2020): 52,
    (s.INDEX_NATIONAL, "34", 2020): 47,
    (s.INDEX_NATIONAL, "34", 2021): 46,
}


@dataclass
class Year:
    year: int
    codes: list[str]
    ranges: dict[str, tuple[int, int]] = field(default_factory=dict)
    ties: list[set[str]] = field(default_factory=list)
    fixed: dict[str, int] = field(default_factory=dict)
    bounds: dict[str, tuple[int, int]] = field(default_factory=dict)
    bands: list[tuple[float, float, int]] = field(default_factory=list)
    counts: dict[int, int] = field(default_factory=dict)  # threshold (cents) -> units at/above
    above_average: int | None = None
    mean: tuple[float, float] = (-INF, INF)
    mean_change: tuple[float, float] | None = None
    regions: dict[str, tuple[float, float]] = field(default_factory=dict)
    moves: dict[int, int] = field(default_factory=dict)
    extremes: dict[str, tuple[float | None, str | None]] = field(default_factory=dict)
    change: dict[str, tuple[float, float]] = field(default_factory=dict)  # vs previous year
    vs_average: list[tuple[str, float, float]] = field(default_factory=list)
    bottom_regions: tuple[tuple[str, ...], int] | None = None
    gap: float | None = None
    plaus: tuple = ()
    max_move: int = 10**6
    rank_units: set[str] = field(default_factory=set)  # in a printed rank change
    rank_counts: bool = False  # a printed count of units ranked higher or lower
    exempt: tuple[str, ...] = ()

    @property
    def n(self) -> int:
        return len(self.codes)


def chosen(facts: list[Fact], index_id: str) -> list[Fact]:
    """The facts the generator follows: plain ones and the first option of alternatives."""
    out = []
    for f in facts:
        if f.index_id == index_id:
            out += list(f.options[0]) if f.kind == m.ALTERNATIVES else [f]
    return out


def _narrow(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return max(a[0], b[0]), min(a[1], b[1])


def plan(index_id: str, facts: list[Fact], units: pd.DataFrame) -> tuple[dict, list]:
    years = m.INDEX_YEARS[index_id]
    plans = {y: Year(y, index_units(units, index_id, y)) for y in years}
    ranks: dict[tuple[int, int], list[str]] = {}
    relations = []  # facts between two years, used by later steps
    for f in facts:
        if f.year not in plans:
            continue
        p, u = plans[f.year], (f.units[0] if f.units else "")
        if f.kind == m.SCORE:
            p.fixed[u] = cents(f.values[0])
        elif f.kind == m.SCORE_RANGE:
            lo = math.floor(f.values[0] * 100) + 1 if math.isfinite(f.values[0]) else 1
            hi = math.ceil(f.values[1] * 100) - 1 if math.isfinite(f.values[1]) else 10000
            p.bounds[u] = (max(lo, p.bounds.get(u, (0, 0))[0]), hi)
        elif f.kind == m.RANK:
            ranks.setdefault((f.year, int(f.values[0])), []).append(u)
        elif f.kind == m.LAST:
            p.ranges[u] = (p.n - 1, p.n - 1)
        elif f.kind == m.RANK_SET:
            for c in f.units:
                p.ranges[c] = (int(min(f.values)) - 1, int(max(f.values)) - 1)
        elif f.kind == m.AVERAGE:
            if f.scope:
                p.regions[f.scope] = _narrow(p.regions.get(f.scope, (-INF, INF)), f.values)
            else:
                p.mean = _narrow(p.mean, f.values)
        elif f.kind == m.AVERAGE_CHANGE:
            p.mean_change = f.values
        elif f.kind == m.COUNT_BAND:
            p.bands.append(f.values)
        elif f.kind == m.COUNT_ABOVE_AVERAGE:
            p.above_average = int(f.values[0])
        elif f.kind == m.COUNT_CHANGE:
            p.moves[int(f.values[0])] = int(f.values[1])
        elif f.kind == m.CHANGE_EXTREME:
            v = f.values[0] if f.values[0] == f.values[0] else None
            p.extremes[f.scope] = (v, f.units[0] if f.units else None)
        elif f.kind == m.SCORE_VS_AVERAGE:
            p.vs_average.append((u, f.values[0], f.values[1]))
        elif f.kind == m.BOTTOM_IN_REGIONS:
            p.bottom_regions = (m.region_codes(f.scope), int(f.values[0]))
        elif f.kind == m.GAP:
            p.gap = f.values[0]
        elif f.kind == m.REGION_RANK:
            relations.append(f)
        elif f.kind == m.PLAUSIBLE_RANK_MOVE:
            p.max_move, p.exempt = int(f.values[0]), f.units
        elif f.kind == m.PLAUSIBLE_SCORE_CHANGE:
            p.plaus = (f.scope, *f.values)
        else:
            relations.append(f)
    for f in relations:
        for y in f.years if f.kind in (m.RANK_CHANGE, m.COUNT_RANK_CHANGE) else ():
            if y in plans:
                plans[y].rank_units.update(f.units)
                plans[y].rank_counts |= f.kind == m.COUNT_RANK_CHANGE
    for (year, r), codes in ranks.items():
        if len(codes) > 1:
            plans[year].ties.append(set(codes))
        for c in codes:
            plans[year].ranges[c] = (r - 1, r - 1 + len(codes) - 1)
    for p in plans.values():
        _counts(p)
    _region_ranks(plans, relations)
    return plans, relations


def _counts(p: Year) -> None:
    """Units at or above each threshold, from group counts that tile the scale."""
    known: dict[float, int] = {}
    for lo, hi, k in p.bands:
        if math.isinf(hi):
            known[lo] = int(k)
        elif lo <= 0:
            known[hi] = p.n - int(k)
    for _ in range(len(p.bands)):
        for lo, hi, k in p.bands:
            if math.isfinite(hi) and lo > 0 and hi in known and lo not in known:
                known[lo] = known[hi] + int(k)
            elif math.isfinite(hi) and lo > 0 and lo in known and hi not in known:
                known[hi] = known[lo] - int(k)
    p.counts = {cents(t): c for t, c in known.items()}


def _region_ranks(plans: dict, relations: list[Fact]) -> None:
    """Regions not among the published top ones average below the lowest of them."""
    for f in [r for r in relations if r.kind == m.REGION_RANK]:
        p = plans[f.year]
        named = {r.scope for r in relations if r.kind == m.REGION_RANK and r.year == f.year}
        floor = min(p.regions[r][0] for r in named if r in p.regions)
        for region in m.REGIONS:
            if region not in named:
                old = p.regions.get(region, (-INF, INF))
                p.regions[region] = (old[0], min(old[1], floor - 0.006))


def derive(plans: dict, relations: list[Fact]) -> None:
    """Fixed scores, bounds and ranks that follow from a printed change, gap or ratio."""
    for _ in range(3):
        for f in relations:
            y0, y1 = f.years[0], f.years[-1]
            if f.kind == m.SCORE_CHANGE and y0 in plans and y1 in plans:
                _derive_change(plans[y0], plans[y1], f)
            elif (
                f.kind == m.RANK_CHANGE
                and y0 in plans
                and y1 in plans
                and f.values[0] == f.values[1]
            ):
                u, gained = f.units[0], int(f.values[0])
                r0, r1 = plans[y0].ranges.get(u), plans[y1].ranges.get(u)
                if r0 and r0[0] == r0[1] and not r1:
                    plans[y1].ranges[u] = (r0[0] - gained,) * 2
                elif r1 and r1[0] == r1[1] and not r0:
                    plans[y0].ranges[u] = (r1[0] + gained,) * 2
            elif f.kind == m.RATIO and f.year in plans:
                a, b = f.units
                top = plans[f.year].fixed.get(a)
                if top is not None:
                    lo = math.ceil(top / (f.values[0] + f.values[1])) + 1
                    plans[f.year].bounds[b] = (
                        lo,
                        math.floor(top / (f.values[0] - f.values[1])) - 1,
                    )
        for p in plans.values():
            top = [c for c, r in p.ranges.items() if r == (0, 0)]
            low = [c for c, r in p.ranges.items() if r == (p.n - 1, p.n - 1)]
            if p.gap is not None and top and low:
                if top[0] in p.fixed and low[0] not in p.fixed:
                    p.fixed[low[0]] = p.fixed[top[0]] - cents(p.gap)
                elif low[0] in p.fixed and top[0] not in p.fixed:
                    p.fixed[top[0]] = p.fixed[low[0]] + cents(p.gap)
            ext = p.extremes.get("max_rise")
            if ext and ext[0] is not None and ext[1] and p.year - 1 in plans:
                before = plans[p.year - 1].fixed.get(ext[1])
                if before is not None:
                    p.fixed.setdefault(ext[1], before + cents(ext[0]))
    for p in plans.values():
        _fixed_ranges(p)


def _derive_change(p0: Year, p1: Year, f: Fact) -> None:
    u, (lo, hi) = f.units[0], f.values
    a, b = p0.fixed.get(u), p1.fixed.get(u)
    if hi - lo < 0.02:  # a printed change: one side fixes the other
        v = cents((lo + hi) / 2)
        if a is not None and b is None:
            p1.fixed[u] = a + v
        elif b is not None and a is None:
            p0.fixed[u] = b - v
    elif b is not None and a is None and hi < 0:  # fell (slightly) to a published score
        p0.bounds[u] = (b + 1, b + 120)
    else:
        p1.change[u] = (lo, hi)


def _fixed_ranges(p: Year) -> None:
    """Positions of units with a published score but no rank: between the ranked ones."""
    pinned = {c: r[0] for c, r in p.ranges.items() if r[0] == r[1] and c in p.fixed}
    for c, v in p.fixed.items():
        if c in p.ranges:
            continue
        lo = max([r + 1 for d, r in pinned.items() if p.fixed[d] > v], default=0)
        hi = min([r - 1 for d, r in pinned.items() if p.fixed[d] < v], default=p.n - 1)
        for t, count in p.counts.items():
            lo, hi = (lo, min(hi, count - 1)) if v >= t else (max(lo, count), hi)
        p.ranges[c] = (lo, hi)


def cents(v: float) -> int:
    return int(round(v * 100))


def targets(
    p: Year,
    order: list[str] | None,
    index_id: str,
    mean: float | None = None,
    fixed: dict[str, int] | None = None,
) -> np.ndarray:
    """Target scores (cents) of a year's positions: a curve through its fixed scores (at their
    places in `order`, or only the pinned ones), thresholds and planned top and bottom."""
    plan_mean, top, bottom = PLAN[index_id][p.year]
    if order is None:
        placed = {c: r[0] for c, r in p.ranges.items() if r[0] == r[1]}
    else:
        placed = {c: i for i, c in enumerate(order)}
    fixed = p.fixed if fixed is None else fixed
    anchors = {float(i): fixed[c] / 100 for c, i in placed.items() if c in fixed}
    for t, count in p.counts.items():
        if 0 < count < p.n:
            anchors.setdefault(count - 0.5, t / 100)
    mean = plan_mean if mean is None else mean
    if p.above_average:
        anchors.setdefault(p.above_average - 0.5, mean)
    anchors.setdefault(0.0, top)
    anchors.setdefault(float(p.n - 1), bottom)
    return sc.template(p.n, anchors, mean) * 100
