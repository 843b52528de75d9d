"""The published layer: sources and the published rows, read from data/published/*.csv."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from indicators import schema as s
from indicators.units import ascii_fold, find_unit, name_key, nfc

# Sources that are not an address of data/published: the unit codes and their changes.
STATIC_SOURCES = [
    {
        s.ID: "gso-codes",
        s.TITLE: "Danh mục đơn vị hành chính Việt Nam (mã GSO) / GSO administrative unit codes",
        s.PUBLISHER: "Tổng cục Thống kê (GSO)",
        s.URL: None,
        s.PUBLISHED: None,
        s.SOURCE_KIND: "published",
        s.EXCERPT: "Mã tỉnh, mã huyện theo danh mục của Tổng cục Thống kê (data/geo/SOURCES.md).",
        s.YEARS: None,
        s.REPRINT: False,
    },
    {
        s.ID: "vietnamadminunits-2025",
        s.TITLE: "vietnamadminunits 1.0.4: converter_2025 (Hanoi communes before/after 1 July 2025)",
        s.PUBLISHER: "Tran Ngoc Minh Hieu (MIT licence, © 2025)",
        s.URL: "https://pypi.org/project/vietnamadminunits/",
        s.PUBLISHED: pd.Timestamp("2025-07-01"),
        s.SOURCE_KIND: "published",
        s.EXCERPT: "526 old communes and wards of Hanoi mapped to 126 new units (51 phường, 75 xã).",
        s.YEARS: "2025",
        s.REPRINT: False,
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
        s.YEARS: "2025",
        s.REPRINT: False,
    },
]
REPRINT_NOTE = "reprint only"  # how data/published marks a row whose only copy is a reprint


# Ids that offices' files already use for an address (kept when an id scheme changes).
FIXED_IDS = {
    "https://tinbong247news.net/quan-nam-tu-liem-nhieu-nam-lien-tuc-dung-top-dau-thanh-pho-ve-"
    "chi-so-cai-cach-hanh-chinh-111758.html": "nam-tu-liem-2020",
}


def source_id(url: str) -> str:
    """A short, stable id for an address: the site's name and 6 hex digits of its hash."""
    if url in FIXED_IDS:
        return FIXED_IDS[url]
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
    "seed_facts.csv": "Quận Nam Từ Liêm: nhiều năm đứng tốp đầu về CCHC",
    "targets.csv": "Mục tiêu CCHC",
    "vietnam_par_national_summary.csv": "PAR INDEX cả nước",
    "vietnam_province_766_index.csv": "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
    "vietnam_province_par_index.csv": "PAR INDEX cấp tỉnh",
    "vietnam_province_sipas.csv": "SIPAS cấp tỉnh",
}
TITLE_UNITS = 3  # unit names named in a title before "…"

# Who published the figures a file holds (the body behind the index or the report); the site
# that carried them is the source's address. A citation reads "Bộ Nội vụ, 2023 — vnexpress.net".
FILE_ISSUERS = {
    "admin_reorg_2025.csv": "Quốc hội",
    "component_indexes.csv": "Chính phủ",
    "hanoi_district_par_index.csv": "Sở Nội vụ Hà Nội",
    "hanoi_par_bloc_averages.csv": "Sở Nội vụ Hà Nội",
    "par_methodology.csv": "Bộ Nội vụ",
    "seed_facts.csv": "UBND quận Nam Từ Liêm",
    "vietnam_par_national_summary.csv": "Bộ Nội vụ",
    "vietnam_province_766_index.csv": "Văn phòng Chính phủ",
    "vietnam_province_par_index.csv": "Bộ Nội vụ",
    "vietnam_province_sipas.csv": "Bộ Nội vụ",
}
# Rows of the two files of mixed figures: the start of the indicator's name -> its issuer.
INDICATOR_ISSUERS = (
    ("PAPI", "UNDP, CECODES"),
    ("SIPAS", "Bộ Nội vụ"),
    ("national PAR", "Bộ Nội vụ"),
    ("PAR sub-index", "Bộ Nội vụ"),
    ("766", "Văn phòng Chính phủ"),
    ("Bộ chỉ số phục vụ", "Văn phòng Chính phủ"),
    ("online application rate", "Văn phòng Chính phủ"),
    ("online payment rate", "Văn phòng Chính phủ"),
    ("on-time resolution rate (lowest", "Văn phòng Chính phủ"),
    ("satisfaction rate", "Văn phòng Chính phủ"),
    ("number of districts with online", "Văn phòng Chính phủ"),
)


def issuer(file: str, rec: dict) -> str:
    """Who published the figures of a row of `file`."""
    if file in FILE_ISSUERS:
        return FILE_ISSUERS[file]
    if rec.get("issuer"):  # targets.csv names who issued each instrument
        return rec["issuer"]
    name = rec.get("indicator", "")
    found = next((who for start, who in INDICATOR_ISSUERS if name.startswith(start)), None)
    if found:
        return found
    unit = rec.get("unit_name", "")
    if file == "hanoi_district_service_indicators.csv" and unit.startswith(("Quận", "Huyện")):
        if ";" not in unit:
            return f"UBND {unit[0].lower()}{unit[1:]}"
    return "UBND TP Hà Nội"


def _years_text(values: list[str]) -> str:
    years = sorted({int(y) for v in values for y in re.findall(r"(?:19|20)\d\d", v)})
    if not years:
        return ""
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"


def _periods(records: list[tuple[str, dict]]) -> list[str]:
    keys = ("year", "period", "date", "target_year")
    return [str(next((rec[k] for k in keys if rec.get(k)), "")) for _, rec in records]


def source_title(url: str, records: list[tuple[str, dict]]) -> str:
    """ "Topic years: units … (site)" from the rows that cite `url` (file name, row)."""
    topics = list(dict.fromkeys(FILE_TOPICS.get(name, name) for name, _ in records))
    units = list(dict.fromkeys(rec["unit_name"] for _, rec in records if rec.get("unit_name")))
    text = "; ".join(topics)
    years = _years_text(_periods(records))
    if years:
        text += f" {years}"
    if units:
        more = " …" if len(units) > TITLE_UNITS else ""
        text += f": {', '.join(units[:TITLE_UNITS])}{more}"
    return f"{text} ({urlparse(url).hostname})"


def published_date(url: str) -> pd.Timestamp | None:
    """The date an address carries (…-20250829124229124.htm, /2019/05/…), if any."""
    day = re.search(r"(20[0-2]\d)(0[1-9]|1[0-2])([0-2]\d|3[01])\d{0,9}\.html?", url)
    if day:
        try:
            return pd.Timestamp(f"{day.group(1)}-{day.group(2)}-{day.group(3)}")
        except ValueError:
            return None
    month = re.search(r"/(20[0-2]\d)/(0[1-9]|1[0-2])/", url)
    return pd.Timestamp(f"{month.group(1)}-{month.group(2)}-01") if month else None


def _kind(url: str) -> str:
    host = urlparse(url).hostname or ""
    return "published" if host.endswith("gov.vn") else "article"


def read_published(published_dir: Path, name: str) -> pd.DataFrame:
    frame = pd.read_csv(published_dir / name, dtype=str, keep_default_na=False)
    return frame.map(lambda v: nfc(v) if isinstance(v, str) else v)


def build_sources(published_dir: Path) -> pd.DataFrame:
    """One source per address found in the published files, plus the static ones above.

    Its publisher is who published the figures (Bộ Nội vụ, Sở Nội vụ Hà Nội, …), its years
    those of the figures it reports, and `reprint` says that the only copy found is a reprint
    (the rows citing it say so in their note).
    """
    cited: dict[str, list[tuple[str, dict]]] = {}
    urls: dict[str, str] = {}
    for path in sorted(published_dir.glob("*.csv")):
        frame = read_published(published_dir, path.name)
        if "source_url" not in frame:
            continue
        for rec in frame.to_dict("records"):
            url = rec["source_url"].strip()
            if url:
                sid = source_id(url)
                urls[sid] = url
                cited.setdefault(sid, []).append((path.name, rec))
    rows = []
    for sid, records in cited.items():
        url = urls[sid]
        excerpts = [rec.get("excerpt", "").strip() for _, rec in records]
        notes = [rec.get("note", "") for _, rec in records]
        rows.append(
            {
                s.ID: sid,
                s.TITLE: source_title(url, records),
                s.PUBLISHER: "; ".join(dict.fromkeys(issuer(f, rec) for f, rec in records)),
                s.URL: url,
                s.PUBLISHED: published_date(url),
                s.SOURCE_KIND: _kind(url),
                s.EXCERPT: " … ".join(dict.fromkeys(e for e in excerpts if e)) or None,
                s.YEARS: _years_text(_periods(records)) or None,
                s.REPRINT: any(n.strip().lower().startswith(REPRINT_NOTE) for n in notes),
            }
        )
    return pd.DataFrame(STATIC_SOURCES + rows)


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


# A row that names a unit in a group ("among the lowest", "runner-up behind Đà Nẵng") without
# its rank or score states no figure of that unit: it is a fact about the ranking
# (indicators.facts), not a row of par_scores.
NO_FIGURE_BASES = ("bottom_group", "stated_runner_up")
CONFLICT_BASIS = "conflict"  # two sources give the unit two ranks (or scores) for one year


def _merge_rows(rows: list[dict]) -> dict:
    """One row per unit and year from the published rows that name it.

    Rows that complete each other (the rank in one article, the score in a reprint) make one
    row citing both sources. Rows that disagree keep no rank (or no score) and say so in the
    note, with the values and their sources: a leader must not see one of them as the figure.
    """
    if len(rows) == 1:
        return rows[0]
    out = dict(rows[0])
    out[s.SOURCE_ID] = s.join_source_ids(r[s.SOURCE_ID] for r in rows)
    notes = [r[s.NOTE] for r in rows if r[s.NOTE]]
    for column in (s.SCORE, s.RANK_PUBLISHED):
        values = {r[column] for r in rows if r[column] is not None}
        if len(values) > 1:
            out[column] = None
            out[s.RANK_BASIS] = CONFLICT_BASIS
            listed = "; ".join(f"{r[column]:g} ({r[s.SOURCE_ID]})" for r in rows)
            notes.insert(0, f"nguồn khác nhau / sources differ: {listed}")
        else:
            out[column] = next(iter(values), None)
            if column == s.RANK_PUBLISHED and values:
                out[s.RANK_BASIS] = next(r[s.RANK_BASIS] for r in rows if r[column] is not None)
    out[s.NOTE] = " | ".join(dict.fromkeys(notes)) or None
    return out


def _index_rows(index_id: str, frame: pd.DataFrame, units: pd.DataFrame, level: str) -> list[dict]:
    candidates = units[units[s.LEVEL] == level]
    rows: dict[tuple[str, int], list[dict]] = {}
    for r in frame.to_dict("records"):
        if level == "district" and not r["unit_type"].startswith(("quận", "huyện", "thị xã")):
            continue  # city departments (sở) are not units of this dataset
        if r["rank_basis"] in NO_FIGURE_BASES and not r["score"] and not r["rank"]:
            continue
        year = int(r["year"])
        unit = find_unit(candidates, r["unit_name"], year)
        row = _par_row(
            index_id,
            unit[s.CODE],
            year,
            _num(r["score"]),
            int(r["rank"]) if r["rank"] else None,
            r["rank_basis"] or None,
            source_id(r["source_url"]),
            r["note"],
        )
        rows.setdefault((unit[s.CODE], year), []).append(row)
    names = dict(zip(candidates[s.CODE], candidates[s.NAME_VI], strict=True))
    merged = [_merge_rows(group) for group in rows.values()]
    return _rank_clashes([_corroborated(row, frame, names) for row in merged], names)


NEAR = 60  # characters between a unit's name and its score in an excerpt that states both


def _stated(excerpt: str, name: str, score: float) -> bool:
    """True when the excerpt gives the unit (by name, without diacritics or type) the score,
    written either way (95.7 or 95,7), within NEAR characters after the name and with no
    other figure between them."""
    text = re.sub(r"\s+", " ", ascii_fold(excerpt).lower())
    number = f"{score:g}"
    written = "|".join(re.escape(n) for n in (number, number.replace(".", ",")))
    # no other figure between the name and the score ("Nam Tu Liem 94.1, Hoan Kiem 95.7")
    pattern = rf"{re.escape(name_key(name))}[^0-9]{{0,{NEAR}}}?({written})(?![\d])"
    return re.search(pattern, text) is not None


def _corroborated(row: dict, frame: pd.DataFrame, names: dict[str, str]) -> dict:
    """The row citing, besides its own sources, every other source of the same year whose
    excerpt states the unit's score: a second report of the same figure (the French edition of
    the agency's story that writes 95,7%) is shown with it, never a report of another unit."""
    if row[s.SCORE] is None:
        return row
    same_year = frame[frame["year"].astype(int) == row[s.YEAR]]
    extra = [
        source_id(r["source_url"])
        for r in same_year.to_dict("records")
        if r["source_url"].strip() and _stated(r["excerpt"], names[row[s.UNIT_CODE]], row[s.SCORE])
    ]
    if extra:
        row = {**row, s.SOURCE_ID: s.join_source_ids([row[s.SOURCE_ID], *extra])}
    return row


LATER_MENTION = "explicit_previous_year"  # a rank recalled in the next year's article


def _rank_clashes(rows: list[dict], names: dict[str, str]) -> list[dict]:
    """Two units given one rank in one year, not as a tie: the rank recalled a year later
    (HCMC "previous 3rd place" for 2015) yields to the year's announcement (Đồng Nai 3rd); when
    neither is a later mention, neither keeps the rank. A yielding row keeps its note and says
    which rows it contradicts, so the conflict stays visible."""
    by_rank: dict[tuple, list[dict]] = {}
    for r in rows:
        if r[s.RANK_PUBLISHED] is not None and not str(r[s.RANK_BASIS]).endswith("_tie"):
            by_rank.setdefault((r[s.YEAR], r[s.RANK_PUBLISHED]), []).append(r)
    for (_, rank), clash in by_rank.items():
        if len(clash) < 2:
            continue
        later = [r for r in clash if r[s.RANK_BASIS] == LATER_MENTION]
        losers = later if 0 < len(later) < len(clash) else clash
        for r in losers:
            others = ", ".join(names[o[s.UNIT_CODE]] for o in clash if o is not r)
            r[s.NOTE] = " | ".join(
                filter(None, [f"hạng {rank} cũng được công bố cho / rank {rank} also published for "
                              f"{others}", r[s.NOTE]])
            )  # fmt: skip
            r[s.RANK_PUBLISHED], r[s.RANK_BASIS] = None, CONFLICT_BASIS
    return rows


def published_par_scores(published_dir: Path, units: pd.DataFrame) -> pd.DataFrame:
    """Published PAR rows: Hanoi's index of its districts and the national index of provinces.

    One row per unit and year (see _merge_rows). A row stated to be the lowest without a rank
    number keeps rank_published empty and its rank_basis (stated_last / stated_lowest): the
    ranking places it last among the units of its year.
    """
    rows = _index_rows(
        s.INDEX_HANOI,
        read_published(published_dir, "hanoi_district_par_index.csv"),
        units,
        "district",
    )
    rows += _index_rows(
        s.INDEX_NATIONAL,
        read_published(published_dir, "vietnam_province_par_index.csv"),
        units,
        "province",
    )
    districts = units[units[s.LEVEL] == "district"]
    seed = read_published(published_dir, "seed_facts.csv")
    have = {(r[s.UNIT_CODE], r[s.YEAR]) for r in rows if r[s.INDEX_ID] == s.INDEX_HANOI}
    for r in seed[seed["indicator"] == "par_index_rank"].to_dict("records"):
        unit = find_unit(districts, r["unit_name"], int(r["year"]))
        if (unit[s.CODE], int(r["year"])) in have:
            continue
        rows.append(
            _par_row(
                s.INDEX_HANOI,
                unit[s.CODE],
                int(r["year"]),
                None,
                int(r["value"]),
                "explicit",
                source_id(r["source_url"]),
                r["note"],
            )
        )
    return pd.DataFrame(rows)


def seed_facts(published_dir: Path) -> dict[tuple[str, int], float]:
    """(indicator, year) -> value for Nam Từ Liêm, from the seed article."""
    seed = read_published(published_dir, "seed_facts.csv")
    return {(r["indicator"], int(r["year"])): float(r["value"]) for r in seed.to_dict("records")}


def seed_fields(published_dir: Path) -> list[str]:
    """The 8 fields in which Nam Từ Liêm shortened procedures, as the article lists them."""
    seed = read_published(published_dir, "seed_facts.csv")
    measure = seed.loc[seed["indicator"] == "shortened_procedure_fields", "measure"].iloc[0]
    return [nfc(f.strip()) for f in measure.split(":", 1)[1].split(";")]
