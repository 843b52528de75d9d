"""Generated PAR totals for every unit and year that no source published, never contradicting
a published fact (`indicators.facts`) and moving like real scores do.

How, per index (modules of this package):
1. `plan`: each fact (of conflicting ones, the first option; `indicators.facts.derived` says
   why) becomes a constraint on a year: a position range (a rank, last, runner-ups, the bottom
   group), a fixed score (published, or derived from a printed change, gap or ratio), a bound,
   a count of units at or above a threshold, the average of the index or of a region, counts
   of units that rose or fell, the largest and smallest rise and fall. Unpublished averages,
   tops and bottoms come from `plan.PLAN` (invented, kept consistent with what was published).
2. `orders`: every unit gets a smooth path of standings over the years (a persistent effect, a
   slowly changing AR(1) year effect, its region's published advantage or its district's kind),
   drawn given the published places (`numeric.latent_paths`). A year's order puts pinned units
   in their ranges and the others by standing; swapping near neighbours then lowers a cost:
   regions far from their averages, rank moves beyond `orders.MOVE_CAP`, implausible score
   changes, printed rank changes and counts of provinces ranked higher or lower.
3. `years`, one year after the other: a curve through the fixed scores and thresholds, at the
   year's average, gives each position a target; a unit set by a printed change (the smallest
   rise, the largest fall, unchanged) moves to where the curve meets its score; changes from
   the year before stay within the plausibility rules; `directions` turns units until as many
   rose and fell as were printed; `chain.chain_solve` finds whole-cent scores that fall
   strictly down the order and meet every average. A year that fails is tried again a few
   times, with other picks and regions nudged.
Finally `indicators.facts.check` must find no violation; a draw that fails is drawn again
from the seed's next stream (`DRAWS`), so the same seed always gives the same table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.build.demo_scores import orders as od
from indicators.build.demo_scores import plan as pl
from indicators.build.demo_scores.chain import Infeasible
from indicators.build.demo_scores.years import Done, mean_range, preset, solve_year
from indicators.facts import check
from indicators.facts.model import Fact
from indicators.layers import DEMO_SOURCE

SEED = 20260101
DRAWS = 12  # draws tried for one seed


def generate_index(
    index_id: str, facts: list[Fact], units: pd.DataFrame, rng: np.random.Generator
) -> dict[int, Done]:
    """Every unit's score (cents) in every year of one index."""
    plans, relations = pl.plan(index_id, pl.chosen(facts, index_id), units)
    pl.derive(plans, relations)
    z = od.standings(index_id, plans, units, rng)
    orders, objective = od.improve(index_id, plans, z, relations)
    done: dict[int, Done] = {}
    for y in sorted(plans):
        prev, nxt = done.get(y - 1), plans.get(y + 1)
        if prev is not None:  # scores set by a change from last year fix places in this one
            shift = mean_range(plans[y], index_id, prev, nxt)[2] - prev.mean
            if preset(plans[y], prev, shift, rng):
                orders[y] = objective.reorder(y, z[y], index_id)
            for _ in range(3):
                if not objective.improve(y):
                    break
        orders[y], done[y] = solve_year(index_id, plans[y], orders[y], prev, nxt, rng)
    return done


def _row(index_id: str, code: str, year: int, cents: int) -> dict:
    return {
        s.INDEX_ID: index_id,
        s.UNIT_CODE: code,
        s.YEAR: year,
        s.COMPONENT: s.TOTAL,
        s.SCORE: cents / 100,
        s.MAX_SCORE: 100.0,
        s.RANK_PUBLISHED: None,
        s.RANK_BASIS: None,
        s.SOURCE_ID: DEMO_SOURCE,
        s.DEMO: True,
        s.NOTE: None,
    }


def demo_par_scores(
    published: pd.DataFrame, units: pd.DataFrame, facts: list[Fact], seed: int = SEED
) -> pd.DataFrame:
    """Generated total scores (demo=True) for every (index, unit, year) without a published
    score: Hanoi's 30 districts 2015-2024, the 63 provinces 2012-2024. A key whose published
    row has no score (a rank only) gets a row too, its score giving the published rank.

    An index whose draw cannot meet every fact is drawn again from the seed's next stream
    (`DRAWS` at most), so a seed always gives the same table. Raises ValueError when no draw
    does, with what the last one missed."""
    scored = published[published[s.SCORE].notna() & (published[s.COMPONENT] == s.TOTAL)]
    have = set(zip(scored[s.INDEX_ID], scored[s.UNIT_CODE], scored[s.YEAR], strict=True))
    frames = []
    for number, index_id in enumerate((s.INDEX_HANOI, s.INDEX_NATIONAL)):
        own = [f for f in facts if f.index_id == index_id]
        problem = ""
        for draw in range(DRAWS):
            rng = np.random.default_rng([seed, number, draw])
            try:
                done = generate_index(index_id, own, units, rng)
            except Infeasible as error:
                problem = str(error)
                continue
            rows = [
                _row(index_id, code, year, cents)
                for year, result in done.items()
                for code, cents in sorted(result.scores.items())
                if (index_id, code, year) not in have
            ]
            out = pd.DataFrame(rows, columns=s.PAR_SCORES.names)
            report = check(pd.concat([published, out], ignore_index=True), units, own)
            if report.ok:
                frames.append(out)
                break
            problem = report.text()
        else:
            raise ValueError(
                f"Không sinh được điểm minh họa / no demo scores meet the facts "
                f"({index_id}): {problem}"
            )
    out = pd.concat(frames, ignore_index=True)
    out[s.RANK_PUBLISHED] = out[s.RANK_PUBLISHED].astype("Int64")
    return out
