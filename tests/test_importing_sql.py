"""Imports into a database: one transaction, previous version kept, advisory lock, log."""

from __future__ import annotations

import threading

import pandas as pd
import pytest
import sqlalchemy as sa
from support.importing import BAD_FILES, DATA, score_file

from indicators.dataset import load_dataset, load_raw, write_sql
from indicators.importing import import_bytes, import_log, rollback, sql_store

REFUSED = ["score_above_max.xlsx", "unknown_unit.xlsx", "mixed_detail.csv", "tcvn3.csv"]


def fresh_database(server_url: str, name: str) -> str:
    """A new, empty database on the test server (other tests use par_test)."""
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


def tables_of(url: str) -> dict[str, pd.DataFrame]:
    engine = sa.create_engine(url)
    try:
        names = sorted(sa.inspect(engine).get_table_names())
        with engine.connect() as conn:
            return {n: pd.read_sql_table(n, conn) for n in names}
    finally:
        engine.dispose()


def assert_same_tables(before: dict, after: dict) -> None:
    assert list(before) == list(after)
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name])


def score_of(url: str, unit: str) -> float | None:
    """The unit's 2024 total score; None when the store has none (only Long Biên's was
    published)."""
    scores = load_dataset(url).par_scores
    hit = scores.query(f"unit_code == '{unit}' and year == 2024")["score"]
    return float(hit.iloc[0]) if len(hit) else None


@pytest.fixture(scope="module")
def pg(postgres_url):
    url = fresh_database(postgres_url, "par_import")
    write_sql(load_raw(DATA)[1], url)
    return url


@pytest.mark.postgres
@pytest.mark.parametrize("name", REFUSED)
def test_postgres_refused_file_leaves_the_tables_unchanged(pg, name):
    before = tables_of(pg)
    result = import_bytes((BAD_FILES / name).read_bytes(), name, pg, "t")
    assert not result.ok and result.failures
    assert_same_tables(before, tables_of(pg))


@pytest.mark.postgres
def test_postgres_failure_inside_the_transaction_rolls_everything_back(pg, monkeypatch):
    before = tables_of(pg)

    def broken_log(conn, entry):
        raise RuntimeError("disk full while logging")

    monkeypatch.setattr(sql_store, "append_log", broken_log)
    with pytest.raises(RuntimeError, match="disk full"):
        import_bytes(score_file(99), "a.xlsx", pg, "t")
    assert_same_tables(before, tables_of(pg))  # no __previous table, no half-written table


@pytest.mark.postgres
def test_postgres_import_log_rollback_and_concurrent_imports(pg):
    before = tables_of(pg)
    result = import_bytes(score_file(96.5), "diem.xlsx", pg, "chuyenvien")
    assert result.ok, result.report()
    assert score_of(pg, "004") == 96.5
    assert "par_scores__previous" in tables_of(pg)
    log = import_log(pg)
    assert list(log[["who", "file", "action", "replaced"]].iloc[0]) == [
        "chuyenvien", "diem.xlsx", "import", 1,
    ]  # fmt: skip
    back = rollback(pg, "chuyenvien")
    assert back.ok and back.undone == result.version
    after = tables_of(pg)
    assert_same_tables(before, {n: f for n, f in after.items() if n != "import_log"})
    assert not rollback(pg, "t").ok  # one version is kept in a database

    results = []

    def run(unit: str, score: float) -> None:
        results.append(import_bytes(score_file(score, unit), f"{unit}.xlsx", pg, unit))

    threads = [threading.Thread(target=run, args=a) for a in (("004", 91.0), ("005", 92.0))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert all(r.ok for r in results), [r.report() for r in results]
    assert (score_of(pg, "004"), score_of(pg, "005")) == (91.0, 92.0)  # neither lost
    assert list(import_log(pg)["action"]) == ["import", "rollback", "import", "import"]


def test_sqlite_import_and_rollback(tmp_path):
    url = f"sqlite:///{tmp_path / 'par.db'}"
    write_sql(load_raw(DATA)[1], url)
    assert import_bytes(score_file(93), "a.xlsx", url, "t").ok
    assert score_of(url, "004") == 93.0
    assert rollback(url, "t").ok
    assert score_of(url, "004") != 93.0
    assert list(import_log(url)["action"]) == ["import", "rollback"]
