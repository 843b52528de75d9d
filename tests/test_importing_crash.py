"""A folder store when the process dies or the disk fills: the version served and the import
log always agree, and a full disk leaves nothing behind and says so in both languages."""

from __future__ import annotations

import errno
import json

import pandas as pd
import pytest
from support.importing import copy_data, hashes, score_file

from indicators.cli import main
from indicators.dataset import load_dataset
from indicators.importing import import_bytes, import_log, rollback, versions
from indicators.importing.versions import LOG, WORK

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)


class Crash(BaseException):
    """Stands for a kill: no `except Exception` or `except OSError` cleans up after it."""


def score_of(folder, unit: str = "004", year: int = 2024) -> float:
    scores = load_dataset(folder).par_scores
    hit = scores[(scores["unit_code"] == unit) & (scores["year"] == year)]
    return float(hit["score"].iloc[0])


def logged_versions(folder) -> list[str]:
    return list(import_log(str(folder))["version"])


def assert_log_follows_served(folder) -> None:
    """The log ends with the version served, and each entry starts from the one before."""
    log = import_log(str(folder))
    assert (log["version"].iloc[-1] if len(log) else ".") == versions.served_name(folder)
    assert list(log["previous"].iloc[1:]) == list(log["version"].iloc[:-1])


def outside_work(folder) -> dict[str, str]:
    return {n: h for n, h in hashes(folder).items() if not n.startswith(WORK + "/")}


@pytest.fixture
def store(tmp_path):
    folder = copy_data(tmp_path / "data")
    assert import_bytes(score_file(96), "first.xlsx", str(folder), "t").ok
    return folder


def _crash(*args, **kwargs):
    raise Crash


def killed_import(store, monkeypatch, step: str) -> None:
    """An import of a score of 99 killed when it reaches versions.`step`."""
    monkeypatch.setattr(versions, step, _crash)
    with pytest.raises(Crash):
        import_bytes(score_file(99), "second.xlsx", str(store), "t")
    monkeypatch.undo()


def test_a_kill_before_the_log_is_written_serves_the_old_version(store, monkeypatch):
    first = versions.served_name(store)
    killed_import(store, monkeypatch, "append_log")
    assert versions.served_name(store) == first and score_of(store) == 96.0
    assert logged_versions(store) == [first]
    assert_log_follows_served(store)


def test_a_kill_between_log_and_switch_leaves_an_entry_nobody_reads(store, monkeypatch):
    first = versions.served_name(store)
    killed_import(store, monkeypatch, "_switch")
    assert len((store / LOG).read_text("utf-8").splitlines()) == 2  # the entry was written
    assert versions.served_name(store) == first and score_of(store) == 96.0
    assert logged_versions(store) == [first]  # but it is not read: its version was never served
    third = import_bytes(score_file(98), "third.xlsx", str(store), "t")
    assert third.ok and score_of(store) == 98.0
    lines = [json.loads(line) for line in (store / LOG).read_text("utf-8").splitlines()]
    assert [e["file"] for e in lines] == ["first.xlsx", "third.xlsx"]  # cut off, then appended
    assert logged_versions(store) == [first, third.version]
    assert_log_follows_served(store)


def test_a_killed_rollback_keeps_serving_what_the_log_says(store, monkeypatch):
    second = import_bytes(score_file(97), "second.xlsx", str(store), "t")
    monkeypatch.setattr(versions, "_switch", _crash)
    with pytest.raises(Crash):
        rollback(str(store), "t")
    monkeypatch.undo()
    assert versions.served_name(store) == second.version and score_of(store) == 97.0
    assert list(import_log(str(store))["action"]) == ["import", "import"]
    assert_log_follows_served(store)
    assert rollback(str(store), "t").ok and score_of(store) == 96.0
    assert list(import_log(str(store))["action"]) == ["import", "import", "rollback"]
    assert_log_follows_served(store)


def _full_after_half(self, path, *args, **kwargs):
    with open(path, "wb") as fh:
        fh.write(b"PAR1 half a file")
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_partial_version_and_says_so(store, monkeypatch, capsys, tmp_path):
    before = outside_work(store)
    path = tmp_path / "second.xlsx"
    path.write_bytes(score_file(99))
    monkeypatch.setattr(pd.DataFrame, "to_parquet", _full_after_half)
    assert main(["import", str(path), "--into", str(store), "--who", "t"]) == 1
    err = capsys.readouterr().err
    assert "ổ đĩa đã đầy" in err and "dữ liệu không thay đổi" in err
    assert "the disk is full" in err and "the data was not changed" in err
    assert "Traceback" not in err
    monkeypatch.undo()
    assert outside_work(store) == before and score_of(store) == 96.0
    assert not any((store / versions.STAGING).iterdir())


@pytest.mark.parametrize("action", ["import", "rollback"])
def test_a_disk_full_at_the_switch_takes_the_log_line_back(store, monkeypatch, action):
    import_bytes(score_file(97), "second.xlsx", str(store), "t")
    before = outside_work(store)

    def full(folder, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(versions, "_switch", full)
    if action == "import":
        result = import_bytes(score_file(99), "third.xlsx", str(store), "t")
    else:
        result = rollback(str(store), "t")
    assert not result.ok and [f.rule for f in result.failures] == ["disk_full"]
    monkeypatch.undo()
    assert outside_work(store) == before and score_of(store) == 97.0
    assert_log_follows_served(store)
