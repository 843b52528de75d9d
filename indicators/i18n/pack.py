"""The offline pack: one HTML file (or its PDF print) of a unit's figures (indicators.pack)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "pack_kicker": {
        "vi": "Báo cáo chỉ số cải cách hành chính",
        "en": "Public administration reform report",
    },
    "pack_subtitle": {
        "vi": "Chỉ số cải cách hành chính (CCHC), {period}",
        "en": "Public administration reform (PAR) indicators, {period}",
    },
    "pack_title": {
        "vi": "{unit} — Chỉ số CCHC {period} (lập ngày {day})",
        "en": "{unit} — PAR indicators {period} (made {day})",
    },
    "pack_made": {"vi": "Lập ngày {day}", "en": "Made on {day}"},
    "pack_about": {
        "vi": "Số liệu công bố của cơ quan nhà nước và báo chí, mỗi biểu đồ ghi nguồn. Tệp này mở được không cần mạng: biểu đồ tương tác (di chuột hoặc chạm để xem số liệu).",
        "en": "Figures published by public bodies and the press; every chart names its sources. This file opens without a network: the charts are interactive (hover or tap to read a value).",
    },
    "pack_messages": {"vi": "Thông điệp chính", "en": "Key messages"},
    "pack_no_messages": {
        "vi": "Chưa đủ số liệu công bố để nêu thông điệp chính cho giai đoạn này.",
        "en": "Not enough published figures for key messages in this period.",
    },
    "pack_contents": {"vi": "Nội dung", "en": "Contents"},
    "pack_no_charts": {
        "vi": "Không có biểu đồ nào cho đơn vị và giai đoạn này.",
        "en": "No chart for this unit and period.",
    },
    "pack_chart_demo": {
        "vi": "Biểu đồ có số liệu minh họa (vẽ nhạt, gạch chéo hoặc điểm rỗng) — không phải số liệu chính thức.",
        "en": "This chart shows demo data (faded, hatched or hollow marks) — not official figures.",
    },
    "pack_chart_demo_layer": {
        "vi": "Lớp số liệu minh họa đang bật; biểu đồ này chỉ có số liệu công bố.",
        "en": "The demo layer is on; this chart shows published figures only.",
    },
    "pack_page": {"vi": "Trang", "en": "Page"},
    "pack_footer": {
        "vi": "Bảng theo dõi chỉ số CCHC Hà Nội · mã nguồn mở",
        "en": "Hanoi PAR indicators dashboard · open source",
    },
    "pack_file_prefix": {"vi": "goi-cchc", "en": "par-pack"},
    "download_pack": {
        "vi": "Tải gói ngoại tuyến (HTML)",
        "en": "Download offline pack (HTML)",
    },
    "pack_help": {
        "vi": "Một tệp HTML của {unit}, giai đoạn {period}: thông điệp chính, biểu đồ tương tác và nguồn; mở được không cần mạng (từ USB, thư điện tử).",
        "en": "One HTML file of {unit}, {period}: key messages, interactive charts and sources; opens without a network (from a USB stick, an e-mail).",
    },
    # --- errors of `python -m indicators pack` ---
    "err_pack_unwritable": {
        "vi": "Không ghi được tệp {path}: {reason}",
        "en": "Cannot write {path}: {reason}",
    },
    "err_pack_out_format": {
        "vi": "--format {fmt} ghi một tệp .{fmt}: tên tệp phải kết thúc bằng .{fmt}",
        "en": "--format {fmt} writes a .{fmt} file: FILE must end in .{fmt}",
    },
    "err_pack_years": {
        "vi": "Năm {year} nằm ngoài khoảng có số liệu ({first}–{last})",
        "en": "The year {year} is outside the years with data ({first}–{last})",
    },
    "err_pack_print": {
        "vi": "Chromium không in được tệp PDF: {reason}",
        "en": "Chromium could not print the PDF: {reason}",
    },
}
