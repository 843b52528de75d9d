"""A file whose name is not UTF-8 (any bytes are a valid name on Linux) imports, is logged
with the odd bytes written as \\xNN, and the command says so without a traceback."""

from __future__ import annotations

import os

import pytest
from support.importing import DATA, cli, copy_data, score_file

from indicators.dataset import load_raw, write_sql
from indicators.importing import import_log, served_version, versions
from indicators.importing.service import printable, shown_name

SHOWN = "đi\\xeam 2024.xlsx"  # 'đi' is UTF-8; the byte 0xEA alone is not


def test_names_are_made_printable_and_text_is_kept() -> None:
    assert shown_name(os.fsdecode(b"/tmp/\xc4\x91i\xeam 2024.xlsx")) == SHOWN
    assert shown_name("thư mục/Điểm CCHC.xlsx") == "Điểm CCHC.xlsx"
    assert printable("a\ud800b") == "a\\ud800b"  # a lone surrogate no file system gives
    assert printable("Nam Từ Liêm") == "Nam Từ Liêm"


@pytest.mark.parametrize("store", ["folder", "sqlite"])
def test_a_file_name_that_is_not_utf8_imports_and_is_logged(tmp_path, store) -> None:
    if store == "folder":
        into = str(copy_data(tmp_path / "data"))
    else:
        into = f"sqlite:///{tmp_path / 'par.db'}"
        write_sql(load_raw(DATA)[1], into)
    path = tmp_path / os.fsdecode(b"\xc4\x91i\xeam 2024.xlsx")
    path.write_bytes(score_file(95))
    result = cli("import", str(path), "--into", into, "--who", "t")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and f"Đã nhập / Imported: {SHOWN}" in result.stdout
    log = import_log(into)
    assert list(log["file"]) == [SHOWN]
    if store == "folder":
        assert log["version"].iloc[-1] == versions.served_name(tmp_path / "data")
    else:
        assert served_version(into) == "sql:1"  # the log's one row is what is served
