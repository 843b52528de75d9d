"""A new unit's origin on its unit page: what it was formed from on 1 July 2025, each former
district (or province) with the old communes it gave and a link to its index history."""

from __future__ import annotations

import streamlit as st

from indicators import formation as fm
from indicators import schema as s
from indicators import sources, views
from indicators.escaping import inert, markdown_t
from indicators.formatting import fmt_date
from indicators.i18n import t
from ui import data

INDEX_OF_LEVEL = {"district": s.INDEX_HANOI, "province": s.INDEX_NATIONAL}


def _history_link(filters: views.Filters, forebear: fm.Forebear) -> str:
    """The former unit's page, in the index that ranked it, at its latest year with figures."""
    catalog = data.catalog()
    index_id = INDEX_OF_LEVEL.get(forebear.level, filters.index_id)
    years = catalog.index_years[index_id]
    year = catalog.latest.get(forebear.code, years[-1])
    url = views.page_url(
        filters,
        unit=forebear.code,
        year=str(year),
        index=views.PARAM_OF_INDEX[index_id],
        **{"from": str(years[0]), "to": str(year)},
    )
    text = markdown_t("formed_history", filters.lang, unit=forebear.name)
    return f"[{text}]({url})"


def _line(filters: views.Filters, forebear: fm.Forebear) -> str:
    lang = filters.lang
    words = t(f"formed_{forebear.relation}", lang)
    head = f"- **{inert(forebear.name)}** ({words})"
    if forebear.pieces:
        gave = ", ".join(
            f"{inert(p.name)} ({t(f'formed_{p.relation}', lang)})" for p in forebear.pieces
        )
        head += f" {t('formed_gave', lang)} {gave}"
    return f"{head} · {_history_link(filters, forebear)}"


def show(filters: views.Filters, origin: fm.Formation) -> None:
    """The origin block: one sentence, one line per former unit, what the words mean, source."""
    lang = filters.lang
    st.subheader(t("formed_heading", lang))
    key = (
        "formed_communes" if origin.forebears and origin.forebears[0].pieces else "formed_provinces"
    )
    day = fmt_date(origin.effective.date(), lang)
    st.markdown(
        markdown_t(
            key,
            lang,
            unit=origin.name,
            day=day,
            pieces=origin.pieces,
            forebears=len(origin.forebears),
        )
    )
    st.markdown("\n".join(_line(filters, f) for f in origin.forebears))
    st.caption(markdown_t("formed_meaning", lang, unit=origin.name))
    cited = data.view(sources.citations, origin.source_ids)
    st.caption(inert(sources.line(cited, lang)))


def notice(filters: views.Filters, origin: fm.Formation, state: str) -> None:
    """Instead of the figures (indicators.formation.page_state): the unit did not exist in the
    year (NOT_YET), or has no figure at all since it was created (NO_FIGURES)."""
    day = fmt_date(origin.effective.date(), filters.lang)
    key = f"formed_{state}"
    text = markdown_t(key, filters.lang, unit=origin.name, day=day, year=filters.year)
    st.info(text, icon=":material/history:")
