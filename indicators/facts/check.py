"""Check a par_scores table (published and generated rows together) against the facts.

Only `component == "total"` rows count. Ranks are competition ranks (`rankings.competition_rank`,
2 decimals) over the units of the index valid in the year. A fact about the whole table (a rank,
an average, a count, a change of ranks) is checkable only when every such unit has a score (in
both years for a change); otherwise it is "not checkable", which is not a violation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from indicators import schema as s
from indicators.facts import model as m
from indicators.facts.load import index_units
from indicators.facts.model import Fact, fmt_en, fmt_vi
from indicators.rankings import competition_rank

OK, BAD, NA = "ok", "violated", "not_checkable"
EPS = 1e-6


@dataclass(frozen=True)
class Violation:
    """A fact the data contradicts, and what the data says instead."""

    fact: Fact
    found_vi: str
    found_en: str

    def message(self) -> str:
        f = self.fact
        return (
            f"Vi phạm: {f.vi}. Dữ liệu: {self.found_vi}. Nguồn: {f.source_url}\n"
            f"Violation: {f.en}. The data: {self.found_en}. Source: {f.source_url}"
        )


@dataclass(frozen=True)
class CheckReport:
    violations: tuple[Violation, ...]
    checked: int
    not_checkable: tuple[Fact, ...]

    @property
    def ok(self) -> bool:
        return not self.violations

    def text(self) -> str:
        head = (
            f"Đã kiểm tra {self.checked} dữ kiện, {len(self.violations)} vi phạm, "
            f"{len(self.not_checkable)} chưa kiểm tra được (thiếu điểm) / "
            f"{self.checked} facts checked, {len(self.violations)} violated, "
            f"{len(self.not_checkable)} not checkable (scores missing)"
        )
        return "\n".join([head, *(v.message() for v in self.violations)])


@dataclass(frozen=True)
class _Result:
    status: str
    vi: str = ""
    en: str = ""


_OK, _NA = _Result(OK), _Result(NA)


class _Data:
    def __init__(self, par_scores: pd.DataFrame, units: pd.DataFrame) -> None:
        totals = par_scores[(par_scores[s.COMPONENT] == s.TOTAL) & par_scores[s.SCORE].notna()]
        self.units = units
        self._scores: dict[tuple[str, int], pd.Series] = {}
        self._demo: dict[tuple[str, int], set[str]] = {}
        for (index_id, year), group in totals.groupby([s.INDEX_ID, s.YEAR]):
            group = group.drop_duplicates(s.UNIT_CODE)
            key = (str(index_id), int(year))
            self._scores[key] = pd.Series(
                group[s.SCORE].astype(float).to_numpy(), index=group[s.UNIT_CODE].astype(str)
            )
            demo = group[s.DEMO] if s.DEMO in group else pd.Series(False, index=group.index)
            self._demo[key] = set(group.loc[demo.fillna(False).astype(bool), s.UNIT_CODE])
        self._cache: dict[tuple, object] = {}

    def _memo(self, key: tuple, make: Callable[[], object]) -> object:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def codes(self, index_id: str, year: int) -> list[str]:
        return self._memo(
            ("codes", index_id, year), lambda: index_units(self.units, index_id, year)
        )

    def score(self, index_id: str, year: int, code: str) -> float | None:
        series = self._scores.get((index_id, year))
        return None if series is None or code not in series.index else float(series[code])

    def table(self, index_id: str, year: int) -> pd.Series | None:
        """Scores of every unit of the index and year, or None when one is missing."""

        def make() -> pd.Series | None:
            series = self._scores.get((index_id, year), pd.Series(dtype=float))
            codes = self.codes(index_id, year)
            if not set(codes) <= set(series.index):
                return None
            return series[codes].round(2)

        return self._memo(("table", index_id, year), make)

    def ranks(self, index_id: str, year: int) -> pd.Series | None:
        table = self.table(index_id, year)
        if table is None:
            return None
        return self._memo(("ranks", index_id, year), lambda: competition_rank(table).astype(int))

    def changes(self, index_id: str, y0: int, y1: int) -> pd.Series | None:
        a, b = self.table(index_id, y0), self.table(index_id, y1)
        if a is None or b is None:
            return None
        common = a.index.intersection(b.index)
        return (b[common] - a[common]).round(2)

    def demo(self, index_id: str, year: int) -> set[str]:
        return self._demo.get((index_id, year), set())


def _n(v: float, d: int = 2) -> tuple[str, str]:
    return fmt_vi(v, d), fmt_en(v, d)


def _bad(vi: str, en: str) -> _Result:
    return _Result(BAD, vi, en)


def _score(f: Fact, d: _Data) -> _Result:
    found = d.score(f.index_id, f.year, f.units[0])
    if found is None:
        return _NA
    if f.kind == m.SCORE:
        good = abs(found - f.values[0]) <= f.values[1] + EPS
    else:
        good = f.values[0] < found < f.values[1]
    vi, en = _n(found)
    return _OK if good else _bad(f"điểm là {vi}", f"the score is {en}")


def _rank(f: Fact, d: _Data) -> _Result:
    ranks, table = d.ranks(f.index_id, f.year), d.table(f.index_id, f.year)
    if ranks is None or table is None:
        return _NA
    found = [int(ranks[c]) for c in f.units]
    listed = ", ".join(str(r) for r in found)
    if f.kind == m.RANK:
        good = found[0] == int(f.values[0])
    elif f.kind == m.RANK_SET:
        good = all(r in {int(v) for v in f.values} for r in found)
    else:  # LAST
        low = table.min()
        good = table[f.units[0]] == low and int((table == low).sum()) == 1
        bottom = table.idxmin()
        listed += f" / {bottom}: {fmt_vi(low)}"
    return _OK if good else _bad(f"hạng {listed}", f"rank {listed.replace(',', ';')}")


def _average(table: pd.Series, scope: str) -> float:
    codes = m.region_codes(scope)
    return float(table[[c for c in table.index if c in codes]].mean() if codes else table.mean())


def _whole_year(f: Fact, d: _Data) -> _Result:
    table = d.table(f.index_id, f.year)
    if table is None:
        return _NA
    lo, hi = f.values[0], f.values[-1]
    if f.kind == m.AVERAGE:
        found = _average(table, f.scope)
        good = f.values[0] - EPS <= found <= f.values[1] + EPS
        vi, en = _n(found, 3)
        return _OK if good else _bad(f"điểm trung bình là {vi}", f"the average is {en}")
    if f.kind == m.SCORE_VS_AVERAGE:
        found = float(table[f.units[0]]) - float(table.mean())
        good = abs(found - lo) <= hi + EPS
        vi, en = _n(found, 3)
        return _OK if good else _bad(f"chênh {vi} điểm", f"the difference is {en}")
    if f.kind == m.COUNT_BAND:
        count = int(((table >= lo - EPS) & (table < f.values[1] - EPS)).sum())
        good = count == int(f.values[2])
    elif f.kind == m.COUNT_ABOVE_AVERAGE:
        count = int((table > table.mean() + EPS).sum())
        good = count == int(lo)
    elif f.kind == m.GAP:
        found = float(table.max() - table.min())
        good = abs(found - lo) <= hi + EPS
        vi, en = _n(found)
        return _OK if good else _bad(f"chênh lệch là {vi}", f"the gap is {en}")
    elif f.kind == m.REGION_RANK:
        means = {r: _average(table, r) for r in m.REGIONS}
        means = {r: v for r, v in means.items() if v == v}  # regions with units in the table
        order = sorted(means, key=lambda r: -means[r])
        count = order.index(f.scope) + 1
        good = count == int(lo)
        return _OK if good else _bad(f"vùng thứ {count}", f"the region ranks {count}")
    else:  # BOTTOM_IN_REGIONS
        lowest = list(table.sort_values().index[: int(lo)])
        outside = [c for c in lowest if c not in m.region_codes(f.scope)]
        good = not outside
        return _OK if good else _bad(f"ngoài vùng: {outside}", f"outside the regions: {outside}")
    return _OK if good else _bad(f"có {count} đơn vị", f"{count} units")


def _two_years(f: Fact, d: _Data) -> _Result:
    y0, y1 = f.years
    if f.kind == m.SCORE_CHANGE:
        a, b = d.score(f.index_id, y0, f.units[0]), d.score(f.index_id, y1, f.units[0])
        if a is None or b is None:
            return _NA
        found = round(b - a, 2)
        good = f.values[0] - EPS <= found <= f.values[1] + EPS
        return _OK if good else _bad(f"thay đổi {found:+.2f}", f"the change is {found:+.2f}")
    if f.kind in (m.RANK_CHANGE, m.COUNT_RANK_CHANGE):
        r0, r1 = d.ranks(f.index_id, y0), d.ranks(f.index_id, y1)
        if r0 is None or r1 is None:
            return _NA
        common = r0.index.intersection(r1.index)
        gained = r0[common] - r1[common]
        if f.kind == m.RANK_CHANGE:
            found = int(gained[f.units[0]])
            good = f.values[0] <= found <= f.values[1]
            return _OK if good else _bad(f"đổi {found:+d} bậc", f"it moved {found:+d} places")
        count = int((gained > 0).sum() if f.values[0] > 0 else (gained < 0).sum())
        good = count == int(f.values[1])
        return _OK if good else _bad(f"có {count} đơn vị", f"{count} units")
    if f.kind == m.AVERAGE_CHANGE:
        a, b = d.table(f.index_id, y0), d.table(f.index_id, y1)
        if a is None or b is None:
            return _NA
        found = float(b.mean() - a.mean())
        good = f.values[0] - EPS <= found <= f.values[1] + EPS
        return _OK if good else _bad(f"thay đổi {found:+.3f}", f"the change is {found:+.3f}")
    delta = d.changes(f.index_id, y0, y1)
    if delta is None:
        return _NA
    if f.kind == m.COUNT_CHANGE:
        count = int((delta > 0).sum() if f.values[0] > 0 else (delta < 0).sum())
        good = count == int(f.values[1])
        return _OK if good else _bad(f"có {count} đơn vị", f"{count} units")
    return _extreme(f, delta)


def _extreme(f: Fact, delta: pd.Series) -> _Result:
    rises, falls = delta[delta > 0], delta[delta < 0]
    pool = rises if f.scope.endswith("rise") else falls
    if pool.empty:
        return _bad("không có đơn vị nào", "no unit at all")
    pick = {"max_rise": pool.max, "min_rise": pool.min, "max_fall": pool.min, "min_fall": pool.max}
    found = float(pick[f.scope]())
    good = True
    if f.values[0] == f.values[0]:  # a printed value (not NaN)
        good = abs(abs(found) - f.values[0]) <= f.values[1] + EPS
    if f.units:
        good = good and f.units[0] in pool.index and abs(float(pool[f.units[0]]) - found) < EPS
    who = ", ".join(pool.index[(pool - found).abs() < EPS])
    vi, en = f"{found:+.2f} ({who})", f"{found:+.2f} ({who})"
    return _OK if good else _bad(vi, en)


def _plausible(f: Fact, d: _Data) -> _Result:
    y0, y1 = f.years
    if f.kind == m.PLAUSIBLE_RANK_MOVE:
        r0, r1 = d.ranks(f.index_id, y0), d.ranks(f.index_id, y1)
        if r0 is None or r1 is None:
            return _NA
        common = [c for c in r0.index.intersection(r1.index) if c not in f.units]
        moves = (r0[common] - r1[common]).abs()
        worst = moves[moves > f.values[0]]
        text = ", ".join(f"{c}: {int(v)}" for c, v in worst.items())
        return _OK if worst.empty else _bad(f"đổi quá nhiều bậc: {text}", f"moved too far: {text}")
    a, b, delta = d.table(f.index_id, y0), d.table(f.index_id, y1), d.changes(f.index_id, y0, y1)
    if a is None or b is None or delta is None:
        return _NA
    demo = d.demo(f.index_id, y0) | d.demo(f.index_id, y1)
    delta = delta[[c for c in delta.index if c in demo]]
    if f.scope == "absolute":
        worst = delta[(delta < f.values[0] - EPS) | (delta > f.values[1] + EPS)]
    else:
        mean = float(b.mean() - a.mean())
        gap = abs(float(b.max() - b.min()) - float(a.max() - a.min()))
        worst = delta[(delta - mean).abs() > f.values[0] + gap + EPS]
    text = ", ".join(f"{c}: {v:+.2f}" for c, v in worst.items())
    return _OK if worst.empty else _bad(f"thay đổi quá lớn: {text}", f"changed too much: {text}")


def _ratio(f: Fact, d: _Data) -> _Result:
    a, b = (d.score(f.index_id, f.year, c) for c in f.units)
    if a is None or b is None:
        return _NA
    found = a / b
    good = abs(found - f.values[0]) <= f.values[1] + EPS
    vi, en = _n(found, 3)
    return _OK if good else _bad(f"tỉ số là {vi}", f"the ratio is {en}")


_EVAL: dict[str, Callable[[Fact, _Data], _Result]] = {
    m.SCORE: _score,
    m.SCORE_RANGE: _score,
    m.RANK: _rank,
    m.RANK_SET: _rank,
    m.LAST: _rank,
    m.RATIO: _ratio,
    m.PLAUSIBLE_RANK_MOVE: _plausible,
    m.PLAUSIBLE_SCORE_CHANGE: _plausible,
    **{
        k: _whole_year
        for k in (
            m.AVERAGE,
            m.SCORE_VS_AVERAGE,
            m.COUNT_BAND,
            m.COUNT_ABOVE_AVERAGE,
            m.GAP,
            m.REGION_RANK,
            m.BOTTOM_IN_REGIONS,
        )
    },
    **{
        k: _two_years
        for k in (
            m.SCORE_CHANGE,
            m.RANK_CHANGE,
            m.COUNT_RANK_CHANGE,
            m.AVERAGE_CHANGE,
            m.COUNT_CHANGE,
            m.CHANGE_EXTREME,
        )
    },
}


def _alternatives(f: Fact, d: _Data) -> _Result:
    results = [[evaluate(g, d) for g in option] for option in f.options]
    states = []
    for option in results:
        if any(r.status == BAD for r in option):
            states.append(BAD)
        else:
            states.append(NA if any(r.status == NA for r in option) else OK)
    if OK in states:
        return _OK
    if NA in states:
        return _NA
    firsts = [next(r for r in option if r.status == BAD) for option in results]
    return _bad(" HOẶC ".join(r.vi for r in firsts), " OR ".join(r.en for r in firsts))


def evaluate(fact: Fact, data: _Data) -> _Result:
    if fact.kind == m.ALTERNATIVES:
        return _alternatives(fact, data)
    return _EVAL[fact.kind](fact, data)


def check(par_scores: pd.DataFrame, units: pd.DataFrame, facts: list[Fact]) -> CheckReport:
    """Every fact evaluated on the total scores of `par_scores`: violations and counts."""
    data = _Data(par_scores, units)
    violations, unknown, checked = [], [], 0
    for fact in facts:
        result = evaluate(fact, data)
        if result.status == NA:
            unknown.append(fact)
            continue
        checked += 1
        if result.status == BAD:
            violations.append(Violation(fact, result.vi, result.en))
    return CheckReport(tuple(violations), checked, tuple(unknown))
