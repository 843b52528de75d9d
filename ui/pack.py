"""The offline pack's download button (one HTML file of the unit over the period), made on click.

ui/render.py's `meeting_pack` calls `download_button` beside the slide deck's, only when the
unit has a figure in the period; the file is built (indicators.pack, a few seconds) only when
the button is clicked: Streamlit calls `make` then.
"""

from __future__ import annotations

from streamlit.delta_generator import DeltaGenerator

from indicators import views
from indicators.escaping import markdown_t
from indicators.i18n import t
from indicators.pack import pack_content, pack_filename, render
from indicators.selection import SelectionError, select
from indicators.units import UnitAmbiguous, UnitNotFound
from ui import data

HTML = "text/html"


def download_button(where: DeltaGenerator, filters: views.Filters) -> None:
    """'Tải gói ngoại tuyến (HTML)' in `where` (the meeting pack's row)."""
    dataset = data.dataset()
    try:
        selection = select(dataset, filters.unit_code, filters.year_from, filters.year_to)
    except (SelectionError, UnitNotFound, UnitAmbiguous):
        return
    lang = filters.lang

    def make() -> bytes:
        return render(pack_content(dataset, selection, lang), "html")

    period = f"{filters.year_from}–{filters.year_to}"
    where.download_button(
        t("download_pack", lang),
        data=make,
        file_name=pack_filename(selection, lang, "html"),
        mime=HTML,
        key="download-pack",
        on_click="ignore",
        icon=":material/offline_pin:",
        help=markdown_t("pack_help", lang, unit=filters.unit_name, period=period),
    )
