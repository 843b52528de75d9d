"""Number formats: Vietnamese 98,67% and 1.234; English 98.67% and 1,234; NA is "no data"."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from indicators.formatting import (
    D3_INT,
    d3_number,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_rank,
    fmt_signed,
    hover_value,
    is_missing,
    no_data,
    ordinal_en,
    separators,
)


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234, "vi", 0, "1.234"),
        (1234, "en", 0, "1,234"),
        (1234567.891, "vi", 2, "1.234.567,89"),
        (1234567.891, "en", 2, "1,234,567.89"),
        (-1234.5, "vi", 1, "-1.234,5"),
        (-1234.5, "en", 1, "-1,234.5"),
        (0, "vi", 2, "0,00"),
        (999.999, "vi", 2, "1.000,00"),  # rounding carries into the thousands
        (-0.001, "vi", 2, "0,00"),  # never "-0,00"
        (12, "en", 0, "12"),
    ],
)
def test_fmt_number(value: float, lang: str, decimals: int, expected: str) -> None:
    assert fmt_number(value, lang, decimals) == expected


def test_percent_and_int_in_both_languages() -> None:
    assert fmt_percent(98.67, "vi") == "98,67%"
    assert fmt_percent(98.67, "en") == "98.67%"
    assert fmt_percent(96.3, "vi") == "96,30%"
    assert fmt_percent(20, "vi", 0) == "20%"
    assert fmt_int(1234, "vi") == "1.234"
    assert fmt_int(1234, "en") == "1,234"
    assert fmt_int(np.int64(161), "vi") == "161"
    assert fmt_percent(0.0, "en") == "0.00%"  # zero is a number, not missing


@pytest.mark.parametrize("missing", [None, pd.NA, float("nan"), np.nan, pd.NaT, math.inf])
def test_missing_is_never_a_number(missing: object) -> None:
    for fmt in (fmt_int, fmt_percent, fmt_signed):
        assert fmt(missing, "vi") == "Không có dữ liệu"
        assert fmt(missing, "en") == "No data"
    assert fmt_rank(missing, 30, "vi") == "Không có dữ liệu"
    assert fmt_rank(1, missing, "en") == "No data"


def test_is_missing() -> None:
    assert is_missing(None) and is_missing(pd.NA) and is_missing(float("nan"))
    assert not is_missing(0) and not is_missing("") and not is_missing((1, 2))
    assert no_data("vi") == "Không có dữ liệu" and no_data("en") == "No data"


def test_signed_changes() -> None:
    assert fmt_signed(1.234, "vi", 2) == "+1,23"
    assert fmt_signed(1.234, "en", 2) == "+1.23"
    assert fmt_signed(-3, "vi") == "-3"
    assert fmt_signed(0, "vi") == "0"
    assert fmt_signed(0.001, "vi", 2) == "0,00"  # rounds to zero: no sign
    assert fmt_signed(1500, "vi") == "+1.500"


def test_ranks() -> None:
    assert fmt_rank(1, 30, "vi") == "thứ 1/30"
    assert fmt_rank(2, 63, "en") == "2nd of 63"
    assert [ordinal_en(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
        "111th",
    ]  # fmt: skip


def test_plotly_separators_and_d3_formats() -> None:
    assert separators("vi") == ",."  # decimal comma, thousands dot
    assert separators("en") == ".,"
    assert d3_number(2) == ",.2f"
    assert D3_INT == ",d"
    assert hover_value("y", 2, "%") == "%{y:,.2f}%"
    assert hover_value("x") == "%{x:,.0f}"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        fmt_int(1, "fr")
    with pytest.raises(ValueError):
        separators("de")
