"""The demo score generator (indicators.build.demo_scores): its building blocks on small
inputs, and the whole generator on the published data, checked by indicators.facts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import schema as s
from indicators.build.demo_scores import demo_par_scores
from indicators.build.demo_scores.chain import Infeasible, chain_solve
from indicators.build.demo_scores.numeric import assign_order, latent_paths, template
from indicators.facts import check, load_facts
from indicators.rankings import competition_rank

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

# --- building blocks ----------------------------------------------------------------------------


def test_chain_solve_meets_bounds_order_ties_and_sums():
    # six positions; 1 and 2 tied; part A = positions 0, 2, 4 must sum to 270.00 exactly,
    # the whole to between 500.00 and 500.10; position 5 at most 70.00
    target = np.array([95.0, 90.0, 90.0, 85.0, 80.0, 75.0]) * 100
    lo = np.full(6, 5000)
    hi = np.array([10000, 10000, 10000, 10000, 10000, 7000])
    tie = np.array([False, False, True, False, False, False])
    parts = [(np.array([0, 2, 4]), 27000, 27000)]
    scores, perm = chain_solve(target, lo, hi, tie, parts, total=(50000, 50010))
    assert list(perm) == list(range(6))
    assert scores[1] == scores[2]
    assert all(scores[i] > scores[i + 1] for i in (0, 2, 3, 4))
    assert scores[[0, 2, 4]].sum() == 27000 and 50000 <= scores.sum() <= 50010
    assert scores[5] <= 7000


def test_chain_solve_says_when_bounds_cannot_hold():
    # the first may not exceed 91.00, the second must reach 91.00 and stay below the first
    lo, hi = np.array([8000, 9100]), np.array([9100, 9600])
    with pytest.raises(Infeasible):
        chain_solve(np.array([9050.0, 9100.0]), lo, hi, np.array([False, False]), [])


def test_template_passes_its_anchors_and_reaches_the_mean():
    curve = template(10, {0.0: 96.0, 4.0: 90.0, 9.0: 80.0}, mean=89.0)
    assert curve[0] == pytest.approx(96.0) and curve[4] == pytest.approx(90.0)
    assert curve[9] == pytest.approx(80.0)
    assert np.all(np.diff(curve) <= 0) and curve.mean() == pytest.approx(89.0, abs=0.01)


def test_assign_order_keeps_ranges_and_otherwise_follows_standing():
    z = {"a": 3.0, "b": 2.0, "c": 1.0, "d": 0.0, "e": -1.0}
    order = assign_order(list(z), z, {"e": (0, 0), "a": (3, 4)})
    assert order[0] == "e" and order.index("a") in (3, 4)
    assert order == ["e", "b", "c", "a", "d"]


def test_latent_paths_pass_near_what_was_observed():
    rng = np.random.default_rng(7)
    paths = latent_paths(np.zeros((3, 5)), {(0, 1): (2.0, 0.01), (0, 3): (-1.0, 0.01)}, rng)
    assert paths[0, 1] == pytest.approx(2.0, abs=0.05)
    assert paths[0, 3] == pytest.approx(-1.0, abs=0.05)
    assert abs(paths[0, 2] - paths[0, 1]) < 3.0  # smooth in between


# --- the generator on the published data ---------------------------------------------------------
PUB = Path("data/published")
FACTS_CHECKED = 356  # every fact of data/published (at this revision) is checkable on the whole


@pytest.fixture(scope="module")
def world():
    from indicators.build.published import published_par_scores
    from indicators.build.units_table import build_units

    units, _ = build_units(PUB, Path("data/geo"))
    published = published_par_scores(PUB, units)
    facts = load_facts(PUB, units)
    generated = demo_par_scores(published, units, facts)
    return units, published, facts, generated


def _whole(published: pd.DataFrame, generated: pd.DataFrame) -> pd.DataFrame:
    keys = [s.INDEX_ID, s.UNIT_CODE, s.YEAR]
    filled = published.merge(generated[keys + [s.SCORE]], on=keys, how="left", suffixes=("", "_g"))
    filled[s.SCORE] = filled[s.SCORE].fillna(filled.pop(f"{s.SCORE}_g"))
    rest = generated.merge(published[keys], on=keys, how="left", indicator=True)
    rest = rest[rest.pop("_merge") == "left_only"]
    return pd.concat([filled, rest], ignore_index=True)


def _ranks(table: pd.DataFrame, index_id: str) -> pd.DataFrame:
    rows = table[table[s.INDEX_ID] == index_id]
    wide = rows.pivot_table(index=s.UNIT_CODE, columns=s.YEAR, values=s.SCORE)
    return wide.apply(competition_rank, axis=0)


def test_generated_and_published_together_contradict_no_fact(world):
    units, published, facts, generated = world
    report = check(pd.concat([published, generated], ignore_index=True), units, facts)
    assert report.ok, report.text()
    assert report.checked >= FACTS_CHECKED and not report.not_checkable


def test_one_generated_row_per_key_without_a_published_score(world):
    _, published, _, generated = world
    keys = set(zip(generated[s.INDEX_ID], generated[s.UNIT_CODE], generated[s.YEAR], strict=True))
    assert len(keys) == len(generated)
    hanoi = generated[generated[s.INDEX_ID] == s.INDEX_HANOI]
    scored = published[published[s.SCORE].notna()]
    n_scored = scored.groupby(s.INDEX_ID).size()
    assert len(hanoi) == 30 * 10 - n_scored[s.INDEX_HANOI]
    assert len(generated) - len(hanoi) == 63 * 13 - n_scored[s.INDEX_NATIONAL]
    assert ("hanoi_par", "004", 2023) in keys  # Long Biên: published rank 12, no score
    assert generated[s.DEMO].all() and (generated[s.SOURCE_ID] == "demo").all()
    assert generated[s.RANK_PUBLISHED].isna().all() and generated[s.NOTE].isna().all()
    assert list(generated.columns) == s.PAR_SCORES.names
    values = generated[s.SCORE]
    assert values.gt(0).all() and values.le(100).all() and (values.round(2) == values).all()


def test_the_defects_of_the_old_generator_are_gone(world):
    _, published, _, generated = world
    whole = _whole(published, generated)
    hanoi, nation = _ranks(whole, s.INDEX_HANOI), _ranks(whole, s.INDEX_NATIONAL)
    assert (hanoi.loc["005", [2019, 2020, 2021]] == 1).all()  # Cầu Giấy led 2019-2021
    assert hanoi.loc["004", 2023] == 12  # Long Biên 12th, its score generated
    assert nation.loc["48", 2015] == 1  # Đà Nẵng led the PAR INDEX in 2015
    scores = whole[whole[s.INDEX_ID] == s.INDEX_NATIONAL].pivot_table(
        index=s.UNIT_CODE, columns=s.YEAR, values=s.SCORE
    )
    change = (scores[2024] - scores[2023]).round(2)
    assert (change > 0).sum() == 53 and (change < 0).sum() == 9
    assert change.min() == -2.94 and change.max() == 6.39  # Quảng Ninh no longer falls 6.75
    moves = nation.diff(axis=1).iloc[:, 1:].abs().stack()
    assert moves.median() <= 4 and moves.quantile(0.9) <= 10  # not 20 places every year
    assert hanoi.diff(axis=1).iloc[:, 1:].abs().stack().median() <= 2


def test_a_tampered_table_is_reported_with_the_fact_and_its_source(world):
    units, published, facts, generated = world
    tampered = generated.copy()
    row = (tampered[s.INDEX_ID] == s.INDEX_HANOI) & (tampered[s.YEAR] == 2019)
    row &= tampered[s.UNIT_CODE] == "002"  # Hoàn Kiếm (generated) above Cầu Giấy's 95.61
    tampered.loc[row, s.SCORE] = 96.0
    report = check(pd.concat([published, tampered], ignore_index=True), units, facts)
    cau_giay = [v for v in report.violations if v.fact.units == ("005",)]
    assert cau_giay, report.text()
    violation = cau_giay[0]
    assert violation.fact.vi == "Quận Cầu Giấy thứ 1 năm 2019 (Chỉ số CCHC Hà Nội)"
    assert violation.found_vi == "hạng 2"
    assert violation.fact.source_url in violation.message()
    assert "wikilegal" in violation.fact.source_url


def test_the_same_seed_gives_the_same_scores(world):
    units, published, facts, generated = world
    again = demo_par_scores(published, units, facts)
    pd.testing.assert_frame_equal(again, generated)
