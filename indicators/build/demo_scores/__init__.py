"""Generated PAR totals for every unit and year that no source published, never contradicting
a published fact (`indicators.facts`) and moving like real scores do.

How (per index):
1. Plan: each fact becomes a constraint on a year: a position range (a rank, last, runner-ups,
   the bottom group), a fixed score (a published one, or one derived from a printed change, a
   gap or a ratio), a bound, a count of units at or above a threshold, an average of the index or
   a region, a count of units that rose or fell, the largest rise or fall. Of conflicting facts
   the generator follows the first option (`indicators.facts.derived` says why).
2. Standing: every unit gets a smooth path of standings over the years: a persistent effect,
   a slowly changing year effect (AR(1)), and its region's published advantage, drawn given the
   published ranks (`scores.latent_paths`). A year's order places pinned units in their ranges
   and the others by standing; a local search then swaps neighbours so that regions can reach
   their published averages, ranks move few places (`MOVE_CAP`), and 2013's printed counts of
   provinces ranked higher and lower hold.
3. Scores, year after year: a curve through the published scores and thresholds, averaging the
   published (or planned, `PLAN`) average, gives each position a target; changes from the year
   before are bounded (plausibility, largest published rise and fall), units are chosen to
   rise or fall as many as published, and `scores.chain_solve` finds whole-cent scores that
   fall strictly down the order and hit every average exactly.
Finally `indicators.facts.check` must report no violation, or this raises.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.build.demo_scores import orders as od
from indicators.build.demo_scores import plan as pl
from indicators.build.demo_scores.years import Done, mean_range, preset, solve_year
from indicators.build.scores import Infeasible
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

    A draw that cannot meet every fact is drawn again from the same seed's next stream
    (`DRAWS` at most), so a seed always gives the same table. Raises ValueError when none
    does, with the facts the last draw contradicts."""
    scored = published[published[s.SCORE].notna() & (published[s.COMPONENT] == s.TOTAL)]
    have = set(zip(scored[s.INDEX_ID], scored[s.UNIT_CODE], scored[s.YEAR], strict=True))
    problem = ""
    for draw in range(DRAWS):
        rng = np.random.default_rng([seed, draw])
        rows = []
        try:
            for index_id in (s.INDEX_HANOI, s.INDEX_NATIONAL):
                for year, done in generate_index(index_id, facts, units, rng).items():
                    for code, cents in sorted(done.scores.items()):
                        if (index_id, code, year) not in have:
                            rows.append(_row(index_id, code, year, cents))
        except Infeasible as error:
            problem = str(error)
            continue
        out = pd.DataFrame(rows, columns=s.PAR_SCORES.names)
        out[s.RANK_PUBLISHED] = out[s.RANK_PUBLISHED].astype("Int64")
        report = check(pd.concat([published, out], ignore_index=True), units, facts)
        if report.ok:
            return out
        problem = report.text()
    raise ValueError(f"Không sinh được điểm minh họa / no demo scores meet the facts: {problem}")
