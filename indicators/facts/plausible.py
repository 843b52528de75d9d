"""Plausibility rules derived from the published data, as facts of their own kinds.

- Rank moves: between two consecutive years no unit moves more places than the largest move
  published for its index (consecutive-year published ranks of one unit, ranks implied by a
  printed change, printed changes: "down 31 ranks"), unless published ranks of both years
  force it (those units are exempt).
- Score changes of generated rows: where the largest rise and fall of a year are published
  (national 2024: +6,39 / -2,94), no change goes beyond them. Elsewhere a unit's change may
  differ from the change of the year's average by at most B points plus the change of the
  year's top-to-bottom gap, where B is the largest published rise or fall measured from the
  change of the average (2024: 6,39 - 1,39 = 5,00; 1,39 + 2,94 = 4,33; so B = 5,00). The gap
  term lets scores compress or spread out as they did when methods changed (the gap went from
  29,76 in 2017 to 19,53 in 2018). Hanoi's index has no published rise or fall: its B is the
  national one (both are percentages of the maximum).
"""

from __future__ import annotations

import pandas as pd

from indicators.facts import model as m
from indicators.facts.model import Fact, fmt_en, fmt_vi


def _flat(facts: list[Fact], options: bool) -> list[Fact]:
    """The plain facts, and with `options` also those inside alternatives."""
    out = []
    for f in facts:
        if f.kind == m.ALTERNATIVES:
            if options:
                out += [g for o in f.options for g in o]
        else:
            out.append(f)
    return out


def largest_move(facts: list[Fact], index_id: str) -> tuple[int, tuple[Fact, ...]]:
    """The largest published year-to-year rank move of one unit, and the facts that show it."""
    ranks: dict[tuple[str, int], Fact] = {}
    best: tuple[int, tuple[Fact, ...]] = (0, ())
    for f in _flat(facts, options=False):
        if f.index_id != index_id:
            continue
        if f.kind == m.RANK:
            ranks[(f.units[0], f.year)] = f
        elif (
            f.kind == m.RANK_CHANGE and f.years[1] - f.years[0] == 1 and f.values[0] == f.values[1]
        ):
            best = max(best, (int(abs(f.values[0])), (f,)), key=lambda b: b[0])
    for (code, year), f in sorted(ranks.items()):
        before = ranks.get((code, year - 1))
        if before is not None:
            move = int(abs(f.values[0] - before.values[0]))
            best = max(best, (move, (before, f)), key=lambda b: b[0])
    return best


def _exempt(facts: list[Fact], index_id: str, y0: int, y1: int) -> tuple[str, ...]:
    ranked: dict[int, set[str]] = {y0: set(), y1: set()}
    changed = set()
    for f in _flat(facts, options=True):
        if f.index_id != index_id:
            continue
        if f.kind in (m.RANK, m.LAST) and f.year in ranked:
            ranked[f.year].update(f.units)
        if f.kind == m.RANK_CHANGE and f.years == (y0, y1):
            changed.update(f.units)
    return tuple(sorted((ranked[y0] & ranked[y1]) | changed))


def _extremes(facts: list[Fact], index_id: str) -> dict[tuple[int, int], dict[str, Fact]]:
    out: dict[tuple[int, int], dict[str, Fact]] = {}
    for f in _flat(facts, options=False):
        if f.index_id == index_id and f.kind == m.CHANGE_EXTREME and f.values[0] == f.values[0]:
            out.setdefault(f.years, {})[f.scope] = f
    return out


def _average_change(facts: list[Fact], years: tuple[int, int]) -> float | None:
    for f in _flat(facts, options=False):
        if f.kind == m.AVERAGE_CHANGE and f.years == years and f.index_id == m.s.INDEX_NATIONAL:
            return (f.values[0] + f.values[1]) / 2
    return None


def relative_bound(facts: list[Fact]) -> tuple[float, Fact | None]:
    """B: the largest published rise or fall measured from the change of the average."""
    best: tuple[float, Fact | None] = (0.0, None)
    for index_id in m.INDEX_YEARS:
        for years, ext in _extremes(facts, index_id).items():
            mean = _average_change(facts, years)
            if mean is None or "max_rise" not in ext or "max_fall" not in ext:
                continue
            rise, fall = ext["max_rise"].values[0], ext["max_fall"].values[0]
            bound = round(max(rise - mean, mean + fall), 2)
            best = max(best, (bound, ext["max_rise"]), key=lambda b: b[0])
    return best


def rules(facts: list[Fact], units: pd.DataFrame) -> list[Fact]:
    """One rank-move rule and one score-change rule per index and pair of consecutive years."""
    out = []
    bound, bound_fact = relative_bound(facts)
    for index_id, years in m.INDEX_YEARS.items():
        ivi, ien = m.INDEX_NAMES[index_id]
        move, shown_facts = largest_move(facts, index_id)
        extremes = _extremes(facts, index_id)
        for y1 in list(years)[1:]:
            y0 = y1 - 1
            exempt = _exempt(facts, index_id, y0, y1)
            shown = "; ".join(f.vi.removesuffix(f" ({ivi})") for f in shown_facts) or "-"
            shown_en = "; ".join(f.en.removesuffix(f" ({ien})") for f in shown_facts) or "-"
            out.append(
                Fact(
                    m.PLAUSIBLE_RANK_MOVE,
                    index_id,
                    (y0, y1),
                    units=exempt,
                    values=(move,),
                    source_url=" | ".join(dict.fromkeys(f.source_url for f in shown_facts)),
                    excerpt=" | ".join(dict.fromkeys(f.excerpt for f in shown_facts)),
                    vi=f"Hợp lý: không đơn vị nào đổi quá {move} bậc từ {y0} sang {y1}, trừ khi "
                    f"hạng công bố của cả hai năm buộc vậy (mức lớn nhất đã công bố: {shown}) ({ivi})",
                    en=f"Plausible: no unit moves more than {move} places from {y0} to {y1} unless "
                    f"published ranks of both years force it (largest published: {shown_en}) ({ien})",
                )
            )
            ext = extremes.get((y0, y1), {})
            if "max_rise" in ext and "max_fall" in ext:
                hi, lo = ext["max_rise"].values[0], -ext["max_fall"].values[0]
                out.append(
                    Fact(
                        m.PLAUSIBLE_SCORE_CHANGE,
                        index_id,
                        (y0, y1),
                        values=(lo, hi),
                        scope="absolute",
                        source_url=ext["max_rise"].source_url,
                        excerpt=ext["max_rise"].excerpt,
                        vi=f"Hợp lý: điểm minh họa không tăng quá {fmt_vi(hi)} hay giảm quá "
                        f"{fmt_vi(-lo)} điểm từ {y0} sang {y1} (mức công bố) ({ivi})",
                        en=f"Plausible: generated scores rise at most {fmt_en(hi)} and fall at most "
                        f"{fmt_en(-lo)} points from {y0} to {y1} (as published) ({ien})",
                    )
                )
            elif bound_fact is not None:
                out.append(
                    Fact(
                        m.PLAUSIBLE_SCORE_CHANGE,
                        index_id,
                        (y0, y1),
                        values=(bound,),
                        scope="relative",
                        source_url=bound_fact.source_url,
                        excerpt=bound_fact.excerpt,
                        vi=f"Hợp lý: từ {y0} sang {y1}, mức thay đổi điểm minh họa của một đơn vị "
                        f"không lệch khỏi mức thay đổi điểm trung bình quá {fmt_vi(bound)} điểm cộng "
                        f"mức thay đổi khoảng cách cao nhất–thấp nhất ({ivi})",
                        en=f"Plausible: from {y0} to {y1}, a generated score changes by no more "
                        f"than {fmt_en(bound)} points plus the change of the top-to-bottom gap away "
                        f"from the change of the average ({ien})",
                    )
                )
    return out
