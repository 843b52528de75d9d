"""The one source lookup: citations as every output writes them, reprints, several sources on
one row, the demo generator's one sentence, and the bundled sources read as citations."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import schema as s
from indicators import sources
from indicators.dataset import load_dataset
from indicators.escaping import JOINER as J
from indicators.provenance import SOURCE_IDS
from indicators.sources import Citation

KTDT = Citation(
    "kinhtedothi-614303",
    "Chỉ số CCHC các đơn vị của Hà Nội 2024",
    "Sở Nội vụ Hà Nội",
    "https://kinhtedothi.vn/ha-noi-cong-bo-chi-so-cai-cach-hanh-chinh.html",
    "2024",
    "article",
)
MIRROR = Citation(
    "211-54f035",
    "PAR INDEX cấp tỉnh 2020",
    "Bộ Nội vụ",
    "http://211.88.39.63/article/xxx.shtml",
    "2020",
    "article",
    reprint=True,
)
DEMO = Citation("demo", "Dữ liệu minh họa / Demo data", None, None, None, "demo")


def test_a_citation_names_who_published_the_years_and_the_site():
    assert KTDT.text("vi") == "Sở Nội vụ Hà Nội, 2024 — kinhtedothi.vn"
    assert KTDT.text("en") == "Hanoi Department of Home Affairs, 2024 — kinhtedothi.vn"


def test_a_reprint_says_so_in_both_languages():
    assert MIRROR.text("vi") == "Bộ Nội vụ, 2020 — 211.88.39.63 (bản đăng lại)"
    assert MIRROR.text("en") == "Ministry of Home Affairs, 2020 — 211.88.39.63 (reprint)"


def test_the_site_drops_www_and_m():
    www = Citation("x", "t", "Bộ Nội vụ", "https://www.vietnamplus.vn/a.vnp", None, "article")
    mobile = Citation("y", "t", "Bộ Nội vụ", "https://m.hanoitimes.vn/a.html", None, "article")
    assert www.text("vi") == "Bộ Nội vụ — vietnamplus.vn"
    assert mobile.site == "hanoitimes.vn"


def test_a_district_publisher_in_english():
    btl = Citation("b", "t", "UBND quận Bắc Từ Liêm", "https://kinhtedothi.vn/a", "2019", "article")
    assert btl.text("en") == "Bắc Từ Liêm People's Committee, 2019 — kinhtedothi.vn"


def test_the_demo_generator_is_one_plain_sentence():
    assert DEMO.text("vi") == "Dữ liệu minh họa do máy sinh ra, không phải số liệu chính thức"
    assert "seed" not in DEMO.text("vi") and ".py" not in DEMO.text("en")


def test_ids_of_reads_several_sources_in_one_cell_and_tuples():
    rows = pd.DataFrame(
        {
            s.SOURCE_ID: ["a;b", "b", None],
            SOURCE_IDS: [("c",), ("a", "d;e"), ()],
        }
    )
    assert sources.ids_of(rows) == ("a", "b", "c", "d", "e")


def test_line_names_at_most_three_and_counts_the_rest():
    cited = [KTDT, MIRROR, DEMO, KTDT, KTDT]
    line = sources.line(cited, "vi")
    assert line.startswith("Nguồn: Sở Nội vụ Hà Nội, 2024 — kinhtedothi.vn; Bộ Nội vụ")
    assert line.endswith("và 2 nguồn khác")
    assert (
        sources.line([KTDT], "en")
        == "Source: Hanoi Department of Home Affairs, 2024 — kinhtedothi.vn"
    )
    assert sources.line([], "en") == "Sources: none"


def test_markdown_links_the_citation_and_keeps_data_inert():
    hostile = Citation("h", "[x](https://evil)", "*Bộ* <b>", "https://a.vn/x", None, "article")
    text = sources.markdown(hostile, "vi")
    assert text == "[\\*Bộ\\* \\<b\\> — a\\.vn](https://a.vn/x)"
    assert "](https://evil)" not in sources.list_markdown([hostile], "vi")[0]


def test_table_has_one_row_per_citation_with_its_words():
    table = sources.table([MIRROR, KTDT], "vi")
    assert list(table.columns) == list(sources.TABLE_COLUMNS)
    assert table["id"].tolist() == ["211-54f035", "kinhtedothi-614303"]
    assert table.loc[0, "citation"].endswith("(bản đăng lại)") and bool(table.loc[0, "reprint"])


@pytest.fixture(scope="module")
def bundled():
    return load_dataset()


def test_every_bundled_source_reads_as_a_citation(bundled):
    cited = sources.citations(bundled, bundled.sources[s.ID])
    assert len(cited) == len(bundled.sources)
    for citation in cited:
        text = citation.text("vi")
        assert "/" not in text.split(" — ")[0], text  # no file path as the publisher
        assert "seed" not in text and "data/" not in text


def test_looking_up_by_index_gives_the_table_s_citations_in_order(bundled):
    """A download explains each row through an index of the sources (built once): the same
    citations, official sites first, as filtering the table; unknown ids are left out."""
    index = sources.citation_index(bundled.sources)
    ids = [*bundled.sources[s.ID].iloc[::7], "no-such-source"]
    assert sources.cited_by_id(index, ids) == sources.citations_in(bundled.sources, ids)
    assert [c.kind for c in sources.cited_by_id(index, ids)] == sorted(
        (c.kind for c in sources.cited_by_id(index, ids)),
        key=lambda k: sources.KIND_ORDER.get(k, 3),
    )
    assert sources.citation_index(bundled.sources.drop(columns=[s.ID])) == {}


def test_the_seed_article_is_cited_as_a_reprint(bundled):
    """seed_facts.csv: the article survives only on an aggregator (note "reprint only")."""
    found = sources.citations(
        bundled, sources.ids_of(bundled.figures[bundled.figures[s.UNIT_CODE] == "019"])
    )
    assert [c.text("vi") for c in found] == [
        "UBND quận Nam Từ Liêm, 2017–2019 — tinbong247news.net (bản đăng lại)"
    ]


def test_a_row_citing_two_sources_gets_both(bundled):
    """Long Biên 2024: the rank from Kinh tế & Đô thị, the score from a reprint."""
    scores = bundled.par_scores
    row = scores[(scores[s.UNIT_CODE] == "004") & (scores[s.YEAR] == 2024)].iloc[0]
    cited = sources.citations(bundled, s.source_id_list(row[s.SOURCE_ID]))
    assert {c.site for c in cited} == {"kinhtedothi.vn", "tinbong247news.net"}
    assert row[s.RANK_PUBLISHED] == 1 and row[s.SCORE] == 95.39


def test_source_titles_are_shown_as_the_characters_they_are():
    titled = Citation("t", "**Tin** :red[nóng] <b>$5$ a_b", None, None, None, "article")
    assert sources.list_markdown([titled], "vi") == [
        rf"- \*\*Tin\*\* \:{J}red\[nóng\] \<b\>\$5\$ a\_b: \*\*Tin\*\* \:{J}red\[nóng\] \<b\>\$5\$ a\_b"
    ]
