"""The data routes' words (indicators.api): refusals of a request, the embedded chart's
marks, and the meanings of the columns that no import file has (ranks computed, sources)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- a request refused (HTTP 400 / 404) ---------------------------------------------------
    "api_unknown_param": {
        "vi": "Tham số không được hỗ trợ: {names}. Địa chỉ này nhận: {allowed}.",
        "en": "Unsupported parameter: {names}. This address takes: {allowed}.",
    },
    "api_repeated_param": {
        "vi": "Tham số {name} được cho nhiều lần: chỉ cho một lần.",
        "en": "The parameter {name} is given more than once: give it once.",
    },
    "api_missing_param": {
        "vi": "Thiếu tham số {name}, ví dụ {example}.",
        "en": "The parameter {name} is missing, e.g. {example}.",
    },
    "api_bad_year": {
        "vi": "{name}={value} không phải là một năm: hãy ghi năm bằng 4 chữ số, từ {low} đến {high}, ví dụ 2023.",
        "en": "{name}={value} is not a year: write a 4-digit year from {low} to {high}, e.g. 2023.",
    },
    "api_bad_value": {
        "vi": "Giá trị '{value}' của tham số {name} không hợp lệ: {expected}.",
        "en": "The value '{value}' of the parameter {name} is not valid: {expected}.",
    },
    "api_expected_demo": {
        "vi": "ghi demo=1 để thêm dữ liệu minh họa, demo=0 để không",
        "en": "write demo=1 to add the demo data, demo=0 not to",
    },
    "api_expected_lang": {"vi": "ghi lang=vi hoặc lang=en", "en": "write lang=vi or lang=en"},
    "api_expected_choice": {"vi": "chọn một trong {choices}", "en": "choose one of {choices}"},
    "api_expected_no_field": {
        "vi": "bỏ tham số field: dữ liệu không chia theo lĩnh vực",
        "en": "leave field out: the data has no fields",
    },
    "api_year_outside": {
        "vi": "Năm {value} nằm ngoài phạm vi {first}–{last} của bộ chỉ số.",
        "en": "The year {value} is outside the index's range {first}–{last}.",
    },
    "api_unknown_table": {
        "vi": "Không có bảng '{name}'. Các bảng: {tables}; định dạng: {formats}; ví dụ /api/v1/par_scores.csv?unit=019.",
        "en": "There is no table '{name}'. Tables: {tables}; formats: {formats}; e.g. /api/v1/par_scores.csv?unit=019.",
    },
    "api_unknown_chart": {
        "vi": "Không có biểu đồ '{name}'. Các biểu đồ: {charts}.",
        "en": "There is no chart '{name}'. Charts: {charts}.",
    },
    "api_not_found": {
        "vi": "Không có địa chỉ {path}. Các địa chỉ: {routes}.",
        "en": "There is no address {path}. Addresses: {routes}.",
    },
    "api_unavailable": {
        "vi": "Dữ liệu hiện không đọc được: {reason}",
        "en": "The data cannot be read now: {reason}",
    },
    # --- an embedded chart (/embed/<chart>) ---------------------------------------------------
    "api_embed_demo_banner": {
        "vi": "Có số liệu minh họa — không phải số liệu chính thức. Số liệu do máy sinh ra được vẽ nhạt, có gạch chéo hoặc điểm rỗng.",
        "en": "Demo data shown — not official figures. Generated figures are drawn faded, hatched or hollow.",
    },
    "api_embed_no_data": {
        "vi": "{title}: không có dữ liệu với bộ lọc đã chọn.",
        "en": "{title}: no data for the chosen filters.",
    },
    "api_embed_open": {"vi": "Mở trên bảng điều khiển", "en": "Open in the dashboard"},
    # --- what each table holds (/api/v1/meta) -------------------------------------------------
    "api_table_par_scores": {
        "vi": "Điểm chỉ số CCHC của các đơn vị theo năm, với thứ hạng tính lại trong mọi đơn vị của năm và thứ hạng đã công bố.",
        "en": "The units' PAR index scores by year, with the rank recomputed among all units of the year and the published rank.",
    },
    "api_table_procedures": {
        "vi": "Danh mục thủ tục hành chính của đơn vị theo năm: mức độ trực tuyến, số ngày theo quy định và cam kết, một cửa.",
        "en": "The unit's catalogue of administrative procedures by year: online level, legal and committed days, one-stop desk.",
    },
    "api_table_dossier_stats": {
        "vi": "Số hồ sơ tiếp nhận và giải quyết (đúng hạn, trước hạn, trễ hạn, đang giải quyết) theo đơn vị, năm, tháng, lĩnh vực, thủ tục.",
        "en": "Dossiers received and resolved (on time, early, late, pending) by unit, year, month, field and procedure.",
    },
    "api_table_sources": {
        "vi": "Các nguồn mà các dòng trên trích dẫn: tiêu đề, nơi công bố, địa chỉ, trích đoạn nêu số liệu.",
        "en": "The sources the rows above cite: title, publisher, address, the excerpt that states the figure.",
    },
    # --- meanings of the columns no import file has -------------------------------------------
    "api_meaning_rank": {
        "vi": "Thứ hạng tính từ điểm, trong mọi đơn vị của cùng bộ chỉ số và năm (1 = cao nhất); trống khi năm đó không xếp hạng được.",
        "en": "Rank computed from the scores among all units of the same index and year (1 = highest); empty when the year cannot be ranked.",
    },
    "api_meaning_units_ranked": {
        "vi": "Số đơn vị được xếp hạng trong năm đó.",
        "en": "How many units are ranked that year.",
    },
    "api_meaning_rank_change": {
        "vi": "Thay đổi thứ hạng so với năm trước (+ là tăng bậc).",
        "en": "Change of rank since the previous year (+ = moved up).",
    },
    "api_meaning_id": {"vi": "Mã của nguồn.", "en": "The source's id."},
    "api_meaning_citation": {
        "vi": "Trích dẫn: nơi công bố, năm, trang web (bản đăng lại nếu chỉ tìm thấy bản đăng lại).",
        "en": "Citation: publisher, year, site (reprint when only a reprint was found).",
    },
    "api_meaning_title": {
        "vi": "Tiêu đề văn bản hoặc bài viết công bố số liệu.",
        "en": "Title of the document or article that published the figures.",
    },
    "api_meaning_publisher": {
        "vi": "Cơ quan hoặc tờ báo công bố.",
        "en": "The body or newspaper that published it.",
    },
    "api_meaning_url": {"vi": "Địa chỉ web của nguồn.", "en": "The source's web address."},
    "api_meaning_kind": {
        "vi": "Loại nguồn: published (văn bản chính thức), article (bài báo), demo (dữ liệu minh họa).",
        "en": "Kind of source: published (official), article (press), demo (generated data).",
    },
    "api_meaning_reprint": {
        "vi": "Đúng khi chỉ tìm thấy bản đăng lại, không phải bản gốc.",
        "en": "True when only a reprint was found, not the original.",
    },
    "api_meaning_excerpt": {
        "vi": "Trích đoạn của nguồn nêu số liệu.",
        "en": "The source's excerpt that states the figures.",
    },
}
