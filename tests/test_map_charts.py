"""Map values, quantile classes, the choropleth figure, and PNG renders (kaleido + Chromium)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pandas as pd
import plotly.io as pio
import pytest
from PIL import Image

from indicators import geo
from indicators import map_charts as m
from indicators import schema as s
from indicators.chart_theme import label_width
from indicators.dataset import Dataset, load_dataset
from indicators.i18n import t
from indicators.map_charts import labels
from indicators.timeliness import ONLINE_RATE, timeliness

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DONG_DA = "006"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(demo=True)


@pytest.fixture(scope="module")
def hanoi_2023(dataset: Dataset) -> pd.DataFrame:
    return m.map_values(dataset, m.PAR_SCORE, 2023, "district")


def _figure(dataset: Dataset, lang: str = "vi", **kwargs):
    return m.indicator_map(dataset, m.PAR_SCORE, 2023, "district", lang, **kwargs)


def _point(trace, code: str) -> int:
    return list(trace.locations).index(code)


# --- classes ---------------------------------------------------------------------------------


def test_classes_are_quantiles() -> None:
    values = pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, None], dtype="Float64")
    got = m.classes(values, k=5)
    assert got.tolist()[:10] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert got.isna().tolist()[-1]
    assert m.class_breaks(values, k=5) == pytest.approx([1, 2.8, 4.6, 6.4, 8.2, 10])


def test_classes_with_ties_and_edge_cases() -> None:
    assert m.classes([3, 3, 3]).tolist() == [1, 1, 1]
    assert m.class_breaks([]) == []
    assert m.classes([None, 2.0]).isna().tolist() == [True, False]
    assert m.classes([1, 1, 1, 1, 2], k=4).tolist() == [1, 1, 1, 1, 1]  # one edge 1, max 2
    with pytest.raises(ValueError):
        m.class_breaks([1, 2], k=0)


def test_value_on_inner_edge_goes_up_and_max_is_top() -> None:
    assert m.assign_classes([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]).tolist() == [1, 2, 2]


def test_dong_da_in_top_class_2023(hanoi_2023: pd.DataFrame) -> None:
    klass = m.classes(hanoi_2023[m.VALUE], k=5)
    assert klass[hanoi_2023[s.UNIT_CODE].eq(DONG_DA)].item() == 5


def test_stepped_colorscale() -> None:
    scale = m.stepped_colorscale([0, 1, 4], ["a", "b"])
    assert scale == [[0.0, "a"], [0.25, "a"], [0.25, "b"], [1.0, "b"]]
    assert m.stepped_colorscale([2, 2], ["a"]) == [[0.0, "a"], [1.0, "a"]]
    assert m.class_colors(3, higher_is_better=False) == m.class_colors(3)[::-1]


# --- values ----------------------------------------------------------------------------------


def test_map_values_par_score(hanoi_2023: pd.DataFrame) -> None:
    assert list(hanoi_2023.columns) == list(m.MAP_COLUMNS)
    assert len(hanoi_2023) == 30 and hanoi_2023[m.VALUE].notna().all()
    dong_da = hanoi_2023.set_index(s.UNIT_CODE).loc[DONG_DA]
    assert dong_da[m.VALUE] == pytest.approx(96.3)
    assert (dong_da["rank"], dong_da["units_ranked"]) == (1, 30)
    # its row's source and the French edition that states 96,3% too, each cited
    assert dong_da[m.SOURCE_IDS] == ("vietnamplus-cf231a", "dangcongsan-c69d7d")
    assert len(dong_da[m.SOURCE_TITLES]) == 2


@pytest.mark.parametrize("indicator", list(m.INDICATORS))
def test_map_values_every_indicator(dataset: Dataset, indicator: str) -> None:
    frame = m.map_values(dataset, indicator, 2023, "district")
    assert len(frame) == 30 and frame[m.VALUE].notna().all()
    assert frame["rank"].min() == 1 and frame[s.DEMO].notna().all()


def test_par_rank_is_the_rank(dataset: Dataset) -> None:
    frame = m.map_values(dataset, m.PAR_RANK, 2023, "district")
    assert frame[m.VALUE].astype("Int64").tolist() == frame["rank"].tolist()


def test_online_share_comes_from_timeliness(dataset: Dataset) -> None:
    frame = m.map_values(dataset, m.ONLINE_SHARE, 2022, "district").set_index(s.UNIT_CODE)
    rows = dataset.dossier_stats[dataset.dossier_stats[s.YEAR].eq(2022)]
    expected = timeliness(rows).set_index(s.UNIT_CODE)[ONLINE_RATE]
    assert frame[m.VALUE].to_numpy(float) == pytest.approx(expected[frame.index].to_numpy(float))


def test_map_values_provinces(dataset: Dataset) -> None:
    before = m.map_values(dataset, m.PAR_SCORE, 2024, "province")
    after = m.map_values(dataset, m.PAR_SCORE, 2025, "province")
    assert len(before) == 63 and before[m.VALUE].notna().all()
    assert len(after) == 34 and after[m.VALUE].isna().all()
    assert m.map_values(dataset, m.ON_TIME, 2024, "province")[m.VALUE].isna().all()
    with pytest.raises(ValueError):
        m.map_values(dataset, "nope", 2024, "province")


# --- figure ----------------------------------------------------------------------------------


def test_figure_hanoi_2023(dataset: Dataset) -> None:
    fig = _figure(dataset)
    trace = fig.data[0]
    i = _point(trace, DONG_DA)
    assert trace.z[i] == 5  # the colour is the class: 5 = the best
    assert trace.customdata[i][0] == DONG_DA  # the code, for /unit?unit=CODE
    assert trace.customdata[i][2] == "96,30"
    assert trace.customdata[i][3] == "thứ 1/30"
    assert trace.customdata[i][4] == "5/5"  # the top class
    assert trace.featureidkey == "properties.ma_huyen"
    assert len(trace.geojson["features"]) == 30
    assert trace.colorbar.title.text == "Điểm (% tối đa)" == t("axis_score", "vi")
    assert trace.colorbar.ticktext[-1].endswith("96,30")  # the best class ends at Đống Đa
    assert fig.layout.geo.fitbounds == "locations" and fig.layout.geo.visible is False
    assert fig.layout.separators == ",."
    assert "2023" in fig.layout.title.text and "Điểm Chỉ số CCHC" in fig.layout.title.text
    assert "CC BY 3.0 IGO" in fig.layout.annotations[-1].text
    # every district has a score: no grey trace; the 24 generated ones under the demo veil
    values, veil = fig.data[:2]
    assert veil.name == "Số liệu minh họa (nhạt)" and veil.hoverinfo == "skip"
    # 2023's published scores: Hoàn Kiếm, Cầu Giấy, Đống Đa, Nam Từ Liêm, Thanh Trì, Phú Xuyên
    # (Long Biên's rank 12 was published without its score, which is generated)
    published = {"002", "005", "006", "019", "020", "280"}
    assert set(veil.locations) == set(values.locations) - published
    assert veil.colorscale[0][1] == "rgba(255,255,255,0.55)" and veil.showscale is False


def test_figure_english(dataset: Dataset) -> None:
    fig = _figure(dataset, lang="en")
    trace = fig.data[0]
    i = _point(trace, DONG_DA)
    assert trace.customdata[i][2] == "96.30" and trace.customdata[i][3] == "1st of 30"
    assert fig.layout.separators == ".," and "Rank" in trace.hovertemplate
    assert trace.colorbar.title.text == "Score (% of maximum)" == t("axis_score", "en")
    assert trace.colorbar.ticktext[-1].endswith("96.30")
    texts = [a.text for a in fig.layout.annotations]
    assert texts[:2] == ["The whole city", "Inner city, zoomed in: 12 urban districts"]


def test_hover_has_name_value_rank_and_source(dataset: Dataset) -> None:
    trace = _figure(dataset).data[0]
    row = trace.customdata[_point(trace, DONG_DA)]
    assert row[1] == "Quận Đống Đa"
    assert "vietnamplus" in row[5]
    for part in ("customdata[1]", "customdata[2]", "customdata[3]", "customdata[5]", "Nguồn"):
        assert part in trace.hovertemplate


def test_no_data_units_get_their_own_grey_trace(dataset: Dataset, hanoi_2023: pd.DataFrame) -> None:
    missing = ["001", "271"]
    frame = hanoi_2023.copy()
    frame.loc[frame[s.UNIT_CODE].isin(missing), m.VALUE] = pd.NA
    frame = frame[frame[s.UNIT_CODE] != "280"]  # a feature with no row at all
    boundary = geo.boundary_set("district", 2023)
    fig = m.choropleth(
        frame, boundary, m.VALUE, "vi", "t", "Điểm", indicator=m.INDICATORS["par_score"]
    )
    values, _veil, grey = fig.data[:3]  # the demo veil: see test_figure_hanoi_2023
    assert sorted(grey.locations) == sorted([*missing, "280"])
    assert not set(grey.locations) & set(values.locations)
    assert len(values.locations) == 27
    assert grey.name == "Không có dữ liệu" and grey.showlegend is True
    assert grey.showscale is False
    assert {c for _, c in grey.colorscale} == {m.NO_DATA_COLOR}
    assert m.NO_DATA_COLOR not in {c for _, c in values.colorscale}
    assert "Không có dữ liệu" in grey.hovertemplate
    assert len(grey.geojson["features"]) == 3


# --- the two panels, the names, the legend ------------------------------------------------------

URBAN_2023 = {  # Hanoi's 12 quận from the Từ Liêm split (27 Dec 2013) to 30 June 2025
    "Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng",
    "Hoàng Mai", "Thanh Xuân", "Nam Từ Liêm", "Bắc Từ Liêm", "Hà Đông",
}  # fmt: skip


def _named(fig, subplot: str) -> dict[str, str]:
    """The code and the label (its lines joined) of every unit named on a panel."""
    out: dict[str, str] = {}
    for trace in fig.data:
        if trace.type == "scattergeo" and trace.mode == "text" and (trace.geo or "geo") == subplot:
            for data, text in zip(trace.customdata, trace.text, strict=True):
                assert data[0] not in out, f"{data[0]} named twice on {subplot}"
                out[data[0]] = text.replace("<br>", " ")
    return out


def _units(fig, subplot: str) -> set[str]:
    return {
        code
        for trace in fig.data
        if trace.type == "choropleth" and (trace.geo or "geo") == subplot
        for code in trace.locations
    }


@pytest.fixture(scope="module")
def published() -> Dataset:
    return load_dataset(demo=False)


def test_the_core_panel_is_the_12_urban_districts(dataset: Dataset) -> None:
    units = geo.units_on(dataset.units, "district", geo.as_of(2023))
    urban = units.loc[units[s.KIND].eq("quận"), s.CODE].tolist()
    assert len(urban) == 12
    assert {n.removeprefix("Quận ") for n in units.loc[units[s.KIND].eq("quận"), s.NAME_VI]} == (
        URBAN_2023
    )
    fig = _figure(dataset)
    assert _units(fig, "geo") == set(units[s.CODE]) and _units(fig, "geo2") == set(urban)
    assert fig.layout.geo.domain.x[1] <= fig.layout.geo2.domain.x[0]  # side by side
    panels = m.indicator_panels(dataset, m.PAR_SCORE, 2023, "district", "vi")
    assert _units(panels.core, "geo") == set(urban) and len(_units(panels.whole, "geo")) == 30
    assert panels.core.data[0].showscale is False and panels.whole.data[0].showscale is True
    # the frame on the whole city holds the 12 and is named in the legend, not on the map
    frame = next(tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "lines")
    assert frame.name == "Nội thành: xem bản đồ phóng to" and frame.showlegend
    boundary = geo.boundary_set("district", 2023)
    inside = [c for c, (lon, lat) in m.label_points(boundary).items()
              if min(frame.lon) < lon < max(frame.lon) and min(frame.lat) < lat < max(frame.lat)]  # fmt: skip
    assert set(urban) <= set(inside)
    assert m.indicator_panels(dataset, m.PAR_SCORE, 2024, "province", "vi").core is None


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_unit_is_named_once_by_its_short_name(dataset: Dataset, lang: str) -> None:
    """Outer units on the whole city, the 12 urban ones on the zoomed panel: each name once,
    as in the units table without 'Quận'/'Huyện'/'Thị xã', diacritics kept (both languages:
    names are data)."""
    units = geo.units_on(dataset.units, "district", geo.as_of(2023)).set_index(s.CODE)
    short = units[s.NAME_VI].str.replace(r"^(Quận|Huyện|Thị xã) ", "", regex=True)
    fig = _figure(dataset, lang=lang)
    whole, core = _named(fig, "geo"), _named(fig, "geo2")
    assert set(core.values()) == URBAN_2023 and len(whole) == 18
    assert whole | core == short.to_dict()
    assert "Hoàn Kiếm" in core.values() and "Ứng Hòa" in whole.values()
    panels = m.indicator_panels(dataset, m.PAR_SCORE, 2023, "district", lang)
    assert _named(panels.whole, "geo") == whole and _named(panels.core, "geo") == core
    # long names break onto two lines, never inside a word
    assert all(text.replace("<br>", " ") in short.values for text in labels.LINE_BREAKS.values())


def test_names_do_not_overlap_on_a_phone() -> None:
    """At the scale of a 390 px phone (about 360 px per degree on the whole city, 1200 on the
    zoomed core: both panels are narrower there than on a projector or a desktop), no two
    names' boxes touch; a larger map only spreads them further apart."""
    boundary = geo.boundary_set("district", 2023)
    points = m.label_points(boundary)
    core = set(m.core_codes(boundary))
    feats = dict(zip(boundary.codes, boundary.geojson["features"], strict=True))
    for panel, scale in (("whole", 360), ("core", 1200)):
        codes = [c for c in boundary.codes if (c in core) == (panel == "core")]
        texts = {c: labels.label_text(m.short_name(feats[c])) for c in codes}
        boxes = labels.label_boxes(points, texts, scale, labels.FONT_SIZE[panel])
        touching = [
            (texts[a], texts[b])
            for i, a in enumerate(codes)
            for b in codes[i + 1 :]
            if min(boxes[a][2], boxes[b][2]) > max(boxes[a][0], boxes[b][0])
            and min(boxes[a][3], boxes[b][3]) > max(boxes[a][1], boxes[b][1])
        ]
        assert touching == [], panel
    # and a name is as wide as the dashboard's font says (the boxes are not made up)
    ba_dinh = labels.label_boxes(points, {"001": "Ba Đình"}, 1000, 12)["001"]
    assert ba_dinh[2] - ba_dinh[0] == pytest.approx(label_width("Ba Đình") * labels.BOLD)


def test_label_points_lie_inside_their_units() -> None:
    boundary = geo.boundary_set("district", 2023)
    import numpy as np

    for f, code in zip(boundary.geojson["features"], boundary.codes, strict=True):
        lon, lat = labels.inner_point(f["geometry"])
        inside = labels._signed_distance(np.array([[lon, lat]]), labels._rings(f["geometry"]))
        assert inside[0] > 0, code


def test_class_legend_has_distinct_labels_in_equal_bands(published: Dataset) -> None:
    """2023's published scores: 95,21 (Thanh Trì) and 95,22 (Cầu Giấy) are class breaks that
    a value scale drew on top of each other; each class now has a band of its own, named by
    its values, from the lowest class up."""
    frame = m.map_values(published, m.PAR_SCORE, 2023, "district")
    values = frame[m.VALUE].dropna().astype(float)
    bar = m.indicator_map(published, m.PAR_SCORE, 2023, "district", "vi").data[0].colorbar
    n = len(bar.ticktext)
    assert list(bar.tickvals) == list(range(1, n + 1))  # equal bands, one per class
    assert len(set(bar.ticktext)) == n
    assert list(bar.ticktext) == ["91,61", "95,21", "95,22", "95,70–96,30"]
    lows = [float(label.split("–")[0].replace(",", ".")) for label in bar.ticktext]
    assert lows == sorted(lows) and lows[0] == values.min()
    assert bar.ticktext[-1].endswith(f"{values.max():.2f}".replace(".", ","))
    for year in (2019, 2023):
        for key in m.INDICATORS:
            for fig in (m.indicator_map(published, key, year, "district", "vi"),):
                scale = [tr for tr in fig.data if tr.type == "choropleth" and tr.showscale]
                texts = list(scale[0].colorbar.ticktext) if scale else []
                assert len(texts) == len(set(texts)), (year, key, texts)


def test_classed_drops_empty_classes() -> None:
    rows = pd.DataFrame({"_value": pd.array([0.0, 10.0, None], dtype="Float64")})
    out, ranges = m.classed(rows, lambda v, lang: f"{v:g}", "vi", True, 5)
    assert ranges == ("0", "10") and out["_class"].tolist()[:2] == [1, 2]
    out, ranges = m.classed(rows, lambda v, lang: f"{v:g}", "vi", False, 5)
    assert ranges == ("10", "0") and out["_class"].tolist()[:2] == [2, 1]  # low is best


def test_names_read_on_their_colour(published: Dataset) -> None:
    """White on the dark classes, dark on the light ones and on grey."""
    fig = m.indicator_map(published, m.PAR_SCORE, 2023, "district", "vi")
    colour = {}
    for trace in fig.data:
        if trace.type == "scattergeo" and trace.mode == "text":
            colour.update(dict.fromkeys((d[0] for d in trace.customdata), trace.textfont.color))
    assert colour["280"] == "#ffffff"  # Phú Xuyên, the lowest class (dark purple)
    assert colour[DONG_DA] != "#ffffff" and colour["001"] != "#ffffff"  # yellow; grey


def test_the_attribution_is_drawn_once(dataset: Dataset) -> None:
    """On the image (one figure) under the map; the page's panels leave it to the page."""
    fig = _figure(dataset)
    assert [a.text for a in fig.layout.annotations].count(fig.layout.annotations[-1].text) == 1
    assert sum("CC BY 3.0 IGO" in a.text for a in fig.layout.annotations) == 1
    panels = m.indicator_panels(dataset, m.PAR_SCORE, 2023, "district", "vi")
    for panel in (panels.whole, panels.core):
        assert "CC BY" not in panel.to_json() and not panel.layout.title.text


def test_page_panels_fit_a_projector_and_a_desktop(dataset: Dataset) -> None:
    panels = m.indicator_panels(dataset, m.PAR_SCORE, 2023, "district", "vi")
    assert panels.whole.layout.height == m.PAGE_HEIGHT["district"] <= 768 - 140
    assert panels.core.layout.height <= panels.whole.layout.height
    assert m.PAGE_HEIGHT["province"] <= 768 - 100


def test_highlight_outlines_the_unit_last(dataset: Dataset) -> None:
    trace = _figure(dataset, highlight_code="019").data[0]
    assert trace.locations[-1] == "019"
    assert trace.marker.line.width[-1] == 3.0 and trace.marker.line.color[-1] == m.HIGHLIGHT_COLOR
    assert set(trace.marker.line.width[:-1]) == {m.BORDER_WIDTH["district"]}


def test_rank_map_colours_rank_1_like_the_best_score(dataset: Dataset) -> None:
    fig = m.indicator_map(dataset, m.PAR_RANK, 2023, "district", "vi")
    trace = fig.data[0]
    i = _point(trace, DONG_DA)
    assert trace.z[i] == 5 and trace.customdata[i][4] == "5/5"
    assert trace.colorscale[-1][1] == m.class_colors(5)[-1]  # yellow, as the best score
    assert trace.colorbar.ticktext[-1] == "1–6" and trace.colorbar.ticktext[0] == "25–30"


def test_unknown_codes_are_refused(hanoi_2023: pd.DataFrame) -> None:
    frame = pd.concat([hanoi_2023, hanoi_2023.head(1).assign(unit_code="999")])
    with pytest.raises(ValueError, match="999"):
        m.choropleth(frame, geo.boundary_set("district", 2023), m.VALUE, "vi", "t", "u")


def test_province_figures_keep_the_islands(dataset: Dataset) -> None:
    for year, n in ((2024, 63), (2025, 34)):
        fig = m.indicator_map(dataset, m.PAR_SCORE, year, "province", "vi")
        shown = {
            code for trace in fig.data if trace.type == "choropleth" for code in trace.locations
        }
        assert len(shown) == n and {"48", "56"} <= shown
        labels = fig.data[-1]
        assert labels.type == "scattergeo" and "Hoàng Sa" in labels.text[0]
        assert "Trường Sa" in labels.text[1]
    assert fig.data[0].name == "Không có dữ liệu"  # 2025: no province has a score yet
    assert "gộp theo NQ 202/2025/QH15" in fig.layout.annotations[0].text.replace("<br>", " ")


def test_island_labels_sit_by_the_islands() -> None:
    (_, lon_hs, lat_hs), (_, lon_ts, lat_ts) = m.ISLANDS
    assert 111 < lon_hs < 113 and 15.5 < lat_hs < 18
    assert 111 < lon_ts < 117 and 7 < lat_ts < 12.5


def test_selected_unit_and_url() -> None:
    event = {"selection": {"points": [{"customdata": ["006", "Quận Đống Đa"]}]}}
    assert m.selected_unit(event) == "006"
    assert m.selected_unit({"selection": {"points": [{"location": "48"}]}}) == "48"
    assert m.selected_unit({"selection": {"points": []}}) is None
    assert m.selected_unit(None) is None
    assert m.unit_url("006") == "/unit?unit=006"


def test_offline_topojson_is_an_empty_topology() -> None:
    url = m.OFFLINE_TOPOJSON_URL
    assert url.startswith("data:application/json,") and url.endswith("#")
    import json

    body = json.loads(unquote(url.removeprefix("data:application/json,").removesuffix("#")))
    assert body["type"] == "Topology"
    assert m.PLOTLY_CONFIG["topojsonURL"] == url


# --- PNG renders -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pngs(dataset: Dataset) -> Iterator[dict[str, Path]]:
    """The 2023 district map and the 2024 / 2025 province maps, rendered by kaleido.

    kaleido 1.x starts Chromium through choreographer, which takes the browser from
    BROWSER_PATH (Debian's /usr/bin/chromium here; nothing is downloaded). plotly.js would
    fetch a world topojson from the CDN: OFFLINE_TOPOJSON_URL replaces it.
    """
    chromium = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.fail("Chromium not found (/usr/bin/chromium): kaleido needs it", pytrace=False)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    figures = {
        "map_hanoi_2023_par_score": _figure(dataset, highlight_code=DONG_DA),
        "map_provinces_2024_par_score": m.indicator_map(
            dataset, m.PAR_SCORE, 2024, "province", "en"
        ),
        "map_provinces_2025_par_score": m.indicator_map(
            dataset, m.PAR_SCORE, 2025, "province", "vi"
        ),
    }
    paths = {name: SCREENSHOTS / f"{name}.png" for name in figures}
    for path in paths.values():
        path.unlink(missing_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BROWSER_PATH", chromium)
        patch.setattr(pio.defaults, "topojson", m.OFFLINE_TOPOJSON_URL)
        pio.write_images(list(figures.values()), list(paths.values()), width=1000, height=700)
    yield paths


def _pixels(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def _share(pixels: np.ndarray, rgb: tuple[int, int, int], tol: int = 12) -> float:
    return float((np.abs(pixels - np.array(rgb)).max(axis=2) <= tol).mean())


def _map_area(pixels: np.ndarray) -> np.ndarray:
    """The plot area left of the colourbar, below the title, above the attribution."""
    return pixels[80:620, 10:850]


@pytest.mark.parametrize(
    "name",
    ["map_hanoi_2023_par_score", "map_provinces_2024_par_score", "map_provinces_2025_par_score"],
)
def test_png_is_filled_inside_not_the_globe(pngs: dict[str, Path], name: str) -> None:
    pixels = _pixels(pngs[name])
    assert pixels.shape[:2] == (700, 1000)
    area = _map_area(pixels)
    white = _share(area, (255, 255, 255), tol=3)
    assert 0.4 < white < 0.97, f"{name}: {white:.0%} white (a winding error fills the globe)"
    # A globe filled around the units (wrong winding) is a solid rectangle: inside the box
    # around the coloured pixels, a real map of Hanoi or Vietnam leaves plenty of white.
    rows, cols = np.nonzero(np.abs(area - 255).max(axis=2) > 3)
    box = area[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    assert _share(box, (255, 255, 255), tol=3) > 0.2, f"{name}: the box is filled"


def test_png_hanoi_has_colourbar_and_top_class(pngs: dict[str, Path]) -> None:
    pixels = _pixels(pngs["map_hanoi_2023_par_score"])
    yellow = (253, 231, 37)  # Viridis' top colour
    assert _share(pixels[150:560, 880:940], yellow) > 0.02  # the colourbar
    assert _share(_map_area(pixels), yellow) > 0.005  # the districts of the top class


def test_the_map_download_is_the_captioned_map(dataset: Dataset) -> None:
    """The PNG under the map (chart_images, as the footer makes it): Kaleido gets the offline
    topology, so the districts are drawn, with the caption under them."""
    from indicators.chart_images import PROJECTOR_SIZE, chart_image

    figure = _figure(dataset, highlight_code=DONG_DA)
    png = chart_image(
        figure, title="Bản đồ", sources="Nguồn: thử", lang="vi", demo=False, fmt="png"
    )
    path = SCREENSHOTS / "map_download_hanoi_2023.png"
    path.write_bytes(png)
    pixels = _pixels(path)
    assert pixels.shape[:2] == PROJECTOR_SIZE[::-1]
    assert _share(pixels, (253, 231, 37)) > 0.002  # Viridis' top class: districts are drawn
    # 2023: 7 of 30 scores published (solid), 23 generated: faded under a white veil, so the
    # lowest class (#440154) shows solid only on Phú Xuyên (published lowest, 91,61) and faded
    # (0,45 of it over white: about #ab8cb1) on the generated districts of that class
    solid, faded = _share(pixels, (68, 1, 84)), _share(pixels, (171, 141, 178))
    assert solid > 0.002 and faded > 2 * solid


def test_png_2025_provinces_are_grey_no_data(pngs: dict[str, Path]) -> None:
    pixels = _pixels(pngs["map_provinces_2025_par_score"])
    grey = tuple(int(m.NO_DATA_COLOR[i : i + 2], 16) for i in (1, 3, 5))
    assert _share(_map_area(pixels), grey, tol=6) > 0.05
    assert _share(_map_area(pixels), (253, 231, 37)) == 0  # no value colour at all


# --- the page's entry points -------------------------------------------------------------------


def test_map_figure_of_a_frame_is_indicator_map(dataset: Dataset, hanoi_2023: pd.DataFrame) -> None:
    built = m.map_figure(hanoi_2023, m.PAR_SCORE, 2023, "district", "vi", DONG_DA)
    direct = m.indicator_map(dataset, m.PAR_SCORE, 2023, "district", "vi", DONG_DA)
    assert built.to_json() == direct.to_json()
    assert built.layout.height == m.HEIGHT["district"]


def test_province_maps_are_taller(dataset: Dataset) -> None:
    fig = m.indicator_map(dataset, m.PAR_SCORE, 2024, "province", "vi")
    assert fig.layout.height == m.HEIGHT["province"] > m.HEIGHT["district"]


def test_a_highlight_not_on_the_map_is_ignored(hanoi_2023: pd.DataFrame) -> None:
    fig = m.map_figure(hanoi_2023, m.PAR_SCORE, 2023, "district", "vi", "01")  # a province
    assert set(fig.data[0].marker.line.color) == {m.BORDER_COLOR}


def test_has_values(dataset: Dataset, hanoi_2023: pd.DataFrame) -> None:
    assert m.has_values(hanoi_2023)
    assert not m.has_values(m.map_values(dataset, m.PAR_SCORE, 2025, "province"))
    assert not m.has_values(hanoi_2023.head(0))
