"""The dossier records engine: dossier indicators computed where millions of records live.

A source is the dataset's source (see indicators.dataset): a Parquet folder whose `dossiers/`
holds one row per dossier, hive-partitioned by the year of received_date
(`dossiers/year=2019/part-0.parquet`), or a SQLAlchemy URL whose database has a `dossiers`
table. Both run the same SQLAlchemy Core statement, one GROUP BY with bound parameters: DuckDB
over the Parquet files (memory_limit and threads set in DUCKDB_CONFIG), the database itself over
SQL. No record is ever loaded into pandas, so memory depends on the number of groups, not of
records.

Counts per group, as in dossier_stats (`s.COUNT_COLUMNS`):
- received: every dossier (resolved, pending or withdrawn) received in the group
- submitted_online: channel = online
- resolved_on_time: resolved and resolved_date <= due_date (includes the early ones)
- resolved_early: resolved and resolved_date < due_date (a part of resolved_on_time)
- resolved_late: resolved and resolved_date > due_date
- pending: status = pending
year and month are those of received_date.

For the UI: wrap `aggregate_dossiers` (or `dossier_counts`) in `st.cache_data`, keyed by its
arguments; the results are small (one row per group) so the per-hit copy is cheap.

The dashboard and `summary` use `dataset_with_records`: the dataset's dossier_stats with every
unit-year that the records cover computed from the records (see there).
"""

from __future__ import annotations

import datetime as dt
import io
import numbers
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from indicators import schema as s
from indicators.dataset import Dataset, duckdb_connection, parquet_batches, sql_engine
from indicators.provenance import SOURCE_IDS, group_sums, merge_provenance

DOSSIERS_DIR = "dossiers"  # the folder of records inside a Parquet dataset folder
PARTITION_KEY = s.YEAR  # hive partition of dossiers/: the year of received_date
PART_FILE = "part-0.parquet"
DUCKDB_CONFIG: dict[str, Any] = {"memory_limit": "1GB", "threads": 2}
GROUP_KEYS = (s.UNIT_CODE, s.YEAR, s.MONTH, s.FIELD, s.PROCEDURE_CODE, s.CHANNEL)
DEFAULT_BY = (s.UNIT_CODE, s.YEAR)
# filters: years = 2019 or (first, last) inclusive (either may be None); unit_codes and fields
# = one value or a sequence of values; with_demo = False leaves out generated (demo) records.
FILTER_KEYS = ("years", "unit_codes", "fields", "with_demo")
INDEX_NAME = "ix_dossiers_unit_received"
INSERT_ROWS = 20_000  # rows per executemany when the database is not PostgreSQL
SEQ = "seq"  # the row's number, given by the database: what a refresh has read (records_cache)

_SA_TYPES = {s.TEXT: sa.Text, s.DATE: sa.Date, s.BOOL: sa.Boolean, s.INT: sa.BigInteger}
_ARROW_TYPES = {s.TEXT: pa.string(), s.DATE: pa.date32(), s.BOOL: pa.bool_(), s.INT: pa.int64()}
_KEY_DTYPES = {s.YEAR: "Int64", s.MONTH: "Int64"}  # the other group keys are text
# DuckDB speaks PostgreSQL's SQL; `?` placeholders are what its Python API binds.
_DUCKDB_DIALECT = postgresql.dialect(paramstyle="qmark")


class NoDossiers(FileNotFoundError):
    """The source has no dossier records (no `dossiers/` Parquet files, no `dossiers` table)."""


# --- the table ------------------------------------------------------------------------------


def dossiers_table(metadata: sa.MetaData | None = None) -> sa.Table:
    """`s.DOSSIERS` as a SQLAlchemy table, plus SEQ: an auto-increment primary key that the
    database numbers (not a column of the schema: files and exports never hold it)."""
    columns = [
        sa.Column(c.name, _SA_TYPES[c.kind], nullable=c.nullable) for c in s.DOSSIERS.columns
    ]
    seq_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")  # SQLite: the rowid
    seq = sa.Column(SEQ, seq_type, primary_key=True, autoincrement=True)
    return sa.Table(s.DOSSIERS.name, metadata or sa.MetaData(), *columns, seq)


def arrow_schema() -> pa.Schema:
    """`s.DOSSIERS` as an Arrow schema: the columns of every file under dossiers/."""
    return pa.schema(
        [pa.field(c.name, _ARROW_TYPES[c.kind], c.nullable) for c in s.DOSSIERS.columns]
    )


def partition_path(folder: str | Path, year: int) -> Path:
    """The file that holds the dossiers received in `year`."""
    return Path(folder) / DOSSIERS_DIR / f"{PARTITION_KEY}={year}" / PART_FILE


def write_dossiers(frame: pd.DataFrame, folder: str | Path) -> None:
    """Write a (small) frame of dossiers under folder/dossiers/, one file per received year.

    For tests and small imports; the generator streams large sets itself. Existing files of the
    same years are replaced.
    """
    table = pa.Table.from_pandas(frame[s.DOSSIERS.names], schema=arrow_schema(), safe=True)
    years = pd.to_datetime(frame[s.RECEIVED_DATE]).dt.year.to_numpy()
    for year in sorted(set(years.tolist())):
        path = partition_path(folder, year)
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table.filter(pa.array(years == year)), path)


def _partition_files(folder: str | Path) -> list[Path]:
    files = (Path(folder) / DOSSIERS_DIR).glob(f"{PARTITION_KEY}=*/*.parquet")
    return sorted(files, key=lambda p: (int(p.parent.name.split("=", 1)[1]), p.name))


def partition_stamp(folder: str | Path) -> tuple[tuple[str, int, int, int], ...]:
    """What tells whether the records under folder/dossiers/ changed: each partition file's
    name, size, modification time and inode (a few stat calls)."""
    stamp = []
    for path in _partition_files(folder):
        try:
            stat = path.stat()
        except FileNotFoundError:  # replaced between the listing and the stat
            continue
        name = f"{path.parent.name}/{path.name}"
        stamp.append((name, stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return tuple(stamp)


def has_dossiers(source: str | Path) -> bool:
    """True when the source holds dossier records (the UI shows record indicators then)."""
    source = str(source)
    if not _is_url(source):
        return bool(_partition_files(source))
    with sql_engine(source) as engine:
        return sa.inspect(engine).has_table(s.DOSSIERS.name)


def _is_url(source: str) -> bool:
    return "://" in source  # as indicators.dataset.is_url


# --- the statement --------------------------------------------------------------------------


def key_expression(table: sa.Table, key: str) -> sa.ColumnElement:
    if key in (s.YEAR, s.MONTH):
        return sa.cast(sa.extract(key, table.c[s.RECEIVED_DATE]), sa.Integer)
    return table.c[key]


def count_expressions(table: sa.Table) -> list[sa.ColumnElement]:
    c = table.c
    resolved = c[s.STATUS] == s.STATUS_RESOLVED
    conditions = {
        s.RECEIVED: None,
        s.ONLINE: c[s.CHANNEL] == s.CHANNEL_ONLINE,
        s.ON_TIME: resolved & (c[s.RESOLVED_DATE] <= c[s.DUE_DATE]),
        s.EARLY: resolved & (c[s.RESOLVED_DATE] < c[s.DUE_DATE]),
        s.LATE: resolved & (c[s.RESOLVED_DATE] > c[s.DUE_DATE]),
        s.PENDING: c[s.STATUS] == s.STATUS_PENDING,
    }
    return [
        (sa.func.count() if cond is None else sa.func.count().filter(cond)).label(name)
        for name, cond in conditions.items()
    ]


def _values(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _year_range(years: int | Sequence[int | None]) -> tuple[int | None, int | None]:
    first, last = (years, years) if isinstance(years, numbers.Integral) else years
    return tuple(None if y is None else int(y) for y in (first, last))  # type: ignore[return-value]


def conditions(table: sa.Table, filters: Mapping[str, Any], partitioned: bool) -> list:
    """WHERE terms. A year range is a range of received_date (so that an index on it serves),
    plus, over Parquet, a range of the partition key (so that DuckDB skips whole files)."""
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise ValueError(f"unknown filters {sorted(unknown)}; known: {FILTER_KEYS}")
    out = []
    received = table.c[s.RECEIVED_DATE]
    partition = sa.column(PARTITION_KEY, sa.Integer)
    first, last = _year_range(filters.get("years") or (None, None))
    if first is not None:
        out.append(received >= dt.date(first, 1, 1))
        out += [partition >= first] if partitioned else []
    if last is not None:
        out.append(received < dt.date(last + 1, 1, 1))
        out += [partition <= last] if partitioned else []
    for key, column in (("unit_codes", s.UNIT_CODE), ("fields", s.FIELD)):
        if filters.get(key) is not None:
            out.append(table.c[column].in_(_values(filters[key])))
    if filters.get("with_demo") is False:
        out.append(sa.not_(table.c[s.DEMO]))
    return out


def _check_by(by: Sequence[str]) -> list[str]:
    by = list(by)
    unknown = [k for k in by if k not in GROUP_KEYS]
    if unknown or len(set(by)) != len(by):
        raise ValueError(f"`by` must be distinct keys among {GROUP_KEYS}, not {by}")
    return by


def counts_statement(
    by: Sequence[str] = DEFAULT_BY,
    filters: Mapping[str, Any] | None = None,
    partitioned: bool = False,
) -> sa.Select:
    """SELECT by-keys, source_id, the six counts, demo (0/1) … GROUP BY by-keys, source_id.

    `partitioned`: the table has the hive partition column `year` (Parquet via DuckDB).
    """
    table = dossiers_table()
    keys = [key_expression(table, k) for k in _check_by(by)]
    demo = sa.func.max(sa.case((table.c[s.DEMO], 1), else_=0)).label(s.DEMO)
    return (
        sa.select(
            *(key.label(name) for key, name in zip(keys, by, strict=True)),
            table.c[s.SOURCE_ID],
            *count_expressions(table),
            demo,
        )
        .where(*conditions(table, filters or {}, partitioned))
        .group_by(*keys, table.c[s.SOURCE_ID])
    )


# --- running it -----------------------------------------------------------------------------


def run_statement(source: str, statement: sa.Select, files: Sequence[Path] = ()) -> list[tuple]:
    """The rows of `statement` over the dossiers of `source`: DuckDB over its partition files
    (or only `files`; the statement built with partitioned=True), or the database's table."""
    if _is_url(source):
        with sql_engine(source) as engine, engine.connect() as conn:
            if not sa.inspect(conn).has_table(s.DOSSIERS.name):
                raise NoDossiers(f"no table {s.DOSSIERS.name} in the database")
            return [tuple(row) for row in conn.execute(statement)]
    if not files and not _partition_files(source):
        raise NoDossiers(f"no dossier records under {Path(source) / DOSSIERS_DIR}")
    compiled = statement.compile(
        dialect=_DUCKDB_DIALECT, compile_kwargs={"render_postcompile": True}
    )
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    glob = [str(f) for f in files] or str(Path(source) / DOSSIERS_DIR / "*" / "*.parquet")
    with duckdb_connection(DUCKDB_CONFIG, {s.DOSSIERS.name: glob}) as con:
        return con.execute(compiled.string, params).fetchall()


def _counts_frame(rows: list[tuple], by: list[str]) -> pd.DataFrame:
    columns = [*by, s.SOURCE_ID, *s.COUNT_COLUMNS, s.DEMO]
    return typed_counts(pd.DataFrame.from_records(rows, columns=columns), by)


def typed_counts(frame: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Rows of by-keys, source_id, the six counts and demo, typed, ordered and sorted as
    dossier_counts gives them (one row per by-keys and source_id)."""
    by = list(by)
    dtypes = {
        **{k: _KEY_DTYPES.get(k, "string") for k in by},
        **dict.fromkeys(s.COUNT_COLUMNS, "Int64"),
        s.SOURCE_ID: "string",
        s.DEMO: "boolean",
    }
    frame = frame.astype(dtypes).sort_values([*by, s.SOURCE_ID], kind="stable")
    return frame[[*by, *s.COUNT_COLUMNS, s.SOURCE_ID, s.DEMO]].reset_index(drop=True)


def dossier_counts(
    source: str | Path,
    by: Sequence[str] = DEFAULT_BY,
    filters: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """dossier_stats-like rows: per group of `by` and source_id, the six counts and demo.

    The frame can be given to the indicator families as their dossier_stats, e.g.
    `timeliness.timeliness(counts, by)`, or, with by = (unit_code, year, procedure_code),
    `online.online_share_by_level(counts, procedures)` for the online levels.
    """
    by = _check_by(by)
    source = str(source)
    statement = counts_statement(by, filters, partitioned=not _is_url(source))
    return _counts_frame(run_statement(source, statement), by)


def aggregate_dossiers(
    source: str | Path,
    by: Sequence[str] = DEFAULT_BY,
    filters: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Per group of `by`: the six dossier_stats counts, `demo` and `source_ids` (provenance).

    `by`: keys among GROUP_KEYS; `filters`: see FILTER_KEYS. Rows are sorted by `by`.
    """
    counts = dossier_counts(source, by, filters)
    by = list(by)
    if by and not counts.duplicated(by).any():
        return _one_source_per_group(counts)
    out = merge_provenance(group_sums(counts, by, s.COUNT_COLUMNS), counts, by)
    return out.astype({s.DEMO: "boolean"})  # merge_provenance gives bool when `by` is empty


def _one_source_per_group(counts: pd.DataFrame) -> pd.DataFrame:
    """What merge_provenance(group_sums(counts)) gives when no group has two sources, without
    its Python call per group (seconds for the ~75 000 groups of unit, year and procedure)."""
    ids = counts[s.SOURCE_ID].astype(object)
    source_ids = [() if pd.isna(i) else (i,) for i in ids]
    return counts.drop(columns=s.SOURCE_ID).assign(**{SOURCE_IDS: source_ids})


# --- records as the dataset's dossier_stats --------------------------------------------------

STATS_BY = (s.UNIT_CODE, s.YEAR, s.FIELD, s.PROCEDURE_CODE)  # a unit-year of 12 months
PARTIAL_BY = (s.UNIT_CODE, s.YEAR, s.MONTH, s.FIELD, s.PROCEDURE_CODE)  # fewer months
MONTHS_IN_YEAR = 12


def stats_from_records(source: str | Path, with_demo: bool = True) -> pd.DataFrame:
    """dossier_stats rows computed from the records, typed like the loaded table.

    A unit-year whose records fall in all 12 months gives yearly rows (month NA), one per field
    and procedure; a unit-year with records in fewer months gives monthly rows, so that pages
    still say the year is partial (e.g. 2025: March only). Each row keeps the source_id of its
    records and demo when any of them is demo; a group whose records come from two sources
    gives two rows (each with its own source), which every sum of the indicators handles.
    Computed from the aggregates indicators.records_cache keeps: the first call runs two or
    three GROUP BYs where the records are (none is loaded into pandas), the later ones
    aggregate only the records added since (see there).
    `with_demo=False` leaves out generated records (the dashboard with demo data off).
    """
    from indicators.records_cache import stats  # it builds on this module

    return stats(str(source), with_demo)


def dataset_with_records(dataset: Dataset, source: str | Path | None = None) -> Dataset:
    """The dataset with its dossier_stats completed by the dossier records of `source`
    (default: the dataset's own source), or the dataset itself when there are none.

    Generated (demo) records count only when the dataset has its demo layer on.
    Precedence: the records, for every unit-year in which they hold at least one dossier: the
    dossier_stats rows of that unit-year are dropped and replaced by stats_from_records' rows
    (a one-stop system's records are the finer and more complete account, and one unit-year
    must have one granularity). Every other unit-year keeps its dossier_stats rows. Provenance
    stays per row: source_id and demo of the records, or of the kept dossier_stats.
    """
    source = dataset.source if source is None else str(source)
    if not has_dossiers(source):
        return dataset
    derived = stats_from_records(source, with_demo=dataset.demo)
    if derived.empty:
        return dataset
    stats = dataset.dossier_stats
    keys = [s.UNIT_CODE, s.YEAR]
    covered = pd.MultiIndex.from_frame(derived[keys]).unique()
    kept = stats[~pd.MultiIndex.from_frame(stats[keys]).isin(covered)]
    merged = pd.concat([kept, derived.astype(stats.dtypes.to_dict())], ignore_index=True)
    merged = merged.sort_values(keys, kind="stable").reset_index(drop=True)
    return replace(dataset, dossier_stats=merged)


# --- loading into a database ----------------------------------------------------------------


def iter_dossier_batches(folder: str | Path, chunk: int) -> Iterator[pa.RecordBatch]:
    """The records of folder/dossiers/, `chunk` rows at a time, year by year."""
    files = _partition_files(folder)
    if not files:
        raise NoDossiers(f"no dossier records under {Path(folder) / DOSSIERS_DIR}")
    for path in files:
        yield from parquet_batches(path, chunk, s.DOSSIERS.names)


def _copy_postgres(conn: sa.Connection, table: sa.Table, batches: Iterable[pa.RecordBatch]) -> int:
    """One COPY … FROM STDIN (CSV written by Arrow). Only quoted identifiers are in the SQL."""
    prep = conn.dialect.identifier_preparer
    names = ", ".join(prep.quote(name) for name in s.DOSSIERS.names)  # SEQ: the database's
    sql = f"COPY {prep.format_table(table)} ({names}) FROM STDIN (FORMAT csv)"
    options = pa_csv.WriteOptions(include_header=False)
    rows = 0
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
        for batch in batches:
            buffer = io.BytesIO()
            pa_csv.write_csv(batch, buffer, options)
            copy.write(buffer.getbuffer())
            rows += batch.num_rows
    return rows


def _insert_rows(conn: sa.Connection, table: sa.Table, batches: Iterable[pa.RecordBatch]) -> int:
    """executemany of Core INSERTs, INSERT_ROWS at a time (any database)."""
    rows = 0
    for batch in batches:
        for start in range(0, batch.num_rows, INSERT_ROWS):
            part = batch.slice(start, INSERT_ROWS)
            conn.execute(table.insert(), part.to_pylist())
            rows += part.num_rows
    return rows


def copy_dossiers_to_sql(folder: str | Path, url: str, chunk: int = 500_000) -> int:
    """Stream folder/dossiers/ into the table `dossiers` of `url`; returns the rows copied.

    The table is replaced, filled (PostgreSQL with psycopg: COPY; others: executemany), then
    indexed on (unit_code, received_date), all in one transaction: a failure leaves the
    database as it was. Memory stays at about one chunk.
    """
    with sql_engine(url) as engine, engine.begin() as conn:
        return load_dossiers(conn, folder, chunk)


def load_dossiers(conn: sa.Connection, folder: str | Path, chunk: int = 500_000) -> int:
    """copy_dossiers_to_sql inside the caller's transaction (e.g. a whole-dataset import)."""
    table = dossiers_table()
    table.drop(conn, checkfirst=True)
    table.create(conn)
    is_pg = conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"
    load = _copy_postgres if is_pg else _insert_rows
    rows = load(conn, table, iter_dossier_batches(folder, chunk))
    sa.Index(INDEX_NAME, table.c[s.UNIT_CODE], table.c[s.RECEIVED_DATE]).create(conn)
    if is_pg:
        conn.exec_driver_sql(f"ANALYZE {conn.dialect.identifier_preparer.format_table(table)}")
    return rows
