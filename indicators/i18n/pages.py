"""Headline metrics, page headings, notes, tables and the unit's story."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
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
    "profile_heading": {
        "vi": "Trang đơn vị: {unit} – năm {year}",
        "en": "Unit page: {unit} – {year}",
    },
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
    "field_scope": {
        "vi": "Lĩnh vực: **{field}**. Số thủ tục, hồ sơ và tỷ lệ dưới đây chỉ tính lĩnh vực này, "
        "không phải số của cả đơn vị; điểm và thứ hạng CCHC là của cả đơn vị.",
        "en": "Field: **{field}**. The procedure and dossier counts and shares below are for this "
        "field only, not the unit's totals; the PAR score and rank are the whole unit's.",
    },
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
    # --- tables ----------------------------------------------------------------------------
    "col_rank": {"vi": "Hạng", "en": "Rank"},
    "col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "col_score": {"vi": "Điểm", "en": "Score"},
    "col_rank_change": {"vi": "Thay đổi hạng", "en": "Rank change"},
    "col_score_change": {"vi": "Thay đổi điểm", "en": "Score change"},
    "col_profile": {"vi": "Trang đơn vị", "en": "Unit page"},
    # --- unit story ------------------------------------------------------------------------
    "story_rank": {
        "vi": "Năm {year}, {unit} xếp {rank}{score}{change}.",
        "en": "In {year}, {unit} ranked {rank}{score}{change}.",
    },
    "story_score": {"vi": " với {score}", "en": " with {score}"},
    "rank_up": {"vi": "tăng {n} bậc", "en": "up {n} places"},
    "rank_down": {"vi": "tụt {n} bậc", "en": "down {n} places"},
    "rank_same": {"vi": "giữ nguyên thứ hạng", "en": "same rank"},
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
}
