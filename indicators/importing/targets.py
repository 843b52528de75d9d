"""An office's targets file: what its empty cells mean (the short name from the instrument's
number, the first year in force = the year due, an id from what the target says) and its
levels written in Vietnamese ('xã; huyện')."""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from indicators import schema as s
from indicators import targets_table as tt
from indicators.errors import bilingual
from indicators.importing.references import CellProblem
from indicators.importing.values import fold
from indicators.targets import short_name

LEVEL_WORDS = {
    "province": ("tỉnh", "thành phố", "cấp tỉnh", "province", "city"),
    "district": ("huyện", "quận", "thị xã", "cấp huyện", "district"),
    "commune": ("xã", "phường", "thị trấn", "đặc khu", "cấp xã", "commune", "ward"),
}
_LEVEL_OF = {fold(word): level for level, words in LEVEL_WORDS.items() for word in words}
# symbols fold to nothing, so comparators are read here rather than as a closed choice
COMPARATOR_WORDS = {
    ">=": ("≥", ">=", "=>", "từ", "ít nhất", "tối thiểu", "at least"),
    ">": (">", "trên", "hơn", "more than"),
    "<=": ("≤", "<=", "=<", "tối đa", "không quá", "at most"),
    "<": ("<", "dưới", "less than"),
    "=": ("=", "bằng", "equal"),
    "top_n": ("top", "top_n", "trong nhóm", "nhóm đầu"),
}
_COMPARATOR_OF = {w: c for c, words in COMPARATOR_WORDS.items() for w in words}


def levels(text: str) -> str:
    """'xã; huyện' -> 'district;commune' (in the order province, district, commune)."""
    words = [w.strip() for w in re.split(r"[;,/]", text) if w.strip()]
    found = {_LEVEL_OF.get(fold(w)) for w in words}
    if not words or None in found:
        raise CellProblem(tt.LEVELS, "allowed", *bilingual("imp_target_levels"), text)
    return ";".join(level for level in LEVEL_WORDS if level in found)


def comparator(text: str) -> str:
    """'≥', '>=', 'ít nhất' -> '>='; 'top' -> 'top_n' (CellProblem for anything else)."""
    found = _COMPARATOR_OF.get(text.strip().lower())
    if found is None:
        raise CellProblem(tt.COMPARATOR, "allowed", *bilingual("imp_target_comparator"), text)
    return found


def target_defaults(values: dict, unit: pd.Series) -> None:
    """Fill a target row's empty cells and read its levels (CellProblem when they are not
    levels of units)."""
    values[tt.LEVELS] = levels(str(values.get(tt.LEVELS) or ""))
    values[tt.COMPARATOR] = comparator(str(values.get(tt.COMPARATOR) or ">="))
    instrument = str(values.get(tt.INSTRUMENT) or "")
    if values.get(tt.LABEL) is None:
        values[tt.LABEL] = short_name(instrument)
    if values.get(tt.YEAR_FROM) is None:
        values[tt.YEAR_FROM] = values.get(tt.YEAR_TO)
    if values.get(tt.TARGET_ID) is None:
        said = "|".join(
            str(x)
            for x in (unit[s.CODE], instrument, values.get(tt.INDICATOR_VI), values.get(tt.YEAR_TO))
        )
        values[tt.TARGET_ID] = "target-" + hashlib.sha1(said.encode()).hexdigest()[:8]
