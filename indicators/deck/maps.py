"""The map slide's picture: the city's units coloured by PAR score in a year, the unit outlined.

The figure is the dashboard's map (indicators.map_charts.map_figure: stepped Viridis classes,
units without a score in grey, generated scores veiled, the unit outlined in red); the deck
drops its title and attribution (the slide has its own title, and cites the boundaries'
attribution in its footer, next to the map) and draws it in Arial, larger, as a PNG through
Chromium (indicators.chart_images.render). Without Chromium that raises ChromiumNotFound:
a deck never leaves its map out silently.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

import plotly.graph_objects as go

from indicators import chart_images, geo, map_charts
from indicators.chart_theme import TEXT as INK
from indicators.deck.figures import DeckFigures
from indicators.deck.theme import FONT

# The picture's size in pixels: the map's part of the slide (about 4.8 in square) at 200 dpi;
# Hanoi is a little taller than wide, and the colour bar lies under it.
PICTURE = (1000, 1000)
_DRAWN: OrderedDict[str, bytes] = OrderedDict()  # the last pictures drawn, by their figure
_KEEP = 8


def map_available(figures: DeckFigures) -> bool:
    """Whether the deck has a map: a year with the unit's score, and a boundary file for it."""
    if figures.compare_year is None or figures.level is None or figures.map_scores.frame.empty:
        return False
    try:
        geo.boundary_set(figures.level, figures.compare_year)
    except geo.BoundaryUnavailable:
        return False
    return map_charts.has_values(figures.map_scores.frame)


def attribution(figures: DeckFigures, lang: str) -> str:
    """The licence's attribution of the boundaries drawn (the footer cites it)."""
    assert figures.level is not None and figures.compare_year is not None
    return geo.boundary_set(figures.level, figures.compare_year).attribution(lang)


def map_figure(figures: DeckFigures, lang: str) -> go.Figure:
    """The dashboard's map of the PAR score in the comparison year, for a slide."""
    assert figures.level is not None and figures.compare_year is not None
    fig = map_charts.map_figure(
        figures.map_scores.frame,
        map_charts.PAR_SCORE,
        figures.compare_year,
        figures.level,
        lang,
        figures.unit_code,
    )
    fig = go.Figure(fig)
    width, height = PICTURE
    fig.layout.annotations = ()
    fig.update_layout(
        title=None,
        font={"family": f"{FONT}, 'Liberation Sans', sans-serif", "size": 28, "color": INK},
        legend={"font": {"size": 28}, "x": 0.0, "y": 1.0, "yanchor": "top"},
        margin={"t": 10, "b": 10, "l": 10, "r": 10},
        width=width,
        height=height,
        paper_bgcolor="white",
        plot_bgcolor="white",
    )
    fig.update_traces(  # a colour bar across the bottom: the map takes the whole width
        colorbar={
            "orientation": "h",
            "thickness": 24,
            "len": 0.9,
            "x": 0.5,
            "xanchor": "center",
            "y": -0.01,
            "yanchor": "top",
            "tickfont": {"size": 28, "color": INK},
            "title": {"font": {"size": 28, "color": INK}, "side": "top"},
        },
        selector={"type": "choropleth"},
    )
    return fig


def map_png(figures: DeckFigures, lang: str) -> bytes:
    """The map as PNG bytes (Chromium; raises chart_images.ChromiumNotFound without it).

    A figure drawn a moment ago is not drawn again (a browser takes seconds to start): the
    last few pictures are kept, by the figure's JSON."""
    fig = map_figure(figures, lang)
    key = hashlib.sha256(fig.to_json().encode("utf-8")).hexdigest()
    if key in _DRAWN:
        _DRAWN.move_to_end(key)
        return _DRAWN[key]
    png = chart_images.render(fig, "png", PICTURE)
    _DRAWN[key] = png
    while len(_DRAWN) > _KEEP:
        _DRAWN.popitem(last=False)
    return png
