"""Page-wide CSS the theme cannot express."""

from __future__ import annotations

import streamlit as st

PHONE = 640  # px: Streamlit's own breakpoint, below which its columns stack

# Headline cards: a row of st.metric cards wraps to the next line when the page is narrow (a
# projector's 1024 px with the sidebar open) instead of cutting "thứ 2/30" to "thứ …"; labels
# and values wrap rather than end in an ellipsis.
CARDS = """
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
"""

# A phone: the first chart on the first screen. Less white above the page's title, which is
# smaller; the cards two to a row in smaller type; the notes under the cards in small type.
# A chart's heading and plot sit closer (ui.render wraps them in a keyed container).
PHONE_CSS = f"""
@media (max-width: {PHONE}px) {{
  [data-testid="stMainBlockContainer"] {{ padding-top: 3.75rem !important; }}
  [data-testid="stMain"] h1 {{ font-size: 1.6rem !important; line-height: 1.25 !important;
    padding: 0.5rem 0 0.25rem 0 !important; }}
  [data-testid="stMain"] :is(h2, h3) {{ font-size: 1.25rem !important;
    padding: 0.5rem 0 0 0 !important; }}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {{
    row-gap: 0.5rem; column-gap: 0.5rem !important;
  }}
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"])
    > [data-testid="stColumn"] {{
    flex: 1 1 calc(50% - 0.25rem) !important; min-width: calc(50% - 0.25rem) !important;
  }}
  [data-testid="stMetric"] > div {{ padding: 0.5rem 0.75rem !important; }}
  [data-testid="stMetricValue"] {{ font-size: 1.3rem !important; }}
  [data-testid="stMetricLabel"] p {{ font-size: 0.8rem !important; }}
  [data-testid="stMetricDelta"] {{ font-size: 0.8rem !important; }}
  [data-testid="stCaptionContainer"] {{ font-size: 0.75rem !important; line-height: 1.4; }}
  [class*="st-key-figure-"] {{ gap: 0.25rem !important; }}
}}
"""


def apply() -> None:
    st.html(f"<style>{CARDS}{PHONE_CSS}</style>")
