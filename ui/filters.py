"""The shared sidebar filters and their two-way sync with the URL query parameters.

The source of truth is one frozen `Filters` kept in the session. Each run: URL parameters that
differ from what the app wrote last (a link was opened, the address was edited) are resolved
onto it; the widgets are drawn from it; it is written back to the URL. A widget change reaches
it through the widget's on_change callback, before the run. Streamlit's page menu clears the
URL on navigation; the next run writes the same filters back, so a copied link always holds
the view. (The widgets are only a view: if Streamlit drops their state, nothing is lost.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from indicators.i18n import LANGS, t
from indicators.settings import demo_default
from indicators.views import (
    DEMO_ON,
    INDEXES,
    Catalog,
    Filters,
    Notice,
    changed_params,
    default_filters,
    encode_params,
    make_filters,
    resolve_params,
    switch_index,
)

LANG, INDEX, YEAR, FROM, TO, UNIT, FIELD, DEMO = (
    "f_lang",
    "f_index",
    "f_year",
    "f_from",
    "f_to",
    "f_unit",
    "f_field",
    "f_demo",
)
_WRITTEN = "_url_written"  # the parameters the app wrote last
_CURRENT = "_filters"  # the Filters: the source of truth, kept in the session
_NOTICES = "_url_notices"
_IN_FRAME = "_in_frame"  # True while dashboard.py runs the page
_HANDED_OVER = "_handed_over"


def url_lang() -> str:
    """The language asked for in the URL (for the error page, before the filters exist)."""
    lang = st.query_params.get("lang", "vi")
    return lang if lang in LANGS else "vi"


def demo_wanted() -> bool:
    """Whether this run shows the demo layer, known before the dataset is read: the URL's
    `demo` when it was edited or linked, else the session's switch, else PAR_DEMO."""
    state = st.session_state
    asked = st.query_params.get("demo")
    if asked in ("0", DEMO_ON) and state.get(_WRITTEN, {}).get("demo", "0") != asked:
        return asked == DEMO_ON
    if _CURRENT in state:
        return bool(state[_CURRENT].demo)
    return demo_default()


def _from_widgets(catalog: Catalog) -> Filters:
    state = st.session_state
    return make_filters(
        catalog,
        lang=state[LANG],
        index_id=state[INDEX],
        year=state[YEAR],
        year_from=min(state[FROM], state[TO]),
        year_to=max(state[FROM], state[TO]),
        unit_code=state[UNIT],
        field=state[FIELD] or None,
        demo=bool(state[DEMO]),
    )


def _to_widgets(filters: Filters) -> None:
    state = st.session_state
    state[LANG] = filters.lang
    state[INDEX] = filters.index_id
    state[YEAR] = filters.year
    state[FROM] = filters.year_from
    state[TO] = filters.year_to
    state[UNIT] = filters.unit_code
    state[FIELD] = filters.field or ""
    state[DEMO] = filters.demo


def _on_widget_change(catalog: Catalog) -> None:
    st.session_state[_CURRENT] = _from_widgets(catalog)


def _on_index_change(catalog: Catalog) -> None:
    """A new index brings its own years and, for a unit of another level, its default unit."""
    previous: Filters = st.session_state[_CURRENT]
    st.session_state[_CURRENT] = switch_index(previous, catalog, st.session_state[INDEX])


def _unit_options(catalog: Catalog, filters: Filters) -> list[str]:
    codes = list(catalog.unit_codes[filters.index_id])
    return codes if filters.unit_code in codes else [filters.unit_code, *codes]


def _unit_label(catalog: Catalog, lang: str) -> Any:
    def label(code: str) -> str:
        info = catalog.units.get(code)
        name = catalog.name(code)
        return f"{name} {t('new_unit_suffix', lang)}" if info and info.new else name

    return label


def _widgets(catalog: Catalog, filters: Filters) -> None:
    lang = filters.lang
    bar = st.sidebar
    changed: dict[str, Any] = {"on_change": _on_widget_change, "args": (catalog,)}
    bar.radio(
        t("language", lang),
        LANGS,
        format_func=lambda code: t(f"lang_{code}", code),
        key=LANG,
        horizontal=True,
        **changed,
    )
    bar.radio(
        t("index", lang),
        INDEXES,
        format_func=lambda index_id: t(f"index_{index_id}", lang),
        key=INDEX,
        on_change=_on_index_change,
        args=(catalog,),
    )
    years = catalog.year_options(filters.index_id)
    bar.selectbox(t("year", lang), years[::-1], key=YEAR, **changed)
    first, last = bar.columns(2)
    first.selectbox(t("year_from", lang), years, key=FROM, **changed)
    last.selectbox(t("year_to", lang), years[::-1], key=TO, **changed)
    bar.selectbox(
        t("unit", lang),
        _unit_options(catalog, filters),
        format_func=_unit_label(catalog, lang),
        key=UNIT,
        help=t("unit_help", lang),
        **changed,
    )
    bar.selectbox(
        t("field", lang),
        ("", *catalog.fields),
        format_func=lambda f: f or t("all_fields", lang),
        key=FIELD,
        help=t("field_note", lang),
        **changed,
    )
    bar.toggle(t("demo_toggle", lang), key=DEMO, help=t("demo_toggle_help", lang), **changed)
    bar.caption(t("share_link", lang))


# kept as they are: the presentation mode's own (ui/present.py) and the map's indicator
# (ui/map_view.py)
KEPT_PARAMS = ("present", "slide", "indicator")


def _write_url(filters: Filters) -> None:
    wanted = encode_params(filters)
    kept = {k: v for k in KEPT_PARAMS if (v := st.query_params.get(k)) is not None}
    if st.query_params.to_dict() != {**wanted, **kept}:
        st.query_params.from_dict({**wanted, **kept})
    st.session_state[_WRITTEN] = wanted


def sidebar(catalog: Catalog, units: pd.DataFrame) -> Filters:
    """Read the URL, draw the shared filters, write the URL back; returns the filters."""
    state = st.session_state
    params = st.query_params.to_dict()
    notices: tuple[Notice, ...] = ()
    if _CURRENT not in state:
        base = replace(default_filters(catalog, lang=url_lang()), demo=demo_wanted())
        filters, notices = resolve_params(params, catalog, units, base)
    elif changed_params(params, state.get(_WRITTEN, {})):
        filters, notices = resolve_params(params, catalog, units, state[_CURRENT])
    else:
        filters = state[_CURRENT]
    _to_widgets(filters)
    _widgets(catalog, filters)
    _write_url(filters)
    state[_CURRENT] = filters
    state[_NOTICES] = notices
    return filters


def set_year(year: int) -> None:
    """Show `year` (a button's callback: the filters and the URL follow on the rerun)."""
    filters: Filters = st.session_state[_CURRENT]
    st.session_state[_CURRENT] = replace(filters, year=year)


def show_notices() -> None:
    """Warnings about URL parameters that could not be used (shown above the page)."""
    lang = st.session_state[_CURRENT].lang
    for notice in st.session_state.get(_NOTICES, ()):
        show_notice(notice, lang)


def show_notice(notice: Notice, lang: str) -> None:
    """One warning about a URL parameter that could not be used (what the URL said shows as
    the characters it is: never a link, an image or a format)."""
    st.warning(notice.markdown(lang), icon=":material/link_off:")


@contextmanager
def in_frame() -> Iterator[None]:
    """Marks the page run as started by dashboard.py (see `current`)."""
    st.session_state[_IN_FRAME] = True
    try:
        yield
    finally:
        st.session_state[_IN_FRAME] = False


def _hand_over_to_entry() -> None:
    """A page run without dashboard.py: Streamlit's legacy pages/ mode, which a fresh server
    uses until some run calls st.navigation (e.g. when the first visitor opens /unit?...).
    Calling st.navigation ends that mode for the server; the rerun then goes through
    dashboard.py to the same page and the same URL."""
    from ui.nav import pages  # imported here: ui.nav is only needed on this rare path

    if st.session_state.get(_HANDED_OVER):
        st.error(t("frame_missing", url_lang()))
        st.stop()
    st.session_state[_HANDED_OVER] = True
    st.navigation(pages(url_lang()), position="hidden")
    st.rerun()


def current() -> Filters:
    """The filters of this run (set by `sidebar` in dashboard.py)."""
    if not st.session_state.get(_IN_FRAME):
        _hand_over_to_entry()
    st.session_state[_HANDED_OVER] = False
    return st.session_state[_CURRENT]


__all__ = ["Filters", "current", "demo_wanted", "show_notices", "sidebar", "url_lang"]
