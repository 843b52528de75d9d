"""Page-wide CSS the theme cannot express."""

from __future__ import annotations

import streamlit as st

# Headline cards: a row of st.metric cards wraps to the next line when the page is narrow (a
# projector's 1024 px with the sidebar open) instead of cutting "thứ 2/30" to "thứ …"; labels
# and values wrap rather than end in an ellipsis.
CARDS = """<style>
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
  flex-wrap: wrap !important; row-gap: 1rem;
}
[data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
  > [data-testid="stColumn"] {
  flex: 1 1 13rem !important; min-width: 13rem !important; width: auto !important;
}
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div,
[data-testid="stMetricValue"] > div {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricValue"] { font-size: clamp(1.6rem, 2.6vw, 2.25rem) !important; }
</style>"""


def apply() -> None:
    st.html(CARDS)
