"""The data page's tables, the published figures of a unit and Decision 766's index.

Like the chart frames (`frames`), every table keeps `demo` and the source ids of its rows.
"""

from __future__ import annotations

import pandas as pd

from indicators import figures
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.formatting import is_missing
from indicators.online import online_share_by_level, procedures_by_level
from indicators.shortened import shortened_summary
from indicators.timeliness import timeliness
from indicators.views.frames import _mask, _rows, index_history_between, with_names

DATA_TABLES = ("scores", "figures", "levels", "online_share", "shortened", "timeliness")


# --- the data page --------------------------------------------------------------------------


def data_table(
    dataset: Dataset,
    name: str,
    index_id: str,
    years: tuple[int, int],
    field: str | None = None,
    code: str | None = None,
) -> pd.DataFrame:
    """One of DATA_TABLES for every unit (or only `code`) over the years, with unit names."""
    if name == "scores":
        history = index_history_between(dataset, index_id, years)
        return history if code is None else history[history[s.UNIT_CODE] == code]
    if name == "figures":  # every published figure of the years (or of the unit)
        rows = _mask(dataset.figures, years=years)
        rows = rows if code is None else rows[rows[s.UNIT_CODE].eq(code).fillna(False)]
        return with_names(rows.reset_index(drop=True), dataset.units)
    procedures = _rows(dataset, "procedures", code, years, field)
    dossiers = _rows(dataset, "dossier_stats", code, years, field)
    by = [s.UNIT_CODE, s.YEAR]
    builders = {
        "levels": lambda: procedures_by_level(procedures, by=by),
        "online_share": lambda: online_share_by_level(dossiers, procedures, by=by),
        "shortened": lambda: shortened_summary(procedures, by=by),
        "timeliness": lambda: timeliness(dossiers, by=by),
    }
    if name not in builders:
        raise ValueError(f"unknown table {name!r}; expected one of {DATA_TABLES}")
    return with_names(builders[name](), dataset.units)


def partial_years(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The years whose dossier figures are monthly rows covering fewer than 12 months, with
    those months (e.g. 2025: March only), so that a page can say a year is partial."""
    months_of = dataset.derived(("months_by_unit", field), lambda: _months_by_unit(dataset, field))
    return tuple(
        (year, months) for year, months in months_of.get(code, ()) if years[0] <= year <= years[1]
    )


def _months_by_unit(dataset: Dataset, field: str | None) -> dict[str, list[tuple[int, tuple]]]:
    """Per unit, its partial years (see partial_years) in order, from every unit's distinct
    (year, month) pairs at once."""
    rows = _mask(dataset.dossier_stats, field=field)
    pairs = rows[[s.UNIT_CODE, s.YEAR, s.MONTH]].drop_duplicates()
    months: dict[tuple[str, int], set[int]] = {}
    yearly: set[tuple[str, int]] = set()  # unit-years with a row for the whole year (month NA)
    columns = (pairs[c].tolist() for c in (s.UNIT_CODE, s.YEAR, s.MONTH))
    for code, year, month in zip(*columns, strict=True):
        if is_missing(code) or is_missing(year):
            continue
        key = (str(code), int(year))
        if is_missing(month):
            yearly.add(key)
        else:
            months.setdefault(key, set()).add(int(month))
    out: dict[str, list[tuple[int, tuple]]] = {}
    for (code, year), seen in sorted(months.items()):
        if (code, year) not in yearly and len(seen) < 12:
            out.setdefault(code, []).append((year, tuple(sorted(seen))))
    return out


# --- published figures ----------------------------------------------------------------------


def published_frame(
    dataset: Dataset, code: str, years: tuple[int, int], topic: str | None
) -> pd.DataFrame:
    """The figures published about the unit over the years on one topic (indicators.figures;
    None: every topic), as published: period, indicator, value, its source and the excerpt
    that states it."""
    rows = figures.of_unit(dataset.figures, code, years, topic)
    return rows.reset_index(drop=True)


def where_published(
    dataset: Dataset, topic: str, years: tuple[int, int]
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The units with published figures on `topic` within the years, with those years: where
    a leader can look when their own unit has none."""
    every = dataset.figures[dataset.figures[s.UNIT_CODE].notna()]
    chosen = every[every[s.YEAR].between(*years).fillna(False)]
    topics = chosen[s.INDICATOR].map(lambda c: figures.INDICATORS[c].topic)
    chosen = chosen[(topics == topic) & chosen[s.VALUE].notna()]
    out: dict[str, set[int]] = {}
    for code, year in zip(chosen[s.UNIT_CODE], chosen[s.YEAR], strict=True):
        out.setdefault(str(code), set()).add(int(year))
    return tuple((code, tuple(sorted(y))) for code, y in sorted(out.items()))


def published_years(dataset: Dataset, code: str) -> tuple[int, ...]:
    """The years the unit has a figure of: a score or a rank of an index, or another figure."""
    par = dataset.par_scores
    mine = par[par[s.UNIT_CODE].eq(code).fillna(False)]
    mine = mine[mine[s.SCORE].notna() | mine[s.RANK_PUBLISHED].notna()]
    years = {int(y) for y in mine[s.YEAR].dropna()} | set(figures.years_of(dataset.figures, code))
    return tuple(sorted(years))


def has_figures(dataset: Dataset, code: str, years: tuple[int, int]) -> bool:
    """Whether the unit has any figure within the years (a score, a rank, a published figure,
    a procedure or dossier count): the deck and the presentation have something to show."""
    if any(years[0] <= y <= years[1] for y in published_years(dataset, code)):
        return True
    for table in (dataset.procedures, dataset.dossier_stats):
        mine = table[table[s.UNIT_CODE].eq(code).fillna(False)]
        if mine[s.YEAR].between(*years).fillna(False).any():
            return True
    return False


def latest_year(dataset: Dataset, code: str) -> int | None:
    """The latest year the unit has a figure of (the year a leader's first screen opens on)."""
    years = published_years(dataset, code)
    return years[-1] if years else None


# --- Decision 766's index (snapshots, never ranked with the PAR indexes) ------------------


def index_766_table(dataset: Dataset, year: int) -> pd.DataFrame:
    """The 766 totals published in `year`, newest snapshot first, each ranked as published
    (out of 63 before 1 July 2025, 34 after): period, unit, value, rank, units_ranked."""
    rows = dataset.figures[
        dataset.figures[s.INDICATOR].eq("index_766_total").fillna(False)
        & dataset.figures[s.YEAR].eq(year).fillna(False)
    ]
    rows = with_names(rows, dataset.units)
    # a snapshot whose date was not printed ("2025-partial") comes after the dated ones
    dated = rows[s.PERIOD].str.replace("-partial", "-00", regex=False)
    rows = rows.assign(_when=dated).sort_values(
        ["_when", s.RANK], ascending=[False, True], na_position="last", kind="stable"
    )
    return rows.drop(columns="_when").reset_index(drop=True)


def index_766_unit(dataset: Dataset, code: str) -> pd.DataFrame:
    """Every published 766 figure of the unit (totals and group scores), oldest first."""
    rows = figures.of_unit(dataset.figures, code)
    rows = rows[rows[s.INDICATOR].isin(figures.INDEX_766_INDICATORS)]
    return rows.reset_index(drop=True)
