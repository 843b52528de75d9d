"""Which units rise, fall or stay from one year to the next, as many as were published."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from indicators.build.demo_scores import chain as sc
from indicators.build.demo_scores.plan import Year, cents

BIG = sc.BIG
ROUNDS = 40


def _delta_sizes(p: Year, prev: dict[str, int], fixed: dict[str, int]) -> dict[str, int]:
    """Sizes (cents) of the largest and smallest rise and fall, where a unit already has them."""
    out = {}
    for which, (v, code) in p.extremes.items():
        sign = 1 if which.endswith("rise") else -1
        if code in fixed:
            out[which] = abs(fixed[code] - prev[code])
        elif v is not None and any(
            c in prev and fixed[c] - prev[c] == sign * cents(v) for c in fixed
        ):
            out[which] = cents(v)
    return out


def picks(
    p: Year,
    order: list[str],
    bounds: tuple[np.ndarray, np.ndarray, np.ndarray],
    prev: dict[str, int],
    fixed: dict[str, int],
    excluded: set[str],
) -> tuple[dict[str, int], dict]:
    """Scores (cents) to set on units no source names: those that stayed equal (when both the
    count that rose and the count that fell are printed) and those with the largest and smallest
    fall of a printed size; each is the unit whose target is nearest, moving fewest places.
    Also the sizes of the extreme changes already set."""
    t, lo, hi = bounds
    pos = {c: i for i, c in enumerate(order)}
    d = {c: float(np.clip(t[pos[c]], lo[pos[c]], hi[pos[c]])) - prev[c] for c in order if c in prev}
    pinned = {c for c, (a, b) in p.ranges.items() if a == b} | excluded | set(p.change)
    named = {code for _, code in p.extremes.values() if code}
    free = [c for c in d if c not in fixed and c not in pinned and c not in named]
    rel: dict[str, int] = {}
    k_up, k_down = p.moves.get(1), p.moves.get(-1)
    if k_up is not None and k_down is not None:
        same = sum(1 for c in fixed if fixed[c] == prev.get(c))
        near = [c for c in free if lo[pos[c]] <= prev[c] <= hi[pos[c]]]
        for c in sorted(near, key=lambda c: (abs(d[c]), c))[: max(0, p.n - k_up - k_down - same)]:
            rel[c] = prev[c]
    sizes = _delta_sizes(p, prev, {**fixed, **rel})
    for which, (v, code) in sorted(p.extremes.items()):
        if which in sizes or code is not None or v is None:
            continue
        sign = 1 if which.endswith("rise") else -1
        pool = [c for c in free if c not in rel and lo[-1] <= prev[c] + sign * cents(v) <= hi[0]]

        def places(c: str, v: float = v, sign: int = sign) -> tuple:
            value = prev[c] + sign * cents(v)
            return abs(int((t > value).sum()) - pos[c]), abs(d[c] - sign * cents(v)), c

        if pool:
            code = min(pool, key=places)
            rel[code] = prev[code] + sign * cents(v)
            sizes[which] = cents(v)
    return rel, sizes


def change_bounds(kind: str | None, sizes: dict, prev: int) -> tuple[int, int]:
    """Bounds (cents) of a score from its direction and the extreme changes of the year."""
    rise = (sizes.get("min_rise", 0) + 1, sizes["max_rise"] - 1 if "max_rise" in sizes else BIG)
    fall = (sizes.get("min_fall", 0) + 1, sizes["max_fall"] - 1 if "max_fall" in sizes else BIG)
    if kind == "up":
        return prev + rise[0], prev + rise[1]
    if kind == "down":
        return prev - fall[1], prev - fall[0]
    if kind == "notup":  # "58 rose": the others fell (a score unchanged to the cent is rare)
        return prev - fall[1], prev - fall[0]
    if kind == "notdown":
        return prev + rise[0], prev + rise[1]
    return prev - fall[1], prev + rise[1]  # no direction yet: within the extremes


def settle(
    p: Year,
    prev: dict[str, int],
    kinds: dict[str, str],
    sizes: dict,
    solve: Callable[[dict[str, str]], tuple[list[str], np.ndarray]],
    feasible: Callable[[dict[str, str]], bool],
) -> tuple[list[str], np.ndarray]:
    """Solve, then give directions to units until as many rose and fell as were printed.

    A unit's change may not fall between the smallest printed rise and fall; too many units
    rising (falling): those that rose (fell) least turn; too few: those nearest turn. A turn
    that leaves some position without a score is not made."""
    locked = set(kinds)
    k_up, k_down = p.moves.get(1), p.moves.get(-1)

    def turn(c: str, kind: str) -> bool:
        kinds[c] = kind
        if feasible(kinds):
            locked.add(c)
            return True
        del kinds[c]
        return False

    for _ in range(ROUNDS):
        order, s = solve(kinds)
        delta = {c: int(v) - prev[c] for c, v in zip(order, s, strict=True) if c in prev}
        loose = sorted((c for c in delta if c not in locked), key=lambda c: (abs(delta[c]), c))
        turned = False
        for c in loose:
            if 0 < delta[c] <= sizes.get("min_rise", 0):
                turned |= turn(c, "up")
            elif -sizes.get("min_fall", 0) <= delta[c] < 0:
                turned |= turn(c, "down")
        for k, sign in ((k_up, 1), (k_down, -1)):
            if k is None:
                continue
            have = sum(1 for c in delta if delta[c] * sign > 0)
            both = k_up is not None and k_down is not None
            if have > k:  # those that moved least turn the other way
                other = (
                    ("down" if sign > 0 else "up") if both else ("notup" if sign > 0 else "notdown")
                )
                for c in [c for c in loose if delta[c] * sign > 0 and c not in locked]:
                    if have > k and turn(c, other):
                        have, turned = have - 1, True
            elif have < k:
                want = "up" if sign > 0 else "down"
                for c in [c for c in loose if delta[c] * sign <= 0 and c not in locked]:
                    if have < k and turn(c, want):
                        have, turned = have + 1, True
        if not turned:
            missing = _unmet(p, delta, sizes)
            if missing:
                raise sc.Infeasible(f"directions: {missing}")
            return order, s
    raise sc.Infeasible(f"directions did not settle in {ROUNDS} rounds")


def _unmet(p: Year, delta: dict[str, int], sizes: dict) -> list[str]:
    """The printed counts and extreme changes the year's changes miss."""
    out = []
    for sign, k in p.moves.items():
        have = sum(1 for v in delta.values() if v * sign > 0)
        if have != k:
            out.append(f"{k} units {'up' if sign > 0 else 'down'}, not {have}")
    rises = [v for v in delta.values() if v > 0]
    falls = [-v for v in delta.values() if v < 0]
    found = {
        "max_rise": max(rises, default=None),
        "min_rise": min(rises, default=None),
        "max_fall": max(falls, default=None),
        "min_fall": min(falls, default=None),
    }
    for which, (v, _code) in p.extremes.items():
        if v is not None and found[which] != cents(v):
            out.append(f"{which} {found[which]}, not {cents(v)}")
        elif v is None and which in sizes and found[which] != sizes[which]:
            out.append(f"{which} {found[which]}, not {sizes[which]}")
    return out
