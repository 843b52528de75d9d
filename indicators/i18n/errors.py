"""Error messages (indicators.errors.BilingualError.of): rankings, filters, units, settings,
boundary files."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- rankings (indicators.rankings.RankingError) -------------------------------------------
    "err_rank_duplicated": {
        "vi": "{where}: đơn vị có nhiều hơn một điểm: {units}",
        "en": "{where}: units with more than one score: {units}",
    },
    "err_rank_unknown": {
        "vi": "{where}: mã đơn vị không có trong danh mục đơn vị: {units}",
        "en": "{where}: unit codes not in the units table: {units}",
    },
    "err_rank_not_valid": {
        "vi": "{where}: đơn vị không tồn tại trong năm {year}: {units}",
        "en": "{where}: units that did not exist in {year}: {units}",
    },
    "err_rank_levels": {
        "vi": "{where}: không xếp hạng chung các cấp khác nhau ({levels})",
        "en": "{where}: cannot rank units of different levels together ({levels})",
    },
    "err_rank_no_overlap": {
        "vi": "{where}: thời gian hiệu lực của các đơn vị không trùng nhau ({first} hết hiệu lực {end:%Y-%m-%d}, {last} có hiệu lực từ {start:%Y-%m-%d})",
        "en": "{where}: the units' periods of validity do not overlap ({first} valid until {end:%Y-%m-%d}, {last} valid from {start:%Y-%m-%d})",
    },
    # --- filters and units (indicators.selection, indicators.units) -------------------------
    "err_years_reversed": {
        "vi": "năm bắt đầu ({first}) sau năm kết thúc ({last})",
        "en": "the first year ({first}) is after the last year ({last})",
    },
    "err_unit_not_found": {
        "vi": "Không tìm thấy đơn vị '{query}'. Gần nhất: {hint}",
        "en": "Unit '{query}' not found. Closest: {hint}",
    },
    "err_unit_ambiguous": {
        "vi": "'{query}' khớp với nhiều đơn vị, hãy dùng mã: {listed}",
        "en": "'{query}' matches several units, use a code: {listed}",
    },
    # --- settings (indicators.settings.SettingInvalid) ----------------------------------------
    "err_refresh_minutes": {
        "vi": "Cấu hình PAR_REFRESH_MINUTES = {text}: phải là số phút ≥ 0 (0: không đọc lại)",
        "en": "setting PAR_REFRESH_MINUTES = {text}: must be a number of minutes ≥ 0 (0: never read again)",
    },
    "err_max_upload": {
        "vi": "Cấu hình PAR_MAX_UPLOAD_MB = {text}: phải là số megabyte lớn hơn 0 và không quá 1000000 (mặc định: 20)",
        "en": "setting PAR_MAX_UPLOAD_MB = {text}: must be a number of megabytes above 0 and at most 1000000 (default: 20)",
    },
    "err_demo_setting": {
        "vi": "Cấu hình PAR_DEMO = {text}: phải là 1 (bật dữ liệu minh họa) hoặc 0 (tắt)",
        "en": "setting PAR_DEMO = {text}: must be 1 (demo data on) or 0 (off)",
    },
    "err_limit_whole": {
        "vi": "Cấu hình {name} = {text}: phải là một số nguyên ≥ 1 (ví dụ 100000)",
        "en": "setting {name} = {text}: must be a whole number ≥ 1 (e.g. 100000)",
    },
    "err_limit_seconds": {
        "vi": "Cấu hình {name} = {text}: phải là một số giây > 0 (ví dụ 60 hoặc 0,5)",
        "en": "setting {name} = {text}: must be a number of seconds > 0 (e.g. 60 or 0.5)",
    },
    # --- boundary files (indicators.geo.BoundaryUnavailable) ---------------------------------
    "err_no_boundary_file": {
        "vi": "Không có tệp ranh giới cho cấp '{level}' vào ngày {day:%d/%m/%Y}.",
        "en": "No boundary file for level '{level}' on {day:%Y-%m-%d}.",
    },
    # --- rules across the columns of a row (indicators.schema, table_spec.RowRule) ---
    "rule_code_length": {
        "vi": "mã phải có 2 chữ số (tỉnh), 3 (huyện) hoặc 5 (xã)",
        "en": "code must have 2 digits (province), 3 (district) or 5 (commune)",
    },
    "rule_target_years": {
        "vi": "năm bắt đầu sau năm kết thúc",
        "en": "year_from is after year_to",
    },
    "rule_target_value": {
        "vi": "thiếu giá trị mục tiêu: ghi một số hoặc một giá trị bằng chữ",
        "en": "the target has no value: give a number or a value in words",
    },
    "rule_valid_order": {
        "vi": "ngày hết hiệu lực trước ngày có hiệu lực",
        "en": "valid_to is before valid_from",
    },
    "rule_versions_overlap": {
        "vi": "hai phiên bản của cùng một mã có hiệu lực chồng lên nhau",
        "en": "two versions of one code are valid on overlapping periods",
    },
    "rule_score_le_max": {"vi": "điểm lớn hơn điểm tối đa", "en": "score is above its maximum"},
    "rule_level_era": {
        "vi": "mức độ 1–4 chỉ dùng đến năm 2022; 'toàn trình'/'một phần' từ năm 2022 (Nghị định 42/2022)",
        "en": "levels 1-4 apply until 2022; 'full'/'partial' from 2022 (Decree 42/2022)",
    },
    "rule_committed_le_legal": {
        "vi": "số ngày cam kết lớn hơn số ngày theo quy định",
        "en": "committed days exceed the legal days",
    },
    "rule_online_le_received": {
        "vi": "số hồ sơ trực tuyến lớn hơn số hồ sơ tiếp nhận",
        "en": "submitted online exceeds received",
    },
    "rule_early_le_on_time": {
        "vi": "số hồ sơ trước hạn lớn hơn số hồ sơ đúng hạn (trước hạn là một phần của đúng hạn)",
        "en": "early exceeds on time (early is a part of on time)",
    },
    "rule_resolved_le_received": {
        "vi": "đúng hạn + trễ hạn lớn hơn số hồ sơ tiếp nhận",
        "en": "on time + late exceeds received",
    },
    "rule_one_granularity": {
        "vi": "một đơn vị trong một năm phải dùng một cấp chi tiết (tổng, theo tháng, lĩnh vực hoặc thủ tục), nếu không sẽ bị cộng hai lần",
        "en": "one unit and year must use one level of detail (total, month, field or procedure), else rows are counted twice",
    },
    "rule_resolved_date_status": {
        "vi": "ngày trả kết quả phải có khi và chỉ khi hồ sơ đã giải quyết",
        "en": "resolved_date must be set exactly when the status is resolved",
    },
    "rule_due_after_received": {
        "vi": "ngày hẹn trả trước ngày tiếp nhận",
        "en": "due_date is before received_date",
    },
    "rule_resolved_after_received": {
        "vi": "ngày trả kết quả trước ngày tiếp nhận",
        "en": "resolved_date is before received_date",
    },
    "rule_value_le_max": {
        "vi": "giá trị lớn hơn giá trị tối đa",
        "en": "value is above its maximum",
    },
    "rule_rank_le_units": {
        "vi": "thứ hạng lớn hơn số đơn vị được xếp hạng",
        "en": "rank is above the number of units ranked",
    },
}
