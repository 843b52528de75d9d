"""The values a map shows: the indicators, each unit's value with its rank and sources in a
year, and the quantile classes and their colours (Viridis, stepped at the class breaks)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from plotly.colors import sample_colorscale

from indicators import geo, sources
from indicators import schema as s
from indicators.dataset import Dataset
from indicators.formatting import check_lang, fmt_int, fmt_number, fmt_percent
from indicators.i18n import t
from indicators.provenance import SOURCE_IDS
from indicators.rankings import RANK, UNITS_RANKED, competition_rank, rank_table
from indicators.schema import INDEX_OF_LEVEL
from indicators.shortened import SHORTENED, shortened_summary
from indicators.timeliness import ON_TIME_RATE, ONLINE_RATE, timeliness

VALUE = "value"
SOURCE_TITLES = "source_titles"
MAP_COLUMNS = (s.UNIT_CODE, s.NAME_VI, VALUE, RANK, UNITS_RANKED, s.DEMO, SOURCE_IDS, SOURCE_TITLES)

PAR_SCORE = "par_score"
PAR_RANK = "par_rank"
ONLINE_SHARE = "online_share"
ON_TIME = "on_time_rate"
SHORTENED_COUNT = "shortened"

COLORSCALE = "Viridis"


@dataclass(frozen=True)
class Indicator:
    """What a map shows: its label and unit (i18n keys map_ind_<key>, map_unit_<key>) and
    how its values are written."""

    key: str
    kind: str  # "number", "percent" or "int"
    decimals: int = 0
    higher_is_better: bool = True

    def label(self, lang: str) -> str:
        return t(f"map_ind_{self.key}", check_lang(lang))

    def unit_label(self, lang: str) -> str:
        return t(f"map_unit_{self.key}", check_lang(lang))

    def fmt(self, value: Any, lang: str) -> str:
        if self.kind == "percent":
            return fmt_percent(value, lang, self.decimals)
        if self.kind == "int":
            return fmt_int(value, lang)
        return fmt_number(value, lang, self.decimals)


INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator(PAR_SCORE, "number", 2),
        Indicator(PAR_RANK, "int", 0, higher_is_better=False),
        Indicator(ONLINE_SHARE, "percent", 2),
        Indicator(ON_TIME, "percent", 2),
        Indicator(SHORTENED_COUNT, "int"),
    )
}


# --- values -----------------------------------------------------------------------------------


def _par_values(dataset: Dataset, year: int, level: str, column: str) -> pd.DataFrame:
    """Score or rank of the PAR index of `level`, from rankings.rank_table."""
    index_id = INDEX_OF_LEVEL.get(level)
    if index_id is None:
        return pd.DataFrame(columns=[s.UNIT_CODE, VALUE])
    table = rank_table(dataset.par_scores, dataset.units, index_id, year)
    ids = [tuple(s.source_id_list(i)) for i in table[s.SOURCE_ID]]  # "a;b": both cited
    out = table.assign(**{VALUE: table[column].astype("Float64"), SOURCE_IDS: ids})
    return out[[s.UNIT_CODE, VALUE, RANK, UNITS_RANKED, s.DEMO, SOURCE_IDS]]


def _in_year(frame: pd.DataFrame, year: int, codes: pd.Series) -> pd.DataFrame:
    mask = frame[s.YEAR].eq(year) & frame[s.UNIT_CODE].isin(codes)
    return frame[mask.fillna(False).astype(bool)]


def _dossier_values(dataset: Dataset, year: int, codes: pd.Series, rate: str) -> pd.DataFrame:
    """A rate of timeliness.timeliness (all dossiers of the unit and year, all levels)."""
    rows = _in_year(dataset.dossier_stats, year, codes)
    if rows.empty:
        return pd.DataFrame(columns=[s.UNIT_CODE, VALUE])
    table = timeliness(rows).rename(columns={rate: VALUE})
    return table[[s.UNIT_CODE, VALUE, s.DEMO, SOURCE_IDS]]


def _shortened_values(dataset: Dataset, year: int, codes: pd.Series) -> pd.DataFrame:
    rows = _in_year(dataset.procedures, year, codes)
    if rows.empty:
        return pd.DataFrame(columns=[s.UNIT_CODE, VALUE])
    table = shortened_summary(rows).rename(columns={SHORTENED: VALUE})
    return table[[s.UNIT_CODE, VALUE, s.DEMO, SOURCE_IDS]]


_VALUES: dict[str, Callable[[Dataset, int, str, pd.Series], pd.DataFrame]] = {
    PAR_SCORE: lambda d, y, level, codes: _par_values(d, y, level, s.SCORE),
    PAR_RANK: lambda d, y, level, codes: _par_values(d, y, level, RANK),
    ONLINE_SHARE: lambda d, y, level, codes: _dossier_values(d, y, codes, ONLINE_RATE),
    ON_TIME: lambda d, y, level, codes: _dossier_values(d, y, codes, ON_TIME_RATE),
    SHORTENED_COUNT: lambda d, y, level, codes: _shortened_values(d, y, codes),
}


def _titles(ids: Any, titles: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(titles.get(i, i) for i in ids) if isinstance(ids, tuple) else ()


def map_values(
    dataset: Dataset, indicator: str, year: int, level: str, lang: str = "vi"
) -> pd.DataFrame:
    """One row per unit of `level` valid on 31 Dec of `year` (see geo.as_of), with its value.

    Columns: unit_code, name_vi, value (Float64, NA = no data), rank (Int64: 1 = best),
    units_ranked, demo, source_ids and source_titles (tuples: the citations, in `lang`).
    Values come from the indicator
    families (rank_table, timeliness, shortened_summary); the rank of the PAR indicators is
    rank_table's, the others are ranked here among the mapped units, highest value first.
    """
    if indicator not in _VALUES:
        raise ValueError(f"unknown indicator {indicator!r}; expected one of {list(_VALUES)}")
    units = geo.units_on(dataset.units, level, geo.as_of(year))
    base = units[[s.CODE, s.NAME_VI]].rename(columns={s.CODE: s.UNIT_CODE})
    values = _VALUES[indicator](dataset, year, level, base[s.UNIT_CODE])
    out = base.merge(values, on=s.UNIT_CODE, how="left")
    out[VALUE] = pd.to_numeric(out[VALUE]).astype("Float64")
    if RANK not in values.columns:
        out[RANK] = competition_rank(out[VALUE]).to_numpy()
        out[UNITS_RANKED] = int(out[VALUE].notna().sum())
    out[RANK] = out[RANK].astype("Int64")
    out[UNITS_RANKED] = out[UNITS_RANKED].astype("Int64").where(out[VALUE].notna())
    out[s.DEMO] = out.get(s.DEMO, pd.Series(pd.NA, index=out.index)).astype("boolean")
    ids = out.get(SOURCE_IDS, pd.Series(None, index=out.index, dtype=object))
    out[SOURCE_IDS] = pd.Series([i if isinstance(i, tuple) else () for i in ids], dtype=object)
    cited = {c.id: c.text(lang) for c in sources.citations(dataset, dataset.sources[s.ID])}
    out[SOURCE_TITLES] = pd.Series([_titles(i, cited) for i in out[SOURCE_IDS]], dtype=object)
    return out[list(MAP_COLUMNS)].reset_index(drop=True)


# --- quantile classes ---------------------------------------------------------------------------


def _numbers(values: Sequence[Any] | pd.Series) -> pd.Series:
    return pd.to_numeric(pd.Series(values), errors="coerce").astype("Float64")


def class_breaks(values: Sequence[Any] | pd.Series, k: int = 5) -> list[float]:
    """Quantile breaks of the known values: at most k + 1 distinct edges, min first, max last.

    Ties can merge quantiles, so there may be fewer than k classes; no values gives [].
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    known = _numbers(values).dropna().to_numpy(dtype=float)
    if known.size == 0:
        return []
    return [float(e) for e in np.unique(np.quantile(known, np.linspace(0, 1, k + 1)))]


def assign_classes(values: Sequence[Any] | pd.Series, edges: Sequence[float]) -> pd.Series:
    """Class 1 (lowest) .. len(edges) - 1 of each value; NA stays NA.

    A value equal to an inner edge goes to the upper class, as in Plotly's stepped colour
    scale; the maximum is in the top class.
    """
    numbers = _numbers(values)
    n = max(len(edges) - 1, 1)
    known = numbers.to_numpy(dtype=float, na_value=np.nan)
    found = np.searchsorted(np.asarray(edges[1:-1], dtype=float), known, side="right") + 1
    out = pd.Series(np.minimum(found, n), index=numbers.index, dtype="Int64")
    return out.where(numbers.notna())


def classes(values: Sequence[Any] | pd.Series, k: int = 5) -> pd.Series:
    """Quantile class of each value, 1 (lowest) .. at most k (highest); NA stays NA."""
    return assign_classes(values, class_breaks(values, k))


def stepped_colorscale(edges: Sequence[float], colors: Sequence[str]) -> list[list[Any]]:
    """A Plotly colorscale that is flat inside each class [edges[i], edges[i + 1])."""
    if len(edges) < 2 or edges[-1] == edges[0]:
        return [[0.0, colors[-1]], [1.0, colors[-1]]]
    span = edges[-1] - edges[0]
    positions = [(e - edges[0]) / span for e in edges]
    scale: list[list[Any]] = []
    for color, start, end in zip(colors, positions, positions[1:], strict=False):
        scale += [[start, color], [end, color]]
    return scale


def class_colors(n: int, higher_is_better: bool = True) -> list[str]:
    """n Viridis colours from the lowest class up; reversed when a low value is good (ranks)."""
    colors = sample_colorscale(COLORSCALE, n) if n > 1 else sample_colorscale(COLORSCALE, [1.0])
    return colors if higher_is_better else colors[::-1]
