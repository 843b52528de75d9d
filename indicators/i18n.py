"""Every text of the dashboard in Vietnamese (default) and English, in one dict.

`t(key, lang, **values)` returns the text with `{placeholders}` filled in. Unit names, field
names and source titles are data, not UI text: they stay Vietnamese in both languages.
"""

from __future__ import annotations

from typing import Any

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"

STRINGS: dict[str, dict[str, str]] = {
    # --- application and navigation ---------------------------------------------------------
    "app_title": {"vi": "Chỉ số cải cách hành chính Hà Nội", "en": "Hanoi PAR indicators"},
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_rankings": {"vi": "Xếp hạng", "en": "Rankings"},
    "page_online": {"vi": "Dịch vụ công trực tuyến", "en": "Online public services"},
    "page_shortened": {"vi": "Rút ngắn thời gian giải quyết", "en": "Shortened procedures"},
    "page_timeliness": {"vi": "Tiến độ giải quyết hồ sơ", "en": "On-time resolution"},
    "page_unit": {"vi": "Hồ sơ đơn vị", "en": "Unit profile"},
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
    "unit_problem": {"vi": "{message}", "en": "{message}"},
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
    # --- the meeting pack: downloads, chart images, slide deck, presentation mode ----------
    "download": {"vi": "Tải về", "en": "Download"},
    "download_xlsx": {"vi": "Tải Excel (XLSX)", "en": "Download Excel (XLSX)"},
    "download_parquet": {"vi": "Tải Parquet", "en": "Download Parquet"},
    "download_data_of": {
        "vi": "Dữ liệu của biểu đồ ({n} dòng)",
        "en": "The chart's data ({n} rows)",
    },
    "download_image": {
        "vi": "Ảnh biểu đồ cỡ máy chiếu (1600×900, có tiêu đề, nguồn và ngày)",
        "en": "Chart image, projector size (1600×900, with title, sources and date)",
    },
    "download_png": {"vi": "Ảnh PNG", "en": "PNG image"},
    "download_svg": {"vi": "Ảnh SVG", "en": "SVG image"},
    "download_wait": {
        "vi": "Tệp được tạo khi bấm nút (ảnh mất vài giây).",
        "en": "Files are made when you click (an image takes a few seconds).",
    },
    "export_chart": {"vi": "Biểu đồ", "en": "Chart"},
    "download_deck": {"vi": "Tải bản trình chiếu (PPTX)", "en": "Download slides (PPTX)"},
    "deck_help": {
        "vi": "PowerPoint của {unit}, giai đoạn {period}: thông điệp chính, biểu đồ gốc chỉnh sửa được, nguồn và ghi chú cho người trình bày.",
        "en": "PowerPoint of {unit}, {period}: key messages, editable native charts, sources and speaker notes.",
    },
    "present_start": {"vi": "Trình chiếu", "en": "Present"},
    "present_help": {
        "vi": "Chế độ trình chiếu: chữ lớn, mỗi màn hình một biểu đồ, phím ← → để chuyển.",
        "en": "Presentation mode: large type, one chart per screen, ← → keys to move.",
    },
    "present_prev": {"vi": "Trước", "en": "Previous"},
    "present_next": {"vi": "Tiếp", "en": "Next"},
    "present_exit": {"vi": "Thoát trình chiếu", "en": "Exit presentation"},
    "present_counter": {"vi": "{i}/{n}", "en": "{i}/{n}"},
    "present_period": {"vi": "{unit} · {period}", "en": "{unit} · {period}"},
    "present_messages": {"vi": "Thông điệp chính", "en": "Key messages"},
    "present_no_messages": {
        "vi": "Chưa đủ số liệu để nêu thông điệp chính cho giai đoạn này.",
        "en": "Not enough figures for key messages in this period.",
    },
    "changes_since": {
        "vi": "Mũi tên: thay đổi so với năm {year}.",
        "en": "Arrows: change since {year}.",
    },
    "points": {"vi": "điểm %", "en": "pp"},
    "places": {"vi": "bậc", "en": "places"},
    "profile_link": {"vi": "Xem hồ sơ", "en": "Open profile"},
    "open_profile": {"vi": "Mở hồ sơ đơn vị: {unit}", "en": "Open the unit profile: {unit}"},
    "choose_unit_profile": {"vi": "Chọn đơn vị để xem hồ sơ", "en": "Choose a unit to profile"},
    # --- headline metrics ------------------------------------------------------------------
    "m_score": {"vi": "Điểm CCHC", "en": "PAR score"},
    "m_rank": {"vi": "Xếp hạng", "en": "Rank"},
    "m_proc_3": {"vi": "Thủ tục mức độ 3", "en": "Level-3 procedures"},
    "m_proc_4": {"vi": "Thủ tục mức độ 4", "en": "Level-4 procedures"},
    "m_proc_full": {"vi": "Thủ tục toàn trình", "en": "Fully online procedures"},
    "m_proc_partial": {"vi": "Thủ tục một phần", "en": "Partly online procedures"},
    "m_share_3": {"vi": "Nộp trực tuyến (mức độ 3)", "en": "Filed online (level 3)"},
    "m_share_4": {"vi": "Nộp trực tuyến (mức độ 4)", "en": "Filed online (level 4)"},
    "m_share_full": {"vi": "Nộp trực tuyến (toàn trình)", "en": "Filed online (full)"},
    "m_share_partial": {"vi": "Nộp trực tuyến (một phần)", "en": "Filed online (partial)"},
    "m_shortened": {"vi": "Thủ tục rút ngắn thời gian", "en": "Procedures shortened"},
    "m_on_time": {"vi": "Hồ sơ giải quyết đúng hạn", "en": "Dossiers on time"},
    "m_early": {"vi": "Hồ sơ giải quyết trước hạn", "en": "Dossiers early"},
    "col_metric": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col_value": {"vi": "Giá trị", "en": "Value"},
    # --- page headings ---------------------------------------------------------------------
    "overview_heading": {"vi": "{unit} – năm {year}", "en": "{unit} – {year}"},
    "city_heading": {"vi": "Bức tranh chung năm {year}", "en": "The whole picture in {year}"},
    "rankings_heading": {"vi": "Xếp hạng {index}", "en": "Rankings: {index}"},
    "rank_table_heading": {"vi": "Bảng xếp hạng năm {year}", "en": "Ranking table {year}"},
    "profile_heading": {"vi": "Hồ sơ {unit} – năm {year}", "en": "Profile of {unit} – {year}"},
    "online_heading": {"vi": "Dịch vụ công trực tuyến: {unit}", "en": "Online services: {unit}"},
    "shortened_heading": {
        "vi": "Rút ngắn thời gian giải quyết: {unit}, năm {year}",
        "en": "Shortened procedures: {unit}, {year}",
    },
    "timeliness_heading": {
        "vi": "Tiến độ giải quyết hồ sơ: {unit}",
        "en": "On-time resolution: {unit}",
    },
    "data_heading": {"vi": "Dữ liệu & tải về", "en": "Data & downloads"},
    "about_heading": {"vi": "Phương pháp & nguồn", "en": "Method & sources"},
    "map_heading": {"vi": "Bản đồ", "en": "Map"},
    # --- notes -----------------------------------------------------------------------------
    "note_766": {
        "vi": "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) được tính liên tục trên Cổng Dịch vụ công quốc gia: mỗi giá trị là một lần chụp tại một ngày (hoặc tháng). Năm nhóm chỉ tiêu, tối đa 18 + 20 + 22 + 22 + 18 = 100 điểm. Từ 1/7/2025 xếp hạng giữa 34 tỉnh, thành phố (trước đó 63). Đây là công cụ khác với Chỉ số CCHC và PAR INDEX: không xếp hạng chung.",
        "en": "The index of direction, administration and service quality for citizens and businesses (Decision 766/QĐ-TTg) is recomputed continuously on the National Public Service Portal: each value is a snapshot of a day (or month). Five groups, at most 18 + 20 + 22 + 22 + 18 = 100 points. Since 1 July 2025 it ranks 34 provinces (63 before). A different instrument from the PAR indexes: never ranked with them.",
    },
    "heading_766": {
        "vi": "Các lần công bố năm {year}",
        "en": "Snapshots published in {year}",
    },
    "no_766": {
        "vi": "Chưa có kết quả Chỉ số QĐ 766 được công bố năm {year}.",
        "en": "No Decision 766 result was published for {year}.",
    },
    "unit_766": {
        "vi": "{unit}: Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)",
        "en": "{unit}: serving citizens and businesses (Decision 766)",
    },
    "chart_766": {
        "vi": "{unit}: điểm Chỉ số QĐ 766 (tối đa 100) theo lần công bố",
        "en": "{unit}: Decision 766 score (of 100) by snapshot",
    },
    "axis_snapshot": {"vi": "Lần công bố", "en": "Snapshot"},
    "axis_points": {"vi": "Điểm", "en": "Points"},
    "national_note": {
        "vi": "PAR INDEX do Bộ Nội vụ đánh giá 63 tỉnh, thành phố: đây là công cụ khác với Chỉ số CCHC mà Hà Nội dùng để đánh giá các quận, huyện; không so sánh điểm của hai bộ chỉ số với nhau.",
        "en": "The PAR INDEX is the Ministry of Home Affairs' assessment of the 63 provinces: a different instrument from the index Hanoi uses for its districts; scores of the two are never compared.",
    },
    "method_note": {
        "vi": "Phương pháp đánh giá thay đổi năm {years}: so sánh điểm qua các mốc này chỉ mang tính tham khảo.",
        "en": "The assessment method changed in {years}: comparisons across these years are indicative only.",
    },
    "era_note": {
        "vi": "Đến năm 2021 thủ tục được phân theo mức độ 1–4 (Nghị định 43/2011/NĐ-CP); từ Nghị định 42/2022/NĐ-CP chỉ còn dịch vụ công trực tuyến toàn trình và một phần. Hai cách phân loại được tô bằng hai họ màu khác nhau và không cộng dồn.",
        "en": "Until 2021 procedures were classed in levels 1–4 (Decree 43/2011); from Decree 42/2022 online public services are either full or partial. The two classifications have distinct colour families and are never added up.",
    },
    "unit_no_index": {
        "vi": "{unit} chưa được xếp hạng trong bộ chỉ số nào (đơn vị mới từ 1/7/2025 chưa có dữ liệu chỉ số).",
        "en": "{unit} is not ranked in any index (units created on 1 July 2025 have no indicator data yet).",
    },
    "field_active": {"vi": "Lĩnh vực: {field}", "en": "Field: {field}"},
    "leaders_top": {"vi": "Năm {year}, dẫn đầu: {top}", "en": "In {year}, first: {top}"},
    "leaders_bottom": {"vi": "; cuối bảng: {bottom}", "en": "; last: {bottom}"},
    "leaders_bottom_only": {
        "vi": "Năm {year}, cuối bảng: {bottom}",
        "en": "In {year}, last: {bottom}",
    },
    "ranking_partial": {
        "vi": "Năm {year} mới có thứ hạng công bố của {shown}/{total} đơn vị; thứ hạng là thứ hạng đã công bố trong tổng số {total} đơn vị, không tính lại.",
        "en": "For {year}, ranks of {shown} of {total} units have been published; they are the published ranks among all {total} units, not recomputed.",
    },
    "rank_ties": {
        "vi": "Thứ hạng được tính lại từ điểm (làm tròn 2 chữ số; bằng điểm thì cùng hạng).",
        "en": "Ranks are recomputed from the scores (rounded to 2 decimals; equal scores share a rank).",
    },
    # --- charts ----------------------------------------------------------------------------
    "chart_bump": {
        "vi": "Thứ hạng theo {index}, {period}",
        "en": "Rank in the {index}, {period}",
    },
    "chart_scores": {"vi": "Điểm {index} năm {year}", "en": "{index} scores, {year}"},
    "legend_demo": {
        "vi": "Số liệu minh họa (nhạt, gạch chéo, điểm rỗng)",
        "en": "Demo figures (faded, hatched, hollow)",
    },
    "chart_best_average": {
        "vi": "{unit}: điểm so với cao nhất và trung bình, {period}",
        "en": "{unit}: score vs best and average, {period}",
    },
    "chart_levels": {
        "vi": "{unit}: số thủ tục theo mức độ trực tuyến, {period}",
        "en": "{unit}: procedures by online level, {period}",
    },
    "chart_share": {
        "vi": "{unit}: tỷ lệ hồ sơ nộp trực tuyến theo mức độ, {period}",
        "en": "{unit}: share of dossiers submitted online by level, {period}",
    },
    "chart_fields": {
        "vi": "{unit}: số thủ tục được rút ngắn thời gian theo lĩnh vực, năm {year}",
        "en": "{unit}: procedures with shortened time by field, {year}",
    },
    "chart_days": {
        "vi": "{unit}: số ngày theo quy định và cam kết của các thủ tục được rút ngắn nhiều nhất, năm {year}",
        "en": "{unit}: legal vs committed days of the most shortened procedures, {year}",
    },
    "chart_timeliness": {
        "vi": "{unit}: hồ sơ giải quyết trước hạn, đúng hạn, trễ hạn, {period}",
        "en": "{unit}: dossiers resolved early, on time and late, {period}",
    },
    "chart_trend": {
        "vi": "{unit}: tỷ lệ hồ sơ đúng hạn so với toàn thành phố, {period}",
        "en": "{unit}: on-time rate vs the whole city, {period}",
    },
    "axis_rank": {"vi": "Thứ hạng", "en": "Rank"},
    "axis_score": {"vi": "Điểm (% tối đa)", "en": "Score (% of maximum)"},
    "axis_year": {"vi": "Năm", "en": "Year"},
    "axis_procedures": {"vi": "Số thủ tục", "en": "Procedures"},
    "axis_share": {"vi": "Tỷ lệ (%)", "en": "Share (%)"},
    "axis_days": {"vi": "Số ngày", "en": "Days"},
    "series_unit": {"vi": "Đơn vị đã chọn", "en": "Selected unit"},
    "unit_level_province": {"vi": "Cấp tỉnh", "en": "Province level"},
    "unit_level_district": {"vi": "Cấp huyện", "en": "District level"},
    "unit_level_commune": {"vi": "Cấp xã", "en": "Commune level"},
    "era_levels": {"vi": "Mức độ 1–4 (đến 2022)", "en": "Levels 1–4 (until 2022)"},
    "era_forms": {
        "vi": "Toàn trình / một phần (NĐ 42/2022)",
        "en": "Full / partial (Decree 42/2022)",
    },
    "component_total": {"vi": "Tổng điểm", "en": "Total score"},
    "rank_basis_explicit": {"vi": "Nguồn nêu thứ hạng", "en": "Rank stated by the source"},
    "rank_basis_explicit_table": {
        "vi": "Bảng xếp hạng trong nguồn",
        "en": "Ranking table in the source",
    },
    "rank_basis_explicit_previous_year": {
        "vi": "Nêu trong bài của năm sau",
        "en": "Stated in a later year's report",
    },
    "rank_basis_order_in_text": {
        "vi": "Theo thứ tự nêu trong bài",
        "en": "Order given in the text",
    },
    "rank_basis_order_in_text_tie": {
        "vi": "Theo thứ tự nêu trong bài, đồng hạng",
        "en": "Order given in the text, tied",
    },
    "rank_basis_stated_last": {"vi": "Nguồn nêu: xếp cuối", "en": "Stated to be last"},
    "rank_basis_stated_lowest": {"vi": "Nguồn nêu: thấp nhất", "en": "Stated to be lowest"},
    "rank_basis_stated_bottom3": {
        "vi": "Nguồn nêu: trong 3 đơn vị thấp nhất",
        "en": "Stated to be among the lowest 3",
    },
    "rank_basis_bottom5_list": {
        "vi": "Trong danh sách 5 đơn vị thấp nhất",
        "en": "In the list of the lowest 5",
    },
    "rank_basis_bottom_group": {
        "vi": "Trong nhóm thấp nhất",
        "en": "In the lowest group",
    },
    "rank_basis_implied_by_change": {
        "vi": "Suy ra từ thứ hạng và mức tăng, giảm đã công bố",
        "en": "Implied by a published rank and change",
    },
    "rank_basis_stated_runner_up": {
        "vi": "Nguồn nêu: xếp sau đơn vị dẫn đầu",
        "en": "Stated runner-up",
    },
    "rank_basis_stated_second_last": {"vi": "Nguồn nêu: xếp áp chót", "en": "Stated second last"},
    "ranked_by_scores": {"vi": "Tính từ điểm của mọi đơn vị", "en": "From every unit's score"},
    "ranked_by_published": {"vi": "Thứ hạng đã công bố", "en": "The published rank"},
    "rank_basis_conflict": {
        "vi": "Các nguồn nêu khác nhau (xem ghi chú)",
        "en": "Sources differ (see the note)",
    },
    "series_best": {"vi": "Cao nhất", "en": "Best"},
    "series_average": {"vi": "Trung bình", "en": "Average"},
    "series_city": {"vi": "Toàn thành phố (các quận, huyện)", "en": "Whole city (all districts)"},
    "series_legal": {"vi": "Theo quy định", "en": "Legal"},
    "series_committed": {"vi": "Cam kết", "en": "Committed"},
    "series_early": {"vi": "Trước hạn", "en": "Early"},
    "series_on_time_only": {"vi": "Đúng hạn (không tính trước hạn)", "en": "On time (not early)"},
    "series_late": {"vi": "Trễ hạn", "en": "Late"},
    "level_1": {"vi": "Mức độ 1", "en": "Level 1"},
    "level_2": {"vi": "Mức độ 2", "en": "Level 2"},
    "level_3": {"vi": "Mức độ 3", "en": "Level 3"},
    "level_4": {"vi": "Mức độ 4", "en": "Level 4"},
    "level_full": {"vi": "Toàn trình", "en": "Full online"},
    "level_partial": {"vi": "Một phần", "en": "Partly online"},
    "level_none": {"vi": "Chỉ cung cấp thông tin", "en": "Information only"},
    "level_unknown": {"vi": "Không rõ mức độ", "en": "Level unknown"},
    "decree_42": {
        "vi": "Nghị định 42/2022: toàn trình / một phần",
        "en": "Decree 42/2022: full / partial",
    },
    "method_change": {"vi": "Đổi phương pháp {year}", "en": "Method change {year}"},
    # --- tables ----------------------------------------------------------------------------
    "col_rank": {"vi": "Hạng", "en": "Rank"},
    "col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "col_score": {"vi": "Điểm", "en": "Score"},
    "col_rank_change": {"vi": "Thay đổi hạng", "en": "Rank change"},
    "col_score_change": {"vi": "Thay đổi điểm", "en": "Score change"},
    "col_profile": {"vi": "Hồ sơ", "en": "Profile"},
    # --- unit story ------------------------------------------------------------------------
    "story_rank": {
        "vi": "Năm {year}, {unit} xếp {rank}{score}{change}.",
        "en": "In {year}, {unit} ranked {rank}{score}{change}.",
    },
    "story_score": {"vi": " với {score}", "en": " with {score}"},
    "story_up": {"vi": ", tăng {n} bậc so với năm {year}", "en": ", up {n} from {year}"},
    "story_down": {"vi": ", giảm {n} bậc so với năm {year}", "en": ", down {n} from {year}"},
    "story_same": {
        "vi": ", giữ nguyên thứ hạng so với năm {year}",
        "en": ", the same rank as in {year}",
    },
    "story_levels": {
        "vi": "Năm {year}, {unit} cung cấp {a} thủ tục trực tuyến mức độ 3 và {b} thủ tục mức độ 4.",
        "en": "In {year}, {unit} offered {a} procedures online at level 3 and {b} at level 4.",
    },
    "story_forms": {
        "vi": "Năm {year}, {unit} cung cấp {a} thủ tục trực tuyến toàn trình và {b} thủ tục một phần.",
        "en": "In {year}, {unit} offered {a} fully online procedures and {b} partly online ones.",
    },
    "story_shares_levels": {
        "vi": "Năm {year}, tỷ lệ hồ sơ nộp trực tuyến của thủ tục mức độ 3 và mức độ 4 tại {unit} lần lượt đạt {a} và {b}.",
        "en": "In {year}, {a} and {b} of the dossiers of level-3 and level-4 procedures of {unit} respectively were filed online.",
    },
    "story_shares_forms": {
        "vi": "Năm {year}, tỷ lệ hồ sơ nộp trực tuyến của thủ tục toàn trình và một phần tại {unit} lần lượt đạt {a} và {b}.",
        "en": "In {year}, {a} and {b} of the dossiers of fully and partly online procedures of {unit} respectively were filed online.",
    },
    "story_time": {
        "vi": "Năm {year}, {unit} giải quyết đúng hạn {on_time} hồ sơ{early}.",
        "en": "In {year}, {unit} resolved {on_time} of dossiers on time{early}.",
    },
    "story_early": {"vi": ", trong đó {early} trước hạn", "en": ", {early} ahead of time"},
    "story_short": {
        "vi": "Năm {year}, {unit} rút ngắn thời gian giải quyết {n} thủ tục so với quy định.",
        "en": "In {year}, {unit} resolved {n} procedures in less time than the law allows.",
    },
    "story_short_none": {
        "vi": "Năm {year}, {unit} chưa có thủ tục nào được rút ngắn thời gian giải quyết so với quy định.",
        "en": "In {year}, no procedure of {unit} was resolved in less time than the law allows.",
    },
    "more_than": {"vi": "hơn", "en": "more than"},
    "at_least": {"vi": "ít nhất", "en": "at least"},
    "less_than": {"vi": "dưới", "en": "less than"},
    "at_most": {"vi": "nhiều nhất", "en": "at most"},
    "story_none": {
        "vi": "Chưa có số liệu công bố cho {unit} năm {year}.",
        "en": "No published figures for {unit} in {year} yet.",
    },
    # --- data page -------------------------------------------------------------------------
    "data_table": {"vi": "Bảng", "en": "Table"},
    "only_my_unit": {"vi": "Chỉ đơn vị của tôi", "en": "Only my unit"},
    "table_scores": {"vi": "Điểm và thứ hạng", "en": "Scores and ranks"},
    "table_figures": {"vi": "Số liệu công bố khác", "en": "Other published figures"},
    "table_levels": {"vi": "Thủ tục theo mức độ trực tuyến", "en": "Procedures by online level"},
    "table_online_share": {"vi": "Tỷ lệ hồ sơ trực tuyến", "en": "Share of dossiers online"},
    "table_shortened": {"vi": "Thủ tục rút ngắn thời gian", "en": "Shortened procedures"},
    "table_timeliness": {"vi": "Tiến độ giải quyết hồ sơ", "en": "On-time resolution"},
    "data_intro": {
        "vi": "Các bảng đứng sau biểu đồ, lọc theo bộ lọc bên trái ({y0}–{y1}). Tệp CSV mã hóa UTF-8 có BOM, mở được bằng Excel.",
        "en": "The tables behind the charts, filtered by the sidebar ({y0}–{y1}). CSV files are UTF-8 with BOM, so Excel opens them correctly.",
    },
    # --- data page: updating the data (ui/admin.py) ----------------------------------------
    "update_heading": {"vi": "Cập nhật số liệu", "en": "Updating the data"},
    "templates_heading": {"vi": "Mẫu nhập số liệu", "en": "Templates"},
    "templates_intro": {
        "vi": "Tải mẫu, điền mỗi dòng một số liệu (trang «Hướng dẫn» của tệp Excel giải thích từng cột), rồi gửi cho quản trị viên hoặc tự tải lên bên dưới.",
        "en": "Download a template and fill in one figure per row (the «Hướng dẫn» sheet of the Excel file explains every column), then send it to the administrator or upload it below.",
    },
    "import_table_par_scores": {"vi": "Điểm Chỉ số CCHC", "en": "PAR index scores"},
    "import_table_procedures": {"vi": "Thủ tục hành chính", "en": "Administrative procedures"},
    "import_table_dossier_stats": {"vi": "Số liệu hồ sơ", "en": "Dossier figures"},
    "template_xlsx": {"vi": "Mẫu Excel (.xlsx)", "en": "Excel template (.xlsx)"},
    "template_csv": {"vi": "Mẫu CSV", "en": "CSV template"},
    "upload_heading": {
        "vi": "Tải lên và nhập số liệu (quản trị viên)",
        "en": "Upload and import (administrator)",
    },
    "upload_off": {
        "vi": "Chức năng tải lên đang tắt vì chưa đặt mật khẩu quản trị. Để bật: đặt biến môi trường `PAR_ADMIN_PASSWORD` (hoặc khóa `PAR_ADMIN_PASSWORD` trong tệp `.streamlit/secrets.toml`, không đưa tệp này lên kho mã) rồi khởi động lại ứng dụng. Không cần giao diện, có thể kiểm tra và nhập tệp bằng lệnh `python -m indicators validate TỆP` và `python -m indicators import TỆP`.",
        "en": "Upload is off: no administrator password is set. To turn it on, set the environment variable `PAR_ADMIN_PASSWORD` (or the key `PAR_ADMIN_PASSWORD` in `.streamlit/secrets.toml`, which must never be committed) and restart the app. Without the web page, files can be checked and imported with `python -m indicators validate FILE` and `python -m indicators import FILE`.",
    },
    "admin_name": {
        "vi": "Tên của bạn (ghi vào nhật ký nhập)",
        "en": "Your name (written to the import log)",
    },
    "admin_password": {"vi": "Mật khẩu quản trị", "en": "Administrator password"},
    "sign_in": {"vi": "Đăng nhập", "en": "Sign in"},
    "wrong_password": {"vi": "Sai mật khẩu.", "en": "Wrong password."},
    "sign_in_wait": {
        "vi": "Đã có quá nhiều lần nhập sai mật khẩu; hãy thử lại sau {seconds} giây.",
        "en": "Too many wrong passwords; try again in {seconds} seconds.",
    },
    "signed_in_as": {
        "vi": "Đã đăng nhập: {who}. Số liệu được nhập vào nguồn dữ liệu: {source}",
        "en": "Signed in: {who}. Figures are imported into the data source: {source}",
    },
    "sign_out": {"vi": "Đăng xuất", "en": "Sign out"},
    "upload_table": {"vi": "Loại số liệu", "en": "Kind of figures"},
    "upload_table_auto": {
        "vi": "Tự nhận biết theo tiêu đề cột",
        "en": "Recognised from the column headers",
    },
    "upload_file": {
        "vi": "Tệp số liệu (.xlsx hoặc .csv, tối đa {mb} MB)",
        "en": "Data file (.xlsx or .csv, at most {mb} MB)",
    },
    "upload_help": {
        "vi": "Tệp được kiểm tra ngay khi tải lên; chưa có gì được ghi cho đến khi bấm «Nhập số liệu». Công thức và macro trong tệp không bao giờ được chạy.",
        "en": "The file is checked as soon as it is uploaded; nothing is written until you press «Import». Formulas and macros in the file are never run.",
    },
    "file_valid": {
        "vi": "Tệp hợp lệ: {added} dòng mới và {replaced} dòng thay thế trong bảng «{table}». Bấm «Nhập số liệu» để ghi.",
        "en": "The file is valid: {added} new rows and {replaced} replaced rows in «{table}». Press «Import» to write them.",
    },
    "file_refused": {
        "vi": "Tệp bị từ chối: {n} lỗi. Không có gì được ghi; hãy sửa tệp theo bảng dưới đây rồi tải lên lại.",
        "en": "The file is refused: {n} problem(s). Nothing was written; fix the file as listed below and upload it again.",
    },
    "import_button": {"vi": "Nhập số liệu", "en": "Import"},
    "checking_file": {"vi": "Đang kiểm tra tệp…", "en": "Checking the file…"},
    "importing_file": {"vi": "Đang nhập số liệu…", "en": "Importing…"},
    "imported": {
        "vi": "Đã nhập: {added} dòng mới và {replaced} dòng thay thế trong bảng «{table}». Mọi trang đã hiển thị số liệu mới.",
        "en": "Imported: {added} new rows and {replaced} replaced rows in «{table}». Every page now shows the new figures.",
    },
    "import_failed": {
        "vi": "Không nhập được: {n} lỗi. Dữ liệu giữ nguyên.",
        "en": "Not imported: {n} problem(s). The data is unchanged.",
    },
    "full_report": {
        "vi": "Báo cáo đầy đủ (tiếng Việt / tiếng Anh)",
        "en": "Full report (Vietnamese / English)",
    },
    "rollback_heading": {"vi": "Quay lại phiên bản trước", "en": "Roll back"},
    "rollback_help": {
        "vi": "Bỏ lần nhập (hoặc lần quay lại) gần nhất: dữ liệu trước đó được dùng lại nguyên vẹn. Không có gì bị xóa và thao tác được ghi vào nhật ký.",
        "en": "Undo the latest import (or rollback): the data from before it is served again, unchanged. Nothing is deleted and the action is logged.",
    },
    "rollback_confirm": {
        "vi": "Tôi muốn quay lại phiên bản trước",
        "en": "I want to go back to the previous version",
    },
    "rollback_button": {"vi": "Quay lại", "en": "Roll back"},
    "rolled_back": {
        "vi": "Đã quay lại phiên bản trước. Mọi trang đã hiển thị số liệu của phiên bản đó.",
        "en": "Rolled back to the previous version. Every page now shows its figures.",
    },
    "rollback_failed": {"vi": "Không quay lại được.", "en": "Could not roll back."},
    "log_heading": {"vi": "Nhật ký nhập số liệu", "en": "Import log"},
    "log_empty": {
        "vi": "Chưa có lần nhập nào vào nguồn dữ liệu này.",
        "en": "No import into this data source yet.",
    },
    "log_col_at": {"vi": "Thời điểm (giờ Việt Nam)", "en": "When (Viet Nam time)"},
    "log_col_who": {"vi": "Người thực hiện", "en": "Who"},
    "log_col_action": {"vi": "Thao tác", "en": "Action"},
    "log_col_file": {"vi": "Tệp", "en": "File"},
    "log_col_table_name": {"vi": "Bảng", "en": "Table"},
    "log_col_added": {"vi": "Dòng mới", "en": "Rows added"},
    "log_col_replaced": {"vi": "Dòng thay thế", "en": "Rows replaced"},
    "log_col_version": {"vi": "Phiên bản", "en": "Version"},
    "log_action_import": {"vi": "nhập", "en": "import"},
    "log_action_rollback": {"vi": "quay lại", "en": "rollback"},
    "failure_col_table": {"vi": "Bảng / tệp", "en": "Table / file"},
    "failure_col_row": {"vi": "Dòng", "en": "Row"},
    "failure_col_column": {"vi": "Cột", "en": "Column"},
    "failure_col_value": {"vi": "Giá trị", "en": "Value"},
    "failure_col_rule": {"vi": "Quy tắc", "en": "Rule"},
    "failure_col_vi": {"vi": "Lỗi (tiếng Việt)", "en": "Problem (Vietnamese)"},
    "failure_col_en": {"vi": "Lỗi (tiếng Anh)", "en": "Problem (English)"},
    # --- map page --------------------------------------------------------------------------
    "map_intro": {
        "vi": "Bản đồ của một năm vẽ các đơn vị có hiệu lực vào ngày 31/12 năm đó: với Chỉ số CCHC của Hà Nội là 30 quận, huyện, thị xã (đến 30/6/2025); với PAR INDEX cấp tỉnh là 63 tỉnh, thành phố (đến năm 2024) hoặc 34 (từ năm 2025). Chọn bộ chỉ số và năm ở thanh bên. Bấm vào một đơn vị trên bản đồ để mở hồ sơ của đơn vị đó.",
        "en": "A year's map draws the units valid on 31 December of that year: for Hanoi's PAR index, the 30 districts (until 30 June 2025); for the national PAR INDEX, the 63 provinces (until 2024) or the 34 (from 2025). Choose the index and the year in the sidebar. Click a unit on the map to open its profile.",
    },
    "map_indicator": {"vi": "Chỉ tiêu trên bản đồ", "en": "Indicator on the map"},
    "map_colours": {
        "vi": "Màu: 5 nhóm theo ngũ phân vị của năm (thang màu Viridis, dễ đọc với người mù màu); màu vàng là nhóm tốt nhất. Màu xám: Không có dữ liệu. Viền đỏ: {unit}.",
        "en": "Colours: 5 quantile classes of the year (Viridis scale, colour-blind safe); yellow is the best class. Grey: No data. Red outline: {unit}.",
    },
    "map_all_missing": {
        "vi": "Không có dữ liệu «{indicator}» cho các đơn vị này năm {year}: mọi đơn vị được tô màu xám.",
        "en": "There is no data for «{indicator}» for these units in {year}: every unit is grey.",
    },
    "map_boundaries": {"vi": "Ranh giới", "en": "Boundaries"},
    "map_communes_heading": {
        "vi": "126 xã, phường của Hà Nội theo quận, huyện cũ",
        "en": "Hanoi's 126 communes and wards by former district",
    },
    "map_communes_count": {
        "vi": "{rows} dòng: {new} xã, phường mới và {old} quận, huyện cũ. Một xã, phường hình thành từ nhiều quận, huyện cũ có một dòng dưới mỗi quận, huyện đó. Điểm và thứ hạng của quận, huyện cũ không chuyển sang các đơn vị mới.",
        "en": "{rows} rows: {new} new communes and wards and {old} former districts. A commune or ward formed from several former districts has one row under each of them. The former districts' scores and ranks do not carry over to the new units.",
    },
    "map_see_districts": {
        "vi": "Xem bản đồ 30 quận, huyện năm {year}",
        "en": "See the map of the 30 districts in {year}",
    },
    # --- about page ------------------------------------------------------------------------
    "about_demo_title": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "about_demo": {
        "vi": "Mặc định, bảng điều khiển chỉ hiển thị số liệu đã công bố (kèm nguồn và trích đoạn) và số liệu do cơ quan nhập. Nơi chưa có số liệu công bố, trang ghi rõ «chưa có số liệu công bố» và chỉ ra năm hoặc đơn vị có số liệu. Công tắc «Dữ liệu minh họa» ở thanh bên (hoặc `demo=1` trên địa chỉ) thêm số liệu do máy sinh ra vào các chỗ trống để xem thử biểu đồ: số liệu này không phải số liệu chính thức, được tạo sao cho không mâu thuẫn với bất kỳ số liệu công bố nào (thứ hạng, danh sách dẫn đầu và cuối bảng, số trung bình, số đơn vị tăng điểm…), và được vẽ nhạt, có gạch chéo hoặc điểm rỗng; mọi thẻ số liệu, trang trình chiếu và tệp tải về có số liệu minh họa đều ghi rõ. Câu nhận định không bao giờ nêu số liệu minh họa như sự thật.",
        "en": "By default the dashboard shows only published figures (with their source and excerpt) and data an office imported. Where nothing is published, the page says so and points to the years or units that have figures. The “Demo data” switch in the sidebar (or `demo=1` in the address) fills the gaps with generated figures to try the charts out: they are not official figures, are made so that they never contradict a published one (ranks, top and bottom lists, averages, counts of units that improved…), and are drawn faded, hatched or hollow; every card, slide and downloaded file they reach says so. No key-message sentence states a generated figure as a fact.",
    },
    "about_caveats_title": {"vi": "Lưu ý khi đọc số liệu", "en": "Caveats"},
    "caveat_indexes": {
        "vi": "**Hai bộ chỉ số khác nhau.** Chỉ số CCHC của Hà Nội do UBND Thành phố đánh giá các quận, huyện, thị xã (và sở, ngành); PAR INDEX do Bộ Nội vụ đánh giá 63 tỉnh, thành phố. Tiêu chí và cách chấm khác nhau, nên hai bộ chỉ số không bao giờ được vẽ trên cùng một trục.",
        "en": "**Two different instruments.** Hanoi's PAR index is the City People's Committee's assessment of its districts (and departments); the PAR INDEX is the Ministry of Home Affairs' assessment of the 63 provinces. Criteria and scoring differ, so the two are never drawn on one axis.",
    },
    "caveat_methods": {
        "vi": "**Thay đổi phương pháp năm 2017 và 2022.** Năm 2017 PAR INDEX cấp tỉnh gồm 8 lĩnh vực, 38 tiêu chí (65,5 điểm tự đánh giá, 34,5 điểm điều tra xã hội học); năm 2022 gồm 8 lĩnh vực, 37 tiêu chí, 88 tiêu chí thành phần (68 và 32 điểm). So sánh điểm qua các mốc này chỉ mang tính tham khảo.",
        "en": "**Method changes in 2017 and 2022.** In 2017 the provincial PAR INDEX had 8 fields and 38 criteria (65.5 points of self-assessment, 34.5 from the survey); in 2022 8 fields, 37 criteria and 88 sub-criteria (68 and 32 points). Comparing scores across these years is indicative only.",
    },
    "caveat_levels": {
        "vi": "**Mức độ dịch vụ công trực tuyến.** Đến năm 2022 thủ tục được phân theo mức độ 1–4 (Nghị định 43/2011/NĐ-CP). Nghị định 42/2022/NĐ-CP (hiệu lực từ 1/8/2022) thay bằng dịch vụ công trực tuyến «toàn trình» và «một phần». Hai cách phân loại không cộng dồn và không so sánh trực tiếp.",
        "en": "**Online service levels.** Until 2022 procedures were classed in levels 1–4 (Decree 43/2011). Decree 42/2022 (in force from 1 August 2022) replaced them with «full» (toàn trình) and «partial» (một phần) online services. The two classifications are never added up or compared directly.",
    },
    "caveat_reorg": {
        "vi": "**Sắp xếp đơn vị hành chính từ 1/7/2025.** Cấp huyện chấm dứt hoạt động; cả nước từ 63 còn 34 tỉnh, thành phố (Nghị quyết 202/2025/QH15); Hà Nội có 126 xã, phường. Điểm và thứ hạng của các quận, huyện không chuyển sang các xã, phường mới (nhiều phường mới trải trên nhiều quận cũ), nên lịch sử được trình bày theo 30 quận, huyện cũ và các đơn vị mới hiện «Không có dữ liệu».",
        "en": "**Reorganisation of 1 July 2025.** The district level was abolished; the country went from 63 to 34 provinces (Resolution 202/2025/QH15); Hanoi now has 126 communes and wards. District scores and ranks do not carry over to the new units (many new wards span several former districts), so history is shown on the 30 former districts and the new units show «No data».",
    },
    "caveat_ranks": {
        "vi": "**Thứ hạng.** Năm chỉ công bố một phần bảng xếp hạng thì hiển thị đúng thứ hạng đã công bố trong tổng số đơn vị (ví dụ «thứ 2/30»), không tính lại giữa vài đơn vị có số liệu. Năm có đủ điểm của mọi đơn vị thì thứ hạng được tính từ điểm theo cách xếp hạng cạnh tranh (1, 2, 2, 4) sau khi làm tròn 2 chữ số, chỉ giữa các đơn vị cùng cấp và cùng thời kỳ, và phải khớp với thứ hạng đã công bố.",
        "en": "**Ranks.** A year of which only part of the ranking was published shows the published ranks among all units (e.g. “2nd of 30”), never recomputed among the few units with figures. A year with every unit's score is ranked from the scores by competition ranking (1, 2, 2, 4) after rounding to 2 decimals, only among units of one level and period, and must agree with the published ranks.",
    },
    "about_sources_title": {"vi": "Nguồn dữ liệu ({n})", "en": "Data sources ({n})"},
    "about_maps_title": {
        "vi": "Bản đồ: ranh giới hành chính và giấy phép",
        "en": "Maps: administrative boundaries and licences",
    },
    "about_maps": {
        "vi": "Các tệp ranh giới nằm trong thư mục data/geo; nguồn gốc và những thay đổi đã thực hiện được ghi trong data/geo/SOURCES.md. Giấy phép của chúng (CC BY 3.0 IGO, CC BY-SA 4.0) yêu cầu ghi nguồn như sau. Chưa có tệp ranh giới có giấy phép mở cho 126 xã, phường của Hà Nội từ 1/7/2025, nên trang Bản đồ trình bày các đơn vị này dưới dạng bảng.",
        "en": "The boundary files are in data/geo; where they come from and what was changed is recorded in data/geo/SOURCES.md. Their licences (CC BY 3.0 IGO, CC BY-SA 4.0) require the following attribution. There is no openly licensed boundary file for Hanoi's 126 communes and wards from 1 July 2025, so the Map page shows them as a table.",
    },
    "source_kind_published": {"vi": "công bố chính thức", "en": "official publication"},
    "source_kind_article": {"vi": "bài báo", "en": "press article"},
    "source_kind_demo": {"vi": "minh họa", "en": "demo"},
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    return lang


def t(key: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
    """The text of `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = STRINGS[key][check_lang(lang)]
    return text.format(**values) if values else text
