"""Helpers for AppTest runs of the dashboard."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

FOOTER_PARTS = ("downloads-", "rows-")  # ui.footer.menu_key / rows_key


def open_footers(at: AppTest) -> AppTest:
    """Open every chart's download menu and "rows behind" expander, as a click on each would
    (their contents are made only while open), and run the page again."""
    for key in list(at.session_state.keys()):
        if str(key).startswith(FOOTER_PARTS):
            at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
