"""Application, navigation, filters, URL problems and words shared by every page."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- application and navigation ---------------------------------------------------------
    "app_title": {"vi": "Chỉ số cải cách hành chính Hà Nội", "en": "Hanoi PAR indicators"},
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_rankings": {"vi": "Xếp hạng", "en": "Rankings"},
    "page_online": {"vi": "Dịch vụ công trực tuyến", "en": "Online public services"},
    "page_shortened": {"vi": "Rút ngắn thời gian giải quyết", "en": "Shortened procedures"},
    "page_timeliness": {"vi": "Tiến độ giải quyết hồ sơ", "en": "On-time resolution"},
    "page_unit": {"vi": "Trang đơn vị", "en": "Unit page"},
    "page_map": {"vi": "Bản đồ", "en": "Map"},
    "page_data": {"vi": "Dữ liệu & tải về", "en": "Data & downloads"},
    "page_about": {"vi": "Phương pháp & nguồn", "en": "Method & sources"},
    # --- sidebar filters -------------------------------------------------------------------
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "lang_vi": {"vi": "Tiếng Việt", "en": "Tiếng Việt"},
    "lang_en": {"vi": "English", "en": "English"},
    "index": {"vi": "Bộ chỉ số", "en": "Index"},
    "index_hanoi_par": {
        "vi": "Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)",
        "en": "Hanoi's PAR index (districts)",
    },
    "index_national_par": {
        "vi": "PAR INDEX cấp tỉnh (Bộ Nội vụ)",
        "en": "National PAR INDEX (provinces)",
    },
    "index_service_766": {
        "vi": "Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
        "en": "Serving citizens and businesses (Decision 766)",
    },
    "index_service_766_short": {"vi": "Chỉ số QĐ 766", "en": "Decision 766 index"},
    "index_hanoi_par_short": {"vi": "Chỉ số CCHC Hà Nội", "en": "Hanoi PAR index"},
    "index_national_par_short": {"vi": "PAR INDEX cấp tỉnh", "en": "national PAR INDEX"},
    "year": {"vi": "Năm", "en": "Year"},
    "year_from": {"vi": "Từ năm", "en": "From"},
    "year_to": {"vi": "Đến năm", "en": "To"},
    "unit": {"vi": "Đơn vị của tôi", "en": "My unit"},
    "unit_help": {
        "vi": "Đơn vị này được tô màu trên mọi biểu đồ.",
        "en": "This unit is highlighted in every chart.",
    },
    "new_unit_suffix": {"vi": "(từ 1/7/2025)", "en": "(from 1 July 2025)"},
    "field": {"vi": "Lĩnh vực", "en": "Field"},
    "all_fields": {"vi": "Tất cả lĩnh vực", "en": "All fields"},
    "field_note": {
        "vi": "Lĩnh vực chỉ áp dụng cho thủ tục và hồ sơ, không áp dụng cho điểm CCHC.",
        "en": "The field filter applies to procedures and dossiers, not to PAR scores.",
    },
    "frame_missing": {
        "vi": "Trang này phải được mở qua dashboard.py; hãy tải lại trang.",
        "en": "This page must be opened through dashboard.py; please reload.",
    },
    "data_read_at": {
        "vi": "Số liệu đọc từ cơ sở dữ liệu lúc {at} (giờ Việt Nam); đọc lại sau mỗi {minutes} phút.",
        "en": "Data read from the database at {at} (Viet Nam time); read again every {minutes} minutes.",
    },
    "share_link": {
        "vi": "Địa chỉ trang này giữ nguyên bộ lọc: sao chép để chia sẻ.",
        "en": "This page's address keeps the filters: copy it to share the view.",
    },
    # --- URL problems ----------------------------------------------------------------------
    "bad_param": {
        "vi": "Giá trị '{value}' của tham số '{name}' không hợp lệ; dùng giá trị mặc định.",
        "en": "Value '{value}' of the parameter '{name}' is not valid; using the default.",
    },
    "year_outside": {
        "vi": "Năm {value} nằm ngoài phạm vi {first}–{last} của bộ chỉ số; hiển thị năm {year}.",
        "en": "Year {value} is outside the index's range {first}–{last}; showing {year}.",
    },
    # --- common ----------------------------------------------------------------------------
    "no_data": {"vi": "Không có dữ liệu", "en": "No data"},
    "no_data_for": {
        "vi": "Không có dữ liệu cho {unit} năm {year}.",
        "en": "No data for {unit} in {year}.",
    },
    "no_data_chart": {
        "vi": "Không có dữ liệu với bộ lọc đã chọn.",
        "en": "No data for the chosen filters.",
    },
    "no_data_titled": {
        "vi": "**{title}**: không có dữ liệu với bộ lọc đã chọn.",
        "en": "**{title}**: no data for the chosen filters.",
    },
    "partial_year": {
        "vi": "Số liệu hồ sơ năm {year} chỉ gồm tháng {months}, chưa phải cả năm.",
        "en": "Dossier figures for {year} cover only month(s) {months}, not the whole year.",
    },
    "demo_badge": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "not_published": {
        "vi": "Chưa có số liệu công bố năm {year} về: {items}.",
        "en": "No published figure for {year} on: {items}.",
    },
    "nothing_published": {
        "vi": "Chưa có số liệu công bố nào cho {unit}.",
        "en": "No published figures for {unit} yet.",
    },
    "not_published_year": {
        "vi": "Chưa có số liệu công bố năm {year} cho {unit} — năm gần nhất có số liệu: {near}.",
        "en": "No published figures for {unit} in {year} — nearest year with figures: {near}.",
    },
    "open_year": {"vi": "Xem năm {year}", "en": "Show {year}"},
    "headline_elsewhere": {
        "vi": "Năm {year}, {unit} chưa có số liệu công bố về các chỉ tiêu chính (điểm, thứ hạng, thủ tục, hồ sơ); các số liệu khác đã công bố có ở phần dưới.",
        "en": "In {year}, {unit} has no published figure on the main indicators (score, rank, procedures, dossiers); its other published figures are below.",
    },
    "published_heading": {"vi": "Số liệu đã công bố", "en": "Published figures"},
    "col_period": {"vi": "Kỳ", "en": "Period"},
    "col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col_excerpt": {"vi": "Trích đoạn nguồn", "en": "Excerpt of the source"},
    "topic_online": {"vi": "dịch vụ công trực tuyến", "en": "online public services"},
    "topic_timeliness": {"vi": "tiến độ giải quyết hồ sơ", "en": "on-time resolution"},
    "topic_shortened": {"vi": "rút ngắn thời gian giải quyết", "en": "shortened procedures"},
    "topic_unpublished": {
        "vi": "Chưa có số liệu công bố về {topic} của {unit} trong giai đoạn {period}.",
        "en": "No published figures on {topic} for {unit} in {period}.",
    },
    "topic_elsewhere": {
        "vi": "Có số liệu công bố về chủ đề này cho: {units}.",
        "en": "Published figures on this topic exist for: {units}.",
    },
    "topic_demo_hint": {
        "vi": "Muốn xem thử biểu đồ, bật «Dữ liệu minh họa» ở thanh bên (số liệu máy sinh, không phải số liệu chính thức).",
        "en": "To try the charts out, switch “Demo data” on in the sidebar (generated, not official figures).",
    },
    "period_partial": {"vi": "{year} (một phần năm)", "en": "{year} (part of the year)"},
    "period_quarter": {"vi": "quý {q}/{year}", "en": "Q{q} {year}"},
    "period_month": {"vi": "tháng {month}/{year}", "en": "{month}/{year}"},
    "period_day": {"vi": "{day}/{month}/{year}", "en": "{day}/{month}/{year}"},
}
