"""A PowerPoint deck for one unit and a range of years, in Vietnamese or English.

Three steps, each usable alone:

1. `deck_figures(dataset, selection)` computes the figures (figures.py: the same frames as the
   dashboard's, published figures included);
2. `key_messages(figures, lang)` tells a few sentences from them (messages.py), such as
   "Năm 2023, Quận Nam Từ Liêm xếp thứ 2/30 với 95,7%": published or imported figures only;
3. `build_deck(figures, lang)` lays out the slides (slides.py, charts.py) and returns the .pptx.

Slides, in the dashboard's look (theme.py: its red for the unit, its greens and red for on time
and late, Arial on every run, every text box as tall as its measured text): title (unit,
period, date made), key messages, then one slide per topic with NATIVE PowerPoint charts
(editable, their data embedded): PAR score and rank per year; the unit among every unit of its
index in the last year it has a score (its bar red, published scores only unless demo is on);
the map of that year's scores with the unit outlined (a PNG drawn by Chromium: maps.py, which
raises ChromiumNotFound without a browser); procedures per online level per year (stacked,
grouped by era: levels 1-4 of Decree 43/2011, full / partial of Decree 42/2022); on-time /
early / late rates per year; shortened procedures per year and by field. Each topic slide
carries its citations (wrapped, never cut), the demo banner when the demo layer is on, and its
key message and its sources' excerpts in the speaker notes. No data path or address is
written anywhere in the file.
"""

from indicators.deck.charts import ChartSpec
from indicators.deck.figures import (
    CATALOGUE,
    LEVELS,
    RANKS,
    SHORTENED_TOPIC,
    TIMELINESS,
    TOPICS,
    DeckFigures,
    Topic,
    deck_figures,
)
from indicators.deck.messages import Message, key_messages
from indicators.deck.slides import build_deck, deck_bytes, deck_filename
from indicators.deck.text import level_name
from indicators.i18n import LANGS

__all__ = [
    "CATALOGUE",
    "LANGS",
    "LEVELS",
    "RANKS",
    "SHORTENED_TOPIC",
    "TIMELINESS",
    "TOPICS",
    "ChartSpec",
    "DeckFigures",
    "Message",
    "Topic",
    "build_deck",
    "deck_bytes",
    "deck_figures",
    "deck_filename",
    "key_messages",
    "level_name",
]
