"""Whole-cent scores of one year given its order: within bounds, strictly falling down the
order (equal where tied), and every part of the year (a region) and the whole year summing to
what its published average allows. Scores here are hundredths ("cents": 95.61 -> 9561)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

BIG = 10**12  # an open end of a sum's range


class Infeasible(ValueError):
    """No scores satisfy the bounds, the order and the sums; `position` is where it fails."""

    def __init__(self, message: str, position: int = -1, needs: list[int] | None = None) -> None:
        super().__init__(message)
        self.position = position
        self.needs = needs or []  # what each part's sum still lacked (sum failures)


def chain_bounds(lo: np.ndarray, hi: np.ndarray, tie: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bounds narrowed so that scores fall strictly down the order (equal where tied)."""
    lo, hi = lo.copy(), hi.copy()
    gap = np.where(tie, 0, 1)
    for _ in range(3):
        for i in range(1, len(lo)):
            hi[i] = min(hi[i], hi[i - 1] - gap[i])
        for i in range(len(lo) - 2, -1, -1):
            lo[i] = max(lo[i], lo[i + 1] + gap[i + 1])
        for i in np.flatnonzero(tie):
            lo[i - 1] = lo[i] = max(lo[i - 1], lo[i])
            hi[i - 1] = hi[i] = min(hi[i - 1], hi[i])
    bad = np.flatnonzero(lo > hi)
    if bad.size:
        raise Infeasible(f"bounds cross at position {bad[0]}", int(bad[0]))
    return lo, hi


def _rooms(s: np.ndarray, lo: np.ndarray, hi: np.ndarray, gap: np.ndarray) -> tuple:
    above = np.concatenate([[10**9], s[:-1] - gap[1:]])
    below = np.concatenate([s[1:] + gap[1:], [-(10**9)]])
    return np.minimum(hi, above) - s, s - np.maximum(lo, below)


class _Parts:
    """Sum constraints of a year: non-overlapping parts (positions, lowest sum, highest sum),
    the positions of no part as one more part, and the whole year's range, which is met by
    sharing out what the parts' sums lack (or exceed) among the parts with room."""

    def __init__(
        self, n: int, parts: list[tuple[np.ndarray, int, int]], total: tuple[int, int] | None
    ) -> None:
        self.idx = [np.asarray(p[0], dtype=np.int64) for p in parts]
        self.own = [(p[1], p[2]) for p in parts]
        covered = np.concatenate(self.idx) if self.idx else np.array([], dtype=np.int64)
        rest = np.setdiff1d(np.arange(n), covered)
        if rest.size:
            self.idx.append(rest)
            self.own.append((-BIG, BIG))
        self.total = total

    def needs(self, s: np.ndarray, inner: int = 0) -> list[int]:
        """How much each part's sum should change (0 when it and the whole are in range)."""
        sums = [int(s[ix].sum()) for ix in self.idx]
        pads = [min(inner, max(0, (b - a) // 3)) for a, b in self.own]
        out = [
            a + pad - got if got < a else b - pad - got if got > b else 0
            for got, (a, b), pad in zip(sums, self.own, pads, strict=True)
        ]
        if self.total is None:
            return out
        a, b = self.total
        pad = min(inner, max(0, (b - a) // 3))
        after = sum(sums) + sum(out)
        extra = a + pad - after if after < a else b - pad - after if after > b else 0
        for k in sorted(range(len(out)), key=lambda k: (self.own[k][0] - self.own[k][1], k)):
            if extra == 0:
                break
            low, high = self.own[k][0] + pads[k], self.own[k][1] - pads[k]
            room = high - (sums[k] + out[k]) if extra > 0 else low - (sums[k] + out[k])
            take = min(extra, max(room, 0)) if extra > 0 else max(extra, min(room, 0))
            out[k] += take
            extra -= take
        return out

    def goals(self, s: np.ndarray) -> list[int]:
        """Sums to aim at first: inside the ranges (10 cents in where they allow)."""
        return [int(s[ix].sum()) + d for ix, d in zip(self.idx, self.needs(s, 10), strict=True)]


def _pava_down(y: np.ndarray) -> np.ndarray:
    """The least-squares non-increasing sequence nearest `y` (pool adjacent violators)."""
    vals: list[float] = []
    sizes: list[int] = []
    for v in y:
        vals.append(float(v))
        sizes.append(1)
        while len(vals) > 1 and vals[-2] < vals[-1]:
            size = sizes[-2] + sizes[-1]
            vals[-2:] = [(vals[-2] * sizes[-2] + vals[-1] * sizes[-1]) / size]
            sizes[-2:] = [size]
    return np.repeat(vals, sizes)


def _project(y: np.ndarray, lo: np.ndarray, hi: np.ndarray, gap: np.ndarray) -> np.ndarray:
    """Whole cents nearest `y` that fall down the order by `gap` and stay within bounds
    (`lo`, `hi` narrowed by `chain_bounds`)."""
    shift = np.cumsum(gap)
    u = np.clip(_pava_down(y + shift), lo + shift, hi + shift)
    return np.round(u).astype(np.int64) - shift


def _miss(s: np.ndarray, parts: _Parts) -> int:
    return sum(abs(n) for n in parts.needs(s, inner=1))


def _swap_transfer(
    s: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    parts: _Parts,
    perm: np.ndarray,
    may_swap: Callable[[int, int], bool],
) -> bool:
    """Swap two neighbours of different parts (each takes the other's score) where that brings
    the parts nearer their ranges; both keep within both positions' bounds, then stay."""
    part = np.full(len(s), -1)
    for k, ix in enumerate(parts.idx):
        part[ix] = k
    base = _miss(s, parts)
    for i in range(len(s) - 1):
        a, b = part[i], part[i + 1]
        if a == b or a < 0 or b < 0 or s[i] == s[i + 1]:
            continue
        if not (lo[i] <= s[i + 1] <= hi[i] and lo[i + 1] <= s[i] <= hi[i + 1]):
            continue
        if not may_swap(int(perm[i]), int(perm[i + 1])):
            continue
        swapped = [np.where(ix == i, i + 1, np.where(ix == i + 1, i, ix)) for ix in parts.idx]
        old, parts.idx = parts.idx, swapped
        if _miss(s, parts) < base:
            perm[i], perm[i + 1] = perm[i + 1], perm[i]
            lo[i] = hi[i] = s[i]
            lo[i + 1] = hi[i + 1] = s[i + 1]
            return True
        parts.idx = old
    return False


def _push(
    s: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    gap: np.ndarray,
    parts: _Parts,
    movable: np.ndarray,
    wander: np.random.Generator | None = None,
) -> bool:
    """Raise (lower) a block of neighbours by one cent, from a member of a part below (above)
    its range to the nearest unit with room, where that brings the parts nearer their ranges
    (with `wander`, also where it leaves them as near, tried in a random order)."""
    base, n = _miss(s, parts), len(s)
    for k, need in enumerate(parts.needs(s, inner=1)):
        if need == 0:
            continue
        step = 1 if need > 0 else -1
        members = parts.idx[k] if wander is None else wander.permutation(parts.idx[k])
        for i in members:
            j = i
            while 0 <= j < n and movable[j] and lo[j] <= s[j] + step <= hi[j]:
                nb = j - 1 if step > 0 else j + 1
                if (
                    nb < 0
                    or nb >= n
                    or (s[nb] - s[j] if step > 0 else s[j] - s[nb]) > gap[max(j, nb)]
                ):
                    break
                j = nb
            else:
                continue
            block = np.arange(min(i, j), max(i, j) + 1)
            if not (
                movable[block].all()
                and (lo[block] <= s[block] + step).all()
                and (s[block] + step <= hi[block]).all()
            ):
                continue
            s[block] += step
            if _miss(s, parts) < base or (wander is not None and _miss(s, parts) == base):
                return True
            s[block] -= step
    return False


def _one_cent(
    s: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    gap: np.ndarray,
    members: np.ndarray,
    step: int,
    keep: set[int],
) -> bool:
    """Move one member (not in `keep`) of a part by one cent where it has room."""
    up, down = _rooms(s, lo, hi, gap)
    for i in members:
        if int(i) not in keep and (up[i] if step > 0 else down[i]) >= 1:
            s[i] += step
            return True
    return False


def _transfer(
    s: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    gap: np.ndarray,
    parts: _Parts,
    movable: np.ndarray,
) -> bool:
    """Push a block of pressed neighbours by one cent for a part short of its range, and give
    back the cent to every other part the block pushed out of its range, from a member
    elsewhere with room. Done where that brings the parts nearer their ranges."""
    base, n = _miss(s, parts), len(s)
    needs = parts.needs(s)
    for k, need in enumerate(needs):
        if need == 0:
            continue
        step = 1 if need > 0 else -1
        for i in parts.idx[k]:
            j = i
            while True:
                nb = j - 1 if step > 0 else j + 1
                if (
                    nb < 0
                    or nb >= n
                    or (s[nb] - s[j] if step > 0 else s[j] - s[nb]) > gap[max(j, nb)]
                ):
                    break
                j = nb
            block = np.arange(min(i, j), max(i, j) + 1)
            if not (
                movable[block].all()
                and (lo[block] <= s[block] + step).all()
                and (s[block] + step <= hi[block]).all()
            ):
                continue
            saved = s.copy()
            s[block] += step
            after, keep, ok = parts.needs(s), set(block.tolist()), True
            for q, (was, now) in enumerate(zip(needs, after, strict=True)):
                if q == k or was != 0 or now == 0:
                    continue
                for _ in range(abs(now)):
                    ok = ok and _one_cent(s, lo, hi, gap, parts.idx[q], 1 if now > 0 else -1, keep)
            if ok and _miss(s, parts) < base:
                return True
            s[:] = saved
    return False


def _nudge(
    s: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    gap: np.ndarray,
    parts: _Parts,
    movable: np.ndarray,
) -> bool:
    """Move single cents of each part's members toward its range, where neighbours leave room."""
    moved = False
    for k, need in enumerate(parts.needs(s, inner=1)):
        if need == 0:
            continue
        idx = parts.idx[k]
        up, down = _rooms(s, lo, hi, gap)
        room = np.where(movable[idx], up[idx] if need > 0 else down[idx], 0)
        if room.sum() <= 0:
            continue
        share = np.minimum(room, np.floor(room * abs(need) / room.sum()).astype(np.int64))
        share[np.argmax(room - share)] += min(abs(need) - share.sum(), (room - share).max())
        for j in np.argsort(idx)[:: 1 if need > 0 else -1]:
            i = idx[j]
            a = max(i - 1, 0)
            r_up, r_down = _rooms(s[a : i + 2], lo[a : i + 2], hi[a : i + 2], gap[a : i + 2])
            step = min(share[j], r_up[i - a] if need > 0 else r_down[i - a])
            s[i] += step if need > 0 else -step
            moved = moved or step > 0
    return moved


def chain_solve(
    target: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    tie: np.ndarray,
    parts: list[tuple[np.ndarray, int, int]],
    total: tuple[int, int] | None = None,
    may_swap: Callable[[int, int], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Whole-cent scores near `target`, within bounds, falling down the order (equal where
    tied), each part (positions, lowest sum, highest sum) and the whole inside their ranges.

    Each part's targets are raised or lowered together until its sum is about right (the
    nearest fitting scores are recomputed each time), then single cents are moved, and where
    that is stuck two neighbours of different parts swap places (if `may_swap` allows it, given
    their original positions). Returns the scores and the original position now at each one."""
    lo, hi = chain_bounds(lo, hi, tie)
    gap = np.where(tie, 0, 1)
    gap[0] = 0
    s = _project(target, lo, hi, gap)
    split = _Parts(len(s), parts, total)
    goals = split.goals(s)
    offset, best = np.zeros(len(s)), (math.inf, s)
    for _ in range(300):
        miss = sum(abs(d) for d in split.needs(s))
        best = min(best, (miss, s), key=lambda b: b[0])
        goals = split.goals(s) if miss else goals
        if miss == 0:
            break
        for ix, goal in zip(split.idx, goals, strict=True):
            offset[ix] += 0.8 * (goal - s[ix].sum()) / len(ix)
        s = _project(target + offset, lo, hi, gap)
    s, perm = best[1].copy(), np.arange(len(s))
    movable = ~(tie | np.concatenate([tie[1:], [False]]))
    wander, stuck = np.random.default_rng(len(s)), 0  # fixed: the same input, the same result
    for _ in range(3000):
        if not any(split.needs(s)):
            return s, perm
        if _nudge(s, lo, hi, gap, split, movable) or _push(s, lo, hi, gap, split, movable):
            continue
        if _transfer(s, lo, hi, gap, split, movable):
            continue
        if may_swap and _swap_transfer(s, lo, hi, split, perm, may_swap):
            continue
        stuck += 1  # move along equally good scores for a while
        if stuck > 300 or not _push(s, lo, hi, gap, split, movable, wander):
            break
    raise Infeasible(f"sums not reached: {split.needs(s)}", needs=split.needs(s))
