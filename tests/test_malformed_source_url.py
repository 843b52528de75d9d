"""A source whose address does not parse (`https://[fe80::1`) never raises: the footer's
citation, the chart image's caption, the download's sources sheet, the deck and the summary
cite it as plain text, naming no site and linking nowhere."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from test_browser_escaping import BAD_URL, HOSTILE_TITLE, SOURCE, _hostile_data

from indicators import chart_images, export, sources
from indicators.dataset import Dataset, load_dataset
from indicators.deck import build_deck, deck_figures
from indicators.selection import select

ROOT = Path(__file__).resolve().parent.parent
PLAIN = "[ĐĂNG NHẬP](https://evil.example) ![](https://evil.example/a.png), 2023"  # no site


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return _hostile_data(tmp_path_factory.mktemp("bad-url") / "data")


@pytest.fixture(scope="module")
def dataset(folder: Path) -> Dataset:
    return load_dataset(str(folder))


def _cited(dataset: Dataset) -> sources.Citation:
    (cited,) = sources.citations(dataset, [SOURCE])
    return cited


def test_the_citation_names_no_site_and_links_nowhere(dataset: Dataset) -> None:
    cited = _cited(dataset)
    assert (cited.url, cited.title, cited.site) == (BAD_URL, HOSTILE_TITLE, None)
    assert cited.text("vi") == PLAIN
    assert "](" not in sources.markdown(cited, "vi")  # its brackets escaped: no link


def test_the_chart_image_caption_cites_it_as_text(dataset: Dataset) -> None:
    line = sources.line([_cited(dataset)], "en")
    figure = chart_images.captioned(go.Figure(), title="T", sources=line, lang="en")
    caption = "".join(a.text for a in figure.layout.annotations)
    assert "Source: [ĐĂNG NHẬP](https://evil.example)" in caption


def test_the_downloads_sources_sheet_has_no_link(dataset: Dataset) -> None:
    rows = dataset.procedures[dataset.procedures["source_id"] == SOURCE]
    selection = export.rows_selection(rows, unit_code="019", unit_name="N", year=2023, source="x")
    data = export.rows_bytes("xlsx", rows, selection, dataset.sources, "vi", None, [])
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value == BAD_URL]
    assert cells and all(c.hyperlink is None for c in cells)


def test_the_deck_cites_it_as_text(dataset: Dataset) -> None:
    deck = build_deck(deck_figures(dataset, select(dataset, "019", 2023, 2023)), "vi")
    texts = [
        shape.text_frame.text
        for slide in Presentation(io.BytesIO(deck)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert any(PLAIN in text for text in texts)


def test_the_summary_cites_it_as_text(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "indicators", "summary", "--unit", "019", "--year", "2023"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PAR_DATA_SOURCE": str(folder), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    cited = {c["id"]: c for c in json.loads(result.stdout)["sources"]}
    assert cited[SOURCE]["citation"] == PLAIN and cited[SOURCE]["url"] == BAD_URL
