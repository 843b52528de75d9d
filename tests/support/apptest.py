"""One way to open the dashboard under Streamlit's AppTest, and what a run shows.

Pages are reached the way a link does: query parameters first, then the page (switch_page),
through dashboard.py, which sets the shared filters.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from indicators.escaping import JOINER

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
OVERVIEW = "pages/overview.py"
FOOTER_PARTS = ("downloads-", "rows-")  # ui.footer.menu_key / rows_key
BADGE = {
    "vi": ":orange-badge[:material/science: Dữ liệu minh họa]",
    "en": ":orange-badge[:material/science: Demo data]",
}


def open_app(
    page: str = OVERVIEW,
    *,
    footers: bool = False,
    secrets: dict | None = None,
    timeout: float = 90,
    **params: str,
) -> AppTest:
    """The dashboard opened on `page` with the URL's `params` (and `secrets`), run without an
    exception; `footers` opens every chart's download menu and rows table too."""
    at = AppTest.from_file(DASHBOARD, default_timeout=timeout)
    at.secrets.update(secrets or {})
    at.query_params.update(params)
    at.run()
    if page != OVERVIEW:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return open_footers(at) if footers else at


def open_footers(at: AppTest) -> AppTest:
    """Open every chart's download menu and "rows behind" expander, as a click on each would
    (their contents are made only while open), and run the page again."""
    for key in list(at.session_state.keys()):
        if str(key).startswith(FOOTER_PARTS):
            at.session_state[key] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(markdown: str) -> str:
    """Markdown as its characters read: without the escapes and invisible joiners with which
    data is made inert (indicators.escaping)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(JOINER, "")


def texts(at: AppTest) -> str:
    """The visible text of the run: headings, Markdown, captions, alerts and metric cards
    (data's Markdown escapes removed, as the screen shows them)."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error"):
        parts += [shown(str(e.value)) for e in getattr(at, kind)]
    parts += [f"{m.label}: {m.value} ({m.proto.delta})" for m in at.metric]
    return "\n".join(parts)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table_with(at: AppTest, column: str):
    """The first st.dataframe that has `column` (the footers' tables come in between)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def chart_layouts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec)["layout"] for c in at.get("plotly_chart")]


def _walk(node):
    """The elements under `node` in the order the page shows them."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def chart_titles(at: AppTest) -> list[str]:
    """Each chart's title as the page shows it: in the figure (the map), or as the bold line
    written just above the chart (ui.render.heading_of), as plain text."""
    titles, last = [], ""
    for node in _walk(at.main):
        if node.type == "markdown":
            last = shown(str(node.value)).removeprefix("**").removesuffix("**")
        elif node.type == "plotly_chart":
            inside = json.loads(node.proto.spec)["layout"].get("title", {}).get("text")
            titles.append(inside or last)
    return titles
