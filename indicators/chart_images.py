"""Chart images for slides and documents: PNG or SVG of a Plotly figure, captioned.

`chart_image(fig, title=…, sources=…, lang=…)` draws the title, the source line ("Nguồn: …",
with a demo warning when demo rows contributed) and the export date on the image as layout
annotations, at a projector's 1600x900, and returns the bytes. `image_filename` gives a
readable ASCII name such as ``xep-hang-nam-tu-liem-2016-2019.png``.

Kaleido 1.x renders in a Chrome/Chromium that it drives through choreographer. No browser is
downloaded: `chromium_path` takes the environment variable BROWSER_PATH when set (the variable
choreographer itself honours), else the first of chromium, chromium-browser, google-chrome…
on PATH (Debian's `chromium` is /usr/bin/chromium), and that path is handed to Kaleido
explicitly (`kopts={"path": …}`). MathJax is turned off (it would be fetched from a CDN) and
plotly.js comes from the installed plotly package, so rendering needs no network. The browser
is started for the first image (about 3-4 s) and kept for the next ones (about 0,4 s each,
indicators.image_renderer).

The source line comes from indicators.sources.line (citations), wrapped to the image's width.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import textwrap
from datetime import date
from urllib.parse import quote

import plotly.graph_objects as go

from indicators.errors import BilingualError
from indicators.export import fmt_date
from indicators.i18n import t
from indicators.image_renderer import RENDERER
from indicators.selection import Selection, file_name
from indicators.units import nfc

# plotly.js fetches a world topojson from cdn.plot.ly for every geo subplot (a map), even with
# its base map hidden, so a map fails offline. This data: URL is an empty topology; the '#'
# turns the file name plotly.js appends into an ignored fragment.
_EMPTY_TOPOLOGY = {"type": "Topology", "objects": {}, "arcs": []}
OFFLINE_TOPOJSON_URL = (
    "data:application/json," + quote(json.dumps(_EMPTY_TOPOLOGY, separators=(",", ":"))) + "#"
)

PROJECTOR_SIZE = (1600, 900)
IMAGE_FORMATS = ("png", "svg")
BROWSER_ENV = "BROWSER_PATH"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_LINE_CHARS = 150  # a caption line of the 1600 px image wraps here


class ChromiumNotFound(BilingualError, RuntimeError):
    """No Chrome/Chromium to render with; says how to get one, in vi and en."""


def chromium_path() -> str:
    """The browser Kaleido should drive: $BROWSER_PATH, else chromium & co. on PATH."""
    configured = os.environ.get(BROWSER_ENV, "").strip()
    if configured:
        if not os.access(configured, os.X_OK):
            raise ChromiumNotFound.of("err_browser_path", env=BROWSER_ENV, path=repr(configured))
        return configured
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumNotFound.of("err_no_chromium", env=BROWSER_ENV)


# --- captions -------------------------------------------------------------------------------


def _word(key: str, lang: str, **values: object) -> str:
    return t(f"img_{key}", lang, **values)


def demo_note(lang: str) -> str:
    return _word("demo", lang)


def export_line(day: date, lang: str) -> str:
    return f"{_word('exported', lang)}: {fmt_date(day, lang)}"


# --- images ---------------------------------------------------------------------------------


def captioned(
    fig: go.Figure,
    *,
    title: str,
    sources: str,
    lang: str = "vi",
    demo: bool = False,
    exported: date | None = None,
) -> go.Figure:
    """A copy of `fig` with the title on top and the source and date lines at the bottom.

    The caption lines are data (source titles), so they are escaped: Plotly never reads them
    as markup. The title may use Plotly's markup (<br>, <b>).
    """
    lines = [
        *textwrap.wrap(sources, _LINE_CHARS),
        *([demo_note(lang)] if demo else []),
        export_line(exported or date.today(), lang),
    ]
    out = go.Figure(fig)
    margin = out.layout.margin
    out.update_layout(
        title={"text": nfc(title), "x": 0.02, "xanchor": "left", "font": {"size": 34}},
        font={"size": 18},
        margin={"t": max(margin.t or 0, 110), "b": max(margin.b or 0, 170)},
        separators=",." if lang == "vi" else ".,",
        template="plotly_white",  # white, as on the dashboard and on a slide
        paper_bgcolor="white",
    )
    out.add_annotation(
        text="<br>".join(html.escape(nfc(line), quote=False) for line in lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-80,
        align="left",
        showarrow=False,
        font={"size": 17, "color": "#444"},
    )
    return out


def render(fig: go.Figure, fmt: str = "png", size: tuple[int, int] = PROJECTOR_SIZE) -> bytes:
    """The figure as PNG or SVG bytes, drawn by Kaleido in the browser of `chromium_path`
    (a map with the offline topology: nothing is fetched)."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; expected one of {IMAGE_FORMATS}")
    width, height = size
    opts = {"format": fmt, "width": width, "height": height, "scale": 1}
    return RENDERER.render(fig.to_dict(), opts, OFFLINE_TOPOJSON_URL, chromium_path())


def chart_image(
    fig: go.Figure,
    *,
    title: str,
    sources: str,
    lang: str = "vi",
    demo: bool = False,
    exported: date | None = None,
    fmt: str = "png",
    size: tuple[int, int] = PROJECTOR_SIZE,
) -> bytes:
    """`captioned` then `render`: the image to download or to put on a slide."""
    image = captioned(fig, title=title, sources=sources, lang=lang, demo=demo, exported=exported)
    return render(image, fmt, size)


def image_filename(topic: str, selection: Selection, fmt: str = "png") -> str:
    """`image_filename('xếp hạng', sel)` -> 'xep-hang-nam-tu-liem-2016-2019.png'."""
    return file_name(topic, selection, fmt)
