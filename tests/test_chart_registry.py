"""The chart registry (indicators/charts/registry.py): every chart declared once, its rows and
its figure on the bundled data (with and without the demo layer), drawn alike by a page and
by the presentation."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest
from support.apptest import chart_titles, open_app

from indicators import presentation as p
from indicators import sources, views
from indicators.charts import registry
from indicators.dataset import Dataset, load_dataset
from indicators.escaping import plotly_plain
from indicators.i18n import t
from indicators.views import Catalog, Filters, build_catalog, make_filters

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

ROOT = Path(__file__).resolve().parent.parent
NO_DEMO_KEY = {"unit-766"}  # the 766 snapshots are published figures only


_LOADED: dict[bool, tuple[Dataset, Catalog]] = {}


def loaded(demo: bool) -> tuple[Dataset, Catalog]:
    """The bundled dataset (with the demo layer or not) and its catalogue, loaded once."""
    if demo not in _LOADED:
        dataset = load_dataset(demo=demo)
        _LOADED[demo] = (dataset, build_catalog(dataset))
    return _LOADED[demo]


@pytest.fixture(scope="module", params=[False, True], ids=["published", "demo"])
def dataset(request) -> Dataset:
    return loaded(request.param)[0]


def ntl(dataset: Dataset, **more) -> Filters:
    """Nam Từ Liêm, 2016–2019, the year 2018."""
    values = {
        "lang": "vi",
        "index_id": "hanoi_par",
        "year": 2018,
        "year_from": 2016,
        "year_to": 2019,
        "unit_code": "019",
        "demo": dataset.demo,
        **more,
    }
    return make_filters(loaded(dataset.demo)[1], **values)


def test_every_screen_of_the_presentation_is_a_registered_chart() -> None:
    assert set(p.CHART_SLIDES) <= set(registry.SPECS)
    assert all(key == spec.key for key, spec in registry.SPECS.items())


def test_an_unknown_chart_is_refused() -> None:
    with pytest.raises(ValueError, match="pie"):
        registry.spec("pie")


@pytest.mark.parametrize("key", list(registry.SPECS))
def test_the_views_can_be_cached_by_ui_data(key: str) -> None:
    """ui.data.view keys a result by the view's module and name and its (hashable) arguments:
    a registry chart's rows share the cache entry of its view called by hand."""
    spec = registry.SPECS[key]
    module = spec.view.__module__
    assert module.startswith("indicators.views")
    assert getattr(sys.modules[module], spec.view.__name__) is spec.view
    filters = Filters("vi", "hanoi_par", 2018, 2016, 2019, "019", "Quận Nam Từ Liêm", "district")
    hash(spec.args(filters))


@pytest.mark.parametrize("key", list(registry.SPECS))
def test_each_chart_draws_from_its_rows(dataset: Dataset, key: str) -> None:
    # the 766 snapshots are a province's: Hà Nội's
    filters = ntl(dataset, unit_code="01") if key == "unit-766" else ntl(dataset)
    rows = registry.frame(key, dataset, filters)
    assert not (dataset.demo and rows.empty), key  # the demo layer fills every chart
    fig = registry.figure(key, rows, filters)
    assert isinstance(fig, go.Figure) and fig.layout.title.text, key
    if registry.SPECS[key].yearly and "year" in rows:
        assert set(rows["year"]) <= {filters.year}, key
    demo_key = [tr for tr in fig.data if tr.name == t("legend_demo", "vi")]
    if key not in NO_DEMO_KEY:
        assert bool(demo_key) == sources.any_demo(rows), key  # faded, hatched, hollow: said so
    assert dataset.demo or not sources.any_demo(rows), key


def test_an_empty_frame_still_has_a_titled_figure(dataset: Dataset) -> None:
    """A page says "no data" under the chart's title: the figure of no rows has one."""
    filters = ntl(dataset)
    for key in registry.SPECS:
        empty = registry.frame(key, dataset, filters).iloc[0:0]
        assert registry.figure(key, empty, filters).layout.title.text, key


def _keys_in(path: Path) -> set[str]:
    """The chart keys a script names (string literals)."""
    tree = ast.parse(path.read_text("utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in registry.SPECS
    }


def test_each_page_draws_the_charts_declared_for_it() -> None:
    drawn: set[str] = set()
    for path in sorted((ROOT / "pages").glob("*.py")):
        named = _keys_in(path)
        assert all(registry.SPECS[k].page == path.stem for k in named), path.name
        drawn |= named
    drawn |= _keys_in(ROOT / "ui" / "render.py")  # the unit's 766 snapshots
    assert drawn == set(registry.SPECS)
    assert all((ROOT / "pages" / f"{s.page}.py").is_file() for s in registry.SPECS.values())


# --- a page and the presentation draw the same figure -------------------------------------------

PAGES = {
    "pages/overview.py": ("city-scores",),
    "pages/rankings.py": ("bump", "best-average"),
    "pages/timeliness.py": ("timeliness", "on-time-trend"),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_and_the_presentation_draw_the_same_figure(page: str) -> None:
    dataset = loaded(True)[0]
    filters = ntl(dataset)
    at = open_app(page, **views.encode_params(filters))
    shown = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = chart_titles(at)  # the page writes a chart's title above it, as text
    for key in PAGES[page]:
        slide = p.chart_figure(key, p.slide_frame(dataset, key, filters), filters)
        expected = json.loads(slide.to_json())
        title = plotly_plain(expected["layout"]["title"]["text"])
        same = [fig for fig, shown_title in zip(shown, titles, strict=True) if shown_title == title]
        assert len(same) == 1, (key, title)
        assert same[0]["data"] == expected["data"], key


@pytest.mark.parametrize("key", sorted(registry.SPECS))
def test_a_page_draws_the_legend_under_the_plot(key: str) -> None:
    """On a page the title is written above the chart (ui.render.heading_of) and the legend
    goes to the chart's bottom, under the x axis, where its rows may wrap on a phone without
    covering the plot; the images and the presentation keep theirs above the plot."""
    from ui.render import BARE_TOP, LEGEND_ROW, heading_of

    dataset = loaded(True)[0]
    filters = ntl(dataset, year_to=2023)
    rows = registry.frame(key, dataset, filters)
    figure = registry.figure(key, rows, filters)
    before = go.Figure(figure)
    title = heading_of(figure)
    assert title == before.layout.title.text and not figure.layout.title.text
    assert figure.layout.margin.t == BARE_TOP
    legend = figure.layout.legend
    shown = figure.layout.showlegend
    if shown is None:
        shown = sum(trace.showlegend is not False for trace in figure.data) > 1
    if shown:
        assert (legend.xref, legend.yref, legend.x, legend.y) == ("container", "container", 0, 0)
        assert (legend.xanchor, legend.yanchor, legend.orientation) == ("left", "bottom", "h")
        assert figure.layout.margin.b == before.layout.margin.b + LEGEND_ROW
    else:
        assert figure.layout.margin.b == before.layout.margin.b
    assert before.layout.legend.y == 1.0 and before.layout.legend.yref is None  # the images'
