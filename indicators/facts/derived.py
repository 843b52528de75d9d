"""What the excerpts and notes state besides a row's own columns, and the unresolved conflicts.

Each excerpt fact names the row whose excerpt (or note) states it and a phrase of that text; a
fact whose row or phrase is gone (the CSV was revised) is left out with a warning. Conflicts
become `alternatives` facts (at least one option holds); the first option is the reading the
demo generator follows, for the reason given beside it.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import replace

import pandas as pd

from indicators import schema as s
from indicators.facts import make
from indicators.facts import model as m
from indicators.facts.load import Row, index_units
from indicators.facts.make import Names
from indicators.facts.model import Fact

NAT, HN = s.INDEX_NATIONAL, s.INDEX_HANOI
PROVINCES, HANOI = "vietnam_province_par_index.csv", "hanoi_district_par_index.csv"
SUMMARY = "vietnam_par_national_summary.csv"
INF = math.inf
TOL = m.half_unit(2)  # a change of two scores printed with two decimals

# (file, year, unit name or "scope|metric", phrase, earlier year, later year, places gained)
RANK_CHANGES = (
    (PROVINCES, 2016, "Hà Nội", "jumped six places", 2015, 2016, 6),
    (PROVINCES, 2016, "An Giang", "tăng 25 bậc", 2016, 2019, 25),
    (PROVINCES, 2017, "TP. Hồ Chí Minh", "from 15th to 10th", 2016, 2017, 5),
    (PROVINCES, 2013, "Đồng Nai", "from 43rd", 2012, 2013, 26),
    (PROVINCES, 2021, "Hà Nội", "順位を2つ落とし", 2020, 2021, -2),
    (PROVINCES, 2021, "TP. Hồ Chí Minh", "順位を20位落とし", 2020, 2021, -20),
    (PROVINCES, 2023, "Hải Dương", "en hausse de 25 places", 2022, 2023, 25),
    (PROVINCES, 2023, "Quảng Nam", "順位は1つ上昇", 2022, 2023, 1),
    (PROVINCES, 2024, "Đồng Nai", "up 24 places", 2023, 2024, 24),
    (PROVINCES, 2024, "Hải Phòng", "tăng một bậc", 2023, 2024, 1),
    (PROVINCES, 2024, "Bà Rịa - Vũng Tàu", "tăng 3 bậc", 2023, 2024, 3),
    (HANOI, 2023, "Quận Long Biên", "vị trí thứ 12 (năm 2023)", 2023, 2024, 11),
)
# (file, year, unit, phrase, earlier year, later year, change or None, lo, hi)
SCORE_CHANGES = (
    (PROVINCES, 2019, "Quảng Ninh", "tăng 1,03 điểm", 2018, 2019, 1.03),
    (PROVINCES, 2021, "Bà Rịa - Vũng Tàu", "tăng 1,59 điểm", 2020, 2021, 1.59),
    (PROVINCES, 2022, "Lạng Sơn", "down 5.66%", 2021, 2022, -5.66),
    (PROVINCES, 2024, "Hải Phòng", "tăng 4,30%", 2023, 2024, 4.30),
    # "giảm điểm nhẹ" (a slight fall) and "one of three provinces whose index fell in 2021"
    (PROVINCES, 2021, "Đồng Nai", "giảm điểm nhẹ", 2021, 2022, None),
    (PROVINCES, 2021, "Đồng Nai", "whose index fell in 2021", 2020, 2021, None),
)
# 2013: "Thirty provinces and cities fared better than in 2012. They included ..."
IMPROVED_2013 = ("Phú Thọ", "Vĩnh Phúc", "Bình Thuận", "Hà Tĩnh", "Đồng Nai", "Bến Tre", "Trà Vinh")
NORTH = ("Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng")
# A year whose regional averages cannot all hold with the national one: the fact dropped first.
# Bắc Trung Bộ 2024: its own sentence ("88.51%, cao hơn 1.58% so với năm 2023 (87.72%)") is
# inconsistent, and so is the 2023 value it restates.
DROP_FIRST = {2024: "Bắc Trung Bộ và duyên hải miền Trung"}


class _Rows:
    def __init__(self, rows: list[Row], names: Names, units: pd.DataFrame) -> None:
        self.rows, self.names, self.units = rows, names, units
        self.extra: list[Fact] = []

    def find(self, file: str, year: int, name: str, phrase: str = "") -> Row | None:
        for row in self.rows:
            if (row.file, row.year, row.name) == (file, year, name) and phrase in row.text:
                return row
        warnings.warn(f"published row not found: {file} {year} {name} {phrase!r}", stacklevel=2)
        return None

    def take(self, row: Row | None, kind: str) -> Fact | None:
        """Remove the row's fact of `kind` (it moves into an alternatives fact)."""
        if row is None:
            return None
        fact = next((f for f in row.facts if f.kind == kind), None)
        if fact is not None:
            row.facts.remove(fact)
        return fact

    def code(self, name: str, year: int) -> str:
        from indicators.units import find_unit

        provinces = self.units[self.units[s.LEVEL] == "province"]
        return str(find_unit(provinces, name, year)[s.CODE])


def _changes(r: _Rows) -> None:
    for file, year, name, phrase, y0, y1, gained in RANK_CHANGES:
        if row := r.find(file, year, name, phrase):
            args = (r.names, row.index_id, row.code, y0, y1, gained, gained, row.src)
            r.extra.append(make.rank_change(*args))
    for file, year, name, phrase, y0, y1, v in SCORE_CHANGES:
        if row := r.find(file, year, name, phrase):
            lo, hi = (v - TOL, v + TOL) if v is not None else (-INF, -TOL)
            fact = make.score_change(r.names, NAT, row.code, y0, y1, lo, hi, row.src, v)
            r.extra.append(fact)
    if row := r.find(PROVINCES, 2021, "Đồng Nai", "one of three provinces"):
        r.extra.append(make.count_change(NAT, 2020, 2021, -1, 3, row.src))
    if row := r.find(SUMMARY, 2013, "provinces|count_improved_vs_2012", "Thirty other"):
        r.extra.append(make.count_change(NAT, 2012, 2013, -1, 30, row.src, ranks=True))
        for name in IMPROVED_2013:
            code = r.code(name, 2013)
            r.extra.append(make.rank_change(r.names, NAT, code, 2012, 2013, 1, INF, row.src))
    if row := r.find(SUMMARY, 2020, "provinces|count_increased_vs_2019", "ベンチェ省"):
        for which, name in (("max_rise", "Bến Tre"), ("min_rise", "Thái Bình")):
            code = r.code(name, 2020)
            fact = make.change_extreme(r.names, NAT, 2019, 2020, which, None, row.src, code)
            r.extra.append(fact)


def _levels(r: _Rows) -> None:
    n = r.names
    if row := r.find(PROVINCES, 2022, "Ninh Bình", "1.74%高く"):
        r.extra.append(make.score_vs_average(n, NAT, row.code, 2023, 1.74, row.src))
    if row := r.find(SUMMARY, 2013, "provinces|average", "9.46 percent higher"):
        code = r.code("Đà Nẵng", 2013)  # the article's subject: "Da Nang topped ... 9.46 percent"
        r.extra.append(make.score_vs_average(n, NAT, code, 2013, 9.46, row.src))
    if row := r.find(PROVINCES, 2014, "Đà Nẵng", "1.44 times"):
        bac_kan = r.code("Bắc Kạn", 2014)
        r.extra.append(make.ratio(n, NAT, row.code, bac_kan, 2014, 1.44, 2, row.src))
    for name in ("Hải Phòng", "Hà Nội"):
        if row := r.find(PROVINCES, 2014, name, "over 91 percent"):
            args = (n, NAT, row.code, 2014, 91.0, INF, row.src, "đạt trên 91%", "scored over 91%")
            r.extra.append(make.score_range(*args))
    if row := r.find(PROVINCES, 2013, "Đồng Nai", "over 80 per cent"):
        args = (n, NAT, row.code, 2013, 80.0, INF, row.src, "đạt trên 80%", "scored over 80%")
        r.extra.append(make.score_range(*args))
    if row := r.find(PROVINCES, 2015, "Quảng Ngãi", "dưới 70%"):
        r.extra.append(make.count_band(NAT, 2015, 0.0, 70.0, 0, row.src))
    if row := r.find(SUMMARY, 2018, "provinces|count_above_80pct", "no localities scored under"):
        r.extra.append(make.count_band(NAT, 2018, 0.0, 60.0, 0, row.src))
    if row := r.find(PROVINCES, 2016, "Đà Nẵng", "only locality in group A"):
        r.extra.append(make.count_band(NAT, 2016, 90.0, INF, 1, row.src))
    if row := r.find(SUMMARY, 2016, "provinces|average", "Thirty of them"):
        r.extra.append(make.count_above_average(NAT, 2016, 30, row.src))
    if row := r.find(SUMMARY, 2019, "provinces|average", "過去4年間で最高"):
        r.extra.append(make.average(NAT, 2017, -INF, 81.15 - TOL, row.src))  # 2016-2019
    if row := r.find(SUMMARY, 2023, "provinces|average", "lần thứ 5 liên tiếp"):
        for year in range(2019, 2024):
            r.extra.append(make.average(NAT, year, 80.0 + TOL, INF, row.src))
    if row := r.find(HANOI, 2019, "Quận Cầu Giấy", "trung bình đạt từ 83% trở lên"):
        fact = make.average(HN, 2019, 83.0 - m.half_unit(0), INF, row.src)  # "83%": from 82.5
        r.extra.append(
            replace(
                fact,
                vi="Điểm trung bình năm 2019 đạt từ 83% trở lên (Chỉ số CCHC Hà Nội)",
                en="The average in 2019 was 83% or more (Hanoi's PAR index)",
            )
        )
    if row := r.find(SUMMARY, 2012, "provinces|count_62.58_to_67.68pct", "six northern"):
        r.extra.append(make.bottom_in_regions(NAT, 2012, NORTH, 6, row.src))
    for k, region in enumerate(("Đồng bằng sông Hồng", "Đông Nam Bộ"), start=1):
        if row := r.find(SUMMARY, 2019, f"region:{region}|average", "highest average"):
            r.extra.append(make.region_rank(NAT, 2019, region, k, row.src))


def _conflicts(r: _Rows) -> None:
    alt = make.alternatives
    # 2015: the announcement (Đồng Nai 3rd, Thừa Thiên Huế 4th) against "HCMC's previous 3rd
    # place" (viet-jo) and "HCMC dropped 12 spots to 15th" (VnExpress, 2016). The generator
    # follows the announcement, printed with the scores at the time.
    dn, hue = r.find(PROVINCES, 2015, "Đồng Nai"), r.find(PROVINCES, 2015, "Thừa Thiên Huế")
    hcm = r.find(PROVINCES, 2015, "TP. Hồ Chí Minh", "CONFLICT")
    drop = r.find(PROVINCES, 2016, "TP. Hồ Chí Minh", "dropped 12 spots")
    a = (r.take(dn, m.RANK), r.take(hue, m.RANK))
    if hcm and drop and all(a):
        b = (
            r.take(hcm, m.RANK),
            make.rank_change(r.names, NAT, hcm.code, 2015, 2016, -12, -12, drop.src),
        )
        r.extra.append(alt((a, b), "Hạng 3 năm 2015 mâu thuẫn", "2015's 3rd place conflicts"))
    # 2023: An Giang last (the scores printed) against "Bình Thuận and Sóc Trăng were at the
    # bottom" (VGP). The printed scores put An Giang last: the generator follows them.
    ag = r.find(PROVINCES, 2023, "An Giang", "CONFLICT")
    bt, st = r.find(PROVINCES, 2023, "Bình Thuận"), r.find(PROVINCES, 2023, "Sóc Trăng")
    if ag and bt and st:
        a = (r.take(ag, m.LAST), r.take(bt, m.RANK), r.take(st, m.RANK))
        b = (
            make.rank_set(
                r.names,
                NAT,
                (bt.code, st.code),
                2023,
                (62, 63),
                ag.src,
                "ở cuối bảng",
                "were at the bottom",
            ),
        )
        r.extra.append(alt((a, b), "Cuối bảng 2023 mâu thuẫn", "2023's bottom conflicts"))
    # 2024: Sơn La 12th ("an increase of 1 rank compared to 2023") or 13th; both provincial.
    son_la = [x for x in r.rows if (x.file, x.year, x.name) == (PROVINCES, 2024, "Sơn La")]
    if len(son_la) == 2:
        first = son_la[0]
        a = (r.take(first, m.RANK),)
        if "increase of 1 rank" in first.text:
            a += (make.rank_change(r.names, NAT, first.code, 2023, 2024, 1, 1, first.src),)
        b = (r.take(son_la[1], m.RANK),)
        r.extra.append(
            alt((a, b), "Hạng của Sơn La 2024 mâu thuẫn", "Sơn La's 2024 rank conflicts")
        )
    # 2018: group A (80 or more) of 9 (viet-jo; fits HCMC 10th with 79.6) or "Twenty-nine
    # localities scored more than 80 points" (VietnamPlus).
    nine = r.find(SUMMARY, 2018, "provinces|group_A_count(>=80)")
    many = r.find(SUMMARY, 2018, "provinces|count_above_80pct")
    if nine and many:
        options = ((r.take(nine, m.COUNT_BAND),), (r.take(many, m.COUNT_BAND),))
        r.extra.append(
            alt(
                options,
                "Số tỉnh từ 80 điểm năm 2018 mâu thuẫn",
                "2018's count of provinces at 80 or more conflicts",
            )
        )
    # 2014 average 81,21 (Nhân Dân) or 2015's "cao hơn năm trước đó 8,39 điểm" (-> 76,72).
    avg14, avg15 = (
        r.find(SUMMARY, 2014, "provinces|average"),
        r.find(SUMMARY, 2015, "provinces|average"),
    )
    if avg14 and avg15:
        options = ((r.take(avg14, m.AVERAGE),), (r.take(avg15, m.AVERAGE_CHANGE),))
        if all(o[0] for o in options):
            r.extra.append(
                alt(options, "Điểm trung bình 2014 mâu thuẫn", "The 2014 average conflicts")
            )
    _restated(r)


def _restated(r: _Rows) -> None:
    """A regional average as printed a year later, against the one printed at the time."""
    for row in r.rows:
        scope, _, metric = row.name.partition("|")
        if row.file != SUMMARY or not metric.startswith("average_as_restated"):
            continue
        first = r.find(SUMMARY, row.year, f"{scope}|average")
        options = ((r.take(first, m.AVERAGE),), (r.take(row, m.AVERAGE),))
        if all(o[0] for o in options):
            r.extra.append(
                make.alternatives(
                    options,
                    "Điểm trung bình vùng được công bố lại khác",
                    "A regional average was restated differently",
                )
            )


def _inconsistent_regions(facts: list[Fact], r: _Rows) -> list[Fact]:
    """Years whose six regional averages cannot give the national one: all but one must hold."""
    out = list(facts)
    for year in sorted({f.year for f in facts if f.kind == m.AVERAGE and f.scope}):

        def plain(f: Fact, year: int = year) -> bool:
            return f.kind == m.AVERAGE and f.year == year and f.index_id == NAT

        regional = {f.scope: f for f in out if plain(f) and f.scope}
        national = [f for f in out if plain(f) and not f.scope and math.isfinite(f.values[1])]
        if set(regional) != set(m.REGIONS) or len(national) != 1:
            continue
        lo = sum(len(m.REGIONS[k]) * f.values[0] for k, f in regional.items())
        hi = sum(len(m.REGIONS[k]) * f.values[1] for k, f in regional.items())
        n = len(index_units(r.units, NAT, year))
        if hi >= n * national[0].values[0] and lo <= n * national[0].values[1]:
            continue
        order = sorted(regional, key=lambda k: (k != DROP_FIRST.get(year), -len(m.REGIONS[k])))
        group = [regional[k] for k in order] + national
        options = tuple(tuple(g for g in group if g is not dropped) for dropped in group)
        out = [f for f in out if f not in group]
        vi = "; ".join(f.vi.removesuffix(" (PAR INDEX cấp tỉnh)") for f in group)
        en = "; ".join(f.en.removesuffix(" (national PAR INDEX)") for f in group)
        out.append(
            make.alternatives(
                options,
                f"Các điểm trung bình vùng và cả nước năm {year} không thể cùng đúng, ít nhất "
                f"6 trong 7 đúng: {vi}",
                f"The regional and national averages of {year} cannot all "
                f"hold, at least 6 of these 7 do: {en}",
                listed=True,
            )
        )
    return out


def complete(rows: list[Row], names: Names, units: pd.DataFrame) -> list[Fact]:
    """The rows' facts, the excerpt facts, conflicts as alternatives, in a stable order."""
    r = _Rows(rows, names, units)
    _changes(r)
    _levels(r)
    _conflicts(r)
    facts = _dedupe([f for row in rows for f in row.facts] + r.extra)
    return _inconsistent_regions(facts, r)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per statement; one stated by several rows cites every source."""
    out: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.kind, f.index_id, f.years, f.units, f.values, f.scope, f.options)
        if key in out:
            urls = " | ".join(dict.fromkeys([*out[key].source_url.split(" | "), f.source_url]))
            out[key] = replace(out[key], source_url=urls)
        else:
            out[key] = f
    return list(out.values())
