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
from datetime import date, datetime
from typing import Any

import pandas as pd
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Inches

from indicators import schema as s
from indicators import sources
from indicators.dataset import Dataset
from indicators.deck import boxes as bx
from indicators.deck import maps, native, theme
from indicators.deck.charts import ChartSpec, topic_slides
from indicators.deck.figures import COMPARISON, MAP, DeckFigures, Topic, deck_figures
from indicators.deck.goals import goals_slide
from indicators.deck.messages import Message, key_messages
from indicators.deck.text import text_of
from indicators.explain import explain_metric
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
_BAND = 0.42  # the demo banner's height
_FOOT_GAP = 0.25  # below the footer
_NUMBER_W = 2.9  # the footer's right part: unit, period, slide number
_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY = 0, 5


def build_deck(figures: DeckFigures, lang: str = "vi", exported: date | None = None) -> bytes:
    """The .pptx bytes: title, key messages, one slide per topic, the targets of the last year.

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
    if not figures.goals.frame.empty:  # the targets of the last year, to close on
        goals_slide(deck, figures.goals, figures.years[-1])
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
    core.language = bx.LANG_TAG[lang]
    core.created = core.modified = datetime(day.year, day.month, day.day)
    core.revision = 1


# --- text --------------------------------------------------------------------------------------


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
        style: bx.Style,
        anchor: Any = MSO_ANCHOR.TOP,
    ) -> Any:
        shape = slide.shapes.add_textbox(*bx.inches(*box))
        bx.write(shape.text_frame, lines, style, self.lang)
        shape.text_frame.vertical_anchor = anchor
        return shape

    def _demo(self, topics: Sequence[Topic] = ()) -> bool:
        return self.figures.demo_on or any(topic.demo for topic in topics)

    def _banner(self, slide: Slide, topics: Sequence[Topic] = ()) -> float:
        """The demo banner across the top, when demo data is shown; the top of what follows."""
        if not self._demo(topics):
            return 0.0
        band = bx.rect(slide, (0, 0, WIDTH, _BAND), theme.DEMO_BAND)
        text = t("demo_banner_short", self.lang).upper()
        style = bx.Style(13, True, theme.DEMO_INK, PP_ALIGN.CENTER)
        bx.write(band.text_frame, [text], style, self.lang)
        band.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        return _BAND

    def _new(self, layout: int) -> Slide:
        self.count += 1
        return self.prs.slides.add_slide(self.prs.slide_layouts[layout])

    def _title(self, slide: Slide, title: str, top: float) -> float:
        """The slide's title, left, beside a red bar; the bottom of the title."""
        width = WIDTH - 2 * MARGIN - 0.3
        style = bx.fit([title], width, 0.6, bx.Style(30, True), 24)  # one line, if it can be
        if bx.measure([title], width, style) > 0.62:
            style = bx.fit([title], width, 1.0, bx.Style(26, True), 20)
        height = max(bx.measure([title], width, style), 0.6)
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = bx.inches(
            MARGIN + 0.3, top, width, height
        )
        bx.write(shape.text_frame, [title], style, self.lang)
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        bx.rect(slide, (MARGIN, top + 0.08, 0.1, height - 0.16), theme.RED)
        return top + height

    def _footer(self, slide: Slide, lines: Sequence[str]) -> float:
        """The footnotes and sources at the bottom, wrapped, the unit, period and slide number
        at the right; the top of the footer (the body ends above it)."""
        width = WIDTH - 2 * MARGIN - _NUMBER_W - 0.2
        style = bx.fit(lines, width, 0.95, bx.Style(11, colour=theme.MUTED, space=0.25), 9)
        height = bx.measure(lines, width, style)
        number = bx.Style(14, True, theme.RED, PP_ALIGN.RIGHT)
        number_h = bx.measure(["0"], 0.6, number)
        top = HEIGHT - _FOOT_GAP - max(height, number_h)
        bx.rect(slide, (MARGIN, top - 0.1, WIDTH - 2 * MARGIN, 0.015), theme.RULE)
        self._text(slide, (MARGIN, top, width, height), lines, style)
        self._text(slide, (WIDTH - MARGIN - 0.6, top, 0.6, number_h), [str(self.count)], number)
        where = [f"{self.figures.unit_name} · {self.figures.period}"]
        mark = bx.Style(10, colour=theme.MUTED, align=PP_ALIGN.RIGHT)
        mark = bx.fit(where, _NUMBER_W - 0.6, 0.3, mark, 8)
        where_h = bx.measure(where, _NUMBER_W - 0.6, mark)
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
        bx.rect(slide, (0, top, 0.35, HEIGHT - top), theme.RED)
        left, width = 1.1, WIDTH - 1.1 - 1.0
        kicker = bx.Style(16, True, theme.RED)
        self._text(slide, (left, top + 1.0, width, 0.4), [_t("kicker", lang).upper()], kicker)
        name = bx.fit([figures.unit_name], width, 1.5, bx.Style(48, True), 30)
        height = bx.measure([figures.unit_name], width, name)
        title, subtitle = slide.shapes.title, slide.placeholders[1]
        title.left, title.top, title.width, title.height = bx.inches(left, top + 1.5, width, height)
        bx.write(title.text_frame, [figures.unit_name], name, lang)
        title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        y = top + 1.5 + height + 0.15
        bx.rect(slide, (left + bx.INSET, y, 1.4, 0.07), theme.RED)
        lines = [_t("subtitle", lang, period=figures.period), _exported(day, lang)]
        sub = bx.Style(24, colour=theme.MUTED, space=0.5)
        sub_h = bx.measure(lines, width, sub)
        subtitle.left, subtitle.top, subtitle.width, subtitle.height = bx.inches(
            left, y + 0.3, width, sub_h
        )
        bx.write(subtitle.text_frame, lines, sub, lang)
        subtitle.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        about = [_t("what_data", lang)]
        style = bx.Style(14, colour=theme.INK)
        about_h = bx.measure(about, width - 0.4, style)
        panel_top = HEIGHT - 0.45 - about_h - 0.3
        bx.rect(slide, (left, panel_top, width, about_h + 0.3), theme.PANEL)
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
        while size > 14 and sum(bx.measure([x], width, bx.Style(size)) for x in texts) > room:
            size -= 0.5
        style = bx.Style(size)
        y = top + 0.25
        for i, text in enumerate(texts, start=1):
            height = bx.measure([text], width, style)
            if messages:
                badge = bx.rect(
                    slide, (MARGIN + 0.3, y + 0.02, 0.42, 0.42), theme.RED, MSO_SHAPE.OVAL
                )
                number = bx.Style(14, True, theme.WHITE, PP_ALIGN.CENTER)
                bx.write(badge.text_frame, [str(i)], number, lang)
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
            native.add_chart(slide, spec, box, lang)
        if not charts:
            self._nothing(slide, top, bottom)
        notes = [*(about or panel or [_t("no_data", lang)])]
        explained = _explanations(figures, topic_name, lang)
        self._notes(slide, [*notes, *explained, *_excerpts(topic, lang)])

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
        style = bx.Style(24, colour=theme.MUTED, align=PP_ALIGN.CENTER)
        height = bx.measure(lines, WIDTH - 2 * MARGIN, style)
        y = (top + bottom - height) / 2
        self._text(slide, (MARGIN, y, WIDTH - 2 * MARGIN, height), lines, style)

    def _unit_panel(self, slide: Slide, box: tuple[float, float, float, float], key: str):
        """The unit's rank and score that year in large type, and how to read the picture;
        its lines (for the notes)."""
        figures, lang = self.figures, self.lang
        x, y, w, h = box
        bx.rect(slide, box, theme.PANEL)
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
        blocks: list[tuple[list[str], bx.Style]] = [
            ([_t("panel_year", lang, year=figures.compare_year)], bx.Style(14, True, theme.MUTED)),
            ([figures.unit_name], bx.Style(18, True)),
            ([_t("panel_rank", lang, rank=rank)], bx.Style(30, True, theme.RED)),
            ([score], bx.Style(18)),
        ]
        if generated:
            blocks.append(([_t("panel_generated", lang)], bx.Style(13, True, theme.DEMO_INK)))
        reading = _t(f"panel_read_{key}", lang, unit=figures.unit_name)
        topic = figures.comparison if key == "compare" else figures.map_scores
        if topic.demo:
            reading += " " + _t("hatched" if key == "compare" else "map_faded", lang)
        blocks.append(([reading], bx.Style(13)))
        inner = w - 0.4
        needed = sum(bx.measure(lines, inner, st) + 0.12 for lines, st in blocks)
        scale = 1.0
        while needed * 1.0 > h - 0.4 and scale > 0.6:
            scale -= 0.05
            scaled = [
                (lines, bx.Style(st.size * scale, st.bold, st.colour)) for lines, st in blocks
            ]
            needed = sum(bx.measure(lines, inner, st) + 0.12 for lines, st in scaled)
        if scale < 1.0:
            blocks = [
                (lines, bx.Style(st.size * scale, st.bold, st.colour)) for lines, st in blocks
            ]
        cursor = y + 0.2
        for lines, style in blocks:
            height = bx.measure(lines, inner, style)
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
        slide.shapes.add_picture(io.BytesIO(png), *bx.inches(x, top, width, height))
        panel = self._unit_panel(
            slide, (WIDTH - MARGIN - panel_w, top, panel_w, bottom - top), "map"
        )
        self._notes(slide, [*panel, *_excerpts(topic, lang)])


def _exported(day: date, lang: str) -> str:
    return t("exported_on", lang, day=fmt_date(day, lang))


# the headline figures each slide's notes explain (indicators.explain)
EXPLAINED = {
    "ranks": ("m_score", "m_rank"),
    "timeliness": ("m_on_time", "m_early"),
    "shortened": ("m_shortened", "m_short_fields"),
    "levels": ("m_proc_3", "m_proc_4", "m_proc_full", "m_proc_partial"),
}


def _explanations(figures: DeckFigures, topic_name: str, lang: str) -> list[str]:
    """Where each figure of the slide comes from, year by year: its source, the passage that
    states it, how it was computed, who imported it."""
    lines = []
    for head in figures.heads:
        for key in EXPLAINED.get(topic_name, ()):
            metric = head.get(key)
            if metric is not None and metric.value is not None:
                found = explain_metric(metric, head, figures.sources, lang, figures.imports)
                lines.append(found.text())
    return [t("ex_notes_heading", lang), *lines] if lines else []


def _excerpts(topic: Topic, lang: str) -> list[str]:
    return [c.text(lang) + (f": {c.excerpt}" if c.excerpt else "") for c in topic.citations]


# --- native charts -----------------------------------------------------------------------------
