"""Numeric building blocks of the generator: normal quantiles of positions, a curve of scores
through anchors, smooth standings over the years, and an order that honours position ranges."""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from indicators.build.demo_scores.chain import Infeasible

_NORMAL = NormalDist()


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
