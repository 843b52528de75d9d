"""Templates: Vietnamese headers, one real-looking example row, a bilingual notes sheet."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from support.cli import run as run_cli

from indicators.importing.fields import IMPORT_TABLES
from indicators.importing.template import NOTES_SHEET, template_csv, template_xlsx

TABLES = list(IMPORT_TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_xlsx_template_has_headers_an_example_and_notes_for_every_column(table):
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(table)))
    data, notes = book.worksheets
    spec = IMPORT_TABLES[table]
    rows = list(data.iter_rows(values_only=True))
    assert list(rows[0]) == [f.vi for f in spec.fields]
    example = dict(zip(rows[0], rows[1], strict=True))
    unit = ("Thành phố Hà Nội", "01") if table == "targets" else ("Quận Nam Từ Liêm", "019")
    assert (example["Tên đơn vị"], example["Mã đơn vị"]) == unit  # a target's area: the city
    assert len(rows) == 2
    assert notes.title == NOTES_SHEET
    text = "\n".join(str(c) for row in notes.iter_rows(values_only=True) for c in row if c)
    for field in spec.fields:
        assert field.vi in text and field.en in text and field.help_vi in text
    assert "Unikey" not in text or "TCVN3" in text
    assert "thay thế" in text and "replaces" in text  # what an import does to stored rows


def test_online_levels_are_explained_by_era():
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx("procedures")))
    text = str([row for row in book[NOTES_SHEET].iter_rows(values_only=True)])
    assert "1, 2, 3, 4 (đến/until 2022)" in text and "toàn trình, một phần" in text
    assert "Nghị định 42/2022" in text and "Decree 42/2022" in text


@pytest.mark.parametrize("table", TABLES)
def test_csv_template_is_utf8_with_bom(table):
    data = template_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [f.vi for f in IMPORT_TABLES[table].fields] and len(rows) == 2


def test_cli_writes_templates_and_the_example_row_alone_is_refused(tmp_path):
    out = tmp_path / "mau.xlsx"
    result = run_cli("template", "--table", "par_scores", "--out", str(out))
    assert result.returncode == 0, result.stderr
    check = run_cli("validate", str(out), "--source", str(tmp_path / "nowhere"))
    assert check.returncode == 1  # no data folder there
    check = run_cli("validate", str(out))
    assert check.returncode == 1 and "dòng ví dụ" in check.stderr and "example row" in check.stderr
    assert (
        run_cli("template", "--table", "par_scores", "--out", str(tmp_path / "x.txt")).returncode
        == 2
    )
