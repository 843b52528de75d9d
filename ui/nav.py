"""The pages of the app and the sidebar menu that links them, keeping the filters in the URL.

Streamlit's own menu is hidden (`st.navigation(position="hidden")` and
`client.showSidebarNavigation = false`): the folder is called pages/, which Streamlit also
auto-discovers, so hiding both guarantees that no second, automatic menu ever shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators.i18n import t
from indicators.views import Filters, encode_params

FAVICON = "🏛️"  # an emoji favicon is drawn locally; a :material/…: one is fetched from Google


@dataclass(frozen=True)
class PageSpec:
    file: str
    url_path: str  # "" for the default page
    title_key: str
    icon: str  # for the menu (Streamlit's bundled Material Symbols font)


PAGES = (
    PageSpec("pages/overview.py", "", "page_overview", ":material/dashboard:"),
    PageSpec("pages/rankings.py", "rankings", "page_rankings", ":material/leaderboard:"),
    PageSpec("pages/online_services.py", "online-services", "page_online", ":material/language:"),
    PageSpec(
        "pages/shortened_procedures.py",
        "shortened-procedures",
        "page_shortened",
        ":material/timer:",
    ),
    PageSpec("pages/timeliness.py", "timeliness", "page_timeliness", ":material/task_alt:"),
    PageSpec("pages/unit.py", "unit", "page_unit", ":material/apartment:"),
    PageSpec("pages/map.py", "map", "page_map", ":material/map:"),
    PageSpec("pages/data.py", "data", "page_data", ":material/table_view:"),
    PageSpec("pages/about.py", "about", "page_about", ":material/menu_book:"),
)
UNIT_PAGE = "pages/unit.py"


def pages(lang: str) -> list[st.Page]:
    """The st.Page objects, titled in `lang`; the overview is the default page."""
    return [
        st.Page(
            spec.file,
            title=t(spec.title_key, lang),
            icon=FAVICON,
            url_path=spec.url_path or None,
            default=not spec.url_path,
        )
        for spec in PAGES
    ]


def menu(where: DeltaGenerator, filters: Filters) -> None:
    """The app's title and one link per page, each carrying the filters in its URL."""
    params = encode_params(filters)
    where.markdown(f"**{t('app_title', filters.lang)}**")
    for spec in PAGES:
        where.page_link(
            spec.file,
            label=t(spec.title_key, filters.lang),
            icon=spec.icon,
            query_params=params,
            width="stretch",
        )
    where.divider()
