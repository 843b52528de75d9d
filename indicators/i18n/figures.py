"""The published figures that are not table rows (indicators.figures)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- published figures (indicators.figures) ------------------------------------------
    "fig_procedures_level3": {
        "vi": "Thủ tục trực tuyến mức độ 3",
        "en": "Procedures online at level 3",
    },
    "fig_procedures_level4": {
        "vi": "Thủ tục trực tuyến mức độ 4",
        "en": "Procedures online at level 4",
    },
    "fig_procedures_online": {
        "vi": "Thủ tục trực tuyến mức độ 3–4",
        "en": "Procedures online at levels 3–4",
    },
    "fig_procedures_online_district": {
        "vi": "Thủ tục trực tuyến mức độ 3–4 cấp quận",
        "en": "District-level procedures online at levels 3–4",
    },
    "fig_procedures_online_ward": {
        "vi": "Thủ tục trực tuyến mức độ 3–4 cấp phường",
        "en": "Ward-level procedures online at levels 3–4",
    },
    "fig_procedures_total": {
        "vi": "Tổng số thủ tục hành chính",
        "en": "Administrative procedures in all",
    },
    "fig_services_integrated": {
        "vi": "Dịch vụ công tích hợp lên Cổng Dịch vụ công quốc gia",
        "en": "Services integrated into the National Public Service Portal",
    },
    "fig_online_share": {"vi": "Tỷ lệ hồ sơ nộp trực tuyến", "en": "Dossiers filed online"},
    "fig_online_share_level3": {
        "vi": "Tỷ lệ hồ sơ nộp trực tuyến (mức độ 3)",
        "en": "Dossiers filed online (level 3)",
    },
    "fig_online_share_level4": {
        "vi": "Tỷ lệ hồ sơ nộp trực tuyến (mức độ 4)",
        "en": "Dossiers filed online (level 4)",
    },
    "fig_online_share_level3_district": {
        "vi": "Tỷ lệ hồ sơ mức độ 3 cấp quận nộp trực tuyến",
        "en": "District-level level-3 dossiers filed online",
    },
    "fig_online_share_ward": {
        "vi": "Tỷ lệ hồ sơ cấp phường nộp trực tuyến",
        "en": "Ward-level dossiers filed online",
    },
    "fig_online_payment_rate": {"vi": "Tỷ lệ thanh toán trực tuyến", "en": "Online payment rate"},
    "fig_districts_online_under_30": {
        "vi": "Số quận, huyện có tỷ lệ hồ sơ trực tuyến dưới 30%",
        "en": "Districts with under 30% of dossiers filed online",
    },
    "fig_on_time_rate": {
        "vi": "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "en": "Dossiers resolved on time",
    },
    "fig_early_rate": {"vi": "Tỷ lệ hồ sơ giải quyết trước hạn", "en": "Dossiers resolved early"},
    "fig_dossiers_received": {"vi": "Hồ sơ tiếp nhận", "en": "Dossiers received"},
    "fig_dossiers_resolved": {"vi": "Hồ sơ đã giải quyết", "en": "Dossiers resolved"},
    "fig_dossiers_on_time": {"vi": "Hồ sơ giải quyết đúng hạn", "en": "Dossiers resolved on time"},
    "fig_dossiers_early": {"vi": "Hồ sơ giải quyết trước hạn", "en": "Dossiers resolved early"},
    "fig_dossiers_late": {"vi": "Hồ sơ quá hạn", "en": "Dossiers overdue"},
    "fig_dossiers_level3_district": {
        "vi": "Hồ sơ mức độ 3 cấp quận",
        "en": "District-level level-3 dossiers",
    },
    "fig_shortened_procedures": {
        "vi": "Thủ tục rút ngắn thời gian giải quyết",
        "en": "Procedures with a shortened time",
    },
    "fig_shortened_fields": {
        "vi": "Số lĩnh vực có thủ tục rút ngắn",
        "en": "Fields with shortened procedures",
    },
    "fig_one_stop_share": {
        "vi": "Tỷ lệ thủ tục giải quyết theo cơ chế một cửa",
        "en": "Procedures handled through the one-stop mechanism",
    },
    "fig_index_766_total": {
        "vi": "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
        "en": "Index of serving citizens and businesses (Decision 766)",
    },
    "fig_index_766_publicity": {
        "vi": "QĐ 766 – Công khai, minh bạch",
        "en": "Decision 766 – publicity and transparency",
    },
    "fig_index_766_progress": {
        "vi": "QĐ 766 – Tiến độ, kết quả giải quyết",
        "en": "Decision 766 – progress and results",
    },
    "fig_index_766_digitisation": {
        "vi": "QĐ 766 – Số hóa hồ sơ",
        "en": "Decision 766 – dossier digitisation",
    },
    "fig_index_766_online": {
        "vi": "QĐ 766 – Cung cấp dịch vụ trực tuyến",
        "en": "Decision 766 – online services",
    },
    "fig_index_766_online_service": {
        "vi": "QĐ 766 – Dịch vụ công trực tuyến",
        "en": "Decision 766 – online public services",
    },
    "fig_index_766_online_payment": {
        "vi": "QĐ 766 – Thanh toán trực tuyến",
        "en": "Decision 766 – online payment",
    },
    "fig_index_766_satisfaction": {
        "vi": "QĐ 766 – Mức độ hài lòng",
        "en": "Decision 766 – satisfaction",
    },
    "fig_publicity_rate": {
        "vi": "Tỷ lệ công khai, minh bạch (QĐ 766)",
        "en": "Publicity and transparency rate (Decision 766)",
    },
    "fig_satisfaction_rate": {"vi": "Tỷ lệ hài lòng", "en": "Satisfaction rate"},
    "fig_sipas": {"vi": "Chỉ số hài lòng SIPAS", "en": "SIPAS satisfaction index"},
    "fig_sipas_average": {"vi": "SIPAS trung bình cả nước", "en": "SIPAS, national average"},
    "fig_papi_total": {"vi": "Chỉ số PAPI", "en": "PAPI index"},
    "fig_hanoi_par_average": {
        "vi": "Chỉ số CCHC trung bình của các quận, huyện, thị xã",
        "en": "Hanoi PAR index, average of the districts",
    },
    "fig_hanoi_par_average_departments": {
        "vi": "Chỉ số CCHC trung bình của các sở, ngành",
        "en": "Hanoi PAR index, average of the departments",
    },
    "fig_national_par_average": {
        "vi": "PAR INDEX trung bình cả nước",
        "en": "PAR INDEX, national average",
    },
    "fig_par_component_modernisation": {
        "vi": "PAR INDEX – Hiện đại hóa nền hành chính",
        "en": "PAR INDEX – modernised administration",
    },
    "m_short_fields": {
        "vi": "Lĩnh vực có thủ tục rút ngắn",
        "en": "Fields with shortened procedures",
    },
    "m_one_stop": {"vi": "Thủ tục theo cơ chế một cửa", "en": "Procedures through one stop"},
    "m_share_all": {"vi": "Hồ sơ nộp trực tuyến", "en": "Dossiers filed online"},
    "demo_toggle": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "demo_toggle_help": {
        "vi": "Bật để thêm số liệu do máy sinh ra vào chỗ chưa có số liệu công bố (không phải số liệu chính thức). Mọi điểm, thẻ và tệp có số liệu minh họa đều được đánh dấu.",
        "en": "Switch on to fill the gaps between published figures with generated ones (not official figures). Every mark, card and file they reach is marked.",
    },
    "demo_banner": {
        "vi": "**Có số liệu minh họa — không phải số liệu chính thức.** Số liệu do máy sinh ra được vẽ nhạt, có gạch chéo hoặc điểm rỗng; thẻ số liệu ghi «minh họa». Tắt «Dữ liệu minh họa» ở thanh bên để chỉ xem số liệu công bố.",
        "en": "**Demo data shown — not official figures.** Generated figures are drawn faded, hatched or hollow, and their cards say “demo”. Switch “Demo data” off in the sidebar to see published figures only.",
    },
    "demo_banner_short": {
        "vi": "Có số liệu minh họa — không phải số liệu chính thức",
        "en": "Demo data shown — not official figures",
    },
    "demo_card": {"vi": "minh họa", "en": "demo"},
    "demo_citation": {
        "vi": "Dữ liệu minh họa do máy sinh ra, không phải số liệu chính thức",
        "en": "Demo data generated by the project, not official figures",
    },
    "reprint": {"vi": "bản đăng lại", "en": "reprint"},
    "exported_on": {"vi": "Ngày xuất: {day}", "en": "Exported: {day}"},
    "source_one": {"vi": "Nguồn", "en": "Source"},
    "no_source": {"vi": "không có", "en": "none"},
    "more_sources_words": {"vi": "và {n} nguồn khác", "en": "and {n} more"},
    "demo_help": {
        "vi": "Có dòng dữ liệu minh họa (sinh tự động, không phải số liệu công bố) trong biểu đồ này.",
        "en": "Demo rows (generated, not published figures) contribute to this chart.",
    },
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "more_sources": {
        "vi": "và {n} nguồn khác (xem bảng dữ liệu)",
        "en": "and {n} more (see the data table)",
    },
    "rows_behind": {
        "vi": "Bảng dữ liệu của biểu đồ ({n} dòng)",
        "en": "Data behind the chart ({n} rows)",
    },
    "all_sources": {"vi": "Tất cả nguồn", "en": "All sources"},
    "download_csv": {"vi": "Tải CSV", "en": "Download CSV"},
}
