"""The deck's native charts (python-pptx): the data of a ChartSpec drawn in the dashboard's
colours, values labelled the language's way, generated points hatched or hollow."""

from __future__ import annotations

from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_AXIS_CROSSES,
    XL_CHART_TYPE,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
    XL_TICK_MARK,
)
from pptx.enum.chart import XL_TICK_LABEL_POSITION as XL_TICK_LABELS
from pptx.enum.dml import MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Pt

from indicators.deck import boxes as bx
from indicators.deck import theme
from indicators.deck.charts import ChartSpec

FONT = theme.FONT
_LOCALE = {"vi": "[$-42A]", "en": "[$-409]"}  # number formats written the language's way


def _format(code: str, lang: str) -> str:
    return f"{_LOCALE[lang]}{code}"


def _contrast(hex_colour: str) -> str:
    """Dark text on a light fill, white on a dark one."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return theme.INK if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else theme.WHITE


def add_chart(
    slide: Slide, spec: ChartSpec, box: tuple[float, float, float, float], lang: str
) -> None:
    chart = slide.shapes.add_chart(spec.kind, *bx.inches(*box), spec.data).chart
    chart.font.name, chart.font.size = FONT, Pt(12)
    chart.font.color.rgb = theme.rgb(theme.INK)
    chart.has_title = spec.title is not None
    if spec.title:
        chart.chart_title.include_in_layout = True
        bx.write(chart.chart_title.text_frame, [spec.title], bx.Style(15, True), lang)
    chart.has_legend = spec.legend
    if spec.legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
        chart.legend.font.name, chart.legend.font.size = FONT, Pt(13)
        chart.legend.font.color.rgb = theme.rgb(theme.INK)
    plot = chart.plots[0]
    if spec.gap_width is not None:
        plot.gap_width = spec.gap_width
    if len(plot.series) > 1 and spec.kind == XL_CHART_TYPE.COLUMN_CLUSTERED:
        plot.overlap = -5
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = _format(spec.number_format, lang)
    labels.number_format_is_linked = False
    labels.position = spec.label_position
    labels.font.name, labels.font.size = FONT, Pt(spec.label_size)
    _style_axes(chart, spec, lang)
    _colour(plot, spec)
    _label(plot, spec, lang)
    _mark_generated(plot, spec)


def _style_axes(chart: Any, spec: ChartSpec, lang: str) -> None:
    categories = chart.category_axis
    categories.has_major_gridlines = False
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.format.line.color.rgb = theme.rgb(theme.RULE)
    categories.tick_labels.font.name = FONT
    categories.tick_labels.font.size = Pt(spec.category_size)
    categories.tick_labels.font.color.rgb = theme.rgb(theme.INK)
    values = chart.value_axis
    values.has_major_gridlines = spec.value_axis
    if spec.value_axis:
        values.major_gridlines.format.line.color.rgb = theme.rgb(theme.RULE)
    values.format.line.fill.background()
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.tick_labels.font.name = FONT
    values.tick_labels.font.size = Pt(11)
    values.tick_labels.font.color.rgb = theme.rgb(theme.MUTED)
    values.tick_labels.number_format = _format(spec.axis_format or spec.number_format, lang)
    values.tick_labels.number_format_is_linked = False
    if not spec.value_axis:
        values.tick_label_position = XL_TICK_LABELS.NONE
    if spec.value_range:
        values.minimum_scale, values.maximum_scale = spec.value_range
    if spec.major_unit:
        values.major_unit = spec.major_unit
    if spec.every_category:  # LibreOffice would skip every other label of a crowded axis
        axis = categories._element
        skip = axis.find(qn("c:tickLblSkip"))
        if skip is None:
            skip = axis.makeelement(qn("c:tickLblSkip"), {})
            _insert_in_order(axis, skip)
        skip.set("val", "1")
    if spec.reverse_values:
        values.reverse_order = True
        values.crosses = XL_AXIS_CROSSES.MAXIMUM  # keep the years at the bottom


# c:catAx's children in the schema's order, from tickLblSkip on (it must come before these)
_AFTER_SKIP = ("c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst")


def _insert_in_order(axis: Any, element: Any) -> None:
    for tag in _AFTER_SKIP:
        found = axis.find(qn(tag))
        if found is not None:
            found.addprevious(element)
            return
    axis.append(element)


def _line_chart(spec: ChartSpec) -> bool:
    return spec.kind in (XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.LINE)


def _series_colour(spec: ChartSpec, index: int) -> str:
    return spec.colours[index % len(spec.colours)] if spec.colours else theme.MUTED


def _point_colour(spec: ChartSpec, series: int, point: int) -> str:
    if spec.point_colours and point < len(spec.point_colours):
        return spec.point_colours[point]
    return _series_colour(spec, series)


def _colour(plot: Any, spec: ChartSpec) -> None:
    """The dashboard's colours: a series' fill (or line and markers), a point's over it."""
    for i, series in enumerate(plot.series):
        colour = theme.rgb(_series_colour(spec, i))
        if _line_chart(spec):
            series.smooth = False
            series.format.line.color.rgb = colour
            series.format.line.width = Pt(3)
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 11
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = colour
            series.marker.format.line.color.rgb = colour
            continue
        series.invert_if_negative = False
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour
        series.format.line.fill.background()
        for j, hex_colour in enumerate(spec.point_colours):
            if hex_colour != _series_colour(spec, i):
                point = series.points[j]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = theme.rgb(hex_colour)


def _label(plot: Any, spec: ChartSpec, lang: str) -> None:
    """Each value's label as text written the language's way (98,67% / 98.67%): a chart's
    number format follows the reader's system, not the deck's language."""
    centre = spec.label_position == spec.label_position.CENTER
    for i, series in enumerate(plot.series):
        for j, value in enumerate(series.values):
            if value is None:
                continue
            hatched = j < len(spec.demo) and spec.demo[j]  # mostly white: dark text
            fill = theme.WHITE if hatched else _point_colour(spec, i, j)
            colour = _contrast(fill) if centre else theme.INK
            label = series.points[j].data_label
            frame = label.text_frame
            frame.text = ""
            text = spec.texts[j] if j < len(spec.texts) else None
            bx.run_text(
                frame.paragraphs[0].add_run(),
                text or spec.label(value, lang),
                spec.label_size,
                False,
                colour,
                lang,
            )
            label.position = spec.label_position


def _mark_generated(plot: Any, spec: ChartSpec) -> None:
    """Generated values unlike published ones: hatched bars, hollow markers."""
    for i, series in enumerate(plot.series):
        for j, demo in enumerate(spec.demo):
            if not demo or j >= len(series.values):
                continue
            point = series.points[j]
            if _line_chart(spec):
                point.marker.style = XL_MARKER_STYLE.CIRCLE
                point.marker.size = 11
                point.marker.format.fill.solid()
                point.marker.format.fill.fore_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
                point.marker.format.line.color.rgb = theme.rgb(_series_colour(spec, i))
                point.marker.format.line.width = Pt(2.25)
                continue
            fill = point.format.fill
            fill.patterned()
            fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fill.fore_color.rgb = theme.rgb(_point_colour(spec, i, j))
            fill.back_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            point.format.line.color.rgb = theme.rgb(_point_colour(spec, i, j))
            point.format.line.width = Pt(1)
