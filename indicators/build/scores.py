"""Demo scores that fill the gaps between published ones without contradicting them.

Given the units of one index and year and what was published about them (a rank, a score, "came
last", a group count such as "7 provinces scored 90 or more", an average), `fill_scores` places
every unit at a position and gives every position a score so that competition ranking over all
of them reproduces each published rank and tie, each band count and, where it is attainable, the
published average (to 2 decimals).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

STEP = 0.01  # scores are published with two decimals


@dataclass(frozen=True)
class Anchor:
    code: str
    rank: int | None = None
    score: float | None = None
    last: bool = False


@dataclass(frozen=True)
class Band:
    """`count` units scored `threshold` or more (a published group count)."""

    count: int
    threshold: float


def _positions(codes: list[str], anchors: list[Anchor], rng: np.random.Generator) -> list[str]:
    """Order the units: anchored ranks first, scored units by score, the rest at random."""
    n = len(codes)
    slots: list[str | None] = [None] * n
    by_code = {a.code: a for a in anchors}
    for a in anchors:
        if a.rank is not None:
            pos = a.rank - 1
            while slots[pos] is not None:  # a tie: the next position carries the same score
                pos += 1
            slots[pos] = a.code
        elif a.last:
            slots[n - 1] = a.code
    placed_scores = [(i, by_code[c].score) for i, c in enumerate(slots) if c and by_code[c].score]
    for a in anchors:
        if a.rank is None and not a.last and a.score is not None:
            higher = [i for i, sc in placed_scores if sc > a.score]
            pos = (max(higher) + 1) if higher else 0
            while slots[pos] is not None:
                pos += 1
            slots[pos] = a.code
            placed_scores.append((pos, a.score))
    free = [c for c in codes if c not in set(slots)]
    rng.shuffle(free)
    it = iter(free)
    return [c if c is not None else next(it) for c in slots]


def _interpolate(
    known: dict[int, float], n: int, lo: float, hi: float, weights: np.ndarray
) -> np.ndarray:
    """Scores for positions 0..n-1, strictly falling between known ones (jittered steps)."""
    pts = {-1: hi, n: lo, **known}
    keys = sorted(pts)
    out = np.empty(n)
    for a, b in zip(keys, keys[1:], strict=False):
        for i in range(a + 1, b):
            steps = weights[a + 1 : b + 1]
            frac = steps[: i - a].sum() / steps.sum()
            out[i] = pts[a] - (pts[a] - pts[b]) * frac
        if 0 <= b < n:
            out[b] = pts[b]
    return out


def _hit_mean(
    scores: np.ndarray, free: np.ndarray, target: float, lo: float, hi: float
) -> np.ndarray:
    """Shift the free positions toward an average of `target`, staying between neighbours."""
    scores = scores.copy()
    for _ in range(200):
        deficit = target * len(scores) - scores.sum()
        if abs(deficit) < 1e-9:
            break
        room = np.zeros(len(scores))
        for i in np.flatnonzero(free):
            above = scores[i - 1] if i > 0 else hi
            below = scores[i + 1] if i + 1 < len(scores) else lo
            room[i] = (above - scores[i] - STEP) if deficit > 0 else (scores[i] - below - STEP)
        room = np.clip(room, 0, None) * 0.5
        if room.sum() < 1e-9:
            break
        move = np.minimum(room, abs(deficit) * room / room.sum())
        scores += np.sign(deficit) * move
    return scores


def fill_scores(
    codes: list[str],
    anchors: list[Anchor],
    *,
    lo: float,
    hi: float,
    rng: np.random.Generator,
    bands: tuple[Band, ...] = (),
    mean: float | None = None,
) -> dict[str, float]:
    order = _positions(codes, anchors, rng)
    by_code = {a.code: a for a in anchors}
    known = {
        i: by_code[c].score
        for i, c in enumerate(order)
        if c in by_code and by_code[c].score is not None
    }
    for band in bands:  # the last unit in the band sits just above the threshold, the next below
        for pos, value in (
            (band.count - 1, band.threshold + 0.05),
            (band.count, band.threshold - 0.05),
        ):
            if 0 <= pos < len(order) and pos not in known:
                known[pos] = value
    weights = rng.uniform(0.5, 1.5, len(order) + 1)
    scores = _interpolate(known, len(order), lo, hi, weights)
    free = np.array([i not in known for i in range(len(order))])
    if mean is not None:
        scores = _hit_mean(scores, free, mean, lo, hi)
    scores = np.round(scores, 2)
    if mean is not None:  # absorb the rounding residue in the free unit with the most room
        residue = round(mean * len(scores) - scores.sum(), 2)
        idx = _roomiest(scores, free, lo, hi)
        if idx is not None and abs(residue) < 0.5:
            scores[idx] = round(scores[idx] + residue, 2)
    return {c: float(v) for c, v in zip(order, scores, strict=True)}


def _roomiest(scores: np.ndarray, free: np.ndarray, lo: float, hi: float) -> int | None:
    best, room = None, 0.0
    for i in np.flatnonzero(free):
        above = scores[i - 1] if i > 0 else hi
        below = scores[i + 1] if i + 1 < len(scores) else lo
        r = min(above - scores[i], scores[i] - below)
        if r > room:
            best, room = int(i), r
    return best


# --- building blocks of indicators.build.demo_scores --------------------------------------------
# Scores there are whole hundredths ("cents": 95.61 -> 9561), the precision of publication.
_NORMAL = NormalDist()


class Infeasible(ValueError):
    """No scores satisfy the bounds, the order and the sums; `position` is where it fails."""

    def __init__(self, message: str, position: int = -1) -> None:
        super().__init__(message)
        self.position = position


def quantile_z(pos: float, n: int) -> float:
    """The standard normal quantile of position `pos` (0 = top) among `n` units."""
    return _NORMAL.inv_cdf(1.0 - (pos + 0.5) / n)


def template(n: int, anchors: dict[float, float], mean: float | None) -> np.ndarray:
    """Scores of positions 0..n-1 through `anchors` (position -> score, 0 and n-1 included).

    Between anchors the scores fall like normal quantiles, bent by one power for every
    segment so that they average `mean` where it can be reached."""
    pts = sorted(anchors.items())
    zs = np.array([quantile_z(p, n) for p, _ in pts])
    vs = np.minimum.accumulate(np.array([v for _, v in pts]))
    z = np.array([quantile_z(i, n) for i in range(n)])
    seg = np.clip(np.searchsorted(-zs, -z, side="right") - 1, 0, len(zs) - 2)
    span = np.where(zs[seg] > zs[seg + 1], zs[seg] - zs[seg + 1], 1.0)
    frac = np.clip((zs[seg] - z) / span, 0.0, 1.0)

    def curve(gamma: float) -> np.ndarray:
        return vs[seg] - (vs[seg] - vs[seg + 1]) * frac**gamma

    if mean is None:
        return curve(1.0)
    lo, hi = np.log(0.15), np.log(8.0)
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if curve(np.exp(mid)).mean() < mean else (lo, mid)
    return curve(np.exp((lo + hi) / 2))


def latent_paths(
    prior: np.ndarray,
    observed: dict[tuple[int, int], tuple[float, float]],
    rng: np.random.Generator,
    sd_unit: float = 0.9,
    sd_year: float = 0.4,
    rho: float = 0.87,
) -> np.ndarray:
    """One smooth standing (z) per unit (rows) and year (columns), through the observed ones.

    A unit's standing is a persistent effect plus an AR(1) year effect around `prior`; the path
    is drawn from that model given the observations (index pair -> (z, sd))."""
    units, years = prior.shape
    t = np.arange(years)
    cov = sd_unit**2 + sd_year**2 * rho ** np.abs(t[:, None] - t[None, :])
    chol = np.linalg.cholesky(cov + 1e-9 * np.eye(years))
    out = prior + rng.standard_normal((units, years)) @ chol.T
    for u in range(units):
        idx = [k for k in range(years) if (u, k) in observed]
        if not idx:
            continue
        z_obs = np.array([observed[(u, k)][0] for k in idx])
        sd = np.array([observed[(u, k)][1] for k in idx])
        noise = rng.standard_normal(len(idx)) * sd
        gain = np.linalg.solve(cov[np.ix_(idx, idx)] + np.diag(sd**2), z_obs - out[u, idx] - noise)
        out[u] += cov[:, idx] @ gain
    return out


def assign_order(
    codes: list[str], z: dict[str, float], ranges: dict[str, tuple[int, int]]
) -> list[str]:
    """Units in order (top first): each within its position range, the rest by standing."""
    n, left, order = len(codes), set(codes), []
    for p in range(n):
        cands = [c for c in left if ranges.get(c, (0, n - 1))[0] <= p]
        forced = [c for c in cands if c in ranges and ranges[c][1] == p]
        if len(forced) > 1 or not cands:
            raise Infeasible(f"positions: {forced or 'none'} at {p}", p)
        pick = forced[0] if forced else None
        for c in sorted(cands, key=lambda c: (-z[c], c)) if pick is None else ():
            rest = [ranges[r][1] for r in left if r in ranges and r != c]
            if all(sum(h <= d for h in rest) <= d - p for d in set(rest)):
                pick = c
                break
        if pick is None:
            raise Infeasible(f"no unit fits position {p}", p)
        order.append(pick)
        left.remove(pick)
    return order


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


BIG = 10**12  # an open end of a sum's range


class _Parts:
    """Sum constraints of a year: parts (positions, lowest sum, highest sum), the positions of no
    part as one more part, and the whole year's range as a last constraint over all positions."""

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
        self.split = len(self.idx)  # the parts before this index do not overlap
        self.total = total
        if total is not None:
            self.idx.append(np.arange(n))
            self.own.append(total)

    def needs(self, s: np.ndarray, inner: int = 0) -> list[int]:
        """How far each sum is from its range (0 inside; aiming `inner` cents inside)."""
        out = []
        for ix, (a, b) in zip(self.idx, self.own, strict=True):
            got, pad = int(s[ix].sum()), min(inner, max(0, (b - a) // 3))
            out.append(a + pad - got if got < a else b - pad - got if got > b else 0)
        return out

    def goals(self, s: np.ndarray) -> list[int]:
        """Sums the non-overlapping parts aim at first: inside their ranges, near the current
        sums, and adding up to a sum inside the whole year's range."""
        goals, pads = [], []
        for ix, (a, b) in zip(self.idx[: self.split], self.own[: self.split], strict=True):
            pads.append(min(10, max(0, (b - a) // 3)))
            goals.append(int(np.clip(s[ix].sum(), a + pads[-1], b - pads[-1])))
        if self.total is not None:
            a, b = self.total
            pad = min(10, max(0, (b - a) // 3))
            need = int(np.clip(sum(goals), a + pad, b - pad)) - sum(goals)
            for k in sorted(range(self.split), key=lambda k: self.own[k][0] - self.own[k][1]):
                low, high = self.own[k][0] + pads[k], self.own[k][1] - pads[k]
                take = int(np.clip(need, low - goals[k], high - goals[k]))
                goals[k] += take
                need -= take
        return goals


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
) -> bool:
    """Raise (lower) a block of neighbours by one cent, from a member of a part below (above)
    its range to the nearest unit with room, where that brings the parts nearer their ranges."""
    base, n = _miss(s, parts), len(s)
    for k, need in enumerate(parts.needs(s, inner=1)):
        if need == 0:
            continue
        step = 1 if need > 0 else -1
        for i in parts.idx[k]:
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
            if _miss(s, parts) < base:
                return True
            s[block] -= step
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
        for ix, goal in zip(split.idx[: split.split], goals, strict=True):
            offset[ix] += 0.8 * (goal - s[ix].sum()) / len(ix)
        s = _project(target + offset, lo, hi, gap)
    s, perm = best[1].copy(), np.arange(len(s))
    movable = ~(tie | np.concatenate([tie[1:], [False]]))
    for _ in range(3000):
        if not any(split.needs(s)):
            return s, perm
        if _nudge(s, lo, hi, gap, split, movable) or _push(s, lo, hi, gap, split, movable):
            continue
        if not (may_swap and _swap_transfer(s, lo, hi, split, perm, may_swap)):
            break
    raise Infeasible(f"sums not reached: {split.needs(s)}")
