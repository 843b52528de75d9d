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
    "leaders": {
        "vi": "Năm {year}, dẫn đầu: **{top}** ({top_score}); cuối bảng: {bottom} ({bottom_score}).",
        "en": "In {year}, first: **{top}** ({top_score}); last: {bottom} ({bottom_score}).",
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
        "vi": "Năm {year}, {unit} xếp {rank} với {score}{change}.",
        "en": "In {year}, {unit} ranked {rank} with {score}{change}.",
    },
    "story_up": {"vi": ", tăng {n} bậc so với năm {year}", "en": ", up {n} from {year}"},
    "story_down": {"vi": ", giảm {n} bậc so với năm {year}", "en": ", down {n} from {year}"},
    "story_same": {
        "vi": ", giữ nguyên thứ hạng so với năm {year}",
        "en": ", the same rank as in {year}",
    },
    "story_levels": {
        "vi": "Đơn vị có {a} thủ tục trực tuyến mức độ 3 và {b} thủ tục mức độ 4{shares}.",
        "en": "The unit offered {a} procedures online at level 3 and {b} at level 4{shares}.",
    },
    "story_forms": {
        "vi": "Đơn vị có {a} thủ tục trực tuyến toàn trình và {b} thủ tục một phần{shares}.",
        "en": "The unit offered {a} fully online procedures and {b} partly online ones{shares}.",
    },
    "story_shares": {
        "vi": "; tỷ lệ hồ sơ nộp trực tuyến đạt {a} và {b}",
        "en": "; {a} and {b} of their dossiers were submitted online",
    },
    "story_time": {
        "vi": "{on_time} hồ sơ được giải quyết đúng hạn, trong đó {early} trước hạn{short}.",
        "en": "{on_time} of dossiers were resolved on time, {early} ahead of time{short}.",
    },
    "story_short": {
        "vi": "; {n} thủ tục được rút ngắn thời gian so với quy định",
        "en": "; {n} procedures had a shorter time than the legal one",
    },
    "story_none": {
        "vi": "Chưa có dữ liệu chỉ số cho {unit} năm {year}.",
        "en": "There is no indicator data for {unit} in {year} yet.",
    },
    # --- data page -------------------------------------------------------------------------
    "data_table": {"vi": "Bảng", "en": "Table"},
    "only_my_unit": {"vi": "Chỉ đơn vị của tôi", "en": "Only my unit"},
    "table_scores": {"vi": "Điểm và thứ hạng", "en": "Scores and ranks"},
    "table_levels": {"vi": "Thủ tục theo mức độ trực tuyến", "en": "Procedures by online level"},
    "table_online_share": {"vi": "Tỷ lệ hồ sơ trực tuyến", "en": "Share of dossiers online"},
    "table_shortened": {"vi": "Thủ tục rút ngắn thời gian", "en": "Shortened procedures"},
    "table_timeliness": {"vi": "Tiến độ giải quyết hồ sơ", "en": "On-time resolution"},
    "data_intro": {
        "vi": "Các bảng đứng sau biểu đồ, lọc theo bộ lọc bên trái ({y0}–{y1}). Tệp CSV mã hóa UTF-8 có BOM, mở được bằng Excel.",
        "en": "The tables behind the charts, filtered by the sidebar ({y0}–{y1}). CSV files are UTF-8 with BOM, so Excel opens them correctly.",
    },
    # --- map page --------------------------------------------------------------------------
    "map_placeholder": {
        "vi": "Bản đồ sẽ được bổ sung sau. Ranh giới 30 quận, huyện cũ của Hà Nội và 63/34 tỉnh, thành phố đã có trong thư mục data/geo; chưa có ranh giới 126 xã, phường mới của Hà Nội.",
        "en": "The map comes later. Boundaries of Hanoi's 30 former districts and of the 63/34 provinces are in data/geo; the boundaries of Hanoi's 126 new communes and wards are not available yet.",
    },
    # --- about page ------------------------------------------------------------------------
    "about_demo_title": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "about_demo": {
        "vi": "Nhiều dòng trong bộ dữ liệu đi kèm do bộ sinh dữ liệu có seed cố định của dự án tạo ra để lấp chỗ trống (cột demo = đúng). Chúng không phải số liệu công bố và không mâu thuẫn với số liệu công bố. Một số dòng minh họa vẫn ghi nguồn công bố vì chúng tái hiện một số liệu tổng hợp đã công bố (ví dụ 98,67% hồ sơ mức độ 3 nộp trực tuyến của Quận Nam Từ Liêm). Mọi biểu đồ có dòng minh họa đều mang nhãn «Dữ liệu minh họa».",
        "en": "Many rows of the bundled dataset come from the project's seeded generator, to fill gaps (column demo = true). They are not published figures and never contradict one. Some demo rows still cite a published source because they reproduce a published aggregate (e.g. Nam Từ Liêm's 98.67% of level-3 dossiers submitted online). Every chart with demo rows carries the «Demo data» badge.",
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
        "vi": "**Thứ hạng.** Thứ hạng được tính lại từ điểm theo cách xếp hạng cạnh tranh (1, 2, 2, 4) sau khi làm tròn 2 chữ số, chỉ giữa các đơn vị cùng cấp và cùng thời kỳ; thứ hạng công bố được giữ trong cột rank_published để đối chiếu.",
        "en": "**Ranks.** Ranks are recomputed from the scores by competition ranking (1, 2, 2, 4) after rounding to 2 decimals, only among units of one level and period; the published rank is kept in rank_published for comparison.",
    },
    "about_sources_title": {"vi": "Nguồn dữ liệu ({n})", "en": "Data sources ({n})"},
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
