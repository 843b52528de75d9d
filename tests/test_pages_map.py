"""The /map page under Streamlit's AppTest: the district map of 2023 (Đống Đa in the top class),
a clicked unit opening its profile, the fallback link, the province map switching from 63 to
34 units between 2024 and 2025, Hanoi after 1 July 2025 as a table, the attribution under the
map and on /about, both languages."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import BADGE, open_app, texts

from ui import map_view

MAP = "pages/map.py"
DONG_DA = "006"


def map_spec(at: AppTest) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    return json.loads(charts[0].proto.spec)


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
    title = spec["layout"]["title"]["text"]
    assert title.startswith("Điểm Chỉ số CCHC, năm 2023<br><sup>30 quận, huyện, thị xã Hà Nội")
    trace = spec["data"][0]
    assert trace["colorbar"]["title"]["text"] == "Điểm (/100)"
    assert trace["featureidkey"] == "properties.ma_huyen"
    assert "Nguồn" in trace["hovertemplate"] and "Hạng" in trace["hovertemplate"]
    # plotly.js must not fetch its world topojson from the CDN (no internet here)
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["topojsonURL"].startswith("data:application/json,")
    assert at.get("plotly_chart")[0].proto.selection_mode  # clicks select a unit
    shown = captions(at)
    assert "Ranh giới quận/huyện Hà Nội" in shown and "CC BY 3.0 IGO" in shown
    assert "Màu xám: Không có dữ liệu" in shown
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
    assert spec["layout"]["title"]["text"].startswith("Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert spec["data"][0]["colorbar"]["title"]["text"] == "% hồ sơ"
    assert all(row[2].endswith("%") for row in located(spec).values())
    picker.set_value("par_rank").run()
    assert located(map_spec(at))[DONG_DA][4] == "5/5"  # rank 1 is in the best class
    assert at.query_params["indicator"] == "par_rank" and at.query_params["year"] == "2023"


def test_a_link_with_the_indicator_opens_that_map() -> None:
    at = open_app(MAP, year="2023", indicator="on_time_rate")
    assert map_spec(at)["layout"]["title"]["text"].startswith("Tỷ lệ hồ sơ giải quyết đúng hạn")
    assert at.query_params["indicator"] == "on_time_rate"  # kept when the filters write the URL
    stray = open_app(MAP, year="2023", indicator="không-có")
    assert map_spec(stray)["layout"]["title"]["text"].startswith("Điểm")  # the default
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
    if year == 2025:
        assert "gộp theo NQ 202/2025/QH15" in shown
        assert "(sau sắp xếp từ 1/7/2025)" in spec["layout"]["title"]["text"]
        assert "mọi đơn vị được tô màu xám" in at.info[0].value  # no 2025 scores yet
        assert spec["data"][0]["name"] == "Không có dữ liệu"
    else:
        assert "202/2025" not in shown and not at.info


def test_hanoi_after_the_reform_is_a_table() -> None:
    at = open_app(MAP, year="2025")
    assert not at.get("plotly_chart")
    note = at.info[0].value
    assert "Chưa có bản đồ cho 126 xã, phường" in note and "SOURCES.md" in note
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
    assert spec["layout"]["title"]["text"].startswith(
        "PAR index score, 2023<br><sup>Hanoi's 30 districts"
    )
    shown = captions(at)
    assert "Hanoi district boundaries" in shown and "Grey: No data" in shown
    at = open_app(MAP, year="2025", lang="en")
    assert "There is no map of Hanoi's 126 communes and wards" in at.info[0].value
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
