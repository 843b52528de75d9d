from __future__ import annotations

import pandas as pd
import pytest
from support.frames import frame, units

from indicators import schema as s
from indicators.rankings import (
    BY_PUBLISHED,
    BY_SCORES,
    RANK,
    RANK_CHANGE,
    RANK_TABLE_COLUMNS,
    RANKED_BY,
    SCORE_CHANGE,
    UNITS_RANKED,
    UNITS_SHOWN,
    YEARS,
    YEARS_IN_TOP,
    RankingError,
    best_and_average,
    competition_rank,
    rank_disagreements,
    rank_history,
    rank_table,
    years_in_top,
)

DD, HK, NTL, CG, PX = "006", "002", "019", "005", "278"
NAMES = {
    DD: "Quận Đống Đa",
    HK: "Quận Hoàn Kiếm",
    NTL: "Quận Nam Từ Liêm",
    CG: "Quận Cầu Giấy",
    PX: "Huyện Phú Xuyên",
}


def _units() -> pd.DataFrame:
    rows = [{s.CODE: c, s.NAME_VI: n} for c, n in NAMES.items()]
    return units(rows, level="district", valid_from="2008-08-01", valid_to="2025-06-30")


def _scores() -> pd.DataFrame:
    rows = [
        # 2018, published in part: DD 1st (95.24), HK 3rd (score not printed), PX "the
        # lowest" (87.16, no rank number): ranks as published, out of the 5 units
        {s.UNIT_CODE: DD, s.YEAR: 2018, s.SCORE: 95.24, s.RANK_PUBLISHED: 1},
        {s.UNIT_CODE: HK, s.YEAR: 2018, s.RANK_PUBLISHED: 3, s.RANK_BASIS: "explicit"},
        {s.UNIT_CODE: PX, s.YEAR: 2018, s.SCORE: 87.16, s.RANK_BASIS: "stated_lowest"},
        # 2022, complete: NTL 95.0 -> 1, CG 94.0 -> 2, DD 93.0 -> 3, HK 90.0 -> 4, PX 89.0 -> 5
        {s.UNIT_CODE: NTL, s.YEAR: 2022, s.SCORE: 95.0},
        {s.UNIT_CODE: CG, s.YEAR: 2022, s.SCORE: 94.0},
        {s.UNIT_CODE: DD, s.YEAR: 2022, s.SCORE: 93.0},
        {s.UNIT_CODE: HK, s.YEAR: 2022, s.SCORE: 90.0},
        {s.UNIT_CODE: PX, s.YEAR: 2022, s.SCORE: 89.0},
        # 2023 (as published): DD 96.3 first, NTL and HK tied second at 95.7, CG 95.22 (a
        # generated score), PX last at 91.61
        {s.UNIT_CODE: DD, s.YEAR: 2023, s.SCORE: 96.3, s.RANK_PUBLISHED: 1},
        {s.UNIT_CODE: NTL, s.YEAR: 2023, s.SCORE: 95.7, s.RANK_PUBLISHED: 2},
        {s.UNIT_CODE: HK, s.YEAR: 2023, s.SCORE: 95.70000001, s.RANK_PUBLISHED: 2},
        {s.UNIT_CODE: CG, s.YEAR: 2023, s.SCORE: 95.22, s.DEMO: True, s.SOURCE_ID: "demo"},
        {s.UNIT_CODE: PX, s.YEAR: 2023, s.SCORE: 91.61},
        # another component of the same index must not be ranked with the totals
        *(
            {s.UNIT_CODE: code, s.YEAR: 2023, s.COMPONENT: "c1", s.SCORE: score}
            for code, score in ((PX, 99.0), (DD, 98.0), (NTL, 97.0), (HK, 96.0), (CG, 95.0))
        ),
    ]
    return frame("par_scores", rows, index_id=s.INDEX_HANOI)


def test_competition_rank_ties_share_and_skip() -> None:
    scores = pd.Series([95.0, 90.0, 90.0, 80.0, None], dtype="Float64")
    ranks = competition_rank(scores)
    # 95 first; two 90s share 2nd; 80 is 4th (3rd is skipped); no score -> no rank
    assert ranks.tolist()[:4] == [1, 2, 2, 4]
    assert pd.isna(ranks.iloc[4])
    assert ranks.dtype == "Int64"


def test_competition_rank_rounds_to_two_decimals() -> None:
    ranks = competition_rank(pd.Series([95.7, 95.70000001, 96.3]))
    assert ranks.tolist() == [2, 2, 1]


def test_rank_table_2023() -> None:
    scores, unit_table = _scores(), _units()
    scores_before, units_before = scores.copy(), unit_table.copy()

    t = rank_table(scores, unit_table, s.INDEX_HANOI, 2023)

    assert list(t.columns) == list(RANK_TABLE_COLUMNS)
    # complete: ranked from the scores; sorted by rank then name, HK before NTL by name
    assert t[s.UNIT_CODE].tolist() == [DD, HK, NTL, CG, PX]
    assert t[RANK].tolist() == [1, 2, 2, 4, 5]
    assert t[UNITS_RANKED].unique().tolist() == [5]
    assert t[RANKED_BY].unique().tolist() == [BY_SCORES]
    assert t[s.NAME_VI].tolist()[0] == "Quận Đống Đa"
    assert set(t[s.LEVEL]) == {"district"}
    assert t[s.RANK_PUBLISHED].tolist()[:3] == [1, 2, 2]
    # per-row provenance: CG is a demo row
    assert t.set_index(s.UNIT_CODE).loc[CG, s.DEMO]
    assert t.set_index(s.UNIT_CODE).loc[CG, s.SOURCE_ID] == "demo"

    pd.testing.assert_frame_equal(scores, scores_before)
    pd.testing.assert_frame_equal(unit_table, units_before)


def test_a_year_published_in_part_keeps_the_published_ranks_among_all_units() -> None:
    """Three of five units published: ranking them among themselves would put HK 2nd."""
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2018).set_index(s.UNIT_CODE)
    assert list(t.index) == [DD, HK, PX]
    assert t[RANK].tolist() == [1, 3, 5]  # PX: "the lowest" is last of the 5
    assert t[UNITS_RANKED].unique().tolist() == [5]  # "thứ 3/5", not "3/3"
    assert t[UNITS_SHOWN].unique().tolist() == [3]
    assert t[RANKED_BY].unique().tolist() == [BY_PUBLISHED]
    assert pd.isna(t.loc[HK, s.SCORE])  # the score nobody printed stays NA, never 0


def test_rank_change_sign_and_score_change() -> None:
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2023).set_index(s.UNIT_CODE)
    # rank_change = previous rank - this rank (positive = moved up)
    assert t.loc[DD, RANK_CHANGE] == 2  # 3rd in 2022 -> 1st: 3 - 1 = +2
    assert t.loc[NTL, RANK_CHANGE] == -1  # 1st -> 2nd: 1 - 2 = -1
    assert t.loc[CG, RANK_CHANGE] == -2  # 2nd -> 4th: 2 - 4 = -2
    assert t.loc[HK, RANK_CHANGE] == 2  # 4th -> 2nd
    assert t.loc[PX, RANK_CHANGE] == 0
    assert t.loc[DD, SCORE_CHANGE] == pytest.approx(3.3)  # 96.3 - 93.0
    assert t.loc[CG, SCORE_CHANGE] == pytest.approx(1.22)  # 95.22 - 94.0
    assert t.loc[PX, SCORE_CHANGE] == pytest.approx(2.61)  # 91.61 - 89.0


def test_first_year_has_no_changes() -> None:
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2022)
    assert t[RANK].tolist() == [1, 2, 3, 4, 5]
    assert t[RANK_CHANGE].isna().all() and t[SCORE_CHANGE].isna().all()


def test_component_is_selected() -> None:
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2023, component="c1")
    assert t[s.UNIT_CODE].tolist() == [PX, DD, NTL, HK, CG] and t[RANK].tolist() == [1, 2, 3, 4, 5]


def test_computed_ranks_that_disagree_with_published_ones_are_named() -> None:
    scores = _scores()
    assert rank_disagreements(scores, _units()).empty
    wrong = scores.copy()
    hk = (wrong[s.UNIT_CODE] == HK) & (wrong[s.YEAR] == 2023) & (wrong[s.COMPONENT] == s.TOTAL)
    wrong.loc[hk, s.SCORE] = 95.0  # HK would be 4th, published 2nd
    found = rank_disagreements(wrong, _units())
    assert found[[s.UNIT_CODE, s.YEAR, s.RANK_PUBLISHED, RANK]].values.tolist() == [
        [HK, 2023, 2, 4]
    ]
    # an import checks the years of its file only: 2022's ranks do not depend on 2023's rows
    assert rank_disagreements(wrong, _units(), {(s.INDEX_HANOI, 2022)}).empty
    found = rank_disagreements(wrong, _units(), {(s.INDEX_HANOI, 2023)})
    assert found[s.UNIT_CODE].tolist() == [HK]


def test_year_without_rows_gives_empty_table() -> None:
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2019)
    assert t.empty and list(t.columns) == list(RANK_TABLE_COLUMNS)


def _assert_bilingual(err: RankingError) -> None:
    assert err.vi and err.en and err.vi != err.en
    assert str(err) == f"{err.vi} / {err.en}"
    assert isinstance(err, ValueError)


def test_refuses_mixed_levels() -> None:
    unit_table = pd.concat(
        [
            _units(),
            units(
                [{s.CODE: "00001", s.NAME_VI: "Phường X", s.LEVEL: "commune"}],
                valid_from="2008-08-01",
            ),
        ],
        ignore_index=True,
    )
    scores = pd.concat(
        [
            _scores(),
            frame(
                "par_scores",
                [{s.UNIT_CODE: "00001", s.SCORE: 97.0}],
                index_id=s.INDEX_HANOI,
                year=2023,
            ),
        ],
        ignore_index=True,
    )
    with pytest.raises(RankingError) as info:
        rank_table(scores, unit_table, s.INDEX_HANOI, 2023)
    _assert_bilingual(info.value)
    assert "commune" in info.value.en and "district" in info.value.en
    assert "cấp" in info.value.vi


def test_refuses_district_before_and_commune_after_july_2025() -> None:
    # the 2025 reform: a district valid until 2025-06-30, a commune valid from 2025-07-01
    unit_table = pd.concat(
        [
            units(
                [{s.CODE: "001", s.NAME_VI: "Quận Ba Đình", s.LEVEL: "district"}],
                valid_from="2008-08-01",
                valid_to="2025-06-30",
            ),
            units(
                [{s.CODE: "00004", s.NAME_VI: "Phường Ba Đình", s.LEVEL: "commune"}],
                valid_from="2025-07-01",
            ),
        ],
        ignore_index=True,
    )
    scores = frame(
        "par_scores",
        [{s.UNIT_CODE: "001", s.SCORE: 90.0}, {s.UNIT_CODE: "00004", s.SCORE: 91.0}],
        index_id=s.INDEX_HANOI,
        year=2025,
    )
    with pytest.raises(RankingError) as info:
        rank_table(scores, unit_table, s.INDEX_HANOI, 2025)
    _assert_bilingual(info.value)


def test_refuses_non_overlapping_periods_of_one_level() -> None:
    # two communes, one abolished on 2025-06-30 and one created on 2025-07-01:
    # max(valid_from) 2025-07-01 > min(valid_to) 2025-06-30
    unit_table = pd.concat(
        [
            units(
                [{s.CODE: "00001", s.NAME_VI: "Phường cũ"}],
                level="commune",
                valid_from="2008-08-01",
                valid_to="2025-06-30",
            ),
            units(
                [{s.CODE: "00002", s.NAME_VI: "Phường mới"}],
                level="commune",
                valid_from="2025-07-01",
            ),
        ],
        ignore_index=True,
    )
    scores = frame(
        "par_scores",
        [{s.UNIT_CODE: "00001", s.SCORE: 90.0}, {s.UNIT_CODE: "00002", s.SCORE: 91.0}],
        index_id=s.INDEX_HANOI,
        year=2025,
    )
    with pytest.raises(RankingError) as info:
        rank_table(scores, unit_table, s.INDEX_HANOI, 2025)
    _assert_bilingual(info.value)
    assert "overlap" in info.value.en and "2025-06-30" in info.value.en
    assert "hiệu lực" in info.value.vi


def test_refuses_unknown_unit_code() -> None:
    scores = frame(
        "par_scores", [{s.UNIT_CODE: "999", s.SCORE: 90.0}], index_id=s.INDEX_HANOI, year=2023
    )
    with pytest.raises(RankingError) as info:
        rank_table(scores, _units(), s.INDEX_HANOI, 2023)
    _assert_bilingual(info.value)
    assert "999" in info.value.en and "999" in info.value.vi


def test_refuses_unit_that_did_not_exist_that_year() -> None:
    scores = frame(
        "par_scores", [{s.UNIT_CODE: DD, s.SCORE: 90.0}], index_id=s.INDEX_HANOI, year=2026
    )  # districts ended on 2025-06-30
    with pytest.raises(RankingError):
        rank_table(scores, _units(), s.INDEX_HANOI, 2026)


def test_unit_version_valid_in_the_year_is_used() -> None:
    unit_table = units(
        [
            {s.CODE: "271", s.NAME_VI: "Huyện Sơn Tây", s.VALID_TO: "2008-12-31"},
            {s.CODE: "271", s.NAME_VI: "Thị xã Sơn Tây", s.VALID_FROM: "2009-01-01"},
        ],
        level="district",
        valid_from="2000-01-01",
    )
    scores = frame(
        "par_scores",
        [
            {s.UNIT_CODE: "271", s.YEAR: 2008, s.SCORE: 80.0},
            {s.UNIT_CODE: "271", s.YEAR: 2010, s.SCORE: 81.0},
        ],
        index_id=s.INDEX_HANOI,
    )
    assert rank_table(scores, unit_table, s.INDEX_HANOI, 2008)[s.NAME_VI].tolist() == [
        "Huyện Sơn Tây"
    ]
    assert rank_table(scores, unit_table, s.INDEX_HANOI, 2010)[s.NAME_VI].tolist() == [
        "Thị xã Sơn Tây"
    ]


def test_rank_change_na_when_previous_level_differs() -> None:
    # synthetic: the same code at another level the year before (a reclassified unit)
    unit_table = units(
        [
            {s.CODE: "001", s.NAME_VI: "A", s.LEVEL: "district", s.VALID_TO: "2024-12-31"},
            {s.CODE: "001", s.NAME_VI: "A", s.LEVEL: "commune", s.VALID_FROM: "2025-01-01"},
            {s.CODE: "002", s.NAME_VI: "B", s.LEVEL: "commune"},
        ],
        valid_from="2000-01-01",
    )
    scores = frame(
        "par_scores",
        [
            {s.UNIT_CODE: "001", s.YEAR: 2024, s.SCORE: 90.0},
            {s.UNIT_CODE: "001", s.YEAR: 2025, s.SCORE: 80.0},
            {s.UNIT_CODE: "002", s.YEAR: 2025, s.SCORE: 85.0},
        ],
        index_id=s.INDEX_HANOI,
    )
    t = rank_table(scores, unit_table, s.INDEX_HANOI, 2025).set_index(s.UNIT_CODE)
    assert t.loc["001", RANK] == 2
    assert pd.isna(t.loc["001", RANK_CHANGE])  # 1st as a district, 2nd as a commune: no change
    assert t.loc["001", SCORE_CHANGE] == pytest.approx(-10.0)  # 80 - 90


def test_rank_history_and_years_in_top() -> None:
    history = rank_history(_scores(), _units(), s.INDEX_HANOI)
    assert sorted(history[s.YEAR].unique().tolist()) == [2018, 2022, 2023]
    assert len(history) == 3 + 5 + 5  # 3 units published in 2018, 5 rows in 2022 and 2023
    only_2023 = rank_history(_scores(), _units(), s.INDEX_HANOI, years=[2023])
    assert only_2023[s.YEAR].unique().tolist() == [2023]

    history_before = history.copy()
    top = years_in_top(history, 2)
    # top 2 -- 2018: DD 1; 2022: NTL 1, CG 2; 2023: DD 1, NTL 2, HK 2
    by_code = top.set_index(s.UNIT_CODE)
    assert by_code.loc[NTL, YEARS_IN_TOP] == 2 and by_code.loc[NTL, YEARS] == [2022, 2023]
    assert by_code.loc[DD, YEARS] == [2018, 2023]
    assert by_code.loc[CG, YEARS] == [2022]
    assert by_code.loc[PX, YEARS_IN_TOP] == 0 and by_code.loc[PX, YEARS] == []
    assert top[s.UNIT_CODE].tolist()[:2] == [NTL, DD]  # most years first, then by name
    pd.testing.assert_frame_equal(history, history_before)
    with pytest.raises(ValueError):
        years_in_top(history, 0)


def test_best_and_average() -> None:
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2023)
    result = best_and_average(t)
    assert result["best"] == pytest.approx(96.3)
    # (96.3 + 95.7 + 95.70000001 + 95.22 + 91.61) / 5 = 474.53000001 / 5
    assert result["average"] == pytest.approx(94.906000002)
    assert result["units_scored"] == 5
    assert result["best_unit_codes"] == (DD,)


def test_best_and_average_without_scores_is_na() -> None:
    t = rank_table(_scores(), _units(), s.INDEX_HANOI, 2019)
    result = best_and_average(t)
    assert pd.isna(result["best"]) and pd.isna(result["average"])
    assert result["units_scored"] == 0


def test_the_history_and_a_year_of_it_are_the_years_ranked_one_by_one() -> None:
    """rank_history ranks each year once and reuses it as the next year's "year before";
    the views take a year's table from that kept history. Both must equal rank_table of the
    year on the bundled data with the demo layer (two indexes, every year, and years with no
    scores, whose table is empty)."""
    from indicators.dataset import load_dataset
    from indicators.views import year_ranking

    data = load_dataset(demo=True)
    for index_id in (s.INDEX_HANOI, s.INDEX_NATIONAL):
        history = rank_history(data.par_scores, data.units, index_id)
        years = sorted(history[s.YEAR].unique().tolist())
        assert len(years) >= 5
        if index_id == s.INDEX_NATIONAL:
            years = years[-3:]
        for year in [years[0] - 1, *years, years[-1] + 1]:
            alone = rank_table(data.par_scores, data.units, index_id, year)
            kept = history[history[s.YEAR] == year].reset_index(drop=True)
            pd.testing.assert_frame_equal(kept, alone)
            pd.testing.assert_frame_equal(year_ranking(data, index_id, year), alone)
