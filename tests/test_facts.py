"""Published facts as constraints (indicators.facts): each kind on small frames worked out by
hand (a violation is found and named, a frame that meets the fact passes), and the facts read
from data/published."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from indicators import schema as s
from indicators.facts import check, load_facts
from indicators.facts import make as mk
from indicators.facts import model as m
from indicators.facts.make import Names, Source
from indicators.facts.model import Fact

NAT = s.INDEX_NATIONAL
SRC = Source("https://example.org/par-2019", "excerpt")
NAMES = {
    "01": "Thành phố Hà Nội",
    "22": "Tỉnh Quảng Ninh",
    "31": "Thành phố Hải Phòng",
    "48": "Thành phố Đà Nẵng",
}


def _units() -> pd.DataFrame:
    return pd.DataFrame(
        {
            s.CODE: list(NAMES),
            s.NAME_VI: list(NAMES.values()),
            s.NAME_ASCII: list(NAMES.values()),
            s.LEVEL: "province",
            s.KIND: "tỉnh",
            s.PARENT_CODE: None,
            s.VALID_FROM: pd.Timestamp("2000-01-01"),
            s.VALID_TO: pd.NaT,
            s.SOURCE_ID: "test",
        }
    )


UNITS = _units()
N = Names(UNITS)


def _frame(years: dict[int, dict[str, float]], demo: bool = False) -> pd.DataFrame:
    rows = [
        {
            s.INDEX_ID: NAT,
            s.UNIT_CODE: c,
            s.YEAR: y,
            s.COMPONENT: s.TOTAL,
            s.SCORE: v,
            s.MAX_SCORE: 100.0,
            s.RANK_PUBLISHED: None,
            s.RANK_BASIS: None,
            s.SOURCE_ID: "demo" if demo else "x",
            s.DEMO: demo,
            s.NOTE: None,
        }
        for y, scores in years.items()
        for c, v in scores.items()
    ]
    return pd.DataFrame(rows, columns=s.PAR_SCORES.names)


# 2019: Quảng Ninh 90, Hải Phòng and Hà Nội tied at 85, Đà Nẵng 80 -> ranks 1, 2, 2, 4; mean 85.
Y2019 = {"22": 90.0, "31": 85.0, "01": 85.0, "48": 80.0}
# 2018: Hà Nội 88, Quảng Ninh 86, Đà Nẵng 84, Hải Phòng 78 -> ranks 1, 2, 3, 4; mean 84.
Y2018 = {"01": 88.0, "22": 86.0, "48": 84.0, "31": 78.0}
BOTH = _frame({2018: Y2018, 2019: Y2019})


def _verdict(fact: Fact, frame: pd.DataFrame = BOTH) -> str:
    report = check(frame, UNITS, [fact])
    if report.violations:
        return "violated"
    return "ok" if report.checked == 1 else "not checkable"


def test_score_holds_at_its_printed_precision():
    exact = mk.score(N, NAT, "22", 2019, 90.0, 2, SRC)
    assert _verdict(exact) == "ok"
    assert _verdict(mk.score(N, NAT, "22", 2019, 90.01, 2, SRC)) == "violated"
    printed_one_decimal = mk.score(N, NAT, "22", 2019, 90.04, 1, SRC)  # "90.0" covers 89.95-90.05
    assert _verdict(printed_one_decimal) == "ok"
    assert _verdict(mk.score(N, NAT, "22", 2019, 89.9, 1, SRC)) == "violated"


def test_a_violation_names_the_fact_its_source_and_the_data():
    fact = mk.score(N, NAT, "22", 2019, 91.5, 2, SRC)
    report = check(BOTH, UNITS, [fact])
    (violation,) = report.violations
    assert violation.fact is fact
    text = violation.message()
    assert "Tỉnh Quảng Ninh đạt 91,50 điểm năm 2019" in text  # Vietnamese first
    assert text.index("Vi phạm") < text.index("Violation")
    assert "90,00" in text and "90.00" in text and SRC.url in text


def test_rank_uses_competition_ranking_and_needs_the_whole_table():
    assert _verdict(mk.rank(N, NAT, "22", 2019, 1, SRC)) == "ok"
    assert _verdict(mk.rank(N, NAT, "31", 2019, 2, SRC)) == "ok"  # tied 2nd with Hà Nội
    assert _verdict(mk.rank(N, NAT, "01", 2019, 2, SRC)) == "ok"
    assert _verdict(mk.rank(N, NAT, "48", 2019, 3, SRC)) == "violated"  # "1, 2, 2, 4"
    partial = _frame({2019: {"22": 90.0, "31": 85.0, "01": 85.0}})  # Đà Nẵng has no score
    assert _verdict(mk.rank(N, NAT, "22", 2019, 1, SRC), partial) == "not checkable"


def test_last_means_the_lowest_score_alone():
    assert _verdict(mk.last(N, NAT, "48", 2019, SRC)) == "ok"
    assert _verdict(mk.last(N, NAT, "31", 2018, SRC)) == "ok"
    tied = _frame({2019: {"22": 90.0, "31": 85.0, "01": 80.0, "48": 80.0}})
    assert _verdict(mk.last(N, NAT, "48", 2019, SRC), tied) == "violated"


def test_rank_set_for_runners_up_and_bottom_groups():
    runners = mk.rank_set(N, NAT, ("31", "01"), 2019, (2, 3), SRC, "xếp sau", "were runners-up")
    assert _verdict(runners) == "ok"
    bottom = mk.rank_set(N, NAT, ("22", "48"), 2018, (3, 4), SRC, "cuối", "bottom")
    assert _verdict(bottom) == "violated"  # Quảng Ninh is 2nd in 2018


def test_rank_change_and_score_change():
    # Quảng Ninh 2nd (2018) -> 1st (2019): up one place; 86 -> 90: +4.00
    assert _verdict(mk.rank_change(N, NAT, "22", 2018, 2019, 1, 1, SRC)) == "ok"
    assert _verdict(mk.rank_change(N, NAT, "22", 2018, 2019, 2, 2, SRC)) == "violated"
    tol = m.half_unit(2)
    assert _verdict(mk.score_change(N, NAT, "22", 2018, 2019, 4 - tol, 4 + tol, SRC, 4.0)) == "ok"
    fell = mk.score_change(N, NAT, "22", 2018, 2019, -math.inf, -tol, SRC)
    assert _verdict(fell) == "violated"


def test_ratio_and_score_against_the_average():
    # 90 / 80 = 1.125: "1.13" (two decimals) holds, "1.11" does not; 85 / 80 = 1.0625: "1.1" holds
    assert _verdict(mk.ratio(N, NAT, "22", "48", 2019, 1.13, 2, SRC)) == "ok"
    assert _verdict(mk.ratio(N, NAT, "22", "48", 2019, 1.11, 2, SRC)) == "violated"
    assert _verdict(mk.ratio(N, NAT, "31", "48", 2019, 1.1, 1, SRC)) == "ok"
    # Quảng Ninh 90 against the mean 85: 5.00 above
    assert _verdict(mk.score_vs_average(N, NAT, "22", 2019, 5.0, SRC)) == "ok"
    assert _verdict(mk.score_vs_average(N, NAT, "22", 2019, 5.2, SRC)) == "violated"


def test_average_at_printed_precision_and_for_a_region():
    # "85%" printed without decimals holds for any mean in [84.5, 85.5]; 2019's mean is 85.00
    assert _verdict(mk.average(NAT, 2019, 84.5, 85.5, SRC, printed=(85, 0))) == "ok"
    assert _verdict(mk.average(NAT, 2019, 85.495, 85.505, SRC, printed=(85.5, 2))) == "violated"
    # Đồng bằng sông Hồng here: Hà Nội, Quảng Ninh, Hải Phòng = (85 + 90 + 85) / 3 = 86.667
    red = "Đồng bằng sông Hồng"
    assert _verdict(mk.average(NAT, 2019, 86.665, 86.675, SRC, red, (86.67, 2))) == "ok"
    assert _verdict(mk.average(NAT, 2019, 86.615, 86.625, SRC, red, (86.62, 2))) == "violated"


def test_average_change_count_band_and_count_above_average():
    # means 84.00 (2018) -> 85.00 (2019): +1.00
    assert _verdict(mk.average_change(NAT, 2018, 2019, 1.0, 2, SRC)) == "ok"
    assert _verdict(mk.average_change(NAT, 2018, 2019, 1.5, 2, SRC)) == "violated"
    # three units scored 85 or more in 2019 (90, 85, 85), one below 85
    assert _verdict(mk.count_band(NAT, 2019, 85.0, math.inf, 3, SRC)) == "ok"
    assert _verdict(mk.count_band(NAT, 2019, 0.0, 85.0, 1, SRC)) == "ok"
    assert _verdict(mk.count_band(NAT, 2019, 85.0, math.inf, 2, SRC)) == "violated"
    # above the mean 85: only Quảng Ninh (the two at 85.00 are not above it)
    assert _verdict(mk.count_above_average(NAT, 2019, 1, SRC)) == "ok"
    assert _verdict(mk.count_above_average(NAT, 2019, 3, SRC)) == "violated"


def test_counts_of_units_that_rose_fell_or_changed_rank():
    # 2018 -> 2019: Quảng Ninh +4, Hải Phòng +7 rose; Hà Nội -3, Đà Nẵng -4 fell
    assert _verdict(mk.count_change(NAT, 2018, 2019, 1, 2, SRC)) == "ok"
    assert _verdict(mk.count_change(NAT, 2018, 2019, -1, 3, SRC)) == "violated"
    # ranks 2018 -> 2019: QN 2->1, HP 4->2 up; HN 1->2, ĐN 3->4 down
    assert _verdict(mk.count_change(NAT, 2018, 2019, 1, 2, SRC, ranks=True)) == "ok"
    assert _verdict(mk.count_change(NAT, 2018, 2019, -1, 1, SRC, ranks=True)) == "violated"


def test_largest_and_smallest_changes():
    ext = mk.change_extreme
    assert _verdict(ext(N, NAT, 2018, 2019, "max_rise", 7.0, SRC, "31")) == "ok"
    assert _verdict(ext(N, NAT, 2018, 2019, "max_rise", 7.0, SRC, "22")) == "violated"
    assert _verdict(ext(N, NAT, 2018, 2019, "min_rise", 4.0, SRC)) == "ok"
    assert _verdict(ext(N, NAT, 2018, 2019, "max_fall", 4.0, SRC)) == "ok"
    assert _verdict(ext(N, NAT, 2018, 2019, "min_fall", 2.94, SRC)) == "violated"  # it is 3.00
    assert _verdict(ext(N, NAT, 2018, 2019, "max_fall", None, SRC, "48")) == "ok"  # unnamed size


def test_gap_region_rank_and_bottom_regions():
    assert _verdict(mk.gap(NAT, 2019, 10.0, 2, SRC)) == "ok"
    assert _verdict(mk.gap(NAT, 2019, 9.5, 2, SRC)) == "violated"
    # regions of the four: Red River Delta 86.67 (HN, QN, HP), North Central 80 (ĐN)
    assert _verdict(mk.region_rank(NAT, 2019, "Đồng bằng sông Hồng", 1, SRC)) == "ok"
    assert _verdict(mk.region_rank(NAT, 2019, "Bắc Trung Bộ và duyên hải miền Trung", 1, SRC)) == (
        "violated"
    )
    central = ("Bắc Trung Bộ và duyên hải miền Trung",)
    assert _verdict(mk.bottom_in_regions(NAT, 2019, central, 1, SRC)) == "ok"
    assert _verdict(mk.bottom_in_regions(NAT, 2018, central, 1, SRC)) == "violated"  # HP is last


def test_alternatives_need_one_option_to_hold():
    first = mk.rank(N, NAT, "48", 2019, 3, SRC)  # false: Đà Nẵng is 4th
    second = mk.rank(N, NAT, "48", 2019, 4, SRC)  # true
    either = mk.alternatives(((first,), (second,)), "Mâu thuẫn", "Conflict")
    assert _verdict(either) == "ok"
    neither = mk.alternatives(((first,), (mk.rank(N, NAT, "48", 2019, 2, SRC),)), "M", "C")
    report = check(BOTH, UNITS, [neither])
    assert len(report.violations) == 1
    assert " HOẶC " in report.violations[0].found_vi and " OR " in report.violations[0].found_en


def _plausible(kind: str, values: tuple, scope: str = "", exempt: tuple = ()) -> Fact:
    return Fact(
        kind,
        NAT,
        (2018, 2019),
        units=exempt,
        values=values,
        scope=scope,
        source_url=SRC.url,
        vi="hợp lý",
        en="plausible",
    )


def test_plausible_rank_moves_exempt_published_pairs():
    # Hải Phòng moves 2 places (4th -> 2nd); everyone else 1
    generated = _frame({2018: Y2018, 2019: Y2019}, demo=True)
    assert _verdict(_plausible(m.PLAUSIBLE_RANK_MOVE, (2,)), generated) == "ok"
    assert _verdict(_plausible(m.PLAUSIBLE_RANK_MOVE, (1,)), generated) == "violated"
    exempt = _plausible(m.PLAUSIBLE_RANK_MOVE, (1,), exempt=("31",))
    assert _verdict(exempt, generated) == "ok"


def test_plausible_score_changes_only_judge_generated_rows():
    generated = _frame({2018: Y2018, 2019: Y2019}, demo=True)
    # changes +4, +7, -3, -4: the absolute rule "at most +6.39 / -2.94" fails on +7 and the falls
    assert (
        _verdict(_plausible(m.PLAUSIBLE_SCORE_CHANGE, (-4.0, 7.0), "absolute"), generated) == "ok"
    )
    strict = _plausible(m.PLAUSIBLE_SCORE_CHANGE, (-2.94, 6.39), "absolute")
    assert _verdict(strict, generated) == "violated"
    assert _verdict(strict, BOTH) == "ok"  # published rows are facts, not generated
    # relative: mean change +1, gap 10 both years; largest distance from +1 is 6 (Hải Phòng +7)
    assert _verdict(_plausible(m.PLAUSIBLE_SCORE_CHANGE, (6.0,), "relative"), generated) == "ok"
    tight = _plausible(m.PLAUSIBLE_SCORE_CHANGE, (5.0,), "relative")
    assert _verdict(tight, generated) == "violated"


# --- the facts of data/published --------------------------------------------------------------
PUB = Path("data/published")


@pytest.fixture(scope="module")
def real():
    from indicators.build.published import published_par_scores
    from indicators.build.units_table import build_units

    units, _ = build_units(PUB, Path("data/geo"))
    return units, load_facts(PUB, units), published_par_scores(PUB, units)


def _find(facts: list[Fact], kind: str, **where) -> list[Fact]:
    return [
        f for f in facts if f.kind == kind and all(getattr(f, k) == v for k, v in where.items())
    ]


def test_published_ranks_read_with_bilingual_descriptions(real):
    _, facts, _ = real
    (fact,) = _find(facts, m.RANK, index_id=s.INDEX_HANOI, years=(2019,), units=("005",))
    assert fact.vi == "Quận Cầu Giấy thứ 1 năm 2019 (Chỉ số CCHC Hà Nội)"
    assert fact.en == "Quận Cầu Giấy ranked 1st in 2019 (Hanoi's PAR index)"
    assert fact.source_url.startswith("https://") and "95,61%" in fact.excerpt
    assert len(facts) >= 300


def test_printed_precision_is_read_from_the_excerpt(real):
    _, facts, _ = real
    (hanoi_2023,) = _find(facts, m.AVERAGE, index_id=s.INDEX_HANOI, years=(2023,))
    assert hanoi_2023.values == pytest.approx((93.5, 94.5), abs=1e-6)  # "94%"
    (north_2022,) = _find(facts, m.AVERAGE, years=(2022,), scope="Trung du và miền núi phía Bắc")
    assert north_2022.values == pytest.approx((84.5, 85.5), abs=1e-6)  # "(85%)"
    (group,) = _find(facts, m.ALTERNATIVES, years=(2024,))
    north_2024 = [f for f in group.options[0] if f.scope == "Trung du và miền núi phía Bắc"]
    assert north_2024[0].values == pytest.approx((88.195, 88.205), abs=1e-6)  # "88.20%"


def test_groups_without_ranks_take_their_places(real):
    _, facts, _ = real
    (runners,) = _find(facts, m.RANK_SET, years=(2014,))
    assert set(runners.units) == {"31", "01"} and runners.values == (2.0, 3.0)
    (bottom_2016,) = _find(facts, m.RANK_SET, years=(2016,))
    assert set(bottom_2016.units) == {"04", "84"} and bottom_2016.values == (61.0, 62.0)


def test_conflicts_become_alternatives(real):
    _, facts, _ = real
    alts = _find(facts, m.ALTERNATIVES)
    son_la = [a for a in alts if a.years == (2023, 2024)]
    ranks = {f.values[0] for o in son_la[0].options for f in o if f.kind == m.RANK}
    assert ranks == {12.0, 13.0}
    third_2015 = [a for a in alts if a.years == (2015, 2016)][0]
    assert {o[0].units[0] for o in third_2015.options} == {"75", "79"}  # Đồng Nai / HCMC
    count_2018 = [a for a in alts if a.years == (2018,)][0]
    assert {o[0].values[2] for o in count_2018.options} == {9, 29}
    (regions_2024,) = [a for a in alts if a.years == (2024,)]
    assert len(regions_2024.options) == 7 and all(len(o) == 6 for o in regions_2024.options)
    assert all(f.scope != "Bắc Trung Bộ và duyên hải miền Trung" for f in regions_2024.options[0])


def test_plausibility_rules_come_from_the_published_moves(real):
    _, facts, _ = real
    moves = {f.index_id: f.values[0] for f in facts if f.kind == m.PLAUSIBLE_RANK_MOVE}
    assert moves == {s.INDEX_NATIONAL: 31, s.INDEX_HANOI: 11}  # Lạng Sơn 23 -> 54, Long Biên
    (rule_2024,) = _find(facts, m.PLAUSIBLE_SCORE_CHANGE, index_id=NAT, years=(2023, 2024))
    assert rule_2024.scope == "absolute" and rule_2024.values == (-2.94, 6.39)
    (rule_2020,) = _find(facts, m.PLAUSIBLE_SCORE_CHANGE, index_id=NAT, years=(2019, 2020))
    assert rule_2020.scope == "relative" and rule_2020.values == (5.0,)


def test_the_published_layer_alone_contradicts_nothing(real):
    units, facts, published = real
    report = check(published, units, facts)
    assert report.ok
    assert report.checked >= 80  # the published scores and what needs only them
    assert len(report.not_checkable) >= 200  # ranks, averages, counts need every unit
