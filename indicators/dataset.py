"""The one door to the data: `load_dataset` opens any source, with its records and, when
asked, the demo layer. This module is the only code that opens SQLAlchemy engines, DuckDB
connections and Parquet files (`sql_engine`, `duckdb_connection`, `parquet_batches`,
`read_parquet_tables`): the records engine, the imports and the log go through it.

A dataset source is either a folder of Parquet files (one file per table, `units.parquet`, …)
or any SQLAlchemy URL (`postgresql+psycopg://…`, `sqlite:///…`). It is chosen by the setting
PAR_DATA_SOURCE (see indicators.settings); the default is the bundled folder `data/`.

What a source holds is published figures and data an office imported. The generated demo
layer (`demo/` beside the bundled data, see indicators.layers) is added only when the caller
asks for it (`demo=True`: the dashboard's switch, PAR_DEMO, `--demo`), and every row of it
carries `demo = true`. Where the source holds dossier records, its dossier_stats are computed
from them (indicators.records), so that the dashboard, `summary`, `export` and `deck` read the
same figures.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import sqlalchemy as sa

from indicators import schema as s
from indicators.errors import bilingual
from indicators.settings import data_source
from indicators.validation import DatasetInvalid, Failure, coerce_and_check

T = TypeVar("T")


@dataclass(frozen=True)
class Dataset:
    """The validated tables of one source. Treat the frames as read-only: they may be shared."""

    source: str
    units: pd.DataFrame
    unit_successions: pd.DataFrame
    sources: pd.DataFrame
    par_scores: pd.DataFrame
    procedures: pd.DataFrame
    dossier_stats: pd.DataFrame
    figures: pd.DataFrame = field(default_factory=lambda: s.empty_frame(s.FIGURES))
    targets: pd.DataFrame = field(default_factory=lambda: s.empty_frame(s.TARGETS))
    demo: bool = False  # the generated demo layer is part of it

    _derived: dict[Hashable, Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, computed once and kept with this dataset: its frames never change, so
        neither does a value derived from them (e.g. the city's on-time rates, the same for
        every unit). Keys must come from a bounded set (a table, a field, a year range) and values
        be small next to the dataset: they live as long as it does."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]


def is_url(source: str) -> bool:
    return "://" in source


POINTER = "CURRENT"  # in a versioned folder (see indicators.importing): the version served


def current_version(folder: Path) -> Path:
    """The folder whose Parquet files are served: the version CURRENT names, else `folder`."""
    pointer = folder / POINTER
    if not pointer.is_file():
        return folder
    return folder / pointer.read_text("utf-8").strip()


def read_parquet_tables(folder: Path, names: Iterable[str] = tuple(s.TABLES)) -> dict:
    """The tables among `names` that `folder` holds as `<name>.parquet`, untyped."""
    raw = {}
    for name in names:
        path = folder / f"{name}.parquet"
        if path.exists():
            try:
                raw[name] = pd.read_parquet(path)
            except Exception as exc:  # a damaged file is a data error, reported like the rest
                raise DatasetInvalid(
                    [
                        Failure(
                            name,
                            None,
                            None,
                            str(path),
                            "unreadable",
                            *bilingual("check_unreadable", error=exc),
                        )
                    ]
                ) from exc
    return raw


# --- the only openers of engines, DuckDB and Parquet files ----------------------------------


@contextmanager
def sql_engine(url: str) -> Iterator[sa.Engine]:
    """An engine of `url`, disposed of on exit (records, imports and the log use it too)."""
    engine = sa.create_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def duckdb_connection(config: dict[str, Any], views: dict[str, str | list[str]]) -> Iterator[Any]:
    """An in-memory DuckDB connection with a view per (name, glob or list of hive-partitioned
    Parquet files): the records engine's GROUP BYs run on it."""
    import duckdb  # imported here: SQL sources do not need it

    with duckdb.connect(config=config) as con:
        # no progress bar: a slow GROUP BY (a busy machine) would print one into our stdout
        con.execute("SET enable_progress_bar = false")
        for name, glob in views.items():
            con.read_parquet(glob, hive_partitioning=True).create_view(name)
        yield con


def parquet_batches(path: Path, size: int, columns: list[str]) -> Iterator[Any]:
    """The record batches of one Parquet file, `size` rows at a time."""
    import pyarrow.parquet as pq

    yield from pq.ParquetFile(path).iter_batches(batch_size=size, columns=columns)


def read_sql_tables(conn: sa.Connection) -> dict[str, pd.DataFrame]:
    """Every table of the schema that the database holds, untyped."""
    present = set(sa.inspect(conn).get_table_names())
    return {name: pd.read_sql_table(name, conn) for name in s.TABLES if name in present}


def _read_sql(url: str) -> dict[str, pd.DataFrame]:
    with sql_engine(url) as engine, engine.connect() as conn:
        return read_sql_tables(conn)


def load_raw(source: str | Path | None = None) -> tuple[str, dict[str, pd.DataFrame]]:
    source = str(source) if source is not None else data_source()
    if is_url(source):
        return source, _read_sql(source)
    folder = Path(source)
    if not folder.is_dir():
        raise DatasetInvalid(
            [
                Failure(
                    "*",
                    None,
                    None,
                    source,
                    "no_source",
                    *bilingual("check_no_folder"),
                )
            ]
        )
    return source, read_parquet_tables(current_version(folder))


def load_dataset(
    source: str | Path | None = None, *, demo: bool = False, records: bool = True
) -> Dataset:
    """Every table of `source` (default: PAR_DATA_SOURCE), validated; raises DatasetInvalid
    with the full report.

    `demo`: add the generated demo layer where the source has no rows of its own.
    `records`: compute dossier_stats from the source's dossier records where it has them
    (only the tests of the records engine turn this off).
    """
    name, raw = load_raw(source)
    tables = coerce_and_check(raw)
    if demo:
        from indicators.layers import with_demo_layer  # the layer is read only when asked for

        tables = with_demo_layer(tables, name)
    dataset = Dataset(source=name, demo=demo, **tables)
    if records:
        from indicators.records import dataset_with_records

        dataset = dataset_with_records(dataset)
    return dataset


def _for_storage(frame: pd.DataFrame, table: s.Table) -> pd.DataFrame:
    """Typed like the schema, so that a round trip gives back the same dtypes."""
    out = frame[table.names].copy()
    for col in table.columns:
        out[col.name] = out[col.name].astype(s.PANDAS_DTYPE[col.kind])
    return out


def write_parquet_folder(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Write every table, validated first; each file is replaced atomically (rename)."""
    typed = coerce_and_check(tables)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in typed.items():
        target = folder / f"{name}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".parquet", dir=folder)
        os.close(fd)
        try:
            _for_storage(frame, s.TABLES[name]).to_parquet(tmp, index=False)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)


def write_sql(tables: dict[str, pd.DataFrame], url: str) -> None:
    """Write every table in one transaction: a failure leaves the database as it was."""
    typed = coerce_and_check(tables)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            for name, frame in typed.items():
                _for_storage(frame, s.TABLES[name]).to_sql(
                    name, conn, if_exists="replace", index=False
                )
    finally:
        engine.dispose()


def copy_folder(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, dirs_exist_ok=True)
