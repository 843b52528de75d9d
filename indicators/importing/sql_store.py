"""Imports into a database: one transaction, the previous version kept, a logged change.

In one transaction: take the import lock (pg_advisory_xact_lock on PostgreSQL, released at
commit or rollback), read the stored tables, let the caller merge and validate, copy every
table to `<table>__previous` (the version before), replace the changed tables, append a row
to `import_log`. Any failure rolls the whole transaction back. Only SQLAlchemy Core and pandas
with bound parameters are used; table names come from indicators.schema, never from a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import pandas as pd
import sqlalchemy as sa

from indicators import schema as s
from indicators.dataset import _for_storage, read_sql_tables, sql_engine

LOG_TABLE = "import_log"
PREVIOUS = "__previous"
LOCK_KEY = 720_112_022  # pg_advisory_xact_lock key of PAR imports
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


@contextmanager
def transaction(url: str) -> Iterator[sa.Connection]:
    """A connection in a transaction that holds the import lock; commits on success."""
    with sql_engine(url) as engine, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(LOCK_KEY)))
        yield conn


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
