"""Figure builders: the figure holds the input numbers (gaps as None), the language's
separators, a title saying what and when, and my unit in the highlight colour."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import charts as c
from indicators import schema as s
from indicators.views import ON_TIME_ONLY_RATE, SERIES

NTL, DD, BD = "019", "006", "001"


def _history() -> pd.DataFrame:
    # 019 is ranked in 2017 and 2019 but missing in 2018: a gap, not a zero
    rows = [
        (NTL, "Quận Nam Từ Liêm", 2017, 1, 95.5),
        (NTL, "Quận Nam Từ Liêm", 2019, 2, 94.21),
        (DD, "Quận Đống Đa", 2017, 2, 92.0),
        (DD, "Quận Đống Đa", 2018, 1, 96.3),
        (DD, "Quận Đống Đa", 2019, 1, 96.5),
    ]
    return pd.DataFrame(rows, columns=[s.UNIT_CODE, s.NAME_VI, s.YEAR, "rank", s.SCORE])


def _trace(fig, name: str):
    return next(tr for tr in fig.data if tr.name == name)


@pytest.mark.parametrize(("lang", "separators"), [("vi", ",."), ("en", ".,")])
def test_bump_chart(lang: str, separators: str) -> None:
    history = _history()
    before = history.copy()
    fig = c.bump_chart(
        history, lang=lang, index_id=s.INDEX_HANOI, years=(2017, 2019), highlight=NTL,
        method_changes=(2018,),
    )  # fmt: skip
    assert fig.layout.separators == separators
    mine = _trace(fig, "<b>Quận Nam Từ Liêm</b>")
    assert list(mine.x) == [2017, 2018, 2019]
    assert list(mine.y) == [1.0, None, 2.0]
    assert mine.line.color == c.HIGHLIGHT and mine.line.width == 4
    assert fig.data[-1] is mine  # drawn last, on top
    # every other unit: a grey dot per year that names it on hover, no line of its own
    others = _trace(fig, "Các đơn vị khác" if lang == "vi" else "Other units")
    assert (others.mode, others.marker.color) == ("markers", c.OTHER)
    assert list(zip(others.x, others.y, others.customdata, strict=True)) == [
        (2017, 2.0, "Quận Đống Đa"), (2018, 1.0, "Quận Đống Đa"), (2019, 1.0, "Quận Đống Đa")
    ]  # fmt: skip
    # the field of each year, from the 1st rank to the last known (2018: only Đống Đa's 1st)
    field = fig.data[0]
    assert (list(field.y), field.base) == ([2, 1, 2], 0.5)
    assert list(fig.data[1].y) == [1.5, 1.0, 1.5]  # the middle rank
    # with the published count of units ranked, the field is the whole table
    counted = c.bump_chart(history.assign(units_ranked=30), lang=lang, index_id=s.INDEX_HANOI,
                           years=(2017, 2019), highlight=NTL)  # fmt: skip
    assert list(counted.data[0].y) == [30, 30, 30] and list(counted.data[1].y) == [15.5] * 3
    assert tuple(counted.layout.yaxis.range) == (30.5, 0.5)
    assert len([tr for tr in fig.data if tr.type == "scatter" and tr.mode != "markers"]) == 1
    assert tuple(fig.layout.yaxis.range) == (2.5, 0.5)  # reversed: the 1st on top
    assert fig.layout.xaxis.tickformat == "d"  # 2018, never "2.018"
    title = fig.layout.title.text
    assert "2017–2019" in title
    assert ("Chỉ số CCHC Hà Nội" if lang == "vi" else "Hanoi PAR index") in title
    assert len(fig.layout.shapes) == 1 and fig.layout.shapes[0].x0 == 2017.5
    label = fig.layout.annotations[0]
    assert (label.y, label.yanchor) == (0, "bottom")  # under the lines: rank 1 is on top
    pd.testing.assert_frame_equal(history, before)


def test_score_bars() -> None:
    history = _history().astype({"rank": "Int64", s.SCORE: "Float64"})
    missing = pd.DataFrame([[BD, "Quận Ba Đình", 2019, pd.NA, pd.NA]], columns=history.columns)
    table = pd.concat(
        [history[history[s.YEAR] == 2019], missing.astype(history.dtypes.to_dict())],
        ignore_index=True,
    )
    fig = c.score_bars(table, lang="vi", index_id=s.INDEX_HANOI, year=2019, highlight=NTL)
    bars = fig.data[0]
    # lowest first (Plotly draws the first bar at the bottom); the missing score is a gap
    assert list(bars.y) == ["Quận Ba Đình", "Quận Nam Từ Liêm", "Quận Đống Đa"]
    assert list(bars.x) == [None, 94.21, 96.5]
    assert list(bars.text) == ["Không có dữ liệu", "94,21%", "96,5%"]  # as published
    assert list(bars.marker.color) == [c.OTHER, c.HIGHLIGHT, c.OTHER]
    assert fig.layout.title.text == "Điểm Chỉ số CCHC Hà Nội năm 2019"
    assert fig.layout.separators == ",."


def test_best_average_chart() -> None:
    frame = pd.DataFrame(
        {
            s.YEAR: [2017, 2017, 2017, 2018, 2018],
            SERIES: ["unit", "best", "average", "best", "average"],
            s.SCORE: [95.5, 95.5, 92.58, 94.0, 92.67],
        }
    )
    fig = c.best_average_chart(frame, lang="en", unit_name="Quận Nam Từ Liêm", years=(2017, 2018))
    assert list(_trace(fig, "Quận Nam Từ Liêm").y) == [95.5, None]
    assert list(_trace(fig, "Best").y) == [95.5, 94.0]
    assert list(_trace(fig, "Average").y) == [92.58, 92.67]
    assert fig.layout.title.text == "Quận Nam Từ Liêm: score vs best and average, 2017–2018"
    assert fig.layout.separators == ".,"


def _levels() -> pd.DataFrame:
    rows = [
        (2020, "3", 161), (2020, "4", 19), (2021, "3", 150), (2021, "4", 40),
        (2022, "full", 98), (2022, "partial", 108),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=[s.YEAR, s.ONLINE_LEVEL, "procedures"])


def test_levels_chart_marks_decree_42() -> None:
    fig = c.levels_chart(
        _levels(), lang="vi", unit_name="Quận Nam Từ Liêm", years=(2019, 2022), field="Tư pháp"
    )
    assert [tr.name for tr in fig.data] == ["Mức độ 3", "Mức độ 4", "Toàn trình", "Một phần"]
    assert list(_trace(fig, "Mức độ 3").y) == [None, 161.0, 150.0, None]  # 2019: gap
    assert list(_trace(fig, "Một phần").y) == [None, None, None, 108.0]
    assert fig.layout.barmode == "stack"
    # two colour families: levels in blues, the forms of Decree 42/2022 in oranges
    assert _trace(fig, "Mức độ 4").marker.color == c.LEVEL_COLOURS["4"] == "#08306b"
    assert _trace(fig, "Toàn trình").marker.color == c.LEVEL_COLOURS["full"] == "#d94801"
    assert [sh.x0 for sh in fig.layout.shapes] == [2021.5]
    assert fig.layout.annotations[0].text == "Nghị định 42/2022:<br>toàn trình / một phần"
    assert fig.layout.title.text == (
        "Quận Nam Từ Liêm: số thủ tục theo mức độ trực tuyến, 2019–2022 · Lĩnh vực: Tư pháp"
    )


def test_levels_chart_without_the_switch() -> None:
    fig = c.levels_chart(_levels(), lang="en", unit_name="X", years=(2022, 2024))
    assert len(fig.layout.shapes) == 0
    assert list(_trace(fig, "Full online").y) == [98.0, None, None]


def test_share_chart() -> None:
    frame = pd.DataFrame(
        {
            s.YEAR: [2019, 2019, 2022],
            s.ONLINE_LEVEL: ["3", "4", "full"],
            "share": [98.67, 20.0, 46.06],
        }
    )
    fig = c.share_chart(frame, lang="vi", unit_name="Quận Nam Từ Liêm", years=(2019, 2022))
    assert list(_trace(fig, "Mức độ 3").y) == [98.67, None, None, None]
    assert list(_trace(fig, "Toàn trình").y) == [None, None, None, 46.06]
    assert "%{y:,.2f}%" in _trace(fig, "Mức độ 3").hovertemplate
    assert fig.layout.separators == ",."


def test_shortened_fields_chart() -> None:
    frame = pd.DataFrame(
        {s.FIELD: ["Tư pháp", "Xây dựng", "Y tế"], "shortened": pd.array([5, 2, None], "Int64")}
    )
    fig = c.shortened_fields_chart(frame, lang="vi", unit_name="Quận Nam Từ Liêm", year=2019)
    bars = fig.data[0]
    assert list(bars.y) == ["Y tế", "Xây dựng", "Tư pháp"]  # most shortened on top
    assert list(bars.x) == [None, 2.0, 5.0]  # unknown stays unknown
    # whole numbers only: Plotly's own step for 0-5 is 0,5 ("0, 1, 1, 2, 2" under format d)
    assert (fig.layout.xaxis.dtick, fig.layout.xaxis.tickformat) == (1, ",d")
    many = frame.assign(shortened=pd.array([50, 20, None], "Int64"))
    wide = c.shortened_fields_chart(many, lang="vi", unit_name="Quận Nam Từ Liêm", year=2019)
    assert wide.layout.xaxis.dtick is None  # a long axis keeps Plotly's whole-number steps
    assert "năm 2019" in fig.layout.title.text


def test_days_chart() -> None:
    frame = pd.DataFrame(
        {
            s.PROCEDURE_NAME: ["Cấp phép xây dựng", "Đăng ký khai sinh"],
            s.LEGAL_DAYS: [20.0, 10.0],
            s.COMMITTED_DAYS: [15.0, 7.0],
        }
    )
    fig = c.days_chart(frame, lang="en", unit_name="Quận Nam Từ Liêm", year=2019)
    assert list(_trace(fig, "Legal").x) == [10.0, 20.0]
    assert list(_trace(fig, "Committed").x) == [7.0, 15.0]
    assert list(_trace(fig, "Committed").y) == ["Đăng ký khai sinh", "Cấp phép xây dựng"]
    assert fig.layout.title.text == (
        "Quận Nam Từ Liêm: legal vs committed days of the most shortened procedures, 2019"
    )


def test_timeliness_chart_and_trend() -> None:
    frame = pd.DataFrame(
        {
            s.YEAR: [2018, 2019],
            "early_rate": [31.66, 23.15],
            ON_TIME_ONLY_RATE: [67.35, 76.84],
            "late_rate": [0.99, 0.01],
        }
    )
    frame["on_time_rate"] = [99.01, 99.99]  # early + on time (not early)
    fig = c.timeliness_chart(frame, lang="vi", unit_name="Quận Nam Từ Liêm", years=(2018, 2020))
    late, early = fig.data  # each in its own panel, from zero: a late 0,01% is not a sliver
    assert (late.name, early.name) == ("Trễ hạn", "Trước hạn")
    assert list(late.y) == [0.99, 0.01, None] and list(early.y) == [31.66, 23.15, None]
    assert list(late.text) == ["0,99%", "0,01%", ""]
    assert (late.yaxis, early.yaxis) == ("y", "y2")
    assert tuple(fig.layout.yaxis.range) == pytest.approx((0, 0.99 * 1.3))  # not 0-100
    assert tuple(fig.layout.yaxis2.range) == pytest.approx((0, 31.66 * 1.3))
    assert fig.layout.yaxis.domain[0] > fig.layout.yaxis2.domain[1]  # late on top
    # the on-time rate, written under its year; a year without figures is just the year
    assert list(fig.layout.xaxis.ticktext) == ["2018<br>99,01%", "2019<br>99,99%", "2020"]
    assert fig.layout.xaxis.title.text == "Năm (tỷ lệ đúng hạn)"
    trend = pd.DataFrame(
        {
            s.YEAR: [2018, 2018, 2019],
            SERIES: ["unit", "city", "city"],
            "on_time_rate": [99.01, 97.5, 98.0],
        }
    )
    fig = c.on_time_trend_chart(trend, lang="en", unit_name="Quận Nam Từ Liêm", years=(2018, 2019))
    assert list(_trace(fig, "Quận Nam Từ Liêm").y) == [99.01, None]
    assert list(_trace(fig, "Whole city (all districts)").y) == [97.5, 98.0]
    assert fig.layout.title.text == "Quận Nam Từ Liêm: on-time rate vs the whole city, 2018–2019"
    # only the unit's published 99,99% of 2019 (the seed article): no city line, no city key
    alone = pd.DataFrame(
        {s.YEAR: [2019, 2019], SERIES: ["unit", "city"], "on_time_rate": [99.99, None]}
    )
    fig = c.on_time_trend_chart(alone, lang="vi", unit_name="Quận Nam Từ Liêm", years=(2018, 2019))
    assert [tr.name for tr in fig.data] == ["Quận Nam Từ Liêm"]


def test_every_figure_is_fresh() -> None:
    first = c.levels_chart(_levels(), lang="vi", unit_name="A", years=(2020, 2022))
    second = c.levels_chart(_levels(), lang="en", unit_name="B", years=(2020, 2022))
    first.update_layout(title_text="changed", height=100)
    first.layout.shapes[0].line.color = "#000000"
    assert second.layout.title.text.startswith("B:")
    assert second.layout.height == 420 and second.layout.shapes[0].line.color == c.NEUTRAL
    assert second.layout.separators == ".,"
    with pytest.raises(TypeError):
        c.LEVEL_COLOURS["3"] = "#ffffff"  # the palette is read-only


def test_a_single_year_is_not_a_range() -> None:
    fig = c.levels_chart(_levels(), lang="vi", unit_name="A", years=(2022, 2022))
    assert fig.layout.title.text == "A: số thủ tục theo mức độ trực tuyến, 2022"


@pytest.mark.parametrize(
    "build",
    [
        lambda f: c.bump_chart(f, lang="vi", index_id=s.INDEX_HANOI, years=(2025, 2025)),
        lambda f: c.score_bars(f, lang="vi", index_id=s.INDEX_HANOI, year=2025),
        lambda f: c.best_average_chart(f, lang="vi", unit_name="A", years=(2025, 2025)),
        lambda f: c.levels_chart(f, lang="vi", unit_name="A", years=(2025, 2025)),
        lambda f: c.share_chart(f, lang="vi", unit_name="A", years=(2025, 2025)),
        lambda f: c.shortened_fields_chart(f, lang="vi", unit_name="A", year=2025),
        lambda f: c.days_chart(f, lang="vi", unit_name="A", year=2025),
        lambda f: c.timeliness_chart(f, lang="vi", unit_name="A", years=(2025, 2025)),
        lambda f: c.on_time_trend_chart(f, lang="vi", unit_name="A", years=(2025, 2025)),
    ],
)
def test_an_empty_frame_still_gives_a_titled_figure(build) -> None:
    """Pages title their "no data" message with the chart's title."""
    columns = [s.UNIT_CODE, s.NAME_VI, s.YEAR, s.SCORE, s.FIELD, s.ONLINE_LEVEL, SERIES, "rank"]
    columns += [s.PROCEDURE_NAME, s.LEGAL_DAYS, s.COMMITTED_DAYS, "procedures", "share"]
    columns += ["shortened", "early_rate", ON_TIME_ONLY_RATE, "late_rate", "on_time_rate"]
    fig = build(pd.DataFrame(columns=columns))
    assert "2025" in fig.layout.title.text
    assert all(v is None for trace in fig.data for v in (trace.y if trace.y is not None else ()))


def test_with_demo_rows_the_legend_names_only_the_demo_key() -> None:
    """A legend shown for generated rows explains the faded, hatched marks; it never shows an
    unnamed 'trace 0' for the bars themselves."""
    table = _history()[lambda d: d[s.YEAR] == 2019].assign(**{s.DEMO: [True, False]})
    fields = pd.DataFrame(
        {
            s.FIELD: ["Tư pháp", "Y tế"],
            "shortened": pd.array([5, 2], "Int64"),
            s.DEMO: [True, False],
        }
    )
    figures = [
        c.score_bars(table, lang="vi", index_id=s.INDEX_HANOI, year=2019, highlight=NTL),
        c.shortened_fields_chart(fields, lang="vi", unit_name="Quận Nam Từ Liêm", year=2019),
    ]
    for fig in figures:
        assert fig.layout.showlegend
        in_legend = [tr.name for tr in fig.data if tr.showlegend is not False]
        assert in_legend == ["Số liệu minh họa (nhạt, gạch chéo, điểm rỗng)"]


def _phone_span(fig, note) -> tuple[float, float]:
    """Where a mark's label lies across a phone's plot (px from the plot's left edge)."""
    low, high = fig.layout.xaxis.range
    at = (note.x - low) / (high - low) * (c.common.PHONE_CHART - fig.layout.margin.l)
    width = c.common._mark_width(note.text)
    return (at, at + width) if note.xanchor == "left" else (at - width, at)


@pytest.mark.parametrize(
    ("years", "late"),
    [
        ((2016, 2025), ("left", "Đổi phương pháp 2022")),
        ((2015, 2025), ("left", "Đổi phương pháp<br>2022")),  # in two lines, it fits after
        ((2016, 2023), ("right", "Đổi phương pháp 2022")),
        ((2016, 2022), ("right", "Đổi phương pháp 2022")),
        ((2020, 2023), ("left", "Đổi phương pháp 2022")),
    ],
)
def test_method_change_labels_fit_a_phones_plot(
    years: tuple[int, int], late: tuple[str, str]
) -> None:
    """A label goes to the right of its line where a phone's plot has room for it there (in
    two lines if need be), else to its left; one that would run into the label before it goes
    a row lower."""
    frame = pd.DataFrame({s.YEAR: [2017], SERIES: ["unit"], s.SCORE: [95.5]})
    fig = c.best_average_chart(
        frame, lang="vi", unit_name="A", years=years, method_changes=s.method_changes(*years)
    )
    plot = c.common.PHONE_CHART - fig.layout.margin.l  # the plot and the right margin
    spans = [_phone_span(fig, note) for note in fig.layout.annotations]
    assert spans and all(0 <= start and end <= plot for start, end in spans), spans
    rows: dict[float, list[tuple[float, float]]] = {}
    for note, span in zip(fig.layout.annotations, spans, strict=True):
        assert note.yanchor == "top" and note.yshift <= 0  # into the plot, from its top
        rows.setdefault(note.yshift, []).append(span)
    for row in rows.values():
        ends, starts = [a[1] for a in row[:-1]], [b[0] for b in row[1:]]
        assert all(end <= start for end, start in zip(ends, starts, strict=True)), row
    last = fig.layout.annotations[-1]
    assert (last.xanchor, last.text) == late


def test_the_decree_42_label_turns_left_near_the_axis_end() -> None:
    fig = c.levels_chart(_levels(), lang="vi", unit_name="A", years=(2019, 2022))
    note = fig.layout.annotations[0]
    assert (note.x, note.xanchor) == (2021.5, "right")  # 2022 is the last year: no room after
    wide = c.levels_chart(_levels(), lang="vi", unit_name="A", years=(2016, 2025))
    assert wide.layout.annotations[0].xanchor == "left"


def test_score_labels_are_never_cut() -> None:
    """Each value beside its bar ends before the chart's right edge even in a phone's plot:
    the score axis reaches past 109 where that plot would leave it no room."""
    table = _history()[lambda d: d[s.YEAR] == 2019]
    fig = c.score_bars(table, lang="vi", index_id=s.INDEX_HANOI, year=2019, highlight=NTL)
    bars, (low, end) = fig.data[0], fig.layout.xaxis.range
    assert bars.cliponaxis is False and low == 0  # from zero
    plot = c.common.PHONE_CHART - fig.layout.margin.l - fig.layout.margin.r
    for value, text in zip(bars.x, bars.text, strict=True):
        if value is not None:
            reach = value / end * plot + c.common.label_width(text) + 6
            assert reach <= plot + fig.layout.margin.r, (value, text, end)
    assert end > 109  # 96,5% beside a phone's 96,5-long bar needs more than 9 %
    wide = c.score_bars(table.assign(**{s.NAME_VI: "A"}), lang="vi", index_id=s.INDEX_HANOI,
                        year=2019)  # fmt: skip
    assert wide.layout.xaxis.range[1] >= 109
