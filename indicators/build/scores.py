"""Demo scores that fill the gaps between published ones without contradicting them.

Given the units of one index and year and what was published about them (a rank, a score, "came
last", a group count such as "7 provinces scored 90 or more", an average), `fill_scores` places
every unit at a position and gives every position a score so that competition ranking over all
of them reproduces each published rank and tie, each band count and, where it is attainable, the
published average (to 2 decimals).
"""

from __future__ import annotations

from dataclasses import dataclass

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
