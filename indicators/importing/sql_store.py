"""Imports into a database: one transaction, the previous version kept, a logged change.

In one transaction: take the import lock, read the stored tables, let the caller merge and
validate, copy every table to `<table>__previous` (the version before), replace the changed
tables, append a row to `import_log`. Any failure rolls the whole transaction back, the log
row included: the data and its log entry are one step. Only SQLAlchemy Core and pandas with
bound parameters are used; table names come from indicators.schema, never from a file.

The lock, held until commit or rollback, makes imports and rollbacks run one at a time (the
second waits, then reads and merges over the first's result):
- PostgreSQL: pg_advisory_xact_lock;
- SQLite: the transaction starts with BEGIN IMMEDIATE (the database's write lock) and waits
  up to LOCK_TIMEOUT for it (busy_timeout); the driver's own transaction handling is turned
  off, so the reads and the CREATE/DROP TABLE are inside the transaction too;
- any other database: the one row of `import_lock` is updated first (a row lock).
A lock not obtained in time gives versions.Busy; a full disk, versions.DiskFull.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import pandas as pd
import sqlalchemy as sa

from indicators import schema as s
from indicators.dataset import _for_storage, read_sql_tables, sql_engine
from indicators.importing.versions import LOCK_TIMEOUT, Busy, DiskFull

LOG_TABLE = "import_log"
PREVIOUS = "__previous"
LOCK_KEY = 720_112_022  # pg_advisory_xact_lock key of PAR imports
LOCK_TABLE = "import_lock"  # its one row is updated first on other databases
SQLITE_FULL, SQLITE_BUSY, SQLITE_LOCKED = 13, 5, 6  # sqlite3 result codes
PG_DISK_FULL, PG_LOCK_TIMEOUT = "53100", "55P03"  # SQLSTATE
LOG_COLUMNS = (
    "at",
    "who",
    "action",
    "file",
    "sha256",
    "table_name",
    "added",
    "replaced",
    "new_sources",
    "version",
    "previous",
)
T = TypeVar("T")


class NothingToRollBack(RuntimeError):
    """No `<table>__previous` tables: no earlier version is kept."""


def _log_table(metadata: sa.MetaData) -> sa.Table:
    counts = {"added", "replaced"}
    return sa.Table(
        LOG_TABLE,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        *(sa.Column(c, sa.Integer if c in counts else sa.Text) for c in LOG_COLUMNS),
    )


def _lock_table(metadata: sa.MetaData) -> sa.Table:
    return sa.Table(
        LOCK_TABLE,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("taken", sa.Integer, nullable=False),
    )


def _immediate(engine: sa.Engine) -> None:
    """SQLite: every transaction of `engine` takes the write lock at BEGIN."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None  # no implicit BEGIN/COMMIT by the driver
        dbapi_conn.execute(f"PRAGMA busy_timeout = {int(LOCK_TIMEOUT * 1000)}")

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


LOCK_ROW_TRIES = 10  # a concurrent creator of import_lock may not have committed yet


def _lock_row_exists(engine: sa.Engine) -> None:
    """Create `import_lock` and its row (id 1) unless present; tolerant of a concurrent
    creator: when its CREATE or INSERT wins and ours fails, try again (a little later each
    time) until its transaction has committed and the row is there."""
    table = _lock_table(sa.MetaData())
    for attempt in range(1, LOCK_ROW_TRIES + 1):
        try:
            with engine.begin() as conn:
                table.create(conn, checkfirst=True)
                if conn.execute(sa.select(table.c.id).where(table.c.id == 1)).first() is None:
                    conn.execute(table.insert().values(id=1, taken=0))
            return
        except sa.exc.DBAPIError:
            if attempt == LOCK_ROW_TRIES:
                raise
            time.sleep(0.05 * attempt)


def lock_kind(dialect: str) -> str:
    """How a database of `dialect` is locked: 'postgresql', 'sqlite' or 'row' (any other)."""
    return dialect if dialect in ("postgresql", "sqlite") else "row"


def _take_lock(conn: sa.Connection, kind: str) -> None:
    """The first statement of the transaction (SQLite's lock was taken by BEGIN IMMEDIATE)."""
    if kind == "postgresql":
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(LOCK_KEY)))
    elif kind == "row":
        table = _lock_table(sa.MetaData())
        conn.execute(table.update().where(table.c.id == 1).values(taken=table.c.taken + 1))


def _error_code(exc: sa.exc.DBAPIError) -> object:
    """SQLite's primary result code, or the SQLSTATE of psycopg (2 or 3); None if neither."""
    orig = exc.orig
    sqlite = getattr(orig, "sqlite_errorcode", None)
    if isinstance(sqlite, int):
        return sqlite & 0xFF
    return getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None)


@contextmanager
def transaction(url: str) -> Iterator[sa.Connection]:
    """A connection in a transaction that holds the import lock; commits on success."""
    with sql_engine(url) as engine:
        kind = lock_kind(engine.dialect.name)
        if kind == "sqlite":
            _immediate(engine)
        elif kind == "row":
            _lock_row_exists(engine)
        try:
            with engine.begin() as conn:
                _take_lock(conn, kind)
                yield conn
        except sa.exc.DBAPIError as exc:
            code = _error_code(exc)
            if code in (SQLITE_FULL, PG_DISK_FULL):
                raise DiskFull(engine.url.render_as_string(hide_password=True)) from exc
            if code in (SQLITE_BUSY, SQLITE_LOCKED, PG_LOCK_TIMEOUT):
                raise Busy(engine.url.render_as_string(hide_password=True)) from exc
            raise


def read_tables(conn: sa.Connection) -> dict[str, pd.DataFrame]:
    return read_sql_tables(conn)


def last_entry(conn: sa.Connection) -> tuple[str | None, str | None]:
    """(version, previous) of the latest logged import or rollback."""
    if not sa.inspect(conn).has_table(LOG_TABLE):
        return None, None
    log = _log_table(sa.MetaData())
    query = sa.select(log.c.version, log.c.previous).order_by(log.c.id.desc()).limit(1)
    row = conn.execute(query).first()
    return (row.version, row.previous) if row else (None, None)


def commit(
    url: str,
    prepare: Callable[[dict[str, pd.DataFrame]], T],
    changed: Callable[[T], dict[str, pd.DataFrame]],
    entry: Callable[[T, str | None], dict[str, object]],
) -> T:
    """Run an import in one transaction: `prepare` the stored tables (raise to abort),
    keep the previous version, write `changed(plan)`, log `entry(plan, previous)`."""
    with transaction(url) as conn:
        plan = prepare(read_tables(conn))
        previous = last_entry(conn)[0]
        keep_previous(conn)
        for name, frame in changed(plan).items():
            _for_storage(frame, s.TABLES[name]).to_sql(name, conn, if_exists="replace", index=False)
        append_log(conn, entry(plan, previous))
        return plan


def _reflect(conn: sa.Connection, name: str) -> sa.Table:
    return sa.Table(name, sa.MetaData(), autoload_with=conn)


def _copy(conn: sa.Connection, source: str, target: str) -> None:
    """CREATE target with source's columns, then INSERT … SELECT (Core, no SQL text)."""
    src = _reflect(conn, source)
    dst = sa.Table(target, sa.MetaData(), *(sa.Column(c.name, c.type) for c in src.columns))
    dst.drop(conn, checkfirst=True)
    dst.create(conn)
    names = [c.name for c in src.columns]
    conn.execute(dst.insert().from_select(names, sa.select(*src.columns)))


def keep_previous(conn: sa.Connection) -> None:
    """Copy every stored table to `<table>__previous` (the version rollback restores)."""
    present = set(sa.inspect(conn).get_table_names())
    for name in s.TABLES:
        if name in present:
            _copy(conn, name, name + PREVIOUS)


def restore_previous(conn: sa.Connection) -> None:
    """Put `<table>__previous` back in place of each table and drop the copies."""
    present = set(sa.inspect(conn).get_table_names())
    kept = [name for name in s.TABLES if name + PREVIOUS in present]
    if not kept:
        raise NothingToRollBack("no __previous tables")
    for name in kept:
        previous = _reflect(conn, name + PREVIOUS)
        if name in present:
            _reflect(conn, name).drop(conn)
        _copy(conn, name + PREVIOUS, name)
        previous.drop(conn)


def rollback(
    url: str, entry: Callable[[str | None, str | None], dict[str, object]]
) -> tuple[str | None, str | None]:
    """Restore the `__previous` tables in one transaction; (undone, restored) versions."""
    with transaction(url) as conn:
        undone, restored = last_entry(conn)
        restore_previous(conn)
        append_log(conn, entry(restored, undone))
        return undone, restored


def append_log(conn: sa.Connection, entry: dict[str, object]) -> None:
    log = _log_table(sa.MetaData())
    log.create(conn, checkfirst=True)
    row = {c: entry.get(c) for c in LOG_COLUMNS}
    conn.execute(log.insert().values(**row))


def last_id(url: str) -> str:
    """The id of the latest import_log row as text ('' before the first import)."""
    with sql_engine(url) as engine, engine.connect() as conn:
        if not sa.inspect(conn).has_table(LOG_TABLE):
            return ""
        log = _log_table(sa.MetaData())
        latest = conn.execute(sa.select(sa.func.max(log.c.id))).scalar()
        return "" if latest is None else str(latest)


def read_log(url: str) -> pd.DataFrame:
    with sql_engine(url) as engine, engine.connect() as conn:
        if not sa.inspect(conn).has_table(LOG_TABLE):
            return pd.DataFrame(columns=list(LOG_COLUMNS))
        log = _log_table(sa.MetaData())
        query = sa.select(*(log.c[c] for c in LOG_COLUMNS)).order_by(log.c.id)
        return pd.DataFrame(conn.execute(query).mappings().all(), columns=list(LOG_COLUMNS))
