from __future__ import annotations

import pandas as pd
from support.frames import frame

from indicators import schema as s
from indicators.provenance import (
    SOURCE_IDS,
    group_sums,
    merge_provenance,
    paired_sums,
    percent,
    provenance,
)


def _procedures() -> pd.DataFrame:
    rows = [
        {"unit_code": "001", "procedure_code": "a", "source_id": "src_b"},
        {"unit_code": "001", "procedure_code": "b", "source_id": "src_a"},
        {"unit_code": "001", "procedure_code": "c", "source_id": "src_b", "demo": True},
        {"unit_code": "002", "procedure_code": "a", "source_id": "src_c"},
    ]
    return frame("procedures", rows, year=2019, procedure_name="p", field="f")


def test_provenance_per_group_sorted_distinct_and_demo_if_any() -> None:
    df = _procedures()
    before = df.copy()
    out = provenance(df, [s.UNIT_CODE, s.YEAR])
    assert out[s.UNIT_CODE].tolist() == ["001", "002"]
    # 001: sources b, a, b -> distinct sorted (a, b); one demo row -> True
    assert out[SOURCE_IDS].tolist() == [("src_a", "src_b"), ("src_c",)]
    assert out[s.DEMO].tolist() == [True, False]
    assert out[s.DEMO].dtype == "boolean"
    pd.testing.assert_frame_equal(df, before)


def test_provenance_whole_frame_when_by_is_empty() -> None:
    out = provenance(_procedures(), [])
    assert out[SOURCE_IDS].tolist() == [("src_a", "src_b", "src_c")]
    assert out[s.DEMO].tolist() == [True]


def test_merge_provenance_attaches_and_leaves_missing_groups_na() -> None:
    df = _procedures()
    result = pd.DataFrame(
        {s.UNIT_CODE: pd.Series(["002", "001", "003"], dtype="string"), "x": [1, 2, 3]}
    )
    before = result.copy()
    out = merge_provenance(result, df, [s.UNIT_CODE])
    assert out["x"].tolist() == [1, 2, 3]  # order of `result` kept
    assert out[SOURCE_IDS].tolist()[:2] == [("src_c",), ("src_a", "src_b")]
    assert out[s.DEMO].tolist()[:2] == [False, True]
    # 003 has no row in df: no provenance, not an invented one
    assert pd.isna(out[s.DEMO].iloc[2]) and pd.isna(out[SOURCE_IDS].iloc[2])
    pd.testing.assert_frame_equal(result, before)


def test_percent_zero_or_missing_denominator_is_na() -> None:
    num = pd.Series([1, 0, 3, pd.NA], dtype="Int64")
    den = pd.Series([4, 0, pd.NA, 2], dtype="Int64")
    out = percent(num, den)
    assert out.iloc[0] == 25.0  # 1 / 4 * 100
    assert out.iloc[1:].isna().all()  # 0/0, 3/NA and NA/2 are all unknown, never 0


def test_group_sums_all_na_group_stays_na() -> None:
    df = pd.DataFrame(
        {
            "k": pd.Series(["a", "a", "b"], dtype="string"),
            "v": pd.Series([1, pd.NA, pd.NA], dtype="Int64"),
        }
    )
    out = group_sums(df, ["k"], ["v"])
    assert out["v"].iloc[0] == 1  # a: 1 + NA with min_count=1 -> 1
    assert pd.isna(out["v"].iloc[1])  # b: only NA -> NA, not 0


def test_paired_sums_use_rows_where_both_are_known() -> None:
    df = pd.DataFrame(
        {
            "k": pd.Series(["a", "a", "a"], dtype="string"),
            "n": pd.Series([5, 7, pd.NA], dtype="Int64"),
            "d": pd.Series([10, pd.NA, 4], dtype="Int64"),
        }
    )
    out = paired_sums(df, ["k"], "n", "d")
    # only row 0 has both: n = 5, d = 10
    assert out[["n", "d"]].iloc[0].tolist() == [5, 10]
