"""Where a figure comes from: the explanation panel, the slides' notes and the files' column
(indicators.explain)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ex_button": {"vi": "Nguồn số liệu", "en": "Where this comes from"},
    "ex_button_help": {
        "vi": "Mở nguồn, trích dẫn và cách tính của số liệu này",
        "en": "Open the source, the quote and how this figure was arrived at",
    },
    "ex_title": {"vi": "{label} — {unit}, {year}", "en": "{label} — {unit}, {year}"},
    "ex_row": {"vi": "Dòng số liệu", "en": "Row"},
    "ex_score": {"vi": "Điểm", "en": "Score"},
    "ex_demo": {
        "vi": "Số liệu minh họa do máy sinh ra — không phải số liệu chính thức, không có nguồn công bố.",
        "en": "Generated demo figure — not an official figure; no published source states it.",
    },
    "ex_published": {
        "vi": "Số liệu như nguồn đã công bố (không tính lại).",
        "en": "The figure as its source published it (not recomputed).",
    },
    "ex_figure": {
        "vi": "Số liệu như nguồn đã công bố, kèm đoạn trích nêu số liệu (không tính lại).",
        "en": "The figure as its source published it, with the passage that states it (not recomputed).",
    },
    "ex_rank_computed": {
        "vi": "Thứ hạng tính từ {n} điểm năm {year} (điểm cao nhất đứng thứ 1, bằng điểm thì đồng hạng)",
        "en": "Rank computed from the {n} scores of {year} (highest score first, equal scores tie)",
    },
    "ex_rank_generated": {
        "vi": "; {k} trong {n} điểm là số liệu minh họa",
        "en": "; {k} of the {n} scores are generated demo figures",
    },
    "ex_rank_published": {
        "vi": "Thứ hạng do nguồn công bố ({basis}), trên {units} đơn vị của chỉ số năm {year}; không tính lại vì không phải đơn vị nào cũng có điểm công bố.",
        "en": "Rank as the source published it ({basis}), out of the {units} units of the index in {year}; not recomputed, since not every unit's score was published.",
    },
    "ex_basis_unknown": {"vi": "cách xếp không ghi rõ", "en": "basis not stated"},
    "ex_rows": {
        "vi": "{label} tính từ {n} dòng {table} năm {year}.",
        "en": "{label} computed from {n} rows of {table} of {year}.",
    },
    "ex_rows_generated": {
        "vi": " {k} dòng trong số đó là số liệu minh họa.",
        "en": " {k} of those rows are generated demo data.",
    },
    "ex_table_procedures": {"vi": "danh mục thủ tục", "en": "the procedure catalogue"},
    "ex_table_dossier_stats": {"vi": "số liệu hồ sơ", "en": "dossier counts"},
    "ex_table_par_scores": {"vi": "điểm chỉ số CCHC", "en": "PAR index scores"},
    "ex_table_figures": {"vi": "số liệu công bố", "en": "published figures"},
    "ex_source_line": {"vi": "Nguồn: {citation} — {title}", "en": "Source: {citation} — {title}"},
    "ex_quote": {"vi": "Trích dẫn: “{excerpt}”", "en": "Quote: “{excerpt}”"},
    "ex_no_quote": {
        "vi": "(Đoạn trích đã lưu của nguồn này không nêu con số này.)",
        "en": "(The excerpt kept of this source does not state this figure.)",
    },
    "ex_imported_value": {
        "vi": "Số liệu do cơ quan nhập từ tệp (không tính lại).",
        "en": "The figure as an office imported it from a file (not recomputed).",
    },
    "ex_no_source": {"vi": "Không có nguồn nào được ghi.", "en": "No source is recorded."},
    "ex_no_value": {
        "vi": "Không có số liệu: chưa nguồn nào công bố, chưa có dữ liệu nhập.",
        "en": "No figure: no source published it and no office imported it.",
    },
    "ex_imported": {
        "vi": "Nhập bởi {who} từ tệp {file} lúc {at} (giờ Việt Nam).",
        "en": "Imported by {who} from the file {file} on {at} (Viet Nam time).",
    },
    "ex_sources_heading": {"vi": "Nguồn và trích dẫn", "en": "Sources and quotes"},
    "ex_method_heading": {"vi": "Cách tính", "en": "How it was arrived at"},
    "ex_imports_heading": {"vi": "Dữ liệu nhập", "en": "Imported data"},
    "ex_open_source": {"vi": "Mở nguồn", "en": "Open the source"},
    "ex_pick_hint": {
        "vi": "Bấm vào một điểm, cột của biểu đồ hoặc một dòng của bảng để xem nguồn của số liệu.",
        "en": "Click a point or bar of the chart, or a row of the table, to see where its figure comes from.",
    },
    "view_header_explanation": {
        "vi": "Giải thích (nguồn, trích dẫn, cách tính)",
        "en": "Explanation (source, quote, method)",
    },
    "ex_notes_heading": {"vi": "Nguồn của số liệu:", "en": "Where the figures come from:"},
}
