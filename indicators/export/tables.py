"""The tables of an export and how they are selected: a unit's (or every unit's) rows in the
years, with the unit's name of the year and the ranks recomputed among all units."""

from __future__ import annotations

import pandas as pd

from indicators import schema as s
from indicators import sources
from indicators.dataset import Dataset
from indicators.rankings import RANK, RANK_CHANGE, UNITS_RANKED, RankingError, rank_table
from indicators.selection import Selection, select

PAR_SCORES, PROCEDURES, DOSSIER_STATS, SOURCES = (
    "par_scores",
    "procedures",
    "dossier_stats",
    "sources",
)
FILTERS = "filters"
ROWS = "rows"  # the rows behind one chart of the dashboard (see `rows_bytes`)
TABLES = (PAR_SCORES, PROCEDURES, DOSSIER_STATS, SOURCES)
UNIT_NAME = "unit_name"
ITEM, VALUE = "item", "value"

RANK_COLUMNS = (RANK, UNITS_RANKED, RANK_CHANGE)
_SOURCE_COLUMNS = sources.TABLE_COLUMNS  # the sources sheet (indicators.sources.table)


def _with_unit_name(columns: list[str]) -> list[str]:
    i = columns.index(s.UNIT_CODE) + 1
    return [*columns[:i], UNIT_NAME, *columns[i:]]


def _provenance_last(columns: list[str]) -> list[str]:
    rest = [c for c in columns if c not in (s.DEMO, s.SOURCE_ID, s.NOTE)]
    return [*rest, *(c for c in (s.DEMO, s.SOURCE_ID, s.NOTE) if c in columns)]


def _par_columns() -> list[str]:
    base = _with_unit_name(s.PAR_SCORES.names)
    i = base.index(s.MAX_SCORE) + 1
    return _provenance_last([*base[:i], *RANK_COLUMNS, *base[i:]])


COLUMNS: dict[str, tuple[str, ...]] = {
    PAR_SCORES: tuple(_par_columns()),
    PROCEDURES: tuple(_provenance_last(_with_unit_name(s.PROCEDURES.names))),
    DOSSIER_STATS: tuple(_provenance_last(_with_unit_name(s.DOSSIER_STATS.names))),
    SOURCES: _SOURCE_COLUMNS,
    FILTERS: (ITEM, VALUE),
}


def filtered_tables(
    dataset: Dataset,
    unit: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    lang: str = "vi",
) -> dict[str, pd.DataFrame]:
    """The tables of the export for a unit (code or name) and years (inclusive), see above."""
    return select_tables(dataset, select(dataset, unit, year_from, year_to), lang)


def select_tables(
    dataset: Dataset, selection: Selection, lang: str = "vi"
) -> dict[str, pd.DataFrame]:
    """`filtered_tables` for an already resolved selection (citations in `lang`)."""
    tables = {
        PAR_SCORES: _par_scores(dataset, selection),
        PROCEDURES: _named(selection.rows(dataset.procedures), dataset.units, PROCEDURES),
        DOSSIER_STATS: _named(selection.rows(dataset.dossier_stats), dataset.units, DOSSIER_STATS),
    }
    ids = [i for table in tables.values() for i in sources.ids_of(table)]
    tables[SOURCES] = sources.table(sources.citations(dataset, ids), lang)
    return tables


def _named(rows: pd.DataFrame, units: pd.DataFrame, table: str) -> pd.DataFrame:
    """`rows` with the unit's name in their year, the export's columns, sorted by the key."""
    out = rows.merge(_names_by_year(rows, units), on=[s.UNIT_CODE, s.YEAR], how="left")
    key = [c for c in s.TABLES[table].key if c in out.columns]
    out = out.sort_values(key, na_position="first", kind="stable").reset_index(drop=True)
    return out[list(COLUMNS[table])]


def _names_by_year(rows: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Per (unit_code, year) of `rows`, the name of the unit version valid that year.

    A unit with no version valid in the year (a data gap) gets its latest name.
    """
    pairs = rows[[s.UNIT_CODE, s.YEAR]].drop_duplicates()
    versions = units[[s.CODE, s.NAME_VI, s.VALID_FROM, s.VALID_TO]]
    joined = pairs.merge(versions, left_on=s.UNIT_CODE, right_on=s.CODE, how="left")
    years = joined[s.YEAR].astype("int64")
    first = pd.to_datetime(pd.DataFrame({"year": years, "month": 1, "day": 1}))
    last = first + pd.offsets.YearEnd(0)
    valid = (joined[s.VALID_FROM] <= last) & (
        joined[s.VALID_TO].isna() | (joined[s.VALID_TO] >= first)
    )
    joined = joined.assign(_valid=valid.fillna(False).astype(bool))
    joined = joined.sort_values(["_valid", s.VALID_FROM], na_position="first", kind="stable")
    chosen = joined.drop_duplicates([s.UNIT_CODE, s.YEAR], keep="last")
    return chosen[[s.UNIT_CODE, s.YEAR, s.NAME_VI]].rename(columns={s.NAME_VI: UNIT_NAME})


def _par_scores(dataset: Dataset, selection: Selection) -> pd.DataFrame:
    rows = selection.rows(dataset.par_scores)
    ranks = _computed_ranks(dataset, rows)
    merged = rows.merge(ranks, on=[s.INDEX_ID, s.COMPONENT, s.UNIT_CODE, s.YEAR], how="left")
    return _named(merged, dataset.units, PAR_SCORES)


def _computed_ranks(dataset: Dataset, rows: pd.DataFrame) -> pd.DataFrame:
    """Rank, units ranked and rank change of each row, ranked among all units of its year.

    A year that cannot be ranked (mixed levels, non-overlapping units: RankingError) is left
    without ranks rather than ranked wrongly.
    """
    keys = [s.INDEX_ID, s.COMPONENT, s.UNIT_CODE, s.YEAR]
    groups = rows[[s.INDEX_ID, s.COMPONENT, s.YEAR]].dropna().drop_duplicates()
    tables = []
    for index_id, component, year in groups.itertuples(index=False, name=None):
        try:
            table = rank_table(dataset.par_scores, dataset.units, index_id, int(year), component)
        except RankingError:
            continue
        tables.append(table.assign(**{s.INDEX_ID: index_id, s.COMPONENT: component}))
    dtypes = {c: rows[c].dtype for c in keys} | dict.fromkeys(RANK_COLUMNS, "Int64")
    if not tables:
        return pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes.items()})
    ranked = pd.concat([t[[*keys, *RANK_COLUMNS]] for t in tables], ignore_index=True)
    return ranked.astype(dtypes)
