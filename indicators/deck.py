"""A PowerPoint deck for one unit and a range of years, in Vietnamese or English.

Three steps, each usable alone:

1. `deck_figures(dataset, selection)` computes the figures (pure, from the indicator modules);
2. `key_messages(figures, lang)` writes 3-5 sentences from them (pure), such as
   "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30 (93,97 điểm), giữ nguyên thứ hạng so với năm 2017";
3. `build_deck(figures, lang)` lays out the slides and returns the .pptx bytes.

Slides: title (unit, period, export date), key messages, then one slide per topic with NATIVE
PowerPoint charts (editable, their data embedded): PAR score and rank per year; procedures per
online level per year (stacked, grouped by era: levels 1-4 of Decree 43/2011, full / partial of
Decree 42/2022); on-time / early / late rates per year; shortened procedures per year and by
field. Each topic slide carries its sources in small text, a demo-data warning when generated
rows contributed, and its key message in the speaker notes. All text is NFC and in Arial, which
has every Vietnamese letter (and is metric-compatible with Liberation Sans in LibreOffice).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from indicators import schema as s
from indicators.chart_images import demo_note, export_line, source_labels, source_line
from indicators.dataset import Dataset
from indicators.formatting import fmt_int, fmt_number, fmt_percent, fmt_rank
from indicators.online import ERA, ERA_FORMS, ERA_LEVELS, procedures_by_level
from indicators.online import PROCEDURES as LEVEL_COUNT
from indicators.rankings import RANK, RANK_CHANGE, UNITS_RANKED, RankingError, rank_table
from indicators.selection import Selection, SelectionError, file_name, select
from indicators.shortened import (
    N_FIELDS,
    SHORTENED,
    count_by_field,
    shortened_procedures,
    shortened_summary,
)
from indicators.shortened import PROCEDURES as SHORT_CATALOGUE
from indicators.summary import INDEX_OF_LEVEL
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE, timeliness
from indicators.units import nfc

LANGS = ("vi", "en")
RANKS, LEVELS, TIMELINESS, SHORTENED_TOPIC = "ranks", "levels", "timeliness", "shortened"
TOPICS = (RANKS, LEVELS, TIMELINESS, SHORTENED_TOPIC)
CATALOGUE = "catalogue"  # procedures in the catalogue of a year, all levels together
FONT = "Arial"


# --- 1. figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """The figures of one slide, with the demo flag and the sources of the rows behind them."""

    frame: pd.DataFrame
    demo: bool = False
    source_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # 'Title (publisher)' of each source id the table knows


@dataclass(frozen=True)
class DeckFigures:
    """Everything the deck shows, computed once. Frames have one row per year (or field)."""

    unit_code: str
    unit_name: str
    years: tuple[int, ...]
    dataset_source: str
    ranks: Topic  # year, score, max_score, rank, units_ranked, rank_change
    levels: Topic  # year, online_level, era, procedures (one row per level present)
    timeliness: Topic  # year, on_time_rate, early_rate, late_rate
    shortened: Topic  # year, catalogue, shortened, n_fields
    by_field: Topic  # field, shortened: the last year with a shortened procedure
    by_field_year: int | None = None
    index_id: str | None = None

    @property
    def period(self) -> str:
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    def topic(self, name: str) -> Topic:
        return getattr(self, name)


def _topic(frame: pd.DataFrame, rows: pd.DataFrame, sources: pd.DataFrame) -> Topic:
    """`frame` with the provenance of `rows`, the dataset rows that produced it."""
    ids = tuple(sorted({str(i) for i in rows[s.SOURCE_ID].dropna().unique()}))
    demo = bool(rows[s.DEMO].astype("boolean").fillna(False).any()) if len(rows) else False
    return Topic(frame.reset_index(drop=True), demo, ids, tuple(source_labels(sources, ids)))


def _by_year(frame: pd.DataFrame, years: Sequence[int], columns: Sequence[str]) -> pd.DataFrame:
    """One row per year of the period (NA where the frame has none), with `columns`."""
    grid = pd.DataFrame({s.YEAR: pd.array(list(years), dtype="Int64")})
    return grid.merge(frame[[s.YEAR, *columns]], on=s.YEAR, how="left")


def deck_figures(dataset: Dataset, selection: Selection) -> DeckFigures:
    """The figures of the deck for a selection with one unit and both years."""
    if selection.unit_code is None or selection.year_from is None or selection.year_to is None:
        raise SelectionError(
            "bản trình chiếu cần một đơn vị, năm bắt đầu và năm kết thúc",
            "a deck needs a unit, a first year and a last year",
        )
    years = tuple(range(selection.year_from, selection.year_to + 1))
    procedures = selection.rows(dataset.procedures)
    dossiers = selection.rows(dataset.dossier_stats)
    index_id = _index_of(dataset.units, selection.unit_code)
    by_field, by_field_year = _by_field(procedures, dataset.sources)
    return DeckFigures(
        unit_code=selection.unit_code,
        unit_name=nfc(selection.unit_name or selection.unit_code),
        years=years,
        dataset_source=selection.source,
        ranks=_ranks(dataset, selection.unit_code, index_id, years),
        levels=_topic(_levels(procedures), procedures, dataset.sources),
        timeliness=_topic(
            _by_year(timeliness(dossiers), years, [ON_TIME_RATE, EARLY_RATE, LATE_RATE]),
            dossiers,
            dataset.sources,
        ),
        shortened=_topic(_shortened(procedures, years), procedures, dataset.sources),
        by_field=by_field,
        by_field_year=by_field_year,
        index_id=index_id,
    )


def _index_of(units: pd.DataFrame, code: str) -> str | None:
    levels = units.loc[units[s.CODE] == code, s.LEVEL].dropna()
    return INDEX_OF_LEVEL.get(str(levels.iloc[-1])) if len(levels) else None


def _ranks(dataset: Dataset, code: str, index_id: str | None, years: Sequence[int]) -> Topic:
    """The unit's score and rank per year; provenance of every score the ranks compare."""
    columns = [s.SCORE, s.MAX_SCORE, RANK, UNITS_RANKED, RANK_CHANGE]
    found = []
    for year in years if index_id else ():
        try:
            table = rank_table(dataset.par_scores, dataset.units, index_id, year)
        except RankingError:
            continue
        found.append(table[table[s.UNIT_CODE] == code])
    found = [f for f in found if not f.empty]
    if not found:
        return Topic(pd.DataFrame(columns=[s.YEAR, *columns]))
    frame = pd.concat(found, ignore_index=True)
    scores = dataset.par_scores
    compared = scores[
        scores[s.INDEX_ID].eq(index_id).fillna(False).astype(bool)
        & scores[s.COMPONENT].eq(s.TOTAL).fillna(False).astype(bool)
        & scores[s.YEAR].isin(frame[s.YEAR].dropna().astype(int).tolist()).astype(bool)
    ]
    return _topic(_by_year(frame, years, columns), compared, dataset.sources)


def _levels(procedures: pd.DataFrame) -> pd.DataFrame:
    if procedures.empty:
        return pd.DataFrame(columns=[s.YEAR, s.ONLINE_LEVEL, ERA, LEVEL_COUNT])
    return procedures_by_level(procedures)[[s.YEAR, s.ONLINE_LEVEL, ERA, LEVEL_COUNT]]


def _shortened(procedures: pd.DataFrame, years: Sequence[int]) -> pd.DataFrame:
    summary = shortened_summary(procedures).rename(columns={SHORT_CATALOGUE: CATALOGUE})
    if procedures.empty:
        return summary.iloc[0:0][[s.YEAR, CATALOGUE, SHORTENED, N_FIELDS]]
    return _by_year(summary, years, [CATALOGUE, SHORTENED, N_FIELDS])


def _by_field(procedures: pd.DataFrame, sources: pd.DataFrame) -> tuple[Topic, int | None]:
    """Shortened procedures per field in the last year that has any."""
    short = shortened_procedures(procedures)
    if short.empty:
        return Topic(pd.DataFrame(columns=[s.FIELD, SHORTENED])), None
    year = int(short[s.YEAR].max())
    of_year = short[short[s.YEAR] == year]
    counts = count_by_field(of_year)[[s.FIELD, SHORTENED]]
    return _topic(counts, of_year, sources), year


# --- 2. key messages ------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    topic: str  # one of TOPICS
    text: str


def key_messages(figures: DeckFigures, lang: str = "vi") -> list[Message]:
    """3-5 sentences from the figures, newest year first within each topic; none is invented:
    a topic without data gives no sentence."""
    _check(lang)
    writers = (_rank_message, _best_rank_message, _online_message, _time_message, _short_message)
    found = (writer(figures, lang) for writer in writers)
    return [m for m in found if m is not None]


def _check(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")


def _last(frame: pd.DataFrame, column: str) -> pd.Series | None:
    """The row of the latest year where `column` is known."""
    known = frame[frame[column].notna()] if column in frame else frame.iloc[0:0]
    return None if known.empty else known.sort_values(s.YEAR).iloc[-1]


def _vi_en(lang: str, vi: str, en: str) -> str:
    return nfc(vi if lang == "vi" else en)


def _rank_change(change: Any, year: int, lang: str) -> str:
    if pd.isna(change):
        return ""
    k = int(change)
    if lang == "vi":
        moved = "giữ nguyên thứ hạng" if k == 0 else f"{'tăng' if k > 0 else 'giảm'} {abs(k)} bậc"
        return f", {moved} so với năm {year - 1}"
    if k == 0:
        return f", the same rank as in {year - 1}"
    places = "place" if abs(k) == 1 else "places"
    return f", {'up' if k > 0 else 'down'} {abs(k)} {places} from {year - 1}"


def _rank_message(figures: DeckFigures, lang: str) -> Message | None:
    row = _last(figures.ranks.frame, RANK)
    if row is None:
        return None
    year, unit = int(row[s.YEAR]), figures.unit_name
    rank = fmt_rank(row[RANK], row[UNITS_RANKED], lang)
    score = fmt_number(row[s.SCORE], lang, 2)
    change = _rank_change(row[RANK_CHANGE], year, lang)
    text = _vi_en(
        lang,
        f"Năm {year}, {unit} xếp {rank} về chỉ số CCHC ({score} điểm){change}",
        f"In {year}, {unit} ranked {rank} on the PAR index ({score} points){change}",
    )
    return Message(RANKS, text)


def _best_rank_message(figures: DeckFigures, lang: str) -> Message | None:
    ranked = figures.ranks.frame.dropna(subset=[RANK]) if RANK in figures.ranks.frame else None
    if ranked is None or len(ranked) < 2:
        return None
    best = ranked[ranked[RANK] == ranked[RANK].min()].sort_values(s.YEAR)
    years = ", ".join(str(int(y)) for y in best[s.YEAR])
    first = best.iloc[0]
    rank = fmt_rank(first[RANK], first[UNITS_RANKED], lang)
    count = len(best)
    text = _vi_en(
        lang,
        f"Giai đoạn {figures.period}, thứ hạng cao nhất của {figures.unit_name} là {rank}, "
        f"đạt được {count} lần (năm {years})",
        f"Over {figures.period}, the best rank of {figures.unit_name} was {rank}, "
        f"reached {_times(count)} ({years})",
    )
    return Message(RANKS, text)


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _online_message(figures: DeckFigures, lang: str) -> Message | None:
    frame = figures.levels.frame
    if frame.empty:
        return None
    year = int(frame[s.YEAR].max())
    of_year = frame[frame[s.YEAR] == year]
    counts = {
        str(lv): int(n)
        for lv, n in zip(of_year[s.ONLINE_LEVEL], of_year[LEVEL_COUNT], strict=True)
        if pd.notna(lv)
    }
    total = fmt_int(int(of_year[LEVEL_COUNT].sum()), lang)
    unit = figures.unit_name
    if (of_year[ERA] == ERA_FORMS).any():
        full, partial = (
            fmt_int(counts.get("full", 0), lang),
            fmt_int(counts.get("partial", 0), lang),
        )
        return Message(
            LEVELS,
            _vi_en(
                lang,
                f"Năm {year}, {unit} cung cấp {full} thủ tục trực tuyến toàn trình và {partial} "
                f"thủ tục trực tuyến một phần (trong tổng số {total} thủ tục)",
                f"In {year}, {unit} offered {full} procedures fully online and {partial} "
                f"partially online (of {total} procedures)",
            ),
        )
    three, four = fmt_int(counts.get("3", 0), lang), fmt_int(counts.get("4", 0), lang)
    return Message(
        LEVELS,
        _vi_en(
            lang,
            f"Năm {year}, {unit} cung cấp {three} thủ tục trực tuyến mức độ 3 và {four} thủ tục "
            f"mức độ 4 (trong tổng số {total} thủ tục)",
            f"In {year}, {unit} offered {three} procedures online at level 3 and {four} at "
            f"level 4 (of {total} procedures)",
        ),
    )


def _time_message(figures: DeckFigures, lang: str) -> Message | None:
    row = _last(figures.timeliness.frame, ON_TIME_RATE)
    if row is None:
        return None
    year, unit = int(row[s.YEAR]), figures.unit_name
    on_time, early, late = (
        fmt_percent(row[c], lang) for c in (ON_TIME_RATE, EARLY_RATE, LATE_RATE)
    )
    text = _vi_en(
        lang,
        f"Năm {year}, {unit} giải quyết đúng hạn {on_time} hồ sơ (trong đó {early} trước hạn), "
        f"trễ hạn {late}",
        f"In {year}, {unit} resolved {on_time} of dossiers on time ({early} early) and {late} late",
    )
    return Message(TIMELINESS, text)


def _short_message(figures: DeckFigures, lang: str) -> Message | None:
    row = _last(figures.shortened.frame, SHORTENED)
    if row is None:
        return None
    year, unit = int(row[s.YEAR]), figures.unit_name
    count, fields = fmt_int(row[SHORTENED], lang), fmt_int(row[N_FIELDS], lang)
    if int(row[SHORTENED]) == 0:
        text = _vi_en(
            lang,
            f"Năm {year}, {unit} chưa có thủ tục nào có thời gian giải quyết ngắn hơn quy định",
            f"In {year}, no procedure of {unit} had a committed time shorter than the legal one",
        )
    else:
        text = _vi_en(
            lang,
            f"Năm {year}, {unit} rút ngắn thời gian giải quyết của {count} thủ tục so với quy "
            f"định, thuộc {fields} lĩnh vực",
            f"In {year}, {unit} resolved {count} procedures faster than the legal time limit, "
            f"in {fields} fields",
        )
    return Message(SHORTENED_TOPIC, text)


# --- 3. slides ------------------------------------------------------------------------------

_TEXT = {
    "subtitle": (
        "Chỉ số cải cách hành chính (CCHC), {period}",
        "Public administration reform (PAR) indicators, {period}",
    ),
    "dataset": ("Dữ liệu: {source}", "Data: {source}"),
    "messages": ("Thông điệp chính", "Key messages"),
    "no_messages": ("Không có dữ liệu cho giai đoạn này.", "No data for this period."),
    "no_data": ("Không có dữ liệu cho giai đoạn này.", "No data for this period."),
    RANKS: ("Điểm và thứ hạng chỉ số CCHC, {period}", "PAR index score and rank, {period}"),
    "score": ("Điểm", "Score"),
    "rank": ("Thứ hạng (1 = cao nhất)", "Rank (1 = best)"),
    "rank_note": (
        "Thứ hạng được tính lại từ điểm của các đơn vị cùng cấp trong từng năm (đồng điểm thì đồng hạng).",
        "Ranks are recomputed each year from the scores of the units of the same level (equal scores share a rank).",
    ),
    LEVELS: ("Thủ tục trực tuyến theo mức độ, {period}", "Procedures online by level, {period}"),
    "era_note": (
        "Mức độ 1–4: Nghị định 43/2011 (đến năm 2022). Toàn trình / một phần: Nghị định 42/2022 (từ năm 2022). Hai cách phân loại không so sánh trực tiếp.",
        "Levels 1–4: Decree 43/2011 (until 2022). Full / partial: Decree 42/2022 (from 2022). The two classifications are not directly comparable.",
    ),
    "era_levels": ("Mức độ 1–4", "Levels 1–4"),
    "era_forms": ("Toàn trình / một phần", "Full / partial"),
    TIMELINESS: ("Tiến độ giải quyết hồ sơ, {period}", "Dossiers resolved on time, {period}"),
    ON_TIME_RATE: ("Đúng hạn (gồm trước hạn)", "On time (early included)"),
    EARLY_RATE: ("Trước hạn", "Early"),
    LATE_RATE: ("Trễ hạn", "Late"),
    "rate_note": (
        "Tỷ lệ trên số hồ sơ đã giải quyết (đúng hạn + trễ hạn).",
        "Rates of the dossiers resolved (on time + late).",
    ),
    SHORTENED_TOPIC: (
        "Thủ tục được rút ngắn thời gian giải quyết, {period}",
        "Shortened procedures, {period}",
    ),
    "per_year": ("Số thủ tục rút ngắn theo năm", "Shortened procedures per year"),
    "per_field": ("Theo lĩnh vực, năm {year}", "By field, {year}"),
}
_LEVEL_NAMES = {
    "1": ("Mức độ 1", "Level 1"),
    "2": ("Mức độ 2", "Level 2"),
    "3": ("Mức độ 3", "Level 3"),
    "4": ("Mức độ 4", "Level 4"),
    "full": ("Toàn trình", "Full"),
    "partial": ("Một phần", "Partial"),
    "none": ("Chỉ cung cấp thông tin", "Information only"),
    None: ("Chưa rõ mức độ", "Level unknown"),
}


def _t(key: Any, lang: str, **values: Any) -> str:
    return nfc(_TEXT[key][LANGS.index(lang)].format(**values))


def level_name(level: Any, lang: str) -> str:
    key = None if pd.isna(level) else str(level)
    return nfc(_LEVEL_NAMES.get(key, (key, key))[LANGS.index(lang)])


# Layout of a 16:9 slide, in inches.
_WIDTH, _HEIGHT = 13.333, 7.5
_MARGIN = 0.5
_TITLE_BOX = (_MARGIN, 0.3, _WIDTH - 2 * _MARGIN, 1.0)
_BODY_TOP, _BODY_BOTTOM = 1.4, 6.15
_FOOTER_BOX = (_MARGIN, 6.2, _WIDTH - 2 * _MARGIN, 1.15)
_LAYOUT_TITLE, _LAYOUT_CONTENT, _LAYOUT_TITLE_ONLY = 0, 1, 5


@dataclass(frozen=True)
class ChartSpec:
    """One native chart: its type, data, labels' number format and axis options."""

    kind: Any  # an XL_CHART_TYPE member
    data: CategoryChartData
    number_format: str
    title: str | None = None
    legend: bool = False
    reverse_values: bool = False
    value_range: tuple[float, float] | None = None
    axis_format: str | None = None  # the value axis' format when it differs from the labels'
    label_position: Any = XL_LABEL_POSITION.OUTSIDE_END


def build_deck(figures: DeckFigures, lang: str = "vi", exported: date | None = None) -> bytes:
    """The .pptx bytes: title, key messages, then one slide per topic with native charts."""
    _check(lang)
    messages = key_messages(figures, lang)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(_WIDTH), Inches(_HEIGHT)
    _title_slide(prs, figures, messages, lang, exported or date.today())
    _messages_slide(prs, figures, messages, lang)
    for topic, charts, notes in _topic_slides(figures, lang):
        title = _t(topic, lang, period=figures.period)
        about = [m.text for m in messages if m.topic == topic]
        _chart_slide(prs, title, charts, figures.topic(topic), [*notes], about, lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def deck_bytes(
    dataset: Dataset,
    unit: str,
    year_from: int,
    year_to: int,
    lang: str = "vi",
    exported: date | None = None,
) -> bytes:
    """`build_deck` of `deck_figures` for a unit query (code or name) and years."""
    return build_deck(
        deck_figures(dataset, select(dataset, unit, year_from, year_to)), lang, exported
    )


def deck_filename(selection: Selection, lang: str = "vi") -> str:
    """'bao-cao-cchc-nam-tu-liem-2016-2019.pptx' (vi) or 'par-report-…pptx' (en)."""
    return file_name("bao-cao-cchc" if lang == "vi" else "par-report", selection, "pptx")


def _topic_slides(figures: DeckFigures, lang: str) -> list[tuple[str, list[ChartSpec], list[str]]]:
    """(topic, charts, footnotes) of each topic slide, in order."""
    return [
        (RANKS, _rank_charts(figures, lang), [_t("rank_note", lang)]),
        (LEVELS, _level_charts(figures, lang), [_t("era_note", lang)]),
        (TIMELINESS, _time_charts(figures, lang), [_t("rate_note", lang)]),
        (SHORTENED_TOPIC, _short_charts(figures, lang), []),
    ]


def _values(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(v) else float(v) for v in series]


def _year_data(
    frame: pd.DataFrame, series: Sequence[tuple[str, str]], number_format: str
) -> CategoryChartData:
    """Chart data with the years as categories and one series per (name, column)."""
    data = CategoryChartData(number_format=number_format)
    data.categories = [str(int(y)) for y in frame[s.YEAR]]
    for name, column in series:
        data.add_series(name, _values(frame[column]))
    return data


def _has_values(frame: pd.DataFrame, *columns: str) -> bool:
    return (
        not frame.empty
        and all(c in frame for c in columns)
        and frame[list(columns)].notna().any().any()
    )


def _rank_charts(figures: DeckFigures, lang: str) -> list[ChartSpec]:
    frame = figures.ranks.frame
    if not _has_values(frame, RANK):
        return []
    worst = float(frame[UNITS_RANKED].max())
    best_possible = float(frame[s.MAX_SCORE].max())
    score = _year_data(frame, [(_t("score", lang), s.SCORE)], "0.00")
    rank = _year_data(frame, [(_t("rank", lang), RANK)], "0")
    return [
        ChartSpec(
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            score,
            "0.00",
            title=_t("score", lang),
            value_range=(0.0, best_possible),  # columns start at 0: no exaggerated differences
            axis_format="0",
        ),
        ChartSpec(
            XL_CHART_TYPE.LINE_MARKERS,
            rank,
            "0",
            title=_t("rank", lang),
            reverse_values=True,
            value_range=(1.0, worst),
            label_position=XL_LABEL_POSITION.ABOVE,
        ),
    ]


def _level_charts(figures: DeckFigures, lang: str) -> list[ChartSpec]:
    frame = figures.levels.frame
    if frame.empty:
        return []
    leaves = _era_years(frame)
    data = CategoryChartData(number_format="#,##0")
    for era_key in dict.fromkeys(era for era, _ in leaves):
        parent = data.add_category(_t(f"era_{era_key}", lang))
        for era, year in leaves:
            if era == era_key:
                parent.add_sub_category(str(year))
    for level in _levels_present(frame):
        data.add_series(level_name(level, lang), _level_values(frame, level, leaves))
    stacked = XL_CHART_TYPE.COLUMN_STACKED
    return [ChartSpec(stacked, data, "#,##0", legend=True, label_position=XL_LABEL_POSITION.CENTER)]


def _category_era(year: int, eras: set[str]) -> str:
    """The era a year's column belongs to; a year with no known level goes by the calendar."""
    if len(eras) == 1:
        return next(iter(eras))
    return ERA_LEVELS if year < s.FIRST_YEAR_OF_FORMS else ERA_FORMS


def _leaf_eras(frame: pd.DataFrame) -> pd.Series:
    """The column (era) each row is drawn in: its own era, or its year's for unknown levels."""
    known = frame.dropna(subset=[ERA])
    eras_of_year = known.groupby(s.YEAR)[ERA].agg(lambda e: set(e.astype(str)))
    return pd.Series(
        [
            str(e) if pd.notna(e) else _category_era(int(y), eras_of_year.get(y, set()))
            for y, e in zip(frame[s.YEAR], frame[ERA], strict=True)
        ],
        index=frame.index,
    )


def _era_years(frame: pd.DataFrame) -> list[tuple[str, int]]:
    """(era, year) columns in chronological order: levels years first, then forms years."""
    order = {ERA_LEVELS: 0, ERA_FORMS: 1}
    pairs = {(era, int(y)) for era, y in zip(_leaf_eras(frame), frame[s.YEAR], strict=True)}
    return sorted(pairs, key=lambda p: (order[p[0]], p[1]))


def _levels_present(frame: pd.DataFrame) -> list[Any]:
    present = set(frame[s.ONLINE_LEVEL].dropna().astype(str))
    ordered: list[Any] = [lv for lv in s.ONLINE_LEVELS if lv in present]
    return ordered + ([None] if frame[s.ONLINE_LEVEL].isna().any() else [])


def _level_values(
    frame: pd.DataFrame, level: Any, leaves: list[tuple[str, int]]
) -> list[float | None]:
    eras = _leaf_eras(frame)
    same = frame[s.ONLINE_LEVEL].isna() if level is None else frame[s.ONLINE_LEVEL].eq(level)
    rows = frame[same.fillna(False).astype(bool)]
    counts = {
        (eras[i], int(y)): float(n)
        for i, y, n in zip(rows.index, rows[s.YEAR], rows[LEVEL_COUNT], strict=True)
    }
    return [counts.get(leaf) for leaf in leaves]


def _time_charts(figures: DeckFigures, lang: str) -> list[ChartSpec]:
    frame = figures.timeliness.frame
    if not _has_values(frame, ON_TIME_RATE):
        return []
    series = [(_t(c, lang), c) for c in (ON_TIME_RATE, EARLY_RATE, LATE_RATE)]
    fmt = '0.00"%"'
    data = _year_data(frame, series, fmt)
    return [
        ChartSpec(
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            data,
            fmt,
            legend=True,
            value_range=(0.0, 100.0),
            axis_format='0"%"',
        )
    ]


def _short_charts(figures: DeckFigures, lang: str) -> list[ChartSpec]:
    frame = figures.shortened.frame
    if not _has_values(frame, SHORTENED):
        return []
    per_year = _year_data(frame, [(_t("per_year", lang), SHORTENED)], "#,##0")
    charts = [
        ChartSpec(XL_CHART_TYPE.COLUMN_CLUSTERED, per_year, "#,##0", title=_t("per_year", lang))
    ]
    fields = figures.by_field.frame
    if not fields.empty:
        # a bar chart draws its first category at the bottom: smallest first, largest on top
        ascending = fields.iloc[::-1]
        title = _t("per_field", lang, year=figures.by_field_year)
        data = CategoryChartData(number_format="#,##0")
        data.categories = [nfc(str(f)) for f in ascending[s.FIELD]]
        data.add_series(title, _values(ascending[SHORTENED]))
        charts.append(ChartSpec(XL_CHART_TYPE.BAR_CLUSTERED, data, "#,##0", title=title))
    return charts


# --- drawing --------------------------------------------------------------------------------


def _box(x: float, y: float, w: float, h: float) -> tuple[Emu, Emu, Emu, Emu]:
    return Inches(x), Inches(y), Inches(w), Inches(h)


def _write(
    frame: TextFrame, lines: Sequence[str], size: int, bold: bool = False, color: Any = None
) -> None:
    """Replace the text of `frame` with one paragraph per line, in Arial at `size` points."""
    frame.clear()
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = nfc(line)
        run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
        if color is not None:
            run.font.color.rgb = color


def _titled(prs: PresentationType, layout: int, title: str) -> Slide:
    slide = prs.slides.add_slide(prs.slide_layouts[layout])
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = _box(*_TITLE_BOX)
    _write(shape.text_frame, [title], 32, bold=True)
    return slide


def _notes(slide: Slide, lines: Sequence[str]) -> None:
    slide.notes_slide.notes_text_frame.text = nfc("\n".join(lines))


def _text_box(
    slide: Slide, box: tuple[float, float, float, float], lines: Sequence[str], size: int
) -> None:
    shape = slide.shapes.add_textbox(*_box(*box))
    _write(shape.text_frame, lines, size)


def _title_slide(
    prs: PresentationType, figures: DeckFigures, messages: list[Message], lang: str, exported: date
) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    title.left, title.top, title.width, title.height = _box(_MARGIN, 1.8, _WIDTH - 2 * _MARGIN, 1.6)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = _box(
        _MARGIN, 3.6, _WIDTH - 2 * _MARGIN, 1.6
    )
    _write(title.text_frame, [figures.unit_name], 44, bold=True)
    _write(
        subtitle.text_frame,
        [_t("subtitle", lang, period=figures.period), export_line(exported, lang)],
        24,
    )
    demo = any(figures.topic(t).demo for t in TOPICS)
    footer = [
        _t("dataset", lang, source=figures.dataset_source),
        *([demo_note(lang)] if demo else []),
    ]
    _text_box(slide, _FOOTER_BOX, footer, 12)
    _notes(slide, [m.text for m in messages])


def _messages_slide(
    prs: PresentationType, figures: DeckFigures, messages: list[Message], lang: str
) -> None:
    """The key messages, with the sources and demo warning of the topics they come from."""
    slide = _titled(prs, _LAYOUT_CONTENT, _t("messages", lang))
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = _box(
        _MARGIN, _BODY_TOP, _WIDTH - 2 * _MARGIN, _BODY_BOTTOM - _BODY_TOP
    )
    texts = [m.text for m in messages] or [_t("no_messages", lang)]
    _write(body.text_frame, texts, 22)
    topics = [figures.topic(name) for name in dict.fromkeys(m.topic for m in messages)]
    labels = list(dict.fromkeys(label for topic in topics for label in topic.sources))
    footer = [
        source_line(labels, lang),
        *([demo_note(lang)] if any(x.demo for x in topics) else []),
    ]
    _text_box(slide, _FOOTER_BOX, footer, 11)
    _notes(slide, texts)


def _chart_slide(
    prs: PresentationType,
    title: str,
    charts: list[ChartSpec],
    topic: Topic,
    footnotes: list[str],
    messages: list[str],
    lang: str,
) -> None:
    """A titled slide with the charts side by side, the footnotes, sources and demo warning."""
    slide = _titled(prs, _LAYOUT_TITLE_ONLY, title)
    width = (_WIDTH - 2 * _MARGIN - 0.3 * (len(charts) - 1)) / max(len(charts), 1)
    for i, spec in enumerate(charts):
        _add_chart(
            slide, spec, (_MARGIN + i * (width + 0.3), _BODY_TOP, width, _BODY_BOTTOM - _BODY_TOP)
        )
    if not charts:
        _text_box(slide, (_MARGIN, 3.0, _WIDTH - 2 * _MARGIN, 1.0), [_t("no_data", lang)], 24)
    footer = [
        *footnotes,
        source_line(list(topic.sources), lang),
        *([demo_note(lang)] if topic.demo else []),
    ]
    _text_box(slide, _FOOTER_BOX, footer, 11)
    _notes(slide, messages or [_t("no_data", lang)])


def _add_chart(slide: Slide, spec: ChartSpec, box: tuple[float, float, float, float]) -> None:
    chart = slide.shapes.add_chart(spec.kind, *_box(*box), spec.data).chart
    chart.font.name, chart.font.size = FONT, Pt(14)
    chart.has_title = spec.title is not None
    if spec.title:
        _write(chart.chart_title.text_frame, [spec.title], 16, bold=True)
    chart.has_legend = spec.legend
    if spec.legend:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format, labels.number_format_is_linked = spec.number_format, False
    labels.position = spec.label_position
    labels.font.size = Pt(12)
    values = chart.value_axis
    values.has_major_gridlines = not spec.reverse_values
    values.tick_labels.number_format = spec.axis_format or spec.number_format
    values.tick_labels.number_format_is_linked = False
    if spec.value_range:
        values.minimum_scale, values.maximum_scale = spec.value_range
    if spec.reverse_values:
        values.reverse_order = True
        values.crosses = XL_AXIS_CROSSES.MAXIMUM  # keep the years at the bottom
