"""Reading the values people type: numbers by column type, years, dates, yes/no, choices; and
what a value must mean beyond its type (importing.meaning)."""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime

import pandas as pd
import pytest
from support.frames import units

from indicators import schema as s
from indicators.importing.fields import CHOICES, header_key
from indicators.importing.meaning import TEXT_LIMITS, check_index_unit, checked
from indicators.importing.references import CellProblem, check_url
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


# --- meaning, not only type (importing.meaning; issue 19) ------------------------------------


def _refusal(kind: str, column: str, value: object) -> Unparsable:
    with pytest.raises(Unparsable) as info:
        checked(value, kind, column)
    return info.value


@pytest.mark.parametrize(
    "text, char, position",
    [("Đăng ký\x00 khai sinh", "U+0000", 8), ("\x1b[31mTư pháp", "U+001B", 1),
     ("Tư pháp\x9b", "U+009B", 8), ("Hộ tịch\x7f", "U+007F", 8)],
)  # fmt: skip
def test_control_characters_are_refused_naming_the_character_and_its_place(text, char, position):
    refused = _refusal(s.TEXT, s.PROCEDURE_NAME, parse_text(text))
    assert f"({char}, ở vị trí {position})" in refused.vi
    assert f"control character ({char}, at position {position})" in refused.en


@pytest.mark.parametrize(
    "char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad", "\u200e"],
)  # fmt: skip
def test_zero_width_and_direction_characters_are_refused(char):
    refused = _refusal(s.TEXT, s.FIELD, parse_text(f"Tư{char} pháp"))
    assert f"ký tự ẩn U+{ord(char):04X}" in refused.vi and "ở vị trí 3" in refused.vi
    assert f"invisible character U+{ord(char):04X}" in refused.en


def test_tabs_newlines_and_other_spaces_become_one_space_not_a_refusal():
    text = parse_text("Tư\tpháp\r\n \u00a0Hộ\u3000tịch\u2028x")
    assert checked(text, s.TEXT, s.FIELD) == "Tư pháp Hộ tịch x"


def test_text_is_stored_nfc_whatever_its_form():
    nfd = unicodedata.normalize("NFD", "Tư pháp")
    assert checked(parse_text(nfd), s.TEXT, s.FIELD) == unicodedata.normalize("NFC", "Tư pháp")


def test_text_longer_than_its_column_allows_is_refused_with_both_lengths():
    assert checked("x" * TEXT_LIMITS[s.FIELD], s.TEXT, s.FIELD)
    refused = _refusal(s.TEXT, s.PROCEDURE_NAME, "a" * 100_000)
    assert "(100000 ký tự, tối đa 1000)" in refused.vi
    assert "(100000 characters, at most 1000)" in refused.en
    assert "tối đa 20" in _refusal(s.TEXT, s.UNIT_CODE, "0" * 21).vi


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, float("1E400")])
def test_infinite_numbers_are_refused(value):
    assert "not a finite number" in _refusal(s.FLOAT, s.SCORE, value).en


@pytest.mark.parametrize("parser", [parse_int, parse_float])
@pytest.mark.parametrize("digits", [19, 400, 5000])
def test_numbers_with_more_digits_than_any_figure_are_refused(parser, digits):
    with pytest.raises(Unparsable, match=f"number too long \\({digits} digits\\)"):
        parser("9" * digits)  # 5000 digits: int() itself would raise, a traceback before


def test_a_count_or_rank_past_its_sane_maximum_is_refused_naming_it():
    assert checked(10**9, s.INT, s.RECEIVED) == 10**9
    refused = _refusal(s.INT, s.RECEIVED, 10**9 + 1)
    assert "không lớn hơn 1.000.000.000" in refused.vi and "at most 1,000,000,000" in refused.en
    assert "at most 1,000" in _refusal(s.INT, s.RANK_PUBLISHED, 2**63).en
    assert "at most 1,000" in _refusal(s.FLOAT, s.MAX_SCORE, 1e6).en
    assert "at most 1,000,000,000,000,000" in _refusal(s.FLOAT, s.VALUE, -1e16).en


def test_a_workbook_cell_of_infinity_is_refused_in_integer_columns_too():
    with pytest.raises(Unparsable, match="not a finite number"):
        parse_int(math.inf)


def test_years_run_from_1990_to_next_year():
    next_year = date.today().year + 1
    assert checked(next_year, s.INT, s.YEAR) == next_year
    assert checked(1990, s.INT, s.YEAR) == 1990
    for year in (next_year + 1, 2100, 1989):
        refused = _refusal(s.INT, s.YEAR, year)
        assert f"năm {year} nằm ngoài khoảng 1990–{next_year}" in refused.vi
        assert f"year {year} is outside 1990–{next_year}" in refused.en


def test_dates_outside_the_years_are_refused_even_from_a_workbook_cell():
    late = parse_date(datetime(9999, 12, 31))
    assert "the date is outside the years 1990–" in _refusal(s.DATE, "source_published", late).en
    assert checked(pd.Timestamp("2024-12-31"), s.DATE, "source_published") is not None


@pytest.mark.parametrize(
    "url", ["https://[fe80::1", "https://hanoi.gov.vn:99999/x", "https://hanoi.gov.vn:0/",
            "https:///x", "https://ha noi.vn", 'https://exa"mple.com/', "https://<b>/"],
)  # fmt: skip
def test_malformed_source_addresses_are_refused_not_a_traceback(url):
    with pytest.raises(CellProblem) as info:
        check_url(url)
    assert info.value.column == "source_url"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://hanoi.gov.vn/x", "hanoi.gov.vn"])
def test_source_addresses_must_be_http(url):
    with pytest.raises(CellProblem, match="must start with http"):
        check_url(url)


@pytest.mark.parametrize(
    "url", ["https://hanoi.gov.vn/par-2024", "http://[fe80::1]/x", "https://1.2.3.4:8080/a?b#c",
            "http://hà-nội.vn/x"],
)  # fmt: skip
def test_good_source_addresses_pass(url):
    check_url(url)


HANOI_UNITS = units(
    [
        {"code": "01", "name_vi": "Thành phố Hà Nội", "level": "province",
         "valid_from": "2008-08-01"},
        {"code": "02", "name_vi": "Tỉnh Hà Giang", "level": "province",
         "valid_from": "2008-08-01", "valid_to": "2025-06-30"},
        {"code": "019", "name_vi": "Quận Nam Từ Liêm", "parent_code": "01",
         "valid_from": "2013-12-27", "valid_to": "2025-06-30"},
        {"code": "099", "name_vi": "Huyện Khác", "parent_code": "02",
         "valid_from": "2008-08-01", "valid_to": "2025-06-30"},
        {"code": "09619", "name_vi": "Thị trấn Tây Đằng", "level": "commune",
         "parent_code": "01", "valid_from": "2008-08-01", "valid_to": "2025-06-30"},
        {"code": "00001", "name_vi": "Phường Hoàn Kiếm", "level": "commune",
         "parent_code": "01", "valid_from": "2025-07-01"},
    ],
    level="district",
)  # fmt: skip


def _check_index(code: str, index: str, year: int) -> None:
    unit = HANOI_UNITS[HANOI_UNITS["code"] == code].iloc[-1]
    check_index_unit(HANOI_UNITS, unit, index, year, s.UNIT_CODE)


@pytest.mark.parametrize(
    "code, index, year",
    [("019", "hanoi_par", 2024), ("00001", "hanoi_par", 2025), ("00001", "hanoi_par", 2026),
     ("01", "national_par", 2020), ("01", "national_par", 2026), ("02", "national_par", 2024),
     ("019", "another_index", 2020)],
)  # fmt: skip
def test_units_that_their_index_ranks_that_year_pass(code, index, year):
    _check_index(code, index, year)


@pytest.mark.parametrize(
    "code, index, year, says",
    [("09619", "hanoi_par", 2020, "is a commune, not ranked by the hanoi_par index in 2020"),
     ("019", "hanoi_par", 2025, "it ranks Hanoi's communes and wards from 1 July 2025"),
     ("02", "hanoi_par", 2020, "is a province"),
     ("099", "hanoi_par", 2020, "it ranks Hanoi's districts"),
     ("019", "national_par", 2020, "is a district, not ranked by the national_par index"),
     ("02", "national_par", 2025, "it ranks the 34 provinces from 1 July 2025"),
     ("00001", "hanoi_par", 2024, "it ranks Hanoi's districts")],
)  # fmt: skip
def test_a_unit_of_another_level_parent_or_period_than_its_index_is_refused(
    code, index, year, says
):
    with pytest.raises(CellProblem) as info:
        _check_index(code, index, year)
    assert says in info.value.en
    assert info.value.rule == "unit_not_in_index" and info.value.column == s.UNIT_CODE
    assert "Hãy ghi đúng đơn vị, hoặc sửa Bộ chỉ số hoặc Năm" in info.value.vi


@pytest.mark.parametrize(
    "kind, column, value, rule",
    [(s.TEXT, s.FIELD, "Tư\x00", "control_char"), (s.TEXT, s.FIELD, "Tư\u200b", "invisible_char"),
     (s.TEXT, s.FIELD, "x" * 201, "too_long"), (s.FLOAT, s.SCORE, math.inf, "not_finite"),
     (s.INT, s.RECEIVED, 10**10, "too_large"), (s.INT, s.YEAR, 2100, "year_range")],
)  # fmt: skip
def test_each_meaning_check_names_its_rule(kind, column, value, rule):
    assert _refusal(kind, column, value).rule == rule
