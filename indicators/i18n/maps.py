"""Texts of the maps (indicators.map_charts) and of the chart images (indicators.chart_images)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- map indicators: label and unit (map_ind_<key>, map_unit_<key>) ------------------------
    "map_ind_par_score": {"vi": "Điểm Chỉ số CCHC", "en": "PAR index score"},
    "map_unit_par_score": {"vi": "Điểm (/100)", "en": "Score (/100)"},
    "map_ind_par_rank": {"vi": "Xếp hạng Chỉ số CCHC", "en": "PAR index rank"},
    "map_unit_par_rank": {"vi": "Hạng", "en": "Rank"},
    "map_ind_online_share": {
        "vi": "Tỷ lệ hồ sơ nộp trực tuyến",
        "en": "Share of dossiers submitted online",
    },
    "map_unit_online_share": {"vi": "% hồ sơ", "en": "% of dossiers"},
    "map_ind_on_time_rate": {
        "vi": "Tỷ lệ hồ sơ giải quyết đúng hạn",
        "en": "Dossiers resolved on time",
    },
    "map_unit_on_time_rate": {"vi": "% hồ sơ", "en": "% of dossiers"},
    "map_ind_shortened": {
        "vi": "Số thủ tục rút ngắn thời gian giải quyết",
        "en": "Procedures with shortened processing time",
    },
    "map_unit_shortened": {"vi": "Thủ tục", "en": "Procedures"},
    # --- map figure -------------------------------------------------------------------------
    "map_hover_rank": {"vi": "Hạng", "en": "Rank"},
    "map_hover_class": {"vi": "Nhóm", "en": "Class"},
    "map_hover_source": {"vi": "Nguồn", "en": "Source"},
    "map_has_demo": {"vi": "có số liệu minh họa", "en": "includes demo data"},
    "map_veil": {"vi": "Số liệu minh họa (nhạt)", "en": "Demo figures (faded)"},
    "map_title": {"vi": "{label}, năm {year}", "en": "{label}, {year}"},
    "map_where_district": {"vi": "{n} quận, huyện, thị xã Hà Nội", "en": "Hanoi's {n} districts"},
    "map_where_province": {"vi": "{n} tỉnh, thành phố", "en": "{n} provinces"},
    "map_where_merged": {
        "vi": " (sau sắp xếp từ 1/7/2025)",
        "en": " (after the merger of 1 July 2025)",
    },
    "map_island_paracel": {"vi": "QĐ. Hoàng Sa (Đà Nẵng)", "en": "Hoàng Sa archipelago (Đà Nẵng)"},
    "map_island_spratly": {
        "vi": "QĐ. Trường Sa (Khánh Hòa)",
        "en": "Trường Sa archipelago (Khánh Hòa)",
    },
    # --- chart images (PNG/SVG captions) ------------------------------------------------------
    "img_exported": {"vi": "Ngày xuất", "en": "Exported"},
    "img_demo": {
        "vi": "CÓ SỐ LIỆU MINH HỌA — KHÔNG PHẢI SỐ LIỆU CHÍNH THỨC",
        "en": "DEMO DATA SHOWN — NOT OFFICIAL FIGURES",
    },
    "err_browser_path": {
        "vi": "{env}={path} không phải tệp chạy được",
        "en": "{env}={path} is not an executable",
    },
    "err_no_chromium": {
        "vi": "Không tìm thấy Chromium để xuất ảnh biểu đồ: cài gói Debian `chromium` "
        "(apt-get install chromium) hoặc đặt {env}.",
        "en": "No Chromium found to render chart images: install Debian's `chromium` "
        "(apt-get install chromium) or set {env}.",
    },
}
