"""The colours and the demo marks every chart shares."""

from __future__ import annotations

from types import MappingProxyType

from indicators import schema as s
from indicators.timeliness import EARLY_RATE, LATE_RATE
from indicators.views import ON_TIME_ONLY_RATE

HIGHLIGHT = "#c62828"  # my unit
OTHER = "#b0bec5"  # every other unit
FIELD = "#eceff1"  # the ranks of a year, 1st to last, behind the units
NEUTRAL = "#546e7a"
BEST = "#2e7d32"
GOAL = "#6a1b9a"  # an official target's line
# Levels 1-4 (until 2021) in blues, the forms of Decree 42/2022 in oranges: two families.
LEVEL_COLOURS = MappingProxyType(
    {
        "1": "#c6dbef",
        "2": "#6baed6",
        "3": "#2171b5",
        "4": "#08306b",
        "full": "#d94801",
        "partial": "#fd8d3c",
        "none": "#fdd0a2",
    }
)
UNKNOWN_LEVEL = "#d9d9d9"
TIMELINESS_COLOURS = MappingProxyType(
    {EARLY_RATE: "#1b7837", ON_TIME_ONLY_RATE: "#7fbf7b", LATE_RATE: "#d6604d"}
)
SWITCH_X = s.FIRST_YEAR_OF_FORMS - 0.5  # between 2021 (levels) and 2022 (full / partial)
# --- generated (demo) marks: drawn unlike published ones -----------------------------------
DEMO_OPACITY = 0.45  # a generated bar is faded …
DEMO_PATTERN = "/"  # … and hatched; a generated point is hollow, its segments dotted
