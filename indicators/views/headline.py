"""A unit's headline figures for a year, and the few sentences that tell its story.

Each figure is the published one where the source published it, computed from the rows where an
office imported them, and from the demo layer only when demo data is on and nothing else
exists; a figure nobody reported is None, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from indicators import domain, figures
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.explain import FIGURE, PUBLISHED, Basis, rank_basis_of, rows_basis
from indicators.formatting import (
    fmt_int,
    fmt_published,
    fmt_rank,
    fmt_signed,
    is_missing,
)
from indicators.i18n import t
from indicators.onestop import ONE_STOP_SHARE, one_stop_share
from indicators.online import ERA_FORMS, ERA_LEVELS, SHARE, level_counts
from indicators.provenance import SOURCE_IDS, paired_sums, percent, provenance
from indicators.rankings import RANK, UNITS_RANKED
from indicators.shortened import N_FIELDS, SHORTENED, shortened_summary
from indicators.timeliness import EARLY_RATE, ON_TIME_RATE
from indicators.units import find_unit
from indicators.views.frames import (
    _rows,
    _timeliness_by_year,
    index_for_level,
    online_shares,
    unit_figures,
    year_ranking,
)

PERCENT, COUNT, RANK_KIND = "percent", "count", "rank"
ERA_KEYS = {ERA_LEVELS: ("3", "4"), ERA_FORMS: ("full", "partial")}
ONLINE_CAPABLE = s.ONLINE_CAPABLE


@dataclass(frozen=True)
class Metric:
    """One headline figure; `previous` is last year's comparable value (None if not)."""

    key: str  # i18n key of the label
    kind: str  # PERCENT, COUNT or RANK_KIND
    value: float | None
    previous: float | None = None
    total: int | None = None  # units ranked, for a rank
    demo: bool = False
    source_ids: tuple[str, ...] = ()
    comparator: str = "="  # ">" for a published "more than 20%"
    period: str | None = None  # the period of a published figure when not the whole year
    basis: Basis | None = None  # how it was arrived at (indicators.explain)


@dataclass(frozen=True)
class Headline:
    """The headline figures of a unit and year: `metrics` are shown as cards, `extra` only
    in the sentences and the table behind the cards."""

    unit_code: str
    unit_name: str
    year: int
    index_id: str | None
    era: str
    metrics: tuple[Metric, ...] = field(default_factory=tuple)
    extra: tuple[Metric, ...] = field(default_factory=tuple)

    def get(self, key: str) -> Metric | None:
        return next((m for m in self.metrics + self.extra if m.key == key), None)

    @property
    def has_data(self) -> bool:
        return any(m.value is not None for m in self.metrics + self.extra)


@dataclass(frozen=True)
class _Fact:
    value: float | None
    demo: bool = False
    source_ids: tuple[str, ...] = ()
    comparator: str = "="
    period: str | None = None
    basis: Basis | None = None


_NO_FACT = _Fact(None)
# The published figure (indicators.figures) that stands for a headline fact where the
# detailed rows do not give it, or only the demo layer does.
FIGURE_OF = {
    "proc_3": "procedures_level3",
    "proc_4": "procedures_level4",
    "share_3": "online_share_level3",
    "share_4": "online_share_level4",
    "share_all": "online_share",
    "shortened": "shortened_procedures",
    "short_fields": "shortened_fields",
    "one_stop": "one_stop_share",
    "on_time": "on_time_rate",
    "early": "early_rate",
}


def _number(value: Any) -> float | None:
    return None if is_missing(value) else float(value)


def _fact(
    row: pd.Series | None, column: str, ids: str = SOURCE_IDS, basis: Basis | None = None
) -> _Fact:
    if row is None or is_missing(row[column]):
        return _NO_FACT
    found = row[ids]
    ids_tuple = tuple(s.source_id_list(found)) if isinstance(found, str) else tuple(found)
    return _Fact(
        float(row[column]), bool(row[s.DEMO]), tuple(str(i) for i in ids_tuple), basis=basis
    )


def _published(dataset: Dataset, code: str, year: int, key: str) -> _Fact:
    """The published figure of a headline fact, if any."""
    row = figures.for_year(unit_figures(dataset, code), code, year, FIGURE_OF[key])
    if row is None:
        return _NO_FACT
    period = None if row[s.PERIOD] == str(year) else str(row[s.PERIOD])
    ids = tuple(s.source_id_list(row[s.SOURCE_ID]))
    excerpt = None if is_missing(row[s.EXCERPT]) else str(row[s.EXCERPT])
    basis = Basis(FIGURE, "figures", excerpt=excerpt, year=year)
    return _Fact(float(row[s.VALUE]), False, ids, str(row[s.COMPARATOR]), period, basis)


def _share_all(dossiers: pd.DataFrame, year: int) -> _Fact:
    """The share of all dossiers received that were submitted online."""
    sums = paired_sums(dossiers, [], s.ONLINE, s.RECEIVED)
    share = percent(sums[s.ONLINE], sums[s.RECEIVED]).iloc[0] if len(dossiers) else pd.NA
    if is_missing(share):
        return _NO_FACT
    prov = provenance(dossiers, []).iloc[0]
    basis = rows_basis(dossiers, "dossier_stats", year)
    return _Fact(float(share), bool(prov[s.DEMO]), tuple(prov[SOURCE_IDS]), basis=basis)


def _first(frame: pd.DataFrame) -> pd.Series | None:
    return None if frame.empty else frame.iloc[0]


def catalogue_era(catalogue: pd.DataFrame, year: int) -> str:
    """The classification the catalogue uses; by the year when there is no catalogue."""
    eras = set(catalogue[s.ONLINE_LEVEL].dropna().map(_era_of))
    if ERA_FORMS in eras:
        return ERA_FORMS
    if ERA_LEVELS in eras:
        return ERA_LEVELS
    return ERA_FORMS if year > domain.LAST_YEAR_OF_LEVELS else ERA_LEVELS


def _era_of(level: str) -> str:
    return ERA_LEVELS if level in s.LEVELS_OLD else ERA_FORMS


def _facts(dataset: Dataset, code: str, year: int, field: str | None, index_id: str | None) -> dict:
    facts: dict[str, Any] = {}
    ranked, table = None, pd.DataFrame()
    if index_id is not None:
        table = year_ranking(dataset, index_id, year)
        ranked = _first(table[table[s.UNIT_CODE] == code])
    facts["score"] = _fact(ranked, s.SCORE, s.SOURCE_ID, Basis(PUBLISHED, "par_scores", year=year))
    facts["rank"] = _fact(ranked, RANK, s.SOURCE_ID, rank_basis_of(table, ranked, year))
    if ranked is not None and facts["rank"].value is not None:
        published = ranked[s.RANK_PUBLISHED]
        if not is_missing(published) and int(published) == facts["rank"].value:
            facts["rank"] = replace(facts["rank"], demo=False)  # the published rank itself
        elif table[s.DEMO].any():  # ranked among scores some of which were generated
            facts["rank"] = replace(facts["rank"], demo=True)
    facts["units_ranked"] = _number(ranked[UNITS_RANKED]) if ranked is not None else None

    catalogue = _rows(dataset, "procedures", code, (year, year), field)
    dossiers = _rows(dataset, "dossier_stats", code, (year, year), field)
    facts["era"] = catalogue_era(catalogue, year)
    counts = level_counts(catalogue, code, year)
    whole = provenance(catalogue, []).iloc[0]
    shares = online_shares(dataset, code, (year, year), field)
    by_catalogue = rows_basis(catalogue, "procedures", year)
    by_dossiers = rows_basis(dossiers, "dossier_stats", year)
    for level in ONLINE_CAPABLE:
        known = not catalogue.empty and _era_of(level) == facts["era"]
        facts[f"proc_{level}"] = (
            _Fact(
                float(counts.get(level, 0)),
                bool(whole[s.DEMO]),
                tuple(whole[SOURCE_IDS]),
                basis=by_catalogue,
            )
            if known
            else _NO_FACT
        )
        level_share = _first(shares[shares[s.ONLINE_LEVEL] == level])
        facts[f"share_{level}"] = _fact(level_share, SHARE, basis=by_dossiers)
    short = _first(shortened_summary(catalogue, by=[s.YEAR]))
    facts["shortened"] = _fact(short, SHORTENED, basis=by_catalogue)
    facts["short_fields"] = _fact(short, N_FIELDS, basis=by_catalogue)
    one_stop = _first(one_stop_share(catalogue, by=[s.YEAR]))
    facts["one_stop"] = _fact(one_stop, ONE_STOP_SHARE, basis=by_catalogue)
    times = _first(_timeliness_by_year(dataset, code, (year, year), field))
    facts["on_time"] = _fact(times, ON_TIME_RATE, basis=by_dossiers)
    facts["early"] = _fact(times, EARLY_RATE, basis=by_dossiers)
    facts["share_all"] = _share_all(dossiers, year)
    if field is None:  # published figures are of the whole unit, not of one field
        for key in FIGURE_OF:
            if facts[key].value is None or facts[key].demo:
                published = _published(dataset, code, year, key)
                facts[key] = published if published.value is not None else facts[key]
    return facts


def _metric(key: str, kind: str, now: _Fact, before: _Fact, comparable: bool = True) -> Metric:
    """A headline figure and last year's, when the two can be compared: one classification,
    each the whole year's, both published (or imported) or both generated (then the change is
    a generated one)."""
    comparable = comparable and now.period is None and before.period is None
    comparable = comparable and now.comparator == "=" and before.comparator == "="
    comparable = comparable and now.demo == before.demo  # never a published vs a generated
    previous = before.value if comparable else None
    demo = now.demo or (previous is not None and before.demo)
    ids = tuple(dict.fromkeys(now.source_ids + (before.source_ids if previous is not None else ())))
    return Metric(
        key, kind, now.value, previous, None, demo, ids, now.comparator, now.period, now.basis
    )


def headline(dataset: Dataset, code: str, year: int, field: str | None = None) -> Headline:
    """The unit's headline figures for the year, each with last year's comparable value.

    The PAR figures come from the index of the unit's level. The online figures follow the
    classification the catalogue uses (levels 3 / 4 until 2021, full / partial from 2022); a
    change is only given within one classification.
    """
    unit = find_unit(dataset.units, code, year)
    index_id = index_for_level(str(unit[s.LEVEL]))
    now = _facts(dataset, code, year, field, index_id)
    before = _facts(dataset, code, year - 1, field, index_id)
    same_era = now["era"] == before["era"]
    a, b = ERA_KEYS[now["era"]]
    metrics = (
        _metric("m_score", PERCENT, now["score"], before["score"]),
        replace(
            _metric("m_rank", RANK_KIND, now["rank"], before["rank"]),
            total=None if now["units_ranked"] is None else int(now["units_ranked"]),
        ),
        _metric("m_on_time", PERCENT, now["on_time"], before["on_time"]),
        _metric("m_shortened", COUNT, now["shortened"], before["shortened"]),
        _metric(f"m_proc_{a}", COUNT, now[f"proc_{a}"], before[f"proc_{a}"], same_era),
        _metric(f"m_proc_{b}", COUNT, now[f"proc_{b}"], before[f"proc_{b}"], same_era),
        _metric(f"m_share_{a}", PERCENT, now[f"share_{a}"], before[f"share_{a}"], same_era),
        _metric(f"m_share_{b}", PERCENT, now[f"share_{b}"], before[f"share_{b}"], same_era),
    )
    extra = (
        _metric("m_early", PERCENT, now["early"], before["early"]),
        _metric("m_share_all", PERCENT, now["share_all"], before["share_all"]),
        _metric("m_short_fields", COUNT, now["short_fields"], before["short_fields"]),
        _metric("m_one_stop", PERCENT, now["one_stop"], before["one_stop"]),
    )
    name = str(unit[s.NAME_VI])
    return Headline(code, name, year, index_id, now["era"], metrics, extra)


@dataclass(frozen=True)
class MetricText:
    label: str
    value: str
    delta: str | None
    delta_color: str  # st.metric's "normal", "off", or a colour ("green", "red")
    missing: bool = False  # no value: "Không có dữ liệu" / "No data"
    demo: bool = False  # built on a generated figure: the card says so
    arrow: str = "auto"  # st.metric's delta_arrow: a rank's change is said in words


def metric_text(metric: Metric, lang: str) -> MetricText:
    """The label (with the period of a figure published for part of the year), the value as
    published ('> 20%'), and the change (None when there is none to give)."""
    label = t(metric.key, lang)
    if metric.period is not None:
        label = f"{label} ({figures.period_text(metric.period, lang)})"
    if metric.kind == RANK_KIND:
        value = fmt_rank(metric.value, metric.total, lang)
    elif metric.kind == PERCENT:
        value = fmt_published(metric.value, lang, "%")
    else:
        value = fmt_int(metric.value, lang)
    if metric.comparator != "=" and metric.value is not None:
        value = f"{metric.comparator} {value}"
    if metric.value is None:
        return MetricText(label, value, None, "off", missing=True)
    if metric.previous is None:
        return MetricText(label, value, None, "off", demo=metric.demo)
    if metric.kind == RANK_KIND:
        return _rank_change(label, value, metric, lang)
    if metric.kind == PERCENT:
        change = round(metric.value - metric.previous, 2)
        delta = f"{fmt_signed(change, lang, 2)} {t('points', lang)}"
    else:
        change = metric.value - metric.previous
        delta = fmt_signed(change, lang)
    return MetricText(label, value, delta, "off" if change == 0 else "normal", demo=metric.demo)


def _rank_change(label: str, value: str, metric: Metric, lang: str) -> MetricText:
    """A rank's change in words: "tăng 3 bậc" (green, up), "tụt 24 bậc" (red, down), "giữ
    nguyên thứ hạng" (grey): "↓ -24 bậc" read as a double negative, "↑ 0 bậc" as a rise."""
    change = int(metric.previous - metric.value)  # positive: moved up
    if change == 0:
        return MetricText(label, value, t("rank_same", lang), "gray", demo=metric.demo, arrow="off")
    up = change > 0
    delta = t("rank_up" if up else "rank_down", lang, n=fmt_int(abs(change), lang))
    colour, arrow = ("green", "up") if up else ("red", "down")
    return MetricText(label, value, delta, colour, demo=metric.demo, arrow=arrow)


def headline_rows(head: Headline, lang: str) -> pd.DataFrame:
    """The table behind the headline figures, one row per figure."""
    metrics = head.metrics + head.extra
    texts = [metric_text(m, lang) for m in metrics]
    return pd.DataFrame(
        {
            s.UNIT_CODE: head.unit_code,
            s.YEAR: head.year,
            t("col_metric", lang): [x.label for x in texts],
            t("col_value", lang): [x.value for x in texts],
            "value": pd.array([m.value for m in metrics], dtype="Float64"),
            "previous": pd.array([m.previous for m in metrics], dtype="Float64"),
            s.DEMO: pd.array([m.demo for m in metrics], dtype="boolean"),
            SOURCE_IDS: [m.source_ids for m in metrics],
        }
    )


# --- the unit in a few sentences ------------------------------------------------------------
# A sentence states only published or imported figures: a generated one is never told as fact.

COMPARATOR_WORDS = {">": "more_than", ">=": "at_least", "<": "less_than", "<=": "at_most"}


def _told(head: Headline, key: str) -> Metric | None:
    """The metric when a sentence may state it: known and not generated."""
    metric = head.get(key)
    ok = metric is not None and metric.value is not None and not metric.demo
    return metric if ok else None


def _said(metric: Metric, lang: str) -> str:
    """The value as a sentence says it: '99,99%', 'hơn 20%', '161'."""
    if metric.kind == PERCENT:
        text = fmt_published(metric.value, lang, "%")
    else:
        text = fmt_int(metric.value, lang)
    words = COMPARATOR_WORDS.get(metric.comparator)
    return f"{t(words, lang)} {text}" if words else text


def _rank_sentence(head: Headline, lang: str) -> str | None:
    rank = _told(head, "m_rank")
    if rank is None:
        return None
    score = _told(head, "m_score")
    change = ""
    if rank.previous is not None:
        moved = int(rank.previous - rank.value)
        key = "story_up" if moved > 0 else "story_down" if moved < 0 else "story_same"
        change = t(key, lang, n=abs(moved), year=head.year - 1)
    return t(
        "story_rank",
        lang,
        year=head.year,
        unit=head.unit_name,
        rank=fmt_rank(rank.value, rank.total, lang),
        score=t("story_score", lang, score=_said(score, lang)) if score else "",
        change=change,
    )


def _online_sentences(head: Headline, lang: str) -> list[tuple[str, str]]:
    a, b = ERA_KEYS[head.era]
    era = "levels" if head.era == ERA_LEVELS else "forms"
    out = []
    year = {"year": head.year, "unit": head.unit_name}
    first, second = _told(head, f"m_proc_{a}"), _told(head, f"m_proc_{b}")
    if first and second:
        counts = {"a": _said(first, lang), "b": _said(second, lang)}
        out.append(("levels", t(f"story_{era}", lang, **counts, **year)))
    first, second = _told(head, f"m_share_{a}"), _told(head, f"m_share_{b}")
    if first and second:
        shares = {"a": _said(first, lang), "b": _said(second, lang)}
        out.append(("shares", t(f"story_shares_{era}", lang, **shares, **year)))
    return out


def _time_sentences(head: Headline, lang: str) -> list[str]:
    on_time, early = _told(head, "m_on_time"), _told(head, "m_early")
    if not on_time:
        return []
    extra = t("story_early", lang, early=_said(early, lang)) if early else ""
    values = {"year": head.year, "unit": head.unit_name, "early": extra}
    return [t("story_time", lang, on_time=_said(on_time, lang), **values)]


def _short_sentences(head: Headline, lang: str) -> list[str]:
    short = _told(head, "m_shortened")
    if not short:
        return []
    values = {"year": head.year, "unit": head.unit_name}
    if short.value == 0 and short.comparator == "=":
        return [t("story_short_none", lang, **values)]
    return [t("story_short", lang, n=_said(short, lang), **values)]


STORY_TOPICS = ("ranks", "levels", "shares", "timeliness", "shortened")


def story_parts(head: Headline, lang: str) -> list[tuple[str, str]]:
    """(topic, sentence) about the unit's year, from its published or imported figures only;
    the topics are STORY_TOPICS (the deck's key messages take one of each)."""
    rank = _rank_sentence(head, lang)
    parts = [("ranks", rank)] if rank else []
    parts += _online_sentences(head, lang)
    parts += [("timeliness", text) for text in _time_sentences(head, lang)]
    parts += [("shortened", text) for text in _short_sentences(head, lang)]
    return parts


def unit_story(head: Headline, lang: str) -> list[str]:
    """A few sentences about the unit's year, from its published or imported figures only."""
    sentences = [text for _, text in story_parts(head, lang)]
    return sentences or [t("story_none", lang, unit=head.unit_name, year=head.year)]
