"""The native (editable) PowerPoint charts of the deck's topic slides, as specifications.

Each chart carries the dashboard's colours (indicators.deck.theme): the unit in its red, the
other units in grey, on time in green and late in red, the online levels in the dashboard's
blues and oranges. A generated (demo) value is drawn hatched, unlike a published one (the
`demo` flags of a ChartSpec, one per category), and the slide says so in its footer. Each
value's label is written as the language writes numbers (98,67% / 98.67%: `label`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION

from indicators import domain
from indicators import schema as s
from indicators.deck import theme
from indicators.deck.figures import (
    COMPARISON,
    LEVELS,
    MAP,
    RANKS,
    SHORTENED_TOPIC,
    TIMELINESS,
    DeckFigures,
)
from indicators.deck.text import level_name, text_of
from indicators.formatting import fmt_int, fmt_number, fmt_percent
from indicators.online import ERA, ERA_FORMS, ERA_LEVELS
from indicators.online import PROCEDURES as LEVEL_COUNT
from indicators.rankings import RANK, UNITS_RANKED
from indicators.shortened import SHORTENED
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE
from indicators.units import nfc

_t = text_of
Label = Callable[[Any, str], str]  # (value, lang) -> the value's label


def topic_slides(figures: DeckFigures, lang: str) -> list[tuple[str, list[ChartSpec], list[str]]]:
    """(topic, charts, footnotes) of each chart slide, in order (the map slide is a picture:
    indicators.deck.maps)."""
    return [
        (RANKS, _rank_charts(figures, lang), [_t("rank_note", lang)]),
        (COMPARISON, _compare_charts(figures, lang), _compare_notes(figures, lang)),
        (MAP, [], []),
        (LEVELS, _level_charts(figures, lang), [_t("era_note", lang)]),
        (TIMELINESS, _time_charts(figures, lang), [_t("rate_note", lang)]),
        (SHORTENED_TOPIC, _short_charts(figures, lang), []),
    ]


def _score(value: Any, lang: str) -> str:
    return fmt_number(value, lang, 2)


def _percent(value: Any, lang: str) -> str:
    return fmt_percent(value, lang, 2)


@dataclass(frozen=True)
class ChartSpec:
    """One native chart: its type, data, colours, labels and axis options."""

    kind: Any  # an XL_CHART_TYPE member
    data: CategoryChartData
    number_format: str  # of the value axis and of the embedded sheet (locale-free)
    title: str | None = None
    legend: bool = False
    reverse_values: bool = False
    value_range: tuple[float, float] | None = None
    axis_format: str | None = None  # the value axis' format when it differs from the labels'
    label_position: Any = XL_LABEL_POSITION.OUTSIDE_END
    demo: tuple[bool, ...] = ()  # per category: a generated value (drawn hatched)
    colours: tuple[str, ...] = ()  # per series: its fill (hex), the dashboard's
    point_colours: tuple[str, ...] = ()  # per category, over the series' colour (highlight)
    label: Label = fmt_int  # each value's label, the language's way
    label_size: float = 12
    category_size: float = 12
    gap_width: int | None = None
    value_axis: bool = True  # False: the labels say it all
    major_unit: float | None = None
    every_category: bool = False  # label every category, however many
    texts: tuple[str | None, ...] = ()  # per category: the label, when not the value's


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


def _year_flags(frame: pd.DataFrame) -> tuple[bool, ...]:
    """Per row (year) of a topic frame: a generated value (its bars are hatched)."""
    if s.DEMO not in frame.columns:
        return ()
    return tuple(bool(v) for v in frame[s.DEMO].astype("boolean").fillna(False))


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
            demo=_year_flags(frame),
            colours=(theme.RED,),
            label=_score,
            gap_width=80,
        ),
        ChartSpec(
            XL_CHART_TYPE.LINE_MARKERS,
            rank,
            "0",
            title=_t("rank", lang),
            reverse_values=True,
            # room above the 1st place for its label; the labels say "2/30": no axis needed
            value_range=(1.0 - 0.12 * max(worst - 1.0, 1.0), worst),
            label_position=XL_LABEL_POSITION.ABOVE,
            demo=_year_flags(frame),
            colours=(theme.RED,),
            value_axis=False,
            texts=tuple(map(_rank_label, frame[RANK], frame[UNITS_RANKED])),
        ),
    ]


def _rank_label(rank: Any, ranked: Any) -> str | None:
    """'2/30': the rank among how many units."""
    if pd.isna(rank):
        return None
    return f"{int(rank)}/{int(ranked)}" if pd.notna(ranked) else str(int(rank))


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
    levels = _levels_present(frame)
    for level in levels:
        data.add_series(level_name(level, lang), _level_values(frame, level, leaves))
    stacked = XL_CHART_TYPE.COLUMN_STACKED
    generated = {int(y) for y, d in zip(frame[s.YEAR], _year_flags(frame), strict=True) if d}
    demo = tuple(year in generated for _, year in leaves)
    colours = tuple(theme.LEVELS.get(str(lv), theme.LEVEL_UNKNOWN) for lv in levels)
    centre = XL_LABEL_POSITION.CENTER
    return [
        ChartSpec(
            stacked,
            data,
            "#,##0",
            legend=True,
            label_position=centre,
            demo=demo,
            colours=colours,
            gap_width=60,
        )
    ]


def _category_era(year: int, eras: set[str]) -> str:
    """The era a year's column belongs to; a year with no known level goes by the calendar."""
    if len(eras) == 1:
        return next(iter(eras))
    return ERA_LEVELS if year < domain.FIRST_YEAR_OF_FORMS else ERA_FORMS


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
            demo=_year_flags(frame),
            # the dashboard's: on time light green, early dark green (as on its stacked bars,
            # where on time is without the early ones), late red
            colours=(theme.GREEN_LIGHT, theme.GREEN_DARK, theme.LATE_RED),
            label=_percent,
            label_size=11,
        )
    ]


def _short_charts(figures: DeckFigures, lang: str) -> list[ChartSpec]:
    frame = figures.shortened.frame
    if not _has_values(frame, SHORTENED):
        return []
    per_year = _year_data(frame, [(_t("per_year", lang), SHORTENED)], "#,##0")
    charts = [
        ChartSpec(
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            per_year,
            "#,##0",
            title=_t("per_year", lang),
            demo=_year_flags(frame),
            colours=(theme.BLUE,),
            gap_width=80,
        )
    ]
    fields = figures.by_field.frame
    if not fields.empty:
        # a bar chart draws its first category at the bottom: smallest first, largest on top
        ascending = fields.iloc[::-1]
        title = _t("per_field", lang, year=figures.by_field_year)
        data = CategoryChartData(number_format="#,##0")
        data.categories = [nfc(str(f)) for f in ascending[s.FIELD]]
        data.add_series(title, _values(ascending[SHORTENED]))
        demo = (figures.by_field.demo,) * len(ascending)
        bars = XL_CHART_TYPE.BAR_CLUSTERED
        charts.append(
            ChartSpec(
                bars, data, "#,##0", title=title, demo=demo, colours=(theme.BLUE,), gap_width=60
            )
        )
    return charts


def _compare_charts(figures: DeckFigures, lang: str) -> list[ChartSpec]:
    """Every unit with a score that year, best at the top, the unit in red, the others grey."""
    frame = figures.comparison.frame
    if frame.empty or figures.compare_year is None:
        return []
    ascending = frame.iloc[::-1]  # a bar chart draws its first category at the bottom
    data = CategoryChartData(number_format="0.00")
    data.categories = [
        nfc(f"{int(rank)}. {name}") if pd.notna(rank) else nfc(str(name))
        for rank, name in zip(ascending[RANK], ascending[s.NAME_VI], strict=True)
    ]
    data.add_series(_t("score_of", lang, year=figures.compare_year), _values(ascending[s.SCORE]))
    mine = ascending[s.UNIT_CODE].eq(figures.unit_code).tolist()
    many = len(ascending) > 12
    return [
        ChartSpec(
            XL_CHART_TYPE.BAR_CLUSTERED,
            data,
            "0.00",
            value_range=(0.0, float(frame[s.MAX_SCORE].max())),
            axis_format="0",
            demo=_year_flags(ascending),
            colours=(theme.OTHER_UNIT,),
            point_colours=tuple(theme.RED if m else theme.OTHER_UNIT for m in mine),
            label=_score,
            label_size=9 if many else 12,
            category_size=9 if many else 12,
            gap_width=35 if many else 60,
            every_category=True,
        )
    ]


def _compare_notes(figures: DeckFigures, lang: str) -> list[str]:
    frame = figures.comparison.frame
    if frame.empty:
        return []
    total = frame[UNITS_RANKED].dropna()
    shown, ranked = len(frame), int(total.max()) if len(total) else len(frame)
    key = "compare_note_all" if shown >= ranked else "compare_note_some"
    return [_t(key, lang, shown=shown, ranked=ranked, unit=figures.unit_name)]
