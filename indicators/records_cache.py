"""Record aggregates kept per source, so that a refresh aggregates only the new dossiers.

With PAR_REFRESH_MINUTES a database's dataset is loaded again every period
(indicators.served); its dossier_stats come from the records (records.stats_from_records).
Instead of grouping the whole table again, this process keeps, per source, three aggregates
with the provenance keys (source_id, demo), so that leaving out demo records is a pandas filter:

- months: counts by (unit_code, year, month): which unit-years are partial (< 12 months);
- yearly: counts by records.STATS_BY (it saturates: ~75 000 groups at 1 M and at 10 M records);
- detail: counts by records.PARTIAL_BY, only for the unit-years partial in either view (all
  records, or without the demo ones), whose rows are monthly.

Counts add up, so a refresh groups the new records alone (at PARTIAL_BY, one GROUP BY) and adds
them: a partial unit-year's detail gains the new months, one that became complete drops its
detail, a new unit-year's detail comes from the new records alone.

What was read (the mark):
- a database: the greatest `seq` (records.SEQ, the auto-increment primary key that
  records.dossiers_table creates) at the read; a refresh groups `seq > mark`, which the primary
  key's index makes cost the new rows. The aggregates are kept per served version
  (indicators.importing.served_version, without the refresh period): an import or a rollback
  replaces the tables, and everything is read afresh. A table replaced in another way (e.g.
  `generate --sql`) is noticed when the row at the mark is no longer the one read. A table
  without `seq` (an older version's, or another system's) is read whole every time.
  Limit: rows are taken to be appended, never edited. A row edited in place, or a transaction
  that commits a lower seq after a read, is counted at the next whole read (an import, a
  rollback, a server start).
- a Parquet folder: the stamp of each file under dossiers/ (records.partition_stamp). New files
  are grouped alone and added; a changed or removed file means a whole read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from indicators import records
from indicators import schema as s
from indicators.dataset import is_url, sql_engine

MONTHS_BY = (s.UNIT_CODE, s.YEAR, s.MONTH)
UNIT_YEAR = [s.UNIT_CODE, s.YEAR]
PROVENANCE = (s.SOURCE_ID, s.DEMO)
COUNTS = list(s.COUNT_COLUMNS)
MAX_SOURCES = 4  # sources kept (least recently used forgotten): a server reads one or two
WHOLE, NEW, NONE = "whole", "new", "none"  # what a read grouped: every record, the new, none

# The mark of a database: (last seq, the row at it), or None when the table has no seq.
# The mark of a folder: its partition_stamp.
Mark = tuple | None


@dataclass(frozen=True)
class Aggregates:
    """The kept aggregates of one source (frames never mutated: a refresh makes new ones)."""

    version: str  # the served version they belong to (a folder: '')
    mark: Mark
    months: pd.DataFrame  # MONTHS_BY + PROVENANCE + counts
    yearly: pd.DataFrame  # STATS_BY + PROVENANCE + counts
    detail: pd.DataFrame  # PARTIAL_BY + PROVENANCE + counts, partial unit-years only
    read: str  # WHOLE, NEW or NONE: what the read that made them grouped
    rows_read: int  # the records it grouped


_lock = threading.Lock()
_kept: OrderedDict[str, Aggregates] = OrderedDict()


def stats(source: str, with_demo: bool = True) -> pd.DataFrame:
    """records.stats_from_records: dossier_stats rows from the kept aggregates, refreshed."""
    return stats_of(aggregates(source), with_demo)


def aggregates(source: str) -> Aggregates:
    """The aggregates of `source` now: kept ones brought up to date, or a whole read.
    Raises records.NoDossiers when the source holds no records."""
    from indicators.importing import served_version  # importing builds on records

    source = str(source)
    version = served_version(source) if is_url(source) else ""
    with _lock:  # one read at a time: two first loads wait for one read, not two
        kept = _kept.get(source)
        if kept is not None and kept.version != version:
            kept = None
        fresh = (
            _refresh_sql(source, version, kept) if is_url(source) else _refresh_folder(source, kept)
        )
        _kept[source] = fresh
        _kept.move_to_end(source)
        while len(_kept) > MAX_SOURCES:
            _kept.popitem(last=False)
        return fresh


def last_read(source: str) -> tuple[str, int] | None:
    """What the last read of `source` grouped: (WHOLE, NEW or NONE, records), None if none."""
    kept = _kept.get(str(source))
    return None if kept is None else (kept.read, kept.rows_read)


def clear() -> None:
    """Forget every kept aggregate (the next call reads whole)."""
    with _lock:
        _kept.clear()


# --- the statement ----------------------------------------------------------------------------


def _grouped(
    source: str,
    by: Sequence[str],
    filters: dict | None = None,
    seqs: tuple[int, int] | None = None,
    files: Sequence[Path] = (),
) -> pd.DataFrame:
    """One GROUP BY of `by` and the provenance keys where the records are; `seqs` = (after,
    up to): only the rows numbered in that range (a database with seq)."""
    partitioned = not is_url(source)
    table = records.dossiers_table()
    keys = [records.key_expression(table, k) for k in by]
    provenance = [table.c[k] for k in PROVENANCE]
    where = records.conditions(table, filters or {}, partitioned)
    if seqs is not None:
        where += [table.c[records.SEQ] > seqs[0], table.c[records.SEQ] <= seqs[1]]
    statement = (
        sa.select(
            *(key.label(name) for key, name in zip(keys, by, strict=True)),
            *provenance,
            *records.count_expressions(table),
        )
        .where(*where)
        .group_by(*keys, *provenance)
    )
    rows = records.run_statement(source, statement, files)
    frame = pd.DataFrame.from_records(rows, columns=[*by, *PROVENANCE, *COUNTS])
    return _typed(frame, by)


def _typed(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    dtypes = {k: "Int64" if k in (s.YEAR, s.MONTH) else "string" for k in by}
    dtypes |= {s.SOURCE_ID: "string", s.DEMO: "boolean", **dict.fromkeys(COUNTS, "int64")}
    return frame.astype(dtypes)


def _summed(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """The counts of `frame` by `by` and the provenance keys."""
    keys = [*by, *PROVENANCE]
    return frame.groupby(keys, dropna=False, sort=False, as_index=False)[COUNTS].sum()


def _added(kept: pd.DataFrame, new: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    return _typed(_summed(pd.concat([kept, new], ignore_index=True), by), by)


# --- the aggregates and the stats derived from them -------------------------------------------


def _in(frame: pd.DataFrame, unit_years: pd.Index) -> pd.Series:
    return pd.Series(pd.MultiIndex.from_frame(frame[UNIT_YEAR]).isin(unit_years), frame.index)


def _partial(months: pd.DataFrame, with_demo: bool) -> pd.Index:
    """The unit-years whose records of the view fall in fewer than 12 months."""
    rows = months if with_demo else months[~months[s.DEMO]]
    covered = rows.groupby(UNIT_YEAR)[s.MONTH].nunique()
    return covered[covered < records.MONTHS_IN_YEAR].index


def _partial_either(months: pd.DataFrame) -> pd.Index:
    return _partial(months, True).union(_partial(months, False))


def _counts(frame: pd.DataFrame, by: Sequence[str], with_demo: bool) -> pd.DataFrame:
    """records.dossier_counts(source, by, {with_demo}) from a kept aggregate."""
    rows = frame if with_demo else frame[~frame[s.DEMO]]
    grouped = rows.groupby([*by, s.SOURCE_ID], dropna=False, sort=False)
    summed = grouped[COUNTS].sum()
    summed[s.DEMO] = grouped[s.DEMO].any()
    return records.typed_counts(summed.reset_index(), by)


def stats_of(kept: Aggregates, with_demo: bool) -> pd.DataFrame:
    """dossier_stats rows from the aggregates (see records.stats_from_records)."""
    partial = _partial(kept.months, with_demo)
    yearly = _counts(kept.yearly, records.STATS_BY, with_demo)
    parts = [yearly[~_in(yearly, partial)]]
    if len(partial):
        monthly = _counts(kept.detail, records.PARTIAL_BY, with_demo)
        parts.append(monthly[_in(monthly, partial)])
    stats = pd.concat(parts, ignore_index=True)
    dtypes = {c.name: s.PANDAS_DTYPE[c.kind] for c in s.DOSSIER_STATS.columns}
    stats = stats.reindex(columns=s.DOSSIER_STATS.names).astype(dtypes)
    return stats.sort_values(list(records.PARTIAL_BY), kind="stable").reset_index(drop=True)


def _whole(
    source: str, version: str, mark: Mark, seqs: tuple[int, int] | None, files: Sequence[Path]
) -> Aggregates:
    """Every record (up to the mark): three GROUP BYs, the detail only where partial."""
    months = _grouped(source, MONTHS_BY, seqs=seqs, files=files)
    yearly = _grouped(source, records.STATS_BY, seqs=seqs, files=files)
    partial = _partial_either(months)
    detail = _typed(
        pd.DataFrame(columns=[*records.PARTIAL_BY, *PROVENANCE, *COUNTS]), records.PARTIAL_BY
    )
    if len(partial):
        codes = sorted(set(partial.get_level_values(s.UNIT_CODE)))
        years = partial.get_level_values(s.YEAR)
        filters = {"years": (int(years.min()), int(years.max())), "unit_codes": codes}
        detail = _grouped(source, records.PARTIAL_BY, filters, seqs, files)
        detail = detail[_in(detail, partial)].reset_index(drop=True)
    rows = int(months[s.RECEIVED].sum())
    return Aggregates(version, mark, months, yearly, detail, WHOLE, rows)


def _plus(kept: Aggregates, mark: Mark, new: pd.DataFrame) -> Aggregates:
    """The kept aggregates plus the new records' counts by PARTIAL_BY."""
    months = _added(kept.months, _summed(new, MONTHS_BY), MONTHS_BY)
    yearly = _added(kept.yearly, _summed(new, records.STATS_BY), records.STATS_BY)
    detail = _added(kept.detail, new, records.PARTIAL_BY)
    detail = detail[_in(detail, _partial_either(months))].reset_index(drop=True)
    rows = int(new[s.RECEIVED].sum())
    return Aggregates(kept.version, mark, months, yearly, detail, NEW, rows)


def _unchanged(kept: Aggregates) -> Aggregates:
    return Aggregates(kept.version, kept.mark, kept.months, kept.yearly, kept.detail, NONE, 0)


# --- a database -------------------------------------------------------------------------------


def _sql_state(source: str, kept_seq: int | None) -> tuple[Mark, tuple | None]:
    """(the mark now, the row at `kept_seq` now); the mark is None without a seq column."""
    table = records.dossiers_table()
    seq, columns = table.c[records.SEQ], [table.c[n] for n in s.DOSSIERS.names]
    with sql_engine(source) as engine, engine.connect() as conn:
        inspector = sa.inspect(conn)
        if not inspector.has_table(s.DOSSIERS.name):
            raise records.NoDossiers(f"no table {s.DOSSIERS.name} in the database")
        if records.SEQ not in {c["name"] for c in inspector.get_columns(s.DOSSIERS.name)}:
            return None, None
        last = conn.execute(sa.select(seq, *columns).order_by(seq.desc()).limit(1)).first()
        mark = (0, ()) if last is None else (int(last[0]), tuple(last[1:]))
        if not kept_seq:
            return mark, ()
        row = conn.execute(sa.select(*columns).where(seq == kept_seq)).first()
        return mark, None if row is None else tuple(row)


def _refresh_sql(source: str, version: str, kept: Aggregates | None) -> Aggregates:
    kept_seq, kept_row = kept.mark if kept is not None and kept.mark else (None, None)
    mark, row_now = _sql_state(source, kept_seq)
    if mark is None:  # no seq column: whole, every time
        return _whole(source, version, None, None, ())
    if kept_seq is None or row_now != kept_row:  # first read, or the table was replaced
        return _whole(source, version, mark, (0, mark[0]), ())
    if mark[0] == kept_seq:
        return _unchanged(kept)
    new = _grouped(source, records.PARTIAL_BY, seqs=(kept_seq, mark[0]))
    return _plus(kept, mark, new)


# --- a Parquet folder -------------------------------------------------------------------------


def _refresh_folder(folder: str, kept: Aggregates | None) -> Aggregates:
    stamp = records.partition_stamp(folder)  # before reading: a file changed meanwhile is new
    files = {entry: Path(folder) / records.DOSSIERS_DIR / entry[0] for entry in stamp}
    if kept is None or not set(kept.mark or ()) <= set(stamp):  # first, or a file changed
        return _whole(folder, "", stamp, None, list(files.values()))
    added = [files[entry] for entry in stamp if entry not in set(kept.mark or ())]
    if not added:
        return _unchanged(kept)
    return _plus(kept, stamp, _grouped(folder, records.PARTIAL_BY, files=added))
