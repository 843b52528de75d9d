"""The columns of an import file for each table: Vietnamese header, English label, aliases,
help texts and the template's example row.

A file names a unit by code or name (two columns, either may be filled) and a source by the id
of an existing source or by a title and address (a new source is then created). Other columns
are the schema's; types, allowed values and ranges come from `indicators.schema`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from indicators import schema as s
from indicators import targets_table as tt
from indicators.units import ascii_fold

UNIT_NAME = "unit_name"
SOURCE_TITLE = "source_title"
SOURCE_URL = "source_url"
SOURCE_PUBLISHER = "source_publisher"
SOURCE_PUBLISHED = "source_published"
SOURCE_KIND = "source_kind"
EXTRA_KINDS = {
    UNIT_NAME: s.TEXT,
    SOURCE_TITLE: s.TEXT,
    SOURCE_URL: s.TEXT,
    SOURCE_PUBLISHER: s.TEXT,
    SOURCE_PUBLISHED: s.DATE,
    SOURCE_KIND: s.TEXT,
}
IGNORED_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "no"})  # row numbers


@dataclass(frozen=True)
class Field:
    name: str  # a schema column, or one of the extra names above
    vi: str  # the template's header
    en: str  # English label, accepted as a header like the name and the aliases
    help_vi: str
    help_en: str
    example: object = None
    required: bool = False  # the column must be in the file
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportTable:
    table: s.Table
    fields: tuple[Field, ...]
    defaults: dict[str, object] = field(default_factory=dict)  # for an empty or absent cell

    @property
    def name(self) -> str:
        return self.table.name

    def kind(self, name: str) -> str:
        return self.table.column(name).kind if name in self.table.names else EXTRA_KINDS[name]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def header_key(text: object) -> str:
    """'Điểm tối đa (mặc định 100)' and 'diem_toi_da' -> 'diem toi da'."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", str(text))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_fold(text).lower()).split())


def keys_of(f: Field) -> set[str]:
    return {header_key(h) for h in (f.name, f.vi, f.en, *f.aliases)} - {""}


# --- fields shared by the tables -------------------------------------------------------------

UNIT_FIELDS = (
    Field(
        s.UNIT_CODE,
        "Mã đơn vị",
        "Unit code",
        "Mã GSO của đơn vị hành chính (tỉnh 2 chữ số, huyện 3, xã 5), ví dụ 019. Điền mã hoặc "
        "tên (hoặc cả hai, khi đó phải khớp nhau).",
        "GSO code of the unit (province 2 digits, district 3, commune 5), e.g. 019. Give the "
        "code or the name (or both, which must then agree).",
        "019",
        aliases=("mã ĐVHC", "mã địa phương", "code"),
    ),
    Field(
        UNIT_NAME,
        "Tên đơn vị",
        "Unit name",
        "Tên đơn vị, có hoặc không dấu, có hoặc không 'Quận/Huyện/Tỉnh…': 'Quận Nam Từ Liêm', "
        "'Nam Từ Liêm' và 'nam tu liem' đều được. Tên trùng nhau (ví dụ Ba Vì) thì ghi mã.",
        "Unit name, with or without diacritics or its type: 'Quận Nam Từ Liêm', 'Nam Từ Liêm' "
        "and 'nam tu liem' all work. Give the code when names repeat (e.g. Ba Vì).",
        "Quận Nam Từ Liêm",
        aliases=("đơn vị", "unit", "tên ĐVHC", "địa phương", "quận huyện", "tỉnh thành phố"),
    ),
)
YEAR_FIELD = Field(
    s.YEAR, "Năm", "Year",
    "Năm của số liệu, 4 chữ số, từ 1990 đến năm sau năm hiện tại.",
    "Year of the figure, 4 digits, from 1990 to next year.",
    2018, required=True, aliases=("năm đánh giá", "năm báo cáo"),
)  # fmt: skip
SOURCE_FIELDS = (
    Field(
        s.SOURCE_ID,
        "Mã nguồn",
        "Source id",
        "Mã của một nguồn đã có trong dữ liệu (bảng sources), ví dụ nam-tu-liem-2020. Nếu là "
        "nguồn mới, để trống và điền Tên nguồn (và Đường dẫn nguồn).",
        "Id of a source already in the data (table sources), e.g. nam-tu-liem-2020. For a new "
        "source leave it empty and give the source title (and address).",
        "nam-tu-liem-2020",
        aliases=("id nguồn",),
    ),
    Field(
        SOURCE_TITLE,
        "Tên nguồn",
        "Source title",
        "Tiêu đề văn bản hoặc bài viết công bố số liệu (nguồn mới; một dòng nguồn mới được tạo).",
        "Title of the document or article that published the figure (a new source row is made).",
        aliases=("tiêu đề nguồn", "nguồn", "tài liệu nguồn", "source"),
    ),
    Field(
        SOURCE_URL,
        "Đường dẫn nguồn",
        "Source URL",
        "Địa chỉ web của nguồn mới, bắt đầu bằng http:// hoặc https://.",
        "Web address of the new source, starting with http:// or https://.",
        aliases=("link", "url", "liên kết", "địa chỉ nguồn"),
    ),
    Field(
        SOURCE_PUBLISHER,
        "Cơ quan công bố",
        "Publisher",
        "Cơ quan hoặc tờ báo công bố nguồn mới (không bắt buộc).",
        "Body or newspaper that published the new source (optional).",
        aliases=("nơi công bố", "đơn vị công bố"),
    ),
    Field(
        SOURCE_PUBLISHED,
        "Ngày công bố",
        "Published on",
        "Ngày công bố nguồn mới, ngày/tháng/năm (không bắt buộc), ví dụ 31/12/2024.",
        "Publication date of the new source, day/month/year (optional), e.g. 31/12/2024.",
        aliases=("ngày ban hành", "ngày đăng"),
    ),
    Field(
        SOURCE_KIND,
        "Loại nguồn",
        "Source kind",
        "'công bố' (văn bản chính thức, mặc định) hoặc 'bài báo'.",
        "'công bố' (official publication, the default) or 'bài báo' (press article).",
    ),
)
DEMO_FIELD = Field(
    s.DEMO, "Dữ liệu minh họa", "Demo",
    "'có' nếu số liệu là minh họa, không phải số công bố; để trống = không.",
    "'có' (yes) if the figure is illustrative, not published; empty means no.",
    "không",
)  # fmt: skip


def _unit_year(*middle: Field) -> tuple[Field, ...]:
    return (*UNIT_FIELDS, YEAR_FIELD, *middle, *SOURCE_FIELDS, DEMO_FIELD)


# --- par_scores ------------------------------------------------------------------------------

PAR_SCORES = ImportTable(
    s.PAR_SCORES,
    _unit_year(
        Field(
            s.INDEX_ID,
            "Bộ chỉ số",
            "Index",
            "hanoi_par (Chỉ số CCHC của Hà Nội: các quận, huyện, thị xã đến năm 2024; các xã, "
            "phường từ năm 2025) hoặc national_par (PAR INDEX của Bộ Nội vụ cho tỉnh: 63 tỉnh "
            "đến năm 2024, 34 tỉnh từ năm 2025); để trống thì chọn theo cấp đơn vị.",
            "hanoi_par (Hanoi's PAR index: its districts until 2024, its communes and wards "
            "from 2025) or national_par (the Ministry of Home Affairs' PAR INDEX of provinces: "
            "the 63 until 2024, the 34 from 2025); empty: chosen by the unit's level.",
            "hanoi_par",
            aliases=("chỉ số", "index id"),
        ),
        Field(
            s.COMPONENT,
            "Thành phần",
            "Component",
            "'tổng' (điểm tổng, mặc định) hoặc tên chỉ số thành phần.",
            "'tổng' (the total score, the default) or the name of a component.",
            "tổng",
            aliases=("chỉ số thành phần", "lĩnh vực đánh giá"),
        ),
        Field(
            s.SCORE,
            "Điểm",
            "Score",
            "Điểm đạt được; dấu thập phân là phẩy hoặc chấm (93,97 hoặc 93.97); 93,97% được "
            "hiểu là 93,97 điểm trên thang 100. Không lớn hơn Điểm tối đa.",
            "Score obtained; decimal comma or point (93,97 or 93.97); 93,97% reads as 93.97 "
            "points of 100. Not above the maximum.",
            93.97,
            required=True,
            aliases=("điểm đạt được", "kết quả", "chỉ số cchc", "par index"),
        ),
        Field(
            s.MAX_SCORE,
            "Điểm tối đa",
            "Maximum score",
            "Điểm tối đa của thang điểm; để trống = 100 (điểm theo %).",
            "The scale's maximum; empty means 100 (a % score).",
            100,
            aliases=("thang điểm", "điểm chuẩn"),
        ),
        Field(
            s.RANK_PUBLISHED,
            "Xếp hạng",
            "Published rank",
            "Thứ hạng đã công bố (1 = đứng đầu), không bắt buộc.",
            "Rank as published (1 = first), optional.",
            1,
            aliases=("thứ hạng", "hạng", "rank"),
        ),
        Field(
            s.RANK_BASIS,
            "Căn cứ xếp hạng",
            "Rank basis",
            "Cách có thứ hạng, ví dụ explicit (ghi rõ trong nguồn), không bắt buộc.",
            "How the rank is known, e.g. explicit (stated by the source), optional.",
            "explicit",
        ),
        Field(s.NOTE, "Ghi chú", "Note", "Ghi chú tự do.", "Free note.", aliases=("notes",)),
    ),
    defaults={s.COMPONENT: s.TOTAL, s.MAX_SCORE: 100.0, s.DEMO: False},
)

# --- procedures ------------------------------------------------------------------------------

PROCEDURE_CODE_FIELD = Field(
    s.PROCEDURE_CODE, "Mã thủ tục", "Procedure code",
    "Mã thủ tục hành chính trên Cổng DVC quốc gia, ví dụ 1.001193.",
    "Code of the procedure in the national public-service portal, e.g. 1.001193.",
    "1.001193", aliases=("mã TTHC", "mã thủ tục hành chính"),
)  # fmt: skip
FIELD_FIELD = Field(
    s.FIELD, "Lĩnh vực", "Field",
    "Lĩnh vực của thủ tục, ví dụ Tư pháp.", "Field (lĩnh vực) of the procedure, e.g. Tư pháp.",
    "Tư pháp", aliases=("lĩnh vực thủ tục",),
)  # fmt: skip

PROCEDURES = ImportTable(
    s.PROCEDURES,
    _unit_year(
        replace(PROCEDURE_CODE_FIELD, required=True),
        Field(
            s.PROCEDURE_NAME,
            "Tên thủ tục",
            "Procedure name",
            "Tên thủ tục hành chính.",
            "Name of the procedure.",
            "Đăng ký khai sinh",
            required=True,
            aliases=("tên TTHC", "thủ tục", "thủ tục hành chính"),
        ),
        replace(FIELD_FIELD, required=True),
        Field(
            s.ONLINE_LEVEL,
            "Mức độ trực tuyến",
            "Online level",
            "Đến năm 2022: mức độ 1, 2, 3 hoặc 4 (Nghị định 43/2011). Từ năm 2022: 'toàn trình', "
            "'một phần' hoặc 'không' (chỉ cung cấp thông tin; Nghị định 42/2022). Năm 2022 "
            "dùng được cả hai cách.",
            "Until 2022: level 1, 2, 3 or 4 (Decree 43/2011). From 2022: 'toàn trình' (full), "
            "'một phần' (partial) or 'không' (information only; Decree 42/2022). 2022 may use "
            "either.",
            "3",
            aliases=("mức độ", "mức độ dvc", "mức độ dvctt", "dịch vụ công trực tuyến"),
        ),
        Field(
            s.LEGAL_DAYS,
            "Thời hạn theo quy định",
            "Legal days",
            "Số ngày giải quyết theo quy định (có thể lẻ, ví dụ 0,5).",
            "Days allowed by law (may be fractional, e.g. 0.5).",
            3,
            aliases=("thời hạn giải quyết", "số ngày theo quy định"),
        ),
        Field(
            s.COMMITTED_DAYS,
            "Thời hạn cam kết",
            "Committed days",
            "Số ngày đơn vị cam kết giải quyết (rút ngắn), không lớn hơn thời hạn theo quy định.",
            "Days the unit commits to (shortened), not above the legal days.",
            2,
            aliases=("thời gian cam kết", "số ngày cam kết", "thời hạn rút ngắn"),
        ),
        Field(
            s.ONE_STOP,
            "Một cửa",
            "One-stop",
            "'có' nếu tiếp nhận tại bộ phận một cửa, 'không' nếu không.",
            "'có' (yes) if received at the one-stop desk, 'không' (no) if not.",
            "có",
            aliases=("tiếp nhận một cửa", "một cửa liên thông"),
        ),
    ),
    defaults={s.DEMO: False},
)

# --- dossier_stats ---------------------------------------------------------------------------


def _also(f: Field, vi: str, en: str) -> Field:
    """`f` with a sentence added to its help texts."""
    return replace(f, help_vi=f"{f.help_vi} {vi}", help_en=f"{f.help_en} {en}")


def _count(name: str, vi: str, en: str, help_vi: str, help_en: str, example: int,
           *aliases: str, required: bool = False) -> Field:  # fmt: skip
    return Field(
        name, vi, en, f"{help_vi} Số nguyên ≥ 0 (1.234 = 1234).",
        f"{help_en} Whole number ≥ 0 (1.234 = 1234).", example, required, aliases,
    )  # fmt: skip


DOSSIER_STATS = ImportTable(
    s.DOSSIER_STATS,
    _unit_year(
        Field(
            s.MONTH, "Tháng", "Month",
            "Tháng 1–12 nếu số liệu theo tháng; để trống nếu là số cả năm.",
            "Month 1–12 for monthly figures; empty for a whole year.",
        ),
        _also(FIELD_FIELD, "Để trống nếu là tổng mọi lĩnh vực.", "Empty for all fields together."),
        _also(
            PROCEDURE_CODE_FIELD,
            "Để trống nếu là tổng của lĩnh vực hoặc đơn vị. Một đơn vị trong một năm chỉ dùng "
            "một cấp chi tiết (tổng, tháng, lĩnh vực hoặc thủ tục).",
            "Empty for the total of a field or unit. One unit and year use one level of detail "
            "(total, month, field or procedure).",
        ),
        _count(s.RECEIVED, "Số hồ sơ tiếp nhận", "Received", "Số hồ sơ tiếp nhận.",
               "Dossiers received.", 1234, "tiếp nhận", "tổng số hồ sơ", "hồ sơ tiếp nhận",
               required=True),
        _count(s.ONLINE, "Tiếp nhận trực tuyến", "Submitted online",
               "Số hồ sơ nộp trực tuyến, không lớn hơn số tiếp nhận.",
               "Dossiers submitted online, not above received.", 1150, "trực tuyến",
               "hồ sơ trực tuyến", "nộp trực tuyến"),
        _count(s.ON_TIME, "Giải quyết đúng hạn", "Resolved on time",
               "Số hồ sơ giải quyết đúng hạn (gồm cả trước hạn).",
               "Dossiers resolved on time (the early ones included).", 1220, "đúng hạn"),
        _count(s.EARLY, "Giải quyết trước hạn", "Resolved early",
               "Số hồ sơ giải quyết trước hạn (một phần của đúng hạn).",
               "Dossiers resolved early (a part of on time).", 260, "trước hạn"),
        _count(s.LATE, "Giải quyết trễ hạn", "Resolved late",
               "Số hồ sơ giải quyết trễ hạn; đúng hạn + trễ hạn không lớn hơn số tiếp nhận.",
               "Dossiers resolved late; on time + late is not above received.", 2,
               "trễ hạn", "quá hạn"),
        _count(s.PENDING, "Đang giải quyết", "Pending", "Số hồ sơ đang giải quyết.",
               "Dossiers pending.", 12, "chưa giải quyết", "tồn"),
    ),
    defaults={s.DEMO: False},
)  # fmt: skip

# --- targets: an office's own targets (the area it governs binds its units) --------------------

TARGETS = ImportTable(
    s.TARGETS,
    (
        *(replace(_also(x, "Đơn vị ban hành hoặc địa bàn áp dụng mục tiêu (ví dụ Hà Nội).",
                        "The area the target binds (e.g. Hà Nội)."), example=example)
          for x, example in zip(UNIT_FIELDS, ("01", "Thành phố Hà Nội"), strict=True)),
        Field(tt.INSTRUMENT, "Văn bản", "Instrument",
              "Văn bản đặt mục tiêu, ghi số và tên (nghị quyết, quyết định, kế hoạch, công văn).",
              "The document that sets the target, with its number and title.",
              "Kế hoạch 10/KH-UBND cải cách hành chính năm 2026", required=True,
              aliases=("văn bản giao chỉ tiêu", "căn cứ")),
        Field(tt.LABEL, "Tên ngắn", "Short name",
              "Tên ngắn hiện trên biểu đồ, ví dụ KH 10/KH-UBND; để trống thì lấy từ số văn bản.",
              "The short name drawn on charts, e.g. KH 10/KH-UBND; empty: made from its number.",
              "KH 10/KH-UBND"),
        Field(tt.ISSUER, "Cơ quan ban hành", "Issuer", "Cơ quan ban hành văn bản.",
              "The body that issued it.", "UBND thành phố Hà Nội"),
        Field(tt.LEVELS, "Cấp áp dụng", "Levels",
              "Cấp đơn vị phải đạt: 'tỉnh', 'huyện', 'xã' (nhiều cấp cách nhau bởi dấu ;).",
              "The levels of units it binds: 'tỉnh', 'huyện', 'xã' (several separated by ;).",
              "xã", required=True, aliases=("cấp", "phạm vi")),
        Field(tt.METRIC, "Đo bằng", "Measured by",
              "Số liệu của bảng điều khiển dùng để đánh giá: 'đúng hạn', 'hồ sơ trực tuyến', "
              "'hồ sơ toàn trình', 'thủ tục trực tuyến', 'thủ tục toàn trình', 'xếp hạng', "
              "'SIPAS'; để trống nếu không đo được ở đây.",
              "The dashboard figure it is judged on: on time, online dossiers, fully online "
              "dossiers, online procedures, fully online procedures, rank, SIPAS; empty if none.",
              "đúng hạn"),
        Field(tt.INDICATOR_VI, "Chỉ tiêu", "Indicator", "Chỉ tiêu như văn bản ghi.",
              "The indicator as the document words it.",
              "Tỷ lệ hồ sơ giải quyết đúng hạn", required=True),
        Field(tt.COMPARATOR, "So sánh", "Comparator",
              "'≥' (mặc định), '>', '≤', '<', '=' hoặc 'top' (thứ hạng từ 1 đến giá trị).",
              "'≥' (the default), '>', '≤', '<', '=' or 'top' (a rank from 1 to the value).",
              "≥"),
        Field(tt.TARGET_VALUE, "Giá trị mục tiêu", "Target value",
              "Một số, ví dụ 100 (%) hoặc 5 (hạng). Để trống nếu giá trị bằng chữ.",
              "A number, e.g. 100 (%) or 5 (rank). Empty when the value is in words.", 100),
        Field(tt.VALUE_TEXT, "Giá trị bằng chữ", "Value in words",
              "Giá trị không phải là số, ví dụ 'nhóm dẫn đầu'.",
              "A value that is not a number, e.g. 'nhóm dẫn đầu' (the leading group)."),
        Field(tt.MEASURE, "Đơn vị tính", "Measure",
              "'%' (mặc định), 'hạng', 'điểm' hoặc 'số'.",
              "'%' (the default), 'hạng' (rank), 'điểm' (score) or 'số' (count).", "%"),
        Field(tt.YEAR_FROM, "Từ năm", "From year", "Năm mục tiêu bắt đầu có hiệu lực.",
              "The year the target is in force from.", 2026),
        Field(tt.YEAR_TO, "Đến năm", "Year due", "Năm phải đạt mục tiêu.",
              "The year the target is due.", 2026, required=True, aliases=("năm đạt",)),
        Field(tt.EACH_YEAR, "Từng năm", "Every year",
              "'có' nếu mỗi năm trong khoảng đều phải đạt; để trống = chỉ năm cuối.",
              "'có' (yes) if every year of the span must meet it; empty: only the year due."),
        Field(tt.EXCERPT, "Trích dẫn", "Excerpt", "Câu của văn bản nêu mục tiêu.",
              "The words of the document that state the target."),
        Field(s.NOTE, "Ghi chú", "Note", "Ghi chú (không bắt buộc).", "A note (optional)."),
        *SOURCE_FIELDS,
        DEMO_FIELD,
    ),
    defaults={s.DEMO: False, tt.EACH_YEAR: False, tt.COMPARATOR: ">=", tt.MEASURE: "%"},
)  # fmt: skip

IMPORT_TABLES = {t.name: t for t in (PAR_SCORES, PROCEDURES, DOSSIER_STATS, TARGETS)}
# Columns several tables share: they do not tell which table a file is for.
SHARED = frozenset(
    {s.UNIT_CODE, UNIT_NAME, s.YEAR, s.FIELD, s.PROCEDURE_CODE, s.DEMO, s.NOTE}
    | {s.SOURCE_ID, SOURCE_TITLE, SOURCE_URL, SOURCE_PUBLISHER, SOURCE_PUBLISHED, SOURCE_KIND}
)
# (column group, vi, en): at least one column of each group must be in the file.
ONE_OF = (
    ((s.UNIT_CODE, UNIT_NAME), "Mã đơn vị hoặc Tên đơn vị", "Unit code or Unit name"),
    ((s.SOURCE_ID, SOURCE_TITLE), "Mã nguồn hoặc Tên nguồn", "Source id or Source title"),
)


def _aliases(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """{folded word: canonical value} from {canonical value: words people write}."""
    from indicators.importing.values import fold

    return {fold(word): value for value, words in groups.items() for word in (value, *words)}


@dataclass(frozen=True)
class Choice:
    aliases: dict[str, str]
    closed: bool  # refuse words that are not aliases
    shown: str  # the values as people write them, for messages and the notes sheet


CHOICES = {
    s.ONLINE_LEVEL: Choice(
        _aliases(
            {
                **{n: (f"mức {n}", f"mức độ {n}", f"level {n}") for n in s.LEVELS_OLD},
                "full": ("toàn trình", "trực tuyến toàn trình", "DVC toàn trình"),
                "partial": ("một phần", "trực tuyến một phần", "DVC một phần"),
                "none": ("không", "chỉ cung cấp thông tin", "cung cấp thông tin"),
            }
        ),
        closed=True,
        shown="1, 2, 3, 4 (đến/until 2022); toàn trình, một phần, không (từ/from 2022)",
    ),
    s.INDEX_ID: Choice(
        _aliases(
            {
                s.INDEX_HANOI: ("Hà Nội", "chỉ số CCHC Hà Nội", "PAR Hà Nội"),
                s.INDEX_NATIONAL: ("quốc gia", "PAR INDEX", "chỉ số CCHC cấp tỉnh"),
            }
        ),
        closed=False,
        shown=f"{s.INDEX_HANOI}, {s.INDEX_NATIONAL}",
    ),
    s.COMPONENT: Choice(
        _aliases({s.TOTAL: ("tổng", "tổng điểm", "điểm tổng", "tổng hợp")}),
        closed=False,
        shown="tổng (total)",
    ),
    tt.METRIC: Choice(
        _aliases(
            {
                tt.ON_TIME: ("đúng hạn", "hồ sơ đúng hạn", "on time"),
                tt.ONLINE_DOSSIERS: ("hồ sơ trực tuyến", "nộp trực tuyến"),
                tt.FULL_DOSSIERS: ("hồ sơ toàn trình", "hồ sơ trực tuyến toàn trình"),
                tt.ONLINE_PROCEDURES: ("thủ tục trực tuyến", "dịch vụ công trực tuyến"),
                tt.FULL_PROCEDURES: ("thủ tục toàn trình", "dịch vụ công toàn trình"),
                tt.PAR_RANK: ("xếp hạng", "thứ hạng", "hạng", "rank"),
                tt.SIPAS: ("sipas", "hài lòng", "chỉ số hài lòng"),
            }
        ),
        closed=True,
        shown="đúng hạn, hồ sơ trực tuyến, hồ sơ toàn trình, thủ tục trực tuyến, thủ tục toàn "
        "trình, xếp hạng, SIPAS",
    ),
    tt.MEASURE: Choice(
        _aliases(
            {
                "%": ("phần trăm", "tỷ lệ"),
                "rank": ("hạng", "thứ hạng"),
                "score": ("điểm",),
                "count": ("số", "số lượng"),
            }
        ),
        closed=True,
        shown="%, hạng, điểm, số",
    ),  # fmt: skip
    SOURCE_KIND: Choice(
        _aliases({"published": ("công bố", "chính thức", "văn bản"), "article": ("bài báo",)}),
        closed=True,
        shown="công bố, bài báo",
    ),
}
