"""Imports into one SQLite file at the same moment run one after the other: the second waits,
reads the first's result and merges over it, and both are logged (no lost update). The same
for the lock row that databases other than PostgreSQL and SQLite take."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

import pandas as pd
import pytest
import sqlalchemy as sa
from support.importing import DATA, copy_data, score_file

from indicators import schema as s
from indicators.cli import main
from indicators.dataset import load_raw, write_sql
from indicators.importing import import_bytes, import_log, rollback, sql_store
from indicators.importing.service import log_entry

ROUNDS = {"sqlite": 20, "row": 5}  # the row lock is the same on SQLite each round


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'par.db'}"
    write_sql(load_raw(DATA)[1], url)
    return url


def totals_of(url: str, year: int = 2023) -> dict[str, float]:
    """Total scores of the year by unit code (2023: both Long Biên's and Cầu Giấy's are
    stored, so an import replaces them). Read as stored: the table alone, not the checked
    dataset (20 rounds)."""
    scores = load_raw(url)[1]["par_scores"]
    hit = scores[(scores[s.YEAR].astype(int) == year) & (scores[s.COMPONENT] == s.TOTAL)]
    return dict(zip(hit[s.UNIT_CODE], hit[s.SCORE].astype(float), strict=True))


def store_import(url: str, unit: str, score: float) -> None:
    """What an import does in the store (read, merge one total, write, log), without the
    file's checks: a read-modify-write that loses an update unless imports queue."""

    def prepare(raw: dict[str, pd.DataFrame]) -> pd.DataFrame:
        scores = raw["par_scores"].copy()
        row = (scores[s.UNIT_CODE] == unit) & (scores[s.YEAR] == 2023)
        scores.loc[row & (scores[s.COMPONENT] == s.TOTAL), s.SCORE] = score
        return scores

    def entry(plan: pd.DataFrame, previous: str | None) -> dict[str, object]:
        return log_entry("import", unit, f"v-{unit}-{score}", previous, file=f"{unit}.xlsx")

    sql_store.commit(url, prepare, lambda scores: {"par_scores": scores}, entry)


def at_once(*calls: Callable[[], object]) -> list[BaseException]:
    """Run `calls` in threads released together; the errors they raised."""
    start, errors = threading.Barrier(len(calls)), []

    def run(call: Callable[[], object]) -> None:
        start.wait()
        try:
            call()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.parametrize("kind", ["sqlite", "row"])
def test_two_imports_at_the_same_moment_both_survive(url, monkeypatch, kind):
    monkeypatch.setattr(sql_store, "lock_kind", lambda dialect: kind)
    for r in range(ROUNDS[kind]):
        a, b = 50.0 + r, 60.0 + r
        assert (
            at_once(partial(store_import, url, "004", a), partial(store_import, url, "005", b))
            == []
        )
        totals = totals_of(url)
        assert (totals["004"], totals["005"]) == (a, b), f"round {r + 1}"
        log = import_log(url)
        assert len(log) == 2 * (r + 1)
        assert set(log["version"].iloc[-2:]) == {f"v-004-{a}", f"v-005-{b}"}
        assert log["previous"].iloc[-1] == log["version"].iloc[-2]  # the second saw the first


def test_two_files_imported_at_the_same_moment_are_both_kept_and_logged(url):
    results = []

    def run(unit: str, score: float) -> None:
        results.append(import_bytes(score_file(score, unit), f"{unit}.xlsx", url, unit))

    assert at_once(partial(run, "004", 91.0), partial(run, "005", 92.0)) == []
    assert all(r.ok for r in results), [r.report() for r in results]
    totals = totals_of(url, 2024)
    assert (totals["004"], totals["005"]) == (91.0, 92.0)
    assert sorted(import_log(url)["file"]) == ["004.xlsx", "005.xlsx"]
    assert rollback(url, "t").ok  # one step back: the first of the two is served
    assert len(import_log(url)) == 3


def test_a_failure_after_the_write_leaves_data_and_log_as_they_were(url, monkeypatch):
    before = totals_of(url, 2024)["004"]

    def broken_log(conn, entry):
        raise RuntimeError("killed before the log row")

    monkeypatch.setattr(sql_store, "append_log", broken_log)
    with pytest.raises(RuntimeError):
        import_bytes(score_file(93), "a.xlsx", url, "t")
    monkeypatch.undo()
    assert totals_of(url, 2024)["004"] == before and import_log(url).empty
    assert not rollback(url, "t").ok  # no __previous table was left either


def test_a_lock_held_too_long_is_reported_as_busy(url, monkeypatch):
    monkeypatch.setattr(sql_store, "LOCK_TIMEOUT", 0.05)
    with sql_store.transaction(url):
        result = import_bytes(score_file(93), "a.xlsx", url, "t")
    assert not result.ok and [f.rule for f in result.failures] == ["busy"]
    assert "một lần nhập khác" in result.report() and "another import" in result.report()
    assert import_log(url).empty


def test_a_full_database_disk_changes_nothing_and_says_so(url, monkeypatch):
    """SQLite reports SQLITE_FULL when the file may not grow (max_page_count: a full disk)."""
    before = totals_of(url, 2024)["004"]
    immediate = sql_store._immediate

    def no_room(engine: sa.Engine) -> None:
        immediate(engine)

        @sa.event.listens_for(engine, "connect")
        def _cap(dbapi_conn, record) -> None:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(sql_store, "_immediate", no_room)
    result = import_bytes(score_file(93), "a.xlsx", url, "t")
    assert not result.ok and [f.rule for f in result.failures] == ["disk_full"]
    assert "ổ đĩa đã đầy" in result.report() and "the disk is full" in result.report()
    monkeypatch.undo()
    assert totals_of(url, 2024)["004"] == before and import_log(url).empty


def test_a_folder_import_into_a_busy_database_says_so(url, monkeypatch, tmp_path, capsys):
    folder = copy_data(tmp_path / "data")
    monkeypatch.setattr(sql_store, "LOCK_TIMEOUT", 0.05)
    with sql_store.transaction(url):
        assert main(["import", str(folder), "--into", url]) == 1
    err = capsys.readouterr().err
    assert "một lần nhập khác" in err and "another import" in err and "Traceback" not in err
    assert import_log(url).empty
