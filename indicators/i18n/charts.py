"""Chart titles, axes, legends and hovers."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
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
        "vi": "{unit}: tỷ lệ hồ sơ trễ hạn và trước hạn, {period}",
        "en": "{unit}: share of dossiers resolved late and early, {period}",
    },
    "chart_trend": {
        "vi": "{unit}: tỷ lệ hồ sơ đúng hạn so với toàn thành phố, {period}",
        "en": "{unit}: on-time rate vs the whole city, {period}",
    },
    "axis_rank": {"vi": "Thứ hạng", "en": "Rank"},
    "axis_score": {"vi": "Điểm (% tối đa)", "en": "Score (% of maximum)"},
    "axis_year": {"vi": "Năm", "en": "Year"},
    "axis_year_on_time": {"vi": "Năm (tỷ lệ đúng hạn)", "en": "Year (on-time rate)"},
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
    "series_other_units": {"vi": "Các đơn vị khác", "en": "Other units"},
    "series_field": {"vi": "Số đơn vị được xếp hạng", "en": "Units ranked"},
    "series_middle_rank": {"vi": "Hạng giữa bảng", "en": "Middle rank"},
    "hover_ranked": {
        "vi": "%{customdata} đơn vị được xếp hạng",
        "en": "%{customdata} units ranked",
    },
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
}
