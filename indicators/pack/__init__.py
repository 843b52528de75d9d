"""The offline pack: one self-contained HTML file (or its PDF print) of a unit over a period.

Three steps, each usable alone (pure but the last):

1. `pack_content(dataset, selection, lang)` computes what the pack shows (content.py): the
   presentation's charts of the unit (the registry's keys, indicators.presentation), each with
   its citations and demo flag, and the deck's key messages;
2. `build_html(content)` writes the page (page.py): plotly.js inlined once, interactive
   charts, every chart's sources linked to their own addresses, the demo warning on the page
   and on every chart when generated figures are shown; no other address, so it opens from a
   USB stick or an e-mail without a network;
3. `print_pdf(build_html(content, printable=True))` prints it through headless Chromium
   (pdf.py): A4 landscape, the title page then one chart a page, page numbers.

`pack_bytes` does all three for a unit query; `write_atomic` writes a file whole or not at
all (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from indicators.dataset import Dataset
from indicators.i18n import t
from indicators.pack.content import (
    PackChart,
    PackContent,
    PackError,
    check_years,
    data_years,
    pack_content,
)
from indicators.pack.page import build_html, plotly_js
from indicators.pack.pdf import print_pdf
from indicators.selection import Selection, file_name, select

FORMATS = ("html", "pdf")

__all__ = [
    "FORMATS",
    "PackChart",
    "PackContent",
    "PackError",
    "build_html",
    "check_years",
    "data_years",
    "pack_bytes",
    "pack_content",
    "pack_filename",
    "plotly_js",
    "print_pdf",
    "render",
    "write_atomic",
]


def render(content: PackContent, fmt: str = "html") -> bytes:
    """The pack's file: the HTML page (UTF-8) or its PDF print."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown pack format {fmt!r}; expected one of {FORMATS}")
    if fmt == "pdf":
        return print_pdf(build_html(content, printable=True))
    return build_html(content).encode("utf-8")


def pack_bytes(
    dataset: Dataset,
    unit: str,
    year_from: int,
    year_to: int,
    lang: str = "vi",
    fmt: str = "html",
    made: date | None = None,
) -> bytes:
    """The pack of a unit query (code or name) over the years, checked first."""
    check_years(dataset, year_from, year_to)
    selection = select(dataset, unit, year_from, year_to)
    return render(pack_content(dataset, selection, lang, made), fmt)


def pack_filename(selection: Selection, lang: str = "vi", fmt: str = "html") -> str:
    """'goi-cchc-nam-tu-liem-2019-2024.html' (vi) or 'par-pack-…html' (en)."""
    return file_name(t("pack_file_prefix", lang), selection, fmt)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all: a temporary file beside it, then a rename
    (OSError when the folder cannot be written; no temporary file is left behind)."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
