"""The official targets of a unit: the figure each is measured against, met or not, and the
lines a chart draws (indicators.targets holds the rules, this module reads the dataset).

A figure is the one the headline shows: published where published, computed from imported
rows, generated only when demo data is on (then the judgement says so).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from indicators import figures, targets
from indicators import schema as s
from indicators import targets_table as tt
from indicators.dataset import Dataset
from indicators.formatting import fmt_published
from indicators.i18n import t
from indicators.provenance import SOURCE_IDS, paired_sums, provenance
from indicators.rankings import RANK
from indicators.timeliness import ON_TIME_RATE
from indicators.units import find_unit
from indicators.views.frames import (
    _rows,
    _timeliness_by_year,
    index_for_level,
    online_shares,
    unit_figures,
    year_ranking,
)

FULL = ("4", "full")  # level 4 until 2022, "toàn trình" since
ACTUAL, STATUS, LABEL, VALUE = "actual", "status", "label", "value"
ONLINE_METRICS = (tt.ONLINE_PROCEDURES, tt.FULL_PROCEDURES, tt.ONLINE_DOSSIERS, tt.FULL_DOSSIERS)
PUBLISHED_OF = {tt.ON_TIME: "on_time_rate", tt.ONLINE_DOSSIERS: "online_share", tt.SIPAS: "sipas"}


@dataclass(frozen=True)
class Actual:
    value: float | None
    demo: bool = False
    source_ids: tuple[str, ...] = ()


_NONE = Actual(None)


def _of(frame: pd.DataFrame) -> Actual:
    prov = provenance(frame, []).iloc[0] if len(frame) else None
    if prov is None:
        return _NONE
    return Actual(None, bool(prov[s.DEMO]), tuple(prov[SOURCE_IDS]))


def _share(part: float, whole: float, frame: pd.DataFrame) -> Actual:
    if not whole:
        return _NONE
    whose = _of(frame)
    return Actual(round(100 * part / whole, 2), whose.demo, whose.source_ids)


def _procedures(catalogue: pd.DataFrame, levels: tuple[str, ...]) -> Actual:
    """The share of a year's catalogue at `levels`, of the procedures with a known level."""
    counts = catalogue[s.ONLINE_LEVEL].value_counts()
    return _share(float(counts.reindex(levels).fillna(0).sum()), float(counts.sum()), catalogue)


def _dossiers(
    dossiers: pd.DataFrame, shares: pd.DataFrame, levels: tuple[str, ...] | None
) -> Actual:
    """The share of a year's dossiers filed online (of procedures at `levels`; None: all);
    `shares` is online_share_by_level of the same rows."""
    if dossiers.empty:
        return _NONE
    if levels is None:  # every dossier received, whatever its procedure
        sums = paired_sums(dossiers, [], s.ONLINE, s.RECEIVED).iloc[0]
        return _share(float(sums[s.ONLINE]), float(sums[s.RECEIVED]), dossiers)
    online = shares.loc[shares[s.ONLINE_LEVEL].isin(levels).fillna(False), s.ONLINE].sum()
    return _share(float(online), float(shares[s.RECEIVED].sum()), dossiers)


def _online(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None
) -> dict[int, dict[str, Actual]]:
    """Per year of the period, the four online figures (ONLINE_METRICS), read once."""
    catalogue = _rows(dataset, "procedures", code, years, field)
    dossiers = _rows(dataset, "dossier_stats", code, years, field)
    shares = online_shares(dataset, code, years, field)
    out = {}
    for year in range(years[0], years[1] + 1):
        mine = catalogue[catalogue[s.YEAR] == year]
        filed, by_level = dossiers[dossiers[s.YEAR] == year], shares[shares[s.YEAR] == year]
        out[year] = {
            tt.ONLINE_PROCEDURES: _procedures(mine, s.ONLINE_CAPABLE),
            tt.FULL_PROCEDURES: _procedures(mine, FULL),
            tt.ONLINE_DOSSIERS: _dossiers(filed, by_level, None),
            tt.FULL_DOSSIERS: _dossiers(filed, by_level, FULL),
        }
    return out


def _rank(dataset: Dataset, code: str, year: int) -> Actual:
    index_id = index_for_level(str(find_unit(dataset.units, code, year)[s.LEVEL]))
    if index_id is None:
        return _NONE
    table = year_ranking(dataset, index_id, year)
    row = table[table[s.UNIT_CODE] == code]
    if row.empty or pd.isna(row.iloc[0][RANK]):
        return _NONE
    first = row.iloc[0]
    ids = tuple(s.source_id_list(first[s.SOURCE_ID]))
    return Actual(float(first[RANK]), bool(table[s.DEMO].any()), ids)


def _published(dataset: Dataset, code: str, year: int, indicator: str) -> Actual:
    row = figures.for_year(unit_figures(dataset, code), code, year, indicator)
    if row is None or row[s.PERIOD] != str(year) or row[s.COMPARATOR] != "=":
        return _NONE
    if pd.isna(row[s.VALUE]):
        return _NONE
    return Actual(float(row[s.VALUE]), False, tuple(s.source_id_list(row[s.SOURCE_ID])))


def actual(dataset: Dataset, code: str, year: int, metric: str) -> Actual:
    """The unit's figure of the year that a target of `metric` is measured against."""
    if metric in ONLINE_METRICS:
        computed = _online(dataset, code, (year, year), None)[year][metric]
    elif metric == tt.ON_TIME:
        computed = _on_time(dataset, code, year)
    elif metric == tt.PAR_RANK:
        computed = _rank(dataset, code, year)
    else:  # SIPAS: published only
        computed = _NONE
    if metric in PUBLISHED_OF and (computed.value is None or computed.demo):
        published = _published(dataset, code, year, PUBLISHED_OF[metric])
        return published if published.value is not None else computed
    return computed


def _on_time(dataset: Dataset, code: str, year: int) -> Actual:
    rows = _timeliness_by_year(dataset, code, (year, year), None)
    if rows.empty or pd.isna(rows.iloc[0][ON_TIME_RATE]):
        return _NONE
    first = rows.iloc[0]
    return Actual(float(first[ON_TIME_RATE]), bool(first[s.DEMO]), tuple(first[SOURCE_IDS]))


def _targets_of(dataset: Dataset, code: str) -> pd.DataFrame:
    """The unit's targets, worked out once per unit and dataset (its chain of areas and its
    level: a few masks over the units, at every filter change otherwise)."""
    return dataset.derived(
        ("targets_of", code), lambda: targets.of_unit(dataset.targets, dataset.units, code)
    )


GOAL_COLUMNS = [tt.TARGET_ID, tt.METRIC, LABEL, STATUS, ACTUAL, s.DEMO, SOURCE_IDS]


def unit_goals(
    dataset: Dataset, code: str, year: int, lang: str = "vi", values: bool = True
) -> pd.DataFrame:
    """Every target in force for the unit in `year`: its label, the unit's figure, the status
    (indicators.targets), `demo` when the figure was generated, the sources of both. Without
    `values`, a target not judged that year (due later, or in words) gets no figure."""
    rows = []
    for _, target in targets.binding_of(_targets_of(dataset, code), year).iterrows():
        judged = targets.status(target, year, 0.0) not in (targets.NOT_DUE, targets.IN_WORDS)
        metric = str(target[tt.METRIC])
        found = actual(dataset, code, year, metric) if judged or values else _NONE
        ids = (*s.source_id_list(target[tt.SOURCE_ID]), *found.source_ids)
        rows.append(
            {
                tt.TARGET_ID: target[tt.TARGET_ID],
                tt.METRIC: metric,
                LABEL: targets.label(target, lang),
                STATUS: targets.status(target, year, found.value),
                ACTUAL: found.value,
                s.DEMO: found.demo or bool(target[tt.DEMO]),
                SOURCE_IDS: tuple(dict.fromkeys(ids)),
            }
        )
    return pd.DataFrame(rows, columns=GOAL_COLUMNS)


def chart_goals(
    dataset: Dataset, code: str, years: tuple[int, int], metrics: tuple[str, ...], lang: str
) -> pd.DataFrame:
    """The targets a chart of the unit over `years` draws: metric, value, first and last year
    in force, label, demo, source_ids."""
    rows = targets.in_force_of(_targets_of(dataset, code), years, metrics)
    return pd.DataFrame(
        {
            tt.METRIC: rows[tt.METRIC],
            tt.TARGET_VALUE: rows[tt.TARGET_VALUE].astype(float),
            tt.YEAR_FROM: rows[tt.YEAR_FROM],
            tt.YEAR_TO: rows[tt.YEAR_TO],
            LABEL: [targets.label(r, lang) for _, r in rows.iterrows()],
            s.DEMO: rows[tt.DEMO].astype(bool),
            SOURCE_IDS: [tuple(s.source_id_list(v)) for v in rows[tt.SOURCE_ID]],
        }
    ).reset_index(drop=True)


def goal_line(goal: pd.Series | dict, lang: str, short: bool = False) -> str:
    """'Chưa đạt (99,05%) — Hồ sơ đúng hạn, KH 136/KH-UBND: ≥ 100% (2021–2025)' for the
    headline and the deck; `short` (the rank table) leaves out what the target measures."""
    said = t(f"target_{goal[STATUS]}", lang)
    value = goal[ACTUAL]
    if goal[STATUS] in (targets.MET, targets.NOT_MET, targets.NOT_DUE) and not pd.isna(value):
        shown = _shown(value, str(goal[tt.METRIC]), lang)
        said = t("target_with_value", lang, status=said, value=shown)
    demo = f" ({t('demo_card', lang)})" if goal[s.DEMO] else ""
    if short:
        return f"{said}{demo} — {goal[LABEL]}"
    return f"{said}{demo} — {targets.metric_name(str(goal[tt.METRIC]), lang)}, {goal[LABEL]}"


def _shown(value: float, metric: str, lang: str) -> str:
    """A rank, or a share cut (not rounded) to two decimals: 99,996% is not yet 100%."""
    if metric == tt.PAR_RANK:
        return t("target_rank_value", lang, symbol="", value=fmt_published(value, lang)).strip()
    return fmt_published(math.floor(value * 100 + 1e-9) / 100, lang, "%")


def year_goals(dataset: Dataset, codes: tuple[str, ...], year: int, lang: str) -> pd.DataFrame:
    """Per unit: its targets of the year in one text, and whether it missed one (NOT_MET)."""
    rows = []
    for code in codes:
        goals = unit_goals(dataset, code, year, lang, values=False)
        judged = goals[goals[STATUS].isin((targets.MET, targets.NOT_MET, targets.NO_DATA))]
        rows.append(
            {
                s.UNIT_CODE: code,
                "goals": "; ".join(goal_line(g, lang, short=True) for _, g in judged.iterrows()),
                "missed": bool((judged[STATUS] == targets.NOT_MET).any()),
                s.DEMO: bool(judged[s.DEMO].any()) if len(judged) else False,
            }
        )
    return pd.DataFrame(rows, columns=[s.UNIT_CODE, "goals", "missed", s.DEMO])


def online_goals_frame(
    dataset: Dataset, code: str, years: tuple[int, int], field: str | None = None
) -> pd.DataFrame:
    """Per year: the unit's shares of procedures offered online (levels 3-4 or full and
    partial), at level 4 or fully online, and of dossiers filed online and fully online: the
    figures the online targets are set on. Long: year, metric, value, demo, source_ids."""
    rows = [
        {s.YEAR: year, tt.METRIC: metric, VALUE: found.value, s.DEMO: found.demo,
         SOURCE_IDS: found.source_ids}
        for year, measured in _online(dataset, code, years, field).items()
        for metric, found in measured.items()
        if found.value is not None
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=[s.YEAR, tt.METRIC, VALUE, s.DEMO, SOURCE_IDS])
