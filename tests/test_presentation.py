"""Presentation mode logic (indicators/presentation.py): which screens, their order, the URL
parameters, and the charts in the projector theme."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from indicators import charts
from indicators import presentation as p
from indicators.dataset import Dataset, load_dataset
from indicators.views import Filters, build_catalog, make_filters

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(demo=True)


@pytest.fixture(scope="module")
def catalog(dataset: Dataset):
    return build_catalog(dataset)


def filters_for(catalog, unit="019", year=2024, years=(2016, 2019), **more) -> Filters:
    values = {
        "lang": "vi",
        "index_id": "hanoi_par",
        "year": year,
        "year_from": years[0],
        "year_to": years[1],
        "unit_code": unit,
        **more,
    }
    return make_filters(catalog, **values)


@pytest.fixture(scope="module")
def ntl(catalog) -> Filters:
    return filters_for(catalog)


@pytest.fixture(scope="module")
def ntl_frames(dataset, ntl):
    return p.slide_frames(dataset, ntl)


# --- the URL ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "yes", " on "])
def test_present_values_that_turn_the_mode_on(value: str) -> None:
    assert p.is_on(value)


@pytest.mark.parametrize("value", [None, "", "0", "false", "no", "2"])
def test_present_values_that_leave_it_off(value) -> None:
    assert not p.is_on(value)


@pytest.mark.parametrize(
    ("value", "count", "index"),
    [
        (None, 9, 0),
        ("1", 9, 0),
        ("3", 9, 2),
        ("9", 9, 8),
        ("99", 9, 8),  # past the end: the last screen
        ("0", 9, 0),
        ("-2", 9, 0),
        ("abc", 9, 0),
        (" 4 ", 9, 3),
        ("5", 1, 0),
        ("2", 0, 0),  # no screen at all still gives a valid index
    ],
)
def test_slide_index_is_one_based_and_kept_in_range(value, count: int, index: int) -> None:
    assert p.slide_index(value, count) == index


def test_step_stops_at_both_ends() -> None:
    assert p.step(0, 9, 1) == 1
    assert p.step(0, 9, -1) == 0
    assert p.step(8, 9, 1) == 8
    assert p.step(5, 9, -1) == 4
    assert p.step(0, 1, 1) == 0


def test_present_params_keep_the_filters(ntl: Filters) -> None:
    params = p.present_params(ntl)
    assert params["present"] == "1" and "slide" not in params
    assert (params["unit"], params["from"], params["to"]) == ("019", "2016", "2019")
    assert p.present_params(ntl, 2)["slide"] == "3"


def test_slide_year_stays_in_the_period(catalog) -> None:
    assert p.slide_year(filters_for(catalog, year=2024)) == 2019  # outside: the last year
    assert p.slide_year(filters_for(catalog, year=2017)) == 2017
    assert p.slide_year(filters_for(catalog, year=2016)) == 2016


# --- the screens --------------------------------------------------------------------------------


def test_every_screen_for_nam_tu_liem_2016_2019(ntl_frames) -> None:
    assert p.slide_keys(ntl_frames) == p.SLIDES
    assert p.SLIDES[0] == p.SUMMARY and len(p.SLIDES) == 9


def test_the_year_screens_use_the_year_of_the_period(ntl_frames) -> None:
    assert set(ntl_frames["city-scores"]["year"]) == {2019}
    assert set(ntl_frames["bump"]["year"]) == {2016, 2017, 2018, 2019}


def test_screens_without_rows_are_left_out(dataset, catalog) -> None:
    commune = filters_for(catalog, unit="09661", year=2025, years=(2025, 2025))
    frames = p.slide_frames(dataset, commune)
    assert all(not frame.empty for frame in frames.values())
    keys = p.slide_keys(frames)
    assert keys[0] == p.SUMMARY and len(keys) < len(p.SLIDES)
    assert "best-average" not in keys  # a new commune has no score


def test_the_field_filter_reaches_the_procedure_screens(dataset, catalog) -> None:
    justice = filters_for(catalog, field="Tư pháp")
    every = p.slide_frame(dataset, "levels", filters_for(catalog))
    only = p.slide_frame(dataset, "levels", justice)
    assert only["procedures"].sum() < every["procedures"].sum()


def test_summary_is_the_key_messages(dataset, catalog, ntl) -> None:
    messages = p.summary(dataset, ntl)
    assert (
        messages[0]
        == "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30, giữ nguyên thứ hạng so với năm 2017."
    )
    assert not any(m.startswith("Năm 2016") for m in messages)  # 2016: only generated figures
    english = p.summary(dataset, filters_for(catalog, lang="en"))
    assert english[0].startswith("In 2018, Quận Nam Từ Liêm ranked 1st of 30")


def test_unknown_screens_are_refused(dataset, ntl, ntl_frames) -> None:
    with pytest.raises(ValueError):
        p.slide_frame(dataset, "pie", ntl)
    with pytest.raises(ValueError):
        p.chart_figure("pie", ntl_frames["bump"], ntl)


# --- the projector theme ------------------------------------------------------------------------


def test_every_chart_screen_is_projector_sized(ntl, ntl_frames) -> None:
    for key, frame in ntl_frames.items():
        fig = p.slide_figure(key, frame, ntl)
        assert fig.layout.title.font.size >= 28, key
        assert fig.layout.font.size >= 20, key
        assert fig.layout.xaxis.tickfont.size >= 15, key
        assert fig.layout.height >= p.CHART_HEIGHT, key
        assert all(a.font.size >= p.NOTE_SIZE for a in fig.layout.annotations), key
        assert fig.layout.title.text, key


def test_my_unit_is_highlighted(ntl, ntl_frames) -> None:
    bars = p.slide_figure("city-scores", ntl_frames["city-scores"], ntl)
    colours = dict(zip(bars.data[0].y, bars.data[0].marker.color, strict=True))
    assert colours["Quận Nam Từ Liêm"] == charts.HIGHLIGHT
    assert list(colours.values()).count(charts.HIGHLIGHT) == 1
    assert bars.layout.yaxis.tickfont.size == p.SMALL_SIZE  # 30 names, one line each
    bump = p.slide_figure("bump", ntl_frames["bump"], ntl)
    lines = [tr for tr in bump.data if tr.type == "scatter" and tr.mode != "markers"]
    mine = [tr for tr in lines if tr.line.color == charts.HIGHLIGHT and tr.showlegend is not False]
    assert [tr.name for tr in mine] == ["<b>Quận Nam Từ Liêm</b>"]


def test_projector_leaves_the_figure_alone() -> None:
    fig = go.Figure(go.Bar(x=[1], y=["a"], text=["1"]))
    fig.update_layout(title={"text": "t", "font": {"size": 17}}, height=420)
    fig.add_annotation(text="note", font={"size": 11})
    big = p.projector(fig)
    assert fig.layout.title.font.size == 17 and fig.layout.height == 420
    assert big.layout.title.font.size == p.TITLE_SIZE and big.layout.height == p.CHART_HEIGHT
    assert big.layout.annotations[0].font.size == p.NOTE_SIZE
    assert big.data[0].textfont.size == p.FONT_SIZE and big.data[0].constraintext == "none"


def test_charts_are_laid_out_at_their_design_height(ntl, ntl_frames) -> None:
    units = ntl_frames["city-scores"]
    assert len(units) == 30
    assert p.design_height("city-scores", units) == p.CHART_HEIGHT + p.DENSE_EXTRA
    assert p.design_height("bump", ntl_frames["bump"]) == p.CHART_HEIGHT
    few = units.head(6)  # the published scores of a year: six units, full-size names
    assert p.design_height("city-scores", few) == p.CHART_HEIGHT
    assert p.slide_figure("city-scores", few, ntl).layout.yaxis.tickfont.size == p.FONT_SIZE
    for key, frame in ntl_frames.items():
        fig = p.slide_figure(key, frame, ntl)
        assert fig.layout.height == p.design_height(key, frame), key
        # the title at the very top: the legend's room is under it, never across it
        assert (fig.layout.title.y, fig.layout.title.yref, fig.layout.title.yanchor) == (
            1,
            "container",
            "top",
        )


def test_a_legend_that_fits_a_row_stays_on_top_a_longer_one_goes_right() -> None:
    short = go.Figure([go.Bar(name="Mức độ 3", y=[1]), go.Bar(name="Mức độ 4", y=[2])])
    legend, top = p.legend_layout(short)
    assert legend == {} and top > p.legend_layout(go.Figure())[1]  # a row under the title
    names = ["Mức độ 1", "Mức độ 2", "Mức độ 3", "Mức độ 4", "Toàn trình", "Một phần"]
    names.append("Số liệu minh họa (nhạt, gạch chéo, điểm rỗng)")
    long = go.Figure([go.Bar(name=name, y=[1]) for name in names])
    assert p.legend_width(p.legend_names(long)) > p.LEGEND_WIDTH
    legend, top = p.legend_layout(long)
    assert legend["orientation"] == "v" and legend["x"] > 1  # at the right of the plot
    assert top == p.legend_layout(go.Figure())[1]  # the title's room only
    big = p.projector(long)
    assert big.layout.legend.orientation == "v" and big.layout.margin.t == top


def test_legend_names_follow_plotlys_rules() -> None:
    assert p.legend_names(go.Figure(go.Bar(name="a", y=[1]))) == []  # one trace: no legend
    hidden = go.Figure([go.Bar(name="a", y=[1]), go.Bar(name="<b>b</b>", y=[1])])
    assert p.legend_names(hidden) == ["a", "b"]
    hidden.data[0].showlegend = False
    assert p.legend_names(hidden) == ["b"]
    hidden.layout.showlegend = False
    assert p.legend_names(hidden) == []


# --- the key messages' type ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, 1),
        ("một hai ba", 10, 1),  # 10 characters: one line
        ("một hai ba bốn", 10, 2),
        ("một hai ba bốn năm sáu", 7, 3),  # một hai | ba bốn | năm sáu
        ("https://example.org/a/very/long/address", 10, 4),  # a word longer than a line
    ],
)
def test_words_wrap_like_the_browser(text: str, width: float, lines: int) -> None:
    assert p.wrapped_lines(text, width) == lines


def test_the_key_messages_get_the_largest_type_that_fits(dataset, ntl) -> None:
    messages = p.summary(dataset, ntl)
    assert len(messages) == 6
    sizes = p.message_sizes(messages)
    assert [aspect for aspect, _ in sizes] == list(p.MESSAGE_ASPECTS)
    for aspect, size in sizes:
        assert p.messages_height(messages, size, aspect) <= p.MESSAGE_SLACK
        assert p.messages_height(messages, size * 1.02, aspect) > p.MESSAGE_SLACK * 0.98
    shares = [size for _, size in sizes]
    assert shares == sorted(shares)  # a wider box never gets smaller type
    # fewer or shorter messages: larger type in the same box
    assert p.message_size(messages[:2], 2.0) > p.message_size(messages, 2.0)
    assert p.message_size([m + " " + m for m in messages], 2.0) < p.message_size(messages, 2.0)
