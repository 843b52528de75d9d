"""Text from data or a URL is drawn as the characters it is; links only to web addresses."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import escaping
from indicators.escaping import JOINER as J
from indicators.escaping import inert, markdown_link, plotly_plain, site, web_url
from indicators.sources import Citation, line, list_markdown, markdown
from indicators.views import Notice

# --- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[ĐĂNG NHẬP](https://evil.example)", rf"\[ĐĂNG NHẬP\]\(https\:{J}//evil\.example\)"),
        ("![x](https://evil.example/a.png)", rf"\!\[x\]\(https\:{J}//evil\.example/a\.png\)"),
        ("**đậm** _nghiêng_ `mã` ~~gạch~~", r"\*\*đậm\*\* \_nghiêng\_ \`mã\` \~\~gạch\~\~"),
        ("$x^2$ :red[nóng] :material/home:", rf"\$x\^2\$ \:{J}red\[nóng\] \:{J}material/home\:"),
        ("<a href='x'>y</a> &amp;", r"\<a href\='x'\>y\</a\> \&amp;"),
        ("www.evil.example a@b.vn", rf"www{J}\.evil\.example a\@{J}b\.vn"),
        ("# tiêu đề | bảng", r"\# tiêu đề \| bảng"),
        ("hai\ndòng\r\n- mục", r"hai dòng \- mục"),
        ("Quận Nam Từ Liêm", "Quận Nam Từ Liêm"),  # nothing to escape: unchanged
        (None, ""),
        (2024, "2024"),
    ],
)
def test_markdown_text_is_inert(text: object, escaped: str) -> None:
    assert inert(text) == escaped


def test_a_backslash_in_data_is_escaped_too() -> None:
    # '\*' in data must not become an escape that the next character undoes
    assert inert(r"a\*b") == r"a\\\*b"


# --- Plotly ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ('<a href="https://example.org">x</a>', '&lt;a href="https://example.org"&gt;x&lt;/a&gt;'),
        ("<img src=x><br>", "&lt;img src=x&gt;&lt;br&gt;"),
        ("Tư pháp &amp; Hộ tịch", "Tư pháp &amp;amp; Hộ tịch"),  # an entity stays as typed
        ("[x](https://example.org)", "[x](https://example.org)"),  # Plotly reads no Markdown
    ],
)
def test_plotly_text_is_inert(text: str, escaped: str) -> None:
    assert inert(text, "plotly") == escaped


def test_an_unknown_target_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown target"):
        inert("x", "latex")  # type: ignore[arg-type]


def test_a_missing_cell_stays_missing() -> None:
    assert escaping.inert_cell(None) is None
    assert pd.isna(escaping.inert_cell(pd.NA))
    assert escaping.inert_cell("a<b") == "a&lt;b"


def test_a_plotly_title_reads_as_plain_text() -> None:
    title = "Thủ tục rút ngắn của &lt;a&gt; &amp; Co<br><sup>năm 2024</sup>"
    assert plotly_plain(title) == "Thủ tục rút ngắn của <a> & Co năm 2024"
    assert plotly_plain(None) == ""


def test_registry_values_are_escaped_but_not_the_registry_text() -> None:
    # no_data_titled is "**{title}**: …": the bold stays, the title is inert
    text = escaping.markdown_t("no_data_titled", "vi", title="[x](https://example.org)")
    assert text == rf"**\[x\]\(https\:{J}//example\.org\)**: không có dữ liệu với bộ lọc đã chọn."


# --- links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://kinhtedothi.vn/bai-viet", "https://kinhtedothi.vn/bai-viet"),
        ("  http://211.88.39.63/tin  ", "http://211.88.39.63/tin"),
        ("HTTPS://WWW.Example.org", "HTTPS://WWW.Example.org"),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("ftp://example.org/a", None),
        ("//example.org/a", None),  # no scheme
        ("https://", None),  # no host
        ("https://[fe80::1", None),  # does not parse
        ("https://example.org:port/", None),  # the port is not a number
        ("https://exa mple.org", None),
        ("https://example.org/\nx", None),
        ("", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_only_web_addresses_that_parse_are_links(url: object, expected: str | None) -> None:
    assert web_url(url) == expected


def test_the_site_is_the_host_without_www() -> None:
    assert site("https://www.kinhtedothi.vn/a") == "kinhtedothi.vn"
    assert site("http://m.baomoi.com/x") == "baomoi.com"
    assert site("https://[fe80::1") is None
    assert site("javascript:alert(1)") is None


def test_a_link_is_made_only_for_a_web_address() -> None:
    assert markdown_link("Tin — a.vn", "https://a.vn/x") == r"[Tin — a\.vn](https://a.vn/x)"
    assert markdown_link("Tin", "javascript:alert(1)") == "Tin"
    assert markdown_link("Tin [x]", "https://[fe80::1") == r"Tin \[x\]"


def test_a_link_address_cannot_end_the_link_early() -> None:
    # ')' and spaces in the address are percent-encoded: no second link can follow
    made = markdown_link("A — a.vn", "https://a.vn/x)[y](https://evil.example")
    assert made == r"[A — a\.vn](https://a.vn/x%29[y]%28https://evil.example)"
    assert markdown_link("B", "https://bộnộivụ.vn/a<b>") == (
        "[B](https://xn--bniv-5y5ab0g.vn/a%3Cb%3E)"
    )
    assert markdown_link("C", "https://Bộ.VN:8080/x") == "[C](https://xn--b-8xm.vn:8080/x)"
    assert markdown_link("D", "https://a.vn@evil.example/") == "[D](https://evil.example/)"
    assert markdown_link("E", "http://[::1]:80/") == "[E](http://[::1]:80/)"


# --- citations ----------------------------------------------------------------------------------


def _cited(url: str | None, title: str = "Tin", publisher: str | None = "Bộ Nội vụ") -> Citation:
    return Citation("s1", title, publisher, url, "2023", "article")


def test_a_citation_links_to_its_own_web_address_and_names_its_site() -> None:
    cited = _cited("https://www.moha.gov.vn/tin")
    assert (
        markdown(cited, "vi") == r"[Bộ Nội vụ, 2023 — moha\.gov\.vn](https://www.moha.gov.vn/tin)"
    )


@pytest.mark.parametrize("url", ["https://[fe80::1", "javascript:alert(1)", "moha.gov.vn"])
def test_a_citation_without_a_web_address_is_plain_text_and_never_raises(url: str) -> None:
    cited = _cited(url)
    assert cited.site is None
    assert markdown(cited, "vi") == r"Bộ Nội vụ, 2023"
    assert line([cited], "en") == "Source: Ministry of Home Affairs, 2023"


def test_a_hostile_title_and_publisher_show_as_text() -> None:
    cited = _cited("https://a.vn", title="[ĐĂNG NHẬP](https://evil.example)", publisher="<b>X</b>")
    assert markdown(cited, "vi") == r"[\<b\>X\</b\>, 2023 — a\.vn](https://a.vn)"
    assert list_markdown([cited], "vi") == [
        rf"- [\<b\>X\</b\>, 2023 — a\.vn](https://a.vn): \[ĐĂNG NHẬP\]\(https\:{J}//evil\.example\)"
    ]


# --- URL notices ------------------------------------------------------------------------------------


def test_a_notice_shows_what_the_url_said_as_text() -> None:
    notice = Notice("bad_param", (("name", "lang"), ("value", "[x](https://example.org)")))
    assert notice.text("en") == (
        "Value '[x](https://example.org)' of the parameter 'lang' is not valid; using the default."
    )
    assert notice.markdown("vi") == (
        rf"Giá trị '\[x\]\(https\:{J}//example\.org\)' của tham số 'lang' không hợp lệ; "
        "dùng giá trị mặc định."
    )


# --- charts -------------------------------------------------------------------------------------

HOSTILE_FIELD = '<a href="https://example.org">x</a>'


def test_a_chart_draws_names_from_data_as_text() -> None:
    """A field named like a link and a unit named like an image: on the axis, in the hover and
    in the title they are entities, which Plotly draws as the characters."""
    from indicators.charts import registry
    from indicators.views import Filters

    rows = pd.DataFrame(
        {
            "field": pd.array([HOSTILE_FIELD, "Tư pháp"], dtype="string"),
            "shortened": pd.array([3, 1], dtype="Int64"),
            "demo": pd.array([False, False], dtype="boolean"),
            "source_ids": [("s1",), ("s1",)],
        }
    )
    unit = "Quận <img src=x onerror=alert(1)>"
    filters = Filters("vi", "hanoi_par", 2023, 2020, 2023, "019", unit, "district", HOSTILE_FIELD)
    figure = registry.figure("shortened-fields", rows, filters)
    escaped = '&lt;a href="https://example.org"&gt;x&lt;/a&gt;'
    assert list(figure.data[0].y) == ["Tư pháp", escaped]  # most shortened on top
    title = figure.layout.title.text
    assert "Quận &lt;img src=x onerror=alert(1)&gt;" in title and escaped in title
    assert "<a" not in figure.to_json() and "<img" not in title
    assert rows["field"].tolist() == [HOSTILE_FIELD, "Tư pháp"]  # the rows are not changed


def test_the_map_hover_draws_names_and_source_titles_as_text() -> None:
    """Dong Da named like an image, its source titled like a link: in the hover's data they
    are entities (Plotly renders the hover's HTML)."""
    from indicators import map_charts as m

    frame = pd.DataFrame(
        {
            "unit_code": ["006", "001"],
            "name_vi": ["<img src=x onerror=alert(1)>", "Quận Ba Đình"],
            "value": [96.3, 90.0],
            "rank": [1, 2],
            "units_ranked": [30, 30],
            "demo": [False, False],
            "source_ids": [("s1",), ("s1",)],
            "source_titles": [(HOSTILE_FIELD,), ("Tin (a.vn)",)],
        }
    )
    figure = m.map_figure(frame, m.PAR_SCORE, 2023, "district", "vi")
    trace = figure.data[0]
    row = trace.customdata[list(trace.locations).index("006")]
    assert row[1] == "&lt;img src=x onerror=alert(1)&gt;"
    assert row[5] == '&lt;a href="https://example.org"&gt;x&lt;/a&gt;'


# --- a guard -------------------------------------------------------------------------------------

DATA_VALUES = {"unit", "units", "field", "title", "name", "message", "query", "value", "listed"}


def test_the_streamlit_layer_fills_texts_with_data_only_through_markdown_t() -> None:
    """In ui/ and pages/, a registry text that takes a name (of a unit, a field, a chart…) is
    looked up with markdown_t, which makes the name inert; `t` is for texts of the registry's
    own words and numbers."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    found = []
    for path in sorted([*root.glob("ui/*.py"), *root.glob("pages/*.py"), root / "dashboard.py"]):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t":
                named = {k.arg for k in node.keywords} & DATA_VALUES
                if named:
                    found.append(f"{path.relative_to(root)}:{node.lineno} {sorted(named)}")
    assert found == []
