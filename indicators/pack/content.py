"""What the offline pack shows, computed once (pure): the presentation's story of one unit.

The charts are the presentation's chart screens (indicators.presentation.CHART_SLIDES, the
same keys of indicators.charts.registry as the pages and the deck: score of every unit, rank
over the period, best and average, online levels and share, shortened procedures, on time and
late), each with the rows it is drawn from, its citations and its demo flag; a chart without
rows is left out. The key messages are the deck's (indicators.deck.key_messages: published or
imported figures only). The year-based charts are drawn for the deck's comparison year (the
last year of the period in which the unit has a score), else the period's last year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from indicators import presentation, sources, views
from indicators import schema as s
from indicators.charts import registry
from indicators.dataset import Dataset
from indicators.deck import deck_figures, key_messages
from indicators.errors import BilingualError
from indicators.escaping import plotly_plain
from indicators.i18n import check_lang
from indicators.selection import Selection, SelectionError
from indicators.views import Filters
from indicators.views import goals as goal


class PackError(BilingualError, ValueError):
    """A pack that cannot be made as asked (years without data, a path that cannot be written,
    a print that failed); vi and en."""


@dataclass(frozen=True)
class PackChart:
    """One chart of the pack: its registry key, its title (plain text), the figure, the
    citations of its rows and whether a generated (demo) row is among them."""

    key: str
    title: str
    figure: go.Figure
    citations: tuple[sources.Citation, ...]
    demo: bool


@dataclass(frozen=True)
class PackContent:
    """Everything one pack shows, in one language."""

    unit_code: str
    unit_name: str
    years: tuple[int, int]
    lang: str
    made: date
    messages: tuple[str, ...]
    charts: tuple[PackChart, ...]
    demo_on: bool  # the dataset shows the demo layer: the page and every chart say so
    # the official targets binding the unit in the period's last year: (status, line) each,
    # and the documents that set them (indicators.views.goals)
    goals: tuple[tuple[str, str], ...] = ()
    goals_cited: tuple[sources.Citation, ...] = ()

    @property
    def period(self) -> str:
        first, last = self.years
        return str(first) if first == last else f"{first}–{last}"

    @property
    def demo(self) -> bool:
        """Generated figures may be on the page: the demo layer is on or a chart has some."""
        return self.demo_on or any(chart.demo for chart in self.charts)


def data_years(dataset: Dataset) -> tuple[int, int] | None:
    """The first and last year of any figure in the dataset (scores, procedures, dossiers,
    published figures); None for an empty dataset."""
    years: list[int] = []
    for table in (dataset.par_scores, dataset.procedures, dataset.dossier_stats, dataset.figures):
        if s.YEAR in table.columns:
            found = pd.to_numeric(table[s.YEAR], errors="coerce").dropna()
            if len(found):
                years += [int(found.min()), int(found.max())]
    return (min(years), max(years)) if years else None


def check_years(dataset: Dataset, year_from: int, year_to: int) -> None:
    """SelectionError when the range is reversed; PackError when a year lies outside the
    dataset's years (a typo such as 2204 makes an empty pack otherwise)."""
    if year_from > year_to:
        raise SelectionError.of("err_years_reversed", first=year_from, last=year_to)
    span = data_years(dataset)
    if span is None:
        return
    for year in (year_from, year_to):
        if not span[0] <= year <= span[1]:
            raise PackError.of("err_pack_years", year=year, first=span[0], last=span[1])


def _filters(dataset: Dataset, selection: Selection, year: int, lang: str) -> Filters:
    """The dashboard's filters of the pack: its unit, its period, every field."""
    code = str(selection.unit_code)
    levels = dataset.units.loc[dataset.units[s.CODE] == code, s.LEVEL].dropna()
    level = str(levels.iloc[-1]) if len(levels) else ""
    return Filters(
        lang=lang,
        index_id=s.INDEX_OF_LEVEL.get(level) or s.INDEX_HANOI,
        year=year,
        year_from=int(selection.year_from or year),
        year_to=int(selection.year_to or year),
        unit_code=code,
        unit_name=str(selection.unit_name or code),
        unit_level=level,
        demo=dataset.demo,
    )


def pack_content(
    dataset: Dataset, selection: Selection, lang: str = "vi", made: date | None = None
) -> PackContent:
    """The pack of a selection with one unit and both years, in `lang`."""
    check_lang(lang)
    if selection.unit_code is None or selection.year_from is None or selection.year_to is None:
        raise SelectionError(
            "gói ngoại tuyến cần một đơn vị, năm bắt đầu và năm kết thúc",
            "an offline pack needs a unit, a first year and a last year",
        )
    figures = deck_figures(dataset, selection)
    year = figures.compare_year or selection.year_to
    filters = _filters(dataset, selection, year, lang)
    charts = []
    for key, rows in presentation.slide_frames(dataset, filters).items():
        goals = registry.goals(key, dataset, filters)  # the targets' lines, cited with the rows
        figure = presentation.chart_figure(key, rows, filters, goals)
        title = plotly_plain(figure.layout.title.text) if figure.layout.title.text else key
        behind = rows if goals is None or goals.empty else pd.concat([rows, goals])
        cited = tuple(sources.of_rows(dataset, behind))
        charts.append(PackChart(key, title, figure, cited, sources.any_demo(rows)))
    targets = views.unit_goals(dataset, filters.unit_code, filters.year_to, lang)
    return PackContent(
        unit_code=filters.unit_code,
        unit_name=filters.unit_name,
        years=filters.years,
        lang=lang,
        made=made or date.today(),
        messages=tuple(m.text for m in key_messages(figures, lang)),
        charts=tuple(charts),
        demo_on=dataset.demo,
        goals=tuple((str(g[goal.STATUS]), goal.goal_line(g, lang)) for _, g in targets.iterrows()),
        goals_cited=tuple(sources.of_rows(dataset, targets)),
    )
