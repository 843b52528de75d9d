"""Hostile URL parameters on the real pages (AppTest): each gets its warning, in the page's
language, with what the URL said shown as text (inert Markdown: no link, image or format)."""

from __future__ import annotations

from test_pages import open_app

from indicators.escaping import JOINER as J

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
