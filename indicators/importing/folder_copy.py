"""`python -m indicators import FOLDER --into URL`: a whole Parquet dataset into a database.

The folder's tables (the version it serves) are read and validated together, then, in one
transaction that holds the import lock: the stored tables are kept as `<table>__previous`
(what `rollback` restores), the six tables are replaced, the dossier records of
FOLDER/dossiers/ are copied into the table `dossiers` (COPY on PostgreSQL, see
indicators.records) or, when the folder has none, a stored `dossiers` table is dropped (the
database then serves the folder's dataset), and the import is logged. A failure leaves the
database as it was. Records are not kept in __previous (they can be millions of rows): a
rollback restores the six tables, not the records.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from indicators import records
from indicators import schema as s
from indicators.dataset import _for_storage, is_url, load_raw
from indicators.errors import BilingualError
from indicators.importing import sql_store, versions
from indicators.importing.service import current_user, log_entry, printable, shown_name
from indicators.settings import data_source
from indicators.validation import coerce_and_check


class NotADatabase(ValueError):
    """The target of a folder import is not a SQLAlchemy URL."""


class FolderNotImported(BilingualError):
    """The database was busy or full: nothing was changed."""


@dataclass(frozen=True)
class FolderImport:
    folder: str
    rows: dict[str, int]  # rows written per table
    records: int | None  # dossier records copied, None when the folder has none
    version: str
    seconds: float

    def report(self) -> str:
        tables = ", ".join(f"{name} {n:,}" for name, n in self.rows.items())
        lines = [f"đã nhập thư mục / imported folder {self.folder} ({self.version}): {tables}"]
        if self.records is not None:
            lines.append(f"hồ sơ / dossier records: {self.records:,}")
        lines.append(f"{self.seconds:.1f} s")
        return "\n".join(lines)


def import_folder(
    folder: str | Path, into: str | None = None, who: str | None = None, chunk: int = 500_000
) -> FolderImport:
    """Copy the dataset of `folder` (tables and dossier records) into the database `into`
    (default: PAR_DATA_SOURCE).

    Raises DatasetInvalid (the full report) when the folder's tables are invalid, NotADatabase
    when `into` is not a URL, FolderNotImported when the database is busy or its disk full.
    """
    into = into or data_source()
    if not is_url(into):
        raise NotADatabase(
            f"--into must be a SQLAlchemy URL to import a folder, not {into!r} / "
            "nhập cả thư mục chỉ vào cơ sở dữ liệu (URL SQLAlchemy)"
        )
    started = time.perf_counter()
    folder = str(folder)
    tables = coerce_and_check(load_raw(folder)[1])  # raises DatasetInvalid
    version = versions.timestamp_id()
    entry = partial(log_entry, "import", who or current_user(), version, file=shown_name(folder))
    try:
        with sql_store.transaction(into) as conn:
            copied = _replace_all(conn, folder, tables, chunk)
            sql_store.append_log(conn, entry(sql_store.last_entry(conn)[0]))
    except versions.Busy as exc:
        raise FolderNotImported.of("imp_busy") from exc
    except versions.DiskFull as exc:
        raise FolderNotImported.of("imp_disk_full") from exc
    rows = {name: len(frame) for name, frame in tables.items()}
    return FolderImport(printable(folder), rows, copied, version, time.perf_counter() - started)


def _replace_all(
    conn: sa.Connection, folder: str, tables: dict[str, pd.DataFrame], chunk: int
) -> int | None:
    """Keep the stored tables as __previous, write the folder's; copy its dossier records
    (their number) or drop the stored ones (None)."""
    sql_store.keep_previous(conn)
    for name, frame in tables.items():
        _for_storage(frame, s.TABLES[name]).to_sql(name, conn, if_exists="replace", index=False)
    if records.has_dossiers(folder):
        return records.load_dossiers(conn, folder, chunk)
    records.dossiers_table().drop(conn, checkfirst=True)
    return None


__all__ = ["FolderImport", "FolderNotImported", "NotADatabase", "import_folder"]
