"""Published ranks come out of the rank computation over published and demo rows together.

Sources: data/published/hanoi_district_par_index.csv (VietnamPlus 2024, VNA French edition,
Kinh tế & Đô thị 2025), seed_facts.csv (2017, 2018), vietnam_province_par_index.csv.
"""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import schema as s
from indicators.dataset import load_dataset
from indicators.rankings import RANK, rank_history, rank_table

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)


@pytest.fixture(scope="module")
def data():
    return load_dataset(demo=True)


def ranks(data, year: int, index_id: str = s.INDEX_HANOI) -> dict[str, int]:
    table = rank_table(data.par_scores, data.units, index_id, year)
    return dict(zip(table[s.NAME_VI], table[RANK], strict=True))


def test_hanoi_2023(data):
    r = ranks(data, 2023)
    assert r["Quận Đống Đa"] == 1
    assert r["Quận Nam Từ Liêm"] == 2 and r["Quận Hoàn Kiếm"] == 2  # tied at 95,7%
    assert r["Quận Cầu Giấy"] == 4  # "1, 2, 2, 4"
    assert r["Huyện Thanh Trì"] == 5
    assert r["Quận Long Biên"] == 12
    assert r["Huyện Phú Xuyên"] == 30 and len(r) == 30  # the lowest
    table = rank_table(data.par_scores, data.units, s.INDEX_HANOI, 2023)
    assert table.iloc[0][s.SCORE] == 96.3


def test_hanoi_2024_long_bien_first_and_ntl_first_2017_2018(data):
    assert ranks(data, 2024)["Quận Long Biên"] == 1
    assert ranks(data, 2017)["Quận Nam Từ Liêm"] == 1
    assert ranks(data, 2018)["Quận Nam Từ Liêm"] == 1


@pytest.mark.parametrize("index_id", [s.INDEX_HANOI, s.INDEX_NATIONAL])
def test_every_published_rank_is_reproduced(data, index_id):
    history = rank_history(data.par_scores, data.units, index_id)
    published = history[history[s.RANK_PUBLISHED].notna()]
    assert len(published) >= 9  # 9 Hanoi rows (2017, 2018, 2023, 2024), 70+ national
    mismatch = published[published[RANK] != published[s.RANK_PUBLISHED]]
    assert mismatch.empty, mismatch[[s.YEAR, s.NAME_VI, RANK, s.RANK_PUBLISHED]]


def test_published_scores_are_untouched(data):
    p = data.par_scores
    row = p[(p[s.UNIT_CODE] == "006") & (p[s.YEAR] == 2023)].iloc[0]
    assert (row[s.SCORE], row[s.DEMO]) == (96.3, False)
    row = p[(p[s.UNIT_CODE] == "280") & (p[s.YEAR] == 2023)].iloc[0]
    assert (row[s.SCORE], row[s.DEMO]) == (91.61, False)


@pytest.mark.parametrize(
    ("index_id", "year", "average", "decimals"),
    [
        (s.INDEX_HANOI, 2022, 92.75, 2),  # nld.com.vn: "kết quả trung bình năm 2022 là 92,75%"
        (s.INDEX_HANOI, 2023, 94, 0),  # VietnamPlus: "average index of localities was 94%"
        (s.INDEX_NATIONAL, 2018, 76.92, 2),
        (s.INDEX_NATIONAL, 2023, 86.98, 2),
        (s.INDEX_NATIONAL, 2024, 88.37, 2),
    ],
)
def test_published_averages_hold_with_demo_rows(data, index_id, year, average, decimals):
    """At the precision they were printed with."""
    p = data.par_scores
    scores = p[(p[s.INDEX_ID] == index_id) & (p[s.YEAR] == year)][s.SCORE]
    assert round(float(scores.mean()), decimals) == average


def test_hanoi_2023_average_rose_as_published(data):
    """VietnamPlus: 94%, "up 1.26% year-on-year" from nld.com.vn's 92,75% of 2022."""
    p = data.par_scores
    hanoi = p[p[s.INDEX_ID] == s.INDEX_HANOI]
    rise = (
        hanoi[hanoi[s.YEAR] == 2023][s.SCORE].mean() - hanoi[hanoi[s.YEAR] == 2022][s.SCORE].mean()
    )
    assert rise == pytest.approx(1.26, abs=0.01)


@pytest.mark.parametrize(
    ("year", "count", "threshold"),
    [(2018, 9, 80.0), (2019, 1, 90.0), (2023, 7, 90.0), (2024, 13, 90.0)],
)
def test_published_group_counts_hold(data, year, count, threshold):
    p = data.par_scores
    scores = p[(p[s.INDEX_ID] == s.INDEX_NATIONAL) & (p[s.YEAR] == year)][s.SCORE]
    assert int((scores >= threshold).sum()) == count


def test_demo_rows_are_marked(data):
    p = data.par_scores
    demo_source = p[p[s.SOURCE_ID] == "demo"]
    assert demo_source[s.DEMO].all()
    assert not pd.isna(p[s.SCORE]).any()


def test_a_rank_two_sources_give_to_two_units_is_shown_as_a_conflict():
    """2015: the announcement (taichinhdientu.vn, baophapluat.vn) puts Đồng Nai 3rd with 92,53%;
    viet-jo.com recalled a year later HCMC's "previous 3rd place". The recollection yields, and
    the row says why; the two Sơn La sources of 2024 (12th, 13th) leave no rank at all."""
    par = load_dataset().par_scores
    national = par[par[s.INDEX_ID] == s.INDEX_NATIONAL].set_index([s.UNIT_CODE, s.YEAR])
    hcmc, dong_nai, son_la = (
        national.loc[("79", 2015)],
        national.loc[("75", 2015)],
        national.loc[("14", 2024)],
    )
    assert pd.isna(hcmc[s.RANK_PUBLISHED]) and hcmc[s.RANK_BASIS] == "conflict"
    assert "Đồng Nai" in hcmc[s.NOTE] and "previous 3rd place" in hcmc[s.NOTE]
    assert dong_nai[s.RANK_PUBLISHED] == 3 and dong_nai[s.SCORE] == 92.53
    assert pd.isna(son_la[s.RANK_PUBLISHED]) and son_la[s.RANK_BASIS] == "conflict"
    assert "12" in son_la[s.NOTE] and "13" in son_la[s.NOTE]
