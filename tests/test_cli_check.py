"""`python -m indicators check`: the bundled data, with and without the generated layer, meets
every published fact; a table that contradicts one fails, naming the fact and its source."""

from __future__ import annotations

import subprocess

import pandas as pd
from support.cli import run

from indicators import schema as s
from indicators.dataset import load_raw, write_parquet_folder
from indicators.settings import BUNDLED_DATA

VIETNAMPLUS_2023 = (
    "https://en.vietnamplus.vn/hanoi-announces-public-administration-reform-index-2023/279752.vnp"
)


def check(*args: str) -> subprocess.CompletedProcess:
    return run("check", *args)


def test_published_layer_contradicts_nothing_and_says_what_it_cannot_check():
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 vi phạm" in result.stdout and "0 violated" in result.stdout
    # a rank among 30 needs all 30 scores: most facts wait for the generated layer
    assert "chưa kiểm tra được" in result.stdout


def test_generated_layer_meets_every_published_fact():
    result = check("--demo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 vi phạm" in result.stdout
    assert "0 not checkable" in result.stdout  # every fact is checkable with the whole table


def test_a_score_that_contradicts_a_published_one_fails_with_its_source(tmp_path):
    """Đống Đa's 2023 score was published as 96.3 (VietnamPlus, 2023); 97.3 contradicts it."""
    tables = load_raw(BUNDLED_DATA)[1]
    par = tables["par_scores"].copy()
    row = (par[s.INDEX_ID] == s.INDEX_HANOI) & (par[s.YEAR] == 2023) & (par[s.UNIT_CODE] == "006")
    assert par.loc[row, s.SCORE].tolist() == [96.3]
    par.loc[row, s.SCORE] = 97.3
    write_parquet_folder({**tables, "par_scores": par}, tmp_path)
    result = check("--source", str(tmp_path))
    assert result.returncode == 1
    assert "Vi phạm:" in result.stdout and "Violation:" in result.stdout
    assert "Đống Đa" in result.stdout and "97,30" in result.stdout
    assert VIETNAMPLUS_2023 in result.stdout
    assert "Traceback" not in result.stderr
    pd.testing.assert_frame_equal(  # the bundled data is untouched
        load_raw(BUNDLED_DATA)[1]["par_scores"], tables["par_scores"]
    )
