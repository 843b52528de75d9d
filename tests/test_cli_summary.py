"""The seed article's figures, reproduced from the bundled data through the command line.

Source: "Quận Nam Từ Liêm: Nhiều năm liên tục đứng tốp đầu Thành phố về chỉ số cải cách hành
chính" (Phương Bùi, 2020), data/published/seed_facts.csv.
"""

from __future__ import annotations

import json

import pytest
from support.cli import run as run_cli


def summary(unit: str, year: int, *extra: str) -> dict:
    result = run_cli("summary", "--unit", unit, "--year", str(year), *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def ntl_2018() -> dict:
    return summary("Nam Từ Liêm", 2018)


@pytest.fixture(scope="module")
def ntl_2019() -> dict:
    return summary("Nam Từ Liêm", 2019)


def test_keys_are_the_documented_ones(ntl_2018):
    expected = {
        "unit_code", "unit_name", "year", "par_score", "par_rank", "units_ranked",
        "procedures_level3", "procedures_level4", "online_share_level3", "online_share_level4",
        "shortened_procedures", "shortened_fields", "one_stop_share", "on_time_rate",
        "early_rate", "procedures_full", "procedures_partial", "online_share",
        "comparators", "sources", "demo",
    }  # fmt: skip
    assert expected <= set(ntl_2018)


def test_2018_rank_procedures_and_one_stop(ntl_2018):
    assert ntl_2018["unit_code"] == "019"
    assert ntl_2018["unit_name"] == "Quận Nam Từ Liêm"
    assert (ntl_2018["par_rank"], ntl_2018["units_ranked"]) == (1, 30)
    assert ntl_2018["procedures_level3"] == 161
    assert ntl_2018["procedures_level4"] == 19
    assert ntl_2018["one_stop_share"] == 100


def test_2019_online_shares_shortened_and_timeliness(ntl_2019):
    assert ntl_2019["online_share_level3"] == 98.67
    assert ntl_2019["online_share_level4"] == 20
    assert ntl_2019["shortened_procedures"] == 50
    assert ntl_2019["shortened_fields"] == 8
    assert ntl_2019["on_time_rate"] == 99.99
    # "hơn 20%": a bound, said so, never the number 20 alone
    assert (ntl_2019["early_rate"], ntl_2019["comparators"]) == (20, {"early_rate": ">"})
    assert ntl_2019["par_rank"] is None  # Nam Từ Liêm's 2019 rank was not published


def test_sources_cite_the_article_as_a_reprint_and_nothing_is_generated(ntl_2018, ntl_2019):
    for result in (ntl_2018, ntl_2019):
        citations = [src["citation"] for src in result["sources"]]
        assert citations == ["UBND quận Nam Từ Liêm, 2017–2019 — tinbong247news.net (bản đăng lại)"]
        assert result["sources"][0]["reprint"] is True
        assert result["demo"] is False


def test_2023_is_the_published_rank_among_30():
    result = summary("019", 2023)
    assert (result["par_rank"], result["units_ranked"], result["par_score"]) == (2, 30, 95.7)
    assert result["demo"] is False
    assert [s["citation"] for s in result["sources"]] == [  # both state 95,7% / 95.7%
        "Sở Nội vụ Hà Nội, 2023 — fr.dangcongsan.vn",
        "Sở Nội vụ Hà Nội, 2023 — en.vietnamplus.vn",
    ]


def test_2024_has_no_published_rank_unless_demo_is_asked_for():
    published = summary("019", 2024)
    assert published["par_rank"] is None and published["par_score"] is None
    assert published["demo"] is False and published["sources"] == []
    demo = summary("019", 2024, "--demo")
    assert demo["par_rank"] is not None and demo["demo"] is True
    assert any(s["kind"] == "demo" for s in demo["sources"])


@pytest.mark.parametrize("query", ["019", "Nam Từ Liêm", "nam tu liem", "Quận Nam Từ Liêm",
                                   "NAM TỪ LIÊM", "quan nam tu liem"])  # fmt: skip
def test_unit_by_code_or_any_spelling(query):
    assert summary(query, 2018)["unit_code"] == "019"


def test_decomposed_unicode_name_is_found():
    import unicodedata

    assert summary(unicodedata.normalize("NFD", "Nam Từ Liêm"), 2018)["unit_code"] == "019"


def test_unknown_unit_exits_2_with_closest_names():
    result = run_cli("summary", "--unit", "Nam Tu Lim", "--year", "2018")
    assert result.returncode == 2
    assert "Quận Nam Từ Liêm" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_data_is_null_not_zero():
    # Hanoi's new wards of 1 July 2025 have no indicator rows in the bundled data.
    result = summary("Phường Từ Liêm", 2025)
    assert result["par_rank"] is None
    assert result["procedures_level3"] is None
    assert result["on_time_rate"] is None
    assert result["demo"] is False
