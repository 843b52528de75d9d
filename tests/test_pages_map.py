"""The /map page under Streamlit's AppTest: the district map of 2023 (Đống Đa in the top class)
in two panels (the whole city, the 12 urban districts zoomed), a clicked unit opening its
profile from either panel, the fallback link, the province map switching from 63 to 34 units
between 2024 and 2025, Hanoi after 1 July 2025 as a table, the attribution once under the map
and on /about, both languages."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import BADGE, open_app, texts

from ui import map_view

MAP = "pages/map.py"
DONG_DA = "006"


def map_spec(at: AppTest, panel: int = 0) -> dict:
    """The spec of the whole city (panel 0) or of the zoomed core (panel 1)."""
    charts = at.get("plotly_chart")
    assert len(charts) in (1, 2)
    return json.loads(charts[panel].proto.spec)


def heading(at: AppTest) -> str:
    """The map's title, written above the panels: '**what, when**  \\nwhere'."""
    return next(str(m.value) for m in at.markdown if str(m.value).startswith("**"))


def located(spec: dict) -> dict[str, list]:
    """The customdata of every unit drawn, by code (value and no-data traces)."""
    out: dict[str, list] = {}
    for trace in spec["data"]:
        if trace["type"] == "choropleth" and trace.get("hoverinfo") != "skip":  # not the veil
            out.update(zip(trace["locations"], trace["customdata"], strict=True))
    return out


def captions(at: AppTest) -> str:
    return "\n".join(str(c.value) for c in at.caption)


def test_hanoi_2023_dong_da_in_the_top_class() -> None:
    at = open_app(MAP, year="2023")
    spec = map_spec(at)
    units = located(spec)
    assert len(units) == 30
    top, classes = units[DONG_DA][4].split("/")
    assert units[DONG_DA][1:4] == ["Quận Đống Đa", "96,30", "thứ 1/30"] and top == classes
    coloured = [u for u in units.values() if len(u) > 2]  # the grey ones carry a name only
    assert len(coloured) == 6  # the six published 2023 scores; the other 24 grey
    assert heading(at).startswith("**Điểm Chỉ số CCHC, năm 2023**")
    assert heading(at).endswith("30 quận, huyện, thị xã Hà Nội")
    assert not spec["layout"].get("title", {}).get("text")  # written once, above the panels
    core = located(map_spec(at, 1))
    assert len(core) == 12 and DONG_DA in core and "019" in core and "280" not in core
    assert core[DONG_DA] == units[DONG_DA]  # the same classes and texts in both panels
    trace = spec["data"][0]
    assert trace["colorbar"]["title"]["text"] == "Điểm (% tối đa)"
    assert trace["colorbar"]["ticktext"] == ["91,61", "95,21", "95,22", "95,70–96,30"]
    assert trace["featureidkey"] == "properties.ma_huyen"
    assert "Nguồn" in trace["hovertemplate"] and "Hạng" in trace["hovertemplate"]
    # plotly.js must not fetch its world topojson from the CDN (no internet here)
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["topojsonURL"].startswith("data:application/json,")
    assert at.get("plotly_chart")[0].proto.selection_mode  # clicks select a unit
    shown = captions(at)
    assert "Ranh giới quận/huyện Hà Nội" in shown and "CC BY 3.0 IGO" in shown
    assert texts(at).count("CC BY 3.0 IGO") == 1  # one attribution
    assert "CC BY" not in json.dumps([map_spec(at, 0), map_spec(at, 1)])
    assert "Màu xám: Không có dữ liệu" in shown and "5 nhóm, mỗi nhóm khoảng 1/5" in shown
    assert "ngũ phân vị" not in texts(at) and "Viridis" not in texts(at)
    assert BADGE["vi"] not in [m.value for m in at.markdown]  # published scores only
    assert not at.error


@pytest.mark.parametrize(
    ("params", "code", "title"),
    [
        ({"year": "2023"}, DONG_DA, "Trang đơn vị: Quận Đống Đa – năm 2023"),
        ({"index": "national", "year": "2024"}, "48", "Trang đơn vị: Thành phố Đà Nẵng – năm 2024"),
    ],
)
def test_a_clicked_unit_opens_its_profile(params: dict, code: str, title: str) -> None:
    """The chart's on_select callback stores the code; the next run switches to /unit."""
    at = open_app(MAP, **params)
    at.session_state[map_view.OPEN_UNIT] = code
    at.run()
    assert not at.exception
    assert [e.value for e in at.title] == [title]
    assert at.query_params["unit"] == code and at.query_params["year"] == params["year"]
    assert map_view.OPEN_UNIT not in at.session_state


def test_both_panels_select_and_each_reads_its_own_selection(monkeypatch) -> None:
    """Each panel is clickable (selection_mode) and its on_select reads its own chart's
    state: a click on the zoomed Đống Đa opens Đống Đa (the browser test clicks it)."""
    at = open_app(MAP, year="2023")
    assert [bool(c.proto.selection_mode) for c in at.get("plotly_chart")] == [True, True]
    state = {map_view.CORE_KEY: {"selection": {"points": [{"customdata": [DONG_DA, "x"]}]}}}
    monkeypatch.setattr(map_view.st, "session_state", state)
    map_view._on_select()  # nothing selected on the whole city
    assert map_view.OPEN_UNIT not in state
    map_view._on_select_core()
    assert state[map_view.OPEN_UNIT] == DONG_DA


def test_the_fallback_link_follows_the_selectbox() -> None:
    at = open_app(MAP, year="2023")
    link = next(p for p in at.get("page_link") if p.proto.page == "unit")
    assert link.proto.label == "Mở trang đơn vị: Quận Nam Từ Liêm"
    assert "unit=019" in link.proto.query_string
    picker = next(s for s in at.selectbox if s.label == "Chọn đơn vị để mở trang đơn vị")
    picker.set_value(DONG_DA).run()
    link = next(p for p in at.get("page_link") if p.proto.page == "unit")
    assert link.proto.label == "Mở trang đơn vị: Quận Đống Đa"
    assert "unit=006" in link.proto.query_string and "year=2023" in link.proto.query_string


def test_the_indicator_picker() -> None:
    at = open_app(MAP, year="2023", demo="1")
    picker = next(s for s in at.selectbox if s.label == "Chỉ tiêu trên bản đồ")
    assert picker.value == "par_score"
    picker.set_value("on_time_rate").run()
    spec = map_spec(at)
    assert heading(at).startswith("**Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert spec["data"][0]["colorbar"]["title"]["text"] == "% hồ sơ"
    assert all(row[2].endswith("%") for row in located(spec).values())
    picker.set_value("par_rank").run()
    assert located(map_spec(at))[DONG_DA][4] == "5/5"  # rank 1 is in the best class
    assert at.query_params["indicator"] == "par_rank" and at.query_params["year"] == "2023"


def test_a_link_with_the_indicator_opens_that_map() -> None:
    at = open_app(MAP, year="2023", indicator="on_time_rate")
    assert heading(at).startswith("**Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert at.query_params["indicator"] == "on_time_rate"  # kept when the filters write the URL
    stray = open_app(MAP, year="2023", indicator="không-có")
    assert heading(stray).startswith("**Điểm Chỉ số CCHC")  # the default
    assert [w.value for w in stray.warning] == [  # the URL's value inert (no list, no link)
        "Giá trị 'không\\-có' của tham số 'indicator' không hợp lệ; dùng giá trị mặc định."
    ]
    assert "indicator" not in stray.query_params


@pytest.mark.parametrize(("year", "n"), [(2024, 63), (2025, 34)])
def test_provinces_switch_from_63_to_34(year: int, n: int) -> None:
    at = open_app(MAP, index="national", year=str(year))
    spec = map_spec(at)
    units = located(spec)
    assert len(units) == n
    assert {"01", "48", "56"} <= set(units)  # Hà Nội and the islands' provinces
    assert spec["data"][0]["featureidkey"] == "properties.ma_tinh"
    shown = captions(at)
    assert "CC BY-SA 4.0" in shown and "Open Development Mekong" in shown
    assert len(at.get("plotly_chart")) == 1  # no zoomed panel for the provinces
    assert texts(at).count("Open Development Mekong") == 1  # one attribution
    if year == 2025:
        assert "gộp theo NQ 202/2025/QH15" in shown
        assert "sau sắp xếp từ 1/7/2025" in heading(at)
        assert "mọi đơn vị được tô màu xám" in at.info[0].value  # no 2025 scores yet
        assert spec["data"][0]["name"] == "Không có dữ liệu"
    else:
        assert "202/2025" not in shown and not at.info


def test_hanoi_after_the_reform_is_a_table() -> None:
    at = open_app(MAP, year="2025")
    assert not at.get("plotly_chart")
    note = at.info[0].value
    assert "Từ ngày 1/7/2025 không còn cấp quận, huyện" in note
    assert "126 xã, phường" in note and "SOURCES.md" not in note
    table = at.dataframe[0].value
    assert len(table) == 213
    assert list(table.columns[:2]) == [
        "Quận, huyện cũ (đến 30/6/2025)",
        "Xã, phường mới (từ 1/7/2025)",
    ]
    assert table.iloc[:, 2].nunique() == 126 and table.iloc[:, 0].nunique() == 30
    text = texts(at)
    assert "213 dòng: 126 xã, phường mới và 30 quận, huyện cũ" in text
    link = next(p for p in at.get("page_link") if p.proto.page == "map")
    assert link.proto.label == "Xem bản đồ 30 quận, huyện năm 2024"
    assert "year=2024" in link.proto.query_string


def test_map_in_english() -> None:
    at = open_app(MAP, year="2023", lang="en")
    spec = map_spec(at)
    assert located(spec)[DONG_DA][2:4] == ["96.30", "1st of 30"]
    assert heading(at) == "**PAR index score, 2023**  \nHanoi's 30 districts"
    assert spec["data"][0]["colorbar"]["title"]["text"] == "Score (% of maximum)"
    assert "Inner city, zoomed in: 12 urban districts" in json.dumps(map_spec(at, 1))
    shown = captions(at)
    assert "Hanoi district boundaries" in shown and "Grey: No data" in shown
    assert "5 groups of about 1/5 of the units" in shown and "quantile" not in texts(at)
    at = open_app(MAP, year="2025", lang="en")
    assert "Hanoi's 30 districts were reorganised into 126 communes and wards" in at.info[0].value
    assert "Former district (until 30 June 2025)" in at.dataframe[0].value.columns


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_about_shows_the_boundary_attribution(lang: str) -> None:
    at = open_app("pages/about.py", lang=lang)
    text = texts(at)
    for phrase in ("CC BY 3.0 IGO", "CC BY-SA 4.0", "geoBoundaries", "Open Development Mekong"):
        assert phrase in text, phrase
    assert "hanoi_districts_2019.geojson" in text and "vietnam_provinces_34.geojson" in text
    heading = "Bản đồ: ranh giới hành chính và giấy phép" if lang == "vi" else "Maps:"
    assert any(str(h.value).startswith(heading) for h in at.subheader)
