"""The deck's own words, in Vietnamese and English."""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators.deck.figures import LEVELS, RANKS, SHORTENED_TOPIC, TIMELINESS
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE
from indicators.units import nfc

LANGS = ("vi", "en")


TEXT = {
    "subtitle": (
        "Chỉ số cải cách hành chính (CCHC), {period}",
        "Public administration reform (PAR) indicators, {period}",
    ),
    "what_data": (
        "Số liệu đã công bố (có nguồn trên từng trang) và số liệu do cơ quan nhập.",
        "Published figures (each slide cites its sources) and data an office imported.",
    ),
    "messages": ("Thông điệp chính", "Key messages"),
    "no_messages": ("Không có dữ liệu cho giai đoạn này.", "No data for this period."),
    "no_data": ("Không có dữ liệu cho giai đoạn này.", "No data for this period."),
    RANKS: ("Điểm và thứ hạng chỉ số CCHC, {period}", "PAR index score and rank, {period}"),
    "score": ("Điểm", "Score"),
    "rank": ("Thứ hạng (1 = cao nhất)", "Rank (1 = best)"),
    "rank_note": (
        "Thứ hạng: thứ hạng đã công bố trong tổng số đơn vị của năm; năm có đủ điểm của mọi đơn vị thì tính từ điểm (đồng điểm thì đồng hạng).",
        "Ranks: the published rank among all units of the year; a year with every unit's score is ranked from the scores (equal scores share a rank).",
    ),
    LEVELS: ("Thủ tục trực tuyến theo mức độ, {period}", "Procedures online by level, {period}"),
    "era_note": (
        "Mức độ 1–4: Nghị định 43/2011 (đến năm 2022). Toàn trình / một phần: Nghị định 42/2022 (từ năm 2022). Hai cách phân loại không so sánh trực tiếp.",
        "Levels 1–4: Decree 43/2011 (until 2022). Full / partial: Decree 42/2022 (from 2022). The two classifications are not directly comparable.",
    ),
    "era_levels": ("Mức độ 1–4", "Levels 1–4"),
    "era_forms": ("Toàn trình / một phần", "Full / partial"),
    TIMELINESS: ("Tiến độ giải quyết hồ sơ, {period}", "Dossiers resolved on time, {period}"),
    ON_TIME_RATE: ("Đúng hạn (gồm trước hạn)", "On time (early included)"),
    EARLY_RATE: ("Trước hạn", "Early"),
    LATE_RATE: ("Trễ hạn", "Late"),
    "rate_note": (
        "Tỷ lệ trên số hồ sơ đã giải quyết (đúng hạn + trễ hạn).",
        "Rates of the dossiers resolved (on time + late).",
    ),
    SHORTENED_TOPIC: (
        "Thủ tục được rút ngắn thời gian giải quyết, {period}",
        "Shortened procedures, {period}",
    ),
    "per_year": ("Số thủ tục rút ngắn theo năm", "Shortened procedures per year"),
    "per_field": ("Theo lĩnh vực, năm {year}", "By field, {year}"),
}
_LEVEL_NAMES = {
    "1": ("Mức độ 1", "Level 1"),
    "2": ("Mức độ 2", "Level 2"),
    "3": ("Mức độ 3", "Level 3"),
    "4": ("Mức độ 4", "Level 4"),
    "full": ("Toàn trình", "Full"),
    "partial": ("Một phần", "Partial"),
    "none": ("Chỉ cung cấp thông tin", "Information only"),
    None: ("Chưa rõ mức độ", "Level unknown"),
}


def text_of(key: Any, lang: str, **values: Any) -> str:
    return nfc(TEXT[key][LANGS.index(lang)].format(**values))


def level_name(level: Any, lang: str) -> str:
    key = None if pd.isna(level) else str(level)
    return nfc(_LEVEL_NAMES.get(key, (key, key))[LANGS.index(lang)])
