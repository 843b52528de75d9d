"""Builders of facts with their bilingual descriptions (Vietnamese first)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from indicators import schema as s
from indicators.facts import model as m
from indicators.facts.model import Fact, fmt_en, fmt_vi, ordinal_en
from indicators.units import valid_in_year


@dataclass(frozen=True)
class Source:
    url: str
    excerpt: str


class Names:
    """Unit names as they were in a given year (a code may name another unit after 2025)."""

    def __init__(self, units: pd.DataFrame) -> None:
        self._units = units

    def __call__(self, code: str, year: int) -> str:
        rows = self._units[self._units[s.CODE] == code]
        valid = rows[valid_in_year(rows, year)]
        rows = valid if not valid.empty else rows
        return str(rows.sort_values(s.VALID_FROM).iloc[0][s.NAME_VI]) if not rows.empty else code

    def join(self, codes: tuple[str, ...], year: int) -> str:
        return ", ".join(self(c, year) for c in codes)


def _idx(index_id: str) -> tuple[str, str]:
    return m.INDEX_NAMES[index_id]


def _fact(
    kind: str, index_id: str, years: tuple[int, ...], src: Source, vi: str, en: str, **kw: object
) -> Fact:
    ivi, ien = _idx(index_id)
    return Fact(
        kind,
        index_id,
        years,
        source_url=src.url,
        excerpt=src.excerpt,
        vi=f"{vi} ({ivi})",
        en=f"{en} ({ien})",
        **kw,
    )


def score(
    names: Names, index_id: str, code: str, year: int, v: float, dec: int, src: Source
) -> Fact:
    n = names(code, year)
    return _fact(
        m.SCORE,
        index_id,
        (year,),
        src,
        f"{n} đạt {fmt_vi(v, dec)} điểm năm {year}",
        f"{n} scored {fmt_en(v, dec)} in {year}",
        units=(code,),
        values=(v, m.half_unit(dec)),
    )


def score_range(
    names: Names,
    index_id: str,
    code: str,
    year: int,
    lo: float,
    hi: float,
    src: Source,
    what_vi: str,
    what_en: str,
) -> Fact:
    n = names(code, year)
    return _fact(
        m.SCORE_RANGE,
        index_id,
        (year,),
        src,
        f"{n} {what_vi} năm {year}",
        f"{n} {what_en} in {year}",
        units=(code,),
        values=(lo, hi),
    )


def rank(names: Names, index_id: str, code: str, year: int, r: int, src: Source) -> Fact:
    n = names(code, year)
    return _fact(
        m.RANK,
        index_id,
        (year,),
        src,
        f"{n} thứ {r} năm {year}",
        f"{n} ranked {ordinal_en(r)} in {year}",
        units=(code,),
        values=(r,),
    )


def last(names: Names, index_id: str, code: str, year: int, src: Source) -> Fact:
    n = names(code, year)
    return _fact(
        m.LAST,
        index_id,
        (year,),
        src,
        f"{n} đứng cuối (điểm thấp nhất) năm {year}",
        f"{n} came last (lowest score) in {year}",
        units=(code,),
    )


def rank_set(
    names: Names,
    index_id: str,
    codes: tuple[str, ...],
    year: int,
    ranks: tuple[int, ...],
    src: Source,
    vi: str,
    en: str,
) -> Fact:
    listed = names.join(codes, year)
    span = f"{min(ranks)}–{max(ranks)}"
    return _fact(
        m.RANK_SET,
        index_id,
        (year,),
        src,
        f"{listed} {vi} (hạng {span}) năm {year}",
        f"{listed} {en} (ranks {span}) in {year}",
        units=codes,
        values=tuple(float(r) for r in ranks),
    )


def rank_change(
    names: Names, index_id: str, code: str, y0: int, y1: int, lo: float, hi: float, src: Source
) -> Fact:
    n = names(code, y1)
    if lo == hi:
        word_vi = f"tăng {int(lo)} bậc" if lo > 0 else f"giảm {int(-lo)} bậc"
        places = "place" if abs(lo) == 1 else "places"
        word_en = f"rose {int(lo)} {places}" if lo > 0 else f"fell {int(-lo)} {places}"
    else:
        word_vi, word_en = "tăng hạng", "ranked higher"
    return _fact(
        m.RANK_CHANGE,
        index_id,
        (y0, y1),
        src,
        f"{n} {word_vi} năm {y1} so với {y0}",
        f"{n} {word_en} in {y1} against {y0}",
        units=(code,),
        values=(lo, hi),
    )


def score_change(
    names: Names,
    index_id: str,
    code: str,
    y0: int,
    y1: int,
    lo: float,
    hi: float,
    src: Source,
    v: float | None = None,
) -> Fact:
    n = names(code, y1)
    if v is not None:
        sign = "tăng" if v > 0 else "giảm"
        word_vi, word_en = f"{sign} {fmt_vi(abs(v))} điểm", f"changed by {v:+.2f} points"
    elif hi < 0:
        word_vi, word_en = "giảm điểm", "scored lower"
    else:
        word_vi, word_en = "tăng điểm", "scored higher"
    return _fact(
        m.SCORE_CHANGE,
        index_id,
        (y0, y1),
        src,
        f"{n} {word_vi} năm {y1} so với {y0}",
        f"{n} {word_en} in {y1} against {y0}",
        units=(code,),
        values=(lo, hi),
    )


def ratio(
    names: Names, index_id: str, a: str, b: str, year: int, v: float, dec: int, src: Source
) -> Fact:
    na, nb = names(a, year), names(b, year)
    return _fact(
        m.RATIO,
        index_id,
        (year,),
        src,
        f"Điểm {na} gấp {fmt_vi(v, dec)} lần {nb} năm {year}",
        f"{na} scored {fmt_en(v, dec)} times {nb} in {year}",
        units=(a, b),
        values=(v, m.half_unit(dec)),
    )


def score_vs_average(
    names: Names, index_id: str, code: str, year: int, v: float, src: Source
) -> Fact:
    n = names(code, year)
    return _fact(
        m.SCORE_VS_AVERAGE,
        index_id,
        (year,),
        src,
        f"{n} cao hơn điểm trung bình {fmt_vi(v)} điểm năm {year}",
        f"{n} scored {fmt_en(v)} above the average in {year}",
        units=(code,),
        values=(v, 2 * m.half_unit(2)),
    )


def _scope_text(scope: str) -> tuple[str, str]:
    if not scope:
        return "", ""
    return f" vùng {scope}", f" of the {m.REGION_EN[scope]} region"


def average(
    index_id: str,
    year: int,
    lo: float,
    hi: float,
    src: Source,
    scope: str = "",
    printed: tuple[float, int] | None = None,
) -> Fact:
    svi, sen = _scope_text(scope)
    if printed is not None:
        v, dec = printed
        vi, en = f"bằng {fmt_vi(v, dec)}", f"was {fmt_en(v, dec)}"
    elif math.isinf(hi):
        vi, en = f"trên {fmt_vi(lo)}", f"above {fmt_en(lo)}"
    else:
        vi, en = f"dưới {fmt_vi(hi)}", f"below {fmt_en(hi)}"
    return _fact(
        m.AVERAGE,
        index_id,
        (year,),
        src,
        f"Điểm trung bình{svi} năm {year} {vi}",
        f"The average{sen} in {year} {en}",
        scope=scope,
        values=(lo, hi),
    )


def average_change(index_id: str, y0: int, y1: int, v: float, dec: int, src: Source) -> Fact:
    tol = 2 * m.half_unit(dec)
    sign_vi = "tăng" if v >= 0 else "giảm"
    return _fact(
        m.AVERAGE_CHANGE,
        index_id,
        (y0, y1),
        src,
        f"Điểm trung bình năm {y1} {sign_vi} {fmt_vi(abs(v), dec)} so với {y0}",
        f"The average of {y1} changed by {v:+.{dec}f} against {y0}",
        values=(v - tol, v + tol),
    )


def _band_text(lo: float, hi: float) -> tuple[str, str]:
    if math.isinf(hi):
        return f"từ {fmt_vi(lo)} trở lên", f"{fmt_en(lo)} or more"
    if lo <= 0:
        return f"dưới {fmt_vi(hi)}", f"below {fmt_en(hi)}"
    return f"từ {fmt_vi(lo)} đến dưới {fmt_vi(hi)}", f"from {fmt_en(lo)} to below {fmt_en(hi)}"


def count_band(index_id: str, year: int, lo: float, hi: float, k: int, src: Source) -> Fact:
    vi, en = _band_text(lo, hi)
    return _fact(
        m.COUNT_BAND,
        index_id,
        (year,),
        src,
        f"{k} đơn vị đạt {vi} năm {year}",
        f"{k} units scored {en} in {year}",
        values=(lo, hi, k),
    )


def count_above_average(index_id: str, year: int, k: int, src: Source) -> Fact:
    return _fact(
        m.COUNT_ABOVE_AVERAGE,
        index_id,
        (year,),
        src,
        f"{k} đơn vị có điểm cao hơn điểm trung bình năm {year}",
        f"{k} units scored above the average in {year}",
        values=(k,),
    )


def count_change(
    index_id: str, y0: int, y1: int, sign: int, k: int, src: Source, ranks: bool = False
) -> Fact:
    if ranks:
        vi = "tăng hạng" if sign > 0 else "tụt hạng"
        en = "ranked higher" if sign > 0 else "ranked lower"
    else:
        vi = "tăng điểm" if sign > 0 else "giảm điểm"
        en = "scored higher" if sign > 0 else "scored lower"
    kind = m.COUNT_RANK_CHANGE if ranks else m.COUNT_CHANGE
    return _fact(
        kind,
        index_id,
        (y0, y1),
        src,
        f"{k} đơn vị {vi} năm {y1} so với {y0}",
        f"{k} units {en} in {y1} than in {y0}",
        values=(sign, k),
    )


EXTREMES = {
    "max_rise": ("tăng nhiều nhất", "the largest rise"),
    "min_rise": ("tăng ít nhất", "the smallest rise"),
    "max_fall": ("giảm nhiều nhất", "the largest fall"),
    "min_fall": ("giảm ít nhất", "the smallest fall"),
}


def change_extreme(
    names: Names,
    index_id: str,
    y0: int,
    y1: int,
    which: str,
    v: float | None,
    src: Source,
    code: str | None = None,
) -> Fact:
    wvi, wen = EXTREMES[which]
    who_vi = f"{names(code, y1)} " if code else ""
    who_en = f"{names(code, y1)} had " if code else ""
    num_vi = f" ({fmt_vi(v)} điểm)" if v is not None else ""
    num_en = f" ({fmt_en(v)} points)" if v is not None else ""
    values = (v, m.half_unit(2)) if v is not None else (math.nan, math.nan)
    wvi, wen = (wvi, wen) if code else (wvi.capitalize(), wen.capitalize())
    return _fact(
        m.CHANGE_EXTREME,
        index_id,
        (y0, y1),
        src,
        f"{who_vi}{wvi}{num_vi} năm {y1} so với {y0}".strip(),
        f"{who_en}{wen}{num_en} in {y1} against {y0}".strip(),
        units=(code,) if code else (),
        scope=which,
        values=values,
    )


def gap(index_id: str, year: int, v: float, dec: int, src: Source) -> Fact:
    return _fact(
        m.GAP,
        index_id,
        (year,),
        src,
        f"Chênh lệch điểm cao nhất và thấp nhất năm {year} là {fmt_vi(v, dec)}",
        f"The gap between the highest and lowest score in {year} was {fmt_en(v, dec)}",
        values=(v, m.half_unit(dec)),
    )


def region_rank(index_id: str, year: int, region: str, k: int, src: Source) -> Fact:
    return _fact(
        m.REGION_RANK,
        index_id,
        (year,),
        src,
        f"Vùng {region} có điểm trung bình cao thứ {k} năm {year}",
        f"The {m.REGION_EN[region]} region had the {ordinal_en(k)} highest average in {year}",
        scope=region,
        values=(k,),
    )


def bottom_in_regions(
    index_id: str, year: int, regions: tuple[str, ...], k: int, src: Source
) -> Fact:
    rvi = ", ".join(regions)
    ren = ", ".join(m.REGION_EN[r] for r in regions)
    return _fact(
        m.BOTTOM_IN_REGIONS,
        index_id,
        (year,),
        src,
        f"{k} đơn vị thấp nhất năm {year} đều thuộc vùng {rvi}",
        f"The {k} lowest units in {year} are all in {ren}",
        scope="|".join(regions),
        values=(k,),
    )


def alternatives(
    options: tuple[tuple[Fact, ...], ...], why_vi: str, why_en: str, listed: bool = False
) -> Fact:
    """At least one option holds. The first option is the one the demo generator follows.

    With `listed`, the reasons already list the facts: the options are not spelled out."""
    first = options[0][0]
    ivi, ien = _idx(first.index_id)
    years = tuple(sorted({y for o in options for f in o for y in f.years}))
    opts_vi = " HOẶC ".join("; ".join(f.vi.removesuffix(f" ({ivi})") for f in o) for o in options)
    opts_en = " OR ".join("; ".join(f.en.removesuffix(f" ({ien})") for f in o) for o in options)
    urls = " | ".join(dict.fromkeys(f.source_url for o in options for f in o))
    return Fact(
        m.ALTERNATIVES,
        first.index_id,
        years,
        source_url=urls,
        excerpt=" | ".join(dict.fromkeys(f.excerpt for o in options for f in o)),
        vi=f"{why_vi} ({ivi})" if listed else f"{why_vi}: {opts_vi} ({ivi})",
        en=f"{why_en} ({ien})" if listed else f"{why_en}: {opts_en} ({ien})",
        options=options,
    )


def with_source(fact: Fact, src: Source) -> Fact:
    return replace(fact, source_url=src.url, excerpt=src.excerpt)
