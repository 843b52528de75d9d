"""Imports into a Parquet folder: figures appear, versions switch atomically, a killed import
changes nothing, imports queue behind the lock, rollback restores bytes, all is logged."""

from __future__ import annotations

import csv
import io
import json
import os
import select
import signal
import time

import openpyxl
import pandas as pd
import pytest
from support.cli import run as run_cli
from support.importing import (
    copy_data,
    filled_template,
    hashes,
    popen_cli,
    score_file,
    served_hashes,
)

from indicators.cli import main
from indicators.dataset import load_dataset
from indicators.importing import (
    import_bytes,
    import_file,
    import_log,
    rollback,
    validate_bytes,
    validate_file,
)
from indicators.importing.limits import max_upload_bytes
from indicators.importing.versions import PAUSE_ENV, STAGING, WORK


def score_of(folder, unit: str, year: int) -> float | None:
    """The unit's total score of the year; None when the store has none (2024: only Long
    Biên's was published)."""
    scores = load_dataset(folder).par_scores
    hit = scores[(scores["unit_code"] == unit) & (scores["year"] == year)]
    return float(hit["score"].iloc[0]) if len(hit) else None


@pytest.fixture
def store(tmp_path):
    return copy_data(tmp_path / "data")


def test_a_file_made_from_the_template_imports_and_shows_in_summary(store, tmp_path):
    path = tmp_path / "diem_2024.xlsx"
    path.write_bytes(score_file("97,25"))
    result = run_cli("import", str(path), "--into", str(store), "--who", "vanphong")
    assert result.returncode == 0, result.stderr
    assert "1 dòng thay thế / rows replaced" in result.stdout  # Long Biên 2024, published
    summary = run_cli("summary", "--unit", "004", "--year", "2024", "--source", str(store))
    assert json.loads(summary.stdout)["par_score"] == 97.25
    row = load_dataset(store).par_scores.query("unit_code == '004' and year == 2024").iloc[0]
    assert not row["demo"] and row["source_id"] == "nam-tu-liem-2020"


def test_a_code_that_lost_its_leading_zero_is_checked_against_the_name(store):
    row = {"unit_code": 19, "unit_name": "Nam Từ Liêm", "year": 2024, "score": 96}
    result = import_bytes(filled_template("par_scores", [row]), "d.xlsx", str(store), "t")
    assert not result.ok and "19 is Tỉnh Thái Nguyên" in result.report()
    row = {"unit_code": 271, "unit_name": None, "year": 2024, "score": 96}  # Ba Vì: 271
    assert import_bytes(filled_template("par_scores", [row]), "d.xlsx", str(store), "t").ok


def test_an_import_replaces_rows_with_the_same_key_and_adds_the_others(store):
    rows = [
        {"unit_code": "004", "unit_name": None, "year": 2024, "score": 95.4},  # a published row
        {"unit_code": None, "unit_name": "cau giay", "year": 2024, "score": "95,5"},
        {"unit_code": "019", "year": 2024, "component": "Cải cách thể chế", "score": 9.5,
         "max_score": 10},
    ]  # fmt: skip
    result = import_bytes(filled_template("par_scores", rows), "d.xlsx", str(store), "t")
    assert result.ok, result.report()
    assert (result.added, result.replaced) == (2, 1)
    scores = load_dataset(store).par_scores
    assert len(scores) == len(load_dataset(copy_data(store.parent / "fresh")).par_scores) + 2
    assert score_of(store, "005", 2024) == 95.5


def test_a_new_source_is_created_once_from_title_and_url(store):
    source = {
        "source_id": None,
        "source_title": "Hà Nội công bố Chỉ số CCHC năm 2024",
        "source_url": "https://www.vietnamplus.vn/ha-noi-cong-bo-chi-so-cchc-2024",
        "source_published": "05/03/2025",
    }

    def file(score: float) -> bytes:
        return filled_template("par_scores", [{"year": 2024, "score": score, **source}])

    first = import_bytes(file(96.1), "a.xlsx", str(store), "t")
    assert first.ok, first.report()
    assert len(first.new_sources) == 1 and first.new_sources[0].startswith("vietnamplus-")
    again = import_bytes(file(96.2), "b.xlsx", str(store), "t")
    assert again.ok and again.new_sources == ()
    data = load_dataset(store)
    added = data.sources.set_index("id").loc[first.new_sources[0]]
    assert added["published"] == pd.Timestamp("2025-03-05") and added["kind"] == "published"
    row = data.par_scores.query("unit_code == '019' and year == 2024").iloc[0]
    assert row["source_id"] == first.new_sources[0]


def test_versions_and_the_bundled_layout_both_load(store):
    assert not (store / "CURRENT").exists()
    before = served_hashes(store)
    assert import_bytes(score_file(96), "a.xlsx", str(store), "t").ok
    current = (store / "CURRENT").read_text().strip()
    assert current.startswith("versions/") and (store / current / "PARENT").read_text() == ".\n"
    assert {p.name for p in store.glob("*.parquet")} == set(before)  # the base is untouched
    assert {
        n: h for n, h in hashes(store).items() if "/" not in n and n.endswith(".parquet")
    } == before
    assert score_of(store, "004", 2024) == 96.0


def test_rollback_restores_each_previous_version_byte_identically(store, capsys):
    versions = [served_hashes(store)]
    for score in (96, 97):
        assert import_bytes(score_file(score), "a.xlsx", str(store), "t").ok
        versions.append(served_hashes(store))
    assert versions[0] != versions[1] != versions[2]
    assert main(["rollback", "--into", str(store), "--who", "t"]) == 0
    assert served_hashes(store) == versions[1]
    assert rollback(str(store), "t").ok
    assert served_hashes(store) == versions[0]
    assert main(["rollback", "--into", str(store)]) == 1
    assert "no earlier version" in capsys.readouterr().err
    log = import_log(str(store))
    assert list(log["action"]) == ["import", "import", "rollback", "rollback"]
    assert score_of(store, "004", 2024) == score_of(copy_data(store.parent / "fresh"), "004", 2024)


def _wait_for_pause(proc, timeout: float = 120.0) -> None:
    """Read the importer's stderr until the test hook says it is paused."""
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stderr], [], [], 0.5)
        if ready:
            line = proc.stderr.readline()
            seen += line
            if PAUSE_ENV in line:
                return
        if proc.poll() is not None:
            break
    pytest.fail(f"the import never paused:\n{seen}{proc.stderr.read()}")


def test_an_import_killed_midway_leaves_the_data_byte_identical(store, tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(score_file(99))
    assert import_bytes(score_file(96), "first.xlsx", str(store), "t").ok  # a versioned folder
    before = hashes(store)
    proc = popen_cli("import", str(path), "--into", str(store), env={PAUSE_ENV: "60"})
    try:
        _wait_for_pause(proc)
        assert (store / STAGING).is_dir() and any((store / STAGING).iterdir())
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    after = hashes(store)
    assert {n: h for n, h in after.items() if not n.startswith(WORK + "/")} == {
        n: h for n, h in before.items() if not n.startswith(WORK + "/")
    }
    assert score_of(store, "004", 2024) == 96.0  # the last good data is served
    assert import_bytes(score_file(98), "again.xlsx", str(store), "t").ok  # and cleaned up
    assert not any((store / STAGING).iterdir())
    assert score_of(store, "004", 2024) == 98.0


def test_two_concurrent_imports_run_one_after_the_other(store, tmp_path):
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    first.write_bytes(score_file(91, unit="004"))
    second.write_bytes(score_file(92, unit="005"))
    slow = popen_cli("import", str(first), "--into", str(store), "--who", "a", env={PAUSE_ENV: "3"})
    try:
        _wait_for_pause(slow)  # it holds the lock now
        fast = popen_cli("import", str(second), "--into", str(store), "--who", "b")
        assert fast.wait(timeout=180) == 0, fast.stderr.read()
        assert slow.wait(timeout=180) == 0
    finally:
        slow.kill()
    log = import_log(str(store))
    assert list(log["who"]) == ["a", "b"] and list(log["file"]) == ["first.xlsx", "second.xlsx"]
    assert log["previous"].iloc[1] == log["version"].iloc[0]  # b was built on a's version
    assert (score_of(store, "004", 2024), score_of(store, "005", 2024)) == (91.0, 92.0)


def test_the_log_says_who_imported_what_when(store, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "chuyenvien")
    path = tmp_path / "diem.xlsx"
    path.write_bytes(score_file(95))
    result = import_file(path, str(store))
    assert result.ok
    entry = import_log(str(store)).iloc[0]
    assert (entry["who"], entry["file"], entry["table_name"], entry["action"]) == (
        "chuyenvien", "diem.xlsx", "par_scores", "import",
    )  # fmt: skip
    assert (entry["added"], entry["replaced"], entry["version"]) == (0, 1, result.version)
    assert pd.Timestamp(entry["at"]).year >= 2024 and len(entry["sha256"]) == 64
    assert import_log(str(copy_data(tmp_path / "empty"))).empty


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    monkeypatch.delenv("PAR_MAX_UPLOAD_MB", raising=False)
    assert max_upload_bytes() == 20 * 1024 * 1024
    big = tmp_path / "big.xlsx"
    with open(big, "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse: 21 MB that take no disk space

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(type(big), "read_bytes", no_reading)
    result = validate_file(big, str(copy_data(tmp_path / "data")))
    assert not result.ok and "too large" in result.report() and "20 MB" in result.report()


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "abc"])
def test_a_bad_upload_limit_refuses_the_file_with_a_message(tmp_path, monkeypatch, value):
    """PAR_MAX_UPLOAD_MB=inf raised OverflowError inside the import (a traceback); `abc` fell
    back to 20 MB unsaid. Now the file is refused, naming the setting and its value."""
    monkeypatch.setenv("PAR_MAX_UPLOAD_MB", value)
    store = copy_data(tmp_path / "store")
    before = hashes(store)
    result = validate_bytes(score_file(95.5), "diem.xlsx", str(store))
    assert not result.ok
    text = result.report()
    assert "PAR_MAX_UPLOAD_MB" in text and value in text and "Traceback" not in text
    assert hashes(store) == before


def test_an_ignored_column_name_is_reported_inert_and_short(tmp_path):
    """A column the import ignores is named in the report; a name carrying an escape code (it
    would clear a terminal) is written with the code as text, and a long one is cut."""
    rows = list(openpyxl.load_workbook(io.BytesIO(score_file(95.5))).worksheets[0].values)
    hostile = "ghi chú\x1b[2J" + "x" * 200
    header, first = [*rows[0], hostile], [*rows[1], ""]
    text = io.StringIO()
    csv.writer(text).writerows([header, ["" if v is None else v for v in first]])
    store = str(copy_data(tmp_path / "store"))
    result = validate_bytes(text.getvalue().encode("utf-8"), "diem.csv", store)
    assert result.ok, result.report()
    warning = next(w for w in result.warnings if "columns ignored" in w)
    assert "\x1b" not in warning and "ghi chú\\x1b[2J" in warning
    assert len(warning) < 200 and warning.endswith("…")


HANOI_DISTRICTS_2024 = (
    "001 002 003 004 005 006 007 008 009 016 017 018 019 020 021 250 268 269 271 272 273 274 "
    "275 276 277 278 279 280 281 282"
).split()


def _hanoi_2024_file(long_bien_score: float) -> bytes:
    """Every one of Hanoi's 30 districts scored for 2024 (the year complete, so it is ranked
    from its scores): Long Biên (004) published 1st, the others 2nd to 30th by their scores
    (90, 89, … 62)."""
    others = [code for code in HANOI_DISTRICTS_2024 if code != "004"]
    rows = [
        {"unit_code": code, "year": 2024, "score": 90 - i, "rank_published": i + 2}
        for i, code in enumerate(others)
    ]
    rows.append({"unit_code": "004", "year": 2024, "score": long_bien_score, "rank_published": 1})
    return filled_template("par_scores", [{"unit_name": None, **row} for row in rows])


def test_a_file_that_completes_a_year_must_agree_with_its_published_ranks(tmp_path):
    """30 scores make 2024 complete: ranked by scores, Long Biên is 1st with 95,39 (agrees
    with its published rank 1) and 30th with 50 (refused, naming the unit, year and ranks)."""
    store = str(copy_data(tmp_path / "store"))
    agreeing = validate_bytes(_hanoi_2024_file(95.39), "diem.xlsx", store)
    assert agreeing.ok, agreeing.report()
    refused = validate_bytes(_hanoi_2024_file(50), "diem.xlsx", store)
    assert not refused.ok
    text = refused.report()
    assert "Quận Long Biên" in text and "2024" in text and "30" in text, text
