"""The scores of one year of a generated index, given its order and the year before."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from indicators.build.demo_scores import chain as sc
from indicators.build.demo_scores.directions import change_bounds, picks, settle
from indicators.build.demo_scores.plan import PLAN, Year, cents, targets
from indicators.facts import model as m

MEAN_SLACK = 0.15  # how far an unpublished average may land from the planned one
END_SLACK = 10  # cents an unpublished top or bottom score may move from its planned value
BIG = sc.BIG
PICK_ROUNDS = 8  # units tried in turn for a change no source names
ATTEMPTS = 5  # tries at a year, each without the picks that failed


@dataclass(frozen=True)
class Done:
    """A generated year: scores (cents) by unit, their average and top-to-bottom gap."""

    scores: dict[str, int]
    mean: float
    gap: float


def mean_range(
    p: Year, index_id: str, prev: Done | None, nxt: Year | None
) -> tuple[float, float, float]:
    """The range the year's average must fall in, and the average aimed at."""
    lo, hi = p.mean
    if prev is not None and p.mean_change:
        lo = max(lo, prev.mean + p.mean_change[0] + 1e-4)
        hi = min(hi, prev.mean + p.mean_change[1] - 1e-4)
    if nxt is not None and nxt.mean_change and all(map(math.isfinite, nxt.mean)):
        low, high = nxt.mean[0] - nxt.mean_change[1], nxt.mean[1] - nxt.mean_change[0]
        lo, hi = max(lo, low), min(hi, high)
        if high - low < 0.05:  # next year's average is printed: leave it room
            center = (lo + hi) / 2
            lo, hi = max(lo, center - 0.002), min(hi, center + 0.002)
    for code, v, tol in p.vs_average:
        if code in p.fixed:
            lo = max(lo, p.fixed[code] / 100 - v - tol + 1e-4)
            hi = min(hi, p.fixed[code] / 100 - v + tol - 1e-4)
    if math.isfinite(lo) and math.isfinite(hi):
        return lo, hi, (lo + hi) / 2
    target = min(max(PLAN[index_id][p.year][0], lo + 0.05), hi - 0.05)
    return max(lo, target - MEAN_SLACK), min(hi, target + MEAN_SLACK), target


def preset(p: Year, prev: Done, shift: float, rng: np.random.Generator) -> bool:
    """Fix the scores a printed change sets from last year's (a unit's change, the named unit
    with the largest or smallest rise or fall), before the year's order is made; `shift` is the
    change of the average aimed at. True if any was set."""
    before = len(p.fixed)
    for code, (lo, hi) in p.change.items():
        if hi - lo < 0.02 and code not in p.fixed:
            p.fixed[code] = prev.scores[code] + cents((lo + hi) / 2)
    rises = [v - prev.scores[c] for c, v in p.fixed.items() if v > prev.scores.get(c, BIG)]
    for which, (v, code) in sorted(p.extremes.items()):
        if code is None or code in p.fixed:
            continue
        if v is not None:
            size = cents(v)
        elif which == "max_rise":  # above every printed rise, well above the average's
            size = max([r + 10 for r in rises] + [cents(shift) + 300])
        else:  # below every printed rise
            size = max(1, min([r - 1 for r in rises] + [int(rng.integers(5, 26))]))
        p.fixed[code] = prev.scores[code] + (size if which.endswith("rise") else -size)
    return len(p.fixed) > before


def _reinsert(
    p: Year,
    order: list[str],
    code: str,
    value: float,
    t: np.ndarray,
    fits: Callable[[list[str]], bool],
) -> list[str]:
    """Move a unit whose score is set by a change to where the curve meets that score and the
    order `fits` (None if it fits nowhere); units pinned to a position stay, the others keep
    their order."""
    pinned = {c for c, (a, b) in p.ranges.items() if a == b}
    if code in pinned:
        return order if fits(order) else None
    slots = [i for i, c in enumerate(order) if c not in pinned]
    rest = [order[i] for i in slots if order[i] != code]
    for k in sorted(range(len(slots)), key=lambda k: abs(t[slots[k]] - value)):
        seq = rest[:k] + [code] + rest[k:]
        new = list(order)
        for slot, c in zip(slots, seq, strict=True):
            new[slot] = c
        if all(
            p.ranges[c][0] <= slot <= p.ranges[c][1]
            for slot, c in zip(slots, seq, strict=True)
            if c in p.ranges
        ) and fits(new):
            return new
    return None


def _ends_fixed(p: Year) -> bool:
    ends = [c for c, r in p.ranges.items() if r in ((0, 0), (p.n - 1, p.n - 1))]
    return len(ends) == 2 and all(c in p.fixed for c in ends)


def _uncertain(p: Year, mean_width: float) -> float:
    """How far the year's average and gap may land from those the bounds are computed with."""
    gap = 0.0 if _ends_fixed(p) else 2 * END_SLACK / 100
    return mean_width / 2 + gap + 0.03


def _plausible(
    plaus: tuple, base: int, shift: float, gap_change: float, margin: float
) -> tuple[int, int]:
    """Bounds (cents) of a score `base` plus an allowed change."""
    if not plaus:
        return -BIG, BIG
    if plaus[0] == "absolute":
        return base + cents(plaus[1]) + 1, base + cents(plaus[2]) - 1
    width = plaus[1] + gap_change - margin
    return base + cents(shift - width), base + cents(shift + width)


@dataclass
class _Context:
    """What the bounds of a year's positions depend on besides the order."""

    index_id: str
    p: Year
    prev: Done | None
    nxt: Year | None
    mean: float
    total: tuple[int, int]
    margin: float


def _bounds(
    cx: _Context,
    order: list[str],
    fixed: dict[str, int],
    t: np.ndarray,
    kinds: dict[str, str],
    sizes: dict,
) -> tuple[np.ndarray, np.ndarray]:
    """Each position's lowest and highest score (cents): fixed scores, published bounds and
    thresholds, plausible changes from the year before and to a published score next year,
    and the directions chosen (`kinds`)."""
    p, prev, nxt, n = cx.p, cx.prev, cx.nxt, cx.p.n
    lo, hi = np.full(n, 100, dtype=np.int64), np.full(n, 10000, dtype=np.int64)
    gap_plan = (t[0] - t[-1]) / 100
    if nxt is not None:
        finite = all(map(math.isfinite, nxt.mean))
        nxt_mean = sum(nxt.mean) / 2 if finite else PLAN[cx.index_id][nxt.year][0]
        width = nxt.mean[1] - nxt.mean[0] if finite else 2 * MEAN_SLACK
        nxt_margin = cx.margin + _uncertain(nxt, min(width, 2 * MEAN_SLACK))
        curve = targets(nxt, None, cx.index_id)
        nxt_gap = (curve[0] - curve[-1]) / 100
    for i, c in enumerate(order):
        bounds = [p.bounds.get(c, (-BIG, BIG))]
        if c in fixed:
            bounds.append((fixed[c], fixed[c]))
        if prev is not None and c in prev.scores:
            if c not in fixed:
                bounds.append(change_bounds(kinds.get(c), sizes, prev.scores[c]))
            if c not in fixed:
                change = abs(gap_plan - prev.gap)
                shift = cx.mean - prev.mean
                bounds.append(_plausible(p.plaus, prev.scores[c], shift, change, cx.margin))
        if nxt is not None and c in nxt.change and c not in fixed:  # rises or falls next year
            low, high = nxt.bounds.get(c, (nxt.fixed.get(c, -BIG), nxt.fixed.get(c, BIG)))
            if nxt.change[c][1] < 0:
                bounds.append((low + 1, BIG))
            elif nxt.change[c][0] > 0:
                bounds.append((-BIG, high - 1))
        if nxt is not None and c in nxt.fixed and c not in fixed:
            change = abs(nxt_gap - gap_plan)
            low, high = _plausible(nxt.plaus, nxt.fixed[c], cx.mean - nxt_mean, change, nxt_margin)
            if nxt.plaus and nxt.plaus[0] == "absolute":
                low, high = 2 * nxt.fixed[c] - high, 2 * nxt.fixed[c] - low
            bounds.append((low, high))
        lo[i] = max([lo[i]] + [b[0] for b in bounds])
        hi[i] = min([hi[i]] + [b[1] for b in bounds])
    for i in (0, n - 1):
        if order[i] not in fixed:
            lo[i], hi[i] = max(lo[i], round(t[i]) - END_SLACK), min(hi[i], round(t[i]) + END_SLACK)
    for t_cents, count in p.counts.items():
        if 0 < count <= n:
            lo[count - 1] = max(lo[count - 1], t_cents)
        if 0 <= count < n:
            hi[count] = min(hi[count], t_cents - 1)
    if p.above_average:
        k = p.above_average
        lo[k - 1] = max(lo[k - 1], cx.total[1] // n + 1)
        hi[k] = min(hi[k], cx.total[0] // n)
    return lo, hi


def _fits(
    cx: _Context, t: np.ndarray, fixed: dict[str, int], lo_m: float, hi_m: float, order: list[str]
) -> bool:
    """Whether the order leaves every position a score and every region its average (before
    directions are chosen)."""
    try:
        lo, hi = sc.chain_bounds(*_bounds(cx, order, fixed, t, {}, {}), _ties(cx.p, order))
    except sc.Infeasible:
        return False
    parts, total = _sums(cx.p, order, lo_m, hi_m)
    return all(hi[idx].sum() >= a and lo[idx].sum() <= b for idx, a, b in parts)


class _Failed(sc.Infeasible):
    """An attempt at a year that failed, with what a retry can change."""

    def __init__(
        self,
        cause: sc.Infeasible,
        order: list[str],
        picks: set[str],
        unreachable: list[tuple[set[str], int]],
    ) -> None:
        super().__init__(str(cause), cause.position)
        self.order, self.picks, self.unreachable = order, picks, unreachable


def _attempt(
    cx: _Context, order: list[str], excluded: set[str], lo_m: float, hi_m: float
) -> tuple[list[str], Done]:
    p, prev = cx.p, cx.prev
    fixed = dict(p.fixed)
    t = targets(p, order, cx.index_id, cx.mean, fixed)
    parts, total = _sums(p, order, lo_m, hi_m)
    tie, picked = _ties(p, order), set()
    kinds: dict[str, str] = {}
    sizes: dict = {}
    try:
        for _ in range(PICK_ROUNDS if prev is not None else 0):  # units set by printed changes
            lo, hi = sc.chain_bounds(*_bounds(cx, order, fixed, t, {}, {}), tie)
            rel, sizes = picks(p, order, (t, lo, hi), prev.scores, fixed, excluded)
            if not rel:
                break
            for code, v in sorted(rel.items()):
                trial = {**fixed, code: v}
                moved = _reinsert(p, order, code, v, t, partial(_fits, cx, t, trial, lo_m, hi_m))
                if moved is None:
                    excluded.add(code)
                    continue
                order, fixed = moved, trial
                picked.add(code)
            t = targets(p, order, cx.index_id, cx.mean, fixed)
            parts, total = _sums(p, order, lo_m, hi_m)
            tie = _ties(p, order)
        kinds = {
            c: "down" if hi < 0 else "up" for c, (lo, hi) in p.change.items() if c not in fixed
        }

        def may_swap(i: int, j: int) -> bool:
            a, b = p.ranges.get(order[i], (0, p.n - 1)), p.ranges.get(order[j], (0, p.n - 1))
            free = not p.rank_counts and not {order[i], order[j]} & p.rank_units
            return a[0] <= j <= a[1] and b[0] <= i <= b[1] and free

        def solve(kinds: dict[str, str]) -> tuple[list[str], np.ndarray]:
            lo, hi = _bounds(cx, order, fixed, t, kinds, sizes)
            scores, perm = sc.chain_solve(t, lo, hi, tie, parts, total, may_swap)
            return [order[k] for k in perm], scores

        if prev is None:
            final, scores = solve(kinds)
        else:

            def feasible(kinds: dict[str, str]) -> bool:
                try:
                    lo, hi = sc.chain_bounds(*_bounds(cx, order, fixed, t, kinds, sizes), tie)
                except sc.Infeasible:
                    return False
                whole = [(np.arange(p.n), *total)]
                return all(hi[ix].sum() >= a and lo[ix].sum() <= b for ix, a, b in parts + whole)

            final, scores = settle(p, prev.scores, kinds, sizes, solve, feasible)
    except sc.Infeasible as cause:
        unreachable = [
            ({order[i] for i in idx}, 1 if need > 0 else -1)
            for (idx, _, _), need in zip(parts, cause.needs, strict=False)
            if need
        ]
        try:
            low, high = sc.chain_bounds(*_bounds(cx, order, fixed, t, kinds, sizes), tie)
            for idx, a, b in parts:
                if high[idx].sum() < a or low[idx].sum() > b:
                    unreachable.append(({order[i] for i in idx}, 1 if high[idx].sum() < a else -1))
        except sc.Infeasible:
            pass
        raise _Failed(cause, order, picked, unreachable) from cause
    values = dict(zip(final, (int(v) for v in scores), strict=True))
    return final, Done(values, float(scores.mean()) / 100, float(scores[0] - scores[-1]) / 100)


def _lift(p: Year, order: list[str], members: set[str], step: int) -> list[str]:
    """Swap a few members of a region with the neighbour above (`step` 1) or below (-1)."""
    order, swaps = list(order), 0
    span = range(1, p.n) if step > 0 else range(p.n - 2, -1, -1)
    for i in span:
        j = i - step
        a, b = order[i], order[j]
        if a in members and b not in members and swaps < 3:
            ra, rb = p.ranges.get(a, (0, p.n - 1)), p.ranges.get(b, (0, p.n - 1))
            if ra[0] <= j <= ra[1] and rb[0] <= i <= rb[1]:
                order[i], order[j] = b, a
                swaps += 1
    return order


def solve_year(
    index_id: str,
    p: Year,
    order: list[str],
    prev: Done | None,
    nxt: Year | None,
    rng: np.random.Generator,
) -> tuple[list[str], Done]:
    """Scores of the year: its order (units moved by a change set to their place) and scores.

    A failed attempt is retried without the units it picked to stay equal or to fall the
    most or least, and with regions that could not reach their averages moved a little."""
    lo_m, hi_m, mean = mean_range(p, index_id, prev, nxt)
    cx = _Context(
        index_id, p, prev, nxt, mean, _sums(p, order, lo_m, hi_m)[1], _uncertain(p, hi_m - lo_m)
    )
    excluded: set[str] = set()  # units that fit nowhere with the score a pick would give
    for attempt in range(ATTEMPTS):
        try:
            return _attempt(cx, order, excluded, lo_m, hi_m)
        except _Failed as failed:
            if attempt == ATTEMPTS - 1:
                raise sc.Infeasible(f"{index_id} {p.year}: {failed}") from failed
            excluded |= failed.picks
            for members, step in failed.unreachable:
                order = _lift(p, order, members, step)
    raise AssertionError("unreachable")


def _ties(p: Year, order: list[str]) -> np.ndarray:
    return np.array(
        [i > 0 and any({order[i - 1], order[i]} <= g for g in p.ties) for i in range(p.n)]
    )


def _sums(p: Year, order: list[str], lo_m: float, hi_m: float) -> tuple[list, tuple[int, int]]:
    def rng_(count: int, lo: float, hi: float) -> tuple[int, int]:
        # strictly inside: an average on the edge ("89.445" for "89.44") would round either way
        a = math.floor(count * lo * 100 + 1e-4) + 1 if math.isfinite(lo) else -BIG
        b = math.ceil(count * hi * 100 - 1e-4) - 1 if math.isfinite(hi) else BIG
        return a, b

    parts = []
    for region, (lo, hi) in sorted(p.regions.items()):
        idx = np.array([i for i, c in enumerate(order) if c in m.REGIONS[region]])
        parts.append((idx, *rng_(len(idx), lo, hi)))
    return parts, rng_(p.n, lo_m, hi_m)
