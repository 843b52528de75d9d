"""The deck's targets slide: the official targets that bind the unit in the period's last
year, each met, not met, without a figure, not yet due or in words, with the documents that
set them (indicators.views.goals)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from indicators import sources
from indicators.deck import boxes as bx
from indicators.deck import theme
from indicators.deck.figures import Topic
from indicators.i18n import t
from indicators.targets import MET, NOT_MET
from indicators.views.goals import goal_line

if TYPE_CHECKING:
    from indicators.deck.slides import _Deck

MARKS = {MET: ("✓", theme.GREEN_DARK), NOT_MET: ("✗", theme.LATE_RED)}
OTHER = ("–", theme.MUTED)
LINE = "line_"  # the goals frame's text columns: line_vi, line_en


def goals_slide(deck: _Deck, goals: Topic, year: int) -> None:
    """One line per target with its mark; the documents in the footer and the notes."""
    lang = deck.lang
    slide = deck._new(5)
    title = t("targets_heading", lang, unit=deck.figures.unit_name, year=year)
    from indicators.deck.slides import MARGIN, WIDTH  # slides imports this module

    top = deck._title(slide, title, deck._banner(slide, [goals]) + 0.3) + 0.3
    cited = list(goals.citations)
    bottom = deck._footer(slide, [sources.line(cited, lang)])
    texts = [str(row[LINE + lang]) for _, row in goals.frame.iterrows()]
    left, width = MARGIN + 0.8, WIDTH - 2 * MARGIN - 0.8
    gap = 0.14
    room = bottom - top - gap * max(len(texts) - 1, 0)
    size = 20.0
    while size > 12 and sum(bx.measure([x], width, bx.Style(size)) for x in texts) > room:
        size -= 0.5
    style = bx.Style(size)
    y = top
    for (_, row), text in zip(goals.frame.iterrows(), texts, strict=True):
        mark, colour = MARKS.get(str(row["status"]), OTHER)
        height = bx.measure([text], width, style)
        deck._text(slide, (MARGIN + 0.2, y, 0.5, height), [mark], bx.Style(size, True, colour))
        deck._text(slide, (left, y, width, height), [text], style)
        y += height + gap
    deck._notes(slide, [*texts, *(f"{c.text(lang)}: {c.excerpt or ''}" for c in cited)])


def goals_frame(rows_vi: pd.DataFrame, rows_en: pd.DataFrame) -> pd.DataFrame:
    """The slide's rows from views.unit_goals in both languages: status, demo, source_ids
    and the line of each language (the deck picks its language after its figures)."""
    return rows_vi.assign(
        **{
            LINE + "vi": [goal_line(g, "vi") for _, g in rows_vi.iterrows()],
            LINE + "en": [goal_line(g, "en") for _, g in rows_en.iterrows()],
        }
    )
