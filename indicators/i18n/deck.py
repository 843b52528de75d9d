"""The meeting pack: downloads, chart images, the slide deck, presentation mode."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
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
    "profile_link": {"vi": "Xem", "en": "Open"},
    "open_profile": {"vi": "Mở trang đơn vị: {unit}", "en": "Open the unit page: {unit}"},
    "choose_unit_profile": {
        "vi": "Chọn đơn vị để mở trang đơn vị",
        "en": "Choose a unit to open its page",
    },
    # --- the slide deck's own words (indicators.deck) ---
    "deck_subtitle": {
        "vi": "Chỉ số cải cách hành chính (CCHC), {period}",
        "en": "Public administration reform (PAR) indicators, {period}",
    },
    "deck_what_data": {
        "vi": "Số liệu đã công bố (có nguồn trên từng trang) và số liệu do cơ quan nhập.",
        "en": "Published figures (each slide cites its sources) and data an office imported.",
    },
    "deck_messages": {"vi": "Thông điệp chính", "en": "Key messages"},
    "deck_no_messages": {
        "vi": "Không có dữ liệu cho giai đoạn này.",
        "en": "No data for this period.",
    },
    "deck_no_data": {"vi": "Không có dữ liệu cho giai đoạn này.", "en": "No data for this period."},
    "deck_ranks": {
        "vi": "Điểm và thứ hạng chỉ số CCHC, {period}",
        "en": "PAR index score and rank, {period}",
    },
    "deck_score": {"vi": "Điểm", "en": "Score"},
    "deck_score_of": {"vi": "Điểm năm {year}", "en": "Score, {year}"},
    "deck_rank": {"vi": "Thứ hạng (1 = cao nhất)", "en": "Rank (1 = best)"},
    "deck_rank_note": {
        "vi": "Thứ hạng: thứ hạng đã công bố trong tổng số đơn vị của năm; năm có đủ điểm của mọi đơn vị thì tính từ điểm (đồng điểm thì đồng hạng).",
        "en": "Ranks: the published rank among all units of the year; a year with every unit's score is ranked from the scores (equal scores share a rank).",
    },
    "deck_levels": {
        "vi": "Thủ tục trực tuyến theo mức độ, {period}",
        "en": "Procedures online by level, {period}",
    },
    "deck_era_note": {
        "vi": "Mức độ 1–4: Nghị định 43/2011 (đến năm 2022). Toàn trình / một phần: Nghị định 42/2022 (từ năm 2022). Hai cách phân loại không so sánh trực tiếp.",
        "en": "Levels 1–4: Decree 43/2011 (until 2022). Full / partial: Decree 42/2022 (from 2022). The two classifications are not directly comparable.",
    },
    "deck_era_levels": {"vi": "Mức độ 1–4", "en": "Levels 1–4"},
    "deck_era_forms": {"vi": "Toàn trình / một phần", "en": "Full / partial"},
    "deck_timeliness": {
        "vi": "Tiến độ giải quyết hồ sơ, {period}",
        "en": "Dossiers resolved on time, {period}",
    },
    "deck_on_time_rate": {"vi": "Đúng hạn (gồm trước hạn)", "en": "On time (early included)"},
    "deck_early_rate": {"vi": "Trước hạn", "en": "Early"},
    "deck_late_rate": {"vi": "Trễ hạn", "en": "Late"},
    "deck_rate_note": {
        "vi": "Tỷ lệ trên số hồ sơ đã giải quyết (đúng hạn + trễ hạn).",
        "en": "Rates of the dossiers resolved (on time + late).",
    },
    "deck_shortened": {
        "vi": "Thủ tục được rút ngắn thời gian giải quyết, {period}",
        "en": "Shortened procedures, {period}",
    },
    "deck_per_year": {"vi": "Số thủ tục rút ngắn theo năm", "en": "Shortened procedures per year"},
    "deck_per_field": {"vi": "Theo lĩnh vực, năm {year}", "en": "By field, {year}"},
    "deck_level_1": {"vi": "Mức độ 1", "en": "Level 1"},
    "deck_level_2": {"vi": "Mức độ 2", "en": "Level 2"},
    "deck_level_3": {"vi": "Mức độ 3", "en": "Level 3"},
    "deck_level_4": {"vi": "Mức độ 4", "en": "Level 4"},
    "deck_level_full": {"vi": "Toàn trình", "en": "Full"},
    "deck_level_partial": {"vi": "Một phần", "en": "Partial"},
    "deck_level_none": {"vi": "Chỉ cung cấp thông tin", "en": "Information only"},
    "deck_level_unknown": {"vi": "Chưa rõ mức độ", "en": "Level unknown"},
    "deck_file_prefix": {"vi": "bao-cao-cchc", "en": "par-report"},
    "deck_best_rank": {
        "vi": "Trong các năm có thứ hạng công bố giai đoạn {period}, thứ hạng cao nhất của {unit} là {rank}, đạt được {times} (năm {listed}).",
        "en": "Of the years with a published rank over {period}, the best rank of {unit} was {rank}, reached {times} ({listed}).",
    },
    "deck_times": {"vi": "{count} lần", "en": "{count} times"},
    "deck_times_1": {"vi": "1 lần", "en": "once"},
    "deck_times_2": {"vi": "2 lần", "en": "twice"},
    "deck_author": {"vi": "Bảng chỉ số CCHC", "en": "PAR indicators dashboard"},
    "deck_kicker": {
        "vi": "Báo cáo chỉ số cải cách hành chính",
        "en": "Public administration reform report",
    },
    "deck_comparison": {
        "vi": "{unit} giữa các đơn vị cùng bảng xếp hạng, năm {year}",
        "en": "{unit} among the units ranked with it, {year}",
    },
    "deck_comparison_none_title": {
        "vi": "So sánh với các đơn vị cùng bảng xếp hạng, {period}",
        "en": "Compared with the units ranked with it, {period}",
    },
    "deck_compare_note_all": {
        "vi": "Điểm chỉ số CCHC của cả {ranked} đơn vị được xếp hạng trong năm, cao nhất ở trên; cột đỏ: {unit}.",
        "en": "PAR index scores of all {ranked} units ranked that year, best at the top; red bar: {unit}.",
    },
    "deck_compare_note_some": {
        "vi": "Điểm chỉ số CCHC của {shown} trong số {ranked} đơn vị được xếp hạng trong năm: chỉ điểm đã công bố; cao nhất ở trên; cột đỏ: {unit}.",
        "en": "PAR index scores of {shown} of the {ranked} units ranked that year: published scores only; best at the top; red bar: {unit}.",
    },
    "deck_map_scores": {
        "vi": "Bản đồ điểm chỉ số CCHC, năm {year}",
        "en": "PAR index scores on the map, {year}",
    },
    "deck_map_scores_none_title": {
        "vi": "Bản đồ điểm chỉ số CCHC, {period}",
        "en": "PAR index scores on the map, {period}",
    },
    "deck_map_note": {
        "vi": "Màu: điểm của từng đơn vị, chia 5 nhóm bằng nhau về số đơn vị (vàng: cao nhất; xám: không có dữ liệu).",
        "en": "Colour: each unit's score, in 5 groups of equal size (yellow: highest; grey: no data).",
    },
    "deck_map_faded": {
        "vi": "Màu nhạt: số liệu minh họa.",
        "en": "Faded: demo data.",
    },
    "deck_hatched": {"vi": "Gạch chéo: số liệu minh họa.", "en": "Hatched: demo data."},
    "deck_panel_year": {"vi": "Năm {year}", "en": "In {year}"},
    "deck_panel_rank": {"vi": "Xếp {rank}", "en": "Ranked {rank}"},
    "deck_panel_score": {"vi": "{score} / {best} điểm", "en": "{score} of {best} points"},
    "deck_panel_generated": {
        "vi": "Số liệu minh họa, không phải số liệu chính thức",
        "en": "Demo data, not an official figure",
    },
    "deck_panel_read_compare": {
        "vi": "Cột đỏ: {unit}. Cột xám: các đơn vị khác.",
        "en": "Red bar: {unit}. Grey bars: the other units.",
    },
    "deck_panel_read_map": {
        "vi": "Viền đỏ: {unit}. Màu càng vàng, điểm càng cao.",
        "en": "Red outline: {unit}. The yellower, the higher the score.",
    },
}
