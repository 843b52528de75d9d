"""Every page of dashboard.py under Streamlit's AppTest: content, number formats, the demo
badge, "no data", the URL round trip and the filters. Pages are reached the way a link does:
query parameters first, then the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import (
    BADGE,
    DASHBOARD,
    OVERVIEW,
    chart_layouts,
    chart_titles,
    metrics,
    open_app,
    shown,
    table_with,
    texts,
)

from indicators.i18n import t
from ui.nav import PAGES
from ui.render import BARE_TOP

# what each page says first, per language (unit 019, year 2018)
HEADINGS = {
    "pages/overview.py": ("Quận Nam Từ Liêm – năm 2018", "Quận Nam Từ Liêm – 2018"),
    "pages/rankings.py": (
        "Xếp hạng Chỉ số CCHC của Hà Nội (quận, huyện, thị xã)",
        "Rankings: Hanoi's PAR index (districts)",
    ),
    "pages/online_services.py": (
        "Dịch vụ công trực tuyến: Quận Nam Từ Liêm",
        "Online services: Quận Nam Từ Liêm",
    ),
    "pages/shortened_procedures.py": (
        "Rút ngắn thời gian giải quyết: Quận Nam Từ Liêm, năm 2018",
        "Shortened procedures: Quận Nam Từ Liêm, 2018",
    ),
    "pages/timeliness.py": (
        "Tiến độ giải quyết hồ sơ: Quận Nam Từ Liêm",
        "On-time resolution: Quận Nam Từ Liêm",
    ),
    "pages/unit.py": (
        "Trang đơn vị: Quận Nam Từ Liêm – năm 2018",
        "Unit page: Quận Nam Từ Liêm – 2018",
    ),
    "pages/map.py": ("Bản đồ", "Map"),
    "pages/data.py": ("Dữ liệu & tải về", "Data & downloads"),
    "pages/about.py": ("Phương pháp & nguồn", "Method & sources"),
}
CHARTS = {  # plotly charts on each page for 019 in 2018: published figures only / demo on
    "pages/overview.py": (0, 1),  # 2018: only Nam Từ Liêm's rank (1st) was published
    "pages/rankings.py": (2, 2),
    "pages/online_services.py": (2, 3),  # 161 / 19 procedures (2018), 98,67% / 20% (2019);
    # with demo data, the shares the online targets are set on (NQ 76/NQ-CP) as well
    "pages/shortened_procedures.py": (0, 2),  # 50 in 8 fields (2019): a table, no chart
    "pages/timeliness.py": (1, 2),  # 99,99% on time (2019)
    "pages/unit.py": (3, 5),
    "pages/map.py": (2, 2),  # the whole city and its 12 urban districts zoomed
    "pages/data.py": (0, 0),
    "pages/about.py": (0, 0),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", [spec.file for spec in PAGES])
def test_every_page_in_both_languages(page: str, lang: str) -> None:
    """With no setting: only published figures, no demo badge or banner anywhere."""
    at = open_app(page, unit="019", year="2018", lang=lang)
    assert [e.value for e in at.title] == [HEADINGS[page][lang == "en"]]
    assert not at.error
    # the menu: one link per page, in the language, each keeping the filters
    links = [link for link in at.get("page_link") if link.proto.label in _menu_labels(lang)]
    assert len(links) == len(PAGES)
    assert all("unit=019" in link.proto.query_string for link in links)
    assert all(f"lang={lang}" in link.proto.query_string for link in links)
    layouts = chart_layouts(at)
    assert len(layouts) == CHARTS[page][0]
    assert {layout["separators"] for layout in layouts} <= {",." if lang == "vi" else ".,"}
    assert BADGE[lang] not in [m.value for m in at.markdown]
    assert not [w for w in at.warning if t("demo_banner", lang) in w.value]
    assert at.sidebar.toggle(key="f_demo").value is False


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", [spec.file for spec in PAGES])
def test_every_page_with_demo_data_on(page: str, lang: str) -> None:
    """demo=1: the banner on every page, the badge under every chart (each has demo rows)."""
    at = open_app(page, unit="019", year="2018", lang=lang, demo="1")
    assert [e.value for e in at.title] == [HEADINGS[page][lang == "en"]]
    assert [w.value for w in at.warning][:1] == [t("demo_banner", lang)]
    layouts = chart_layouts(at)
    assert len(layouts) == CHARTS[page][1]
    if layouts:
        assert BADGE[lang] in [m.value for m in at.markdown]
    assert at.query_params["demo"] == "1" and at.sidebar.toggle(key="f_demo").value is True


def _menu_labels(lang: str) -> set[str]:
    return {t(spec.title_key, lang) for spec in PAGES}


def test_unit_2018_shows_the_published_figures_and_nothing_else() -> None:
    at = open_app("pages/unit.py", unit="019", year="2018")
    cards = metrics(at)
    assert cards == {
        "Xếp hạng": "thứ 1/30",  # the seed article: 1st of Hanoi's 30 districts
        "Thủ tục mức độ 3": "161",
        "Thủ tục mức độ 4": "19",
    }
    assert "Điểm CCHC" in texts(at)  # listed as not published, never a number
    story = shown(at.markdown[0].value)
    assert story.startswith(
        "Năm 2018, Quận Nam Từ Liêm xếp thứ 1/30, giữ nguyên thứ hạng so với năm 2017."
    )
    assert "cung cấp 161 thủ tục trực tuyến mức độ 3 và 19 thủ tục mức độ 4." in story
    assert "tinbong247news.net (bản đăng lại)" in texts(at)
    assert at.query_params == {
        "unit": "019",
        "year": "2018",
        "from": "2016",
        "to": "2025",
        "index": "hanoi",
        "lang": "vi",
    }


def test_unit_2018_with_demo_data_marks_every_generated_card() -> None:
    at = open_app("pages/unit.py", unit="019", year="2018", demo="1")
    cards = {m.label: m.value for m in at.metric}
    assert cards["Thủ tục mức độ 3"] == "161"  # published: no mark, no change vs a generated
    assert cards["Xếp hạng"] == "thứ 1/30"  # published
    demo = [label for label in cards if "minh họa" in label]
    assert demo and all(label.endswith(":orange-badge[minh họa]") for label in demo)
    assert "Điểm CCHC :orange-badge[minh họa]" in demo  # 1st, with a generated score
    assert "93" not in at.markdown[0].value  # the story never states the generated score


def test_unit_2019_in_vietnamese_and_english() -> None:
    vi = metrics(open_app("pages/unit.py", unit="019", year="2019"))
    assert vi["Nộp trực tuyến (mức độ 3)"] == "98,67%"
    assert vi["Hồ sơ giải quyết đúng hạn"] == "99,99%"
    assert "Xếp hạng" not in vi  # Nam Từ Liêm's 2019 rank was not published
    en = metrics(open_app("pages/unit.py", unit="019", year="2019", lang="en"))
    assert en["Filed online (level 3)"] == "98.67%"
    assert en["Dossiers on time"] == "99.99%"


def test_the_landing_view_opens_on_the_latest_published_year() -> None:
    at = open_app(OVERVIEW)
    assert at.title[0].value == "Quận Nam Từ Liêm – năm 2023"
    assert metrics(at) == {"Điểm CCHC": "95,7%", "Xếp hạng": "thứ 2/30"}
    linked = open_app("pages/unit.py", unit="271")  # Ba Vì: its March 2025 on-time rate
    assert linked.query_params["year"] == "2025"


def test_a_year_without_published_figures_says_so_and_points_to_one() -> None:
    at = open_app(OVERVIEW, unit="019", year="2024")
    assert not at.metric
    info = [i.value for i in at.info]
    assert (
        "Chưa có số liệu công bố năm 2024 cho Quận Nam Từ Liêm — năm gần nhất có số liệu: 2023."
        in info
    )
    at.button(key="open-near-year").click().run()
    assert at.query_params["year"] == "2023" and metrics(at)["Xếp hạng"] == "thứ 2/30"


def test_unit_by_name_resolves_to_its_code() -> None:
    at = open_app("pages/unit.py", unit="nam tu liem", year="2018")
    assert at.title[0].value == "Trang đơn vị: Quận Nam Từ Liêm – năm 2018"
    assert at.query_params["unit"] == "019"


def test_rankings_2023_shows_the_published_ranks_among_30() -> None:
    at = open_app("pages/rankings.py", year="2023")
    table = table_with(at, "Hạng")
    first = table.iloc[0]
    assert (first["Hạng"], first["Đơn vị"], first["Điểm"]) == (1, "Quận Đống Đa", "96,3%")
    assert table.iloc[1:3]["Điểm"].tolist() == ["95,7%", "95,7%"]  # the published tie
    assert table["Hạng"].tolist() == [1, 2, 2, 4, 5, 12, 30]  # Long Biên 12th, Phú Xuyên last
    assert "dẫn đầu: **Quận Đống Đa** (96,3%); cuối bảng: Huyện Phú Xuyên (91,61%)" in texts(at)
    assert "Năm 2023 mới có thứ hạng công bố của 7/30 đơn vị" in texts(at)
    assert first["Trang đơn vị"].startswith("unit?unit=006&year=2023")
    # a row can be picked (one at a time): its source and passage open under the table
    rank = next(d for d in at.dataframe if "Hạng" in d.value.columns)
    assert list(rank.proto.selection_mode) == [0]  # SINGLE_ROW
    assert BADGE["vi"] not in [m.value for m in at.markdown]
    titles = chart_titles(at)
    assert titles[0] == "Thứ hạng theo Chỉ số CCHC Hà Nội, 2016–2025"
    assert titles[1] == "Quận Nam Từ Liêm: điểm so với cao nhất và trung bình, 2016–2025"
    assert "Phương pháp đánh giá thay đổi năm 2017, 2022" in texts(at)


def test_rankings_2023_with_demo_data_ranks_all_30() -> None:
    at = open_app("pages/rankings.py", year="2023", demo="1")
    table = table_with(at, "Hạng")
    assert len(table) == 30 and table["Hạng"].tolist()[:5] == [1, 2, 2, 4, 5]
    assert table.iloc[0]["Đơn vị"] == "Quận Đống Đa"
    assert BADGE["vi"] in [m.value for m in at.markdown]


def test_rankings_link_to_the_profile() -> None:
    at = open_app("pages/rankings.py", year="2023")
    profile = [
        p for p in at.get("page_link") if p.proto.page == "unit" and "Mở trang" in p.proto.label
    ]
    assert len(profile) == 1
    assert profile[0].proto.label == "Mở trang đơn vị: Quận Nam Từ Liêm"
    assert "unit=019&year=2023" in profile[0].proto.query_string


def test_national_index_is_noted() -> None:
    at = open_app("pages/rankings.py", index="national", year="2023")
    assert at.query_params["unit"] == "01"  # a district is not ranked among provinces
    assert any("PAR INDEX do Bộ Nội vụ đánh giá 63 tỉnh" in i.value for i in at.info)
    first = table_with(at, "Hạng").iloc[0]
    assert (first["Đơn vị"], first["Điểm"]) == ("Tỉnh Quảng Ninh", "92,18%")
    assert "Năm 2023 mới có thứ hạng công bố của 16/63 đơn vị" in texts(at)


def test_march_2025_figures_of_a_district_are_shown_as_published() -> None:
    at = open_app(OVERVIEW, unit="271", year="2025")  # Ba Vì: the city's lowest on-time rate
    assert metrics(at) == {"Hồ sơ giải quyết đúng hạn (tháng 3/2025)": "79,52%"}
    assert "Văn phòng Chính phủ, 2025 — news.laodong.vn" in texts(at)


def test_march_2025_with_demo_data_keeps_the_published_figure() -> None:
    at = open_app(OVERVIEW, unit="271", year="2025", demo="1")
    assert metrics(at)["Hồ sơ giải quyết đúng hạn (tháng 3/2025)"] == "79,52%"
    assert "Số liệu hồ sơ năm 2025 chỉ gồm tháng 3" in texts(at)


def test_overview_city_picture_highlights_my_unit() -> None:
    at = open_app(OVERVIEW, unit="006", year="2023")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = spec["data"][0]
    colours = dict(zip(bars["y"], bars["marker"]["color"], strict=True))
    assert colours["Quận Đống Đa"] == "#c62828"
    assert {c for name, c in colours.items() if name != "Quận Đống Đa"} == {"#b0bec5"}
    assert len(colours) == 6  # the six published scores; Long Biên's 12th has none
    # the title is written above the chart (it wraps on a phone), not inside it
    assert chart_titles(at)[0] == "Điểm Chỉ số CCHC Hà Nội năm 2023"
    assert spec["layout"]["title"]["text"] == "" and spec["layout"]["margin"]["t"] == BARE_TOP
    assert spec["layout"]["xaxis"]["range"][0] == 0  # bars from zero


def test_online_services_marks_decree_42() -> None:
    at = open_app("pages/online_services.py", unit="019", year="2023", demo="1")
    layout = chart_layouts(at)[0]
    assert [shape["x0"] for shape in layout["shapes"]] == [2021.5]
    # on two lines, so that it ends before the axis at a projector's width
    assert layout["annotations"][0]["text"] == "Nghị định 42/2022:<br>toàn trình / một phần"


def test_changing_filters_updates_the_url() -> None:
    at = open_app("pages/unit.py", unit="019", year="2018", demo="1")
    at.sidebar.selectbox(key="f_year").set_value(2019).run()
    assert at.query_params["year"] == "2019"
    assert metrics(at)["Nộp trực tuyến (mức độ 3)"] == "98,67%"
    at.sidebar.selectbox(key="f_unit").set_value("006").run()
    assert (at.query_params["unit"], at.title[0].value) == (
        "006",
        "Trang đơn vị: Quận Đống Đa – năm 2019",
    )
    at.sidebar.selectbox(key="f_field").set_value("Tư pháp").run()
    assert at.query_params["field"] == "Tư pháp"
    assert all("Lĩnh vực: Tư pháp" in title for title in chart_titles(at)[1:])
    # the headline cards say they count one field, not the unit (never quoted as its total)
    assert at.info[0].value.startswith("Lĩnh vực: **Tư pháp**. Số thủ tục, hồ sơ và tỷ lệ")
    at.sidebar.radio(key="f_lang").set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert at.title[0].value == "Unit page: Quận Đống Đa – 2019"
    # the URL the app wrote reopens the same view in a new session
    again = open_app("pages/unit.py", **at.query_params)
    assert again.title[0].value == at.title[0].value
    assert metrics(again) == metrics(at)


def test_switching_index_takes_its_unit_and_years() -> None:
    at = open_app("pages/rankings.py", unit="019", year="2018")
    at.sidebar.radio(key="f_index").set_value("national_par").run()
    assert not at.exception
    assert (at.query_params["index"], at.query_params["unit"]) == ("national", "01")
    assert at.title[0].value == "Xếp hạng PAR INDEX cấp tỉnh (Bộ Nội vụ)"


def test_bad_parameters_are_reported_not_raised() -> None:
    at = open_app(OVERVIEW, unit="không có đơn vị này", year="abc")
    warnings = [w.value for w in at.warning]
    assert any("Không tìm thấy đơn vị 'không có đơn vị này'" in w for w in warnings)
    assert any("Giá trị 'abc' của tham số 'year' không hợp lệ" in w for w in warnings)
    assert at.title[0].value == "Quận Nam Từ Liêm – năm 2023"  # the defaults
    assert (at.query_params["unit"], at.query_params["year"]) == ("019", "2023")


def test_data_page_tables_and_download() -> None:
    at = open_app("pages/data.py", unit="019", year="2018", to="2019", field="Tư pháp", demo="1")
    assert len(at.dataframe) == 1
    assert set(at.dataframe[0].value["Năm"]) == {"2015", "2016", "2017", "2018", "2019"}
    at.radio(key="data_table").set_value("timeliness").run()
    at.toggle(key="data_only_mine").set_value(True).run()
    table = at.dataframe[0].value
    assert set(table["Mã đơn vị"]) == {"019"} and "Tỷ lệ đúng hạn (%)" in table.columns
    assert table["Tên đơn vị"].unique().tolist() == ["Quận Nam Từ Liêm"]
    assert all(
        "," in rate for rate in table["Tỷ lệ đúng hạn (%)"]
    )  # 98,67, read the Vietnamese way
    labels = [d.label for d in at.get("download_button")]
    assert labels[:3] == ["Tải CSV", "Tải Excel (XLSX)", "Tải Parquet"]  # then the templates


def test_about_lists_every_source_and_the_caveats() -> None:
    at = open_app("pages/about.py")
    text = texts(at)
    for phrase in (
        "Nghị định 42/2022/NĐ-CP",
        "toàn trình",
        "2017 và 2022",
        "63 còn 34",
        "126 xã, phường",
        "không chuyển sang",
        "Dữ liệu minh họa",
    ):
        assert phrase in text, phrase
    sources = shown(next(m.value for m in at.markdown if m.value.startswith("- ")))
    assert len(sources.splitlines()) == 145  # every source of the published figures
    assert "[UBND quận Nam Từ Liêm, 2017–2019 — tinbong247news.net (bản đăng lại)](" in sources
    assert "seed" not in text and "demo = " not in text


def test_map_page() -> None:
    """The map itself is tested in test_pages_map.py."""
    at = open_app("pages/map.py", lang="en")
    assert "Click a unit on the map to open its profile" in at.caption[0].value


def test_a_broken_dataset_shows_the_report_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "par_scores.parquet").write_bytes(b"not parquet")
    monkeypatch.setenv("PAR_DATA_SOURCE", str(tmp_path))
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception
    report = at.error[0].value
    assert "Dữ liệu không hợp lệ" in report and "Invalid dataset" in report
    assert "không đọc được tệp" in report and "cannot read the file" in report
    monkeypatch.setenv("PAR_DATA_SOURCE", str(tmp_path / "missing"))
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert "no such data folder" in at.error[0].value and not at.exception


def test_online_services_of_a_2024_district_draw_the_online_target_named_by_its_instrument():
    at = open_app("pages/online_services.py", unit="019", year="2024", demo="1")
    traces = [tr for c in at.get("plotly_chart") for tr in json.loads(c.proto.spec)["data"]]
    line = next(tr for tr in traces if tr.get("name") == "NQ 76/NQ-CP: ≥ 80% (2025)")
    assert line["y"] == [80.0, 80.0]  # at least 80% of procedures online by 2025
    # the unit's page lists its targets of the year, the on-time one judged (generated rate)
    unit = open_app("pages/unit.py", unit="019", year="2024", demo="1")
    said = " ".join(m.value for m in unit.markdown)  # Markdown made inert: \\( \\- \\: a joiner
    plain = said.replace("\\", "").replace("\u2060", "")
    line = "Chưa đạt (99,05%) (minh họa) — Hồ sơ đúng hạn, KH 136/KH-UBND: ≥ 100% (2021–2025)"
    assert f":red[:material/cancel:] {line}" in plain
