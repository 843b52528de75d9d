"""Every number explains itself: where a figure on screen, on a slide or in a file comes from.

An `Explanation` says, in Vietnamese or English,
- what the figure is ("Thứ hạng — Quận Nam Từ Liêm, 2023: thứ 2/30"),
- the sources that state it, each with the passage that states it (`Quote`): the `excerpt` of
  a published figure's own row, else the part of its source's excerpt that names the figure
  (a source's excerpt joins the passages of all its rows with " … "),
- how it was arrived at, when it was computed (`Basis`: "thứ hạng tính từ 30 điểm năm 2023"),
  or on what the source's rank rests ("theo thứ tự nêu trong bài, đồng hạng"),
- who imported the rows behind it, from which file and when (`ImportRecord`,
  indicators.importing.history),
- and, for a figure built on generated (demo) rows, that it is generated: such a figure never
  cites a published source as its own.

`explain_metric` explains a headline figure (indicators.views.headline), `explain_row` any row
of a view's frame (a chart's point, a table's row, a download's row). Pure: no Streamlit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from indicators import figures
from indicators import schema as s
from indicators.formatting import fmt_number, fmt_place, fmt_published, is_missing
from indicators.i18n import has, t
from indicators.provenance import SOURCE_IDS
from indicators.sources import Citation, citation_index, cited_by_id

if TYPE_CHECKING:  # the headline imports Basis from here
    from indicators.views.headline import Headline, Metric

# How a figure was arrived at (Basis.how)
PUBLISHED = "published"  # a score or figure as its source printed it
FIGURE = "figure"  # a published figure of the table `figures`, with its own excerpt
RANK_PUBLISHED = "rank_published"  # the source's rank, out of the units of the year
RANK_COMPUTED = "rank_computed"  # ranked from the scores of every unit of the year
ROWS = "rows"  # computed from detailed rows (a catalogue, dossier counts)
EXPLANATION = "explanation"  # the downloads' column (header: "Giải thích")
PARTS = " … "  # how a source's excerpt joins the passages of its rows
# columns of a view's row that say which stored table it comes from
TABLE_HINTS = (
    (s.INDICATOR, "figures"),
    (s.SCORE, "par_scores"),
    (s.RECEIVED, "dossier_stats"),
    (s.ONLINE_LEVEL, "procedures"),
)
RANKED_BY, UNITS_RANKED, UNITS_SHOWN, RANK = "ranked_by", "units_ranked", "units_shown", "rank"
PREFIXES = ("Quận ", "Huyện ", "Thị xã ", "Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Thị trấn ")


@dataclass(frozen=True)
class Basis:
    """How a headline figure was arrived at, kept with it (indicators.views.headline)."""

    how: str  # PUBLISHED, FIGURE, RANK_PUBLISHED, RANK_COMPUTED, ROWS
    table: str | None = None  # the stored table of its rows
    rows: int = 0  # how many rows (scores, procedures, dossier counts) it was computed from
    generated: int = 0  # how many of them were generated
    rank_basis: str | None = None  # of a published rank: on what the source's rank rests
    units: int | None = None  # the units of the index that year
    excerpt: str | None = None  # a published figure's own excerpt
    year: int | None = None


@dataclass(frozen=True)
class ImportRecord:
    """One import that wrote rows of a table (from the import log)."""

    table: str
    file: str
    who: str
    at: str  # as the log shows it: dd/mm/yyyy HH:MM:SS, Viet Nam time
    version: str | None = None


# (table, unit_code, year) -> the imports that wrote rows of that unit and year in that table
Imports = Mapping[tuple[str, str, int], tuple[ImportRecord, ...]]


@dataclass(frozen=True)
class Quote:
    citation: Citation
    excerpt: str | None  # the passage that states the figure (None: the source has none)


@dataclass(frozen=True)
class Explanation:
    lang: str
    title: str
    quotes: tuple[Quote, ...] = ()
    method: str | None = None
    imports: tuple[str, ...] = ()  # one sentence per import
    demo: bool = False

    def lines(self) -> list[str]:
        """Plain-text lines: the demo warning, the method, each source with its quote, each
        import (a slide's notes, a file's cell)."""
        out = [t("ex_demo", self.lang)] if self.demo else []
        out += [self.method] if self.method else []
        for quote in self.quotes:
            cited = quote.citation.text(self.lang)
            if quote.citation.demo:
                out.append(cited)
                continue
            line = t("ex_source_line", self.lang, citation=cited, title=quote.citation.title)
            url = quote.citation.url
            out.append(f"{line} — {url}" if url else line)
            if quote.excerpt:
                out.append(t("ex_quote", self.lang, excerpt=quote.excerpt))
            else:
                out.append(t("ex_no_quote", self.lang))
        if not self.quotes and not self.imports:
            out.append(t("ex_no_source", self.lang))
        return out + list(self.imports)

    def text(self) -> str:
        """One paragraph: the title, then the lines, joined by ' | '."""
        return " | ".join([self.title, *self.lines()])


def rows_basis(rows: pd.DataFrame, table: str, year: int) -> Basis:
    generated = int(rows[s.DEMO].astype("boolean").fillna(False).sum()) if len(rows) else 0
    return Basis(ROWS, table, len(rows), generated, year=year)


def rank_basis_of(table: pd.DataFrame, ranked: pd.Series | None, year: int) -> Basis | None:
    """Computed from every unit's score, or the source's rank out of the year's units."""
    if ranked is None:
        return None
    units = None if is_missing(ranked[UNITS_RANKED]) else int(ranked[UNITS_RANKED])
    if ranked[RANKED_BY] == "scores":
        scored = table[table[s.SCORE].notna()]
        generated = int(scored[s.DEMO].astype("boolean").fillna(False).sum())
        return Basis(RANK_COMPUTED, "par_scores", len(scored), generated, units=units, year=year)
    basis = None if is_missing(ranked[s.RANK_BASIS]) else str(ranked[s.RANK_BASIS])
    return Basis(RANK_PUBLISHED, "par_scores", rank_basis=basis, units=units, year=year)


# --- the passage that states a figure ----------------------------------------------------------


def ascii_text(text: str) -> str:
    """'Nam Từ Liêm' -> 'Nam Tu Liem' (how English and French articles write the names)."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if unicodedata.category(c) != "Mn")


def name_needles(name: str | None) -> tuple[str, ...]:
    """A unit's name as articles write it: without its type, with or without diacritics."""
    if not name:
        return ()
    bare = next((name[len(p) :] for p in PREFIXES if name.startswith(p)), name)
    return tuple(dict.fromkeys((bare, ascii_text(bare))))


def number_pattern(value: Any) -> re.Pattern | None:
    """95.7 matches '95,7' and '95.7' (not '195,7' nor '95,75'); 161 matches '161'."""
    if is_missing(value):
        return None
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    whole, _, decimals = text.partition(".")
    body = re.escape(whole) + (rf"[.,]{decimals}" if decimals else "")
    return re.compile(rf"(?<![\d.,]){body}(?![\d]|[.,]\d)")


def passage(
    excerpt: str | None, numbers: Iterable[Any] = (), names: Iterable[str] = ()
) -> str | None:
    """The passages of a source's excerpt that state the figure: those with one of its
    `numbers`, else those naming the unit; None when none does (never a passage that does
    not state the figure)."""
    if not excerpt:
        return None
    parts = [p.strip() for p in excerpt.split(PARTS) if p.strip()]
    patterns = [p for p in (number_pattern(n) for n in numbers) if p is not None]
    found = [p for p in parts if any(x.search(p) for x in patterns)]
    if not found:
        lowered = [n.casefold() for n in names if n]
        found = [p for p in parts if any(n in p.casefold() for n in lowered)]
    return PARTS.join(dict.fromkeys(found)) if found else None


def quotes(
    cited: list[Citation], own: str | None, numbers: Iterable[Any], names: Iterable[str]
) -> tuple[Quote, ...]:
    """Each citation with its passage: the row's `own` excerpt for a single published source."""
    numbers, names = list(numbers), list(names)
    real = [c for c in cited if not c.demo]
    out = []
    for c in cited:
        if c.demo:
            out.append(Quote(c, None))
        elif own and len(real) == 1:
            out.append(Quote(c, own))
        else:
            out.append(Quote(c, passage(c.excerpt, numbers, names)))
    return tuple(out)


def _cited(index: Mapping[str, Citation], ids: Iterable[str], demo: bool) -> list[Citation]:
    """The citations of `ids` (`index`: sources.citation_index); of a generated figure, only
    the generator's: a published source is never cited as if it stated a generated figure."""
    cited = cited_by_id(index, ids)
    if demo:
        return [c for c in cited if c.demo] or [
            Citation("demo", t("demo_citation", "vi"), None, None, None, "demo")
        ]
    return cited


def import_lines(
    imports: Imports | None, table: str | None, unit: str | None, year: Any, lang: str
) -> tuple[str, ...]:
    """'Nhập bởi Chị Lan từ tệp diem_2024.xlsx lúc 07/12/2026 14:05:00 (giờ Việt Nam)'."""
    if not imports or table is None or unit is None or is_missing(year):
        return ()
    found = imports.get((table, str(unit), int(year)), ())
    return tuple(t("ex_imported", lang, who=r.who, file=r.file, at=r.at) for r in found)


# --- how it was arrived at ----------------------------------------------------------------------


def rank_method(
    how: str,
    lang: str,
    *,
    year: Any,
    units: Any,
    rows: int = 0,
    generated: int = 0,
    rank_basis: str | None = None,
) -> str:
    """'Thứ hạng tính từ 30 điểm năm 2023 (…)' or 'Thứ hạng do nguồn công bố (…), trên 30
    đơn vị của năm 2023; không tính lại'."""
    if how == RANK_COMPUTED:
        text = t("ex_rank_computed", lang, n=rows, year=year)
        if generated:
            text += t("ex_rank_generated", lang, k=generated, n=rows)
        return text
    basis = f"rank_basis_{rank_basis}"
    words = t(basis, lang) if rank_basis and has(basis) else t("ex_basis_unknown", lang)
    words = words[:1].lower() + words[1:]  # within a sentence
    units_text = fmt_number(units, lang) if not is_missing(units) else "?"
    return t("ex_rank_published", lang, basis=words, units=units_text, year=year)


def method(basis: Basis | None, lang: str, year: int, label: str) -> str | None:
    if basis is None:
        return None
    if basis.how in (RANK_COMPUTED, RANK_PUBLISHED):
        return rank_method(
            basis.how,
            lang,
            year=basis.year or year,
            units=basis.units,
            rows=basis.rows,
            generated=basis.generated,
            rank_basis=basis.rank_basis,
        )
    if basis.how == FIGURE:
        return t("ex_figure", lang)
    if basis.how == ROWS:
        table = t(f"ex_table_{basis.table}", lang)
        text = t(
            "ex_rows", lang, label=label, n=fmt_number(basis.rows, lang), table=table, year=year
        )
        return text + (t("ex_rows_generated", lang, k=basis.generated) if basis.generated else "")
    return t("ex_published", lang)


# --- a headline figure ----------------------------------------------------------------------------


def explain_metric(
    metric: Metric,
    head: Headline,
    sources: pd.DataFrame,
    lang: str,
    imports: Imports | None = None,
) -> Explanation:
    """The explanation of one headline figure of `head` (a card of the unit's page)."""
    from indicators.views.headline import metric_text  # the headline imports this module

    shown = metric_text(metric, lang)
    title = t("ex_title", lang, label=shown.label, unit=head.unit_name, year=head.year)
    title = f"{title}: {shown.value}"
    if metric.value is None:
        return Explanation(lang, title, method=t("ex_no_value", lang))
    basis = metric.basis
    cited = _cited(citation_index(sources), metric.source_ids, metric.demo)
    numbers = [metric.value]
    score = head.get("m_score")
    if metric.key == "m_rank" and score is not None and score.value is not None:
        numbers = [score.value]  # a rank is stated next to its score
    own = basis.excerpt if basis is not None else None
    as_published = basis is None or basis.how in (PUBLISHED, FIGURE)
    imported = import_lines(
        imports, basis.table if basis else None, head.unit_code, head.year, lang
    )
    how = method(basis, lang, head.year, shown.label)
    if as_published and (metric.demo or imported):  # generated or imported: not as published
        how = t("ex_imported_value", lang) if imported and not metric.demo else None
    return Explanation(
        lang,
        title,
        quotes(cited, own, numbers, name_needles(head.unit_name)),
        how,
        imported,
        metric.demo,
    )


# --- a row of a view --------------------------------------------------------------------------------


def _get(row: Mapping[str, Any], column: str) -> Any:
    value = row.get(column)
    return (
        None
        if value is None or (not isinstance(value, tuple | list) and is_missing(value))
        else value
    )


def _ids(row: Mapping[str, Any]) -> list[str]:
    ids: list[str] = []
    found = _get(row, SOURCE_IDS)
    if isinstance(found, tuple | list):
        ids += [i for v in found for i in s.source_id_list(v)]
    if _get(row, s.SOURCE_ID) is not None:
        ids += s.source_id_list(row[s.SOURCE_ID])
    return list(dict.fromkeys(ids))


def table_of(row: Mapping[str, Any]) -> str | None:
    return next((table for column, table in TABLE_HINTS if column in row), None)


def _row_title(row: Mapping[str, Any], lang: str) -> str:
    parts = [str(v) for v in (_get(row, s.NAME_VI),) if v is not None]
    period = _get(row, s.PERIOD)
    year = _get(row, s.YEAR)
    if period is not None:
        parts.append(figures.period_text(str(period), lang))
    elif year is not None:
        parts.append(str(int(year)))
    indicator = _get(row, s.INDICATOR)
    if indicator is not None and indicator in figures.INDICATORS and _get(row, s.VALUE) is not None:
        parts.append(f"{figures.label(str(indicator), lang)}: {figures.value_text(row, lang)}")
    elif _get(row, s.SCORE) is not None:
        parts.append(f"{t('ex_score', lang)}: {fmt_published(row[s.SCORE], lang)}")
    if _get(row, RANK) is not None:
        parts.append(fmt_place(row[RANK], _get(row, UNITS_RANKED), lang))
    return " — ".join(parts) or t("ex_row", lang)


def _row_numbers(row: Mapping[str, Any]) -> list[Any]:
    return [row[c] for c in (s.VALUE, s.SCORE) if _get(row, c) is not None]


def _row_method(row: Mapping[str, Any], lang: str) -> str | None:
    ranked_by = _get(row, RANKED_BY)
    if ranked_by is not None and _get(row, RANK) is not None:
        how = RANK_COMPUTED if ranked_by == "scores" else RANK_PUBLISHED
        return rank_method(
            how,
            lang,
            year=_get(row, s.YEAR),
            units=_get(row, UNITS_RANKED),
            rows=int(_get(row, UNITS_RANKED) or 0),
            rank_basis=_get(row, s.RANK_BASIS),
        )
    if _get(row, s.EXCERPT) is not None or _get(row, s.SCORE) is not None:
        return t("ex_figure", lang) if _get(row, s.EXCERPT) is not None else t("ex_published", lang)
    return None


def explain_row(
    row: Mapping[str, Any],
    sources: pd.DataFrame,
    lang: str,
    imports: Imports | None = None,
    index: Mapping[str, Citation] | None = None,
) -> Explanation:
    """The explanation of one row of a view's frame: a chart's point, a table's row.
    `index`: `sources`' citation_index, when the caller explains many rows."""
    demo = bool(_get(row, s.DEMO) or False)
    cited = _cited(citation_index(sources) if index is None else index, _ids(row), demo)
    name = _get(row, s.NAME_VI)
    own = _get(row, s.EXCERPT)
    found = quotes(cited, str(own) if own else None, _row_numbers(row), name_needles(name))
    unit, year = _get(row, s.UNIT_CODE), _get(row, s.YEAR)
    imported = import_lines(imports, table_of(row), unit, year, lang)
    how = _row_method(row, lang)
    if _get(row, RANKED_BY) is None and (demo or imported):  # not as published
        how = t("ex_imported_value", lang) if imported and not demo else None
    return Explanation(lang, _row_title(row, lang), found, how, imported, demo)


def with_explanations(
    rows: pd.DataFrame, sources: pd.DataFrame, lang: str, imports: Imports | None = None
) -> pd.DataFrame:
    """`rows` with the column EXPLANATION: each row's explanation as one paragraph."""
    return rows.assign(**{EXPLANATION: row_texts(rows, sources, lang, imports)})


def row_texts(
    rows: pd.DataFrame, sources: pd.DataFrame, lang: str, imports: Imports | None = None
) -> list[str]:
    """One explanation per row, as one paragraph (the download's explanation column)."""
    index = citation_index(sources)
    return [explain_row(r, sources, lang, imports, index).text() for r in rows.to_dict("records")]
