"""The deck's slides: a title slide, the key messages, one slide per topic with native charts.

Every slide carries its sources (citations, wrapped, never cut) and, when the dataset shows the
demo layer, the banner "Có số liệu minh họa — không phải số liệu chính thức". All text is NFC
and in Arial, which has every Vietnamese letter (and is metric-compatible with Liberation Sans
in LibreOffice). The data source's path or address is never printed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_PATTERN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from indicators import sources
from indicators.dataset import Dataset
from indicators.deck.charts import ChartSpec, topic_slides
from indicators.deck.figures import DeckFigures, Topic, deck_figures
from indicators.deck.messages import Message, key_messages
from indicators.deck.text import text_of
from indicators.formatting import fmt_date
from indicators.i18n import check_lang, t
from indicators.selection import Selection, file_name, select
from indicators.units import nfc

FONT = "Arial"
DEMO_HATCH = RGBColor(0x54, 0x6E, 0x7A)  # the hatching of a generated bar
_t = text_of
# Layout of a 16:9 slide, in inches.
_WIDTH, _HEIGHT = 13.333, 7.5
_MARGIN = 0.5
_TITLE_BOX = (_MARGIN, 0.3, _WIDTH - 2 * _MARGIN, 1.0)
_BODY_TOP, _BODY_BOTTOM = 1.4, 6.15
_FOOTER_BOX = (_MARGIN, 6.2, _WIDTH - 2 * _MARGIN, 1.15)
_LAYOUT_TITLE, _LAYOUT_CONTENT, _LAYOUT_TITLE_ONLY = 0, 1, 5


def build_deck(figures: DeckFigures, lang: str = "vi", exported: date | None = None) -> bytes:
    """The .pptx bytes: title, key messages, then one slide per topic with native charts."""
    check_lang(lang)
    messages = key_messages(figures, lang)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(_WIDTH), Inches(_HEIGHT)
    _title_slide(prs, figures, messages, lang, exported or date.today())
    _messages_slide(prs, figures, messages, lang)
    for topic, charts, notes in topic_slides(figures, lang):
        title = _t(topic, lang, period=figures.period)
        about = [m.text for m in messages if m.topic == topic]
        _chart_slide(prs, figures, title, charts, figures.topic(topic), [*notes], about, lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def deck_bytes(
    dataset: Dataset,
    unit: str,
    year_from: int,
    year_to: int,
    lang: str = "vi",
    exported: date | None = None,
) -> bytes:
    """`build_deck` of `deck_figures` for a unit query (code or name) and years."""
    return build_deck(
        deck_figures(dataset, select(dataset, unit, year_from, year_to)), lang, exported
    )


def deck_filename(selection: Selection, lang: str = "vi") -> str:
    """'bao-cao-cchc-nam-tu-liem-2016-2019.pptx' (vi) or 'par-report-…pptx' (en)."""
    return file_name(t("deck_file_prefix", lang), selection, "pptx")


# --- drawing --------------------------------------------------------------------------------


def _box(x: float, y: float, w: float, h: float) -> tuple[Emu, Emu, Emu, Emu]:
    return Inches(x), Inches(y), Inches(w), Inches(h)


def _write(
    frame: TextFrame, lines: Sequence[str], size: int, bold: bool = False, color: Any = None
) -> None:
    """Replace the text of `frame` with one paragraph per line, in Arial at `size` points."""
    frame.clear()
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = nfc(line)
        run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
        if color is not None:
            run.font.color.rgb = color


def _titled(prs: PresentationType, layout: int, title: str) -> Slide:
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = _box(*_TITLE_BOX)
    _write(shape.text_frame, [title], 32, bold=True)
    return slide


def _notes(slide: Slide, lines: Sequence[str]) -> None:
    slide.notes_slide.notes_text_frame.text = nfc("\n".join(lines))


def _text_box(
    slide: Slide, box: tuple[float, float, float, float], lines: Sequence[str], size: int
) -> None:
    shape = slide.shapes.add_textbox(*_box(*box))
    _write(shape.text_frame, lines, size)


def _title_slide(
    prs: PresentationType, figures: DeckFigures, messages: list[Message], lang: str, exported: date
) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    title.left, title.top, title.width, title.height = _box(_MARGIN, 1.8, _WIDTH - 2 * _MARGIN, 1.6)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = _box(
        _MARGIN, 3.6, _WIDTH - 2 * _MARGIN, 1.6
    )
    _write(title.text_frame, [figures.unit_name], 44, bold=True)
    _write(
        subtitle.text_frame,
        [_t("subtitle", lang, period=figures.period), _exported(exported, lang)],
        24,
    )
    _text_box(slide, _FOOTER_BOX, [_t("what_data", lang), *_banner(figures, lang)], 12)
    _notes(slide, [m.text for m in messages])


def _exported(day: date, lang: str) -> str:
    return t("exported_on", lang, day=fmt_date(day, lang))


def _banner(figures: DeckFigures, lang: str, topics: Sequence[Topic] = ()) -> list[str]:
    """The demo-data banner: on every slide when the dataset shows the demo layer."""
    demo = figures.demo_on or any(topic.demo for topic in topics)
    return [t("demo_banner_short", lang).upper()] if demo else []


def _messages_slide(
    prs: PresentationType, figures: DeckFigures, messages: list[Message], lang: str
) -> None:
    """The key messages, with the sources and demo warning of the topics they come from."""
    slide = _titled(prs, _LAYOUT_CONTENT, _t("messages", lang))
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = _box(
        _MARGIN, _BODY_TOP, _WIDTH - 2 * _MARGIN, _BODY_BOTTOM - _BODY_TOP
    )
    texts = [m.text for m in messages] or [_t("no_messages", lang)]
    _write(body.text_frame, texts, 22)
    topics = [figures.topic(name) for name in dict.fromkeys(m.topic for m in messages)]
    cited = list({c.id: c for topic in topics for c in topic.citations}.values())
    footer = [sources.line(cited, lang), *_banner(figures, lang, topics)]
    _text_box(slide, _FOOTER_BOX, footer, 11)
    _notes(slide, texts)


def _chart_slide(
    prs: PresentationType,
    figures: DeckFigures,
    title: str,
    charts: list[ChartSpec],
    topic: Topic,
    footnotes: list[str],
    messages: list[str],
    lang: str,
) -> None:
    """A titled slide with the charts side by side, the footnotes, sources and demo warning."""
    slide = _titled(prs, _LAYOUT_TITLE_ONLY, title)
    width = (_WIDTH - 2 * _MARGIN - 0.3 * (len(charts) - 1)) / max(len(charts), 1)
    for i, spec in enumerate(charts):
        _add_chart(
            slide, spec, (_MARGIN + i * (width + 0.3), _BODY_TOP, width, _BODY_BOTTOM - _BODY_TOP)
        )
    if not charts:
        _text_box(slide, (_MARGIN, 3.0, _WIDTH - 2 * _MARGIN, 1.0), [_t("no_data", lang)], 24)
    footer = [
        *footnotes,
        sources.line(list(topic.citations), lang),
        *_banner(figures, lang, [topic]),
    ]
    _text_box(slide, _FOOTER_BOX, footer, 11)
    notes = messages or [_t("no_data", lang)]
    _notes(
        slide,
        [
            *notes,
            *(c.text(lang) + (f": {c.excerpt}" if c.excerpt else "") for c in topic.citations),
        ],
    )


def _add_chart(slide: Slide, spec: ChartSpec, box: tuple[float, float, float, float]) -> None:
    chart = slide.shapes.add_chart(spec.kind, *_box(*box), spec.data).chart
    chart.font.name, chart.font.size = FONT, Pt(14)
    chart.has_title = spec.title is not None
    if spec.title:
        _write(chart.chart_title.text_frame, [spec.title], 16, bold=True)
    chart.has_legend = spec.legend
    if spec.legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = spec.number_format, False
    labels.position = spec.label_position
    labels.font.size = Pt(12)
    values = chart.value_axis
    values.has_major_gridlines = not spec.reverse_values
    values.tick_labels.number_format = spec.axis_format or spec.number_format
    values.tick_labels.number_format_is_linked = False
    if spec.value_range:
        values.minimum_scale, values.maximum_scale = spec.value_range
    if spec.reverse_values:
        values.reverse_order = True
        values.crosses = XL_AXIS_CROSSES.MAXIMUM  # keep the years at the bottom
    _mark_generated(plot, spec)


def _mark_generated(plot: Any, spec: ChartSpec) -> None:
    """Generated values unlike published ones: hatched bars, hollow markers."""
    line = spec.kind in (XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.LINE)
    for series in plot.series:
        for i, demo in enumerate(spec.demo):
            if not demo:
                continue
            point = series.points[i]
            if line:
                point.marker.format.fill.background()
                continue
            fill = point.format.fill
            fill.patterned()
            fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fill.fore_color.rgb = DEMO_HATCH
            fill.back_color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
