"""The data page and updating the data (ui/admin.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
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
    "import_table_targets": {"vi": "Mục tiêu", "en": "Targets"},
    "import_table_procedures": {"vi": "Thủ tục hành chính", "en": "Administrative procedures"},
    "import_table_dossier_stats": {"vi": "Số liệu hồ sơ", "en": "Dossier figures"},
    "template_xlsx": {"vi": "Mẫu Excel (.xlsx)", "en": "Excel template (.xlsx)"},
    "template_csv": {"vi": "Mẫu CSV", "en": "CSV template"},
    "upload_heading": {
        "vi": "Tải lên và nhập số liệu (quản trị viên)",
        "en": "Upload and import (administrator)",
    },
    "upload_off": {
        "vi": "Chức năng tải lên trên trang này đang tắt. Muốn cập nhật số liệu, xin liên hệ người quản trị hệ thống (cách bật: README, mục Cấu hình).",
        "en": "Upload on this page is off. To update the figures, please contact the system's administrator (how to turn it on: README, Configuration).",
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
}
