"""What goes under every chart: its sources, the demo badge, the downloads and its rows.

Downloads are made only when clicked: each st.download_button gets a callable (Streamlit runs
it in a thread on the click), so a rerun never builds a workbook or starts Kaleido.

- data: the rows behind the chart as CSV (UTF-8 with BOM, headers in the language), XLSX
  (sheets "Dữ liệu", "Nguồn", "Bộ lọc") and Parquet — indicators.export.rows_bytes;
- images: the chart as PNG and SVG at 1600x900 with its title, sources and the date drawn on
  it — indicators.chart_images; a figure already rendered is kept (same figure, same bytes).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import chart_images, export, sources
from indicators.escaping import plotly_plain
from indicators.i18n import t
from indicators.selection import Selection, display_source
from indicators.views import Filters
from ui import data
from ui import explain as explained

INLINE_SOURCES = 4  # more than this and the rest are listed in the expander
DATA_FORMATS = (("csv", "download_csv"), ("xlsx", "download_xlsx"), ("parquet", "download_parquet"))
IMAGE_FORMATS = (("png", "download_png"), ("svg", "download_svg"))
IMAGE_MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
ICONS = {
    "csv": ":material/csv:",
    "xlsx": ":material/table_view:",
    "parquet": ":material/database:",
    "png": ":material/image:",
    "svg": ":material/image:",
}


def source_line(
    rows: pd.DataFrame, lang: str, also: pd.DataFrame | None = None
) -> list[sources.Citation]:
    """A caption citing the sources of the rows and of the rows `also` cites (a chart's
    targets; linked); returns all of them."""
    ids = set(sources.ids_of(rows)) | (set(sources.ids_of(also)) if also is not None else set())
    cited = sources.citations(data.dataset(), ids)
    if cited:
        shown = "; ".join(sources.markdown(c, lang) for c in cited[:INLINE_SOURCES])
        rest = len(cited) - INLINE_SOURCES
        more = f"; {t('more_sources', lang, n=rest)}" if rest > 0 else ""
        st.caption(f"{t('sources', lang)}: {shown}{more}")
    return cited


def demo_badge(rows: pd.DataFrame, lang: str) -> None:
    if sources.any_demo(rows):
        st.badge(
            t("demo_badge", lang),
            icon=":material/science:",
            color="orange",
            help=t("demo_help", lang),
        )


def _selection(rows: pd.DataFrame, f: Filters) -> Selection:
    """The unit and years the rows cover (for the filters sheet and the file names)."""
    return export.rows_selection(
        rows,
        unit_code=f.unit_code,
        unit_name=f.unit_name,
        year=f.year,
        source=display_source(data.dataset().source),
    )


def _about(f: Filters, title: str | None) -> list[tuple[str, str]]:
    """The dashboard filters that shaped the rows, for the "Bộ lọc" sheet."""
    lang = f.lang
    about = [
        (t("index", lang), t(f"index_{f.index_id}", lang)),
        (t("field", lang), f.field or t("all_fields", lang)),
    ]
    return [*about, (t("export_chart", lang), title)] if title else about


def _button(
    where: DeltaGenerator,
    label: str,
    make: Callable[[], bytes],
    name: str,
    mime: str,
    key: str,
    icon: str,
) -> None:
    where.download_button(
        label,
        data=make,
        file_name=name,
        mime=mime,
        key=key,
        on_click="ignore",
        icon=icon,
    )


def download(
    rows: pd.DataFrame,
    filters: Filters,
    key: str,
    *,
    stem: str | None = None,
    title: str | None = None,
) -> None:
    """CSV, XLSX and Parquet downloads of exactly `rows`, made on click, side by side.

    The files are called `stem` (default `key`) + the format's extension; `title` (the chart's)
    and the `filters` that shaped the rows go into the XLSX filters sheet.
    """
    lang = filters.lang
    selection = _selection(rows, filters)
    about = _about(filters, title)
    sources = data.dataset().sources
    imported = explained.imports()  # who imported the rows: in each row's explanation
    row = st.container(horizontal=True)
    for fmt, label in DATA_FORMATS:

        def make(fmt: str = fmt) -> bytes:
            day = date.today()
            return export.rows_bytes(fmt, rows, selection, sources, lang, day, about, imported)

        suffix = "" if fmt == "csv" else f"-{fmt}"  # the CSV keeps its historical key
        _button(
            row,
            t(label, lang),
            make,
            f"{stem or key}.{fmt}",
            export.ROW_MEDIA_TYPES[fmt],
            f"download-{key}{suffix}",
            ICONS[fmt],
        )


@functools.lru_cache(maxsize=32)
def _image(spec: str, title: str, sources: str, lang: str, demo: bool, fmt: str) -> bytes:
    """The captioned chart image of a figure (as JSON); kept, since Kaleido takes seconds."""
    figure = pio.from_json(spec, skip_invalid=True)
    return chart_images.chart_image(
        figure, title=title, sources=sources, lang=lang, demo=demo, fmt=fmt
    )


def images(
    rows: pd.DataFrame, figure: go.Figure, lang: str, key: str, stem: str, title: str
) -> None:
    """PNG and SVG downloads of the chart (projector size, captioned with `title`), rendered
    on click."""
    cited = sources.line(sources.of_rows(data.dataset(), rows), lang)
    demo = sources.any_demo(rows)
    row = st.container(horizontal=True)
    for fmt, label in IMAGE_FORMATS:

        def make(fmt: str = fmt) -> bytes:
            return _image(figure.to_json(), title, cited, lang, demo, fmt)

        _button(
            row,
            t(label, lang),
            make,
            f"{stem}.{fmt}",
            IMAGE_MEDIA_TYPES[fmt],
            f"image-{key}-{fmt}",
            ICONS[fmt],
        )


def menu_key(key: str) -> str:
    """The session-state key of a chart's download menu (True while it is open)."""
    return f"downloads-{key}"


def rows_key(key: str) -> str:
    """The session-state key of a chart's "rows behind" expander (True while it is open)."""
    return f"rows-{key}"


def downloads(
    rows: pd.DataFrame,
    filters: Filters,
    key: str,
    figure: go.Figure | None = None,
    title: str | None = None,
) -> None:
    """The download menu of a chart: its data in three formats and, for a chart, its image.
    Its buttons are made only while it is open (opening it reruns the page): a closed menu
    costs a filter change nothing."""
    lang = filters.lang
    menu = st.popover(
        t("download", lang), icon=":material/download:", key=menu_key(key), on_change="rerun"
    )
    if not menu.open:
        return
    stem = export.rows_stem(key, _selection(rows, filters), lang)
    if title is None and figure is not None:
        title = str(figure.layout.title.text or "")
    with menu:
        st.caption(t("download_data_of", lang, n=len(rows)))
        download(rows, filters, key, stem=stem, title=plotly_plain(title) if title else None)
        if figure is not None:
            st.caption(t("download_image", lang))
            images(rows, figure, lang, key, stem, title or "")
        st.caption(t("download_wait", lang))


def rows_behind(rows: pd.DataFrame, refs: list[sources.Citation], lang: str, key: str) -> None:
    """The rows behind the chart in an expander, filled only while it is open (as the menu)."""
    box = st.expander(
        t("rows_behind", lang, n=len(rows)),
        icon=":material/table_rows:",
        key=rows_key(key),
        on_change="rerun",
    )
    if not box.open:
        return
    with box:
        st.dataframe(export.rows_for_reading(rows, lang), hide_index=True)
        if len(refs) > INLINE_SOURCES:
            st.markdown(f"**{t('all_sources', lang)}**")
            st.markdown("\n".join(sources.list_markdown(refs, lang)))


def footer(
    rows: pd.DataFrame,
    filters: Filters,
    key: str,
    figure: go.Figure | None = None,
    title: str | None = None,
    goals: pd.DataFrame | None = None,
) -> None:
    """Sources, the demo badge when a demo row contributed, the downloads (the image too when
    `figure` is the chart; `title`, Plotly's markup, when the page shows it above the chart
    instead of in it) and the rows behind the chart. `goals`: the official targets drawn on
    it, whose instruments are cited too."""
    lang = filters.lang
    refs = source_line(rows, lang, goals)  # the targets' instruments are cited too
    demo_badge(rows, lang)
    downloads(rows, filters, key, figure, title)
    rows_behind(rows, refs, lang, key)
