"""The deck's own words, from the text registry (indicators.i18n.deck: `deck_<key>`), in NFC."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators.i18n import has, t
from indicators.units import nfc


def text_of(key: str, lang: str, **values: Any) -> str:
    """The deck's text `key` (a topic, a rate column or a word) in `lang`."""
    return nfc(t(f"deck_{key}", lang, **values))


def level_name(level: Any, lang: str) -> str:
    """An online level in words ('full' -> 'Toàn trình'); an unknown code as it is."""
    key = "unknown" if pd.isna(level) else str(level)
    return text_of(f"level_{key}", lang) if has(f"deck_level_{key}") else key
