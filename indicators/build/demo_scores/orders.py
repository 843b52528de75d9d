"""Standings and yearly orders of the units of a generated index."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.build.demo_scores import numeric as sc
from indicators.build.demo_scores.plan import HINTS, PLAN, Year, targets
from indicators.facts import model as m
from indicators.facts.model import Fact

KIND_EFFECT = {"quận": 0.4, "thị xã": 0.0, "huyện": -0.3}  # urban districts rank higher
MOVE_CAP = {s.INDEX_HANOI: 4, s.INDEX_NATIONAL: 8}  # the generator's own aim for rank moves
PASSES = 4  # sweeps of neighbour swaps over all years
WINDOW = 4  # how far apart two swapped units may stand


def _prior(
    index_id: str, codes: list[str], plans: dict[int, Year], units: pd.DataFrame
) -> np.ndarray:
    """Prior standing: a region's published advantage (provinces), a district's kind (Hanoi)."""
    years = sorted(plans)
    prior = np.zeros((len(codes), len(years)))
    if index_id == s.INDEX_HANOI:
        kinds = units.drop_duplicates(s.CODE).set_index(s.CODE)[s.KIND]
        for i, c in enumerate(codes):
            prior[i] += KIND_EFFECT.get(str(kinds.get(c, "")), 0.0)
        return prior
    devs: dict[str, dict[int, float]] = {}
    for k, y in enumerate(years):
        mean, top, bottom = PLAN[index_id][y]
        for region, (lo, hi) in plans[y].regions.items():
            if math.isfinite(lo) and math.isfinite(hi):
                devs.setdefault(region, {})[k] = ((lo + hi) / 2 - mean) / ((top - bottom) / 4.5)
    for region, by_year in devs.items():
        base = 0.8 * sum(by_year.values()) / len(by_year)
        rows = [i for i, c in enumerate(codes) if c in m.REGIONS[region]]
        for k in range(len(years)):
            prior[rows, k] += by_year.get(k, base)
    return prior


def standings(
    index_id: str, plans: dict[int, Year], units: pd.DataFrame, rng: np.random.Generator
) -> dict[int, dict[str, float]]:
    """Each unit's standing (a z score) per year, through its published positions."""
    years = sorted(plans)
    codes = sorted({c for p in plans.values() for c in p.codes})
    row = {c: i for i, c in enumerate(codes)}
    observed = {}
    for k, y in enumerate(years):
        p = plans[y]
        for c, (lo, hi) in p.ranges.items():
            sd = 0.05 + 1.5 * (hi - lo) / p.n
            observed[(row[c], k)] = (sc.quantile_z((lo + hi) / 2, p.n), sd)
    for (idx, c, y), pos in HINTS.items():
        if idx == index_id and y in plans and (row[c], years.index(y)) not in observed:
            observed[(row[c], years.index(y))] = (sc.quantile_z(pos, plans[y].n), 0.25)
    z = sc.latent_paths(_prior(index_id, codes, plans, units), observed, rng)
    return {y: {c: float(z[row[c], k]) for c in codes} for k, y in enumerate(years)}


def _place_scored(p: Year, index_id: str) -> None:
    """A unit with a published score but no rank goes where the curve meets its score."""
    curve = targets(p, None, index_id)
    for c, v in p.fixed.items():
        lo, hi = p.ranges.get(c, (0, p.n - 1))
        for threshold, count in p.counts.items():  # a group count puts it above or below
            lo, hi = (lo, min(hi, count - 1)) if v >= threshold else (max(lo, count), hi)
        if hi - lo > 2:
            best = lo + int(np.argmin(np.abs(curve[lo : hi + 1] - v)))
            lo, hi = max(lo, best - 1), min(hi, best + 1)
        p.ranges[c] = (lo, hi)


def _fit_regions(index_id: str, plans: dict[int, Year], z: dict[int, dict[str, float]]) -> None:
    """Shift the standings of a region's unpinned units until, on the year's curve, the region
    averages about what was published (half the shift spills into the years either side)."""
    for _ in range(10):
        shifts: dict[tuple[int, str], float] = {}
        for y, p in plans.items():
            if not p.regions:
                continue
            order = sc.assign_order(p.codes, z[y], p.ranges)
            curve, pos = targets(p, order, index_id), {c: i for i, c in enumerate(order)}
            _, top, bottom = PLAN[index_id][y]
            for region, (lo, hi) in p.regions.items():
                codes = [c for c in p.codes if c in m.REGIONS[region]]
                avg = sum(p.fixed.get(c, curve[pos[c]]) for c in codes) / len(codes) / 100
                goal = (lo + hi) / 2 if math.isfinite(lo) else min(avg, hi - 0.05)
                step = (goal - avg) / ((top - bottom) / 4.5)
                for c in codes:
                    if c not in p.ranges:
                        for other, weight in ((y, 1.0), (y - 1, 0.5), (y + 1, 0.5)):
                            key = (other, c)
                            shifts[key] = shifts.get(key, 0.0) + weight * step
        for (y, c), shift in shifts.items():
            if y in z:
                z[y][c] += shift


class _Objective:
    """What a year's order costs: regions far from their averages, rank moves beyond
    `MOVE_CAP`, score changes beyond the plausible ones (on the curves), printed rank changes
    and counts of units ranked higher or lower that do not hold. A unit's own part of the cost
    depends only on its position, so a swap is priced from the two units it moves."""

    def __init__(
        self,
        index_id: str,
        plans: dict[int, Year],
        orders: dict[int, list[str]],
        relations: list[Fact],
        curves: dict[int, np.ndarray],
    ) -> None:
        self.plans, self.orders, self.curves = plans, orders, curves
        self.means = {y: c.mean() / 100 for y, c in curves.items()}
        self.gaps = {y: (c[0] - c[-1]) / 100 for y, c in curves.items()}
        self.cap = MOVE_CAP[index_id]
        self.relations = [f for f in relations if f.kind in (m.RANK_CHANGE, m.COUNT_RANK_CHANGE)]

    def start(self, y: int) -> None:
        """Fix what the year's cost depends on besides its own order."""
        p = self.plans[y]
        self.y, self.p, self.curve = y, p, self.curves[y]
        self.region_of = {c: r for r in p.regions for c in m.REGIONS[r]}
        self.others = []
        for other, exempt in ((y - 1, p.exempt), (y + 1, self._exempt(y + 1))):
            if other in self.orders:
                late = self.plans[max(y, other)]
                self.others.append(
                    (
                        other,
                        exempt,
                        {c: i for i, c in enumerate(self.orders[other])},
                        self._width(late.plaus, y, other),
                        late.plaus,
                        self.means[max(y, other)] - self.means[min(y, other)],
                    )
                )
        self.unit_facts: dict[str, list[tuple[Fact, dict[str, int]]]] = {}
        self.counts = []
        for f in self.relations:
            if y in f.years and all(x in self.orders for x in f.years):
                other = f.years[1] if f.years[0] == y else f.years[0]
                where = {c: i for i, c in enumerate(self.orders[other])}
                if f.kind == m.RANK_CHANGE:
                    self.unit_facts.setdefault(f.units[0], []).append((f, where))
                else:
                    self.counts.append((f, where))

    def value(self, c: str, i: int) -> float:
        return self.p.fixed.get(c, self.curve[i]) / 100

    def unit(self, c: str, i: int) -> float:
        """The cost of unit `c` at position `i` (moves, plausibility, printed rank changes)."""
        cost, p, y = 0.0, self.p, self.y
        for other, exempt, where, width, plaus, shift in self.others:
            if c not in where:
                continue
            if c not in exempt:
                move = abs(i - where[c])
                cost += 3 * max(0, move - self.cap) + 100 * max(0, move - p.max_move + 2)
            if width is None or (c in p.fixed and c in self.plans[other].fixed):
                continue
            there = self.plans[other].fixed.get(c, self.curves[other][where[c]]) / 100
            change = self.value(c, i) - there if other < y else there - self.value(c, i)
            cost += 20 * max(0.0, width[0] - change, change - width[1])
            if plaus[0] == "relative":
                cost += 20 * max(0.0, abs(change - shift) - width[1])
        for f, where in self.unit_facts.get(c, ()):
            gained = (where[c] - i) if f.years[1] == y else (i - where[c])
            cost += 50 * max(0, f.values[0] - gained, gained - f.values[1])
        return cost

    def regions(self, totals: dict[str, float]) -> float:
        cost = 0.0
        for region, (lo, hi) in self.p.regions.items():
            size = len(m.REGIONS[region])
            if math.isfinite(lo) and math.isfinite(hi):
                cost += 5 * abs(totals[region] - size * (lo + hi) / 2)
            elif math.isfinite(hi):
                cost += 5 * max(0.0, totals[region] - size * (hi - 0.05))
        return cost

    def count(self, f: Fact, where: dict[str, int], c: str, i: int) -> int:
        if c not in where:
            return 0
        gained = (where[c] - i) if f.years[1] == self.y else (i - where[c])
        return int(gained * f.values[0] > 0)

    def _width(self, plaus: tuple, y: int, other: int) -> tuple[float, float] | None:
        """Allowed change between the two years (relative: around the shift of the mean)."""
        if not plaus:
            return None
        if plaus[0] == "absolute":
            return plaus[1] + 0.05, plaus[2] - 0.05
        gap = abs(self.gaps[y] - self.gaps[other])
        return -math.inf, plaus[1] + gap - 1.0

    def _exempt(self, y: int) -> tuple[str, ...]:
        return self.plans[y].exempt if y in self.plans else ()

    def reorder(self, y: int, z: dict[str, float], index_id: str) -> list[str]:
        """Make year `y`'s order again (scores were fixed in it), then improve it."""
        p = self.plans[y]
        _place_scored(p, index_id)
        self.orders[y] = sc.assign_order(p.codes, z, p.ranges)
        self.curves[y] = targets(p, self.orders[y], index_id)
        self.means[y] = self.curves[y].mean() / 100
        self.gaps[y] = (self.curves[y][0] - self.curves[y][-1]) / 100
        return self.orders[y]

    def improve(self, y: int) -> bool:
        """Swap near neighbours of year `y` while that lowers the cost; True if any did."""
        self.start(y)
        p, order, changed = self.p, self.orders[y], False
        totals = {r: 0.0 for r in p.regions}
        for i, c in enumerate(order):
            if c in self.region_of:
                totals[self.region_of[c]] += self.value(c, i)
        counts = [sum(self.count(f, w, c, i) for i, c in enumerate(order)) for f, w in self.counts]
        for i in range(p.n - 1):
            for j in range(i + 1, min(i + WINDOW + 1, p.n)):
                a, b = order[i], order[j]
                if not _may_swap(p, order, i, j):
                    continue
                delta = self.unit(a, j) + self.unit(b, i) - self.unit(a, i) - self.unit(b, j)
                new = dict(totals)
                for c, old, now in ((a, i, j), (b, j, i)):
                    if c in self.region_of:
                        new[self.region_of[c]] += self.value(c, now) - self.value(c, old)
                delta += self.regions(new) - self.regions(totals)
                moved = []
                for (f, w), k in zip(self.counts, counts, strict=True):
                    step = (
                        self.count(f, w, a, j)
                        + self.count(f, w, b, i)
                        - self.count(f, w, a, i)
                        - self.count(f, w, b, j)
                    )
                    delta += 10 * (abs(k + step - f.values[1]) - abs(k - f.values[1]))
                    moved.append(k + step)
                if delta < -1e-9:
                    order[i], order[j] = b, a
                    totals, counts, changed = new, moved, True
        return changed


def improve(
    index_id: str, plans: dict[int, Year], z: dict[int, dict[str, float]], relations: list[Fact]
) -> tuple[dict[int, list[str]], _Objective]:
    """Each year's order: pinned units in their ranges, the others by standing, then improved
    by swapping near neighbours while that lowers the cost (`_Objective`, returned too: a
    year is improved again once the year before has its final order)."""
    orders, curves = {}, {}
    for p in plans.values():
        _place_scored(p, index_id)
    _fit_regions(index_id, plans, z)
    for y, p in sorted(plans.items()):
        if p.bottom_regions:  # e.g. "six northern provinces performed poorly"
            region, k = p.bottom_regions
            free = [c for c in p.codes if c in region and c not in p.ranges]
            for c in sorted(free, key=lambda c: z[y][c])[:k]:
                p.ranges[c] = (p.n - k, p.n - 1)
        orders[y] = sc.assign_order(p.codes, z[y], p.ranges)
        curves[y] = targets(p, orders[y], index_id)
    cost = _Objective(index_id, plans, orders, relations, curves)
    for _ in range(PASSES):
        if not any([cost.improve(y) for y in sorted(plans)]):
            break
    return orders, cost


def _may_swap(p: Year, order: list[str], i: int, j: int) -> bool:
    a, b = p.ranges.get(order[i], (0, p.n - 1)), p.ranges.get(order[j], (0, p.n - 1))
    return a[0] <= j <= a[1] and b[0] <= i <= b[1]
