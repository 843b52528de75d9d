"""The seeded demo generator: fills what was not published, tagged demo=True.

Everything here is illustrative. It follows three rules:
1. Published figures are never changed. Where a published aggregate exists (Nam Từ Liêm's 161
   level-3 procedures in 2018, its 98,67% online share in 2019, a published rank), the demo rows
   behind it are generated so that the aggregate comes out exactly; those rows keep the source
   of the aggregate and are still marked demo, because their detail is invented.
2. PAR totals come from `indicators.build.demo_scores`: with the published rows they meet every
   published fact (`indicators.facts.check`), ranks, ties, averages, counts and changes.
3. Same seed, same data: `python -m indicators build` is reproducible byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.build import service_figures
from indicators.build.demo_scores import demo_par_scores
from indicators.domain import REORG_YEAR
from indicators.facts import load_facts
from indicators.layers import DEMO_SOURCE

SEED = 20260101
HANOI_YEARS = range(2015, REORG_YEAR)  # the districts end with 2024
NTL = "019"  # Nam Từ Liêm


def _join(a: object, b: str) -> str:
    return b if a is None or (isinstance(a, float) and np.isnan(a)) or a == "" else f"{a}; {b}"


def _units_of(units: pd.DataFrame, level: str, year: int) -> list[str]:
    """Codes of `level` valid on 31 December of `year` (Hanoi's districts only)."""
    day = pd.Timestamp(year=year, month=12, day=31)
    mask = (units[s.LEVEL] == level) & (units[s.VALID_FROM] <= day)
    mask &= units[s.VALID_TO].isna() | (units[s.VALID_TO] >= day)
    if level == "district":
        mask &= units[s.PARENT_CODE] == "01"
    return sorted(units.loc[mask, s.CODE].unique())


# --- procedure catalogue --------------------------------------------------------------------
# Real field names of district-level procedures; the procedure names are typical ones, the
# codes (DEMO-…) and every attribute are invented.
FIELDS: dict[str, tuple[str, ...]] = {
    "Tư pháp": (
        "Đăng ký khai sinh",
        "Đăng ký kết hôn có yếu tố nước ngoài",
        "Chứng thực bản sao từ bản chính",
        "Chứng thực chữ ký",
        "Đăng ký nhận cha, mẹ, con",
        "Thay đổi, cải chính hộ tịch",
        "Đăng ký khai tử có yếu tố nước ngoài",
        "Chứng thực hợp đồng, giao dịch",
        "Cấp bản sao trích lục hộ tịch",
        "Đăng ký giám hộ",
        "Ghi vào sổ hộ tịch việc hộ tịch của công dân ở nước ngoài",
        "Đăng ký lại khai sinh",
        "Xác định lại dân tộc",
        "Đăng ký khai sinh kết hợp nhận cha, mẹ, con",
    ),
    "Đăng ký kinh doanh": (
        "Đăng ký thành lập hộ kinh doanh",
        "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        "Tạm ngừng kinh doanh hộ kinh doanh",
        "Chấm dứt hoạt động hộ kinh doanh",
        "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh",
        "Đăng ký thành lập hợp tác xã",
        "Đăng ký thay đổi nội dung đăng ký hợp tác xã",
    ),
    "Lao động - Thương binh - Xã hội": (
        "Hưởng trợ cấp xã hội hằng tháng",
        "Hỗ trợ chi phí mai táng",
        "Cấp thẻ bảo hiểm y tế cho người có công",
        "Xác nhận hộ nghèo, hộ cận nghèo",
        "Đăng ký thành lập cơ sở trợ giúp xã hội",
        "Hưởng chế độ ưu đãi người có công",
        "Trợ cấp một lần đối với thân nhân liệt sĩ",
        "Cấp giấy phép hoạt động cơ sở cai nghiện",
        "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ",
    ),
    "Tài nguyên và Môi trường": (
        "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        "Đăng ký biến động quyền sử dụng đất",
        "Chuyển mục đích sử dụng đất",
        "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
        "Xác nhận kế hoạch bảo vệ môi trường",
        "Thu hồi đất",
        "Giao đất, cho thuê đất",
        "Đính chính Giấy chứng nhận",
        "Tách thửa, hợp thửa đất",
        "Đăng ký thế chấp quyền sử dụng đất",
    ),
    "Quản lý đô thị": (
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Điều chỉnh giấy phép xây dựng",
        "Gia hạn giấy phép xây dựng",
        "Cấp giấy phép xây dựng có thời hạn",
        "Cấp phép đào đường, vỉa hè",
        "Thẩm định thiết kế xây dựng",
        "Cấp chứng chỉ quy hoạch",
        "Cấp giấy phép sử dụng tạm thời lòng đường",
        "Công nhận Ban quản trị nhà chung cư",
    ),
    "Y tế": (
        "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "Cấp giấy phép hoạt động phòng khám",
        "Xác nhận kiến thức an toàn thực phẩm",
        "Cấp lại giấy chứng nhận an toàn thực phẩm",
        "Cấp chứng chỉ hành nghề y",
    ),
    "Nội vụ": (
        "Công nhận ban vận động thành lập hội",
        "Thành lập hội cơ sở",
        "Công nhận quỹ xã hội, quỹ từ thiện",
        "Đăng ký hoạt động tín ngưỡng",
        "Thông báo tổ chức quyên góp",
        "Xét tặng danh hiệu Lao động tiên tiến",
        "Khen thưởng thành tích đột xuất",
    ),
    "Thuế": (
        "Đăng ký thuế hộ kinh doanh",
        "Khai thuế khoán hộ kinh doanh",
        "Miễn, giảm thuế sử dụng đất phi nông nghiệp",
        "Xác nhận nghĩa vụ thuế",
        "Hoàn thuế thu nhập cá nhân",
    ),
    "Giáo dục và Đào tạo": (
        "Cho phép trường mầm non hoạt động giáo dục",
        "Thành lập trường tiểu học",
        "Chuyển trường đối với học sinh trung học cơ sở",
        "Cấp bản sao văn bằng tốt nghiệp",
        "Cho phép nhóm trẻ độc lập hoạt động",
        "Công nhận trường đạt chuẩn quốc gia",
    ),
    "Văn hóa - Thông tin": (
        "Cấp giấy phép kinh doanh karaoke",
        "Đăng ký tổ chức lễ hội",
        "Công nhận danh hiệu Gia đình văn hóa",
        "Cấp giấy phép quảng cáo",
        "Cấp giấy chứng nhận đủ điều kiện kinh doanh dịch vụ internet",
    ),
    "Công thương": (
        "Cấp giấy phép bán lẻ rượu",
        "Cấp giấy phép bán lẻ sản phẩm thuốc lá",
        "Cấp giấy chứng nhận đủ điều kiện cửa hàng xăng dầu",
        "Cấp giấy phép sản xuất rượu thủ công",
    ),
    "Nông nghiệp và Phát triển nông thôn": (
        "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại",
        "Phê duyệt kế hoạch khuyến nông",
        "Công nhận làng nghề",
        "Cấp giấy chứng nhận kinh tế trang trại",
    ),
    "Tài chính - Kế hoạch": (
        "Thẩm tra quyết toán dự án hoàn thành",
        "Cấp mã số đơn vị có quan hệ với ngân sách",
        "Thẩm định dự án đầu tư công",
        "Đăng ký tổ hợp tác",
    ),
    "Giao thông vận tải": (
        "Cấp giấy phép thi công công trình trên đường bộ",
        "Đăng ký xe máy chuyên dùng",
        "Cấp phép hoạt động bến thủy nội địa",
    ),
    "Thanh tra": (
        "Giải quyết khiếu nại lần đầu",
        "Giải quyết tố cáo",
        "Tiếp công dân",
        "Xử lý đơn thư",
    ),
}
# Online share of the catalogue by year: (level 3 + 4, level 4 among them) or (full, partial).
LEVEL_MIX = {
    2015: (0.15, 0.03),
    2016: (0.28, 0.05),
    2017: (0.45, 0.08),
    2018: (0.62, 0.10),
    2019: (0.72, 0.14),
    2020: (0.80, 0.25),
    2021: (0.86, 0.35),
}
FORM_MIX = {2022: (0.35, 0.45), 2023: (0.45, 0.42), 2024: (0.55, 0.38)}
# Share of dossiers submitted online, by level or form: (median, spread) for the demo.
ONLINE_SHARE = {"3": (0.35, 0.25), "4": (0.25, 0.2), "full": (0.45, 0.25), "partial": (0.25, 0.2)}
VARIANTS = ("cấp huyện", "cấp xã", "liên thông")
LEGAL_DAYS = (1, 2, 3, 5, 7, 10, 12, 15, 20, 30, 45)


@dataclass(frozen=True)
class Template:
    codes: np.ndarray
    names: np.ndarray
    fields: np.ndarray
    legal: np.ndarray
    volume: np.ndarray  # relative yearly dossier volume of each procedure


def template(rng: np.random.Generator) -> Template:
    """The catalogue shared by every district: each typical procedure as carried out by the
    district and by its communes, and the first three of each field also as an inter-linked
    (liên thông) procedure, about 240 in all, the size of a district catalogue."""
    codes, names, fields = [], [], []
    field_codes = {f: f"{i + 1:02d}" for i, f in enumerate(FIELDS)}
    for field, procs in FIELDS.items():
        variants = [(name, suffix) for name in procs for suffix in VARIANTS[:2]]
        variants += [(name, VARIANTS[2]) for name in procs[:3]]
        for j, (name, suffix) in enumerate(variants):
            codes.append(f"DEMO-{field_codes[field]}-{j + 1:03d}")
            names.append(f"{name} ({suffix})")
            fields.append(field)
    n = len(codes)
    return Template(
        np.array(codes),
        np.array(names),
        np.array(fields),
        rng.choice(LEGAL_DAYS, n).astype(float),
        rng.lognormal(3.5, 1.4, n),
    )


def _levels(rng: np.random.Generator, year: int, n: int, lean: float) -> np.ndarray:
    if year in LEVEL_MIX:
        online, l4 = LEVEL_MIX[year]
        online = min(0.98, online * lean)
        p = [0.3 * (1 - online), 0.7 * (1 - online), online * (1 - l4), online * l4]
        return rng.choice(np.array(s.LEVELS_OLD), n, p=p)
    full, partial = FORM_MIX[year]
    full = min(1 - partial - 0.02, full * lean)
    return rng.choice(np.array(s.FORMS_NEW), n, p=[full, partial, 1 - full - partial])


def _exact_levels(rng: np.random.Generator, n: int, counts: dict[str, int]) -> np.ndarray:
    """Levels with exactly `counts` of some levels (the rest split between levels 1 and 2)."""
    rest = n - sum(counts.values())
    values = [v for level, k in counts.items() for v in [level] * k]
    values += list(rng.choice(np.array(["1", "2"]), rest, p=[0.3, 0.7]))
    return rng.permutation(np.array(values))


def demo_procedures(
    units: pd.DataFrame,
    tpl: Template,
    published_dir_facts: dict,
    seed_fields: list[str],
    rng: np.random.Generator,
) -> pd.DataFrame:
    n = len(tpl.codes)
    frames = []
    for code in _units_of(units, "district", max(HANOI_YEARS)):
        lean = rng.uniform(0.8, 1.2)  # some districts move online faster than others
        for year in HANOI_YEARS:
            levels = _levels(rng, year, n, lean)
            one_stop = rng.random(n) < rng.uniform(0.9, 1.0)
            shortened = rng.random(n) < rng.uniform(0.05, 0.25)
            source = DEMO_SOURCE
            if code == NTL and year == 2018:
                counts = {
                    "3": int(published_dir_facts[("procedures_online_level3", 2018)]),
                    "4": int(published_dir_facts[("procedures_online_level4", 2018)]),
                }
                levels = _exact_levels(rng, n, counts)
                one_stop[:] = published_dir_facts[("one_stop_share", 2018)] == 100
                source = DEMO_SOURCE
            if code == NTL and year == 2019:
                want = int(published_dir_facts[("shortened_procedures", 2019)])
                shortened = _exact_shortened(rng, tpl, seed_fields, want)
                source = DEMO_SOURCE
            saved = np.where(
                shortened & (tpl.legal > 1),
                np.maximum(1, np.floor(tpl.legal * rng.uniform(0.1, 0.5, n))),
                0,
            )
            frames.append(
                pd.DataFrame(
                    {
                        s.UNIT_CODE: code,
                        s.YEAR: year,
                        s.PROCEDURE_CODE: tpl.codes,
                        s.PROCEDURE_NAME: tpl.names,
                        s.FIELD: tpl.fields,
                        s.ONLINE_LEVEL: levels,
                        s.LEGAL_DAYS: tpl.legal,
                        s.COMMITTED_DAYS: tpl.legal - saved,
                        s.ONE_STOP: one_stop,
                        s.SOURCE_ID: source,
                        s.DEMO: True,
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)


def _exact_shortened(
    rng: np.random.Generator, tpl: Template, fields: list[str], want: int
) -> np.ndarray:
    """`want` shortened procedures spread over exactly `fields` (each at least one)."""
    eligible = np.flatnonzero(np.isin(tpl.fields, fields) & (tpl.legal > 1))
    first = [int(rng.choice(eligible[tpl.fields[eligible] == f])) for f in fields]
    rest = rng.choice(np.setdiff1d(eligible, first), want - len(first), replace=False)
    mask = np.zeros(len(tpl.codes), dtype=bool)
    mask[first] = True
    mask[rest] = True
    return mask


# --- dossier statistics ---------------------------------------------------------------------
def _spread(total: int, weights: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """`total` split in proportion to `weights`, each part at most its cap (largest remainder)."""
    out = np.zeros(len(weights), dtype=np.int64)
    left = total
    active = caps > 0
    while left > 0 and active.any():
        w = np.where(active, weights, 0.0)
        if w.sum() == 0:
            w = active.astype(float)
        share = left * w / w.sum()
        part = np.minimum(np.floor(share).astype(np.int64), caps - out)
        if part.sum() == 0:  # hand out the remainder one by one, largest share first
            for i in np.argsort(-(share - np.floor(share))):
                if left and active[i] and out[i] < caps[i]:
                    out[i] += 1
                    left -= 1
        else:
            out += part
            left -= int(part.sum())
        active = out < caps
    return out


def demo_dossier_stats(
    procedures: pd.DataFrame, tpl: Template, facts: dict, rng: np.random.Generator
) -> pd.DataFrame:
    """Yearly dossier counts per district and procedure, consistent with the catalogue."""
    base_volume = dict(zip(tpl.codes, tpl.volume, strict=True))
    volume = {}
    frames = []
    for (code, year), cat in procedures.groupby([s.UNIT_CODE, s.YEAR], sort=True):
        if code not in volume:
            volume[code] = rng.uniform(0.5, 1.8)
        n = len(cat)
        base = cat[s.PROCEDURE_CODE].map(base_volume).to_numpy(dtype=float)
        growth = 1 + 0.04 * (year - min(HANOI_YEARS))
        received = np.maximum(0, np.round(base * volume[code] * growth * rng.lognormal(0, 0.3, n)))
        received = received.astype(np.int64)
        levels = cat[s.ONLINE_LEVEL].to_numpy(dtype=object)
        share = np.zeros(n)
        for level, (mid, spread) in ONLINE_SHARE.items():
            hit = levels == level
            share[hit] = np.clip(rng.normal(mid * min(1.5, growth / 1.2), spread, hit.sum()), 0, 1)
        online = np.round(received * share).astype(np.int64)
        pending = np.round(received * rng.uniform(0.0, 0.03, n)).astype(np.int64)
        resolved = received - pending
        late = np.round(resolved * rng.uniform(0.0, 0.03) * rng.uniform(0, 2, n)).astype(np.int64)
        late = np.minimum(late, resolved)
        on_time = resolved - late
        early = np.round(on_time * rng.uniform(0.1, 0.4)).astype(np.int64)
        source = DEMO_SOURCE
        if code == NTL and year == 2019:
            online, on_time, early, late = _seed_2019(rng, facts, levels, received, resolved)
            source = DEMO_SOURCE
        frames.append(
            pd.DataFrame(
                {
                    s.UNIT_CODE: code,
                    s.YEAR: year,
                    s.MONTH: None,
                    s.FIELD: cat[s.FIELD].to_numpy(),
                    s.PROCEDURE_CODE: cat[s.PROCEDURE_CODE].to_numpy(),
                    s.RECEIVED: received,
                    s.ONLINE: online,
                    s.ON_TIME: on_time,
                    s.EARLY: early,
                    s.LATE: late,
                    s.PENDING: received - on_time - late,
                    s.SOURCE_ID: source,
                    s.DEMO: True,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _seed_2019(
    rng: np.random.Generator,
    facts: dict,
    levels: np.ndarray,
    received: np.ndarray,
    resolved: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """Nam Từ Liêm 2019: 98,67% / 20% of level-3 / level-4 dossiers online, 99,99% on time,
    more than 20% early (the article says "hơn 20%"; 23,15% is our choice)."""
    online = np.zeros(len(received), dtype=np.int64)
    for level, key in (
        ("3", "online_application_share_level3"),
        ("4", "online_application_share_level4"),
    ):
        hit = levels == level
        total = int(received[hit].sum())
        if level == "4":  # a multiple of 100 makes 20% exact
            extra = (-total) % 100
            received[np.flatnonzero(hit)[0]] += extra
            resolved[np.flatnonzero(hit)[0]] += extra
            total += extra
        want = round(total * facts[(key, 2019)] / 100)
        online[hit] = _spread(want, received[hit].astype(float), received[hit])
    total_resolved = int(resolved.sum())
    late_total = round(total_resolved * (100 - facts[("on_time_rate", 2019)]) / 100)
    late = _spread(late_total, resolved.astype(float), resolved)
    on_time = resolved - late
    early_total = round(total_resolved * 0.2315)
    early = _spread(early_total, on_time.astype(float), on_time)
    return online, on_time, early, late


def generate(
    units: pd.DataFrame,
    published_par: pd.DataFrame,
    facts: dict,
    seed_fields: list[str],
    published_dir: Path,
) -> dict[str, pd.DataFrame]:
    """All demo tables, from one seed."""
    rng = np.random.default_rng(SEED)
    tpl = template(rng)
    procedures = demo_procedures(units, tpl, facts, seed_fields, rng)
    procedures = service_figures.bac_tu_liem_catalogue(procedures, published_dir)
    dossiers = demo_dossier_stats(procedures, tpl, facts, rng)
    dossiers = service_figures.bac_tu_liem_dossiers(dossiers, published_dir, _spread)
    march = service_figures.march_2025(units, published_dir)
    facts_of_scores = load_facts(published_dir, units)
    tables = {
        "par_scores": demo_par_scores(published_par, units, facts_of_scores),
        "procedures": procedures,
        "dossier_stats": pd.concat([dossiers, march], ignore_index=True),
    }
    # every generated row names the generator, also those made to add up to a published figure
    return {name: frame.assign(**{s.SOURCE_ID: DEMO_SOURCE}) for name, frame in tables.items()}
