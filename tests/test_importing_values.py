"""Reading the values people type: numbers by column type, years, dates, yes/no, choices."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import schema as s
from indicators.importing.fields import CHOICES, header_key
from indicators.importing.values import (
    Unparsable,
    choose,
    parse_bool,
    parse_date,
    parse_float,
    parse_int,
    parse_text,
    parse_year,
)


@pytest.mark.parametrize(
    "cell, expected",
    [("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("1\u00a0234", 1234),
     ("1.234.567", 1234567), ("12,0", 12), ("-5", -5), (3.0, 3), (7, 7), ("-", None), ("", None)],
)  # fmt: skip
def test_integer_columns_read_dots_and_commas_before_three_digits_as_thousands(cell, expected):
    assert parse_int(cell) == expected


@pytest.mark.parametrize("cell", ["1,5", "12.34", "abc", 2.5, True, "1.2.3"])
def test_integer_columns_refuse_fractions_and_words(cell):
    with pytest.raises(Unparsable, match="whole number"):
        parse_int(cell)


@pytest.mark.parametrize(
    "cell, expected",
    [("98,67", 98.67), ("98,67%", 98.67), ("95.7", 95.7), ("1.234,5", 1234.5),
     ("1,234.5", 1234.5), ("1.234.567", 1234567.0), ("0,5", 0.5), (93.97, 93.97),
     ("1.234", 1.234), (" 7 ", 7.0), ("−3,5", -3.5)],
)  # fmt: skip
def test_decimal_columns_read_one_separator_as_the_decimal_point(cell, expected):
    assert parse_float(cell) == pytest.approx(expected)


@pytest.mark.parametrize("cell", ["9,8,7", "chín mươi", "1.2.3", "95,7 điểm"])
def test_decimal_columns_refuse_what_is_not_a_number(cell):
    with pytest.raises(Unparsable, match="not a number"):
        parse_float(cell)


@pytest.mark.parametrize("cell", ["2024", 2024, 2024.0, "Năm 2024", "2024,0"])
def test_years(cell):
    assert parse_year(cell) == 2024


@pytest.mark.parametrize("cell", ["24", "2024-2025", "20245", "hai nghìn", 2024.5])
def test_a_year_that_is_not_a_year_is_refused(cell):
    with pytest.raises(Unparsable, match="not a year"):
        parse_year(cell)


@pytest.mark.parametrize(
    "cell, expected",
    [("31/12/2024", "2024-12-31"), ("5/3/2024", "2024-03-05"), ("05.03.2024", "2024-03-05"),
     ("05-03-2024", "2024-03-05"), ("2024-03-05", "2024-03-05"),
     (pd.Timestamp("2024-03-05 10:00").to_pydatetime(), "2024-03-05")],
)  # fmt: skip
def test_dates_are_day_first(cell, expected):
    assert parse_date(cell) == pd.Timestamp(expected)


@pytest.mark.parametrize("cell", ["31/02/2024", "12/31/2024", "hôm qua"])
def test_impossible_dates_are_refused(cell):
    with pytest.raises(Unparsable, match="not a date"):
        parse_date(cell)


@pytest.mark.parametrize(
    "cell, expected",
    [("có", True), ("Có", True), ("co", True), ("x", True), ("TRUE", True), (1, True),
     ("không", False), ("khong", False), ("0", False), (False, False), ("", None)],
)  # fmt: skip
def test_yes_and_no(cell, expected):
    assert parse_bool(cell) is expected


def test_text_is_nfc_trimmed_and_formulas_are_refused():
    nfd = "Qua\u0323\u0302n  Nam Tu\u031b\u0300 Lie\u0302m "  # NFD, as macOS writes it
    assert parse_text(nfd) == "Quận Nam Từ Liêm"
    assert parse_text(19.0) == "19"
    with pytest.raises(Unparsable, match="formula"):
        parse_text("=1+1")


@pytest.mark.parametrize(
    "typed, expected",
    [("Mức độ 3", "3"), ("3", "3"), ("toàn trình", "full"), ("Toan trinh", "full"),
     ("Một phần", "partial"), ("chỉ cung cấp thông tin", "none")],
)  # fmt: skip
def test_online_levels_as_people_write_them(typed, expected):
    choice = CHOICES[s.ONLINE_LEVEL]
    assert choose(typed, choice.aliases, choice.closed, choice.shown) == expected


def test_an_unknown_online_level_lists_the_allowed_ones():
    choice = CHOICES[s.ONLINE_LEVEL]
    with pytest.raises(Unparsable) as info:
        choose("mức 5", choice.aliases, choice.closed, choice.shown)
    assert "toàn trình" in info.value.vi and "until 2022" in info.value.en


def test_headers_match_without_case_diacritics_or_notes():
    assert header_key("Điểm tối đa (mặc định 100)") == header_key("diem_toi_da") == "diem toi da"
