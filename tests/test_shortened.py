from __future__ import annotations

import pandas as pd
import pytest
from support.frames import frame

from indicators import schema as s
from indicators.provenance import SOURCE_IDS
from indicators.shortened import (
    DAYS_KNOWN,
    DAYS_SAVED,
    DAYS_SAVED_TOTAL,
    FIELDS,
    N_FIELDS,
    PROCEDURES,
    SAVED_PCT,
    SAVED_PCT_MEAN,
    SHORTENED,
    count_by_field,
    shortened_procedures,
    shortened_summary,
)

LAND, BUILD, JUSTICE = "Đất đai", "Xây dựng", "Tư pháp"


def _p(
    unit: str, code: str, field: str, legal: float | None, committed: float | None, **extra: object
) -> dict[str, object]:
    row = {s.UNIT_CODE: unit, s.PROCEDURE_CODE: code, s.FIELD: field}
    return {**row, s.LEGAL_DAYS: legal, s.COMMITTED_DAYS: committed, **extra}


def _procedures() -> pd.DataFrame:
    rows = [
        # 019: three shortened in two fields, one not shortened, one unknown
        _p("019", "p1", LAND, 30, 20),  # saves 30 - 20 = 10 = 10 / 30 = 33.33 %
        _p("019", "p2", LAND, 15, 10, demo=True),  # saves 5 = 5 / 15 = 33.33 %
        _p("019", "p3", BUILD, 20, 15),  # saves 5 = 5 / 20 = 25 %
        _p("019", "p4", JUSTICE, 10, 10),  # equal: not shortened
        _p("019", "p5", JUSTICE, None, 5),  # legal days unknown
        # 020: a catalogue with nothing shortened
        _p("020", "p1", LAND, 10, 10, source_id="src20"),
        # 021: a catalogue without any day counts
        _p("021", "p1", LAND, None, None),
    ]
    return frame("procedures", rows, year=2019, procedure_name="p")


def test_shortened_procedures() -> None:
    procedures = _procedures()
    before = procedures.copy()
    out = shortened_procedures(procedures)
    assert out[s.PROCEDURE_CODE].tolist() == ["p1", "p2", "p3"]
    assert out[DAYS_SAVED].tolist() == [10.0, 5.0, 5.0]  # 30-20, 15-10, 20-15
    # 10/30*100, 5/15*100, 5/20*100
    assert out[SAVED_PCT].tolist() == pytest.approx([100 / 3, 100 / 3, 25.0])
    assert list(out.columns) == [*procedures.columns, DAYS_SAVED, SAVED_PCT]
    pd.testing.assert_frame_equal(procedures, before)


def test_shortened_summary() -> None:
    procedures = _procedures()
    before = procedures.copy()
    out = shortened_summary(procedures).set_index(s.UNIT_CODE)

    row = out.loc["019"]
    assert row[PROCEDURES] == 5 and row[DAYS_KNOWN] == 4  # p5 has no legal days
    assert row[SHORTENED] == 3
    assert row[FIELDS] == (BUILD, LAND) and row[N_FIELDS] == 2  # sorted by code point
    assert row[DAYS_SAVED_TOTAL] == 20.0  # 10 + 5 + 5
    # (33.33 + 33.33 + 25) / 3 = 30.56
    assert row[SAVED_PCT_MEAN] == pytest.approx((100 / 3 + 100 / 3 + 25) / 3)
    assert row[s.DEMO] and row[SOURCE_IDS] == ("test",)

    # 020: the catalogue exists and nothing is shortened: a real zero
    row = out.loc["020"]
    assert row[SHORTENED] == 0 and row[DAYS_SAVED_TOTAL] == 0.0
    assert row[FIELDS] == () and row[N_FIELDS] == 0
    assert pd.isna(row[SAVED_PCT_MEAN])  # no mean of nothing
    assert not row[s.DEMO] and row[SOURCE_IDS] == ("src20",)

    # 021: no day counts at all -> unknown, not 0
    row = out.loc["021"]
    assert pd.isna(row[SHORTENED]) and pd.isna(row[DAYS_SAVED_TOTAL])

    # a unit without a catalogue simply does not appear
    assert "022" not in out.index
    assert out[SHORTENED].dtype == "Int64"
    pd.testing.assert_frame_equal(procedures, before)


def test_shortened_summary_without_any_shortened() -> None:
    procedures = _procedures()
    only_020 = procedures[procedures[s.UNIT_CODE] == "020"]
    out = shortened_summary(only_020)
    assert out[SHORTENED].tolist() == [0] and out[FIELDS].tolist() == [()]


def test_count_by_field() -> None:
    procedures = _procedures()
    before = procedures.copy()
    out = count_by_field(procedures)
    # 019: Đất đai p1, p2 -> 2; Xây dựng p3 -> 1; largest first; 020 and 021 have none
    assert out[[s.UNIT_CODE, s.FIELD, SHORTENED]].values.tolist() == [
        ["019", LAND, 2],
        ["019", BUILD, 1],
    ]
    assert out[s.DEMO].tolist() == [True, False]  # p2 is demo
    pd.testing.assert_frame_equal(procedures, before)
    assert count_by_field(procedures[procedures[s.UNIT_CODE] == "020"]).empty
