"""What a cell of an import file means that cannot be (indicators.importing.meaning): hidden
characters, over-long text, numbers that are infinite or far too large, years outside the
data's span, a unit that the row's index does not rank that year, a malformed address."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- text ---------------------------------------------------------------------------------
    "imp_control_char": {
        "vi": "ô có ký tự điều khiển không in được ({char}, ở vị trí {position}): hãy xoá ký tự đó hoặc gõ lại nội dung ô",
        "en": "the cell holds a non-printing control character ({char}, at position {position}): delete it or retype the cell",
    },
    "imp_invisible_char": {
        "vi": "ô có ký tự ẩn {char} ở vị trí {position} (ký tự không độ rộng hoặc đổi chiều viết: làm hai chữ trông giống hệt nhau mà khác nhau): hãy xoá ký tự đó hoặc gõ lại nội dung ô",
        "en": "the cell holds the invisible character {char} at position {position} (zero-width or a writing-direction control: it makes look-alike text): delete it or retype the cell",
    },
    "imp_text_too_long": {
        "vi": "nội dung quá dài ({length} ký tự, tối đa {limit}): hãy rút gọn",
        "en": "text too long ({length} characters, at most {limit}): shorten it",
    },
    # --- numbers and years --------------------------------------------------------------------
    "imp_not_finite": {
        "vi": "không phải số hữu hạn (vô cực hoặc vượt quá khả năng lưu trữ): hãy ghi số liệu thật, ví dụ 95,7",
        "en": "not a finite number (infinite, or beyond what can be stored): write the real figure, e.g. 95.7",
    },
    "imp_number_too_long": {
        "vi": "số quá dài ({digits} chữ số): hãy ghi số liệu thật, ví dụ 1234",
        "en": "number too long ({digits} digits): write the real figure, e.g. 1234",
    },
    "imp_number_too_large": {
        "vi": "số quá lớn: ghi một số không lớn hơn {limit}",
        "en": "number too large: write a number of at most {limit}",
    },
    "imp_year_range": {
        "vi": "năm {year} nằm ngoài khoảng {low}–{high}: hãy ghi năm của số liệu, ví dụ 2024",
        "en": "year {year} is outside {low}–{high}: write the year the figures are for, e.g. 2024",
    },
    "imp_date_range": {
        "vi": "ngày nằm ngoài khoảng năm {low}–{high}: hãy ghi ngày/tháng/năm thật, ví dụ 31/12/2024",
        "en": "the date is outside the years {low}–{high}: write the real day/month/year, e.g. 31/12/2024",
    },
    # --- a unit that the row's index does not rank that year ----------------------------------
    "imp_unit_not_in_index": {
        "vi": "{unit} ({code}) là {level}, không thuộc bộ chỉ số {index} năm {year}: bộ chỉ số này xếp hạng {expected}. Hãy ghi đúng đơn vị, hoặc sửa Bộ chỉ số hoặc Năm",
        "en": "{unit} ({code}) is {level}, not ranked by the {index} index in {year}: it ranks {expected}. Give such a unit, or fix the Index or the Year",
    },
    "imp_unit_level_province": {"vi": "cấp tỉnh", "en": "a province"},
    "imp_unit_level_district": {"vi": "cấp huyện", "en": "a district"},
    "imp_unit_level_commune": {"vi": "cấp xã", "en": "a commune"},
    "imp_ranks_hanoi_par_old": {
        "vi": "các quận, huyện, thị xã của Hà Nội (đến 30/6/2025)",
        "en": "Hanoi's districts (quận, huyện, thị xã; until 30 June 2025)",
    },
    "imp_ranks_hanoi_par_new": {
        "vi": "các xã, phường của Hà Nội từ 1/7/2025",
        "en": "Hanoi's communes and wards from 1 July 2025",
    },
    "imp_ranks_national_par_old": {
        "vi": "63 tỉnh, thành phố (đến 30/6/2025)",
        "en": "the 63 provinces (until 30 June 2025)",
    },
    "imp_ranks_national_par_new": {
        "vi": "34 tỉnh, thành phố từ 1/7/2025",
        "en": "the 34 provinces from 1 July 2025",
    },
    "imp_ranks_service_766_old": {
        "vi": "63 tỉnh, thành phố (đến 30/6/2025)",
        "en": "the 63 provinces (until 30 June 2025)",
    },
    "imp_ranks_service_766_new": {
        "vi": "34 tỉnh, thành phố từ 1/7/2025",
        "en": "the 34 provinces from 1 July 2025",
    },
    # --- addresses ----------------------------------------------------------------------------
    "imp_source_url_malformed": {
        "vi": "đường dẫn nguồn không hợp lệ (tên máy chủ hoặc cổng sai): hãy sao chép lại địa chỉ từ thanh địa chỉ của trình duyệt, ví dụ https://hanoi.gov.vn/tin-tuc",
        "en": "the source URL is malformed (bad host name or port): copy the address again from the browser's address bar, e.g. https://hanoi.gov.vn/tin-tuc",
    },
    # --- a stored dataset (indicators.validation) ---------------------------------------------
    "check_not_finite": {
        "vi": "không phải số hữu hạn hoặc quá lớn (trị tuyệt đối tối đa {limit})",
        "en": "not a finite number, or too large (absolute value at most {limit})",
    },
}
