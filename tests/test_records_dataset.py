"""dataset_with_records: the dossier_stats the views use, computed from dossier records.

Hand-worked records: a full year (one dossier a month, plus one from a second source), a
partial year (four months), and unit-years the records do not cover.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from support.frames import frame

from indicators import records
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.online import SHARE, online_share_by_level
from indicators.provenance import SOURCE_IDS
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE, ONLINE_RATE, timeliness
from indicators.views import partial_years

TP, DD = "Tư pháp", "Đất đai"


COLUMNS = [
    s.DOSSIER_ID, s.UNIT_CODE, s.PROCEDURE_CODE, s.FIELD, s.CHANNEL, s.RECEIVED_DATE,
    s.DUE_DATE, s.RESOLVED_DATE, s.STATUS, s.SOURCE_ID, s.DEMO,
]  # fmt: skip
ONLINE, DESK, POST = s.CHANNEL_ONLINE, s.CHANNEL_IN_PERSON, s.CHANNEL_POST


def _month(m: int) -> tuple:
    """Unit 002, 2023: one dossier on the 1st of month m, P1, due on the 10th; resolved on the
    5th (early) in months 1-9, on the 10th (on time, not early) in month 10, on the 15th
    (late) in month 11, pending in month 12; online in the even months. Source x."""
    d = dt.date
    day = {10: 10, 11: 15, 12: None}.get(m, 5)
    resolved = None if day is None else d(2023, m, day)
    status = "pending" if day is None else "resolved"
    channel = ONLINE if m % 2 == 0 else DESK
    return (f"002-{m}", "002", "P1", TP, channel, d(2023, m, 1), d(2023, m, 10), resolved, status, "x", False)  # fmt: skip


def hand_records() -> pd.DataFrame:
    d = dt.date
    rows = [_month(m) for m in range(1, 13)]
    rows += [
        # 002 / 2023: one more, from source z (demo): January, in person, early.
        ("002-13", "002", "P1", TP, DESK, d(2023, 1, 2), d(2023, 1, 9), d(2023, 1, 3), "resolved", "z", True),
        # 001 / 2024: four dossiers, in March, July, November and December only (partial).
        ("001-1", "001", "P1", TP, ONLINE, d(2024, 3, 1), d(2024, 3, 10), d(2024, 3, 5), "resolved", "x", False),
        ("001-2", "001", "P1", TP, DESK, d(2024, 7, 2), d(2024, 7, 10), d(2024, 7, 10), "resolved", "x", False),
        ("001-3", "001", "P2", DD, POST, d(2024, 11, 3), d(2024, 11, 10), d(2024, 11, 12), "resolved", "y", True),
        ("001-4", "001", "P2", DD, ONLINE, d(2024, 12, 4), d(2024, 12, 10), None, "pending", "y", True),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def hand_dataset(source: str, demo: bool = True) -> Dataset:
    """The dataset of `source`; `demo`: its demo layer is on (generated records count)."""
    counts = dict(zip(s.COUNT_COLUMNS, (50, 10, 40, 20, 5, 5), strict=True))
    stats = frame(
        "dossier_stats",
        [
            # covered by the records: replaced
            {s.UNIT_CODE: "001", s.YEAR: 2024, s.FIELD: TP, s.PROCEDURE_CODE: "P1", **counts},
            {s.UNIT_CODE: "002", s.YEAR: 2023, s.MONTH: 5, **counts},
            # not covered: kept
            {s.UNIT_CODE: "001", s.YEAR: 2023, s.FIELD: TP, s.PROCEDURE_CODE: "P1", **counts},
        ],
        source_id="published",
    )
    procedures = frame(
        "procedures",
        [
            {s.UNIT_CODE: "002", s.PROCEDURE_CODE: "P1", s.FIELD: TP, s.ONLINE_LEVEL: "4"},
            {s.UNIT_CODE: "001", s.PROCEDURE_CODE: "P1", s.FIELD: TP, s.ONLINE_LEVEL: "3"},
        ],
        year=2023,
        procedure_name="x",
    )
    empty = {
        name: frame(name, []) for name in ("units", "unit_successions", "sources", "par_scores")
    }
    return Dataset(source=source, procedures=procedures, dossier_stats=stats, demo=demo, **empty)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("hand-records")
    records.write_dossiers(hand_records(), path)
    return path


def test_no_records_gives_the_dataset_itself(tmp_path):
    dataset = hand_dataset(str(tmp_path))
    assert records.dataset_with_records(dataset) is dataset


def test_generated_records_count_only_with_demo_data_on(folder):
    """Records 002-13, 001-3 and 001-4 are generated (demo): off, 002 / 2023 has its 12
    dossiers of source x and 001 / 2024 its two real ones (March and July)."""
    got = records.dataset_with_records(hand_dataset(str(folder), demo=False)).dossier_stats
    assert not got[s.DEMO].any()
    y2023 = got[(got[s.UNIT_CODE] == "002") & (got[s.YEAR] == 2023)]
    assert int(y2023[s.RECEIVED].sum()) == 12 and set(y2023[s.SOURCE_ID]) == {"x"}
    y2024 = got[(got[s.UNIT_CODE] == "001") & (got[s.YEAR] == 2024)]
    assert sorted(y2024[s.MONTH].tolist()) == [3, 7]


def test_records_replace_the_unit_years_they_cover(folder):
    dataset = hand_dataset(str(folder))
    got = records.dataset_with_records(dataset).dossier_stats
    assert list(got.columns) == s.DOSSIER_STATS.names
    assert got.dtypes.equals(dataset.dossier_stats.dtypes)
    rows = got[[s.UNIT_CODE, s.YEAR, s.MONTH, s.FIELD, s.PROCEDURE_CODE, *s.COUNT_COLUMNS]]
    rows = rows.astype(object).where(rows.notna(), None).values.tolist()
    # unit, year, month, field, procedure, received, online, on time, early, late, pending
    assert rows == [
        ["001", 2023, None, TP, "P1", 50, 10, 40, 20, 5, 5],  # dossier_stats, kept
        # 001 / 2024: records in 4 months only: monthly rows, one per month and procedure
        ["001", 2024, 3, TP, "P1", 1, 1, 1, 1, 0, 0],  # early
        ["001", 2024, 7, TP, "P1", 1, 0, 1, 0, 0, 0],  # on the due date
        ["001", 2024, 11, DD, "P2", 1, 0, 0, 0, 1, 0],  # late
        ["001", 2024, 12, DD, "P2", 1, 1, 0, 0, 0, 1],  # pending
        # 002 / 2023: records in all 12 months: yearly rows, one per source
        ["002", 2023, None, TP, "P1", 12, 6, 10, 9, 1, 1],
        ["002", 2023, None, TP, "P1", 1, 0, 1, 1, 0, 0],
    ]
    assert got[s.SOURCE_ID].tolist() == ["published", "x", "x", "y", "y", "x", "z"]
    assert got[s.DEMO].tolist() == [False, False, False, True, True, False, True]


def test_the_views_compute_their_rates_from_the_records(folder):
    stats = records.dataset_with_records(hand_dataset(str(folder))).dossier_stats
    rates = timeliness(stats).set_index([s.UNIT_CODE, s.YEAR])
    # 001 / 2023 (dossier_stats): 40 on time, 20 early, 5 late of 45 resolved; 10 of 50 online.
    assert rates.loc[("001", 2023), ON_TIME_RATE] == pytest.approx(4000 / 45)
    assert rates.loc[("001", 2023), ONLINE_RATE] == pytest.approx(20.0)
    # 001 / 2024: A early, B on time, C late; D pending; 2 of 4 online.
    one = rates.loc[("001", 2024)]
    assert [one[ON_TIME_RATE], one[EARLY_RATE], one[LATE_RATE]] == pytest.approx(
        [200 / 3, 100 / 3, 100 / 3]
    )
    assert one[ONLINE_RATE] == pytest.approx(50.0)
    assert one[SOURCE_IDS] == ("x", "y") and bool(one[s.DEMO])
    # 002 / 2023: 11 on time (10 early) and 1 late of 12 resolved; 6 of 13 online.
    two = rates.loc[("002", 2023)]
    assert [two[ON_TIME_RATE], two[EARLY_RATE]] == pytest.approx([1100 / 12, 1000 / 12])
    assert two[ONLINE_RATE] == pytest.approx(600 / 13)
    assert two[SOURCE_IDS] == ("x", "z") and bool(two[s.DEMO])

    shares = online_share_by_level(stats, hand_dataset(str(folder)).procedures)
    share = shares[(shares[s.UNIT_CODE] == "002") & (shares[s.ONLINE_LEVEL] == "4")]
    assert share[SHARE].tolist() == pytest.approx([600 / 13])  # P1 is at level 4 in 2023


def test_a_partial_year_is_still_reported_as_partial(folder):
    dataset = records.dataset_with_records(hand_dataset(str(folder)))
    assert partial_years(dataset, "001", (2023, 2024)) == ((2024, (3, 7, 11, 12)),)
    assert partial_years(dataset, "002", (2023, 2023)) == ()  # 12 months: a whole year


def test_sqlite_records_give_the_same_dataset(folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'records.db'}"
    assert records.copy_dossiers_to_sql(folder, url) == 17
    from_parquet = records.dataset_with_records(hand_dataset(str(folder)))
    from_sql = records.dataset_with_records(hand_dataset(url))
    pd.testing.assert_frame_equal(from_sql.dossier_stats, from_parquet.dossier_stats)
    assert from_sql.source == url  # provenance of the dataset is unchanged


def test_the_served_version_follows_the_records_of_a_folder(tmp_path) -> None:
    """Records regenerated in a served folder (e.g. by `generate`) change the version the
    dashboard keys its caches on, so the next run shows their figures, not the old ones."""
    from indicators.importing import served_version

    folder = str(tmp_path)
    empty = served_version(folder)
    records.write_dossiers(hand_records(), tmp_path)
    written = served_version(folder)
    assert served_version(folder) == written != empty  # stable while nothing changes
    fewer = hand_records().iloc[:-1]  # one dossier less, in 2024
    records.write_dossiers(fewer, tmp_path)
    assert served_version(folder) not in (empty, written)
    assert written.split("@")[0] == empty.split("@")[0] == "."  # the same served tables
