"""The published layer: sources and the published rows, read from data/published/*.csv."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from indicators import schema as s
from indicators.units import find_unit, nfc

SEED_ARTICLE = "nam-tu-liem-2020"
DEMO_SOURCE = "demo"

STATIC_SOURCES = [
    {
        s.ID: SEED_ARTICLE,
        s.TITLE: "Quận Nam Từ Liêm: Nhiều năm liên tục đứng tốp đầu Thành phố về chỉ số cải cách "
        "hành chính",
        s.PUBLISHER: "Phương Bùi (2020); bản đăng lại trên tinbong247news.net",
        s.URL: "https://tinbong247news.net/quan-nam-tu-liem-nhieu-nam-lien-tuc-dung-top-dau-"
        "thanh-pho-ve-chi-so-cai-cach-hanh-chinh-111758.html",
        s.PUBLISHED: pd.Timestamp("2020-01-01"),
        s.SOURCE_KIND: "article",
        s.EXCERPT: "với 161 thủ tục hành chính được cung cấp ở mức độ 3, 19 thủ tục hành chính được "
        "cung cấp ở mức độ 4 … năm 2019, tỉ lệ hồ sơ đăng ký trực tuyến mức độ 3 đạt 98,67%, mức "
        "độ 4 đạt 20% … rút ngắn thời gian giải quyết 50 thủ tục hành chính so với quy định ở 8 "
        "lĩnh vực … tỷ lệ hồ sơ giải quyết đúng thời hạn đạt 99,99%, trong đó có hơn 20% hồ sơ được "
        "giải quyết trước thời hạn",
    },
    {
        s.ID: DEMO_SOURCE,
        s.TITLE: "Dữ liệu minh họa do bộ sinh dữ liệu của dự án tạo ra (indicators/build/demo.py, "
        "seed cố định) / Demo data from the project's seeded generator",
        s.PUBLISHER: "PAR dashboard project",
        s.URL: None,
        s.PUBLISHED: None,
        s.SOURCE_KIND: "demo",
        s.EXCERPT: "Không phải số liệu công bố. Sinh ra để lấp chỗ trống, không mâu thuẫn với số "
        "liệu công bố. / Not published figures: generated to fill gaps, never contradicting them.",
    },
    {
        s.ID: "gso-codes",
        s.TITLE: "Danh mục đơn vị hành chính Việt Nam (mã GSO) / GSO administrative unit codes",
        s.PUBLISHER: "Tổng cục Thống kê (GSO)",
        s.URL: None,
        s.PUBLISHED: None,
        s.SOURCE_KIND: "published",
        s.EXCERPT: "Province and district codes as listed in data/geo/SOURCES.md (ma_tinh, ma_huyen).",
    },
    {
        s.ID: "vietnamadminunits-2025",
        s.TITLE: "vietnamadminunits 1.0.4: converter_2025 (Hanoi communes before/after 1 July 2025)",
        s.PUBLISHER: "Tran Ngoc Minh Hieu (MIT licence, © 2025)",
        s.URL: "https://pypi.org/project/vietnamadminunits/",
        s.PUBLISHED: pd.Timestamp("2025-07-01"),
        s.SOURCE_KIND: "published",
        s.EXCERPT: "526 old communes and wards of Hanoi mapped to 126 new units (51 phường, 75 xã).",
    },
    {
        s.ID: "nq-202-2025",
        s.TITLE: "Nghị quyết 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh",
        s.PUBLISHER: "Quốc hội",
        s.URL: "https://news.laodong.vn/thoi-su/thoi-diem-ket-thuc-hoat-dong-bo-may-52-tinh-thanh-"
        "cu-1522769.ldo",
        s.PUBLISHED: pd.Timestamp("2025-06-12"),
        s.SOURCE_KIND: "published",
        s.EXCERPT: "From the effective date of this Resolution, the country has 34 provincial-level "
        "administrative units, including 28 provinces and 6 cities.",
    },
]


def source_id(url: str) -> str:
    """A short, stable id for an address: the site's name and 6 hex digits of its hash."""
    host = urlparse(url).hostname or "source"
    generic = ("www", "en", "english", "fr", "old", "e", "m", "news")
    parts = [p for p in host.split(".") if p not in generic]
    site = re.sub(r"[^a-z0-9]", "", parts[0].lower()) if parts else "source"
    return f"{site}-{hashlib.sha1(url.encode()).hexdigest()[:6]}"


# What each published file reports, for a source's title (the articles' own titles were not
# recorded with the figures; a title built from its address alone read like "Pic1").
FILE_TOPICS = {
    "admin_reorg_2025.csv": "Sắp xếp đơn vị hành chính",
    "component_indexes.csv": "Cấu trúc Chỉ số CCHC",
    "hanoi_city_indicators.csv": "Chỉ số của thành phố Hà Nội",
    "hanoi_district_par_index.csv": "Chỉ số CCHC các đơn vị của Hà Nội",
    "hanoi_district_service_indicators.csv": "Dịch vụ công cấp quận, huyện Hà Nội",
    "hanoi_par_bloc_averages.csv": "Chỉ số CCHC Hà Nội theo khối",
    "par_methodology.csv": "Phương pháp Chỉ số CCHC",
    "vietnam_par_national_summary.csv": "PAR INDEX cả nước",
    "vietnam_province_par_index.csv": "PAR INDEX cấp tỉnh",
    "vietnam_province_sipas.csv": "SIPAS cấp tỉnh",
}
TITLE_UNITS = 3  # unit names named in a title before "…"


def _years_text(values: list[str]) -> str:
    years = sorted({int(y) for v in values for y in re.findall(r"(?:19|20)\d\d", v)})
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def source_title(url: str, records: list[tuple[str, dict]]) -> str:
    """ "Topic years: units … (site)" from the rows that cite `url` (file name, row)."""
    topics = list(dict.fromkeys(FILE_TOPICS.get(name, name) for name, _ in records))
    periods = [
        str(rec.get("year") or rec.get("period") or rec.get("date") or "") for _, rec in records
    ]
    units = list(dict.fromkeys(rec["unit_name"] for _, rec in records if rec.get("unit_name")))
    text = "; ".join(topics)
    years = _years_text(periods)
    if years:
        text += f" {years}"
    if units:
        more = " …" if len(units) > TITLE_UNITS else ""
        text += f": {', '.join(units[:TITLE_UNITS])}{more}"
    return f"{text} ({urlparse(url).hostname})"


def _kind(url: str) -> str:
    host = urlparse(url).hostname or ""
    return "published" if host.endswith("gov.vn") else "article"


def read_published(published_dir: Path, name: str) -> pd.DataFrame:
    frame = pd.read_csv(published_dir / name, dtype=str, keep_default_na=False)
    return frame.map(lambda v: nfc(v) if isinstance(v, str) else v)


def build_sources(published_dir: Path) -> pd.DataFrame:
    """One source per address found in the published files, plus the static ones above."""
    rows: dict[str, dict] = {}
    cited: dict[str, list[tuple[str, dict]]] = {}
    for path in sorted(published_dir.glob("*.csv")):
        frame = read_published(published_dir, path.name)
        if "source_url" not in frame:
            continue
        for rec in frame.to_dict("records"):
            url = rec["source_url"].strip()
            if not url:
                continue
            sid = source_id(url)
            cited.setdefault(sid, []).append((path.name, rec))
            excerpt = rec.get("excerpt", "").strip()
            if sid in rows:
                if excerpt and excerpt not in rows[sid][s.EXCERPT]:
                    rows[sid][s.EXCERPT] += " … " + excerpt
                continue
            rows[sid] = {
                s.ID: sid,
                s.TITLE: "",
                s.PUBLISHER: urlparse(url).hostname,
                s.URL: url,
                s.PUBLISHED: None,
                s.SOURCE_KIND: _kind(url),
                s.EXCERPT: excerpt,
            }
    for sid, row in rows.items():
        row[s.TITLE] = source_title(row[s.URL], cited[sid])
    return pd.DataFrame(STATIC_SOURCES + list(rows.values()))


def _par_row(
    index_id: str,
    code: str,
    year: int,
    score: float | None,
    rank: int | None,
    basis: str | None,
    source: str,
    note: str | None,
) -> dict:
    return {
        s.INDEX_ID: index_id,
        s.UNIT_CODE: code,
        s.YEAR: year,
        s.COMPONENT: s.TOTAL,
        s.SCORE: score,
        s.MAX_SCORE: 100.0,
        s.RANK_PUBLISHED: rank,
        s.RANK_BASIS: basis,
        s.SOURCE_ID: source,
        s.DEMO: False,
        s.NOTE: note or None,
    }


def _num(text: str) -> float | None:
    return float(text) if text.strip() else None


def published_par_scores(published_dir: Path, units: pd.DataFrame) -> pd.DataFrame:
    """Published PAR rows: Hanoi's index of its districts and the national index of provinces.

    City departments (sở) are not units of this dataset and are left out. A row stated to be the
    lowest without a rank number keeps rank_published empty; the generator places it last.
    """
    rows = []
    hanoi = read_published(published_dir, "hanoi_district_par_index.csv")
    districts = units[units[s.LEVEL] == "district"]
    for r in hanoi.to_dict("records"):
        if not r["unit_type"].startswith(("quận", "huyện", "thị xã")):
            continue
        unit = find_unit(districts, r["unit_name"], int(r["year"]))
        rank = int(r["rank"]) if r["rank"] else None
        rows.append(
            _par_row(
                s.INDEX_HANOI,
                unit[s.CODE],
                int(r["year"]),
                _num(r["score"]),
                rank,
                r["rank_basis"],
                source_id(r["source_url"]),
                r["note"],
            )
        )
    national = read_published(published_dir, "vietnam_province_par_index.csv")
    provinces = units[units[s.LEVEL] == "province"]
    for r in national.to_dict("records"):
        unit = find_unit(provinces, r["unit_name"], int(r["year"]))
        rank = int(r["rank"]) if r["rank"] else None
        rows.append(
            _par_row(
                s.INDEX_NATIONAL,
                unit[s.CODE],
                int(r["year"]),
                _num(r["score"]),
                rank,
                r["rank_basis"] or None,
                source_id(r["source_url"]),
                r["note"],
            )
        )
    seed = read_published(published_dir, "seed_facts.csv")
    for r in seed[seed["indicator"] == "par_index_rank"].to_dict("records"):
        unit = find_unit(districts, r["unit_name"], int(r["year"]))
        rows.append(
            _par_row(
                s.INDEX_HANOI,
                unit[s.CODE],
                int(r["year"]),
                None,
                int(r["value"]),
                "explicit",
                SEED_ARTICLE,
                r["note"],
            )
        )
    frame = pd.DataFrame(rows)
    return frame.drop_duplicates([s.INDEX_ID, s.UNIT_CODE, s.YEAR, s.COMPONENT])


def seed_facts(published_dir: Path) -> dict[tuple[str, int], float]:
    """(indicator, year) -> value for Nam Từ Liêm, from the seed article."""
    seed = read_published(published_dir, "seed_facts.csv")
    return {(r["indicator"], int(r["year"])): float(r["value"]) for r in seed.to_dict("records")}


def seed_fields(published_dir: Path) -> list[str]:
    """The 8 fields in which Nam Từ Liêm shortened procedures, as the article lists them."""
    seed = read_published(published_dir, "seed_facts.csv")
    measure = seed.loc[seed["indicator"] == "shortened_procedure_fields", "measure"].iloc[0]
    return [nfc(f.strip()) for f in measure.split(":", 1)[1].split(";")]
