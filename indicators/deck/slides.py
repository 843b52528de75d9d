"""The deck's slides, in the dashboard's look (indicators.deck.theme).

1. title: the unit, the period, the date the deck was made, what the figures are;
2. key messages, numbered;
3. the PAR score and rank per year;
4. the unit against every unit of its index in the last year it has a score (its bar in red);
5. the map of that year's scores, the unit outlined (a picture drawn by Chromium: maps.py);
6. procedures online per level; 7. dossiers on time / late; 8. shortened procedures.

Every slide carries its sources, wrapped and never cut (each box is as tall as its measured
text: theme.text_height), its number, and, when the dataset shows the demo layer, the banner
"CÓ SỐ LIỆU MINH HỌA — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC" across its top. Every run of text is NFC
and in Arial, set explicitly. The data source's path or address is never written anywhere.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
from pptx import Presentation
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
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from indicators import schema as s
from indicators import sources
from indicators.dataset import Dataset
from indicators.deck import maps, theme
from indicators.deck.charts import ChartSpec, topic_slides
from indicators.deck.figures import COMPARISON, MAP, DeckFigures, Topic, deck_figures
from indicators.deck.messages import Message, key_messages
from indicators.deck.text import text_of
from indicators.formatting import fmt_date, fmt_number, fmt_rank
from indicators.i18n import check_lang, t
from indicators.rankings import RANK, UNITS_RANKED
from indicators.selection import Selection, file_name, select
from indicators.units import nfc

FONT = theme.FONT
_t = text_of
# A 16:9 slide, in inches.
WIDTH, HEIGHT = 13.333, 7.5
MARGIN = 0.5
_INSET = 0.04  # a text box's inner margin, left and right (top and bottom: half of it)
# lines are measured 3 % narrower than the box: a renderer's positions round, and a line that
# just fits by measure may not fit on the slide
_WRAP_SHARE = 0.97
_BAND = 0.42  # the demo banner's height
_FOOT_GAP = 0.25  # below the footer
_NUMBER_W = 2.9  # the footer's right part: unit, period, slide number
_LANG_TAG = {"vi": "vi-VN", "en": "en-GB"}
_LOCALE = {"vi": "[$-42A]", "en": "[$-409]"}  # number formats written the language's way
_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY = 0, 5


def build_deck(figures: DeckFigures, lang: str = "vi", exported: date | None = None) -> bytes:
    """The .pptx bytes: title, key messages, then one slide per topic.

    Drawing the map needs Chromium (indicators.chart_images.chromium_path): without it this
    raises chart_images.ChromiumNotFound rather than leave the map out."""
    check_lang(lang)
    day = exported or date.today()
    messages = key_messages(figures, lang)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH), Inches(HEIGHT)
    theme.apply_theme(prs)
    _properties(prs, figures, lang, day)
    deck = _Deck(prs, figures, lang)
    deck.title_slide(messages, day)
    deck.messages_slide(messages)
    for topic, charts, notes in topic_slides(figures, lang):
        about = [m.text for m in messages if m.topic == topic]
        if topic == MAP:
            deck.map_slide()
        else:
            deck.chart_slide(topic, charts, notes, about)
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


def _properties(prs: PresentationType, figures: DeckFigures, lang: str, day: date) -> None:
    """The file's own properties: what it is, nothing of where its data came from."""
    core = prs.core_properties
    core.title = nfc(f"{figures.unit_name} — {_t('subtitle', lang, period=figures.period)}")
    core.subject = core.title
    core.author = core.last_modified_by = nfc(_t("author", lang))
    core.keywords = core.comments = core.category = ""
    core.language = _LANG_TAG[lang]
    core.created = core.modified = datetime(day.year, day.month, day.day)
    core.revision = 1


# --- text --------------------------------------------------------------------------------------


def _box(x: float, y: float, w: float, h: float) -> tuple[Emu, Emu, Emu, Emu]:
    return Inches(x), Inches(y), Inches(w), Inches(h)


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False
    colour: str = theme.INK
    align: Any = PP_ALIGN.LEFT
    space: float = 0.0  # before each paragraph but the first, as a share of the size


def _measure(lines: Sequence[str], width: float, style: Style) -> float:
    """The height (inches) of `lines` in a box `width` inches wide, margins included."""
    inner = (width - 2 * _INSET) * 72 * _WRAP_SHARE
    points = theme.text_height(lines, inner, style.size, style.bold, style.size * style.space)
    return points / 72 + 2 * _INSET


def _fit(lines: Sequence[str], width: float, height: float, style: Style, smallest: float) -> Style:
    """`style` at the largest size down to `smallest` at which `lines` fit the box."""
    inner_w, inner_h = (width - 2 * _INSET) * 72 * _WRAP_SHARE, (height - 2 * _INSET) * 72
    size = theme.fit_size(lines, inner_w, inner_h, style.size, smallest, style.bold, style.space)
    return Style(size, style.bold, style.colour, style.align, style.space)


def _write(frame: TextFrame, lines: Sequence[str], style: Style, lang: str) -> None:
    """Replace the text of `frame` with one paragraph per line, each run in Arial."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Inches(_INSET)
    frame.margin_top = frame.margin_bottom = Inches(_INSET / 2)
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = style.align
        paragraph.line_spacing = 1.0
        paragraph.space_before = Pt(style.size * style.space if i else 0)
        paragraph.space_after = Pt(0)
        _run(paragraph.add_run(), line, style.size, style.bold, style.colour, lang)


def _run(run: Any, text: str, size: float, bold: bool, colour: str, lang: str) -> None:
    run.text = nfc(text)
    font = run.font
    font.name, font.size, font.bold = FONT, Pt(size), bold
    font.color.rgb = theme.rgb(colour)
    props = run._r.get_or_add_rPr()
    props.set("lang", _LANG_TAG[lang])
    for script in ("ea", "cs"):  # every script in Arial, so no application picks another
        tag = f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{script}"
        node = props.find(tag)
        if node is None:
            node = props.makeelement(tag, {})
            props.append(node)
        node.set("typeface", FONT)


def _rect(slide: Slide, box: tuple[float, float, float, float], colour: str, shape: Any = None):
    rect = slide.shapes.add_shape(shape or MSO_SHAPE.RECTANGLE, *_box(*box))
    rect.fill.solid()
    rect.fill.fore_color.rgb = theme.rgb(colour)
    rect.line.fill.background()
    style = rect._element.find(qn("p:style"))  # the template's style: a shadow, a white font
    if style is not None:
        rect._element.remove(style)
    return rect


# --- the slides --------------------------------------------------------------------------------


class _Deck:
    """Lays out the slides of one deck; remembers the slide count for the footers."""

    def __init__(self, prs: PresentationType, figures: DeckFigures, lang: str) -> None:
        self.prs, self.figures, self.lang = prs, figures, lang
        self.count = 0

    # --- pieces every slide has ---

    def _text(
        self,
        slide: Slide,
        box: tuple[float, float, float, float],
        lines: Sequence[str],
        style: Style,
        anchor: Any = MSO_ANCHOR.TOP,
    ) -> Any:
        shape = slide.shapes.add_textbox(*_box(*box))
        _write(shape.text_frame, lines, style, self.lang)
        shape.text_frame.vertical_anchor = anchor
        return shape

    def _demo(self, topics: Sequence[Topic] = ()) -> bool:
        return self.figures.demo_on or any(topic.demo for topic in topics)

    def _banner(self, slide: Slide, topics: Sequence[Topic] = ()) -> float:
        """The demo banner across the top, when demo data is shown; the top of what follows."""
        if not self._demo(topics):
            return 0.0
        band = _rect(slide, (0, 0, WIDTH, _BAND), theme.DEMO_BAND)
        text = t("demo_banner_short", self.lang).upper()
        style = Style(13, True, theme.DEMO_INK, PP_ALIGN.CENTER)
        _write(band.text_frame, [text], style, self.lang)
        band.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        return _BAND

    def _new(self, layout: int) -> Slide:
        self.count += 1
        return self.prs.slides.add_slide(self.prs.slide_layouts[layout])

    def _title(self, slide: Slide, title: str, top: float) -> float:
        """The slide's title, left, beside a red bar; the bottom of the title."""
        width = WIDTH - 2 * MARGIN - 0.3
        style = _fit([title], width, 0.6, Style(30, True), 24)  # one line, if it can be
        if _measure([title], width, style) > 0.62:
            style = _fit([title], width, 1.0, Style(26, True), 20)
        height = max(_measure([title], width, style), 0.6)
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = _box(MARGIN + 0.3, top, width, height)
        _write(shape.text_frame, [title], style, self.lang)
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _rect(slide, (MARGIN, top + 0.08, 0.1, height - 0.16), theme.RED)
        return top + height

    def _footer(self, slide: Slide, lines: Sequence[str]) -> float:
        """The footnotes and sources at the bottom, wrapped, the unit, period and slide number
        at the right; the top of the footer (the body ends above it)."""
        width = WIDTH - 2 * MARGIN - _NUMBER_W - 0.2
        style = _fit(lines, width, 0.95, Style(11, colour=theme.MUTED, space=0.25), 9)
        height = _measure(lines, width, style)
        number = Style(14, True, theme.RED, PP_ALIGN.RIGHT)
        number_h = _measure(["0"], 0.6, number)
        top = HEIGHT - _FOOT_GAP - max(height, number_h)
        _rect(slide, (MARGIN, top - 0.1, WIDTH - 2 * MARGIN, 0.015), theme.RULE)
        self._text(slide, (MARGIN, top, width, height), lines, style)
        self._text(slide, (WIDTH - MARGIN - 0.6, top, 0.6, number_h), [str(self.count)], number)
        where = [f"{self.figures.unit_name} · {self.figures.period}"]
        mark = Style(10, colour=theme.MUTED, align=PP_ALIGN.RIGHT)
        mark = _fit(where, _NUMBER_W - 0.6, 0.3, mark, 8)
        where_h = _measure(where, _NUMBER_W - 0.6, mark)
        box = (WIDTH - MARGIN - _NUMBER_W, top + (number_h - where_h) / 2, _NUMBER_W - 0.6, where_h)
        self._text(slide, box, where, mark)
        return top - 0.2

    def _notes(self, slide: Slide, lines: Sequence[str]) -> None:
        slide.notes_slide.notes_text_frame.text = nfc("\n".join(lines))

    # --- 1. title ---

    def title_slide(self, messages: list[Message], day: date) -> None:
        figures, lang = self.figures, self.lang
        slide = self._new(_LAYOUT_TITLE)
        top = self._banner(slide)
        _rect(slide, (0, top, 0.35, HEIGHT - top), theme.RED)
        left, width = 1.1, WIDTH - 1.1 - 1.0
        kicker = Style(16, True, theme.RED)
        self._text(slide, (left, top + 1.0, width, 0.4), [_t("kicker", lang).upper()], kicker)
        name = _fit([figures.unit_name], width, 1.5, Style(48, True), 30)
        height = _measure([figures.unit_name], width, name)
        title, subtitle = slide.shapes.title, slide.placeholders[1]
        title.left, title.top, title.width, title.height = _box(left, top + 1.5, width, height)
        _write(title.text_frame, [figures.unit_name], name, lang)
        title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        y = top + 1.5 + height + 0.15
        _rect(slide, (left + _INSET, y, 1.4, 0.07), theme.RED)
        lines = [_t("subtitle", lang, period=figures.period), _exported(day, lang)]
        sub = Style(24, colour=theme.MUTED, space=0.5)
        sub_h = _measure(lines, width, sub)
        subtitle.left, subtitle.top, subtitle.width, subtitle.height = _box(
            left, y + 0.3, width, sub_h
        )
        _write(subtitle.text_frame, lines, sub, lang)
        subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        about = [_t("what_data", lang)]
        style = Style(14, colour=theme.INK)
        about_h = _measure(about, width - 0.4, style)
        panel_top = HEIGHT - 0.45 - about_h - 0.3
        _rect(slide, (left, panel_top, width, about_h + 0.3), theme.PANEL)
        self._text(slide, (left + 0.2, panel_top + 0.15, width - 0.4, about_h), about, style)
        self._notes(slide, [m.text for m in messages] or [_t("no_messages", lang)])

    # --- 2. key messages ---

    def messages_slide(self, messages: list[Message]) -> None:
        """The key messages, numbered, with the sources of the topics they come from."""
        figures, lang = self.figures, self.lang
        topics = [figures.topic(name) for name in dict.fromkeys(m.topic for m in messages)]
        slide = self._new(_LAYOUT_TITLE_ONLY)
        top = self._title(slide, _t("messages", lang), self._banner(slide, topics) + 0.3)
        cited = list({c.id: c for topic in topics for c in topic.citations}.values())
        bottom = self._footer(slide, [sources.line(cited, lang)])
        texts = [m.text for m in messages] or [_t("no_messages", lang)]
        left, width = MARGIN + 0.9, WIDTH - 2 * MARGIN - 0.9
        gap = 0.16
        room = bottom - top - 0.25 - gap * (len(texts) - 1)
        size = 22.0
        while size > 14 and sum(_measure([x], width, Style(size)) for x in texts) > room:
            size -= 0.5
        style = Style(size)
        y = top + 0.25
        for i, text in enumerate(texts, start=1):
            height = _measure([text], width, style)
            if messages:
                badge = _rect(
                    slide, (MARGIN + 0.3, y + 0.02, 0.42, 0.42), theme.RED, MSO_SHAPE.OVAL
                )
                number = Style(14, True, theme.WHITE, PP_ALIGN.CENTER)
                _write(badge.text_frame, [str(i)], number, lang)
                badge.text_frame.margin_left = badge.text_frame.margin_right = 0
                badge.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            self._text(slide, (left, y, width, height), [text], style)
            y += height + gap
        self._notes(slide, texts)

    # --- chart slides ---

    def chart_slide(
        self, topic_name: str, charts: list[ChartSpec], footnotes: list[str], about: list[str]
    ) -> None:
        """A titled slide with the charts side by side (the comparison with its panel), the
        footnotes, sources and demo banner; the key messages and excerpts in the notes."""
        figures, lang = self.figures, self.lang
        topic = figures.topic(topic_name)
        slide = self._new(_LAYOUT_TITLE_ONLY)
        title = self._slide_title(topic_name)
        top = self._title(slide, title, self._banner(slide, [topic]) + 0.3) + 0.2
        footer = [*footnotes, sources.line(list(topic.citations), lang)]
        bottom = self._footer(slide, footer)
        left, right = MARGIN, WIDTH - MARGIN
        panel: list[str] = []
        if topic_name == COMPARISON and charts:
            panel = self._unit_panel(slide, (right - 3.6, top, 3.6, bottom - top), "compare")
            right -= 3.9
        gap = 0.3
        width = (right - left - gap * (len(charts) - 1)) / max(len(charts), 1)
        for i, spec in enumerate(charts):
            box = (left + i * (width + gap), top, width, bottom - top)
            _add_chart(slide, spec, box, lang)
        if not charts:
            self._nothing(slide, top, bottom)
        notes = [*(about or panel or [_t("no_data", lang)])]
        self._notes(slide, [*notes, *_excerpts(topic, lang)])

    def _slide_title(self, topic_name: str) -> str:
        figures, lang = self.figures, self.lang
        if topic_name in (COMPARISON, MAP):
            year = figures.compare_year
            if year is None:
                return _t(f"{topic_name}_none_title", lang, period=figures.period)
            return _t(topic_name, lang, unit=figures.unit_name, year=year)
        return _t(topic_name, lang, period=figures.period)

    def _nothing(self, slide: Slide, top: float, bottom: float) -> None:
        lines = [_t("no_data", self.lang)]
        style = Style(24, colour=theme.MUTED, align=PP_ALIGN.CENTER)
        height = _measure(lines, WIDTH - 2 * MARGIN, style)
        y = (top + bottom - height) / 2
        self._text(slide, (MARGIN, y, WIDTH - 2 * MARGIN, height), lines, style)

    def _unit_panel(self, slide: Slide, box: tuple[float, float, float, float], key: str):
        """The unit's rank and score that year in large type, and how to read the picture;
        its lines (for the notes)."""
        figures, lang = self.figures, self.lang
        x, y, w, h = box
        _rect(slide, box, theme.PANEL)
        frame = figures.comparison.frame
        row = frame[frame[s.UNIT_CODE] == figures.unit_code].iloc[0]
        generated = bool(pd.notna(row[s.DEMO]) and row[s.DEMO])
        rank = fmt_rank(row[RANK], row[UNITS_RANKED], lang)
        score = _t(
            "panel_score",
            lang,
            score=fmt_number(row[s.SCORE], lang, 2),
            best=fmt_number(row[s.MAX_SCORE], lang, 0),
        )
        blocks: list[tuple[list[str], Style]] = [
            ([_t("panel_year", lang, year=figures.compare_year)], Style(14, True, theme.MUTED)),
            ([figures.unit_name], Style(18, True)),
            ([_t("panel_rank", lang, rank=rank)], Style(30, True, theme.RED)),
            ([score], Style(18)),
        ]
        if generated:
            blocks.append(([_t("panel_generated", lang)], Style(13, True, theme.DEMO_INK)))
        reading = _t(f"panel_read_{key}", lang, unit=figures.unit_name)
        topic = figures.comparison if key == "compare" else figures.map_scores
        if topic.demo:
            reading += " " + _t("hatched" if key == "compare" else "map_faded", lang)
        blocks.append(([reading], Style(13)))
        inner = w - 0.4
        needed = sum(_measure(lines, inner, st) + 0.12 for lines, st in blocks)
        scale = 1.0
        while needed * 1.0 > h - 0.4 and scale > 0.6:
            scale -= 0.05
            scaled = [(lines, Style(st.size * scale, st.bold, st.colour)) for lines, st in blocks]
            needed = sum(_measure(lines, inner, st) + 0.12 for lines, st in scaled)
        if scale < 1.0:
            blocks = [(lines, Style(st.size * scale, st.bold, st.colour)) for lines, st in blocks]
        cursor = y + 0.2
        for lines, style in blocks:
            height = _measure(lines, inner, style)
            self._text(slide, (x + 0.2, cursor, inner, height), lines, style)
            cursor += height + 0.12
        return [" ".join(lines) for lines, _ in blocks]

    # --- the map ---

    def map_slide(self) -> None:
        """The city's units coloured by score in the comparison year, the unit outlined."""
        figures, lang = self.figures, self.lang
        topic = figures.map_scores
        slide = self._new(_LAYOUT_TITLE_ONLY)
        top = self._title(slide, self._slide_title(MAP), self._banner(slide, [topic]) + 0.3)
        top += 0.15
        drawn = maps.map_available(figures)
        footer = [sources.line(list(topic.citations), lang)]
        if drawn:
            note = _t("map_note", lang)
            note += f" {_t('map_faded', lang)}" if topic.demo else ""
            footer = [note, *footer, maps.attribution(figures, lang)]
        bottom = self._footer(slide, footer)
        if not drawn:
            self._nothing(slide, top, bottom)
            self._notes(slide, [_t("no_data", lang)])
            return
        png = maps.map_png(figures, lang)
        height = bottom - top
        width = height * maps.PICTURE[0] / maps.PICTURE[1]
        panel_w = 3.6
        room = WIDTH - 2 * MARGIN - panel_w - 0.3
        if width > room:
            width, height = room, room * maps.PICTURE[1] / maps.PICTURE[0]
        x = MARGIN + (room - width) / 2
        slide.shapes.add_picture(io.BytesIO(png), *_box(x, top, width, height))
        panel = self._unit_panel(
            slide, (WIDTH - MARGIN - panel_w, top, panel_w, bottom - top), "map"
        )
        self._notes(slide, [*panel, *_excerpts(topic, lang)])


def _exported(day: date, lang: str) -> str:
    return t("exported_on", lang, day=fmt_date(day, lang))


def _excerpts(topic: Topic, lang: str) -> list[str]:
    return [c.text(lang) + (f": {c.excerpt}" if c.excerpt else "") for c in topic.citations]


# --- native charts -----------------------------------------------------------------------------


def _format(code: str, lang: str) -> str:
    return f"{_LOCALE[lang]}{code}"


def _contrast(hex_colour: str) -> str:
    """Dark text on a light fill, white on a dark one."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return theme.INK if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else theme.WHITE


def _add_chart(
    slide: Slide, spec: ChartSpec, box: tuple[float, float, float, float], lang: str
) -> None:
    chart = slide.shapes.add_chart(spec.kind, *_box(*box), spec.data).chart
    chart.font.name, chart.font.size = FONT, Pt(12)
    chart.font.color.rgb = theme.rgb(theme.INK)
    chart.has_title = spec.title is not None
    if spec.title:
        chart.chart_title.include_in_layout = True
        _write(chart.chart_title.text_frame, [spec.title], Style(15, True), lang)
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
            _run(
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
