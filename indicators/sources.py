"""The one source lookup: which sources stand behind some rows, and how every output cites them.

A row names its sources in `source_id` (one id, or several joined by ';') or, once aggregated,
in `source_ids` (a tuple, indicators.provenance). `Citation` is the one provenance type every
output formats (screen, image, download, deck, summary): a citation reads

    Sở Nội vụ Hà Nội, 2023 — kinhtedothi.vn
    Bộ Nội vụ, 2020 — 211.88.39.63 (bản đăng lại)

who published the figures, the years of the figures, the site that carried them, and
"bản đăng lại / reprint" when the only copy found is a reprint (a mirror or an aggregator).
Generated rows cite the demo generator in one plain sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from indicators import schema as s
from indicators.dataset import Dataset
from indicators.escaping import inert, markdown_link
from indicators.escaping import site as site_of
from indicators.formatting import is_missing
from indicators.i18n import t
from indicators.provenance import SOURCE_IDS

KIND_ORDER = {"published": 0, "article": 1, "demo": 2}
DEMO_KIND = "demo"
# Publishers in English (the data names them in Vietnamese).
PUBLISHERS_EN = {
    "Bộ Nội vụ": "Ministry of Home Affairs",
    "Sở Nội vụ Hà Nội": "Hanoi Department of Home Affairs",
    "UBND TP Hà Nội": "Hanoi People's Committee",
    "Văn phòng Chính phủ": "Government Office",
    "Chính phủ": "Government",
    "Quốc hội": "National Assembly",
    "Tổng cục Thống kê (GSO)": "General Statistics Office (GSO)",
}


@dataclass(frozen=True)
class Citation:
    """A source as every output cites it."""

    id: str
    title: str
    publisher: str | None  # who published the figures (Bộ Nội vụ, Sở Nội vụ Hà Nội, …)
    url: str | None
    years: str | None  # of the figures it reports
    kind: str  # published (an official site), article, demo
    reprint: bool = False
    excerpt: str | None = None

    @property
    def site(self) -> str | None:
        """The address's host without www./m.: 'kinhtedothi.vn'; None when the address is
        not an http(s) one that parses (indicators.escaping.site)."""
        return site_of(self.url)

    @property
    def demo(self) -> bool:
        return self.kind == DEMO_KIND

    def text(self, lang: str) -> str:
        """'Sở Nội vụ Hà Nội, 2023 — kinhtedothi.vn (bản đăng lại)'; the demo generator's
        one plain sentence."""
        if self.demo:
            return t("demo_citation", lang)
        who = publisher_text(self.publisher, lang) if self.publisher else self.title
        head = f"{who}, {self.years}" if self.years else who
        text = f"{head} — {self.site}" if self.site else head
        return f"{text} ({t('reprint', lang)})" if self.reprint else text


def publisher_text(publisher: str, lang: str) -> str:
    if lang == "vi":
        return publisher
    parts = [p.strip() for p in publisher.split(";")]
    return "; ".join(PUBLISHERS_EN.get(p, _district_en(p)) for p in parts)


def _district_en(name: str) -> str:
    """'UBND quận Bắc Từ Liêm' -> "Bắc Từ Liêm People's Committee"; others unchanged."""
    found = re.fullmatch(r"UBND (?:quận|huyện|thị xã) (.+)", name)
    return f"{found.group(1)} People's Committee" if found else name


# --- which sources -----------------------------------------------------------------------------


def ids_of(rows: pd.DataFrame) -> tuple[str, ...]:
    """Every source the rows name, from `source_ids` (tuples) and / or `source_id` cells."""
    ids: set[str] = set()
    if SOURCE_IDS in rows.columns:
        for value in rows[SOURCE_IDS]:
            if isinstance(value, tuple | list):
                ids.update(i for v in value for i in s.source_id_list(v))
    if s.SOURCE_ID in rows.columns:
        for value in rows[s.SOURCE_ID].dropna().unique():
            ids.update(s.source_id_list(value))
    return tuple(sorted(ids))


def any_demo(rows: pd.DataFrame) -> bool:
    """True when a generated (demo) row is among `rows`."""
    return s.DEMO in rows.columns and bool(rows[s.DEMO].astype("boolean").fillna(False).any())


# --- citations ---------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if is_missing(value) else str(value)


def _citation(row: dict) -> Citation:
    reprint = row.get(s.REPRINT)
    return Citation(
        id=str(row[s.ID]),
        title=str(row[s.TITLE]),
        publisher=_text(row.get(s.PUBLISHER)),
        url=_text(row.get(s.URL)),
        years=_text(row.get(s.YEARS)),
        kind=str(row[s.SOURCE_KIND]),
        reprint=bool(reprint) if not is_missing(reprint) else False,
        excerpt=_text(row.get(s.EXCERPT)),
    )


def _order(citation: Citation) -> tuple[int, str]:
    return KIND_ORDER.get(citation.kind, 3), citation.id


def citations_in(sources: pd.DataFrame, ids: Iterable[str]) -> list[Citation]:
    """The citations of `ids` found in a sources table: official sites first, then articles,
    the demo generator last."""
    wanted = set(ids)
    rows = sources[sources[s.ID].isin(wanted)].to_dict("records")
    return sorted((_citation(r) for r in rows), key=_order)


def citation_index(sources: pd.DataFrame) -> dict[str, Citation]:
    """Every citation of a sources table by its id, to look many up (`cited_by_id`): filtering
    the table for each row of a download cost ~6 ms a row."""
    if s.ID not in sources.columns:
        return {}
    return {c.id: c for c in citations_in(sources, sources[s.ID])}


def cited_by_id(index: Mapping[str, Citation], ids: Iterable[str]) -> list[Citation]:
    """`citations_in` through an index of `citation_index`: the same citations, in its order."""
    return sorted((index[i] for i in set(ids) if i in index), key=_order)


def citations(dataset: Dataset, ids: Iterable[str]) -> list[Citation]:
    """`citations_in(dataset.sources, ids)` from an index by id kept with the dataset (every
    chart asks at every run)."""
    every = dataset.derived(("citations_by_id",), lambda: citation_index(dataset.sources))
    return cited_by_id(every, ids)


def of_rows(dataset: Dataset, rows: pd.DataFrame) -> list[Citation]:
    return citations(dataset, ids_of(rows))


# --- as text, Markdown and a table ----------------------------------------------------------------


def markdown(citation: Citation, lang: str) -> str:
    """'[Sở Nội vụ Hà Nội, 2023 — kinhtedothi.vn](url)': the citation (inert, naming the site)
    linked to its own address when that is http(s); the bare text otherwise."""
    text = citation.text(lang)
    return markdown_link(text, citation.url) if citation.site else inert(text)


def list_markdown(cited: list[Citation], lang: str) -> list[str]:
    """One Markdown list item per source: its citation (linked) and what it reports."""
    return [f"- {markdown(c, lang)}: {inert(c.title)}" for c in cited]


def line(cited: list[Citation], lang: str, most: int = 3) -> str:
    """'Nguồn: A; B; C và 2 nguồn khác' (at most `most` named): for images and slides."""
    if not cited:
        return f"{t('sources', lang)}: {t('no_source', lang)}"
    key = "source_one" if len(cited) == 1 else "sources"
    shown = "; ".join(c.text(lang) for c in cited[:most])
    extra = len(cited) - most
    more = f" {t('more_sources_words', lang, n=extra)}" if extra > 0 else ""
    return f"{t(key, lang)}: {shown}{more}"


TABLE_COLUMNS = ("id", "citation", "title", "publisher", "url", "kind", "reprint", "excerpt")


def table(cited: list[Citation], lang: str) -> pd.DataFrame:
    """The sources sheet of a download: one row per citation, sorted by id."""
    rows = [
        {
            "id": c.id,
            "citation": c.text(lang),
            "title": c.title,
            "publisher": publisher_text(c.publisher, lang) if c.publisher else None,
            "url": c.url,
            "kind": c.kind,
            "reprint": c.reprint,
            "excerpt": c.excerpt,
        }
        for c in sorted(cited, key=lambda c: c.id)
    ]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))
