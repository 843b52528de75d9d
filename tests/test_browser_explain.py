"""Every number explains itself, in the browser: the rank card's source button on Nam Từ Liêm's
2023 page opens the source of Hanoi's 2023 PAR results with the passage that states the figure.

The row of Nam Từ Liêm 2023 (data/published/hanoi_district_par_index.csv) cites
en.vietnamplus.vn, whose excerpt prints the score the English way ("both 95.7%"). The French
edition of the same agency story (fr.dangcongsan.vn), cited in the file for Thanh Trì's row,
states Nam Từ Liêm's score too ("Nam Tu Liem avec 95,7%"): the build adds it to the row's
sources (indicators.build.published._corroborated), so the panel quotes both. The passages
about other figures of those sources are not quoted."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support.browser import check_page, open_page, screenshot, wait_idle

pytestmark = pytest.mark.browser

CARD = ".st-key-card-m_rank"
POPOVER = "[data-testid='stPopoverBody']"
WORD_JOINER = "\u2060"


@pytest.mark.parametrize(
    ("lang", "button", "title", "method"),
    [
        ("vi", "Nguồn số liệu", "Xếp hạng — Quận Nam Từ Liêm, 2023: thứ 2/30", "trên 30 đơn vị"),
        (
            "en",
            "Where this comes from",
            "Rank — Quận Nam Từ Liêm, 2023: 2nd of 30",
            "of the 30 units",
        ),
    ],
)
def test_the_rank_card_opens_its_source(browser, streamlit_server, lang, button, title, method):
    url = f"{streamlit_server}/unit?unit=019&year=2023&lang={lang}"
    page = open_page(browser, url, timeout=90_000, ignore_console=[r"status of 404"])
    card = page.locator(CARD)
    expect(card.get_by_test_id("stMetricValue")).to_have_text(
        "thứ 2/30" if lang == "vi" else "2nd of 30"
    )
    control = card.get_by_role("button", name=button)
    control.focus()  # reachable by keyboard: Enter opens it
    page.keyboard.press("Enter")
    body = page.locator(POPOVER)
    expect(body).to_contain_text("en.vietnamplus.vn")
    wait_idle(page)
    text = body.inner_text().replace(WORD_JOINER, "")  # inert() keeps ':' from Markdown
    assert title in text
    assert method in text
    assert "en.vietnamplus.vn" in text and "fr.dangcongsan.vn" in text
    assert "Nam Tu Liem and Hoan Kiem, both 95.7%" in text  # the passages, as printed
    assert "Nam Tu Liem avec 95,7%" in text
    assert "ranked first, followed by the Department" not in text  # not its other passages
    links = [a.get_attribute("href") or "" for a in body.get_by_role("link").all()]
    assert any(href.startswith("https://en.vietnamplus.vn/") for href in links)
    assert any(href.startswith("https://fr.dangcongsan.vn/") for href in links)
    score = page.locator(".st-key-card-m_score").get_by_test_id("stMetricValue")
    expect(score).to_have_text("95,7%" if lang == "vi" else "95.7%")
    check_page(page)
    screenshot(page, f"explain-rank-{lang}", full_page=False)
    page.context.close()
