"""Every file of tests/bad_files is refused by `validate` and `import` (exit 1) with a
message naming what to fix (vi and en, the spreadsheet row and column), and an import of it
leaves the stored data byte-identical (every file of the folder hashed before and after)."""

from __future__ import annotations

import csv
import importlib.util
import re
import sys
import unicodedata
from collections.abc import Callable

import pytest
from support.importing import BAD_FILES, DATA, cli, copy_data, filled_template, hashes

from indicators import schema as s
from indicators.cli import main
from indicators.dataset import load_dataset, load_raw, write_sql
from indicators.importing import import_bytes, validate_bytes

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


# --- what passes `validate` imports on every store; what it refuses, no store takes -------

# Files that crashed an import into PostgreSQL or SQLite, or wrapped round, before issue 19.
STORE_CASES = ["nul_in_name.csv", "escape_codes.csv", "count_past_64_bits.csv",
               "score_1e400_cell.xlsx", "source_url_ipv6_unclosed.csv"]  # fmt: skip


def edge_files() -> dict[str, bytes]:
    """Files at the edge of every meaning check, which must import: NFD text with tabs and
    non-breaking spaces, texts of the longest allowed length, the largest counts and days."""
    from indicators.importing.meaning import NUMBER_LIMITS, TEXT_LIMITS

    nfd = unicodedata.normalize("NFD", "Tư\u00a0pháp\tHộ tịch")
    name = ("Đăng ký khai sinh " * 60)[: TEXT_LIMITS[s.PROCEDURE_NAME]]
    procedure = {"unit_code": "019", "unit_name": None, "year": 2021, "field": nfd,
                 "procedure_code": "9.999999", "procedure_name": name,
                 "legal_days": NUMBER_LIMITS[s.LEGAL_DAYS], "committed_days": 1}  # fmt: skip
    most = NUMBER_LIMITS[s.RECEIVED]
    stats = {"unit_code": "019", "unit_name": None, "year": 2023, "received": most,
             "submitted_online": most, "resolved_on_time": most, "resolved_early": most,
             "resolved_late": 0, "pending": 0, "procedure_code": "9.999999"}  # fmt: skip
    return {
        "procedures.xlsx": filled_template("procedures", [procedure]),
        "dossier_stats.xlsx": filled_template("dossier_stats", [stats]),
    }


def _imports_edge_files(into: str) -> None:
    for name, data in edge_files().items():
        assert validate_bytes(data, name, into).ok
        result = import_bytes(data, name, into, "edge")
        assert result.ok, result.report()
    dataset = load_dataset(into)
    row = dataset.procedures[dataset.procedures[s.PROCEDURE_CODE] == "9.999999"].iloc[0]
    assert row[s.FIELD] == unicodedata.normalize("NFC", "Tư pháp Hộ tịch")
    assert len(row[s.PROCEDURE_NAME]) == 1000
    stats = dataset.dossier_stats
    assert int(stats.loc[stats[s.PROCEDURE_CODE] == "9.999999", s.RECEIVED].iloc[0]) == 10**9


def _refuses_on(into: str, before: object, now: Callable[[], object]) -> None:
    for name in STORE_CASES:
        data = (BAD_FILES / name).read_bytes()
        case = next(c for c in CASES if c["file"] == name)
        for result in (validate_bytes(data, name, into), import_bytes(data, name, into, "t")):
            assert not result.ok
            assert_message(case, result.report())
    assert now() == before


def test_sqlite_refuses_the_meaning_cases_and_imports_the_edge_files(tmp_path):
    url = f"sqlite:///{tmp_path / 'par.db'}"
    write_sql(load_raw(DATA)[1], url)
    _refuses_on(url, hashes(tmp_path), lambda: hashes(tmp_path))
    _imports_edge_files(url)


@pytest.mark.postgres
def test_postgres_refuses_the_meaning_cases_and_imports_the_edge_files(postgres_url):
    from test_importing_sql import fresh_database, tables_of

    url = fresh_database(postgres_url, "par_meaning")
    write_sql(load_raw(DATA)[1], url)
    before = {n: t.to_csv() for n, t in tables_of(url).items()}
    _refuses_on(url, before, lambda: {n: t.to_csv() for n, t in tables_of(url).items()})
    _imports_edge_files(url)
