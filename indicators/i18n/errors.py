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
    "err_demo_setting": {
        "vi": "Cấu hình PAR_DEMO = {text}: phải là 1 (bật dữ liệu minh họa) hoặc 0 (tắt)",
        "en": "setting PAR_DEMO = {text}: must be 1 (demo data on) or 0 (off)",
    },
    # --- boundary files (indicators.geo.BoundaryUnavailable) ---------------------------------
    "err_no_boundary_file": {
        "vi": "Không có tệp ranh giới cho cấp '{level}' vào ngày {day:%d/%m/%Y}.",
        "en": "No boundary file for level '{level}' on {day:%Y-%m-%d}.",
    },
}
