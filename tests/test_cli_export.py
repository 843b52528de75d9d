"""`python -m indicators export` and `deck` for Nam Từ Liêm (019), 2016-2019: the files they
write read back equal to `filtered_tables(...)` / hold the computed figures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from test_export import (
    assert_same_tables,
    read_zip,
    tables_from_csv_zip,
    tables_from_parquet_zip,
    tables_from_xlsx,
)

from indicators.cli import main
from indicators.dataset import Dataset, load_dataset
from indicators.export import filtered_tables

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

ROOT = Path(__file__).resolve().parent.parent
NTL_ARGS = ["--unit", "019", "--from", "2016", "--to", "2019"]


@pytest.fixture(scope="module")
def demo() -> Dataset:
    return load_dataset(demo=True)


@pytest.fixture(scope="module")
def expected(demo: Dataset) -> dict[str, pd.DataFrame]:
    return filtered_tables(demo, "019", 2016, 2019)


def export(tmp_path: Path, fmt: str, name: str, *extra: str) -> Path:
    out = tmp_path / name
    assert main(["export", "--format", fmt, "--out", str(out), *NTL_ARGS, *extra]) == 0
    assert out.exists()
    return out


def test_export_xlsx(tmp_path, expected, capsys):
    out = export(tmp_path, "xlsx", "ntl.xlsx", "--demo")
    assert_same_tables(tables_from_xlsx(out.read_bytes(), expected, "vi"), expected)
    assert "procedures 948" in capsys.readouterr().out


def test_export_without_demo_holds_the_published_figures_only(tmp_path, capsys):
    out = export(tmp_path, "xlsx", "ntl.xlsx")
    published = filtered_tables(load_dataset(), "019", 2016, 2019)
    assert_same_tables(tables_from_xlsx(out.read_bytes(), published, "vi"), published)
    assert "par_scores 2, procedures 0, dossier_stats 0, sources 1" in capsys.readouterr().out
    assert published["par_scores"]["year"].tolist() == [2017, 2018]  # the seed article's 1st
    assert not published["par_scores"]["demo"].any()


def test_export_csv_zip_in_english(tmp_path, demo):
    expected = filtered_tables(demo, "019", 2016, 2019, "en")
    out = export(tmp_path, "csv", "ntl.zip", "--lang", "en", "--demo")
    assert_same_tables(tables_from_csv_zip(out.read_bytes(), expected, "en"), expected)
    assert "filters.csv" in read_zip(out.read_bytes())


def test_export_parquet_zip(tmp_path, expected):
    out = export(tmp_path, "parquet", "ntl.zip", "--unit", "Nam Từ Liêm", "--demo")
    assert_same_tables(tables_from_parquet_zip(out.read_bytes(), expected), expected)


def test_export_refuses_a_csv_name_and_reversed_years(tmp_path, capsys):
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "x.csv")]) == 2
    assert ".zip" in capsys.readouterr().err
    args = ["export", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx"), "--from", "2019"]
    assert main([*args, "--to", "2016"]) == 2
    assert "2019" in capsys.readouterr().err
    assert (
        main(
            ["export", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx"), "--unit", "Không Có"]
        )
        == 2
    )
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.csv").exists()


def test_deck(tmp_path, capsys):
    out = tmp_path / "ntl.pptx"
    assert main(["deck", *NTL_ARGS, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert (
        "- Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30, giữ nguyên thứ hạng so với năm 2017." in printed
    )
    prs = Presentation(str(out))
    charts = [sh.chart for slide in prs.slides for sh in slide.shapes if sh.has_chart]
    assert len(charts) >= 3
    ranks = next(c for c in charts if c.plots[0].series[0].name == "Thứ hạng (1 = cao nhất)")
    assert (
        dict(zip(ranks.plots[0].categories, ranks.plots[0].series[0].values, strict=True))["2018"]
        == 1
    )


def test_deck_needs_unit_and_years(tmp_path):
    with pytest.raises(SystemExit):
        main(["deck", "--unit", "019", "--out", str(tmp_path / "x.pptx")])


def test_commands_are_discovered_and_document_the_zip():
    for command, needle in (("export", "ZIP"), ("deck", "--unit")):
        proc = subprocess.run(
            [sys.executable, "-m", "indicators", command, "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert needle in proc.stdout
