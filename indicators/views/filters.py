"""The shared filters of every page and their URL codec: what the sidebar may offer (the
catalogue), the filters themselves, and reading and writing them as query parameters.

`demo` is the user's switch for the generated demo data (URL `demo=1`): off by default, so
that every figure on screen is published or imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from indicators import domain, figures
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.escaping import inert
from indicators.i18n import LANGS, t
from indicators.units import UnitAmbiguous, UnitNotFound, find_unit, name_key

INDEXES = s.INDEXES
INDEX_PARAM = {"hanoi": s.INDEX_HANOI, "national": s.INDEX_NATIONAL, "service766": s.INDEX_766}
PARAM_OF_INDEX = {v: k for k, v in INDEX_PARAM.items()}
DEFAULT_UNIT = {s.INDEX_HANOI: "019", s.INDEX_NATIONAL: "01", s.INDEX_766: "01"}
PARAM_KEYS = ("unit", "year", "from", "to", "field", "lang", "index", "demo")
DEMO_ON = "1"  # ?demo=1


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    level: str
    new: bool  # created by the reorganisation of 1 July 2025


@dataclass(frozen=True)
class Catalog:
    """What the sidebar may offer: years per index, units per index, fields, and the latest
    year each unit has a figure of."""

    index_years: Mapping[str, tuple[int, ...]]
    unit_codes: Mapping[str, tuple[str, ...]]
    units: Mapping[str, UnitInfo]
    fields: tuple[str, ...]
    latest: Mapping[str, int] = field(default_factory=dict)

    def year_options(self, index_id: str) -> tuple[int, ...]:
        """From the index's first year to its last or to the reorganisation year (no data)."""
        years = self.index_years[index_id]
        return tuple(range(years[0], max(years[-1], domain.REORG_YEAR) + 1))

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
    demo: bool = False  # the generated demo layer is shown (marked on every mark and card)

    @property
    def years(self) -> tuple[int, int]:
        return (self.year_from, self.year_to)


@dataclass(frozen=True)
class Notice:
    """A message about the URL, as an i18n key and its values (what the URL said)."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        return t(self.key, lang, **dict(self.values))

    def markdown(self, lang: str) -> str:
        """The message for Streamlit: the URL's values show as the characters they are, the
        first NOTICE_CHARS of them (a link may carry thousands)."""
        return t(self.key, lang, **{k: inert(_cut(v)) for k, v in self.values})


NOTICE_CHARS = 80


def _cut(value: str) -> str:
    return value if len(value) <= NOTICE_CHARS else value[: NOTICE_CHARS - 1] + "…"


def _sorted_codes(units: pd.DataFrame) -> tuple[str, ...]:
    ordered = units.assign(_key=units[s.NAME_VI].map(name_key)).sort_values(["_key", s.CODE])
    return tuple(dict.fromkeys(str(c) for c in ordered[s.CODE]))


def build_catalog(dataset: Dataset) -> Catalog:
    """Every unit of each index's level (Hanoi's districts, the provinces), then the units
    that replaced them on 1 July 2025; the years with a figure; the fields of the catalogue."""
    from indicators.views.data import published_years

    units = dataset.units.sort_values(s.VALID_FROM)
    latest = units.drop_duplicates(s.CODE, keep="last")
    infos = {
        str(r[s.CODE]): UnitInfo(
            str(r[s.CODE]),
            str(r[s.NAME_VI]),
            str(r[s.LEVEL]),
            bool(r[s.VALID_FROM] >= domain.REORG_DATE),
        )
        for _, r in latest.iterrows()
    }
    totals = dataset.par_scores[dataset.par_scores[s.COMPONENT] == s.TOTAL]
    years, codes = {}, {}
    for index_id in INDEXES:
        rows = totals[totals[s.INDEX_ID] == index_id]
        of_level = latest[
            (latest[s.LEVEL] == s.INDEX_LEVEL[index_id])
            & (latest[s.VALID_FROM] < domain.REORG_DATE)
        ]
        if index_id == s.INDEX_HANOI:
            of_level = of_level[of_level[s.PARENT_CODE] == s.HANOI_CODE]
        known = set(of_level[s.CODE]) | ({s.HANOI_CODE} if index_id == s.INDEX_HANOI else set())
        if index_id == s.INDEX_766:  # its snapshots, of the 63 and of the 34 provinces
            known |= set(latest.loc[latest[s.LEVEL] == "province", s.CODE])
        shown = dataset.figures[dataset.figures[s.UNIT_CODE].isin(known).fillna(False)]
        is_766 = shown[s.INDICATOR].isin(figures.INDEX_766_INDICATORS)
        shown = shown[is_766 if index_id == s.INDEX_766 else ~is_766]
        found = {int(y) for y in rows[s.YEAR].dropna()} | {int(y) for y in shown[s.YEAR]}
        years[index_id] = tuple(sorted(found)) or (domain.REORG_YEAR,)
        new = latest[
            (latest[s.LEVEL] == s.NEW_LEVEL[index_id]) & (latest[s.VALID_FROM] >= domain.REORG_DATE)
        ]
        if index_id == s.INDEX_HANOI:
            new = new[new[s.PARENT_CODE] == s.HANOI_CODE]
        new = new[~new[s.CODE].isin(set(of_level[s.CODE]))]
        codes[index_id] = _sorted_codes(of_level) + _sorted_codes(new)
    fields = tuple(sorted({str(f) for f in dataset.procedures[s.FIELD].dropna()}, key=name_key))
    every = {c for index_codes in codes.values() for c in index_codes}
    last = {c: y[-1] for c in every if (y := published_years(dataset, c))}
    return Catalog(years, codes, infos, fields, last)


def make_filters(catalog: Catalog, **values: Any) -> Filters:
    """Filters with the unit's name and level filled in from the catalogue."""
    code = values["unit_code"]
    info = catalog.units.get(code, UnitInfo(code, code, "", False))
    return Filters(**values, unit_name=info.name, unit_level=info.level)


def default_filters(catalog: Catalog, index_id: str = s.INDEX_HANOI, lang: str = "vi") -> Filters:
    """Unit 019 (or Hà Nội for the national index) in the latest year it has a figure of
    (else the index's latest year), all years."""
    years = catalog.index_years[index_id]
    unit = DEFAULT_UNIT[index_id]
    return make_filters(
        catalog,
        lang=lang,
        index_id=index_id,
        year=catalog.latest.get(unit, years[-1]),
        year_from=years[0],
        year_to=years[-1],
        unit_code=unit,
    )


def switch_index(filters: Filters, catalog: Catalog, index_id: str) -> Filters:
    """The filters for another index: its years where the old ones don't fit, its default unit
    when the unit is of another level."""
    if index_id == filters.index_id:
        return filters
    base = default_filters(catalog, index_id, filters.lang)
    options = catalog.year_options(index_id)
    keep_unit = filters.unit_level in (s.INDEX_LEVEL[index_id], s.NEW_LEVEL[index_id])
    return make_filters(
        catalog,
        lang=filters.lang,
        index_id=index_id,
        year=filters.year if filters.year in options else base.year,
        year_from=filters.year_from if filters.year_from in options else base.year_from,
        year_to=filters.year_to if filters.year_to in options else base.year_to,
        unit_code=filters.unit_code if keep_unit else base.unit_code,
        field=filters.field,
        demo=filters.demo,
    )


_PARAM_INT = re.compile(r"[0-9]{1,9}")


def param_int(value: str | None) -> int | None:
    """A URL parameter's whole number, or None: ASCII digits only and at most nine of them
    ('²' and '٣' are digits to str.isdigit, and int() refuses 4 300 digits or more)."""
    text = (value or "").strip()
    return int(text) if _PARAM_INT.fullmatch(text) else None


def bad_param(name: str, value: str) -> Notice:
    return Notice("bad_param", (("name", name), ("value", value)))


def _year_param(
    params: Mapping[str, str], name: str, options: tuple[int, ...], fallback: int
) -> tuple[int, list[Notice]]:
    if name not in params:
        return fallback, []
    value = param_int(params[name])
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
    except UnitNotFound as exc:
        hint = "; ".join(exc.suggestions) or "-"
        return None, [Notice("err_unit_not_found", (("query", exc.query), ("hint", hint)))]
    except UnitAmbiguous as exc:
        listed = "; ".join(exc.candidates)
        return None, [Notice("err_unit_ambiguous", (("query", exc.query), ("listed", listed)))]


def resolve_params(
    params: Mapping[str, str], catalog: Catalog, units: pd.DataFrame, base: Filters
) -> tuple[Filters, tuple[Notice, ...]]:
    """`base` overridden by the URL parameters that are present and valid.

    `unit` is a code or a name (see units.find_unit); without an explicit `index`, the unit's
    level chooses the index (district: Hanoi's index, province: the national one), and without
    a `year` the unit's latest year with a figure is shown. `demo=1` switches the generated
    demo data on, `demo=0` off. Invalid values are reported as notices and leave the `base`
    value in place.
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

    wanted_year = param_int(params.get("year")) or base.year
    unit, problems = _unit_param(params, units, wanted_year)
    notices += problems
    if unit is not None and not explicit_index:
        index_id = s.INDEX_OF_LEVEL.get(str(unit[s.LEVEL]), index_id)
    start = replace(switch_index(base, catalog, index_id), lang=lang)

    options = catalog.year_options(index_id)
    landing = start.year
    if unit is not None and "year" not in params:  # a link to a unit: its latest figures
        landing = catalog.latest.get(str(unit[s.CODE]), start.year)
        landing = landing if landing in options else start.year
    year, problems = _year_param(params, "year", options, landing)
    notices += problems
    year_from, problems = _year_param(params, "from", options, start.year_from)
    notices += problems
    year_to, problems = _year_param(params, "to", options, start.year_to)
    notices += problems

    demo = base.demo
    if "demo" in params:
        if params["demo"] in ("0", DEMO_ON):
            demo = params["demo"] == DEMO_ON
        else:
            notices.append(bad_param("demo", params["demo"]))
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
        demo=demo,
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
    if filters.demo:
        params["demo"] = DEMO_ON
    return params


def changed_params(params: Mapping[str, str], written: Mapping[str, str]) -> dict[str, str]:
    """The parameters of the URL that differ from what the app wrote last (edited or linked)."""
    return {k: v for k, v in params.items() if k in PARAM_KEYS and written.get(k) != v}


def page_url(filters: Filters, page: str = "unit", **overrides: str) -> str:
    """A relative link to `page` with the filters (and `overrides`) in its query string."""
    return f"{page}?{urlencode({**encode_params(filters), **overrides})}"
