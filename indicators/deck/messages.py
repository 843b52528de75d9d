"""The key messages of a deck: a few sentences a leader can read out (pure).

They are told from the unit's headline figures of each year (indicators.views.story_parts),
the newest year first within each topic, so that they state only published or imported
figures: a generated figure is never a key message, and a topic without a figure gives none.
"""

from __future__ import annotations

from dataclasses import dataclass

from indicators.deck.figures import LEVELS, RANKS, SHORTENED_TOPIC, TIMELINESS, DeckFigures
from indicators.formatting import fmt_rank
from indicators.i18n import check_lang, has, t
from indicators.units import nfc
from indicators.views import Headline, story_parts

# A headline sentence's topic -> the slide it belongs to.
SLIDE_OF = {
    "ranks": RANKS,
    "levels": LEVELS,
    "shares": LEVELS,
    "timeliness": TIMELINESS,
    "shortened": SHORTENED_TOPIC,
}


@dataclass(frozen=True)
class Message:
    topic: str  # the slide it belongs to (indicators.deck.TOPICS)
    text: str


def key_messages(figures: DeckFigures, lang: str = "vi") -> list[Message]:
    """One sentence per kind of figure, from the newest year that has it, and the unit's best
    rank over the period when it was ranked in two years or more."""
    check_lang(lang)
    newest = {}
    for head in reversed(figures.heads):
        for kind, text in story_parts(head, lang):
            newest.setdefault(kind, text)
    messages = []
    for kind in SLIDE_OF:
        if kind in newest:
            messages.append(Message(SLIDE_OF[kind], nfc(newest[kind])))
        if kind == "ranks":
            best = _best_rank(figures, lang)
            messages += [best] if best else []
    return messages


def _told_ranks(heads: tuple[Headline, ...]) -> list[tuple[int, float, int | None]]:
    """(year, rank, of how many) of the years whose rank is published or imported."""
    out = []
    for head in heads:
        rank = head.get("m_rank")
        if rank is not None and rank.value is not None and not rank.demo:
            out.append((head.year, rank.value, rank.total))
    return out


def _best_rank(figures: DeckFigures, lang: str) -> Message | None:
    ranked = _told_ranks(figures.heads)
    if len(ranked) < 2:
        return None
    best = min(rank for _, rank, _ in ranked)
    years = [year for year, rank, _ in ranked if rank == best]
    total = next(total for _, rank, total in ranked if rank == best)
    count = len(years)
    times = t(f"deck_times_{count}", lang) if has(f"deck_times_{count}") else None
    text = t(
        "deck_best_rank",
        lang,
        period=figures.period,
        unit=figures.unit_name,
        rank=fmt_rank(best, total, lang),
        times=times or t("deck_times", lang, count=count),
        listed=", ".join(map(str, years)),
    )
    return Message(RANKS, nfc(text))
