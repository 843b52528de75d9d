"""Hostile URL parameters on the real pages (AppTest): each gets its warning, in the page's
language, with what the URL said shown as text (inert Markdown: no link, image or format)."""

from __future__ import annotations

import pytest
from support.apptest import open_app

from indicators.escaping import JOINER as J
from indicators.views import param_int

HOSTILE = {
    "lang": "[x](https://example.org)",
    "unit": "[ĐĂNG NHẬP](https://evil.example)",
    "year": "![](https://evil.example/a.png)",
    "from": "<img src=x onerror=alert(1)>",
    "to": "2019 **",
    "field": ":red[Tư pháp] $x$",
    "demo": "<b>1</b>",
}


def test_hostile_parameters_get_warnings_that_show_them_as_text() -> None:
    at = open_app(**HOSTILE)
    bad = "Giá trị '{}' của tham số '{}' không hợp lệ; dùng giá trị mặc định."
    assert [w.value for w in at.warning] == [
        bad.format(rf"\[x\]\(https\:{J}//example\.org\)", "lang"),
        rf"Không tìm thấy đơn vị '\[ĐĂNG NHẬP\]\(https\:{J}//evil\.example\)'. Gần nhất: \-",
        bad.format(rf"\!\[\]\(https\:{J}//evil\.example/a\.png\)", "year"),
        bad.format(r"\<img src\=x onerror\=alert\(1\)\>", "from"),
        bad.format(r"2019 \*\*", "to"),
        bad.format(r"\<b\>1\</b\>", "demo"),
        bad.format(rf"\:{J}red\[Tư pháp\] \$x\$", "field"),
    ]
    assert not at.exception


def test_the_unit_warning_is_in_english_only_on_the_english_page() -> None:
    at = open_app(lang="en", unit="[x](https://example.org)")
    assert [w.value for w in at.warning] == [
        rf"Unit '\[x\]\(https\:{J}//example\.org\)' not found. Closest: \-"
    ]


# --- numbers in the URL: only ASCII digits, and not too many (never a traceback) ---------------

LONG = "1" * 5000  # int() refuses 4 300 digits or more


@pytest.mark.parametrize(
    ("text", "number"),
    [("2023", 2023), (" 7 ", 7), ("²", None), ("٣", None), ("-1", None), ("1e3", None),
     (LONG, None), ("", None), (None, None)],
)  # fmt: skip
def test_a_url_number_is_ascii_digits_only(text: str | None, number: int | None) -> None:
    assert param_int(text) == number


@pytest.mark.parametrize("year", ["²", LONG])
def test_a_year_of_strange_digits_is_a_warning(year: str) -> None:
    at = open_app(year=year, to=year)
    shown = "²" if year == "²" else "1" * 79 + "…"  # a long value: its first 80 characters
    bad = "Giá trị '{}' của tham số '{}' không hợp lệ; dùng giá trị mặc định."
    assert [w.value for w in at.warning] == [bad.format(shown, "year"), bad.format(shown, "to")]


@pytest.mark.parametrize("slide", ["²", LONG, "[x](https://example.org)"])
def test_a_strange_slide_opens_the_first_screen(slide: str) -> None:
    at = open_app(unit="019", present="1", slide=slide)
    assert "**1/7**" in [m.value for m in at.markdown]  # the summary: first of 7 screens
