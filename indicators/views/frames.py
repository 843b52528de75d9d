"""Tidy chart frames of one unit or index: ranks across years, procedures online, shortened
procedures, on-time resolution (the data page's tables and the published figures: `data`).

Every frame keeps `demo` and `source_ids` (or a row's `source_id`) so that the footer under a
chart can name its sources and flag generated rows. Missing stays missing: a figure nobody
reported is None / NA here, never 0.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators import figures
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.online import (
    ERA,
    ERA_LEVELS,
    PROCEDURES,
    SHARE,
    online_share_by_level,
    procedures_by_level,
)
from indicators.provenance import SOURCE_IDS, provenance
from indicators.rankings import (
    BY_SCORES,
    RANK,
    RANKED_BY,
    RankingError,
    best_and_average,
    rank_history,
    rank_table,
)
from indicators.shortened import (
    DAYS_SAVED,
    SHORTENED,
    shortened_procedures,
    shortened_summary,
)
from indicators.timeliness import EARLY_RATE, ON_TIME_RATE, timeliness

SERIES = "series"
UNIT_SERIES, BEST_SERIES, AVERAGE_SERIES, CITY_SERIES = "unit", "best", "average", "city"
ON_TIME_ONLY_RATE = "on_time_only_rate"
ONLINE_CAPABLE = s.ONLINE_CAPABLE


def _mask(
    frame: pd.DataFrame,
    code: str | None = None,
    years: tuple[int, int] | None = None,
    field: str | None = None,
) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if code is not None:
        keep &= frame[s.UNIT_CODE].eq(code).fillna(False)
    if years is not None:
        keep &= frame[s.YEAR].between(years[0], years[1]).fillna(False)
    if field is not None:
        keep &= frame[s.FIELD].eq(field).fillna(False)
    return frame[keep.astype(bool)]


def _rows(
    dataset: Dataset,
    table: str,
    code: str | None = None,
    years: tuple[int, int] | None = None,
    field: str | None = None,
) -> pd.DataFrame:
    """`_mask` of one of the dataset's tables; a unit's rows come from an index by unit kept
    with the dataset, so that a page reads a few hundred rows instead of every unit's."""
    if code is None:
        return _mask(dataset.table(table), years=years, field=field)
    by_unit = dataset.derived(("rows_by_unit", table), lambda: _by_unit(dataset.table(table)))
    mine = by_unit.get(code)
    if mine is None:
        return dataset.table(table).iloc[0:0]
    return _mask(mine, years=years, field=field)


def unit_figures(dataset: Dataset, code: str) -> pd.DataFrame:
    """The published figures about the unit (from the index by unit kept with the dataset):
    figures.for_year over them reads a dozen rows, not every unit's."""
    return _rows(dataset, "figures", code)


def _by_unit(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(code): rows for code, rows in frame.groupby(s.UNIT_CODE, sort=False)}


def index_for_level(level: str) -> str | None:
    return s.INDEX_OF_LEVEL.get(level)


def years_between(frame: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    return _mask(frame, years=(year_from, year_to)).reset_index(drop=True)


def with_names(frame: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """The frame with each unit's (latest) Vietnamese name right after its code."""
    if s.NAME_VI in frame.columns:
        return frame
    latest = units.sort_values(s.VALID_FROM).drop_duplicates(s.CODE, keep="last")
    names = frame[s.UNIT_CODE].map(dict(zip(latest[s.CODE], latest[s.NAME_VI], strict=True)))
    out = frame.copy()
    out.insert(list(frame.columns).index(s.UNIT_CODE) + 1, s.NAME_VI, names.astype("string"))
    return out


# --- rankings -------------------------------------------------------------------------------


def index_history(dataset: Dataset, index_id: str) -> pd.DataFrame:
    """Every year's rank table of the index (expensive: cache it)."""
    return rank_history(dataset.par_scores, dataset.units, index_id)


def _kept_history(dataset: Dataset, index_id: str) -> pd.DataFrame:
    """`index_history`, computed once per dataset (it is the same for every period)."""
    return dataset.derived(("index_history", index_id), lambda: index_history(dataset, index_id))


def index_history_between(dataset: Dataset, index_id: str, years: tuple[int, int]) -> pd.DataFrame:
    """`index_history` within the years, so that a change of period reads a few rows."""
    return years_between(_kept_history(dataset, index_id), *years)


def year_ranking(dataset: Dataset, index_id: str, year: int) -> pd.DataFrame:
    """The year's rank table: its rows of the kept history (a unit's first visit then ranks
    nothing), or the year ranked alone when another year of the index cannot be ranked."""
    try:
        history = _kept_history(dataset, index_id)
    except RankingError:
        return rank_table(dataset.par_scores, dataset.units, index_id, year)
    return history[history[s.YEAR].eq(year).fillna(False).astype(bool)].reset_index(drop=True)


def year_scores(dataset: Dataset, index_id: str, year: int) -> pd.DataFrame:
    """The rows of the year's ranking that have a score (what a chart of scores can draw)."""
    table = year_ranking(dataset, index_id, year)
    return table[table[s.SCORE].notna()].reset_index(drop=True)


# The published average of each index's units (figures; unit None: the whole country).
AVERAGE_FIGURES = {
    s.INDEX_HANOI: (s.HANOI_CODE, "hanoi_par_average"),
    s.INDEX_NATIONAL: (None, "national_par_average"),
}


def published_averages(dataset: Dataset, index_id: str) -> dict[int, tuple[float, str]]:
    """Per year, the published average score of the index's units and its source id."""
    if index_id not in AVERAGE_FIGURES:
        return {}
    code, indicator = AVERAGE_FIGURES[index_id]
    rows = figures.of_unit(dataset.figures, code)
    rows = rows[(rows[s.INDICATOR] == indicator) & rows[s.VALUE].notna()]
    return {
        int(r[s.YEAR]): (float(r[s.VALUE]), str(r[s.SOURCE_ID])) for r in rows.to_dict("records")
    }


def _best_and_average(
    group: pd.DataFrame, averages: dict[int, tuple[float, str]], year: int
) -> tuple[tuple[Any, pd.Series | None], tuple[Any, pd.Series | None]]:
    """(best, its provenance), (average, its provenance) of a year's rank table.

    From the scores when the table is complete; of a year published in part, the best is the
    first-ranked unit's published score and the average the published one (an average of the
    few published scores would be the average of the best)."""
    if group[RANKED_BY].eq(BY_SCORES).all():
        stats, everyone = best_and_average(group), provenance(group, []).iloc[0]
        return (stats["best"], everyone), (stats["average"], everyone)
    first = group[(group[RANK] == 1).fillna(False) & group[s.SCORE].notna()]
    best = (first[s.SCORE].iloc[0], provenance(first, []).iloc[0]) if len(first) else (pd.NA, None)
    if year not in averages:
        return best, (pd.NA, None)
    value, source = averages[year]
    return best, (value, pd.Series({s.DEMO: False, SOURCE_IDS: (source,)}))


def best_average(
    history: pd.DataFrame, code: str, averages: dict[int, tuple[float, str]] | None = None
) -> pd.DataFrame:
    """Per year: the unit's score, the best score and the mean score (long format).

    Columns: year, series ("unit" / "best" / "average"), score, demo, source_ids. A complete
    year's best and average carry the provenance of every score of the year; a year published
    in part takes them from what was published (see _best_and_average; `averages`: year ->
    (published average, source id)). A year without the unit gives it an NA score (a gap),
    never 0.
    """
    rows: list[dict[str, Any]] = []
    for year, group in history.groupby(s.YEAR, sort=True):
        best, average = _best_and_average(group, averages or {}, int(year))
        mine = group[group[s.UNIT_CODE] == code]
        own = provenance(mine, []).iloc[0] if not mine.empty else None
        score = mine[s.SCORE].iloc[0] if not mine.empty else pd.NA
        for series, (value, prov) in (
            (UNIT_SERIES, (score, own)),
            (BEST_SERIES, best),
            (AVERAGE_SERIES, average),
        ):
            rows.append(
                {
                    s.YEAR: int(year),
                    SERIES: series,
                    s.SCORE: value,
                    s.DEMO: bool(prov[s.DEMO]) if prov is not None else False,
                    SOURCE_IDS: tuple(prov[SOURCE_IDS]) if prov is not None else (),
                }
            )
    out = pd.DataFrame(rows, columns=[s.YEAR, SERIES, s.SCORE, s.DEMO, SOURCE_IDS])
    return out.astype({s.YEAR: "Int64", s.SCORE: "Float64", s.DEMO: "boolean"})


def versus_frame(
    dataset: Dataset, index_id: str, code: str, years: tuple[int, int]
) -> pd.DataFrame:
    """best_average of the unit over the years, with the index's published averages."""
    history = index_history_between(dataset, index_id, years)
    averages = published_averages(dataset, index_id)
    out = best_average(history, code, averages)
    alone = [y for y in averages if years[0] <= y <= years[1] and y not in set(out[s.YEAR])]
    extra = [  # a year of which only the average was published
        {s.YEAR: y, SERIES: AVERAGE_SERIES, s.SCORE: averages[y][0], s.DEMO: False,
         SOURCE_IDS: (averages[y][1],)}
        for y in alone
    ]  # fmt: skip
    return _append(out, pd.DataFrame(extra)) if extra else out


# --- online services, shortened procedures, timeliness --------------------------------------
# A year without detailed rows shows what was published for it, with its source (and never
# with demo rows: those exist only for the years the source has no row of).
LEVEL_FIGURES = {"procedures_level3": "3", "procedures_level4": "4"}
SHARE_FIGURES = {"online_share_level3": "3", "online_share_level4": "4"}
ON_TIME_FIGURES = {"on_time_rate": None}


def _published_rows(
    dataset: Dataset,
    code: str,
    years: tuple[int, int],
    indicators: dict[str, str | None],
    column: str,
) -> pd.DataFrame:
    """The unit's published figures of `indicators` (a whole year's, each with its level) as
    rows of a chart frame: year, online_level, `column`, demo (false), source_ids."""
    rows, found = [], figures.for_years(unit_figures(dataset, code), code, indicators)
    for year in range(years[0], years[1] + 1):
        for indicator, level in indicators.items():
            row = found.get((year, indicator))
            if row is None or row[s.PERIOD] != str(year) or row[s.COMPARATOR] != "=":
                continue
            rows.append(
                {
                    s.YEAR: year,
                    s.ONLINE_LEVEL: level,
                    column: float(row[s.VALUE]),
                    s.DEMO: False,
                    SOURCE_IDS: tuple(s.source_id_list(row[s.SOURCE_ID])),
                }
            )
    columns = [s.YEAR, s.ONLINE_LEVEL, column, s.DEMO, SOURCE_IDS]
    return pd.DataFrame(rows, columns=columns)


def _append(frame: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the rows of `extra` (same or fewer columns), in year order."""
    if extra.empty:
        return frame
    extra = extra.astype({c: frame[c].dtype for c in extra.columns if c in frame.columns})
    out = pd.concat([frame, extra], ignore_index=True) if len(frame) else extra
    return out.sort_values(s.YEAR, kind="stable").reset_index(drop=True)


def levels_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Procedures per year and online level of one unit: year, online_level, procedures, era,
    demo, source_ids. A year without a catalogue shows the numbers of procedures at levels 3
    and 4 that were published for it (only those levels), else it is absent (a gap)."""
    procedures = _rows(dataset, "procedures", code, years, field)
    counted = procedures_by_level(procedures, by=[s.YEAR])
    if field is not None:  # published numbers are of the whole catalogue
        return counted
    published = _published_rows(dataset, code, years, LEVEL_FIGURES, PROCEDURES)
    published = published[~published[s.YEAR].isin(set(counted[s.YEAR]))]
    if published.empty:
        return counted
    published[ERA] = ERA_LEVELS
    return _append(counted, published)


def online_shares(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """`online_share_by_level` of the unit's rows by year. Each year's rows depend on that
    year alone, so the unit's every year is worked out once per unit and field, kept with the
    dataset, and a period is a slice of it (the headline, the targets and the chart of a
    first visit all ask for it)."""

    def whole() -> pd.DataFrame:
        dossiers = _rows(dataset, "dossier_stats", code, ALL_YEARS, field)
        procedures = _rows(dataset, "procedures", code, ALL_YEARS, field)
        return online_share_by_level(dossiers, procedures, by=[s.YEAR])

    shares = dataset.derived(("online_shares", code, field), whole)
    return shares[shares[s.YEAR].between(*years)].reset_index(drop=True)


def share_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Share of dossiers submitted online per year and online level (levels 3, 4, full and
    partial: the others cannot be submitted online)."""
    shares = online_shares(dataset, code, years, field)
    keep = shares[s.ONLINE_LEVEL].isin(ONLINE_CAPABLE).fillna(False).astype(bool)
    shares = shares[keep].reset_index(drop=True)
    if field is not None:
        return shares
    published = _published_rows(dataset, code, years, SHARE_FIGURES, SHARE)
    published = published[~published[s.YEAR].isin(set(shares[s.YEAR]))]
    return _append(shares, published) if not published.empty else shares


def shortened_fields(
    dataset: Dataset, code: str, year: int, field: str | None = None
) -> pd.DataFrame:
    """Per field of the unit's catalogue: procedures, how many are shortened (0 when none,
    NA when the days are unknown), provenance; most shortened first."""
    procedures = _rows(dataset, "procedures", code, (year, year), field)
    summary = shortened_summary(procedures, by=[s.FIELD])
    return summary.sort_values(
        [SHORTENED, s.FIELD], ascending=[False, True], na_position="last", kind="stable"
    ).reset_index(drop=True)


def shortened_days(
    dataset: Dataset, code: str, year: int, field: str | None = None, limit: int = 15
) -> pd.DataFrame:
    """The `limit` procedures with the most days saved: legal and committed days."""
    procedures = _rows(dataset, "procedures", code, (year, year), field)
    short = shortened_procedures(procedures)
    columns = [
        s.PROCEDURE_CODE,
        s.PROCEDURE_NAME,
        s.FIELD,
        s.LEGAL_DAYS,
        s.COMMITTED_DAYS,
        DAYS_SAVED,
        s.DEMO,
        s.SOURCE_ID,
    ]
    ordered = short.sort_values(
        [DAYS_SAVED, s.PROCEDURE_NAME], ascending=[False, True], kind="stable"
    )
    return ordered[columns].head(limit).reset_index(drop=True)


def timeliness_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Per year: dossier counts and the early / on time but not early / late rates in %."""
    out = _timeliness_by_year(dataset, code, years, field)
    out[ON_TIME_ONLY_RATE] = out[ON_TIME_RATE] - out[EARLY_RATE]
    return out


def _timeliness_by_year(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None
) -> pd.DataFrame:
    """timeliness(the unit's rows, by year), read from every unit's years computed at once,
    per field, and kept with the dataset: one group-by over all rows on the first visit
    instead of a dozen pandas calls on each unit's rows at every filter change."""
    by_unit = dataset.derived(
        ("timeliness_by_unit", field),
        lambda: _by_unit(
            timeliness(_mask(dataset.dossier_stats, field=field), by=[s.UNIT_CODE, s.YEAR])
        ),
    )
    mine = by_unit.get(code)
    if mine is None:  # no dossier rows: the empty frame timeliness gives
        return timeliness(_rows(dataset, "dossier_stats", code, years, field), by=[s.YEAR])
    return _mask(mine, years=years).drop(columns=s.UNIT_CODE).reset_index(drop=True)


ALL_YEARS = (1990, 2100)  # wider than any data: a unit's whole series, sliced per period


def on_time_trend(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """The unit's on-time rate per year next to the pooled rate of all units of its level.

    Long format: year, series ("unit" / "city"), on_time_rate, demo, source_ids. Each year's
    rows depend on that year alone, so the unit's whole series is worked out once per unit
    and field, kept with the dataset, and each period is a slice of it: a new period (every
    session has its own) costs a filter, not the series again.
    """
    whole = dataset.derived(
        ("on_time_trend", code, field), lambda: _on_time_trend(dataset, code, ALL_YEARS, field)
    )
    return whole[whole[s.YEAR].between(*years)].reset_index(drop=True)


def _on_time_trend(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None
) -> pd.DataFrame:
    levels = tuple(sorted(set(dataset.units.loc[dataset.units[s.CODE] == code, s.LEVEL])))
    mine = _timeliness_by_year(dataset, code, years, field)
    if field is None:  # the unit's published on-time rates of the years without rows
        published = _published_rows(dataset, code, years, ON_TIME_FIGURES, ON_TIME_RATE)
        published = published[~published[s.YEAR].isin(set(mine[s.YEAR]))]
        mine = _append(mine, published.drop(columns=s.ONLINE_LEVEL)) if len(published) else mine
    city = dataset.derived(
        ("on_time_of_levels", levels, years, field),
        lambda: _on_time_of_levels(dataset, levels, years, field),
    )
    columns = [s.YEAR, ON_TIME_RATE, s.DEMO, SOURCE_IDS]
    frames = [
        frame[columns].assign(**{SERIES: series})
        for frame, series in ((mine, UNIT_SERIES), (city, CITY_SERIES))
        if not frame.empty
    ]
    if not frames:
        return pd.DataFrame(columns=[s.YEAR, SERIES, ON_TIME_RATE, s.DEMO, SOURCE_IDS])
    out = pd.concat(frames, ignore_index=True)
    return out[[s.YEAR, SERIES, ON_TIME_RATE, s.DEMO, SOURCE_IDS]]


def _on_time_of_levels(
    dataset: Dataset, levels: tuple[str, ...], years: tuple[int, int], field: str | None
) -> pd.DataFrame:
    """The pooled on-time rates per year of all units of these levels (the same for each of
    them, hence kept with the dataset by on_time_trend)."""
    peers = set(dataset.units.loc[dataset.units[s.LEVEL].isin(levels), s.CODE])
    dossiers = _mask(dataset.dossier_stats, years=years, field=field)
    return timeliness(dossiers[dossiers[s.UNIT_CODE].isin(peers)], by=[s.YEAR])
