"""Pure data shaping for the dashboard pages: filters, headline figures, tidy chart frames.

Nothing here imports Streamlit. Every chart frame keeps `demo` and `source_ids` (or a row's
`source_id`) so that the footer under a chart can name its sources and flag demo rows. Missing
stays missing: a figure nobody reported is None / NA here, never 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from indicators import schema as s
from indicators.dataset import Dataset
from indicators.formatting import (
    fmt_int,
    fmt_percent,
    fmt_rank,
    fmt_signed,
    is_missing,
    no_data,
)
from indicators.i18n import LANGS, t
from indicators.online import (
    ERA_FORMS,
    ERA_LEVELS,
    SHARE,
    level_counts,
    online_share_by_level,
    procedures_by_level,
)
from indicators.provenance import SOURCE_IDS, provenance
from indicators.rankings import (
    RANK,
    RANK_CHANGE,
    SCORE_CHANGE,
    UNITS_RANKED,
    best_and_average,
    rank_history,
    rank_table,
)
from indicators.shortened import (
    DAYS_SAVED,
    SHORTENED,
    shortened_procedures,
    shortened_summary,
)
from indicators.timeliness import EARLY_RATE, ON_TIME_RATE, timeliness
from indicators.units import UnitAmbiguous, UnitNotFound, find_unit, name_key

# --- constants ------------------------------------------------------------------------------
INDEXES = (s.INDEX_HANOI, s.INDEX_NATIONAL)
INDEX_PARAM = {"hanoi": s.INDEX_HANOI, "national": s.INDEX_NATIONAL}
PARAM_OF_INDEX = {v: k for k, v in INDEX_PARAM.items()}
INDEX_LEVEL = {s.INDEX_HANOI: "district", s.INDEX_NATIONAL: "province"}
INDEX_OF_LEVEL = {level: index for index, level in INDEX_LEVEL.items()}
# The level of the units that replaced each index's units on 1 July 2025 (no data yet).
NEW_LEVEL = {s.INDEX_HANOI: "commune", s.INDEX_NATIONAL: "province"}
DEFAULT_UNIT = {s.INDEX_HANOI: "019", s.INDEX_NATIONAL: "01"}
HANOI_CODE = "01"
REORG_DATE = pd.Timestamp("2025-07-01")
REORG_YEAR = 2025
METHOD_CHANGE_YEARS = (2017, 2022)
ONLINE_CAPABLE = ("3", "4", "full", "partial")
ERA_KEYS = {ERA_LEVELS: ("3", "4"), ERA_FORMS: ("full", "partial")}

SERIES = "series"
UNIT_SERIES, BEST_SERIES, AVERAGE_SERIES, CITY_SERIES = "unit", "best", "average", "city"
ON_TIME_ONLY_RATE = "on_time_only_rate"
PERCENT, COUNT, RANK_KIND = "percent", "count", "rank"
DATA_TABLES = ("scores", "levels", "online_share", "shortened", "timeliness")
PARAM_KEYS = ("unit", "year", "from", "to", "field", "lang", "index")


# --- filters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    level: str
    new: bool  # created by the reorganisation of 1 July 2025


@dataclass(frozen=True)
class Catalog:
    """What the sidebar may offer: years per index, units per index, fields."""

    index_years: Mapping[str, tuple[int, ...]]
    unit_codes: Mapping[str, tuple[str, ...]]
    units: Mapping[str, UnitInfo]
    fields: tuple[str, ...]

    def year_options(self, index_id: str) -> tuple[int, ...]:
        """From the index's first year to its last or to the reorganisation year (no data)."""
        years = self.index_years[index_id]
        return tuple(range(years[0], max(years[-1], REORG_YEAR) + 1))

    def latest_year(self, index_id: str) -> int:
        return self.index_years[index_id][-1]

    def name(self, code: str) -> str:
        info = self.units.get(code)
        return info.name if info else code


@dataclass(frozen=True)
class Filters:
    """The shared state of every page, as it is kept in the URL."""

    lang: str
    index_id: str
    year: int
    year_from: int
    year_to: int
    unit_code: str
    unit_name: str
    unit_level: str
    field: str | None = None

    @property
    def years(self) -> tuple[int, int]:
        return (self.year_from, self.year_to)


@dataclass(frozen=True)
class Notice:
    """A message about the URL, as an i18n key and its values."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        return t(self.key, lang, **dict(self.values))


def _sorted_codes(units: pd.DataFrame) -> tuple[str, ...]:
    ordered = units.assign(_key=units[s.NAME_VI].map(name_key)).sort_values(["_key", s.CODE])
    return tuple(dict.fromkeys(str(c) for c in ordered[s.CODE]))


def build_catalog(dataset: Dataset) -> Catalog:
    units = dataset.units.sort_values(s.VALID_FROM)
    latest = units.drop_duplicates(s.CODE, keep="last")
    infos = {
        str(r[s.CODE]): UnitInfo(
            str(r[s.CODE]), str(r[s.NAME_VI]), str(r[s.LEVEL]), bool(r[s.VALID_FROM] >= REORG_DATE)
        )
        for _, r in latest.iterrows()
    }
    totals = dataset.par_scores[dataset.par_scores[s.COMPONENT] == s.TOTAL]
    years, codes = {}, {}
    for index_id in INDEXES:
        rows = totals[totals[s.INDEX_ID] == index_id]
        years[index_id] = tuple(sorted({int(y) for y in rows[s.YEAR].dropna()}))
        scored = latest[latest[s.CODE].isin(set(rows[s.UNIT_CODE]))]
        new = latest[
            (latest[s.LEVEL] == NEW_LEVEL[index_id]) & (latest[s.VALID_FROM] >= REORG_DATE)
        ]
        if index_id == s.INDEX_HANOI:
            new = new[new[s.PARENT_CODE] == HANOI_CODE]
        new = new[~new[s.CODE].isin(set(scored[s.CODE]))]
        codes[index_id] = _sorted_codes(scored) + _sorted_codes(new)
    fields = tuple(sorted({str(f) for f in dataset.procedures[s.FIELD].dropna()}, key=name_key))
    return Catalog(years, codes, infos, fields)


def make_filters(catalog: Catalog, **values: Any) -> Filters:
    """Filters with the unit's name and level filled in from the catalogue."""
    code = values["unit_code"]
    info = catalog.units.get(code, UnitInfo(code, code, "", False))
    return Filters(**values, unit_name=info.name, unit_level=info.level)


def default_filters(catalog: Catalog, index_id: str = s.INDEX_HANOI, lang: str = "vi") -> Filters:
    """Unit 019 (or Hà Nội for the national index), the latest year with data, all years."""
    years = catalog.index_years[index_id]
    return make_filters(
        catalog,
        lang=lang,
        index_id=index_id,
        year=years[-1],
        year_from=years[0],
        year_to=years[-1],
        unit_code=DEFAULT_UNIT[index_id],
    )


def switch_index(filters: Filters, catalog: Catalog, index_id: str) -> Filters:
    """The filters for another index: its years where the old ones don't fit, its default unit
    when the unit is of another level."""
    if index_id == filters.index_id:
        return filters
    base = default_filters(catalog, index_id, filters.lang)
    options = catalog.year_options(index_id)
    keep_unit = filters.unit_level in (INDEX_LEVEL[index_id], NEW_LEVEL[index_id])
    return make_filters(
        catalog,
        lang=filters.lang,
        index_id=index_id,
        year=filters.year if filters.year in options else base.year,
        year_from=filters.year_from if filters.year_from in options else base.year_from,
        year_to=filters.year_to if filters.year_to in options else base.year_to,
        unit_code=filters.unit_code if keep_unit else base.unit_code,
        field=filters.field,
    )


def _int(value: str) -> int | None:
    text = value.strip()
    return int(text) if text.isdigit() else None


def bad_param(name: str, value: str) -> Notice:
    return Notice("bad_param", (("name", name), ("value", value)))


def _year_param(
    params: Mapping[str, str], name: str, options: tuple[int, ...], fallback: int
) -> tuple[int, list[Notice]]:
    if name not in params:
        return fallback, []
    value = _int(params[name])
    if value is None:
        return fallback, [bad_param(name, params[name])]
    if value not in options:
        values = {"value": value, "first": options[0], "last": options[-1], "year": fallback}
        return fallback, [Notice("year_outside", tuple((k, str(v)) for k, v in values.items()))]
    return value, []


def _unit_param(
    params: Mapping[str, str], units: pd.DataFrame, year: int
) -> tuple[pd.Series | None, list[Notice]]:
    if not params.get("unit", "").strip():
        return None, []
    try:
        return find_unit(units, params["unit"], year), []
    except (UnitNotFound, UnitAmbiguous) as exc:
        return None, [Notice("unit_problem", (("message", str(exc)),))]


def resolve_params(
    params: Mapping[str, str], catalog: Catalog, units: pd.DataFrame, base: Filters
) -> tuple[Filters, tuple[Notice, ...]]:
    """`base` overridden by the URL parameters that are present and valid.

    `unit` is a code or a name (see units.find_unit); without an explicit `index`, the unit's
    level chooses the index (district: Hanoi's index, province: the national one). Invalid
    values are reported as notices and leave the `base` value in place.
    """
    notices: list[Notice] = []
    lang = params.get("lang", base.lang)
    if lang not in LANGS:
        notices.append(bad_param("lang", lang))
        lang = base.lang
    index_id = INDEX_PARAM.get(params.get("index", ""), None)
    if "index" in params and index_id is None:
        notices.append(bad_param("index", params["index"]))
    explicit_index = index_id is not None
    index_id = index_id or base.index_id

    wanted_year = _int(params.get("year", "")) or base.year
    unit, problems = _unit_param(params, units, wanted_year)
    notices += problems
    if unit is not None and not explicit_index:
        index_id = INDEX_OF_LEVEL.get(str(unit[s.LEVEL]), index_id)
    start = replace(switch_index(base, catalog, index_id), lang=lang)

    options = catalog.year_options(index_id)
    year, problems = _year_param(params, "year", options, start.year)
    notices += problems
    year_from, problems = _year_param(params, "from", options, start.year_from)
    notices += problems
    year_to, problems = _year_param(params, "to", options, start.year_to)
    notices += problems

    field_value = start.field
    if "field" in params:
        wanted = params["field"].strip() or None
        if wanted is None or wanted in catalog.fields:
            field_value = wanted
        else:
            notices.append(bad_param("field", params["field"]))
    filters = make_filters(
        catalog,
        lang=lang,
        index_id=index_id,
        year=year,
        year_from=min(year_from, year_to),
        year_to=max(year_from, year_to),
        unit_code=str(unit[s.CODE]) if unit is not None else start.unit_code,
        field=field_value,
    )
    return filters, tuple(notices)


def encode_params(filters: Filters) -> dict[str, str]:
    """The URL query parameters that reopen the same view."""
    params = {
        "unit": filters.unit_code,
        "year": str(filters.year),
        "from": str(filters.year_from),
        "to": str(filters.year_to),
        "index": PARAM_OF_INDEX[filters.index_id],
        "lang": filters.lang,
    }
    if filters.field:
        params["field"] = filters.field
    return params


def changed_params(params: Mapping[str, str], written: Mapping[str, str]) -> dict[str, str]:
    """The parameters of the URL that differ from what the app wrote last (edited or linked)."""
    return {k: v for k, v in params.items() if k in PARAM_KEYS and written.get(k) != v}


def page_url(filters: Filters, page: str = "unit", **overrides: str) -> str:
    """A relative link to `page` with the filters (and `overrides`) in its query string."""
    return f"{page}?{urlencode({**encode_params(filters), **overrides})}"


def method_changes(year_from: int, year_to: int) -> tuple[int, ...]:
    """The method-change years that split the period (a change in the first year doesn't)."""
    return tuple(y for y in METHOD_CHANGE_YEARS if year_from < y <= year_to)


# --- frame helpers --------------------------------------------------------------------------


def _mask(
    frame: pd.DataFrame,
    code: str | None = None,
    years: tuple[int, int] | None = None,
    field: str | None = None,
) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if code is not None:
        keep &= frame[s.UNIT_CODE].eq(code).fillna(False)
    if years is not None:
        keep &= frame[s.YEAR].between(years[0], years[1]).fillna(False)
    if field is not None:
        keep &= frame[s.FIELD].eq(field).fillna(False)
    return frame[keep.astype(bool)]


def _rows(
    dataset: Dataset,
    table: str,
    code: str | None = None,
    years: tuple[int, int] | None = None,
    field: str | None = None,
) -> pd.DataFrame:
    """`_mask` of one of the dataset's tables; a unit's rows come from an index by unit kept
    with the dataset, so that a page reads a few hundred rows instead of every unit's."""
    if code is None:
        return _mask(dataset.table(table), years=years, field=field)
    by_unit = dataset.derived(("rows_by_unit", table), lambda: _by_unit(dataset.table(table)))
    mine = by_unit.get(code)
    if mine is None:
        return dataset.table(table).iloc[0:0]
    return _mask(mine, years=years, field=field)


def _by_unit(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {str(code): rows for code, rows in frame.groupby(s.UNIT_CODE, sort=False)}


def index_for_level(level: str) -> str | None:
    return INDEX_OF_LEVEL.get(level)


def years_between(frame: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    return _mask(frame, years=(year_from, year_to)).reset_index(drop=True)


def with_names(frame: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """The frame with each unit's (latest) Vietnamese name right after its code."""
    if s.NAME_VI in frame.columns:
        return frame
    latest = units.sort_values(s.VALID_FROM).drop_duplicates(s.CODE, keep="last")
    names = frame[s.UNIT_CODE].map(dict(zip(latest[s.CODE], latest[s.NAME_VI], strict=True)))
    out = frame.copy()
    out.insert(list(frame.columns).index(s.UNIT_CODE) + 1, s.NAME_VI, names.astype("string"))
    return out


# --- rankings -------------------------------------------------------------------------------


def index_history(dataset: Dataset, index_id: str) -> pd.DataFrame:
    """Every year's rank table of the index (expensive: cache it)."""
    return rank_history(dataset.par_scores, dataset.units, index_id)


def year_ranking(dataset: Dataset, index_id: str, year: int) -> pd.DataFrame:
    return rank_table(dataset.par_scores, dataset.units, index_id, year)


def best_average(history: pd.DataFrame, code: str) -> pd.DataFrame:
    """Per year: the unit's score, the best score and the mean score (long format).

    Columns: year, series ("unit" / "best" / "average"), score, demo, source_ids. Best and
    average carry the provenance of every score of the year; a year without the unit gives
    the unit an NA score (a gap), never 0.
    """
    rows: list[dict[str, Any]] = []
    for year, group in history.groupby(s.YEAR, sort=True):
        stats = best_and_average(group)
        everyone = provenance(group, []).iloc[0]
        mine = group[group[s.UNIT_CODE] == code]
        own = provenance(mine, []).iloc[0] if not mine.empty else None
        score = mine[s.SCORE].iloc[0] if not mine.empty else pd.NA
        for series, value, prov in (
            (UNIT_SERIES, score, own),
            (BEST_SERIES, stats["best"], everyone),
            (AVERAGE_SERIES, stats["average"], everyone),
        ):
            rows.append(
                {
                    s.YEAR: int(year),
                    SERIES: series,
                    s.SCORE: value,
                    s.DEMO: bool(prov[s.DEMO]) if prov is not None else False,
                    SOURCE_IDS: tuple(prov[SOURCE_IDS]) if prov is not None else (),
                }
            )
    out = pd.DataFrame(rows, columns=[s.YEAR, SERIES, s.SCORE, s.DEMO, SOURCE_IDS])
    return out.astype({s.YEAR: "Int64", s.SCORE: "Float64", s.DEMO: "boolean"})


def _rank_change_text(change: Any, lang: str) -> str:
    if is_missing(change):
        return no_data(lang)
    change = int(change)
    return "=" if change == 0 else (f"↑{change}" if change > 0 else f"↓{-change}")


def rank_display(table: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rank table as shown: rank, unit, formatted score and changes, a profile link."""
    lang = filters.lang
    return pd.DataFrame(
        {
            t("col_rank", lang): table[RANK].astype("Int64"),
            t("col_unit", lang): table[s.NAME_VI].astype(str),
            t("col_score", lang): [fmt_percent(v, lang) for v in table[s.SCORE]],
            t("col_rank_change", lang): [_rank_change_text(v, lang) for v in table[RANK_CHANGE]],
            t("col_score_change", lang): [fmt_signed(v, lang, 2) for v in table[SCORE_CHANGE]],
            t("col_profile", lang): [
                page_url(filters, "unit", unit=str(c), year=str(y))
                for c, y in zip(table[s.UNIT_CODE], table[s.YEAR], strict=True)
            ],
        }
    )


def leaders_sentence(table: pd.DataFrame, lang: str) -> str | None:
    """'Năm 2023, dẫn đầu: Quận Đống Đa (96,30%); cuối bảng: …' from a year's rank table."""
    ranked = table[table[RANK].notna()]
    if ranked.empty:
        return None

    def names_at(rank: Any) -> tuple[str, str]:
        rows = ranked[ranked[RANK] == rank]
        return ", ".join(rows[s.NAME_VI].astype(str)), fmt_percent(rows[s.SCORE].iloc[0], lang)

    top, top_score = names_at(ranked[RANK].min())
    bottom, bottom_score = names_at(ranked[RANK].max())
    year = int(ranked[s.YEAR].iloc[0])
    values = {"year": year, "top": top, "top_score": top_score}
    values |= {"bottom": bottom, "bottom_score": bottom_score}
    return t("leaders", lang, **values)


# --- headline figures -----------------------------------------------------------------------


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


_NO_FACT = _Fact(None)


def _number(value: Any) -> float | None:
    return None if is_missing(value) else float(value)


def _fact(row: pd.Series | None, column: str, ids: str = SOURCE_IDS) -> _Fact:
    if row is None or is_missing(row[column]):
        return _NO_FACT
    found = row[ids]
    ids_tuple = (str(found),) if isinstance(found, str) else tuple(str(i) for i in found)
    return _Fact(float(row[column]), bool(row[s.DEMO]), ids_tuple)


def _first(frame: pd.DataFrame) -> pd.Series | None:
    return None if frame.empty else frame.iloc[0]


def catalogue_era(catalogue: pd.DataFrame, year: int) -> str:
    """The classification the catalogue uses; by the year when there is no catalogue."""
    eras = set(catalogue[s.ONLINE_LEVEL].dropna().map(_era_of))
    if ERA_FORMS in eras:
        return ERA_FORMS
    if ERA_LEVELS in eras:
        return ERA_LEVELS
    return ERA_FORMS if year > s.LAST_YEAR_OF_LEVELS else ERA_LEVELS


def _era_of(level: str) -> str:
    return ERA_LEVELS if level in s.LEVELS_OLD else ERA_FORMS


def _facts(dataset: Dataset, code: str, year: int, field: str | None, index_id: str | None) -> dict:
    facts: dict[str, Any] = {}
    ranked = None
    if index_id is not None:
        table = year_ranking(dataset, index_id, year)
        ranked = _first(table[table[s.UNIT_CODE] == code])
    facts["score"] = _fact(ranked, s.SCORE, s.SOURCE_ID)
    facts["rank"] = _fact(ranked, RANK, s.SOURCE_ID)
    facts["units_ranked"] = _number(ranked[UNITS_RANKED]) if ranked is not None else None

    catalogue = _rows(dataset, "procedures", code, (year, year), field)
    dossiers = _rows(dataset, "dossier_stats", code, (year, year), field)
    facts["era"] = catalogue_era(catalogue, year)
    counts = level_counts(catalogue, code, year)
    whole = provenance(catalogue, []).iloc[0]
    shares = online_share_by_level(dossiers, catalogue)
    for level in ONLINE_CAPABLE:
        known = not catalogue.empty and _era_of(level) == facts["era"]
        facts[f"proc_{level}"] = (
            _Fact(float(counts.get(level, 0)), bool(whole[s.DEMO]), tuple(whole[SOURCE_IDS]))
            if known
            else _NO_FACT
        )
        facts[f"share_{level}"] = _fact(_first(shares[shares[s.ONLINE_LEVEL] == level]), SHARE)
    facts["shortened"] = _fact(_first(shortened_summary(catalogue, by=[s.YEAR])), SHORTENED)
    times = _first(_timeliness_by_year(dataset, code, (year, year), field))
    facts["on_time"] = _fact(times, ON_TIME_RATE)
    facts["early"] = _fact(times, EARLY_RATE)
    return facts


def _metric(key: str, kind: str, now: _Fact, before: _Fact, comparable: bool = True) -> Metric:
    previous = before.value if comparable else None
    return Metric(key, kind, now.value, previous, None, now.demo, now.source_ids)


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
    extra = (_metric("m_early", PERCENT, now["early"], before["early"]),)
    name = str(unit[s.NAME_VI])
    return Headline(code, name, year, index_id, now["era"], metrics, extra)


@dataclass(frozen=True)
class MetricText:
    label: str
    value: str
    delta: str | None
    delta_color: str  # st.metric's "normal" or "off"
    missing: bool = False  # no value: "Không có dữ liệu" / "No data"


def metric_text(metric: Metric, lang: str) -> MetricText:
    """The label, the formatted value and the change (None when there is none to give)."""
    label = t(metric.key, lang)
    if metric.kind == RANK_KIND:
        value = fmt_rank(metric.value, metric.total, lang)
    elif metric.kind == PERCENT:
        value = fmt_percent(metric.value, lang)
    else:
        value = fmt_int(metric.value, lang)
    if metric.value is None:
        return MetricText(label, value, None, "off", missing=True)
    if metric.previous is None:
        return MetricText(label, value, None, "off")
    if metric.kind == RANK_KIND:
        change = metric.previous - metric.value  # positive: moved up
        delta = f"{fmt_signed(change, lang)} {t('places', lang)}"
    elif metric.kind == PERCENT:
        change = round(metric.value - metric.previous, 2)
        delta = f"{fmt_signed(change, lang, 2)} {t('points', lang)}"
    else:
        change = metric.value - metric.previous
        delta = fmt_signed(change, lang)
    return MetricText(label, value, delta, "off" if change == 0 else "normal")


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


def _known(head: Headline, *keys: str) -> bool:
    return all((m := head.get(k)) is not None and m.value is not None for k in keys)


def _value(head: Headline, key: str) -> float:
    metric = head.get(key)
    assert metric is not None and metric.value is not None
    return metric.value


def _rank_sentence(head: Headline, lang: str) -> str | None:
    if not _known(head, "m_rank", "m_score"):
        return None
    rank = head.get("m_rank")
    assert rank is not None and rank.value is not None
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
        score=fmt_percent(_value(head, "m_score"), lang),
        change=change,
    )


def _online_sentence(head: Headline, lang: str) -> str | None:
    a, b = ERA_KEYS[head.era]
    if not _known(head, f"m_proc_{a}", f"m_proc_{b}"):
        return None
    shares = ""
    if _known(head, f"m_share_{a}", f"m_share_{b}"):
        shares = t(
            "story_shares",
            lang,
            a=fmt_percent(_value(head, f"m_share_{a}"), lang),
            b=fmt_percent(_value(head, f"m_share_{b}"), lang),
        )
    key = "story_levels" if head.era == ERA_LEVELS else "story_forms"
    return t(
        key,
        lang,
        a=fmt_int(_value(head, f"m_proc_{a}"), lang),
        b=fmt_int(_value(head, f"m_proc_{b}"), lang),
        shares=shares,
    )


def _time_sentence(head: Headline, lang: str) -> str | None:
    if not _known(head, "m_on_time", "m_early"):
        return None
    short = ""
    if _known(head, "m_shortened"):
        short = t("story_short", lang, n=fmt_int(_value(head, "m_shortened"), lang))
    return t(
        "story_time",
        lang,
        on_time=fmt_percent(_value(head, "m_on_time"), lang),
        early=fmt_percent(_value(head, "m_early"), lang),
        short=short,
    )


def unit_story(head: Headline, lang: str) -> list[str]:
    """Two or three sentences about the unit's year, from the headline figures only."""
    sentences = [
        text
        for text in (
            _rank_sentence(head, lang),
            _online_sentence(head, lang),
            _time_sentence(head, lang),
        )
        if text
    ]
    return sentences or [t("story_none", lang, unit=head.unit_name, year=head.year)]


# --- online services, shortened procedures, timeliness --------------------------------------


def levels_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Procedures per year and online level of one unit: year, online_level, procedures, era,
    demo, source_ids. A year without a catalogue is absent (a gap in the chart)."""
    procedures = _rows(dataset, "procedures", code, years, field)
    return procedures_by_level(procedures, by=[s.YEAR])


def share_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Share of dossiers submitted online per year and online level (levels 3, 4, full and
    partial: the others cannot be submitted online)."""
    dossiers = _rows(dataset, "dossier_stats", code, years, field)
    procedures = _rows(dataset, "procedures", code, years, field)
    shares = online_share_by_level(dossiers, procedures, by=[s.YEAR])
    keep = shares[s.ONLINE_LEVEL].isin(ONLINE_CAPABLE).fillna(False).astype(bool)
    return shares[keep].reset_index(drop=True)


def shortened_fields(
    dataset: Dataset, code: str, year: int, field: str | None = None
) -> pd.DataFrame:
    """Per field of the unit's catalogue: procedures, how many are shortened (0 when none,
    NA when the days are unknown), provenance; most shortened first."""
    procedures = _rows(dataset, "procedures", code, (year, year), field)
    summary = shortened_summary(procedures, by=[s.FIELD])
    return summary.sort_values(
        [SHORTENED, s.FIELD], ascending=[False, True], na_position="last", kind="stable"
    ).reset_index(drop=True)


def shortened_days(
    dataset: Dataset, code: str, year: int, field: str | None = None, limit: int = 15
) -> pd.DataFrame:
    """The `limit` procedures with the most days saved: legal and committed days."""
    procedures = _rows(dataset, "procedures", code, (year, year), field)
    short = shortened_procedures(procedures)
    columns = [
        s.PROCEDURE_CODE,
        s.PROCEDURE_NAME,
        s.FIELD,
        s.LEGAL_DAYS,
        s.COMMITTED_DAYS,
        DAYS_SAVED,
        s.DEMO,
        s.SOURCE_ID,
    ]
    ordered = short.sort_values(
        [DAYS_SAVED, s.PROCEDURE_NAME], ascending=[False, True], kind="stable"
    )
    return ordered[columns].head(limit).reset_index(drop=True)


def timeliness_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Per year: dossier counts and the early / on time but not early / late rates in %."""
    out = _timeliness_by_year(dataset, code, years, field)
    out[ON_TIME_ONLY_RATE] = out[ON_TIME_RATE] - out[EARLY_RATE]
    return out


def _timeliness_by_year(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None
) -> pd.DataFrame:
    """timeliness(the unit's rows, by year), read from every unit's years computed at once,
    per field, and kept with the dataset: one group-by over all rows on the first visit
    instead of a dozen pandas calls on each unit's rows at every filter change."""
    by_unit = dataset.derived(
        ("timeliness_by_unit", field),
        lambda: _by_unit(
            timeliness(_mask(dataset.dossier_stats, field=field), by=[s.UNIT_CODE, s.YEAR])
        ),
    )
    mine = by_unit.get(code)
    if mine is None:  # no dossier rows: the empty frame timeliness gives
        return timeliness(_rows(dataset, "dossier_stats", code, years, field), by=[s.YEAR])
    return _mask(mine, years=years).drop(columns=s.UNIT_CODE).reset_index(drop=True)


def on_time_trend(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """The unit's on-time rate per year next to the pooled rate of all units of its level.

    Long format: year, series ("unit" / "city"), on_time_rate, demo, source_ids.
    """
    levels = tuple(sorted(set(dataset.units.loc[dataset.units[s.CODE] == code, s.LEVEL])))
    mine = _timeliness_by_year(dataset, code, years, field)
    city = dataset.derived(
        ("on_time_of_levels", levels, years, field),
        lambda: _on_time_of_levels(dataset, levels, years, field),
    )
    columns = [s.YEAR, ON_TIME_RATE, s.DEMO, SOURCE_IDS]
    frames = [
        frame[columns].assign(**{SERIES: series})
        for frame, series in ((mine, UNIT_SERIES), (city, CITY_SERIES))
        if not frame.empty
    ]
    if not frames:
        return pd.DataFrame(columns=[s.YEAR, SERIES, ON_TIME_RATE, s.DEMO, SOURCE_IDS])
    out = pd.concat(frames, ignore_index=True)
    return out[[s.YEAR, SERIES, ON_TIME_RATE, s.DEMO, SOURCE_IDS]]


def _on_time_of_levels(
    dataset: Dataset, levels: tuple[str, ...], years: tuple[int, int], field: str | None
) -> pd.DataFrame:
    """The pooled on-time rates per year of all units of these levels (the same for each of
    them, hence kept with the dataset by on_time_trend)."""
    peers = set(dataset.units.loc[dataset.units[s.LEVEL].isin(levels), s.CODE])
    dossiers = _mask(dataset.dossier_stats, years=years, field=field)
    return timeliness(dossiers[dossiers[s.UNIT_CODE].isin(peers)], by=[s.YEAR])


# --- the data page --------------------------------------------------------------------------


def data_table(
    dataset: Dataset,
    name: str,
    index_id: str,
    years: tuple[int, int],
    field: str | None = None,
    code: str | None = None,
) -> pd.DataFrame:
    """One of DATA_TABLES for every unit (or only `code`) over the years, with unit names."""
    if name == "scores":
        history = years_between(index_history(dataset, index_id), *years)
        return history if code is None else history[history[s.UNIT_CODE] == code]
    procedures = _rows(dataset, "procedures", code, years, field)
    dossiers = _rows(dataset, "dossier_stats", code, years, field)
    by = [s.UNIT_CODE, s.YEAR]
    builders = {
        "levels": lambda: procedures_by_level(procedures, by=by),
        "online_share": lambda: online_share_by_level(dossiers, procedures, by=by),
        "shortened": lambda: shortened_summary(procedures, by=by),
        "timeliness": lambda: timeliness(dossiers, by=by),
    }
    if name not in builders:
        raise ValueError(f"unknown table {name!r}; expected one of {DATA_TABLES}")
    return with_names(builders[name](), dataset.units)


def partial_years(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The years whose dossier figures are monthly rows covering fewer than 12 months, with
    those months (e.g. 2025: March only), so that a page can say a year is partial."""
    months_of = dataset.derived(("months_by_unit", field), lambda: _months_by_unit(dataset, field))
    return tuple(
        (year, months) for year, months in months_of.get(code, ()) if years[0] <= year <= years[1]
    )


def _months_by_unit(dataset: Dataset, field: str | None) -> dict[str, list[tuple[int, tuple]]]:
    """Per unit, its partial years (see partial_years) in order, from every unit's distinct
    (year, month) pairs at once."""
    rows = _mask(dataset.dossier_stats, field=field)
    pairs = rows[[s.UNIT_CODE, s.YEAR, s.MONTH]].drop_duplicates()
    months: dict[tuple[str, int], set[int]] = {}
    yearly: set[tuple[str, int]] = set()  # unit-years with a row for the whole year (month NA)
    columns = (pairs[c].tolist() for c in (s.UNIT_CODE, s.YEAR, s.MONTH))
    for code, year, month in zip(*columns, strict=True):
        if is_missing(code) or is_missing(year):
            continue
        key = (str(code), int(year))
        if is_missing(month):
            yearly.add(key)
        else:
            months.setdefault(key, set()).add(int(month))
    out: dict[str, list[tuple[int, tuple]]] = {}
    for (code, year), seen in sorted(months.items()):
        if (code, year) not in yearly and len(seen) < 12:
            out.setdefault(code, []).append((year, tuple(sorted(seen))))
    return out


# --- sources, demo rows and CSV -------------------------------------------------------------


def source_ids_of(rows: pd.DataFrame) -> tuple[str, ...]:
    """Every source named by the rows, from `source_ids` (tuples) and / or `source_id`."""
    ids: set[str] = set()
    if SOURCE_IDS in rows.columns:
        for value in rows[SOURCE_IDS]:
            if isinstance(value, tuple | list):
                ids.update(str(v) for v in value)
    if s.SOURCE_ID in rows.columns:
        ids.update(str(v) for v in rows[s.SOURCE_ID].dropna())
    return tuple(sorted(ids))


def any_demo(rows: pd.DataFrame) -> bool:
    return s.DEMO in rows.columns and bool(rows[s.DEMO].astype("boolean").fillna(False).any())


@dataclass(frozen=True)
class SourceRef:
    id: str
    title: str
    url: str | None
    publisher: str | None
    kind: str


def describe_sources(sources: pd.DataFrame, ids: tuple[str, ...]) -> list[SourceRef]:
    """The sources with these ids; published ones first, then articles, demo last."""
    rows = sources[sources[s.ID].isin(list(ids))]
    refs = [
        SourceRef(
            str(r[s.ID]),
            str(r[s.TITLE]),
            None if is_missing(r[s.URL]) else str(r[s.URL]),
            None if is_missing(r[s.PUBLISHER]) else str(r[s.PUBLISHER]),
            str(r[s.SOURCE_KIND]),
        )
        for r in rows.to_dict("records")
    ]
    return sorted(refs, key=_source_order)


_KIND_ORDER = {"published": 0, "article": 1, "demo": 2}


def _source_order(ref: SourceRef) -> tuple[int, str]:
    return _KIND_ORDER.get(ref.kind, 3), ref.id


def sources_of(dataset: Dataset, ids: tuple[str, ...]) -> list[SourceRef]:
    """describe_sources(dataset.sources, ids), from an index by id kept with the dataset (a
    page asks for every chart's sources at every run)."""
    every = dataset.derived(
        ("sources_by_id",), lambda: {ref.id: ref for ref in all_sources(dataset.sources)}
    )
    return sorted((every[i] for i in ids if i in every), key=_source_order)


def all_sources(sources: pd.DataFrame) -> list[SourceRef]:
    return describe_sources(sources, tuple(str(i) for i in sources[s.ID]))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>#|~$])")


def markdown_text(text: str) -> str:
    """Data text made inert in Markdown: emphasis, code, HTML, LaTeX and Streamlit's
    :colour[…] directives show as the characters they are (brackets become parentheses)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text.replace("[", "(").replace("]", ")"))


def source_markdown(ref: SourceRef) -> str:
    """'[title](url)', or the bare title when the source has no address."""
    title = markdown_text(ref.title)
    return f"[{title}]({ref.url})" if ref.url else title


def source_list_markdown(refs: list[SourceRef], lang: str) -> list[str]:
    """One Markdown list item per source: link, publisher and kind."""
    lines = []
    for ref in refs:
        publisher = f" — {markdown_text(ref.publisher)}" if ref.publisher else ""
        lines.append(
            f"- {source_markdown(ref)}{publisher} · *{t(f'source_kind_{ref.kind}', lang)}*"
        )
    return lines
