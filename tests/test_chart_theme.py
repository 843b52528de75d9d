"""The charts carry the dashboard's look themselves (indicators.chart_theme) and margins that
already hold their labels, so that the browser draws each chart once at a filter change.

The reference numbers were measured in headless Chromium on the dashboard: the advance widths
with CanvasRenderingContext2D.measureText in the page's font (Source Sans, 12 px), and the
margins Plotly's automargin pushed each chart to when its figure asked for 10 px."""

from __future__ import annotations

import json

import pytest
from support.apptest import open_app

from indicators import chart_theme as th
from indicators import charts, views
from indicators import map_charts as m
from indicators.dataset import load_dataset

# measureText in Chromium, Source Sans 12 px
MEASURED = {"Lao động - Thương binh - Xã hội": 157.86, "Quận Nam Từ Liêm": 95.16, "100%": 27.74}
# the margin automargin pushed to (px), by the labels of the axis
PUSHED_LEFT = [
    (["100%"], True, 81),  # the share axes (0-100 %), titled "Tỷ lệ (%)"
    (["30"], True, 65),  # ranks of the 30 districts
    (["250"], True, 71),  # procedures per level
    (["Nông nghiệp và Phát triển nông thôn"], False, 203),  # fields, no axis title
]


@pytest.mark.parametrize(("text", "width"), MEASURED.items())
def test_label_width_is_the_browsers(text: str, width: float) -> None:
    assert th.label_width(text) == pytest.approx(width, rel=0.01)


@pytest.mark.parametrize(("labels", "titled", "pushed"), PUSHED_LEFT)
def test_left_margin_holds_the_labels_with_little_to_spare(
    labels: list[str], titled: bool, pushed: int
) -> None:
    margin = th.left_margin(labels, titled=titled)
    assert pushed <= margin <= pushed + 6  # never pushed; a few px of white at most


def test_colorbar_margin_holds_the_title_or_the_ticks() -> None:
    """Chromium pushed the map's right margin to 115 px for the scores ("Điểm (/100)" above
    ticks like "97,38") and to 104 px for on-time rates (ticks like "100,00%")."""
    scores = ["91,76", "93,00", "97,38"]
    assert 115 <= th.colorbar_margin(scores, "Điểm (/100)") <= 121
    assert 104 <= th.colorbar_margin(["96,53%", "100,00%"], "% hồ sơ") <= 110


@pytest.fixture(scope="module")
def dataset():
    return load_dataset("data", demo=True)


def test_a_chart_carries_the_theme_and_its_margins(dataset) -> None:
    years = (2015, 2025)
    frame = views.timeliness_frame(dataset, "001", years, None)
    layout = charts.timeliness_chart(frame, lang="vi", unit_name="Quận Ba Đình", years=years).layout
    assert layout.template.layout.font.family == th.FONT
    assert layout.template.layout.title.font.weight == 700  # bold, as Streamlit drew titles
    assert layout.template.layout.yaxis.automargin  # still on, should an estimate fall short
    # the bottom holds two lines of tick labels (the year, its on-time rate) and the title
    assert (layout.margin.l, layout.margin.b) == (th.left_margin(["100%"], titled=True), 65 + 17)


def test_the_map_makes_room_for_its_colour_bar(dataset) -> None:
    figure = m.indicator_map(dataset, "on_time_rate", 2024, "district", "vi")
    bar = figure.data[0].colorbar
    assert figure.layout.margin.r == th.colorbar_margin(bar.ticktext, bar.title.text)
    assert figure.layout.template.layout.font.family == th.FONT


def test_the_pages_draw_the_charts_as_they_come() -> None:
    """theme=None: Streamlit's browser code would restyle every chart at every draw."""
    at = open_app("pages/timeliness.py", demo="1")
    specs = at.get("plotly_chart")
    assert len(specs) == 2
    assert all(chart.proto.theme == "" for chart in specs)
    assert all(json.loads(c.proto.spec)["layout"]["margin"]["l"] > 10 for c in specs)
