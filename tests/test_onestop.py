from __future__ import annotations

import pandas as pd
import pytest
from support.frames import frame

from indicators import schema as s
from indicators.onestop import (
    ONE_STOP_PROCEDURES,
    ONE_STOP_SHARE,
    ONE_STOP_UNKNOWN,
    PROCEDURES,
    one_stop_share,
)
from indicators.provenance import SOURCE_IDS


def _procedures() -> pd.DataFrame:
    rows = [
        {s.UNIT_CODE: "001", s.PROCEDURE_CODE: "a", s.ONE_STOP: True},
        {s.UNIT_CODE: "001", s.PROCEDURE_CODE: "b", s.ONE_STOP: True, s.DEMO: True},
        {s.UNIT_CODE: "001", s.PROCEDURE_CODE: "c", s.ONE_STOP: False},
        {s.UNIT_CODE: "001", s.PROCEDURE_CODE: "d"},  # one_stop unknown
        {s.UNIT_CODE: "002", s.PROCEDURE_CODE: "a"},
        {s.UNIT_CODE: "002", s.PROCEDURE_CODE: "b"},
        {s.UNIT_CODE: "003", s.PROCEDURE_CODE: "a", s.ONE_STOP: True, s.SOURCE_ID: "src"},
    ]
    return frame("procedures", rows, year=2018, procedure_name="p", field="f")


def test_one_stop_share() -> None:
    procedures = _procedures()
    before = procedures.copy()
    out = one_stop_share(procedures).set_index(s.UNIT_CODE)

    # 001: known a, b, c -> 3; True a, b -> 2; 2 / 3 * 100 = 66.67; d unknown in neither
    assert out.loc["001", PROCEDURES] == 3
    assert out.loc["001", ONE_STOP_PROCEDURES] == 2
    assert out.loc["001", ONE_STOP_UNKNOWN] == 1
    assert out.loc["001", ONE_STOP_SHARE] == pytest.approx(200 / 3)
    assert out.loc["001", s.DEMO]
    # 002: nothing known -> 0 known, share NA (not 0)
    assert out.loc["002", PROCEDURES] == 0 and pd.isna(out.loc["002", ONE_STOP_SHARE])
    assert not out.loc["002", s.DEMO]
    # 003: 1 / 1 * 100 = 100
    assert out.loc["003", ONE_STOP_SHARE] == pytest.approx(100.0)
    assert out.loc["003", SOURCE_IDS] == ("src",)
    assert out[s.YEAR].tolist() == [2018] * 3
    assert out[ONE_STOP_SHARE].dtype == "Float64"
    pd.testing.assert_frame_equal(procedures, before)
