"""The scores of one year of a generated index, given its order and the year before."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import numpy as np

from indicators.build import scores as sc
from indicators.build.demo_scores.plan import PLAN, Year, cents, targets
from indicators.facts import model as m

MEAN_SLACK = 0.15  # how far an unpublished average may land from the planned one
END_SLACK = 10  # cents an unpublished top or bottom score may move from its planned value
BIG = sc.BIG


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


def _directions(
    p: Year,
    order: list[str],
    bounds: tuple[np.ndarray, np.ndarray, np.ndarray],
    prev: Done,
    fixed: dict[str, int],
    rng: np.random.Generator,
    excluded: set[str],
) -> tuple[dict[str, int], dict[str, str], dict]:
    """Scores set by a change (cents), each unit's direction, and the extreme changes: the
    units whose targets (within their bounds) rose most are the ones that rise."""
    pos = {c: i for i, c in enumerate(order)}
    t, lo, hi = bounds
    d = {
        c: np.clip(t[pos[c]], lo[pos[c]], hi[pos[c]]) - prev.scores[c]
        for c in order
        if c in prev.scores
    }
    rel: dict[str, int] = {}
    for code, (low, high) in p.change.items():
        if high - low < 0.02 and code not in fixed:
            rel[code] = prev.scores[code] + cents((low + high) / 2)
    forced = {
        c: int(np.sign(v - prev.scores[c])) for c, v in {**fixed, **rel}.items() if c in prev.scores
    }
    for code, (_, high) in p.change.items():
        if code not in forced:
            forced[code] = -1 if high < 0 else 1
    for which, (_, code) in p.extremes.items():
        if code and code not in forced:
            forced[code] = 1 if which.endswith("rise") else -1
    for c in d:
        if c not in forced and lo[pos[c]] > prev.scores[c]:
            forced[c] = 1
        elif c not in forced and hi[pos[c]] < prev.scores[c]:
            forced[c] = -1
    names = {1: "up", -1: "down", 0: "same"}
    kinds = {c: names[v] for c, v in forced.items()}
    free = sorted((c for c in d if c not in forced), key=lambda c: (-d[c], c))
    k_up, k_down = p.moves.get(1), p.moves.get(-1)
    n_up = (k_up or 0) - sum(v > 0 for v in forced.values())
    n_down = (k_down or 0) - sum(v < 0 for v in forced.values())
    pinned = {c for c, (a, b) in p.ranges.items() if a == b} | excluded
    rise = cents(p.extremes["min_rise"][0] or 0) + 1 if "min_rise" in p.extremes else 1
    fall = cents(p.extremes["min_fall"][0] or 0) + 1 if "min_fall" in p.extremes else 1
    can_up = {c for c in free if hi[pos[c]] >= prev.scores[c] + rise}
    can_down = {c for c in free if lo[pos[c]] <= prev.scores[c] - fall}
    if k_up is not None and k_down is not None:  # the units neither up nor down stay equal
        near = [c for c in free if c not in pinned and lo[pos[c]] <= prev.scores[c] <= hi[pos[c]]]
        near.sort(key=lambda c: (c in can_up and c in can_down, abs(d[c]), c))
        for c in near[: max(0, len(free) - n_up - n_down)]:
            kinds[c], rel[c] = "same", prev.scores[c]
        free = [c for c in free if c not in rel]
    if k_down is not None:  # those that cannot rise first, then the lowest changes
        order_down = sorted(free, key=lambda c: (c not in can_down, c in can_up, d[c], c))
        for c in order_down[: max(0, n_down)]:
            kinds[c] = "down"
    if k_up is not None:
        rest = [c for c in free if c not in kinds]
        for c in sorted(rest, key=lambda c: (c not in can_up, -d[c], c))[: max(0, n_up)]:
            kinds[c] = "up"
    for c in free:
        if c not in kinds and (k_up is not None or k_down is not None):
            kinds[c] = (
                "notup"
                if k_up is not None and k_down is None
                else ("notdown" if k_down is not None and k_up is None else "same")
            )
    extremes = {}
    rises = {c: (fixed[c] - prev.scores[c]) if c in fixed else d[c] for c in d}
    rises = {c: v for c, v in rises.items() if v > 0 and kinds.get(c) in ("up", None)}
    for which in ("max_rise", "min_rise", "max_fall", "min_fall"):
        if which not in p.extremes:
            continue
        v, code = p.extremes[which]
        want = "up" if which.endswith("rise") else "down"
        pool = [
            c
            for c, k in kinds.items()
            if k == want and c not in fixed and c not in rel and c not in pinned
        ]
        sign = 1 if want == "up" else -1
        done = [
            c
            for c in fixed
            if c in prev.scores and v is not None and fixed[c] - prev.scores[c] == sign * cents(v)
        ]
        if code is None and done:
            code = done[0]
        if code is None and pool and v is not None:  # the unit that moves fewest places

            def places(c: str, v: float = v, sign: int = sign) -> tuple:
                value = prev.scores[c] + sign * cents(v)
                return abs(int((t > value).sum()) - pos[c]), abs(d[c] - sign * cents(v)), c

            code = min(pool, key=places)
        elif code is None and pool:
            pick = max if which in ("max_rise", "min_fall") else min
            code = pick(pool, key=lambda c: (d[c], c))
        if code is None:
            continue
        if code in fixed:
            extremes[which] = abs(fixed[code] - prev.scores[code])
            continue
        if v is not None:
            size = cents(v)
        elif which == "max_rise":  # just above every other rise
            size = max([int(rises[c]) + 10 for c in rises if c != code] + [int(d[code]), 50])
        else:  # just below every other rise
            low = min([int(rises[c]) for c in rises if c != code and c in fixed] + [26])
            size = max(1, min(int(rng.integers(5, 26)), low - 1))
        rel[code] = prev.scores[code] + (size if want == "up" else -size)
        extremes[which] = size
    return rel, kinds, extremes


def _change_bounds(
    kinds: dict[str, str], extremes: dict, prev: int, c: str, fixed: bool
) -> tuple[int, int]:
    kind = kinds.get(c)
    if fixed or kind is None:
        return -BIG, BIG
    if kind == "up":
        lo = prev + max(1, extremes.get("min_rise", 0) + 1)
        return lo, prev + extremes["max_rise"] - 1 if "max_rise" in extremes else BIG
    if kind == "down":
        hi = prev - max(1, extremes.get("min_fall", 0) + 1)
        return prev - extremes["max_fall"] + 1 if "max_fall" in extremes else -BIG, hi
    if kind == "notup":  # "58 rose": the others fell (a score unchanged to the cent is rare)
        return -BIG, prev - 1
    if kind == "notdown":
        return prev + 1, BIG
    return prev, prev


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
    extremes: dict,
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
            bounds.append(_change_bounds(kinds, extremes, prev.scores[c], c, c in fixed))
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


def _fits(cx: _Context, t: np.ndarray, fixed: dict[str, int], order: list[str]) -> bool:
    """Whether the order leaves every position a score (before directions are chosen)."""
    try:
        sc.chain_bounds(*_bounds(cx, order, fixed, t, {}, {}), _ties(cx.p, order))
    except sc.Infeasible:
        return False
    return True


def solve_year(
    index_id: str,
    p: Year,
    order: list[str],
    prev: Done | None,
    nxt: Year | None,
    rng: np.random.Generator,
) -> tuple[list[str], Done]:
    """Scores of the year: its order (units moved by a change set to their place) and scores."""
    lo_m, hi_m, mean = mean_range(p, index_id, prev, nxt)
    parts, total = _sums(p, order, lo_m, hi_m)
    cx = _Context(index_id, p, prev, nxt, mean, total, _uncertain(p, hi_m - lo_m))
    fixed = dict(p.fixed)
    t = targets(p, order, index_id, mean, fixed)
    tie = np.array(
        [i > 0 and any({order[i - 1], order[i]} <= g for g in p.ties) for i in range(p.n)]
    )
    kinds: dict[str, str] = {}
    extremes: dict = {}
    excluded: set[str] = set()  # units that fit nowhere with the score a pick would give
    for _ in range(12 if prev is not None else 0):  # scores set by changes, then directions
        lo, hi = sc.chain_bounds(*_bounds(cx, order, fixed, t, {}, {}), tie)
        rel, kinds, extremes = _directions(p, order, (t, lo, hi), prev, fixed, rng, excluded)
        if not rel:
            break
        for code, v in sorted(rel.items()):
            trial = {**fixed, code: v}
            moved = _reinsert(p, order, code, v, t, partial(_fits, cx, t, trial))
            if moved is None:
                excluded.add(code)
                continue
            order, fixed = moved, trial
        t = targets(p, order, index_id, mean, fixed)
        parts, total = _sums(p, order, lo_m, hi_m)
        tie = _ties(p, order)
    lo, hi = _bounds(cx, order, fixed, t, kinds, extremes)

    def may_swap(i: int, j: int) -> bool:
        a, b = p.ranges.get(order[i], (0, p.n - 1)), p.ranges.get(order[j], (0, p.n - 1))
        free = not p.rank_counts and not {order[i], order[j]} & p.rank_units
        return a[0] <= j <= a[1] and b[0] <= i <= b[1] and free

    scores, perm = sc.chain_solve(t, lo, hi, tie, parts, total, may_swap)
    order = [order[k] for k in perm]
    values = dict(zip(order, (int(v) for v in scores), strict=True))
    return order, Done(values, float(scores.mean()) / 100, float(scores[0] - scores[-1]) / 100)


def _ties(p: Year, order: list[str]) -> np.ndarray:
    return np.array(
        [i > 0 and any({order[i - 1], order[i]} <= g for g in p.ties) for i in range(p.n)]
    )


def _sums(p: Year, order: list[str], lo_m: float, hi_m: float) -> tuple[list, tuple[int, int]]:
    def rng_(count: int, lo: float, hi: float) -> tuple[int, int]:
        a = math.ceil(count * lo * 100 - 1e-6) if math.isfinite(lo) else -BIG
        b = math.floor(count * hi * 100 + 1e-6) if math.isfinite(hi) else BIG
        return a, b

    parts = []
    for region, (lo, hi) in sorted(p.regions.items()):
        idx = np.array([i for i, c in enumerate(order) if c in m.REGIONS[region]])
        parts.append((idx, *rng_(len(idx), lo, hi)))
    return parts, rng_(p.n, lo_m, hi_m)
