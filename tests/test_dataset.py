"""Loading the dataset from Parquet or SQL, and the row-level report of a broken dataset."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators import schema as s
from indicators.dataset import (
    load_dataset,
    load_raw,
    read_parquet_tables,
    write_parquet_folder,
    write_sql,
)
from indicators.layers import DEMO_DIR
from indicators.settings import BUNDLED_DATA
from indicators.summary import unit_summary
from indicators.validation import DatasetInvalid

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def raw() -> dict[str, pd.DataFrame]:
    """The bundled tables with the demo layer's catalogues and dossier counts (the published
    layer has none), so that every table has rows to break."""
    tables = load_raw(BUNDLED_DATA)[1]
    layer = read_parquet_tables(BUNDLED_DATA / DEMO_DIR)
    sources = pd.concat([tables["sources"], layer["sources"]], ignore_index=True)
    return {**tables, "procedures": layer["procedures"], "dossier_stats": layer["dossier_stats"],
            "sources": sources}  # fmt: skip


def broken_copy(raw: dict, tmp_path: Path, table: str, change) -> Path:
    tables = {name: frame.copy() for name, frame in raw.items()}
    tables[table] = change(tables[table])
    for name, frame in tables.items():
        frame.to_parquet(tmp_path / f"{name}.parquet", index=False)
    return tmp_path


def failures_of(folder: Path):
    with pytest.raises(DatasetInvalid) as info:
        load_dataset(folder)
    return info.value.failures


def test_bundled_dataset_loads_with_schema_types():
    data = load_dataset()
    assert len(data.units[data.units[s.LEVEL] == "district"]) == 30
    assert data.units[s.CODE].dtype == "string"
    assert data.par_scores[s.SCORE].dtype == "Float64"
    assert data.procedures[s.ONE_STOP].dtype == "boolean"


def test_2025_structure(raw):
    data = load_dataset()
    units, succ = data.units, data.unit_successions
    after = units[(units[s.VALID_FROM] == "2025-07-01")]
    hanoi_new = after[(after[s.LEVEL] == "commune") & (after[s.PARENT_CODE] == "01")]
    assert len(hanoi_new) == 126
    assert (hanoi_new[s.KIND] == "phường").sum() == 51 and (hanoi_new[s.KIND] == "xã").sum() == 75
    provinces_2026 = units[(units[s.LEVEL] == "province") & units[s.VALID_TO].isna()]
    assert len(provinces_2026) == 34
    provinces_2024 = units[(units[s.LEVEL] == "province") & (units[s.VALID_FROM] < "2025-07-01")]
    assert len(provinces_2024) == 63
    # Nam Từ Liêm (019) hands over to several new wards, each a part of it
    ntl = succ[succ[s.OLD_CODE] == "019"]
    assert len(ntl) > 1 and set(ntl[s.RELATION]) == {"part"}


def test_wrong_type_is_reported_with_table_row_column_value(raw, tmp_path):
    def change(df):
        df[s.SCORE] = df[s.SCORE].astype("string")  # as a spreadsheet export would give
        df.loc[4, s.SCORE] = "chín mươi"
        return df

    failures = failures_of(broken_copy(raw, tmp_path, "par_scores", change))
    f = next(f for f in failures if f.rule == "type")
    assert (f.table, f.row, f.column, f.value) == ("par_scores", 5, s.SCORE, "chín mươi")
    assert "không phải" in f.line() and "not a valid" in f.line()


def test_duplicate_key_is_reported(raw, tmp_path):
    def change(df):
        return pd.concat([df, df.iloc[[0]]], ignore_index=True)

    failures = failures_of(broken_copy(raw, tmp_path, "par_scores", change))
    f = next(f for f in failures if f.rule == "duplicate_key")
    assert f.row == len(raw["par_scores"]) + 1
    assert "trùng khóa" in f.vi and "duplicate key" in f.en


def test_out_of_range_values_are_all_reported(raw, tmp_path):
    def change(df):
        df.loc[0, s.SCORE] = 120.0  # above its maximum of 100
        df.loc[1, s.RANK_PUBLISHED] = -3
        return df

    rules = {(f.rule, f.row) for f in failures_of(broken_copy(raw, tmp_path, "par_scores", change))}
    assert ("score_le_max", 1) in rules and ("minimum", 2) in rules


def test_dossier_rules(raw, tmp_path):
    def change(df):
        df.loc[0, s.LATE] = int(df.loc[0, s.RECEIVED]) + 1  # on time + late > received
        df.loc[1, s.EARLY] = int(df.loc[1, s.ON_TIME]) + 1
        return df

    rules = {f.rule for f in failures_of(broken_copy(raw, tmp_path, "dossier_stats", change))}
    assert {"resolved_le_received", "early_le_on_time"} <= rules


def test_level_of_the_wrong_era_is_refused(raw, tmp_path):
    def change(df):
        row = df.index[df[s.YEAR] == 2024][0]
        df.loc[row, s.ONLINE_LEVEL] = "3"  # levels 1-4 ended with Decree 42/2022
        return df

    failures = failures_of(broken_copy(raw, tmp_path, "procedures", change))
    assert any(f.rule == "level_era" and "42/2022" in f.vi for f in failures)


def test_missing_column_and_unknown_unit(raw, tmp_path):
    failures = failures_of(broken_copy(raw, tmp_path, "sources", lambda d: d.drop(columns="title")))
    assert any(f.rule == "missing_column" and f.column == "title" for f in failures)
    shutil.rmtree(tmp_path)
    tmp_path.mkdir()

    def change(df):
        df.loc[0, s.UNIT_CODE] = "999"
        return df

    failures = failures_of(broken_copy(raw, tmp_path, "par_scores", change))
    assert any(f.rule == "unknown_unit" and f.value == "999" for f in failures)


def test_cli_check_prints_the_report_not_a_traceback(raw, tmp_path):
    def change(df):
        df.loc[2, s.SCORE] = 101.5
        return df

    folder = broken_copy(raw, tmp_path, "par_scores", change)
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "check", "--source", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "par_scores, dòng/row 3, cột/column score = 101.5" in result.stderr
    assert "Traceback" not in result.stderr


def test_writing_an_invalid_dataset_leaves_the_folder_untouched(raw, tmp_path):
    write_parquet_folder(raw, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    bad = {**raw, "par_scores": raw["par_scores"].assign(score=500.0)}
    with pytest.raises(DatasetInvalid):
        write_parquet_folder(bad, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_sqlite_url_gives_the_same_summary(raw, tmp_path):
    url = f"sqlite:///{tmp_path / 'par.db'}"
    write_sql(raw, url)
    write_parquet_folder(raw, tmp_path / "folder")
    from_sql = unit_summary(load_dataset(url), "019", 2019)
    assert from_sql == unit_summary(load_dataset(tmp_path / "folder"), "019", 2019)


@pytest.mark.postgres
def test_postgresql_url_gives_the_same_summary(raw, postgres_url, tmp_path):
    write_sql(raw, postgres_url)
    write_parquet_folder(raw, tmp_path)
    data, folder = load_dataset(postgres_url), load_dataset(tmp_path)
    assert data.units[s.NAME_VI].str.contains("Nam Từ Liêm").any()
    for year in (2018, 2019, 2023):
        assert unit_summary(data, "019", year) == unit_summary(folder, "019", year)


def test_build_is_reproducible_and_matches_the_bundled_files(tmp_path):
    """`python -m indicators build` from data/published gives exactly the shipped Parquet:
    the published layer in data/ and the demo layer in data/demo/."""
    from indicators.build.run import build

    built, layer = build(BUNDLED_DATA)
    shipped = load_dataset(records=False)
    shipped_layer = read_parquet_tables(BUNDLED_DATA / DEMO_DIR)
    for name, frame in [*built.items(), *((f"demo/{n}", f) for n, f in layer.items())]:
        table = s.TABLES[name.removeprefix("demo/")]
        typed = frame.astype({c.name: s.PANDAS_DTYPE[c.kind] for c in table.columns})
        if name.startswith("demo/"):
            expected = shipped_layer[name.removeprefix("demo/")].astype(typed.dtypes.to_dict())
        else:
            expected = shipped.table(name)
        pd.testing.assert_frame_equal(
            typed.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False,
        )  # fmt: skip
    assert not built["par_scores"][s.DEMO].any() and built["procedures"].empty
    assert layer["par_scores"][s.DEMO].all() and set(layer["par_scores"][s.SOURCE_ID]) == {"demo"}
