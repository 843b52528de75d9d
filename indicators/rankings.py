"""Ranks of a year's PAR scores, their change from year to year, and top-n counts.

A year whose table is complete (every unit of the index that existed that year has a score)
is ranked from its scores; the published ranks stay in `rank_published` (an import whose
computed ranks disagree with them is refused, see indicators.importing). A year of which only
a few units were published keeps the published ranks out of the number of units of the index
("thứ 2/30"): ranking the seven published units among themselves would tell a leader the
wrong place. Units of different levels or periods are never ranked together: that is refused
with a bilingual `RankingError`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import pandas as pd

from indicators import schema as s
from indicators.errors import BilingualError
from indicators.provenance import object_groups

RANK = "rank"
UNITS_RANKED = "units_ranked"  # the number of units of the index that year
UNITS_SHOWN = "units_shown"  # how many of them the table holds (all, or those published)
RANKED_BY = "ranked_by"  # BY_SCORES: computed from a complete table; BY_PUBLISHED: as published
BY_SCORES, BY_PUBLISHED = "scores", "published"
LAST_BASES = ("stated_last", "stated_lowest")  # "came last" without a rank number
RANK_CHANGE = "rank_change"
SCORE_CHANGE = "score_change"
YEARS_IN_TOP = "years_in_top"
YEARS = "years"

RANK_TABLE_COLUMNS = (
    s.UNIT_CODE,
    s.NAME_VI,
    s.LEVEL,
    s.YEAR,
    s.SCORE,
    s.MAX_SCORE,
    RANK,
    UNITS_RANKED,
    UNITS_SHOWN,
    RANKED_BY,
    s.RANK_PUBLISHED,
    s.RANK_BASIS,
    s.DEMO,
    s.SOURCE_ID,
    s.NOTE,
    RANK_CHANGE,
    SCORE_CHANGE,
)
_DTYPES = {
    s.UNIT_CODE: "string",
    s.NAME_VI: "string",
    s.LEVEL: "string",
    s.YEAR: "Int64",
    s.SCORE: "Float64",
    s.MAX_SCORE: "Float64",
    RANK: "Int64",
    UNITS_RANKED: "Int64",
    UNITS_SHOWN: "Int64",
    RANKED_BY: "string",
    s.RANK_PUBLISHED: "Int64",
    s.RANK_BASIS: "string",
    s.DEMO: "boolean",
    s.SOURCE_ID: "string",
    s.NOTE: "string",
    RANK_CHANGE: "Int64",
    SCORE_CHANGE: "Float64",
}


class RankingError(BilingualError, ValueError):
    """A ranking that would compare units that cannot be compared; says why in vi and en."""


def competition_rank(scores: pd.Series) -> pd.Series:
    """Standard competition ranking ("1, 2, 2, 4"): highest score is 1, NA scores get NA.

    Scores are rounded to 2 decimals first, the precision at which they are published, so that
    95.7 and 95.70000001 tie.
    """
    rounded = pd.to_numeric(scores).astype("Float64").round(2)
    ranks = rounded.rank(method="min", ascending=False, na_option="keep")
    return ranks.astype("Int64").rename(RANK)


def _empty_table() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=_DTYPES[c]) for c in RANK_TABLE_COLUMNS})


def _rows(par_scores: pd.DataFrame, index_id: str, year: int, component: str) -> pd.DataFrame:
    mask = (
        par_scores[s.INDEX_ID].eq(index_id)
        & par_scores[s.YEAR].eq(year)
        & par_scores[s.COMPONENT].eq(component)
    )
    return par_scores[mask.fillna(False).astype(bool)]


def _units_in_year(units: pd.DataFrame, year: int) -> pd.DataFrame:
    """The version of each unit valid at some time in `year`; the latest one if several are."""
    start = pd.Timestamp(year=year, month=1, day=1)
    end = pd.Timestamp(year=year, month=12, day=31)
    valid = (units[s.VALID_FROM] <= end) & (units[s.VALID_TO].isna() | (units[s.VALID_TO] >= start))
    chosen = units[valid.fillna(False).astype(bool)].sort_values([s.CODE, s.VALID_FROM])
    return chosen.drop_duplicates(s.CODE, keep="last")


def _ranked(
    par_scores: pd.DataFrame, units: pd.DataFrame, index_id: str, year: int, component: str
) -> pd.DataFrame:
    """The rank table of one year without the changes from the previous year."""
    rows = _rows(par_scores, index_id, year, component)
    if rows.empty:
        return _empty_table().drop(columns=[RANK_CHANGE, SCORE_CHANGE])
    where = f"{index_id} {year} ({component})"

    duplicated = sorted(rows.loc[rows[s.UNIT_CODE].duplicated(), s.UNIT_CODE].unique())
    if duplicated:
        raise RankingError.of("err_rank_duplicated", where=where, units=", ".join(duplicated))
    unknown = sorted(set(rows[s.UNIT_CODE]) - set(units[s.CODE].dropna()))
    if unknown:
        raise RankingError.of("err_rank_unknown", where=where, units=", ".join(unknown))
    versions = _units_in_year(units, year)
    not_valid = sorted(set(rows[s.UNIT_CODE]) - set(versions[s.CODE]))
    if not_valid:
        raise RankingError.of(
            "err_rank_not_valid", where=where, year=year, units=", ".join(not_valid)
        )

    unit_cols = [s.CODE, s.NAME_VI, s.LEVEL, s.VALID_FROM, s.VALID_TO]
    if s.RANK_BASIS not in rows.columns:  # a frame built by hand may lack the published columns
        rows = rows.assign(**{s.RANK_BASIS: pd.NA})
    if s.NOTE not in rows.columns:
        rows = rows.assign(**{s.NOTE: pd.NA})
    joined = rows.merge(
        versions[unit_cols], left_on=s.UNIT_CODE, right_on=s.CODE, how="left", validate="1:1"
    )
    levels = sorted(joined[s.LEVEL].dropna().unique())
    if len(levels) > 1:
        raise RankingError.of("err_rank_levels", where=where, levels=", ".join(levels))
    latest_start = joined[s.VALID_FROM].max()
    earliest_end = joined[s.VALID_TO].min()  # NaT when every unit is still valid
    if pd.notna(earliest_end) and latest_start > earliest_end:
        first = joined.loc[joined[s.VALID_TO] == earliest_end, s.UNIT_CODE].iloc[0]
        last = joined.loc[joined[s.VALID_FROM] == latest_start, s.UNIT_CODE].iloc[0]
        raise RankingError.of(
            "err_rank_no_overlap",
            where=where,
            first=first,
            end=earliest_end,
            last=last,
            start=latest_start,
        )

    peers = _peers(versions, joined)
    complete = set(peers[s.CODE]) <= set(joined.loc[joined[s.SCORE].notna(), s.UNIT_CODE])
    if complete:
        rank = competition_rank(joined[s.SCORE]).to_numpy()
        ranked, by = int(joined[s.SCORE].notna().sum()), BY_SCORES
    else:
        rank = _published_ranks(joined, len(peers))
        ranked, by = len(peers), BY_PUBLISHED
    out = joined.assign(
        **{RANK: rank, UNITS_RANKED: ranked, UNITS_SHOWN: len(joined), RANKED_BY: by}
    )
    columns = [c for c in RANK_TABLE_COLUMNS if c not in (RANK_CHANGE, SCORE_CHANGE)]
    return out[columns].astype({c: _DTYPES[c] for c in columns})


def _peers(versions: pd.DataFrame, joined: pd.DataFrame) -> pd.DataFrame:
    """The units the year's rows are ranked among: every unit valid that year of their level
    and under the same parents (Hanoi's 30 districts, the 63 or 34 provinces)."""
    parent = versions[s.PARENT_CODE].astype(object).where(versions[s.PARENT_CODE].notna(), None)
    parents = set(parent[versions[s.CODE].isin(set(joined[s.UNIT_CODE]))])
    same = versions[s.LEVEL].isin(set(joined[s.LEVEL].dropna())).fillna(False).astype(bool)
    return versions[same & parent.map(lambda p: p in parents).astype(bool)]


def _published_ranks(joined: pd.DataFrame, units: int) -> pd.Series:
    """The published rank of each row; a unit stated to have come last without a number is
    last of the `units` of its year."""
    ranks = joined[s.RANK_PUBLISHED].astype("Int64").copy()
    last = joined[s.RANK_BASIS].isin(LAST_BASES).fillna(False).astype(bool) & ranks.isna()
    ranks[last] = units
    return ranks.to_numpy()


def rank_table(
    par_scores: pd.DataFrame,
    units: pd.DataFrame,
    index_id: str,
    year: int,
    component: str = s.TOTAL,
) -> pd.DataFrame:
    """Scores of one index, year and component, ranked, with the change since the year before.

    `rank_change` = previous rank - this rank (positive = moved up); NA when the unit was not
    ranked the year before, or when the year before cannot be ranked, or its level differs.
    `score_change` = score - previous score of the same index and component.
    Raises RankingError for mixed levels, non-overlapping unit periods or unknown unit codes.
    """
    table = _ranked(par_scores, units, index_id, year, component)
    before = _ranked_or_empty(par_scores, units, index_id, year - 1, component)
    return _with_changes(table, before, par_scores, index_id, year, component)


def _ranked_or_empty(
    par_scores: pd.DataFrame, units: pd.DataFrame, index_id: str, year: int, component: str
) -> pd.DataFrame:
    """`_ranked`, or an empty table when the year cannot be ranked (the year before a ranked
    one: its changes are then unknown, not an error)."""
    try:
        return _ranked(par_scores, units, index_id, year, component)
    except RankingError:
        return _empty_table().drop(columns=[RANK_CHANGE, SCORE_CHANGE])


def _with_changes(
    table: pd.DataFrame,
    before: pd.DataFrame,
    par_scores: pd.DataFrame,
    index_id: str,
    year: int,
    component: str,
) -> pd.DataFrame:
    """The ranked `table` of `year` with its changes since `before`, the year before's."""
    if table.empty:
        return _empty_table()
    before = before[[s.UNIT_CODE, s.LEVEL, RANK]].rename(
        columns={s.LEVEL: "_level_before", RANK: "_rank_before"}
    )
    previous_scores = _rows(par_scores, index_id, year - 1, component)[[s.UNIT_CODE, s.SCORE]]
    # a unit scored twice the year before has no single previous score
    previous_scores = previous_scores.drop_duplicates(s.UNIT_CODE, keep=False).rename(
        columns={s.SCORE: "_score_before"}
    )

    out = table.merge(before, on=s.UNIT_CODE, how="left").merge(
        previous_scores, on=s.UNIT_CODE, how="left"
    )
    same_level = out["_level_before"].eq(out[s.LEVEL]).fillna(False).astype(bool)
    out[RANK_CHANGE] = (out["_rank_before"] - out[RANK]).where(same_level)
    out[SCORE_CHANGE] = out[s.SCORE] - out["_score_before"].astype("Float64")
    out = out[list(RANK_TABLE_COLUMNS)].astype(_DTYPES)
    return out.sort_values([RANK, s.NAME_VI], na_position="last", kind="stable").reset_index(
        drop=True
    )


def rank_history(
    par_scores: pd.DataFrame,
    units: pd.DataFrame,
    index_id: str,
    years: list[int] | None = None,
    component: str = s.TOTAL,
) -> pd.DataFrame:
    """`rank_table` of every year of the index (or of the given years), one after the other;
    each year is ranked once (it is also the year before of the next)."""
    if years is None:
        mask = par_scores[s.INDEX_ID].eq(index_id) & par_scores[s.COMPONENT].eq(component)
        present = par_scores.loc[mask.fillna(False).astype(bool), s.YEAR].dropna()
        years = sorted({int(y) for y in present})
    ranked = {y: _ranked(par_scores, units, index_id, y, component) for y in years}
    tables = []
    for y in years:
        before = ranked.get(y - 1)
        if before is None:
            before = _ranked_or_empty(par_scores, units, index_id, y - 1, component)
        table = _with_changes(ranked[y], before, par_scores, index_id, y, component)
        if not table.empty:
            tables.append(table)
    if not tables:
        return _empty_table()
    return pd.concat(tables, ignore_index=True)


def years_in_top(history: pd.DataFrame, n: int) -> pd.DataFrame:
    """Per unit, how many years it ranked n-th or better, and which years (a sorted list)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    in_top = history[RANK].le(n).fillna(False).astype(bool)
    top = history[in_top]
    keys = [s.UNIT_CODE, s.NAME_VI]
    units = history[keys].drop_duplicates()
    lists = (
        object_groups(top[s.YEAR], [top[c] for c in keys])
        .agg(lambda y: sorted({int(v) for v in y.dropna()}))
        .rename(YEARS)
        .reset_index()
    )
    out = units.merge(lists, on=keys, how="left")
    out[YEARS] = [v if isinstance(v, list) else [] for v in out[YEARS]]
    out[YEARS_IN_TOP] = pd.array([len(v) for v in out[YEARS]], dtype="Int64")
    out = out[[*keys, YEARS_IN_TOP, YEARS]]
    return out.sort_values(
        [YEARS_IN_TOP, s.NAME_VI], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def best_and_average(table: pd.DataFrame) -> dict[str, Any]:
    """The best score, the mean of the known scores, and who holds the best score.

    Keys: `best` and `average` (float, or pd.NA when no unit has a score), `units_scored`
    (int) and `best_unit_codes` (tuple of the units whose rounded score equals the best).
    """
    scores = pd.to_numeric(table[s.SCORE]).astype("Float64")
    known = scores.dropna()
    if known.empty:
        return {"best": pd.NA, "average": pd.NA, "units_scored": 0, "best_unit_codes": ()}
    best = float(known.max())
    is_best = scores.round(2).eq(round(best, 2)).fillna(False).astype(bool)
    return {
        "best": best,
        "average": float(known.mean()),
        "units_scored": int(len(known)),
        "best_unit_codes": tuple(sorted(str(c) for c in table.loc[is_best, s.UNIT_CODE])),
    }


def rank_disagreements(
    par_scores: pd.DataFrame,
    units: pd.DataFrame,
    years: Collection[tuple[str, int]] | None = None,
) -> pd.DataFrame:
    """The rows of every complete year (ranked from its scores) whose computed rank is not
    the rank published for them: index_id, year, unit_code, name_vi, rank_published, rank.
    An import that makes a year complete must agree with what was published.

    `years`: only these (index_id, year) pairs, e.g. those an imported file touches (a year's
    ranks depend on that year's rows alone); default every year of the scores."""
    columns = [s.INDEX_ID, s.YEAR, s.UNIT_CODE, s.NAME_VI, s.RANK_PUBLISHED, RANK]
    totals = par_scores[par_scores[s.COMPONENT].eq(s.TOTAL).fillna(False).astype(bool)]
    pairs = totals[[s.INDEX_ID, s.YEAR]].drop_duplicates().itertuples(index=False)
    if years is not None:
        wanted = {(str(i), int(y)) for i, y in years}
        pairs = [p for p in pairs if (str(p[0]), int(p[1])) in wanted]
    found = []
    for index_id, year in pairs:
        try:
            table = _ranked(par_scores, units, str(index_id), int(year), s.TOTAL)
        except RankingError:
            continue  # refused elsewhere: a ranking that cannot be made
        if table.empty or not table[RANKED_BY].eq(BY_SCORES).all():
            continue
        published = table[s.RANK_PUBLISHED]
        wrong = table[published.notna() & published.ne(table[RANK]).fillna(False)]
        found.append(wrong.assign(**{s.INDEX_ID: index_id}))
    if not found:
        return pd.DataFrame(columns=columns)
    return pd.concat(found, ignore_index=True)[columns]
