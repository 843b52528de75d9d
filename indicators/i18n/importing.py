"""What is wrong with a file sent for import (indicators.importing) or with a stored dataset
(indicators.validation, indicators.dataset): one message per problem, said to the person who
fixes the file."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- the file as a whole (importing.sniff, limits, reading, files) ---------------------------
    "imp_empty_file": {"vi": "tệp rỗng", "en": "the file is empty"},
    "imp_no_data": {"vi": "tệp không có dữ liệu", "en": "the file has no data"},
    "imp_no_file": {"vi": "không có tệp này", "en": "no such file"},
    "imp_not_spreadsheet": {
        "vi": "tệp không phải bảng tính mà là {what}; hãy mở tệp bằng Excel và chọn Lưu thành (Save As) > Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8",
        "en": "the file is not a spreadsheet but {what}; open it in Excel and Save As > Excel Workbook (.xlsx) or CSV UTF-8",
    },
    "imp_kind_png": {"vi": "ảnh PNG", "en": "a PNG image"},
    "imp_kind_jpeg": {"vi": "ảnh JPEG", "en": "a JPEG image"},
    "imp_kind_gif": {"vi": "ảnh GIF", "en": "a GIF image"},
    "imp_kind_pdf": {"vi": "tài liệu PDF", "en": "a PDF document"},
    "imp_kind_rtf": {"vi": "văn bản RTF", "en": "an RTF document"},
    "imp_kind_rar": {"vi": "tệp nén RAR", "en": "a RAR archive"},
    "imp_kind_7z": {"vi": "tệp nén 7z", "en": "a 7z archive"},
    "imp_kind_xls": {
        "vi": "tệp Excel 97-2003 (.xls) hoặc Word cũ",
        "en": "an Excel 97-2003 (.xls) or old Word file",
    },
    "imp_kind_html": {
        "vi": "trang HTML/XML (phần mềm báo cáo thường lưu như vậy dưới tên .xls)",
        "en": "an HTML/XML page (reporting software often saves one under an .xls name)",
    },
    "imp_kind_binary": {"vi": "tệp nhị phân không rõ loại", "en": "an unknown binary file"},
    "imp_kind_ods": {
        "vi": "bảng tính OpenDocument (.ods)",
        "en": "an OpenDocument spreadsheet (.ods)",
    },
    "imp_kind_word": {"vi": "văn bản Word", "en": "a Word document"},
    "imp_kind_zip": {"vi": "tệp nén ZIP", "en": "a ZIP archive"},
    # The English names the error's type ({error}); the Vietnamese leaves it out.
    "imp_damaged_zip": {
        "vi": "tệp Excel bị hỏng hoặc không đầy đủ; hãy lưu lại hoặc gửi lại tệp",
        "en": "the Excel file is damaged or incomplete ({error}); save or send it again",
    },
    "imp_damaged_xlsx": {
        "vi": "tệp Excel bị hỏng hoặc không đọc được; hãy mở bằng Excel và lưu lại thành .xlsx",
        "en": "the Excel file is damaged or unreadable ({error}); open it in Excel and save it again as .xlsx",
    },
    "imp_xml_doctype": {
        "vi": "tệp Excel chứa khai báo DOCTYPE/ENTITY (có thể là tệp độc hại): không nhập",
        "en": "the Excel file declares a DOCTYPE/ENTITY (possibly malicious): not imported",
    },
    "imp_too_large": {
        "vi": "tệp quá lớn ({size} MB, tối đa {limit} MB): hãy chia thành nhiều tệp hoặc xoá các trang tính không cần thiết",
        "en": "file too large ({size} MB, limit {limit} MB): split it or delete the sheets not needed",
    },
    "imp_too_large_unzipped": {
        "vi": "tệp Excel giải nén ra quá lớn (có thể là tệp độc hại): không nhập",
        "en": "the Excel file unpacks to far too much data (possibly malicious): not imported",
    },
    # --- the budget of reading a file (importing.limits.ReadBudget, importing.sniff) --------
    "imp_too_many_rows": {
        "vi": "tệp có hơn {limit} dòng{sheet}, quá giới hạn {limit} dòng (PAR_MAX_ROWS): hãy chia thành nhiều tệp, mỗi tệp không quá {limit} dòng, và xoá các dòng trống thừa",
        "en": "the file has more than {limit} rows{sheet}, over the limit of {limit} rows (PAR_MAX_ROWS): split it into files of at most {limit} rows each, and delete empty rows left over",
    },
    "imp_too_many_columns": {
        "vi": "dòng này có {count} ô{sheet}, quá giới hạn {limit} ô một dòng (PAR_MAX_COLUMNS): hãy xoá các cột thừa, hoặc kiểm tra dấu phân cách nếu là tệp CSV",
        "en": "this row has {count} cells{sheet}, over the limit of {limit} cells a row (PAR_MAX_COLUMNS): delete the extra columns, or check the separator of a CSV file",
    },
    "imp_too_many_cells": {
        "vi": "tệp có hơn {limit} ô{sheet}, quá giới hạn {limit} ô (PAR_MAX_CELLS): hãy chia thành nhiều tệp nhỏ hơn hoặc xoá các cột thừa",
        "en": "the file has more than {limit} cells{sheet}, over the limit of {limit} cells (PAR_MAX_CELLS): split it into smaller files or delete the extra columns",
    },
    "imp_read_too_slow": {
        "vi": "đọc tệp mất hơn {seconds} giây, quá giới hạn thời gian (PAR_READ_SECONDS), khi mới đọc được {rows} dòng: hãy chia thành nhiều tệp nhỏ hơn",
        "en": "reading the file took more than {seconds} s, over the time limit (PAR_READ_SECONDS), with {rows} rows read: split it into smaller files",
    },
    "imp_in_sheet": {"vi": " (trang tính '{sheet}')", "en": " (sheet '{sheet}')"},
    "imp_xml_encoding": {
        "vi": "tệp Excel có phần XML dùng bảng mã lạ ({encoding}; có thể là tệp độc hại): hãy mở bằng Excel và lưu lại thành .xlsx",
        "en": "a part of the Excel file uses an unusual encoding ({encoding}; possibly malicious): open it in Excel and save it again as .xlsx",
    },
    "imp_encoding": {
        "vi": "tệp không đọc được theo bảng mã {codec}: hãy lưu lại dưới dạng CSV UTF-8 hoặc .xlsx",
        "en": "the file is not valid {codec}: save it again as CSV UTF-8 or .xlsx",
    },
    "imp_legacy_encoding": {
        "vi": "tệp dùng bảng mã cũ {found} (phông .VnTime/VNI-Times), không phải Unicode. Hãy chuyển sang Unicode bằng Unikey: Công cụ chuyển mã (Ctrl+Shift+F6), Bảng mã nguồn: {source}, Bảng mã đích: Unicode, bấm Chuyển mã; rồi lưu thành .xlsx hoặc CSV UTF-8",
        "en": "the file uses the legacy {found} encoding (.VnTime/VNI-Times fonts), not Unicode. Convert it with Unikey's converter (Ctrl+Shift+F6): source {source}, destination Unicode; then save as .xlsx or CSV UTF-8",
    },
    "imp_bad_csv": {
        "vi": "tệp CSV sai cấu trúc ({error}): hãy mở bằng Excel và lưu lại dưới dạng CSV UTF-8",
        "en": "malformed CSV ({error}): open it in Excel and save it again as CSV UTF-8",
    },
    # --- headers (importing.headers) -------------------------------------------------------
    "imp_unrecognised_table": {
        "vi": "không nhận ra bảng: tiêu đề cột không khớp mẫu nào; hãy dùng tệp mẫu (python -m indicators template) hoặc chỉ rõ --table",
        "en": "cannot tell the table: the column headers match no template; use a template (python -m indicators template) or give --table",
    },
    "imp_which_table": {
        "vi": "không biết tệp dành cho bảng nào ({tables}): hãy chỉ rõ --table",
        "en": "cannot tell which table the file is for ({tables}): give --table",
    },
    "imp_duplicate_column": {
        "vi": "hai cột cùng là '{field}' (cột {columns}): hãy giữ một",
        "en": "two columns are '{field}' (columns {columns}): keep one",
    },
    # The English adds the field's name in the data ({name}).
    "imp_missing_column": {
        "vi": "thiếu cột '{field}'",
        "en": "column '{field}' ({name}) is missing",
    },
    "imp_missing_columns": {"vi": "thiếu cột: cần {fields}", "en": "column missing: give {fields}"},
    # --- cells (importing.values) ----------------------------------------------------------
    "imp_formula": {
        "vi": "ô bắt đầu bằng '=' hoặc '@' (công thức): hãy nhập giá trị, không nhập công thức",
        "en": "the cell starts with '=' or '@' (a formula): type the value, not a formula",
    },
    "imp_not_whole": {
        "vi": "không phải số nguyên (ví dụ 1234 hoặc 1.234)",
        "en": "not a whole number (e.g. 1234 or 1.234)",
    },
    "imp_not_number": {"vi": "không phải số (ví dụ 95,7)", "en": "not a number (e.g. 95.7)"},
    "imp_not_year": {
        "vi": "năm không hợp lệ: ghi 4 chữ số, ví dụ 2024",
        "en": "not a year: write 4 digits, e.g. 2024",
    },
    "imp_not_bool": {"vi": "ghi 'có' hoặc 'không'", "en": "write 'có' (yes) or 'không' (no)"},
    "imp_not_date": {
        "vi": "ngày không hợp lệ: ghi ngày/tháng/năm, ví dụ 31/12/2024",
        "en": "not a date: write day/month/year, e.g. 31/12/2024",
    },
    "imp_not_allowed": {
        "vi": "giá trị không cho phép (dùng: {shown})",
        "en": "value not allowed ({shown})",
    },
    # --- rows and what they refer to (importing.rows, references) ----------------------------
    "imp_no_rows": {
        "vi": "tệp không có dòng dữ liệu nào dưới dòng tiêu đề",
        "en": "the file has no data rows under the header",
    },
    "imp_template_example": {
        "vi": "đây là dòng ví dụ của tệp mẫu: hãy xoá hoặc ghi số liệu thật đè lên",
        "en": "this is the template's example row: delete it or overwrite it with real figures",
    },
    "imp_index_required": {
        "vi": "hãy ghi Bộ chỉ số (không suy ra được từ cấp của đơn vị)",
        "en": "give the index (it cannot be told from the unit's level)",
    },
    "imp_duplicate_key": {
        "vi": "trùng khóa ({names}) với dòng {row}: mỗi khóa chỉ một dòng",
        "en": "same key ({names}) as row {row}: one row per key",
    },
    "imp_target_levels": {
        "vi": "cấp áp dụng phải là 'tỉnh', 'huyện' hoặc 'xã' (nhiều cấp cách nhau bởi dấu ;)",
        "en": "levels must be 'tỉnh' (province), 'huyện' (district) or 'xã' (commune), "
        "separated by ;",
    },
    "imp_target_comparator": {
        "vi": "so sánh phải là ≥, >, ≤, <, = hoặc top",
        "en": "the comparator must be ≥, >, ≤, <, = or top",
    },
    "imp_unit_required": {"vi": "thiếu mã hoặc tên đơn vị", "en": "unit code or name missing"},
    "imp_total_row": {
        "vi": "dòng tổng cộng không phải một đơn vị: hãy xoá dòng này",
        "en": "a totals row is not a unit: delete this row",
    },
    "imp_unit_mismatch": {
        "vi": "mã {code} là {unit}, không phải '{name}': hãy sửa mã hoặc tên",
        "en": "code {code} is {unit}, not '{name}': fix the code or the name",
    },
    "imp_unknown_code": {
        "vi": "không có mã đơn vị '{code}' trong danh mục",
        "en": "unit code '{code}' is not in the list of units",
    },
    "imp_unknown_code_maybe": {
        "vi": "không có mã đơn vị '{code}' trong danh mục (có thể là: {variants})",
        "en": "unit code '{code}' is not in the list of units (maybe: {variants})",
    },
    "imp_unit_not_found": {
        "vi": "không tìm thấy đơn vị '{name}'. Gần nhất: {hint}",
        "en": "unit '{name}' not found. Closest: {hint}",
    },
    "imp_unit_ambiguous": {
        "vi": "'{name}' khớp với nhiều đơn vị, hãy ghi mã: {listed}",
        "en": "'{name}' matches several units, give the code: {listed}",
    },
    "imp_unit_not_in_year": {
        "vi": "{unit} ({code}) không tồn tại trong năm {year} (hiệu lực {start} – {end})",
        "en": "{unit} ({code}) did not exist in {year} (valid {start} – {end})",
    },
    "imp_source_url": {
        "vi": "đường dẫn nguồn phải bắt đầu bằng http:// hoặc https://",
        "en": "the source URL must start with http:// or https://",
    },
    "imp_unknown_source": {
        "vi": "không có nguồn '{source}' trong dữ liệu. Gần nhất: {hint}. Nguồn mới: để trống Mã nguồn, ghi Tên nguồn và Đường dẫn nguồn",
        "en": "no source '{source}' in the data. Closest: {hint}. For a new source leave the id empty and give its title and URL",
    },
    "imp_source_required": {
        "vi": "thiếu nguồn: ghi Mã nguồn của một nguồn đã có, hoặc Tên nguồn (và Đường dẫn nguồn) của nguồn mới",
        "en": "no source: give the id of an existing source, or the title (and URL) of a new one",
    },
    # --- importing into the stored data (importing.service) ---------------------------------
    "imp_stored_invalid": {
        "vi": "dữ liệu đã lưu không hợp lệ, hãy sửa trước (python -m indicators check)",
        "en": "the stored data is invalid; fix it first (python -m indicators check)",
    },
    "imp_rank_disagrees": {
        "vi": "{unit} năm {year} ({index}): thứ hạng tính từ điểm là {rank}, nhưng thứ hạng đã công bố là {published}",
        "en": "{unit} in {year} ({index}): the rank computed from the scores is {rank}, but the published rank is {published}",
    },
    "imp_busy": {
        "vi": "một lần nhập khác đang chạy quá lâu; hãy thử lại sau",
        "en": "another import has been running too long; try again later",
    },
    "imp_disk_full": {
        "vi": "ổ đĩa đã đầy nên không ghi được gì; dữ liệu không thay đổi. Hãy giải phóng dung lượng rồi thử lại",
        "en": "the disk is full, so nothing could be written; the data was not changed. Free some space and try again",
    },
    "imp_nothing_to_roll_back": {
        "vi": "không có phiên bản trước để quay lại",
        "en": "there is no earlier version to go back to",
    },
    # --- a stored dataset (indicators.validation, indicators.dataset) ------------------------
    "check_no_folder": {"vi": "không có thư mục dữ liệu này", "en": "no such data folder"},
    "check_unreadable": {
        "vi": "không đọc được tệp: {error}",
        "en": "cannot read the file: {error}",
    },
    "check_missing_table": {"vi": "thiếu bảng", "en": "table is missing"},
    "check_missing_column": {"vi": "thiếu cột", "en": "column is missing"},
    "check_type": {"vi": "không phải kiểu {kind}", "en": "not a valid {kind}"},
    "check_required": {"vi": "ô bắt buộc bị trống", "en": "required value is empty"},
    "check_duplicate_key": {"vi": "trùng khóa ({key})", "en": "duplicate key ({key})"},
    "check_allowed": {
        "vi": "giá trị không cho phép (cho phép: {allowed})",
        "en": "value not allowed ({allowed})",
    },
    "check_minimum": {"vi": "nhỏ hơn {limit}", "en": "below {limit}"},
    "check_maximum": {"vi": "lớn hơn {limit}", "en": "above {limit}"},
    "check_format": {"vi": "sai định dạng", "en": "wrong format"},
    "check_unknown_unit": {
        "vi": "mã đơn vị không có trong bảng units",
        "en": "unit code not in units",
    },
    "check_unknown_source": {
        "vi": "mã nguồn không có trong bảng sources",
        "en": "source id not in sources",
    },
}
