"""Named number formats for both languages, for text and for Plotly.

Vietnamese writes 98,67% and 1.234 (decimal comma, thousands dot); English 98.67% and 1,234.
A missing value is never formatted as a number: it becomes "Không có dữ liệu" / "No data".
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pandas as pd

from indicators.i18n import DEFAULT_LANG, check_lang, t

# Plotly's `separators`: the decimal mark first, then the thousands separator.
_SEPARATORS = {"vi": ",.", "en": ".,"}
_SWAP = str.maketrans(",.", ".,")


def is_missing(value: Any) -> bool:
    """True for None, NA, NaN and NaT (and anything else pandas calls missing)."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is not a missing scalar
        return False


def no_data(lang: str) -> str:
    return t("no_data", lang)


def _number(value: Any) -> float | None:
    """The value as a finite float, or None when it is missing (or not finite)."""
    if is_missing(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def fmt_number(value: Any, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """1234.5 -> '1.234,5' (vi) or '1,234.5' (en) with `decimals` digits; NA -> 'No data'."""
    check_lang(lang)
    number = _number(value)
    if number is None:
        return no_data(lang)
    text = f"{round(number, decimals) + 0.0:,.{decimals}f}"  # + 0.0 turns -0.0 into 0.0
    return text.translate(_SWAP) if lang == "vi" else text


def fmt_published(value: Any, lang: str = DEFAULT_LANG, suffix: str = "") -> str:
    """A figure with the decimals it was published with (up to two): 95.7 -> '95,7',
    86.97 -> '86,97', 10.0 -> '10' (no '95,70' that the source never printed)."""
    text = fmt_number(value, lang, 2)
    if _number(value) is None:
        return text
    mark = "," if lang == "vi" else "."
    if mark in text:
        text = text.rstrip("0").rstrip(mark)
    return text + suffix


def fmt_int(value: Any, lang: str = DEFAULT_LANG) -> str:
    return fmt_number(value, lang, 0)


def fmt_percent(value: Any, lang: str = DEFAULT_LANG, decimals: int = 2) -> str:
    """A value on the 0-100 scale: 98.67 -> '98,67%' (vi) or '98.67%' (en)."""
    text = fmt_number(value, lang, decimals)
    return text if _number(value) is None else f"{text}%"


def fmt_signed(value: Any, lang: str = DEFAULT_LANG, decimals: int = 0) -> str:
    """A change: '+1,25', '-3', '0'; NA -> 'No data'."""
    text = fmt_number(value, lang, decimals)
    number = _number(value)
    return f"+{text}" if number is not None and round(number, decimals) > 0 else text


def ordinal_en(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_rank(rank: Any, total: Any, lang: str = DEFAULT_LANG) -> str:
    """'thứ 1/30' (vi) or '1st of 30' (en); NA -> 'No data' (see fmt_place without a total)."""
    check_lang(lang)
    rank_number, total_number = _number(rank), _number(total)
    if rank_number is None or total_number is None:
        return no_data(lang)
    if lang == "vi":
        return f"thứ {int(rank_number)}/{int(total_number)}"
    return f"{ordinal_en(int(rank_number))} of {int(total_number)}"


# --- Plotly ---------------------------------------------------------------------------------


def fmt_place(rank: Any, total: Any, lang: str = DEFAULT_LANG) -> str:
    """fmt_rank, or 'thứ 8' / '8th' when the number of units ranked is unknown."""
    if _number(rank) is not None and _number(total) is None:
        n = int(_number(rank) or 0)
        return f"thứ {n}" if check_lang(lang) == "vi" else ordinal_en(n)
    return fmt_rank(rank, total, lang)


def fmt_date(day: date, lang: str = DEFAULT_LANG) -> str:
    """28/11/2025 in Vietnamese, 2025-11-28 in English."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def separators(lang: str) -> str:
    """Plotly layout `separators`: ',.' for Vietnamese, '.,' for English."""
    return _SEPARATORS[check_lang(lang)]


def d3_number(decimals: int = 0) -> str:
    """A d3 format with thousands grouping; Plotly applies the layout's separators to it."""
    return f",.{decimals}f"


D3_INT = ",d"


def hover_value(field: str, decimals: int = 0, suffix: str = "") -> str:
    """A hovertemplate placeholder such as '%{y:,.2f}%'."""
    return f"%{{{field}:{d3_number(decimals)}}}{suffix}"
