"""Texts of the maps (indicators.map_charts) and of the chart images (indicators.chart_images)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- map indicators: label and unit (map_ind_<key>, map_unit_<key>) ------------------------
    "map_ind_par_score": {"vi": "Điểm Chỉ số CCHC", "en": "PAR index score"},
    # the same words as the score axis of the other charts (charts.py, axis_score)
    "map_unit_par_score": {"vi": "Điểm (% tối đa)", "en": "Score (% of maximum)"},
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
    # --- map page --------------------------------------------------------------------------
    "map_intro": {
        "vi": "Bản đồ của một năm vẽ các đơn vị có hiệu lực vào ngày 31/12 năm đó: với Chỉ số CCHC của Hà Nội là 30 quận, huyện, thị xã (đến 30/6/2025), 12 quận nội thành được phóng to bên cạnh; với PAR INDEX cấp tỉnh là 63 tỉnh, thành phố (đến năm 2024) hoặc 34 (từ năm 2025). Chọn bộ chỉ số và năm ở thanh bên. Bấm vào một đơn vị trên bản đồ để mở trang đơn vị.",
        "en": "A year's map draws the units valid on 31 December of that year: for Hanoi's PAR index, the 30 districts (until 30 June 2025), with the 12 inner-city districts zoomed in beside them; for the national PAR INDEX, the 63 provinces (until 2024) or the 34 (from 2025). Choose the index and the year in the sidebar. Click a unit on the map to open its profile.",
    },
    "map_colours": {
        "vi": "Màu: các đơn vị có số liệu được chia thành 5 nhóm, mỗi nhóm khoảng 1/5 số đơn vị, theo giá trị năm đó; màu vàng là nhóm tốt nhất, màu tím sẫm là nhóm cuối. Màu xám: Không có dữ liệu. Viền đỏ: {unit}.",
        "en": "Colours: the units with data are split into 5 groups of about 1/5 of the units each, by that year's values; yellow is the best group, dark purple the last. Grey: No data. Red outline: {unit}.",
    },
    # Hanoi from 1 July 2025 (indicators.geo.gap_note; also the reason no district map is drawn)
    "map_gap_note": {
        "vi": "Từ ngày 1/7/2025 không còn cấp quận, huyện: 30 quận, huyện, thị xã của Hà Nội được sắp xếp lại thành 126 xã, phường. Chưa có bản đồ ranh giới được phép dùng công khai cho 126 xã, phường mới, nên trang này chưa vẽ được bản đồ. Bảng dưới đây cho biết mỗi xã, phường mới được hình thành từ quận, huyện cũ nào.",
        "en": "Since 1 July 2025 there are no more districts: Hanoi's 30 districts were reorganised into 126 communes and wards. There is no openly licensed boundary map of the 126 new communes and wards yet, so this page cannot draw them. The table below shows which former districts each new commune or ward was formed from.",
    },
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
    "map_panel_whole": {"vi": "Toàn thành phố", "en": "The whole city"},
    "map_panel_core": {
        "vi": "Nội thành, phóng to: {n} quận",
        "en": "Inner city, zoomed in: {n} urban districts",
    },
    "map_core_frame": {
        "vi": "Nội thành: xem bản đồ phóng to",
        "en": "Inner city: see the zoomed-in map",
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
