"""District service figures as published, reproduced from the bundled data.

Sources: data/published/hanoi_district_service_indicators.csv — Kinh tế & Đô thị on Bắc Từ
Liêm 2019; Lao Động on March 2025 (online application rates, on-time rates).
"""

from __future__ import annotations

import pytest

from indicators import schema as s
from indicators.dataset import load_dataset
from indicators.online import level_counts
from indicators.timeliness import ON_TIME_RATE, ONLINE_RATE, timeliness

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)


@pytest.fixture(scope="module")
def data():
    return load_dataset(demo=True)


def test_bac_tu_liem_2019_totals(data):
    d = data.dossier_stats
    row = timeliness(d[(d[s.UNIT_CODE] == "021") & (d[s.YEAR] == 2019)]).iloc[0]
    assert row[s.RECEIVED] == 104115 and row["resolved"] == 102528
    assert row[s.EARLY] == 13907 and row[s.LATE] == 641
    counts = level_counts(data.procedures, "021", 2019)
    assert counts.get("3", 0) + counts.get("4", 0) == 131


@pytest.fixture(scope="module")
def march_2025(data):
    d = data.dossier_stats
    rows = d[(d[s.YEAR] == 2025) & (d[s.MONTH] == 3)]
    return timeliness(rows).set_index(s.UNIT_CODE)


@pytest.mark.parametrize(
    ("code", "rate"),
    [("018", 12.1), ("009", 9.4), ("005", 4.8), ("006", 2.7), ("016", 8.8), ("250", 10.1)],
)
def test_march_2025_online_rates(march_2025, code, rate):
    assert round(float(march_2025.loc[code, ONLINE_RATE]), 2) == rate


def test_march_2025_ba_vi_lowest_on_time_and_19_districts_under_30pct(march_2025):
    assert len(march_2025) == 30
    assert round(float(march_2025.loc["271", ON_TIME_RATE]), 2) == 79.52
    assert march_2025[ON_TIME_RATE].idxmin() == "271"
    assert int((march_2025[ONLINE_RATE] < 30).sum()) == 19
