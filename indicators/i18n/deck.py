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
    "profile_link": {"vi": "Xem hồ sơ", "en": "Open profile"},
    "open_profile": {"vi": "Mở hồ sơ đơn vị: {unit}", "en": "Open the unit profile: {unit}"},
    "choose_unit_profile": {"vi": "Chọn đơn vị để xem hồ sơ", "en": "Choose a unit to profile"},
}
