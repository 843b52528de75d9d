"""Text boxes of the deck: measured so that nothing is cut, written run by run in the deck's
font with the language tagged, and plain rectangles (indicators.deck.theme measures)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from indicators.deck import theme
from indicators.units import nfc

FONT = theme.FONT
INSET = 0.04  # a text box's inner margin, left and right (top and bottom: half of it)
# lines are measured 3 % narrower than the box: a renderer's positions round, and a line that
# just fits by measure may not fit on the slide
WRAP_SHARE = 0.97
LANG_TAG = {"vi": "vi-VN", "en": "en-GB"}


def inches(x: float, y: float, w: float, h: float) -> tuple[Emu, Emu, Emu, Emu]:
    return Inches(x), Inches(y), Inches(w), Inches(h)


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False
    colour: str = theme.INK
    align: Any = PP_ALIGN.LEFT
    space: float = 0.0  # before each paragraph but the first, as a share of the size


def measure(lines: Sequence[str], width: float, style: Style) -> float:
    """The height (inches) of `lines` in a box `width` inches wide, margins included."""
    inner = (width - 2 * INSET) * 72 * WRAP_SHARE
    points = theme.text_height(lines, inner, style.size, style.bold, style.size * style.space)
    return points / 72 + 2 * INSET


def fit(lines: Sequence[str], width: float, height: float, style: Style, smallest: float) -> Style:
    """`style` at the largest size down to `smallest` at which `lines` fit the box."""
    inner_w, inner_h = (width - 2 * INSET) * 72 * WRAP_SHARE, (height - 2 * INSET) * 72
    size = theme.fit_size(lines, inner_w, inner_h, style.size, smallest, style.bold, style.space)
    return Style(size, style.bold, style.colour, style.align, style.space)


def write(frame: TextFrame, lines: Sequence[str], style: Style, lang: str) -> None:
    """Replace the text of `frame` with one paragraph per line, each run in Arial."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Inches(INSET)
    frame.margin_top = frame.margin_bottom = Inches(INSET / 2)
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = style.align
        paragraph.line_spacing = 1.0
        paragraph.space_before = Pt(style.size * style.space if i else 0)
        paragraph.space_after = Pt(0)
        run_text(paragraph.add_run(), line, style.size, style.bold, style.colour, lang)


def run_text(run: Any, text: str, size: float, bold: bool, colour: str, lang: str) -> None:
    run.text = nfc(text)
    font = run.font
    font.name, font.size, font.bold = FONT, Pt(size), bold
    font.color.rgb = theme.rgb(colour)
    props = run._r.get_or_add_rPr()
    props.set("lang", LANG_TAG[lang])
    for script in ("ea", "cs"):  # every script in Arial, so no application picks another
        tag = f"{{http://schemas.openxmlformats.org/drawingml/2006/main}}{script}"
        node = props.find(tag)
        if node is None:
            node = props.makeelement(tag, {})
            props.append(node)
        node.set("typeface", FONT)


def rect(slide: Slide, box: tuple[float, float, float, float], colour: str, shape: Any = None):
    rect = slide.shapes.add_shape(shape or MSO_SHAPE.RECTANGLE, *inches(*box))
    rect.fill.solid()
    rect.fill.fore_color.rgb = theme.rgb(colour)
    rect.line.fill.background()
    style = rect._element.find(qn("p:style"))  # the template's style: a shadow, a white font
    if style is not None:
        rect._element.remove(style)
    return rect
