"""bench/equal_floor_app.py draws what /timeliness draws, unit for unit: the benchmark's
like-for-like floor cannot drift from the page it is the floor of (bench/run.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.apptest import _walk, chart_layouts, chart_titles, open_app

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import equal_floor_data as floor  # noqa: E402  (bench/ is no package)

QUERY = {"from": "2015", "to": "2025", "demo": "1"}  # demo: the charts have rows
UNITS = ["001", "002"]


def _kinds(at: AppTest) -> list[str]:
    return [node.type for node in _walk(at._tree)]


def _unit_box(at: AppTest):
    return next(b for b in at.selectbox if b.key == floor.UNIT_KEY)


def _traces(at: AppTest) -> list[int]:
    return [len(json.loads(c.proto.spec)["data"]) for c in at.get("plotly_chart")]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    made = floor.prepare(UNITS, QUERY)
    path = tmp_path_factory.mktemp("equal-floor") / "floor.json"
    path.write_text(json.dumps(made, ensure_ascii=False), "utf-8")
    return made, path


def test_the_floor_draws_the_page_of_each_unit(
    prepared: tuple[dict, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    made, path = prepared
    monkeypatch.setenv(floor.ENV, str(path))
    at = AppTest.from_file(str(BENCH / "equal_floor_app.py"), default_timeout=60)
    at.run()
    at.switch_page(floor.TIMELINESS).run()
    page = open_app(floor.PAGE, unit=UNITS[0], **QUERY)
    for n, code in enumerate(UNITS):
        if n:  # the unit picked in both menus, as the benchmark's browser does
            _unit_box(page).set_value(code).run()
            label = next(k for k, u in made["units"].items() if u["code"] == code)
            _unit_box(at).set_value(label).run()
        assert not at.exception, [e.value for e in at.exception]
        assert len(at.get("plotly_chart")) == 2
        assert chart_titles(at) == chart_titles(page)
        assert at.title[0].value == page.title[0].value
        assert _traces(at) == _traces(page)
        assert [x.get("height") for x in chart_layouts(at)] == [
            x.get("height") for x in chart_layouts(page)
        ]
        assert _kinds(at) == _kinds(page)
        assert floor.capture(at) == floor.capture(page)
        assert at.query_params == page.query_params


def test_an_element_the_floor_cannot_draw_stops_the_preparation() -> None:
    class Unknown:
        type = "metric"
        proto = None

    with pytest.raises(ValueError, match="metric"):
        floor.describe(Unknown())
