"""The deck's own look: the dashboard's colours and type, and text measured before it is laid.

Colours come from the dashboard (indicators.charts.style, indicators.chart_theme): its red for
the unit, its greens and red for on time / late, its blues and oranges for the online levels.
The type is Arial, set on every run: PowerPoint has it, and LibreOffice draws it with
Liberation Sans, which has the same widths (metric-compatible) and every Vietnamese letter,
so that both break lines at the same places.

python-pptx cannot measure text, so `text_height` does: it wraps the words with the widths of
Liberation Sans (or Arial) read by Pillow, as LibreOffice and PowerPoint wrap, and each box is
given the height its text needs, or a smaller size is chosen (`fit_size`), never a cut.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation as PresentationType

from indicators.chart_theme import GRID, TEXT
from indicators.charts.style import (
    BEST,
    FIELD,
    HIGHLIGHT,
    LEVEL_COLOURS,
    NEUTRAL,
    OTHER,
    TIMELINESS_COLOURS,
    UNKNOWN_LEVEL,
)
from indicators.timeliness import EARLY_RATE, LATE_RATE
from indicators.views import ON_TIME_ONLY_RATE

FONT = "Arial"
# The dashboard's colours, as hex (no '#').
RED = HIGHLIGHT.lstrip("#")  # the unit: c62828
OTHER_UNIT = OTHER.lstrip("#")  # every other unit
INK = TEXT.lstrip("#")  # text
MUTED = NEUTRAL.lstrip("#")  # sources, axes, footers
RULE = GRID.lstrip("#")  # gridlines and rules
PANEL = FIELD.lstrip("#")  # a light panel behind text
GREEN_DARK = TIMELINESS_COLOURS[EARLY_RATE].lstrip("#")
GREEN_LIGHT = TIMELINESS_COLOURS[ON_TIME_ONLY_RATE].lstrip("#")
LATE_RED = TIMELINESS_COLOURS[LATE_RATE].lstrip("#")
GOOD = BEST.lstrip("#")
BLUE = LEVEL_COLOURS["3"].lstrip("#")
NAVY = LEVEL_COLOURS["4"].lstrip("#")
LEVELS = {k: v.lstrip("#") for k, v in LEVEL_COLOURS.items()}
LEVEL_UNKNOWN = UNKNOWN_LEVEL.lstrip("#")
DEMO_BAND = "FFE08A"  # the demo banner: amber, as a warning (dark text on it)
DEMO_INK = "5D4200"
WHITE = "FFFFFF"


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


# --- the theme part: colour and font schemes ---------------------------------------------------

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# The theme's colour slots, so that an object a user adds in PowerPoint takes our colours too.
SCHEME = {
    "dk1": INK,
    "lt1": WHITE,
    "dk2": MUTED,
    "lt2": PANEL,
    "accent1": RED,
    "accent2": BLUE,
    "accent3": GREEN_DARK,
    "accent4": LEVELS["full"],
    "accent5": OTHER_UNIT,
    "accent6": NAVY,
    "hlink": BLUE,
    "folHlink": NAVY,
}
THEME_NAME = "Chỉ số CCHC"


def apply_theme(prs: PresentationType) -> None:
    """Give the deck's theme the dashboard's colours and Arial for headings and body."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", THEME_NAME)
    scheme = root.find(f"{{{_A}}}themeElements/{{{_A}}}clrScheme")
    scheme.set("name", THEME_NAME)
    for slot, colour in SCHEME.items():
        holder = scheme.find(f"{{{_A}}}{slot}")
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, f"{{{_A}}}srgbClr", val=colour.upper())
    fonts = root.find(f"{{{_A}}}themeElements/{{{_A}}}fontScheme")
    fonts.set("name", THEME_NAME)
    for kind in ("majorFont", "minorFont"):
        fonts.find(f"{{{_A}}}{kind}/{{{_A}}}latin").set("typeface", FONT)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- measuring text ----------------------------------------------------------------------------

_FONT_FILES = {
    False: (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "C:/Windows/Fonts/arial.ttf",
        "/Library/Fonts/Arial.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
    ),
    True: (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
        "/Library/Fonts/Arial Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
    ),
}
_UNITS = 1000  # the font is read at 1000 px: widths in thousandths of an em
LINE_HEIGHT = 1.17  # Arial's ascent + descent (1.117 em), with room for rounding
_GUESS_EM = 0.62  # without a font file: a generous average advance per character


@lru_cache(maxsize=2)
def _font(bold: bool):  # noqa: ANN202 - a Pillow FreeTypeFont, or None
    from PIL import ImageFont

    for path in _FONT_FILES[bold]:
        if Path(path).is_file():
            return ImageFont.truetype(path, _UNITS)
    return None


@lru_cache(maxsize=4096)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of `text` in points, at `size` points."""
    font = _font(bold)
    if font is None:
        return len(text) * _GUESS_EM * size
    return font.getlength(text) * size / _UNITS


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken into lines of at most `width` points, at spaces, as a renderer breaks it
    (a word longer than a line stands alone on its line)."""
    lines: list[str] = []
    for hard in text.split("\n"):
        line = ""
        for word in hard.split(" "):
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size, bold) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def lines_of(paragraphs: Sequence[str], width: float, size: float, bold: bool = False) -> int:
    return sum(len(wrap(p, width, size, bold)) for p in paragraphs)


def text_height(
    paragraphs: Sequence[str],
    width: float,
    size: float,
    bold: bool = False,
    space_before: float = 0.0,
) -> float:
    """The height in points of `paragraphs` wrapped to `width` points at `size` points, with
    `space_before` points between paragraphs."""
    lines = lines_of(paragraphs, width, size, bold)
    gaps = space_before * max(len(paragraphs) - 1, 0)
    return lines * size * LINE_HEIGHT + gaps


def fit_size(
    paragraphs: Sequence[str],
    width: float,
    height: float,
    largest: float,
    smallest: float,
    bold: bool = False,
    space_ratio: float = 0.0,
) -> float:
    """The largest size (half points) from `largest` down to `smallest` at which `paragraphs`
    fit a `width` x `height` box (points); `smallest` when none does (the caller then makes
    the box taller)."""
    size = largest
    while size > smallest:
        if text_height(paragraphs, width, size, bold, size * space_ratio) <= height:
            return size
        size -= 0.5
    return smallest


def ceil_pt(value: float) -> float:
    return math.ceil(value * 2) / 2
