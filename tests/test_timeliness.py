from __future__ import annotations

import pandas as pd
import pytest
from support.frames import frame

from indicators import schema as s
from indicators.provenance import SOURCE_IDS
from indicators.timeliness import (
    EARLY_RATE,
    LATE_RATE,
    ON_TIME_RATE,
    ONLINE_RATE,
    RESOLVED,
    timeliness,
)

R, ON, T, E, L, P = s.RECEIVED, s.ONLINE, s.ON_TIME, s.EARLY, s.LATE, s.PENDING


def _stats() -> pd.DataFrame:
    rows = [
        # A, two months
        {s.UNIT_CODE: "A", s.MONTH: 1, R: 100, ON: 60, T: 90, E: 20, L: 5, P: 5},
        {
            s.UNIT_CODE: "A",
            s.MONTH: 2,
            R: 50,
            ON: 30,
            T: 40,
            E: 10,
            L: 10,
            P: 0,
            s.DEMO: True,
            s.SOURCE_ID: "demo",
        },
        # B: nothing received, nothing resolved: zero counts, unknown rates
        {s.UNIT_CODE: "B", s.MONTH: 1, R: 0, ON: 0, T: 0, E: 0, L: 0, P: 0},
        # C: a row with no counts at all
        {s.UNIT_CODE: "C", s.MONTH: 1},
        # D: partial months
        {s.UNIT_CODE: "D", s.MONTH: 1, R: 10, ON: 5, T: 8, L: 2},
        {s.UNIT_CODE: "D", s.MONTH: 2, R: 10, T: 10},
    ]
    return frame("dossier_stats", rows, year=2019)


def test_timeliness_sums_and_rates() -> None:
    stats = _stats()
    before = stats.copy()
    out = timeliness(stats).set_index(s.UNIT_CODE)

    a = out.loc["A"]
    # received 100 + 50, online 60 + 30, on time 90 + 40, early 20 + 10, late 5 + 10, pending 5
    assert [a[c] for c in s.COUNT_COLUMNS] == [150, 90, 130, 30, 15, 5]
    assert a[RESOLVED] == 145  # 130 + 15: early is inside on time, not added again
    assert a[ON_TIME_RATE] == pytest.approx(130 / 145 * 100)  # 89.66
    assert a[EARLY_RATE] == pytest.approx(30 / 145 * 100)  # 20.69
    assert a[LATE_RATE] == pytest.approx(15 / 145 * 100)  # 10.34
    assert a[ONLINE_RATE] == pytest.approx(60.0)  # 90 / 150 * 100
    assert a[ON_TIME_RATE] + a[LATE_RATE] == pytest.approx(100.0)
    assert a[s.DEMO] and a[SOURCE_IDS] == ("demo", "test")

    pd.testing.assert_frame_equal(stats, before)


def test_zero_denominators_give_na_rates_and_real_zero_counts() -> None:
    b = timeliness(_stats()).set_index(s.UNIT_CODE).loc["B"]
    assert b[R] == 0 and b[RESOLVED] == 0  # real zeros stay zeros
    for rate in (ON_TIME_RATE, EARLY_RATE, LATE_RATE, ONLINE_RATE):
        assert pd.isna(b[rate])  # 0 / 0 is unknown, not 0 %
    assert not b[s.DEMO]


def test_missing_counts_stay_missing() -> None:
    c = timeliness(_stats()).set_index(s.UNIT_CODE).loc["C"]
    for col in (*s.COUNT_COLUMNS, RESOLVED, ON_TIME_RATE, ONLINE_RATE):
        assert pd.isna(c[col])


def test_rates_use_rows_where_both_counts_are_known() -> None:
    d = timeliness(_stats()).set_index(s.UNIT_CODE).loc["D"]
    # sums: received 20, online 5 (month 2 unknown), on time 18, late 2 (month 2 unknown)
    assert [d[R], d[ON], d[T], d[L]] == [20, 5, 18, 2]
    assert pd.isna(d[E])  # early never reported
    # only month 1 has both on time and late: 8 / (8 + 2) * 100 = 80 (not 18 / 20 = 90)
    assert d[ON_TIME_RATE] == pytest.approx(80.0)
    # only month 1 has both online and received: 5 / 10 * 100 = 50 (not 5 / 20 = 25)
    assert d[ONLINE_RATE] == pytest.approx(50.0)
    assert pd.isna(d[EARLY_RATE])


def test_other_groupings() -> None:
    stats = _stats()
    by_month = timeliness(stats, by=[s.UNIT_CODE, s.YEAR, s.MONTH])
    assert len(by_month) == 6
    a1 = by_month[(by_month[s.UNIT_CODE] == "A") & (by_month[s.MONTH] == 1)].iloc[0]
    assert a1[ON_TIME_RATE] == pytest.approx(90 / 95 * 100)  # 90 / (90 + 5)
    assert not a1[s.DEMO]
    by_year = timeliness(stats, by=[s.YEAR])
    # all units: received 150 + 0 + 20 = 170
    assert by_year[R].tolist() == [170]
    assert by_year[s.DEMO].tolist() == [True]
