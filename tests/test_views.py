"""indicators.views on a tiny dataset whose numbers are worked out by hand in the comments."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
import pytest
from support.frames import frame, units

from indicators import schema as s
from indicators import views as v
from indicators.dataset import Dataset

HANOI, NATIONAL = s.INDEX_HANOI, s.INDEX_NATIONAL
NTL, BD, DD, HN, NEW_WARD = "019", "001", "006", "01", "00004"


def _units() -> pd.DataFrame:
    old = {s.VALID_FROM: "2008-08-01", s.VALID_TO: "2025-06-30", s.PARENT_CODE: HN}
    return units(
        [
            {s.CODE: HN, s.NAME_VI: "Thành phố Hà Nội", s.LEVEL: "province", s.VALID_TO: None},
            {s.CODE: BD, s.NAME_VI: "Quận Ba Đình", **old},
            {s.CODE: DD, s.NAME_VI: "Quận Đống Đa", **old},
            {s.CODE: NTL, s.NAME_VI: "Quận Nam Từ Liêm", **old, s.VALID_FROM: "2013-12-27"},
            {
                s.CODE: NEW_WARD,
                s.NAME_VI: "Phường Ba Đình",
                s.LEVEL: "commune",
                s.PARENT_CODE: HN,
                s.VALID_FROM: "2025-07-01",
                s.VALID_TO: None,
            },
        ],
        level="district",
        valid_from="2008-08-01",
        source_id="gso",
    )


def _scores() -> pd.DataFrame:
    # 2017: 019 95.50 (1st), 006 92.25 (2nd), 001 90.00 (3rd): complete, all published
    # 2018: 019 94.00 (1st), 001 93.00 (2nd, up 1), 006 91.00 (3rd, down 1): 006 generated
    demo = {s.SOURCE_ID: "demo", s.DEMO: True}
    rows = [
        {s.UNIT_CODE: NTL, s.YEAR: 2017, s.SCORE: 95.5, s.RANK_PUBLISHED: 1},
        {s.UNIT_CODE: DD, s.YEAR: 2017, s.SCORE: 92.25},
        {s.UNIT_CODE: BD, s.YEAR: 2017, s.SCORE: 90.0},
        {s.UNIT_CODE: NTL, s.YEAR: 2018, s.SCORE: 94.0, s.RANK_PUBLISHED: 1},
        {s.UNIT_CODE: BD, s.YEAR: 2018, s.SCORE: 93.0},
        {s.UNIT_CODE: DD, s.YEAR: 2018, s.SCORE: 91.0, **demo},
    ]
    hanoi = frame("par_scores", rows, index_id=HANOI, source_id="pub")
    national = frame(
        "par_scores", [{s.UNIT_CODE: HN, s.YEAR: 2018, s.SCORE: 85.0}], index_id=NATIONAL
    )
    return pd.concat([hanoi, national], ignore_index=True)


def _procedure(year: int, code: str, field: str, level: str, legal, committed, **extra) -> dict:
    return {
        s.UNIT_CODE: NTL,
        s.YEAR: year,
        s.PROCEDURE_CODE: code,
        s.PROCEDURE_NAME: f"Thủ tục {code}",
        s.FIELD: field,
        s.ONLINE_LEVEL: level,
        s.LEGAL_DAYS: legal,
        s.COMMITTED_DAYS: committed,
        **extra,
    }


def _procedures() -> pd.DataFrame:
    tp, xd = "Tư pháp", "Xây dựng"
    rows = [
        # 2017: level 3: 1, level 4: 0; nothing shortened (days known for both)
        _procedure(2017, "P1", tp, "3", 10.0, 10.0),
        _procedure(2017, "P4", xd, "2", 15.0, 15.0),
        # 2018: level 2: 1, level 3: 2, level 4: 1; shortened: P1 (10 -> 7) and P3 (20 -> 15)
        _procedure(2018, "P1", tp, "3", 10.0, 7.0, source_id="pub", demo=False),
        _procedure(2018, "P2", tp, "3", 5.0, 5.0),
        _procedure(2018, "P3", xd, "4", 20.0, 15.0),
        _procedure(2018, "P4", xd, "2", None, 3.0),  # legal days unknown: not known shortened
        # 2022: the forms of Decree 42/2022
        _procedure(2022, "P1", tp, "full", 10.0, 10.0),
        _procedure(2022, "P2", tp, "partial", 5.0, 5.0),
        _procedure(2022, "P3", xd, "none", 20.0, 20.0),
    ]
    return frame("procedures", rows, source_id="pub", demo=False)


def _dossier(unit: str, year: int, code: str | None, counts: tuple, **extra) -> dict:
    received, online, on_time, early, late = counts
    return {
        s.UNIT_CODE: unit,
        s.YEAR: year,
        s.PROCEDURE_CODE: code,
        s.FIELD: {"P1": "Tư pháp", "P2": "Tư pháp"}.get(code or "", "Xây dựng") if code else None,
        s.RECEIVED: received,
        s.ONLINE: online,
        s.ON_TIME: on_time,
        s.EARLY: early,
        s.LATE: late,
        s.PENDING: 0,
        **extra,
    }


def _dossiers() -> pd.DataFrame:
    rows = [
        # 2017: on time 38/40 = 95%, early 8/40 = 20%, online (level 3) 10/40 = 25%
        _dossier(NTL, 2017, "P1", (40, 10, 38, 8, 2)),
        # 2018: resolved 179 + 21 = 200; on time 179/200 = 89.5%, early 39/200 = 19.5%,
        # late 21/200 = 10.5%; online level 3 (P1 + P2) 80/120 = 66.67%, level 4 10/50 = 20%
        _dossier(NTL, 2018, "P1", (100, 80, 90, 30, 10)),
        _dossier(NTL, 2018, "P2", (20, 0, 20, 0, 0)),
        _dossier(NTL, 2018, "P3", (50, 10, 45, 5, 5)),
        _dossier(NTL, 2018, "P4", (30, 0, 24, 4, 6)),
        # another district: the city's pooled 2018 rate is (179 + 80) / (200 + 100) = 86.33%
        _dossier(BD, 2018, "P9", (100, 50, 80, 20, 20)),
        # 2025: March only
        _dossier(NTL, 2025, None, (10, 1, 9, 2, 1), month=3),
    ]
    return frame("dossier_stats", rows, source_id="pub", demo=False)


def _sources() -> pd.DataFrame:
    return frame(
        "sources",
        [
            {s.ID: "demo", s.TITLE: "Dữ liệu minh họa", s.SOURCE_KIND: "demo"},
            {s.ID: "gso", s.TITLE: "Danh mục GSO", s.SOURCE_KIND: "published"},
            {
                s.ID: "pub",
                s.TITLE: "Quận Nam Từ Liêm [bài báo]",
                s.URL: "https://example.org/ntl",
                s.PUBLISHER: "Báo A",
                s.SOURCE_KIND: "article",
            },
        ],
    )


@pytest.fixture(scope="module")
def data() -> Dataset:
    return Dataset(
        source="tiny",
        units=_units(),
        unit_successions=frame("unit_successions", []),
        sources=_sources(),
        par_scores=_scores(),
        procedures=_procedures(),
        dossier_stats=_dossiers(),
    )


@pytest.fixture(scope="module")
def catalog(data: Dataset) -> v.Catalog:
    return v.build_catalog(data)


@pytest.fixture()
def base(catalog: v.Catalog) -> v.Filters:
    return v.default_filters(catalog)


# --- filters ----------------------------------------------------------------------------------


def test_catalog(catalog: v.Catalog) -> None:
    # Decision 766's index is always offered; without a snapshot it opens on 2025, its first year
    assert catalog.index_years == {HANOI: (2017, 2018), NATIONAL: (2018,), s.INDEX_766: (2025,)}
    # scored units by name ("ba dinh", "dong da", "nam tu liem"), then the new 2025 ward
    assert catalog.unit_codes[HANOI] == (BD, DD, NTL, NEW_WARD)
    assert catalog.unit_codes[NATIONAL] == (HN,)
    assert catalog.year_options(HANOI) == tuple(range(2017, 2026))  # up to the reorganisation
    assert catalog.latest_year(NATIONAL) == 2018
    assert catalog.units[NEW_WARD].new and not catalog.units[NTL].new
    assert catalog.fields == ("Tư pháp", "Xây dựng")


def test_default_filters(base: v.Filters) -> None:
    assert (base.unit_code, base.unit_name, base.year, base.years) == (
        NTL,
        "Quận Nam Từ Liêm",
        2018,
        (2017, 2018),
    )
    assert (base.lang, base.index_id, base.field) == ("vi", HANOI, None)


def test_resolve_unit_by_name_and_year(data: Dataset, catalog, base) -> None:
    filters, notices = v.resolve_params(
        {"unit": "nam tu liem", "year": "2017"}, catalog, data.units, base
    )
    assert (filters.unit_code, filters.year, notices) == (NTL, 2017, ())
    filters, _ = v.resolve_params({"unit": "BA ĐÌNH", "year": "2018"}, catalog, data.units, base)
    assert filters.unit_code == BD  # in 2018 only the district is valid


def test_a_province_chooses_the_national_index(data: Dataset, catalog, base) -> None:
    filters, notices = v.resolve_params({"unit": HN}, catalog, data.units, base)
    assert (filters.index_id, filters.unit_code, filters.unit_level) == (NATIONAL, HN, "province")
    assert filters.years == (2018, 2018)  # 2017 is not a year of the national index
    assert notices == ()


def test_invalid_parameters_give_notices_and_keep_the_base(data: Dataset, catalog, base) -> None:
    cases = {
        "year": ("abc", "bad_param"),
        "lang": ("fr", "bad_param"),
        "index": ("mars", "bad_param"),
        "field": ("Không có", "bad_param"),
        "unit": ("zzz", "err_unit_not_found"),
    }
    for name, (value, key) in cases.items():
        filters, notices = v.resolve_params({name: value}, catalog, data.units, base)
        assert filters == base, name
        assert [n.key for n in notices] == [key], name
    filters, notices = v.resolve_params({"year": "1999"}, catalog, data.units, base)
    assert filters.year == 2018 and notices[0].key == "year_outside"
    assert "1999" in notices[0].text("vi") and "2017–2025" in notices[0].text("vi")


def test_an_ambiguous_name_is_reported(data: Dataset, catalog, base) -> None:
    # in 2025 both Quận Ba Đình (until 30 June) and Phường Ba Đình (from 1 July) exist
    filters, notices = v.resolve_params(
        {"unit": "ba dinh", "year": "2025"}, catalog, data.units, base
    )
    assert filters.unit_code == NTL and filters.year == 2025
    assert notices[0].key == "err_unit_ambiguous" and "001" in notices[0].text("en")
    assert "khớp với nhiều đơn vị" in notices[0].text("vi")  # one language, not both


def test_year_range_is_ordered_and_field_set(data: Dataset, catalog, base) -> None:
    params = {"from": "2018", "to": "2017", "field": "Tư pháp", "lang": "en"}
    filters, notices = v.resolve_params(params, catalog, data.units, base)
    assert (filters.years, filters.field, filters.lang, notices) == (
        (2017, 2018),
        "Tư pháp",
        "en",
        (),
    )
    cleared, _ = v.resolve_params({"field": ""}, catalog, data.units, filters)
    assert cleared.field is None


def test_encode_then_resolve_gives_the_same_filters(data: Dataset, catalog, base) -> None:
    chosen = v.make_filters(
        catalog,
        lang="en",
        index_id=HANOI,
        year=2017,
        year_from=2017,
        year_to=2025,
        unit_code=DD,
        field="Xây dựng",
    )
    params = v.encode_params(chosen)
    assert params == {
        "unit": DD,
        "year": "2017",
        "from": "2017",
        "to": "2025",
        "index": "hanoi",
        "lang": "en",
        "field": "Xây dựng",
    }
    assert v.resolve_params(params, catalog, data.units, base) == (chosen, ())
    assert "field" not in v.encode_params(base)


def test_changed_params() -> None:
    written = {"unit": NTL, "year": "2018"}
    assert v.changed_params({"unit": NTL, "year": "2019", "utm": "x"}, written) == {"year": "2019"}
    assert v.changed_params({}, written) == {}  # the page menu cleared the URL: nothing new


def test_switch_index(catalog: v.Catalog, base: v.Filters) -> None:
    national = v.switch_index(base, catalog, NATIONAL)
    assert (national.unit_code, national.year, national.years) == (HN, 2018, (2018, 2018))
    back = v.switch_index(national, catalog, HANOI)
    assert (back.unit_code, back.years) == (NTL, (2018, 2018))
    ward = replace(base, unit_code=NEW_WARD, unit_level="commune")
    assert v.switch_index(ward, catalog, HANOI) is ward


def test_page_url_and_method_changes(base: v.Filters) -> None:
    assert v.page_url(base, "unit", unit=DD) == (
        "unit?unit=006&year=2018&from=2017&to=2018&index=hanoi&lang=vi"
    )
    assert s.method_changes(2015, 2024) == (2017, 2022)
    assert s.method_changes(2017, 2021) == ()  # a change in the first year splits nothing
    assert s.method_changes(2016, 2017) == (2017,)


# --- rankings -------------------------------------------------------------------------------


def test_best_average(data: Dataset) -> None:
    history = v.index_history(data, HANOI)
    out = v.best_average(history, NTL)
    got = {(r.year, r.series): round(r.score, 4) for r in out.itertuples()}
    assert got == {
        (2017, "unit"): 95.5,
        (2017, "best"): 95.5,
        (2017, "average"): round((95.5 + 92.25 + 90.0) / 3, 4),  # 92.5833
        (2018, "unit"): 94.0,
        (2018, "best"): 94.0,
        (2018, "average"): round((94.0 + 93.0 + 91.0) / 3, 4),  # 92.6667
    }
    unit_2018 = out[(out[s.YEAR] == 2018) & (out[v.SERIES] == "unit")].iloc[0]
    assert (bool(unit_2018[s.DEMO]), unit_2018["source_ids"]) == (False, ("pub",))
    best_2018 = out[(out[s.YEAR] == 2018) & (out[v.SERIES] == "best")].iloc[0]
    assert (bool(best_2018[s.DEMO]), best_2018["source_ids"]) == (True, ("demo", "pub"))
    best_2017 = out[(out[s.YEAR] == 2017) & (out[v.SERIES] == "best")].iloc[0]
    assert (bool(best_2017[s.DEMO]), best_2017["source_ids"]) == (False, ("pub",))


def test_best_average_leaves_a_gap_for_a_missing_unit(data: Dataset) -> None:
    out = v.best_average(v.index_history(data, HANOI), "999")
    assert out.loc[out[v.SERIES] == "unit", s.SCORE].isna().all()
    assert out.loc[out[v.SERIES] == "best", s.SCORE].tolist() == [95.5, 94.0]


def test_rank_display_and_leaders(data: Dataset, base: v.Filters) -> None:
    table = v.year_ranking(data, HANOI, 2018)
    shown = v.rank_display(table, base)
    assert list(shown.columns) == [
        "Hạng",
        "Đơn vị",
        "Điểm",
        "Thay đổi hạng",
        "Thay đổi điểm",
        "Trang đơn vị",
    ]
    assert shown.iloc[0].tolist() == [
        1,
        "Quận Nam Từ Liêm",
        "94%",
        "=",
        "-1,50",
        "unit?unit=019&year=2018&from=2017&to=2018&index=hanoi&lang=vi",
    ]
    assert shown["Thay đổi hạng"].tolist() == ["=", "↑1", "↓1"]
    assert v.leaders_sentence(table, "vi") == (
        "Năm 2018, dẫn đầu: **Quận Nam Từ Liêm** (94%); cuối bảng: Quận Đống Đa (91%)."
    )
    first_year = v.rank_display(v.year_ranking(data, HANOI, 2017), replace(base, lang="en"))
    assert first_year["Rank change"].tolist() == ["–"] * 3  # no 2016: missing, not 0
    assert v.leaders_sentence(v.year_ranking(data, HANOI, 2025), "vi") is None


# --- headline and story ---------------------------------------------------------------------


def _values(head: v.Headline) -> dict[str, tuple]:
    return {
        m.key: (None if m.value is None else round(m.value, 2), m.previous and round(m.previous, 2))
        for m in head.metrics + head.extra
    }


def test_headline_2018(data: Dataset) -> None:
    head = v.headline(data, NTL, 2018)
    assert (head.index_id, head.era, head.unit_name) == (HANOI, "levels", "Quận Nam Từ Liêm")
    assert _values(head) == {
        "m_score": (94.0, 95.5),
        "m_rank": (1.0, 1.0),
        "m_on_time": (89.5, 95.0),
        "m_shortened": (2.0, 0.0),
        "m_proc_3": (2.0, 1.0),
        "m_proc_4": (1.0, 0.0),  # 2017 has a catalogue without level 4: a true 0
        "m_share_3": (66.67, 25.0),
        "m_share_4": (20.0, None),  # no level-4 dossiers in 2017: no change to give
        "m_early": (19.5, 20.0),
        # all dossiers: 2018 (80 + 0 + 10 + 0) / 200 = 45%; 2017 10 / 40 = 25%
        "m_share_all": (45.0, 25.0),
        "m_short_fields": (2.0, 0.0),  # P1 (Tư pháp) and P3 (Xây dựng)
        "m_one_stop": (None, None),  # one_stop unknown for every procedure: not 0%
    }
    rank = head.get("m_rank")
    assert rank is not None and rank.total == 3
    score = head.get("m_score")
    assert score is not None and (score.demo, score.source_ids) == (False, ("pub",))
    procedures = head.get("m_proc_3")
    assert procedures is not None and procedures.source_ids == ("pub",)


def test_metric_text(data: Dataset) -> None:
    head = v.headline(data, NTL, 2018)
    texts = {m.key: v.metric_text(m, "vi") for m in head.metrics}
    assert (texts["m_score"].value, texts["m_score"].delta) == ("94%", "-1,50 điểm %")
    # a rank's change in words: "↑ 0 bậc" read as a rise, "↓ -24 bậc" as a double negative
    assert (texts["m_rank"].value, texts["m_rank"].delta) == ("thứ 1/3", "giữ nguyên thứ hạng")
    assert (texts["m_rank"].delta_color, texts["m_rank"].arrow) == ("gray", "off")
    assert (texts["m_share_3"].value, texts["m_share_3"].delta) == ("66,67%", "+41,67 điểm %")
    assert (texts["m_share_4"].value, texts["m_share_4"].delta) == ("20%", None)
    assert (texts["m_proc_3"].value, texts["m_proc_3"].delta) == ("2", "+1")
    english = v.metric_text(head.metrics[1], "en")
    assert (english.label, english.value, english.delta) == ("Rank", "1st of 3", "same rank")
    fell = replace(head.metrics[1], value=26, previous=2, total=30)
    assert (v.metric_text(fell, "vi").delta, v.metric_text(fell, "vi").arrow) == (
        "tụt 24 bậc",
        "down",
    )
    assert v.metric_text(fell, "vi").delta_color == "red"
    rose = replace(head.metrics[1], value=2, previous=5, total=30)
    assert (v.metric_text(rose, "en").delta, v.metric_text(rose, "en").delta_color) == (
        "up 3 places",
        "green",
    )


def test_story_2018(data: Dataset) -> None:
    head = v.headline(data, NTL, 2018)
    assert v.unit_story(head, "vi") == [
        "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/3 với 94%, giữ nguyên thứ hạng so với năm 2017.",
        "Năm 2018, Quận Nam Từ Liêm cung cấp 2 thủ tục trực tuyến mức độ 3 và 1 thủ tục mức độ 4.",
        "Năm 2018, tỷ lệ hồ sơ nộp trực tuyến của thủ tục mức độ 3 và mức độ 4 tại "
        "Quận Nam Từ Liêm lần lượt đạt 66,67% và 20%.",
        "Năm 2018, Quận Nam Từ Liêm giải quyết đúng hạn 89,5% hồ sơ, trong đó 19,5% trước hạn.",
        "Năm 2018, Quận Nam Từ Liêm rút ngắn thời gian giải quyết 2 thủ tục so với quy định.",
    ]
    assert v.unit_story(head, "en")[0] == (
        "In 2018, Quận Nam Từ Liêm ranked 1st of 3 with 94%, the same rank as in 2017."
    )


def test_story_of_a_unit_that_moved(data: Dataset) -> None:
    head = v.headline(data, BD, 2017)  # a complete, published year: its ranks are facts
    assert v.unit_story(head, "vi")[0] == "Năm 2017, Quận Ba Đình xếp thứ 3/3 với 90%."
    scores = data.par_scores.copy()
    scores.loc[scores[s.DEMO], [s.DEMO, s.SOURCE_ID]] = [False, "pub"]  # 2018 all published
    published = replace(data, par_scores=scores)
    head = v.headline(published, BD, 2018)
    assert v.unit_story(head, "vi")[0] == (
        "Năm 2018, Quận Ba Đình xếp thứ 2/3 với 93%, tăng 1 bậc so với năm 2017."
    )
    head = v.headline(published, DD, 2018)
    assert v.unit_story(head, "en")[0].endswith("ranked 3rd of 3 with 91%, down 1 from 2017.")


def test_a_rank_among_generated_scores_is_generated_and_never_told(data: Dataset) -> None:
    """2018: Đống Đa's score is generated, so Ba Đình's rank (not published) is too: its card
    says "demo" and no sentence states it; Nam Từ Liêm's published 1st stays a fact."""
    bd = v.headline(data, BD, 2018).get("m_rank")
    assert bd is not None and bd.value == 2 and bd.demo
    assert v.metric_text(bd, "vi").demo
    assert not any("xếp" in text for text in v.unit_story(v.headline(data, BD, 2018), "vi"))
    ntl = v.headline(data, NTL, 2018).get("m_rank")
    assert ntl is not None and not ntl.demo


def test_a_generated_figure_is_never_a_sentence(data: Dataset) -> None:
    demo = data.dossier_stats.assign(**{s.DEMO: True, s.SOURCE_ID: "demo"})
    head = v.headline(replace(data, dossier_stats=demo), NTL, 2018)
    on_time = head.get("m_on_time")
    assert on_time is not None and on_time.value == 89.5 and on_time.demo
    story = v.unit_story(head, "vi")
    assert not any("đúng hạn" in text or "66,67%" in text for text in story)


def test_published_figures_stand_where_no_row_exists(data: Dataset) -> None:
    """The seed article's 2018 figures: 161 / 19 procedures at levels 3 / 4, as published;
    "more than 20%" early stays a bound, never the number 20."""
    published = frame(
        "figures",
        [
            {s.UNIT_CODE: BD, s.YEAR: 2019, s.PERIOD: "2019", s.INDICATOR: "procedures_level3",
             s.VALUE: 161.0},
            {s.UNIT_CODE: BD, s.YEAR: 2019, s.PERIOD: "2019", s.INDICATOR: "procedures_level4",
             s.VALUE: 19.0},
            {s.UNIT_CODE: BD, s.YEAR: 2019, s.PERIOD: "2019", s.INDICATOR: "early_rate",
             s.VALUE: 20.0, s.COMPARATOR: ">"},
            {s.UNIT_CODE: BD, s.YEAR: 2019, s.PERIOD: "2019-Q3", s.INDICATOR: "on_time_rate",
             s.VALUE: 99.86},
        ],
        source_id="pub",
    )  # fmt: skip
    with_figures = replace(data, figures=published)
    head = v.headline(with_figures, BD, 2019)
    texts = {m.key: v.metric_text(m, "vi") for m in head.metrics + head.extra}
    assert texts["m_proc_3"].value == "161" and texts["m_proc_4"].value == "19"
    assert texts["m_early"].value == "> 20%"
    assert texts["m_on_time"].label == "Hồ sơ giải quyết đúng hạn (quý III/2019)"
    assert head.get("m_proc_3").source_ids == ("pub",)
    assert (
        "Năm 2019, Quận Ba Đình cung cấp 161 thủ tục trực tuyến mức độ 3 và 19 thủ tục mức độ 4."
        in v.unit_story(head, "vi")
    )
    levels = v.levels_frame(with_figures, BD, (2018, 2019))
    assert levels[[s.YEAR, s.ONLINE_LEVEL, "procedures"]].values.tolist() == [
        [2019, "3", 161],
        [2019, "4", 19],
    ]


def test_headline_after_decree_42(data: Dataset) -> None:
    head = v.headline(data, NTL, 2022)
    values = _values(head)
    assert head.era == "forms"
    assert values["m_proc_full"] == (1.0, None)  # 2021 is another classification
    assert values["m_proc_partial"] == (1.0, None)
    assert values["m_score"] == (None, None) and values["m_on_time"] == (None, None)
    assert "m_proc_3" not in values
    assert v.unit_story(head, "vi") == [
        "Năm 2022, Quận Nam Từ Liêm cung cấp 1 thủ tục trực tuyến toàn trình và 1 thủ tục một phần.",
        "Năm 2022, Quận Nam Từ Liêm chưa có thủ tục nào được rút ngắn thời gian giải quyết so "
        "với quy định.",  # a catalogue with the days of all three: a true 0
    ]


def test_a_new_ward_has_no_data_not_zeros(data: Dataset) -> None:
    head = v.headline(data, NEW_WARD, 2025)
    assert head.index_id is None and not head.has_data
    assert all(m.value is None for m in head.metrics)
    assert {v.metric_text(m, "vi").value for m in head.metrics} == {"Không có dữ liệu"}
    assert all(v.metric_text(m, "en").missing for m in head.metrics)
    assert v.unit_story(head, "en") == ["No published figures for Phường Ba Đình in 2025 yet."]
    rows = v.headline_rows(head, "vi")
    assert rows["value"].isna().all() and len(rows) == 12


def test_partial_years(data: Dataset) -> None:
    assert v.partial_years(data, NTL, (2017, 2025)) == ((2025, (3,)),)
    assert v.headline(data, NTL, 2025).get("m_on_time").value == 90.0  # 9 / (9 + 1)


def test_a_year_with_a_yearly_row_is_whole_even_with_monthly_rows(data: Dataset) -> None:
    """2025 has March only; a yearly row for 2025 (another procedure) makes it whole."""
    yearly = frame(
        "dossier_stats", [_dossier(NTL, 2025, "P1", (5, 0, 5, 0, 0))], source_id="demo", demo=True
    )
    both = replace(data, dossier_stats=pd.concat([data.dossier_stats, yearly], ignore_index=True))
    assert v.partial_years(both, NTL, (2017, 2025)) == ()
    monthly = yearly.assign(**{s.MONTH: pd.array([7], dtype="Int64")})
    two = replace(data, dossier_stats=pd.concat([data.dossier_stats, monthly], ignore_index=True))
    assert v.partial_years(two, NTL, (2025, 2025)) == ((2025, (3, 7)),)


# --- online services, shortened procedures, timeliness --------------------------------------


def test_levels_frame(data: Dataset) -> None:
    out = v.levels_frame(data, NTL, (2017, 2018))
    got = list(zip(out[s.YEAR], out[s.ONLINE_LEVEL], out["procedures"], strict=True))
    assert got == [(2017, "2", 1), (2017, "3", 1), (2018, "2", 1), (2018, "3", 2), (2018, "4", 1)]
    field_only = v.levels_frame(data, NTL, (2018, 2018), "Xây dựng")
    assert field_only["procedures"].tolist() == [1, 1]  # P4 level 2, P3 level 4


def test_share_frame(data: Dataset) -> None:
    out = v.share_frame(data, NTL, (2017, 2018))
    got = [
        (y, lv, round(x, 2))
        for y, lv, x in zip(out[s.YEAR], out[s.ONLINE_LEVEL], out["share"], strict=True)
    ]
    assert got == [(2017, "3", 25.0), (2018, "3", 66.67), (2018, "4", 20.0)]  # no level 2
    # a year's shares do not depend on the period around it (the unit's shares are kept
    # for every year and sliced): 2018 alone and within 2010–2030 read as above
    for period in ((2018, 2018), (2010, 2030)):
        rows = v.share_frame(data, NTL, period)
        rows = rows[rows[s.YEAR] == 2018]
        assert [round(x, 2) for x in rows["share"]] == [66.67, 20.0], period
    assert set(v.share_frame(data, NTL, (2018, 2018))[s.YEAR]) == {2018}


def test_shortened_fields_and_days(data: Dataset) -> None:
    fields = v.shortened_fields(data, NTL, 2018)
    assert fields[s.FIELD].tolist() == ["Tư pháp", "Xây dựng"]
    assert fields["procedures"].tolist() == [2, 2]
    assert fields["days_known"].tolist() == [2, 1]  # P4 has no legal days
    assert fields["shortened"].tolist() == [1, 1]
    days = v.shortened_days(data, NTL, 2018)
    assert days[s.PROCEDURE_CODE].tolist() == ["P3", "P1"]  # 5 days saved, then 3
    assert days["days_saved"].tolist() == [5.0, 3.0]
    assert v.shortened_days(data, NTL, 2018, limit=1)[s.PROCEDURE_CODE].tolist() == ["P3"]
    assert v.shortened_fields(data, NTL, 2017)["shortened"].tolist() == [0, 0]
    assert v.shortened_fields(data, NTL, 2020).empty  # no catalogue: nothing, not zeros


def test_timeliness_frame_and_trend(data: Dataset) -> None:
    parts = v.timeliness_frame(data, NTL, (2018, 2018)).iloc[0]
    assert (parts["on_time_rate"], parts["early_rate"], parts["late_rate"]) == (89.5, 19.5, 10.5)
    assert math.isclose(parts[v.ON_TIME_ONLY_RATE], 70.0)
    trend = v.on_time_trend(data, NTL, (2017, 2018))
    got = {(r.year, r.series): round(r.on_time_rate, 2) for r in trend.itertuples()}
    assert got == {
        (2017, "unit"): 95.0,
        (2018, "unit"): 89.5,
        (2017, "city"): 95.0,
        (2018, "city"): 86.33,
    }
    assert v.on_time_trend(data, HN, (2017, 2018)).empty  # no province dossiers
    # a year's rates do not depend on the period around it (the series is kept per unit and
    # sliced): 2018 alone, and 2018 within 2010–2030, read as above
    for period in ((2018, 2018), (2010, 2030)):
        rows = v.on_time_trend(data, NTL, period)
        got = {r.series: round(r.on_time_rate, 2) for r in rows.itertuples() if r.year == 2018}
        assert got == {"unit": 89.5, "city": 86.33}, period
    assert set(v.on_time_trend(data, NTL, (2018, 2018))[s.YEAR]) == {2018}


def test_the_city_series_is_kept_per_dataset(data: Dataset) -> None:
    """The pooled city rate is kept with the dataset it came from: a changed dataset (an
    import) gets its own."""
    city = {"year": 2018, "series": "city"}
    assert round(v.on_time_trend(data, NTL, (2018, 2018)).iloc[-1]["on_time_rate"], 2) == 86.33
    other = data.dossier_stats[s.UNIT_CODE] == BD
    changed = data.dossier_stats.copy()
    changed.loc[other, s.ON_TIME] = 100  # BD: 100 on time, 20 late
    newer = replace(data, dossier_stats=changed)
    trend = v.on_time_trend(newer, NTL, (2018, 2018)).set_index(list(city))
    assert (
        round(trend.loc[tuple(city.values()), "on_time_rate"], 2) == 87.19
    )  # (179 + 100) / (200 + 120)
    assert round(v.on_time_trend(data, NTL, (2018, 2018)).iloc[-1]["on_time_rate"], 2) == 86.33


def test_data_tables(data: Dataset) -> None:
    scores = v.data_table(data, "scores", HANOI, (2018, 2018))
    assert len(scores) == 3 and set(scores[s.YEAR]) == {2018}
    times = v.data_table(data, "timeliness", HANOI, (2017, 2018), code=NTL)
    assert list(times.columns[:3]) == [s.UNIT_CODE, s.NAME_VI, s.YEAR]
    assert times[s.NAME_VI].unique().tolist() == ["Quận Nam Từ Liêm"]
    for name in v.DATA_TABLES:
        if name != "figures":  # the tiny dataset has no published figures
            assert not v.data_table(data, name, HANOI, (2017, 2018)).empty, name
    with pytest.raises(ValueError, match="unknown table"):
        v.data_table(data, "secrets", HANOI, (2017, 2018))


def test_views_do_not_mutate_the_dataset(data: Dataset) -> None:
    before = {
        name: data.table(name).copy()
        for name in ("units", "par_scores", "procedures", "dossier_stats")
    }
    v.headline(data, NTL, 2018)
    v.levels_frame(data, NTL, (2017, 2025), "Tư pháp")
    v.share_frame(data, NTL, (2017, 2025))
    v.timeliness_frame(data, NTL, (2017, 2025))
    v.on_time_trend(data, NTL, (2017, 2025))
    v.data_table(data, "online_share", HANOI, (2017, 2025))
    v.best_average(v.index_history(data, HANOI), NTL)
    for name, frame_before in before.items():
        pd.testing.assert_frame_equal(data.table(name), frame_before)
