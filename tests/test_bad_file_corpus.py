"""Every file of tests/bad_files is refused by `validate` and `import` (exit 1) with a
message naming what to fix (vi and en, the spreadsheet row and column), and an import of it
leaves the stored data byte-identical (every file of the folder hashed before and after)."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys

import pytest
from test_importing_helpers import BAD_FILES, cli, copy_data, hashes

from indicators.cli import main

with open(BAD_FILES / "expected.csv", encoding="utf-8", newline="") as _fh:
    CASES = list(csv.DictReader(_fh))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return copy_data(tmp_path_factory.mktemp("store"))


def _apply_setting(case: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAR_MAX_UPLOAD_MB", raising=False)
    if case["setting"]:
        name, value = case["setting"].split("=", 1)
        monkeypatch.setenv(name, value)


def assert_message(case: dict, output: str) -> None:
    """One line of `output` has the vi and en fragments, the row and the column."""
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if case["vi"] in line and case["en"] in line]
    assert lines, f"{case['file']}: no line with {case['vi']!r} and {case['en']!r}:\n{output}"
    line = lines[0]
    if case["row"]:
        assert re.search(rf"dòng/row {case['row']}[,\]]", line), line
    else:
        assert "dòng/row" not in line, line
    if case["column"]:
        assert re.search(rf"cột/column [^\]]*{case['column']}", line), line


def test_the_corpus_is_complete_and_large_enough():
    listed = {case["file"] for case in CASES}
    present = {p.name for p in BAD_FILES.iterdir()} - {"expected.csv", "make_corpus.py"}
    present -= {"__pycache__"}
    assert listed == present
    assert len(listed) >= 25
    assert all(case["exit_code"] == "1" for case in CASES)


def test_the_committed_files_are_what_make_corpus_writes(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("make_corpus", BAD_FILES / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_corpus", module)  # dataclasses look it up
    spec.loader.exec_module(module)
    module.write(tmp_path)
    committed = {k: v for k, v in hashes(BAD_FILES).items() if k in {c["file"] for c in CASES}}
    committed["expected.csv"] = hashes(BAD_FILES)["expected.csv"]
    assert hashes(tmp_path) == committed


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_validate_refuses(case, store, monkeypatch, capsys):
    _apply_setting(case, monkeypatch)
    code = main(["validate", str(BAD_FILES / case["file"]), "--source", str(store)])
    captured = capsys.readouterr()
    assert code == int(case["exit_code"])
    assert_message(case, captured.err)


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_import_refuses_and_leaves_the_data_byte_identical(case, store, monkeypatch, capsys):
    _apply_setting(case, monkeypatch)
    before = hashes(store)
    path = str(BAD_FILES / case["file"])
    code = main(["import", path, "--into", str(store), "--who", "corpus"])
    captured = capsys.readouterr()
    assert code == int(case["exit_code"])
    assert_message(case, captured.err)
    assert hashes(store) == before


@pytest.mark.parametrize("name", ["image_renamed.xlsx", "tcvn3.csv", "score_above_max.xlsx"])
def test_real_processes_exit_1_without_a_traceback(name, tmp_path):
    case = next(c for c in CASES if c["file"] == name)
    store = copy_data(tmp_path / "data")
    before = hashes(store)
    for args in (["validate", "--source"], ["import", "--into"]):
        result = cli(args[0], str(BAD_FILES / name), args[1], str(store))
        assert result.returncode == 1
        assert_message(case, result.stderr)
    assert hashes(store) == before
