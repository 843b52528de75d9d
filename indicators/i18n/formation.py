"""Texts of a new unit's origin on its unit page (indicators.formation, ui/formation.py)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "formed_heading": {"vi": "Hình thành từ đâu", "en": "What it was formed from"},
    "formed_communes": {
        "vi": "{unit} được thành lập ngày {day} từ toàn bộ hoặc một phần của {pieces} xã, phường, "
        "thị trấn cũ thuộc {forebears} quận, huyện, thị xã. Chỉ số CCHC các năm trước được "
        "tính cho các quận, huyện, thị xã đó: mở lịch sử của từng đơn vị bên dưới.",
        "en": "{unit} was created on {day} from all or part of {pieces} former communes and "
        "wards of {forebears} former districts. The PAR index of earlier years was scored for "
        "those districts: open each one's history below.",
    },
    "formed_provinces": {
        "vi": "{unit} được hình thành ngày {day} từ {forebears} tỉnh, thành phố cũ. Chỉ số các "
        "năm trước được tính cho từng tỉnh, thành phố đó: mở lịch sử của từng đơn vị bên dưới.",
        "en": "{unit} was formed on {day} from {forebears} former provinces. Earlier years' "
        "indexes were scored for each of them: open each one's history below.",
    },
    "formed_whole": {"vi": "toàn bộ", "en": "all of it"},
    "formed_part": {"vi": "một phần", "en": "part of it"},
    "formed_gave": {"vi": "gồm", "en": "from"},
    "formed_history": {"vi": "Lịch sử chỉ số của {unit}", "en": "{unit}'s index history"},
    "formed_meaning": {
        "vi": "*Toàn bộ*: cả đơn vị cũ nhập vào {unit}; *một phần*: chỉ một phần của đơn vị cũ.",
        "en": "*All of it*: the whole former unit went into {unit}; *part of it*: only some of it.",
    },
    "formed_no_figures": {
        "vi": "Từ ngày {day} chưa có số liệu nào của {unit}: các bộ chỉ số chưa xếp hạng các "
        "xã, phường, tỉnh mới, và chưa có số liệu thủ tục, hồ sơ nào được công bố hay nhập.",
        "en": "No figure of {unit} since {day} yet: no index ranks the new communes, wards and "
        "provinces yet, and no procedure or dossier figure has been published or imported.",
    },
    "formed_not_yet": {
        "vi": "{unit} được thành lập ngày {day}, nên năm {year} chưa có đơn vị này. Số liệu năm "
        "{year} thuộc các đơn vị cũ ở trên.",
        "en": "{unit} was created on {day}, so it did not exist in {year}. Figures for {year} "
        "belong to the former units above.",
    },
}
