"""The elements of /timeliness per unit, taken from the real page, for bench/equal_floor_app.py.

    .venv/bin/python bench/equal_floor_data.py OUT.json [--units 001 002 …]

`prepare` opens the dashboard under Streamlit's AppTest (with the data of PAR_DATA_SOURCE and
PAR_DEMO as the environment has them), goes to /timeliness, picks each unit in the sidebar's
unit menu as a user does, and writes every element the page drew (sidebar, page, page-wide
CSS) as a plain description: kind, text, key, options, and the Plotly figures as their JSON.
An element of a kind `describe` does not know stops the preparation: the floor must not drop
what the page draws.

Imported by the floor, this module reads the file named by BENCH_EQUAL_FLOOR once per process
(Streamlit re-executes the floor's script on every rerun, not its imports), and `draw` replays
one unit's elements with Streamlit's public calls: no data layer, no cache, no computation.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

ROOT = Path(__file__).resolve().parent.parent
ENV = "BENCH_EQUAL_FLOOR"  # the prepared JSON file
PAGE = "pages/timeliness.py"
TIMELINESS = "equal_floor_page.py"  # the floor's /timeliness
UNIT_KEY = "f_unit"  # ui/filters.py: the unit selectbox
AREAS = ("event", "sidebar", "main")  # page-wide CSS, the sidebar, the page
APP_TITLE = "CCHC Hà Nội"  # dashboard.py's st.set_page_config
SELECTION_MODES = {0: "points", 1: "box", 2: "lasso"}
TABLE_MODES = {0: "single-row", 1: "multi-row", 2: "single-column", 3: "multi-column"}

Op = dict[str, Any]


# --- from the page ---------------------------------------------------------------------------


def _key(proto: Any) -> str | None:
    """The user's key of an element, from its id ("$$ID-<hash>-<key>"), or None."""
    element_id = getattr(proto, "id", "")
    key = element_id.split("-", 2)[2] if element_id.startswith("$$ID-") else "None"
    return None if key == "None" else key


def _index(proto: Any) -> int:
    """The option a radio or selectbox shows: its value when set, else its default."""
    options = list(proto.options)
    return options.index(proto.raw_value) if proto.set_value else proto.default


def describe(node: Any) -> Op:
    """One element of an AppTest tree (and its children) as a plain description."""
    kind, proto = node.type, getattr(node, "proto", None)
    children = [describe(child) for child in getattr(node, "children", {}).values()]
    if kind in ("markdown", "caption", "title", "subheader", "divider", "html"):
        return {"kind": kind, "body": proto.body}
    if kind in ("warning", "info", "error", "success"):
        return {"kind": kind, "body": proto.body, "icon": proto.icon or None}
    if kind == "flex_container":
        horizontal = proto.flex_container.direction == proto.flex_container.HORIZONTAL
        if children and all(child["kind"] == "column" for child in children):
            return {"kind": "columns", "children": children}
        return {"kind": kind, "key": _key(proto), "horizontal": horizontal, "children": children}
    if kind == "column":
        return {"kind": kind, "children": children}
    if kind == "popover":
        popover = proto.popover
        return {"kind": kind, "label": popover.label, "icon": popover.icon or None,
                "key": _key(popover), "children": children}  # fmt: skip
    if kind == "expander":
        return {"kind": kind, "label": proto.label, "icon": proto.icon or None,
                "key": _key(proto), "children": children}  # fmt: skip
    if kind == "plotly_chart":
        modes = [SELECTION_MODES[m] for m in proto.selection_mode]
        return {"kind": kind, "figure": json.loads(proto.spec), "key": _key(proto),
                "config": json.loads(proto.config or "{}"), "theme": proto.theme or None,
                "selection_mode": modes}  # fmt: skip
    if kind == "dataframe":  # the rows as Arrow IPC, as sent; the index hidden when it was
        modes = [TABLE_MODES[m] for m in proto.selection_mode]
        hidden = json.loads(proto.columns or "{}").get("_index", {}).get("hidden", False)
        return {"kind": kind, "arrow": base64.b64encode(proto.arrow_data.data).decode(),
                "key": _key(proto), "hide_index": hidden, "selection_mode": modes}  # fmt: skip
    if kind == "page_link":
        return {"kind": kind, "label": proto.label, "icon": proto.icon or None,
                "query": dict(parse_qsl(proto.query_string))}  # fmt: skip
    if kind == "button":
        return {"kind": kind, "label": proto.label, "icon": proto.icon or None,
                "help": proto.help or None, "key": _key(proto)}  # fmt: skip
    if kind in ("radio", "selectbox"):
        options = list(proto.options)
        op = {"kind": kind, "label": proto.label, "options": options, "key": _key(proto),
              "index": _index(proto), "help": proto.help or None}  # fmt: skip
        return op | ({"horizontal": proto.horizontal} if kind == "radio" else {})
    if kind == "toggle":
        return {"kind": kind, "label": proto.label, "value": proto.value if proto.set_value else proto.default, "key": _key(proto),
                "help": proto.help or None}  # fmt: skip
    raise ValueError(f"the equal floor cannot draw a {kind!r} element: add it to describe/draw")


def capture(at: Any) -> dict[str, list[Op]]:
    """What an AppTest run drew, per area."""
    areas = {child.type: child for child in at._tree.children.values()}
    return {area: [describe(n) for n in _children(areas.get(area))] for area in AREAS}


def _children(block: Any) -> Iterator[Any]:
    return iter(getattr(block, "children", {}).values())


def _unit_box(at: Any) -> Any:
    return next(box for box in at.selectbox if box.key == UNIT_KEY)


def _flat(params: dict) -> dict[str, str]:
    """AppTest's query parameters (a value may be a list) as the URL's one value each."""
    return {k: v[-1] if isinstance(v, list) else str(v) for k, v in params.items()}


def prepare(codes: list[str], query: dict[str, str], timeout: float = 300) -> dict:
    """The page's elements for each unit of `codes`, opened at `query` and changed unit by
    unit in the sidebar (as bench/run.py's browser does); keyed by the unit's menu label."""
    from streamlit.testing.v1 import AppTest

    sys.path.insert(0, str(ROOT))
    from indicators.i18n import t
    from ui.nav import FAVICON, PAGES

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    at.query_params.update({**query, "unit": codes[0]})
    at.run()
    at.switch_page(PAGE).run()
    units: dict[str, dict] = {}
    for code in codes:
        box = _unit_box(at)
        if box.value != code:
            box.set_value(code).run()
        if at.exception:
            raise RuntimeError([e.value for e in at.exception])
        unit_box = _unit_box(at).proto
        label = unit_box.options[_index(unit_box)]
        units[label] = {"code": code, "areas": capture(at), "query": _flat(at.query_params)}
    lang = _flat(at.query_params).get("lang", "vi")
    navigation = [  # as ui.nav.pages makes them
        {"title": t(p.title_key, lang), "url_path": p.url_path, "default": not p.url_path}
        for p in PAGES
    ]
    return {"page_title": APP_TITLE, "icon": FAVICON, "pages": navigation, "units": units,
            "first": next(iter(units))}  # fmt: skip


# --- in the floor ---------------------------------------------------------------------------


@cache
def load(path: str) -> dict:
    """The prepared file, read once per process."""
    return json.loads(Path(path).read_text("utf-8"))


def prepared() -> dict:
    path = os.environ.get(ENV)
    if not path:
        raise RuntimeError(f"{ENV} must name a file made by bench/equal_floor_data.py")
    return load(path)


@cache
def _table(arrow: str) -> Any:
    """A table sent as Arrow IPC (base64), read once per process."""
    import pyarrow as pa

    return pa.ipc.open_stream(base64.b64decode(arrow)).read_all()


_FIGURES: dict[int, Any] = {}


def _figure(spec: dict) -> Any:
    """The stored figure as a plotly Figure, built (and validated) once per process: the floor
    is what Streamlit costs to draw the page, and the dashboard's figures are made from frames
    it keeps; handing st.plotly_chart the dict would rebuild the Figure at every rerun."""
    import plotly.graph_objects as go

    if id(spec) not in _FIGURES:
        _FIGURES[id(spec)] = go.Figure(spec)
    return _FIGURES[id(spec)]


def _block(where: DeltaGenerator, op: Op) -> DeltaGenerator:
    kind = op["kind"]
    if kind == "flex_container":
        return where.container(key=op["key"], horizontal=op["horizontal"])
    if kind == "popover":
        return where.popover(op["label"], icon=op["icon"], key=op["key"], on_change="rerun")
    return where.expander(op["label"], icon=op["icon"], key=op["key"], on_change="rerun")


def _element(where: DeltaGenerator, op: Op) -> None:
    kind = op["kind"]
    if kind in ("markdown", "caption", "title", "subheader", "html"):
        getattr(where, kind)(op["body"])
    elif kind == "divider":
        where.divider()
    elif kind in ("warning", "info", "error", "success"):
        getattr(where, kind)(op["body"], icon=op["icon"])
    elif kind == "plotly_chart":
        modes = op["selection_mode"]
        where.plotly_chart(_figure(op["figure"]), key=op["key"], config=op["config"], theme=op["theme"],
                           on_select="rerun" if modes else "ignore",
                           selection_mode=modes or ("points",))  # fmt: skip
    elif kind == "dataframe":
        modes = op["selection_mode"]
        where.dataframe(_table(op["arrow"]), hide_index=op["hide_index"], key=op["key"],
                        on_select="rerun" if modes else "ignore",
                        selection_mode=modes[0] if modes else "multi-row")  # fmt: skip
    elif kind == "page_link":
        where.page_link(_PAGES[op["label"]], label=op["label"], icon=op["icon"],
                        query_params=op["query"], width="stretch")  # fmt: skip
    elif kind == "button":
        where.button(op["label"], icon=op["icon"], help=op["help"], key=op["key"])
    elif kind in ("radio", "selectbox"):
        extra = {"horizontal": op["horizontal"]} if kind == "radio" else {}
        getattr(where, kind)(op["label"], op["options"], index=op["index"], key=op["key"],
                             help=op["help"], **extra)  # fmt: skip
    elif kind == "toggle":
        where.toggle(op["label"], value=op["value"], key=op["key"], help=op["help"])


def draw(where: Any, ops: list[Op]) -> None:
    """Replay `ops` (made by `describe`) in `where` (a DeltaGenerator, or the st module for
    the page itself), with Streamlit's public calls."""
    for op in ops:
        kind = op["kind"]
        if kind == "columns":
            columns = where.columns(len(op["children"]))
            for column, child in zip(columns, op["children"], strict=True):
                draw(column, child["children"])
        elif "children" in op:
            draw(_block(where, op), op["children"])
        else:
            _element(where, op)


_PAGES: dict[str, Any] = {}  # title -> the st.Page (a menu link's label is its page's title)


def chosen() -> dict:
    """The prepared unit shown: the one picked in the unit menu, at first the first."""
    data = prepared()
    return data["units"][st.session_state.get(UNIT_KEY, data["first"])]


def navigation(pages: list[Op]) -> Any:
    """st.navigation with the dashboard's titles and paths; the timeliness page is
    bench/equal_floor_page.py (a file, as the dashboard's), the others draw nothing."""
    made = []
    for spec in pages:
        path = spec["url_path"]
        run = Path(__file__).with_name(TIMELINESS) if path == "timeliness" else _nothing
        page = st.Page(run, title=spec["title"], icon=prepared()["icon"],
                       url_path=path or None, default=spec["default"])  # fmt: skip
        _PAGES[spec["title"]] = page
        made.append(page)
    return st.navigation(made, position="hidden")


def _nothing() -> None:
    """A page of the menu other than /timeliness: not measured, left empty."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the JSON file to write")
    parser.add_argument("--units", nargs="+", required=True, help="unit codes, in visit order")
    parser.add_argument("--query", default="from=2015&to=2025", help="the page's first URL")
    args = parser.parse_args(argv)
    made = prepare(list(dict.fromkeys(args.units)), dict(parse_qsl(args.query)))
    args.out.write_text(json.dumps(made, ensure_ascii=False), "utf-8")
    print(f"{args.out}: {len(made['units'])} units", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
