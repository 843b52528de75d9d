"""One unit's headline figures for one year, with the sources behind them."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators import schema as s
from indicators.dataset import Dataset
from indicators.onestop import ONE_STOP_SHARE, one_stop_share
from indicators.online import SHARE, level_counts, online_share_by_level
from indicators.provenance import SOURCE_IDS
from indicators.rankings import RANK, UNITS_RANKED, rank_table
from indicators.shortened import FIELDS, SHORTENED, shortened_summary
from indicators.timeliness import EARLY_RATE, ON_TIME_RATE, timeliness
from indicators.units import find_unit

# The index a unit of each level is ranked in by default.
INDEX_OF_LEVEL = {"district": s.INDEX_HANOI, "province": s.INDEX_NATIONAL}


def _one(frame: pd.DataFrame, code: str, year: int) -> pd.Series | None:
    hit = frame[(frame[s.UNIT_CODE] == code) & (frame[s.YEAR] == year)]
    return None if hit.empty else hit.iloc[0]


def _value(row: pd.Series | None, column: str, digits: int | None = 2) -> Any:
    if row is None or pd.isna(row[column]):
        return None
    value = row[column]
    if isinstance(value, tuple | list):
        return list(value)
    return round(float(value), digits) if digits is not None else int(value)


class _Provenance:
    """Collects the sources and the demo flag of every figure that is not missing."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.demo = False

    def add(self, row: pd.Series | None, figure: Any, ids_column: str = SOURCE_IDS) -> Any:
        if row is not None and figure is not None:
            ids = row[ids_column]
            self.ids.update([ids] if isinstance(ids, str) else ids)
            self.demo = self.demo or bool(row[s.DEMO])
        return figure


def unit_summary(dataset: Dataset, unit_query: str, year: int) -> dict[str, Any]:
    unit = find_unit(dataset.units, unit_query, year)
    code = str(unit[s.CODE])
    prov = _Provenance()
    out: dict[str, Any] = {"unit_code": code, "unit_name": unit[s.NAME_VI], "year": year}

    index_id = INDEX_OF_LEVEL.get(str(unit[s.LEVEL]))
    ranked = None
    if index_id is not None:
        ranked = _one(rank_table(dataset.par_scores, dataset.units, index_id, year), code, year)
    out["par_index"] = index_id if ranked is not None else None
    out["par_score"] = prov.add(ranked, _value(ranked, s.SCORE), s.SOURCE_ID)
    out["par_rank"] = _value(ranked, RANK, None)
    out["units_ranked"] = _value(ranked, UNITS_RANKED, None)

    catalogue = dataset.procedures[
        (dataset.procedures[s.UNIT_CODE] == code) & (dataset.procedures[s.YEAR] == year)
    ]
    counts = level_counts(catalogue, code, year)
    has_catalogue = not catalogue.empty
    cat_prov = (
        {SOURCE_IDS: tuple(catalogue[s.SOURCE_ID].unique()), s.DEMO: bool(catalogue[s.DEMO].any())}
        if has_catalogue
        else None
    )
    cat_row = pd.Series(cat_prov) if cat_prov else None
    for level in ("3", "4"):
        figure = counts.get(level, 0) if has_catalogue and year <= s.LAST_YEAR_OF_LEVELS else None
        out[f"procedures_level{level}"] = prov.add(cat_row, figure)
    for form in ("full", "partial"):
        figure = counts.get(form, 0) if has_catalogue and year >= s.FIRST_YEAR_OF_FORMS else None
        out[f"procedures_{form}"] = prov.add(cat_row, figure)

    dossiers = dataset.dossier_stats[
        (dataset.dossier_stats[s.UNIT_CODE] == code) & (dataset.dossier_stats[s.YEAR] == year)
    ]
    shares = online_share_by_level(dossiers, catalogue)
    for level in ("3", "4"):
        row = _first(shares[shares[s.ONLINE_LEVEL] == level])
        out[f"online_share_level{level}"] = prov.add(row, _value(row, SHARE))

    short = _one(shortened_summary(catalogue), code, year)
    out["shortened_procedures"] = prov.add(short, _value(short, SHORTENED, None))
    out["shortened_fields"] = prov.add(short, _value(short, FIELDS))

    stop = _one(one_stop_share(catalogue), code, year)
    out["one_stop_share"] = prov.add(stop, _value(stop, ONE_STOP_SHARE))

    times = _one(timeliness(dossiers), code, year)
    out["on_time_rate"] = prov.add(times, _value(times, ON_TIME_RATE))
    out["early_rate"] = prov.add(times, _value(times, EARLY_RATE))

    out["sources"] = _describe_sources(dataset.sources, prov.ids)
    out["demo"] = prov.demo
    return out


def _first(frame: pd.DataFrame) -> pd.Series | None:
    return None if frame.empty else frame.iloc[0]


def _describe_sources(sources: pd.DataFrame, ids: set[str]) -> list[dict[str, Any]]:
    rows = sources[sources[s.ID].isin(sorted(ids))].sort_values(s.ID)
    return [
        {
            "id": r[s.ID],
            "title": r[s.TITLE],
            "publisher": _text(r[s.PUBLISHER]),
            "url": _text(r[s.URL]),
            "kind": r[s.SOURCE_KIND],
        }
        for _, r in rows.iterrows()
    ]


def _text(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)
