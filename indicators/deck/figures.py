"""The figures of a deck: one unit over a range of years, computed once (pure).

Each topic is the frame its slide charts, with its demo flag and its citations. The frames come
from indicators.views (the online levels and the on-time rates: the rows of the dashboard's
charts of the same keys, from indicators.charts.registry), so that a deck shows what the
dashboard shows: published figures where no detailed row exists (Nam Từ Liêm's 161 / 19
procedures at levels 3 / 4 in 2018), imported rows, and generated rows only when the dataset
has its demo layer on. `heads` are the unit's headline figures of each year: the key messages
are told from them (indicators.deck.messages).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from indicators import figures as published
from indicators import map_charts, sources, views
from indicators import schema as s
from indicators.charts import registry
from indicators.dataset import Dataset
from indicators.explain import Imports
from indicators.importing.history import import_history
from indicators.online import ERA, PROCEDURES
from indicators.provenance import SOURCE_IDS
from indicators.rankings import RANK, RANK_CHANGE, UNITS_RANKED, RankingError, rank_table
from indicators.selection import Selection, SelectionError
from indicators.shortened import (
    N_FIELDS,
    SHORTENED,
    count_by_field,
    shortened_procedures,
    shortened_summary,
)
from indicators.shortened import PROCEDURES as SHORT_CATALOGUE
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE
from indicators.units import nfc
from indicators.views import Filters, Headline

RANKS, LEVELS, TIMELINESS, SHORTENED_TOPIC = "ranks", "levels", "timeliness", "shortened"
COMPARISON, MAP = "comparison", "map_scores"
TOPICS = (RANKS, LEVELS, TIMELINESS, SHORTENED_TOPIC)  # the topics of the key messages
SLIDES = (RANKS, COMPARISON, MAP, LEVELS, TIMELINESS, SHORTENED_TOPIC)  # the topic slides
CATALOGUE = "catalogue"  # procedures in the catalogue of a year, all levels together


@dataclass(frozen=True)
class Topic:
    """The figures of one slide, with the demo flag and the citations of the rows behind."""

    frame: pd.DataFrame
    demo: bool = False
    citations: tuple[sources.Citation, ...] = ()


_EMPTY = Topic(pd.DataFrame())


@dataclass(frozen=True)
class DeckFigures:
    """Everything the deck shows, computed once. Frames have one row per year (or field)."""

    unit_code: str
    unit_name: str
    years: tuple[int, ...]
    ranks: Topic  # year, score, max_score, rank, units_ranked, rank_change, demo
    levels: Topic  # year, online_level, era, procedures, demo (one row per level present)
    timeliness: Topic  # year, on_time_rate, early_rate, late_rate, demo
    shortened: Topic  # year, catalogue, shortened, n_fields, demo
    by_field: Topic  # field, shortened: the last year with a shortened procedure
    by_field_year: int | None = None
    index_id: str | None = None
    heads: tuple[Headline, ...] = ()  # the headline figures of each year, oldest first
    demo_on: bool = False  # the dataset shows the demo layer: every slide says so
    # every ranked unit of the unit's index in `compare_year` (the last year of the period in
    # which the unit has a score): unit_code, name_vi, score, max_score, rank, units_ranked,
    # demo; published scores only, unless the dataset shows the demo layer
    comparison: Topic = _EMPTY
    compare_year: int | None = None
    # the map of that year: indicators.map_charts.map_values of the PAR score, one row per
    # unit of the unit's level (`level`), cited like `comparison` (the same scores)
    map_scores: Topic = _EMPTY
    level: str | None = None
    # the official targets binding the unit in the period's last year (deck.goals)
    goals: Topic = _EMPTY
    # the dataset's sources and import history, to explain each figure in the notes
    sources: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False)
    imports: Imports = field(default_factory=dict, compare=False)

    @property
    def period(self) -> str:
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    def topic(self, name: str) -> Topic:
        return getattr(self, name)


def _topic(frame: pd.DataFrame, dataset: Dataset, rows: pd.DataFrame | None = None) -> Topic:
    """`frame` with the demo flag and citations of `rows` (default: the frame itself)."""
    behind = frame if rows is None else rows
    cited = tuple(sources.of_rows(dataset, behind))
    return Topic(frame.reset_index(drop=True), sources.any_demo(behind), cited)


def _by_year(frame: pd.DataFrame, years: Sequence[int], columns: Sequence[str]) -> pd.DataFrame:
    """One row per year of the period (NA where the frame has none), with `columns`."""
    grid = pd.DataFrame({s.YEAR: pd.array(list(years), dtype="Int64")})
    present = [c for c in columns if c in frame.columns]
    right = frame[[s.YEAR, *present]].astype({s.YEAR: "Int64"})
    return grid.merge(right, on=s.YEAR, how="left")


def deck_figures(dataset: Dataset, selection: Selection) -> DeckFigures:
    """The figures of the deck for a selection with one unit and both years."""
    if selection.unit_code is None or selection.year_from is None or selection.year_to is None:
        raise SelectionError(
            "bản trình chiếu cần một đơn vị, năm bắt đầu và năm kết thúc",
            "a deck needs a unit, a first year and a last year",
        )
    code = selection.unit_code
    years = tuple(range(selection.year_from, selection.year_to + 1))
    procedures = selection.rows(dataset.procedures)
    index_id = _index_of(dataset.units, code)
    scope = _scope(dataset, code, nfc(selection.unit_name or code), years, index_id)
    by_field, by_field_year = _by_field(procedures, dataset)
    levels = registry.frame("levels", dataset, scope)
    ranks, tables = _ranks(dataset, code, index_id, years)
    compare_year, comparison = _comparison(dataset, code, tables)
    level = _level_of(dataset.units, code)
    return DeckFigures(
        unit_code=code,
        unit_name=scope.unit_name,
        years=years,
        ranks=ranks,
        levels=_topic(
            levels[[s.YEAR, s.ONLINE_LEVEL, ERA, PROCEDURES, s.DEMO, SOURCE_IDS]], dataset
        ),
        timeliness=_timeliness(dataset, scope),
        shortened=_shortened(dataset, code, procedures, years),
        by_field=by_field,
        by_field_year=by_field_year,
        index_id=index_id,
        heads=tuple(views.headline(dataset, code, y) for y in years),
        goals=_goals(dataset, code, years[-1]),
        demo_on=dataset.demo,
        comparison=comparison,
        compare_year=compare_year,
        map_scores=_map_scores(dataset, level, compare_year),
        level=level,
        sources=dataset.sources,
        imports=import_history(dataset),
    )


def _goals(dataset: Dataset, code: str, year: int) -> Topic:
    from indicators.deck.goals import goals_frame

    vi, en = (views.unit_goals(dataset, code, year, lang) for lang in ("vi", "en"))
    return _topic(goals_frame(vi, en), dataset) if len(vi) else _EMPTY


def _scope(
    dataset: Dataset, code: str, name: str, years: Sequence[int], index_id: str | None
) -> Filters:
    """The dashboard's filters of the deck: its unit over its years, every field. The deck
    reads the rows of the dashboard's charts (indicators.charts.registry) with them; the
    language (the deck chooses it later) and the index of a unit without one are placeholders
    that these rows never read."""
    return Filters(
        lang="vi",
        index_id=index_id or s.INDEX_HANOI,
        year=years[-1],
        year_from=years[0],
        year_to=years[-1],
        unit_code=code,
        unit_name=name,
        unit_level="",
        demo=dataset.demo,
    )


def _level_of(units: pd.DataFrame, code: str) -> str | None:
    levels = units.loc[units[s.CODE] == code, s.LEVEL].dropna()
    return str(levels.iloc[-1]) if len(levels) else None


def _index_of(units: pd.DataFrame, code: str) -> str | None:
    level = _level_of(units, code)
    return s.INDEX_OF_LEVEL.get(level) if level else None


def _ranks(
    dataset: Dataset, code: str, index_id: str | None, years: Sequence[int]
) -> tuple[Topic, dict[int, pd.DataFrame]]:
    """The unit's score and rank per year, cited by the rows the ranks rest on (every score
    of a year ranked from its scores; the unit's own row of a year published in part), and
    the rank table of each year in which the unit is ranked."""
    columns = [s.SCORE, s.MAX_SCORE, RANK, UNITS_RANKED, RANK_CHANGE, s.DEMO]
    found, behind, tables = [], [], {}
    for year in years if index_id else ():
        try:
            table = rank_table(dataset.par_scores, dataset.units, index_id, year)
        except RankingError:
            continue
        mine = table[table[s.UNIT_CODE] == code]
        if mine.empty:
            continue
        found.append(mine)
        behind.append(table if (table["ranked_by"] == "scores").all() else mine)
        tables[year] = table
    if not found:
        return Topic(pd.DataFrame(columns=[s.YEAR, *columns])), tables
    frame = pd.concat(found, ignore_index=True)
    return _topic(_by_year(frame, years, columns), dataset, pd.concat(behind)), tables


COMPARE_COLUMNS = [s.UNIT_CODE, s.NAME_VI, s.SCORE, s.MAX_SCORE, RANK, UNITS_RANKED, s.DEMO]


def _comparison(
    dataset: Dataset, code: str, tables: dict[int, pd.DataFrame]
) -> tuple[int | None, Topic]:
    """Every unit with a score in the last year in which the unit has one, best first: the
    rank table's rows (published scores only, unless the dataset shows the demo layer)."""
    for year in sorted(tables, reverse=True):
        table = tables[year]
        scored = table[table[s.SCORE].notna()]
        if not scored[s.UNIT_CODE].eq(code).any():
            continue
        rows = scored.sort_values([RANK, s.SCORE], ascending=[True, False], kind="stable")
        return year, _topic(rows[COMPARE_COLUMNS], dataset, rows)
    return None, Topic(pd.DataFrame(columns=COMPARE_COLUMNS))


def _map_scores(dataset: Dataset, level: str | None, year: int | None) -> Topic:
    """The PAR score of every unit of `level` in `year`, for the map (map_values' rows)."""
    if year is None or level is None or level not in s.INDEX_OF_LEVEL:
        return Topic(pd.DataFrame())
    frame = map_charts.map_values(dataset, map_charts.PAR_SCORE, year, level)
    shown = frame[frame[map_charts.VALUE].notna()]
    return Topic(frame, sources.any_demo(shown), tuple(sources.of_rows(dataset, shown)))


def _timeliness(dataset: Dataset, scope: Filters) -> Topic:
    """On-time, early and late rates per year; a year without dossier rows shows the on-time
    rate published for it (early and late stay unknown)."""
    years = range(scope.year_from, scope.year_to + 1)
    rates = registry.frame("timeliness", dataset, scope)
    trend = registry.frame("on-time-trend", dataset, scope)
    mine = trend[(trend[views.SERIES] == views.UNIT_SERIES) & ~trend[s.YEAR].isin(rates[s.YEAR])]
    both = pd.concat([rates, mine.drop(columns=views.SERIES)], ignore_index=True)
    columns = [ON_TIME_RATE, EARLY_RATE, LATE_RATE, s.DEMO]
    return _topic(_by_year(both, years, columns), dataset, both)


def _shortened(
    dataset: Dataset, code: str, procedures: pd.DataFrame, years: Sequence[int]
) -> Topic:
    """Shortened procedures and their fields per year, from the catalogue, or as published."""
    summary = shortened_summary(procedures).rename(columns={SHORT_CATALOGUE: CATALOGUE})
    rows = []
    for year in years:
        if year in set(summary[s.YEAR].dropna().astype(int)):
            continue
        count = published.for_year(dataset.figures, code, year, "shortened_procedures")
        fields = published.for_year(dataset.figures, code, year, "shortened_fields")
        if count is None or count[s.PERIOD] != str(year):
            continue
        cited = [count[s.SOURCE_ID], *([fields[s.SOURCE_ID]] if fields is not None else [])]
        rows.append(
            {
                s.YEAR: year,
                SHORTENED: float(count[s.VALUE]),
                N_FIELDS: float(fields[s.VALUE]) if fields is not None else None,
                s.DEMO: False,
                s.SOURCE_ID: s.join_source_ids(cited),
            }
        )
    extra = pd.DataFrame(rows, columns=[s.YEAR, SHORTENED, N_FIELDS, s.DEMO, s.SOURCE_ID])
    both = pd.concat([summary, extra], ignore_index=True) if len(extra) else summary
    if both.empty:
        return Topic(pd.DataFrame(columns=[s.YEAR, CATALOGUE, SHORTENED, N_FIELDS, s.DEMO]))
    columns = [CATALOGUE, SHORTENED, N_FIELDS, s.DEMO]
    return _topic(_by_year(both, years, columns), dataset, both)


def _by_field(procedures: pd.DataFrame, dataset: Dataset) -> tuple[Topic, int | None]:
    """Shortened procedures per field in the last year that has any."""
    short = shortened_procedures(procedures)
    if short.empty:
        return Topic(pd.DataFrame(columns=[s.FIELD, SHORTENED])), None
    year = int(short[s.YEAR].max())
    of_year = short[short[s.YEAR] == year]
    counts = count_by_field(of_year)[[s.FIELD, SHORTENED]]
    return _topic(counts, dataset, of_year), year
