"""Texts of the official targets: their status, what they measure, their place on charts,
the headline and the rankings table (indicators.targets, indicators.views.goals)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "target_met": {"vi": "Đạt", "en": "Met"},
    "target_not_met": {"vi": "Chưa đạt", "en": "Not met"},
    "target_no_data": {"vi": "Không có số liệu", "en": "No data"},
    "target_not_due": {"vi": "Chưa đến hạn", "en": "Not yet due"},
    "target_in_words": {"vi": "Mục tiêu bằng lời", "en": "Target in words"},
    "target_with_value": {"vi": "{status} ({value})", "en": "{status} ({value})"},
    "target_rank_value": {"vi": "hạng {symbol} {value}", "en": "rank {symbol} {value}"},
    "target_metric_on_time_rate": {"vi": "Hồ sơ đúng hạn", "en": "Dossiers on time"},
    "target_metric_online_dossiers": {"vi": "Hồ sơ nộp trực tuyến", "en": "Dossiers filed online"},
    "target_metric_full_dossiers": {
        "vi": "Hồ sơ trực tuyến toàn trình",
        "en": "Dossiers fully online",
    },
    "target_metric_online_procedures": {
        "vi": "Thủ tục trực tuyến (mức 3–4; toàn trình, một phần)",
        "en": "Procedures online (levels 3–4; full, partial)",
    },
    "target_metric_full_procedures": {
        "vi": "Thủ tục trực tuyến mức 4 / toàn trình",
        "en": "Procedures at level 4 / fully online",
    },
    "target_metric_par_rank": {"vi": "Xếp hạng Chỉ số CCHC", "en": "PAR index rank"},
    "target_metric_sipas": {"vi": "Chỉ số hài lòng (SIPAS)", "en": "Satisfaction (SIPAS)"},
    "chart_online_goals": {
        "vi": "{unit}: dịch vụ công trực tuyến so với mục tiêu, {period}",
        "en": "{unit}: online public services against the targets, {period}",
    },
    "targets_heading": {
        "vi": "Mục tiêu của {unit} năm {year}",
        "en": "{unit}: targets of {year}",
    },
    "targets_column": {"vi": "Mục tiêu", "en": "Targets"},
    "targets_missed_only": {
        "vi": "Chỉ đơn vị chưa đạt mục tiêu",
        "en": "Only units that missed a target",
    },
    "targets_none_missed": {
        "vi": "Không đơn vị nào chưa đạt mục tiêu có số liệu năm {year}.",
        "en": "No unit missed a target with figures in {year}.",
    },
}
