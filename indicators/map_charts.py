"""Choropleth maps of the indicators: values per unit, quantile classes, the Plotly figure.

Pure functions (no Streamlit). The /map page calls `indicator_map` (or `map_values` +
`choropleth` for a custom frame), shows `geo.BoundarySet.attribution` under the map, and for
Hanoi after 1 July 2025 shows `geo.new_units_by_old_district` with `geo.gap_note` instead.

Colours: Viridis (perceptually uniform, colour-blind safe), stepped at quantile class breaks.
Units without a value are drawn as a separate grey trace labelled "Không có dữ liệu" /
"No data", never as the lowest colour. `customdata[0]` of every trace is the unit code.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from indicators import geo, sources
from indicators import schema as s
from indicators.chart_images import OFFLINE_TOPOJSON_URL
from indicators.chart_theme import colorbar_margin  # and the default template
from indicators.dataset import Dataset
from indicators.formatting import (
    check_lang,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_rank,
    is_missing,
    no_data,
    separators,
)
from indicators.provenance import SOURCE_IDS
from indicators.rankings import RANK, UNITS_RANKED, competition_rank, rank_table
from indicators.schema import INDEX_OF_LEVEL
from indicators.shortened import SHORTENED, shortened_summary
from indicators.timeliness import ON_TIME_RATE, ONLINE_RATE, timeliness

VALUE = "value"
SOURCE_TITLES = "source_titles"
MAP_COLUMNS = (s.UNIT_CODE, s.NAME_VI, VALUE, RANK, UNITS_RANKED, s.DEMO, SOURCE_IDS, SOURCE_TITLES)

PAR_SCORE = "par_score"
PAR_RANK = "par_rank"
ONLINE_SHARE = "online_share"
ON_TIME = "on_time_rate"
SHORTENED_COUNT = "shortened"

COLORSCALE = "Viridis"
NO_DATA_COLOR = "#d0d0d0"
BORDER_COLOR = "#ffffff"
HIGHLIGHT_COLOR = "#d6001c"
DEMO_SOURCE = "demo"  # the id of the demo generator in `sources`
DEMO_OPACITY = 0.45  # a unit whose value is generated, as a generated bar (indicators.charts)
BORDER_WIDTH = {"district": 0.8, "province": 0.3}  # thin on provinces, or islands vanish
HEIGHT = {"district": 640, "province": 820}  # Vietnam is tall and narrow
# Labels of the archipelagos, which must stay on every map of Vietnam (data/geo/SOURCES.md):
# (vi, en, lon, lat), placed over the offshore polygons of Đà Nẵng and Khánh Hòa.
ISLANDS = (
    ("QĐ. Hoàng Sa (Đà Nẵng)", "Hoàng Sa archipelago (Đà Nẵng)", 112.0, 17.45),
    ("QĐ. Trường Sa (Khánh Hòa)", "Trường Sa archipelago (Khánh Hòa)", 114.2, 12.3),
)
# plotly.js fetches a world topojson from cdn.plot.ly for every geo subplot, even with the base
# map hidden, so a map fails offline: st.plotly_chart(fig, config=PLOTLY_CONFIG) points it at an
# empty topology (chart_images.OFFLINE_TOPOJSON_URL, which Kaleido gets too).
PLOTLY_CONFIG = {"topojsonURL": OFFLINE_TOPOJSON_URL, "displaylogo": False}
_TEXT = {
    "rank": {"vi": "Hạng", "en": "Rank"},
    "class": {"vi": "Nhóm", "en": "Class"},
    "source": {"vi": "Nguồn", "en": "Source"},
    "demo": {"vi": "có số liệu minh họa", "en": "includes demo data"},
}


@dataclass(frozen=True)
class Indicator:
    """What a map shows: its labels, its unit and how its values are written."""

    key: str
    label_vi: str
    label_en: str
    unit_vi: str
    unit_en: str
    kind: str  # "number", "percent" or "int"
    decimals: int = 0
    higher_is_better: bool = True

    def label(self, lang: str) -> str:
        return self.label_en if check_lang(lang) == "en" else self.label_vi

    def unit_label(self, lang: str) -> str:
        return self.unit_en if check_lang(lang) == "en" else self.unit_vi

    def fmt(self, value: Any, lang: str) -> str:
        if self.kind == "percent":
            return fmt_percent(value, lang, self.decimals)
        if self.kind == "int":
            return fmt_int(value, lang)
        return fmt_number(value, lang, self.decimals)


INDICATORS: dict[str, Indicator] = {
    i.key: i
    for i in (
        Indicator(
            PAR_SCORE,
            "Điểm Chỉ số CCHC",
            "PAR index score",
            "Điểm (/100)",
            "Score (/100)",
            "number",
            2,
        ),
        Indicator(
            PAR_RANK, "Xếp hạng Chỉ số CCHC", "PAR index rank", "Hạng", "Rank", "int", 0, False
        ),
        Indicator(
            ONLINE_SHARE,
            "Tỷ lệ hồ sơ nộp trực tuyến",
            "Share of dossiers submitted online",
            "% hồ sơ",
            "% of dossiers",
            "percent",
            2,
        ),
        Indicator(
            ON_TIME,
            "Tỷ lệ hồ sơ giải quyết đúng hạn",
            "Dossiers resolved on time",
            "% hồ sơ",
            "% of dossiers",
            "percent",
            2,
        ),
        Indicator(
            SHORTENED_COUNT,
            "Số thủ tục rút ngắn thời gian giải quyết",
            "Procedures with shortened processing time",
            "Thủ tục",
            "Procedures",
            "int",
        ),
    )
}


# --- values -----------------------------------------------------------------------------------


def _par_values(dataset: Dataset, year: int, level: str, column: str) -> pd.DataFrame:
    """Score or rank of the PAR index of `level`, from rankings.rank_table."""
    index_id = INDEX_OF_LEVEL.get(level)
    if index_id is None:
        return pd.DataFrame(columns=[s.UNIT_CODE, VALUE])
    table = rank_table(dataset.par_scores, dataset.units, index_id, year)
    ids = [() if is_missing(i) else (str(i),) for i in table[s.SOURCE_ID]]
    out = table.assign(**{VALUE: table[column].astype("Float64"), SOURCE_IDS: ids})
    return out[[s.UNIT_CODE, VALUE, RANK, UNITS_RANKED, s.DEMO, SOURCE_IDS]]


def _in_year(frame: pd.DataFrame, year: int, codes: pd.Series) -> pd.DataFrame:
    mask = frame[s.YEAR].eq(year) & frame[s.UNIT_CODE].isin(codes)
    return frame[mask.fillna(False).astype(bool)]


def _dossier_values(dataset: Dataset, year: int, codes: pd.Series, rate: str) -> pd.DataFrame:
    """A rate of timeliness.timeliness (all dossiers of the unit and year, all levels)."""
    rows = _in_year(dataset.dossier_stats, year, codes)
    if rows.empty:
        return pd.DataFrame(columns=[s.UNIT_CODE, VALUE])
    table = timeliness(rows).rename(columns={rate: VALUE})
    return table[[s.UNIT_CODE, VALUE, s.DEMO, SOURCE_IDS]]


def _shortened_values(dataset: Dataset, year: int, codes: pd.Series) -> pd.DataFrame:
    rows = _in_year(dataset.procedures, year, codes)
    if rows.empty:
        return pd.DataFrame(columns=[s.UNIT_CODE, VALUE])
    table = shortened_summary(rows).rename(columns={SHORTENED: VALUE})
    return table[[s.UNIT_CODE, VALUE, s.DEMO, SOURCE_IDS]]


_VALUES: dict[str, Callable[[Dataset, int, str, pd.Series], pd.DataFrame]] = {
    PAR_SCORE: lambda d, y, level, codes: _par_values(d, y, level, s.SCORE),
    PAR_RANK: lambda d, y, level, codes: _par_values(d, y, level, RANK),
    ONLINE_SHARE: lambda d, y, level, codes: _dossier_values(d, y, codes, ONLINE_RATE),
    ON_TIME: lambda d, y, level, codes: _dossier_values(d, y, codes, ON_TIME_RATE),
    SHORTENED_COUNT: lambda d, y, level, codes: _shortened_values(d, y, codes),
}


def _titles(ids: Any, titles: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(titles.get(i, i) for i in ids) if isinstance(ids, tuple) else ()


def map_values(
    dataset: Dataset, indicator: str, year: int, level: str, lang: str = "vi"
) -> pd.DataFrame:
    """One row per unit of `level` valid on 31 Dec of `year` (see geo.as_of), with its value.

    Columns: unit_code, name_vi, value (Float64, NA = no data), rank (Int64: 1 = best),
    units_ranked, demo, source_ids and source_titles (tuples: the citations, in `lang`).
    Values come from the indicator
    families (rank_table, timeliness, shortened_summary); the rank of the PAR indicators is
    rank_table's, the others are ranked here among the mapped units, highest value first.
    """
    if indicator not in _VALUES:
        raise ValueError(f"unknown indicator {indicator!r}; expected one of {list(_VALUES)}")
    units = geo.units_on(dataset.units, level, geo.as_of(year))
    base = units[[s.CODE, s.NAME_VI]].rename(columns={s.CODE: s.UNIT_CODE})
    values = _VALUES[indicator](dataset, year, level, base[s.UNIT_CODE])
    out = base.merge(values, on=s.UNIT_CODE, how="left")
    out[VALUE] = pd.to_numeric(out[VALUE]).astype("Float64")
    if RANK not in values.columns:
        out[RANK] = competition_rank(out[VALUE]).to_numpy()
        out[UNITS_RANKED] = int(out[VALUE].notna().sum())
    out[RANK] = out[RANK].astype("Int64")
    out[UNITS_RANKED] = out[UNITS_RANKED].astype("Int64").where(out[VALUE].notna())
    out[s.DEMO] = out.get(s.DEMO, pd.Series(pd.NA, index=out.index)).astype("boolean")
    ids = out.get(SOURCE_IDS, pd.Series(None, index=out.index, dtype=object))
    out[SOURCE_IDS] = pd.Series([i if isinstance(i, tuple) else () for i in ids], dtype=object)
    cited = {c.id: c.text(lang) for c in sources.citations(dataset, dataset.sources[s.ID])}
    out[SOURCE_TITLES] = pd.Series([_titles(i, cited) for i in out[SOURCE_IDS]], dtype=object)
    return out[list(MAP_COLUMNS)].reset_index(drop=True)


# --- quantile classes ---------------------------------------------------------------------------


def _numbers(values: Sequence[Any] | pd.Series) -> pd.Series:
    return pd.to_numeric(pd.Series(values), errors="coerce").astype("Float64")


def class_breaks(values: Sequence[Any] | pd.Series, k: int = 5) -> list[float]:
    """Quantile breaks of the known values: at most k + 1 distinct edges, min first, max last.

    Ties can merge quantiles, so there may be fewer than k classes; no values gives [].
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    known = _numbers(values).dropna().to_numpy(dtype=float)
    if known.size == 0:
        return []
    return [float(e) for e in np.unique(np.quantile(known, np.linspace(0, 1, k + 1)))]


def assign_classes(values: Sequence[Any] | pd.Series, edges: Sequence[float]) -> pd.Series:
    """Class 1 (lowest) .. len(edges) - 1 of each value; NA stays NA.

    A value equal to an inner edge goes to the upper class, as in Plotly's stepped colour
    scale; the maximum is in the top class.
    """
    numbers = _numbers(values)
    n = max(len(edges) - 1, 1)
    known = numbers.to_numpy(dtype=float, na_value=np.nan)
    found = np.searchsorted(np.asarray(edges[1:-1], dtype=float), known, side="right") + 1
    out = pd.Series(np.minimum(found, n), index=numbers.index, dtype="Int64")
    return out.where(numbers.notna())


def classes(values: Sequence[Any] | pd.Series, k: int = 5) -> pd.Series:
    """Quantile class of each value, 1 (lowest) .. at most k (highest); NA stays NA."""
    return assign_classes(values, class_breaks(values, k))


def stepped_colorscale(edges: Sequence[float], colors: Sequence[str]) -> list[list[Any]]:
    """A Plotly colorscale that is flat inside each class [edges[i], edges[i + 1])."""
    if len(edges) < 2 or edges[-1] == edges[0]:
        return [[0.0, colors[-1]], [1.0, colors[-1]]]
    span = edges[-1] - edges[0]
    positions = [(e - edges[0]) / span for e in edges]
    scale: list[list[Any]] = []
    for color, start, end in zip(colors, positions, positions[1:], strict=False):
        scale += [[start, color], [end, color]]
    return scale


def class_colors(n: int, higher_is_better: bool = True) -> list[str]:
    """n Viridis colours from the lowest class up; reversed when a low value is good (ranks)."""
    colors = sample_colorscale(COLORSCALE, n) if n > 1 else sample_colorscale(COLORSCALE, [1.0])
    return colors if higher_is_better else colors[::-1]


# --- figure -----------------------------------------------------------------------------------


def _features(boundary: geo.BoundarySet) -> pd.DataFrame:
    feats = boundary.geojson["features"]
    return pd.DataFrame(
        {
            s.UNIT_CODE: list(boundary.codes),
            "_feature_name": [f["properties"].get("ten_day_du") or "" for f in feats],
        }
    )


def _by_feature(frame: pd.DataFrame, boundary: geo.BoundarySet, value_column: str) -> pd.DataFrame:
    """One row per feature of `boundary` with the frame's row of that unit (if any)."""
    unknown = sorted(set(frame[s.UNIT_CODE].dropna()) - set(boundary.codes))
    if unknown:
        raise ValueError(
            f"mã đơn vị không có trong {boundary.file}: {', '.join(unknown)} / "
            f"unit codes not in {boundary.file}: {', '.join(unknown)}"
        )
    out = _features(boundary).merge(frame, on=s.UNIT_CODE, how="left", validate="1:1")
    names = out[s.NAME_VI] if s.NAME_VI in out.columns else out["_feature_name"]
    out["_name"] = names.astype("string").fillna(out["_feature_name"])
    out["_value"] = _numbers(out[value_column]).to_numpy()
    return out


def _subset(boundary: geo.BoundarySet, codes: Sequence[str]) -> dict[str, Any]:
    """A FeatureCollection of only the features of `codes` (each feature is sent once)."""
    wanted = set(codes)
    features = boundary.geojson["features"]
    chosen = [f for f, c in zip(features, boundary.codes, strict=True) if c in wanted]
    return {"type": "FeatureCollection", "features": chosen}


def _outline(codes: pd.Series, level: str, highlight_code: str | None) -> dict[str, list[Any]]:
    hit = codes.eq(highlight_code).tolist() if highlight_code else [False] * len(codes)
    return {
        "color": [HIGHLIGHT_COLOR if h else BORDER_COLOR for h in hit],
        "width": [3.0 if h else BORDER_WIDTH[level] for h in hit],
    }


def _short_title(title: str, width: int = 70) -> str:
    """The title cut to `width`, keeping its closing "(site)" so the hover still names it."""
    head, sep, site = title.rpartition(" (")
    if not sep or not site.endswith(")") or len(site) > width // 2:
        return textwrap.shorten(title, width, placeholder="…")
    return f"{textwrap.shorten(head, width - len(site) - 2, placeholder='…')} ({site}"


def _source_text(row: pd.Series, lang: str) -> str:
    titles = row.get(SOURCE_TITLES)
    if not isinstance(titles, tuple) or not titles:
        titles = row.get(SOURCE_IDS) if isinstance(row.get(SOURCE_IDS), tuple) else ()
    text = "; ".join(_short_title(str(t)) for t in titles) or "-"
    demo = row.get(s.DEMO)
    if is_missing(demo) or not bool(demo) or DEMO_SOURCE in (row.get(SOURCE_IDS) or ()):
        return text  # the demo source's own title already says so
    return f"{text} ({_TEXT['demo'][lang]})"


def _rank_text(row: pd.Series, lang: str) -> str:
    return fmt_rank(row.get(RANK), row.get(UNITS_RANKED), lang)


def _common(
    boundary: geo.BoundarySet, rows: pd.DataFrame, highlight_code: str | None
) -> dict[str, Any]:
    return {
        "geojson": _subset(boundary, rows[s.UNIT_CODE].tolist()),
        "featureidkey": boundary.featureidkey,
        "locations": rows[s.UNIT_CODE].tolist(),
        "marker": {"line": _outline(rows[s.UNIT_CODE], boundary.level, highlight_code)},
        "hoverlabel": {"align": "left"},
    }


def _value_trace(
    rows: pd.DataFrame,
    boundary: geo.BoundarySet,
    lang: str,
    unit_label: str,
    value_label: str,
    fmt: Callable[[Any, str], str],
    higher_is_better: bool,
    k: int,
    highlight_code: str | None,
) -> go.Choropleth:
    values = rows["_value"]
    edges = class_breaks(values, k)
    n = max(len(edges) - 1, 1)
    klass = assign_classes(values, edges)
    best_first = klass if higher_is_better else n + 1 - klass
    customdata = [
        [code, name, fmt(v, lang), _rank_text(r, lang), f"{c}/{n}", _source_text(r, lang)]
        for (_, r), code, name, v, c in zip(
            rows.iterrows(), rows[s.UNIT_CODE], rows["_name"], values, best_first, strict=True
        )
    ]
    t = {key: text[lang] for key, text in _TEXT.items()}
    common = _common(boundary, rows, highlight_code)
    generated = rows[s.DEMO].astype("boolean").fillna(False).tolist()
    if any(generated):  # a generated value is drawn faded, a published one solid
        common["marker"]["opacity"] = [DEMO_OPACITY if d else 1.0 for d in generated]
    return go.Choropleth(
        **common,
        z=values.astype(float).tolist(),
        zmin=edges[0],
        zmax=edges[-1],
        colorscale=stepped_colorscale(edges, class_colors(n, higher_is_better)),
        colorbar={
            "title": {"text": unit_label},
            "tickvals": edges,
            "ticktext": [fmt(e, lang) for e in edges],
            "thickness": 14,
            "len": 0.7,
        },
        customdata=customdata,
        hovertemplate=(
            "<b>%{customdata[1]}</b><br>"
            f"{value_label}: %{{customdata[2]}}<br>"
            f"{t['rank']}: %{{customdata[3]}}<br>"
            f"{t['class']}: %{{customdata[4]}}<br>"
            f"{t['source']}: %{{customdata[5]}}<extra></extra>"
        ),
        name=unit_label,
        showlegend=False,
    )


def _no_data_trace(
    rows: pd.DataFrame, boundary: geo.BoundarySet, lang: str, highlight_code: str | None
) -> go.Choropleth:
    label = no_data(lang)
    return go.Choropleth(
        **_common(boundary, rows, highlight_code),
        z=[0.0] * len(rows),
        zmin=0,
        zmax=1,
        colorscale=[[0.0, NO_DATA_COLOR], [1.0, NO_DATA_COLOR]],
        showscale=False,
        customdata=[
            [code, name] for code, name in zip(rows[s.UNIT_CODE], rows["_name"], strict=True)
        ],
        hovertemplate=f"<b>%{{customdata[1]}}</b><br>{label}<extra></extra>",
        name=label,
        showlegend=True,
    )


def _islands_trace(lang: str) -> go.Scattergeo:
    """Text labels of Hoàng Sa and Trường Sa (their polygons are too small to see)."""
    return go.Scattergeo(
        lon=[i[2] for i in ISLANDS],
        lat=[i[3] for i in ISLANDS],
        text=[i[1] if lang == "en" else i[0] for i in ISLANDS],
        mode="text",
        textfont={"size": 10, "color": "#444444"},
        hoverinfo="skip",
        showlegend=False,
    )


def _highlight_last(rows: pd.DataFrame, highlight_code: str | None) -> pd.DataFrame:
    """The highlighted unit drawn last, so that its outline is not covered by a neighbour's."""
    last = rows[s.UNIT_CODE].eq(highlight_code).to_numpy()
    return pd.concat([rows[~last], rows[last]])


def _attribution(boundary: geo.BoundarySet, lang: str) -> dict[str, Any]:
    text = "<br>".join(textwrap.wrap(boundary.attribution(lang), 150))
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "yshift": -4,
        "showarrow": False,
        "align": "left",
        "font": {"size": 9, "color": "#555555"},
    }


def choropleth(
    frame: pd.DataFrame,
    boundary: geo.BoundarySet,
    value_column: str,
    lang: str,
    title: str,
    unit_label: str,
    highlight_code: str | None = None,
    *,
    indicator: Indicator | None = None,
    k: int = 5,
    height: int = 640,
) -> go.Figure:
    """A choropleth of `frame[value_column]` (rows by `unit_code`) over every feature.

    `frame` is typically `map_values(...)`; `name_vi`, `rank`, `units_ranked`, `demo`,
    `source_titles` are used when present. Every feature without a value is in one grey
    "no data" trace. `indicator` sets the value format and the colour direction (default:
    2 decimals, higher is better). Raises ValueError for codes that are not features.
    """
    check_lang(lang)
    fmt = indicator.fmt if indicator else (lambda v, lg: fmt_number(v, lg, 2))
    higher = indicator.higher_is_better if indicator else True
    value_label = indicator.label(lang) if indicator else unit_label
    rows = _highlight_last(_by_feature(frame, boundary, value_column), highlight_code)
    has_value = rows["_value"].notna().to_numpy()
    fig = go.Figure()
    if has_value.any():
        fig.add_trace(
            _value_trace(
                rows[has_value],
                boundary,
                lang,
                unit_label,
                value_label,
                fmt,
                higher,
                k,
                highlight_code,
            )
        )
    if not has_value.all():
        fig.add_trace(_no_data_trace(rows[~has_value], boundary, lang, highlight_code))
    if boundary.level == "province":
        fig.add_trace(_islands_trace(lang))
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        separators=separators(lang),
        geo={
            "fitbounds": "locations",
            "visible": False,
            "projection": {"type": "mercator"},
            "bgcolor": "rgba(0,0,0,0)",
        },
        legend={"x": 0.0, "y": 0.02, "xanchor": "left", "yanchor": "bottom"},
        annotations=[_attribution(boundary, lang)],
        margin={"l": 10, "r": _right_margin(fig), "t": 70, "b": 60},
        height=height,
    )
    return fig


def _right_margin(fig: go.Figure) -> int:
    """Room for the colour bar, when the map has one (see chart_theme.colorbar_margin)."""
    bars = [t.colorbar for t in fig.data if isinstance(t, go.Choropleth) and t.colorbar.ticktext]
    return colorbar_margin(bars[0].ticktext, bars[0].title.text or "") if bars else 10


# --- the page's entry points ------------------------------------------------------------------


def map_title(indicator: str, boundary: geo.BoundarySet, lang: str, demo: bool = False) -> str:
    """What and when: e.g. 'Điểm Chỉ số CCHC, 30 quận, huyện, thị xã Hà Nội, năm 2023'."""
    label = INDICATORS[indicator].label(lang)
    n, year = len(boundary.codes), boundary.year
    merged = boundary.source.valid_from >= geo.REFORM_DAY
    if lang == "en":
        where = f"Hanoi's {n} districts" if boundary.level == "district" else f"{n} provinces"
        where += " (after the merger of 1 July 2025)" if merged else ""
        text = f"{label}, {where}, {year}"
    else:
        where = (
            f"{n} quận, huyện, thị xã Hà Nội"
            if boundary.level == "district"
            else f"{n} tỉnh, thành phố"
        )
        where += " (sau sắp xếp từ 1/7/2025)" if merged else ""
        text = f"{label}, {where}, năm {year}"
    return f"{text}<br><sup>{_TEXT['demo'][lang]}</sup>" if demo else text


def indicator_map(
    dataset: Dataset,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None = None,
) -> go.Figure:
    """The whole map of one indicator, year and level (raises geo.BoundaryUnavailable)."""
    frame = map_values(dataset, indicator, year, level, lang)
    return map_figure(frame, indicator, year, level, lang, highlight_code)


def has_values(frame: pd.DataFrame) -> bool:
    """Whether any unit of a `map_values` frame has a value (else the map is all grey)."""
    return bool(frame[VALUE].notna().any())


def map_figure(
    frame: pd.DataFrame,
    indicator: str,
    year: int,
    level: str,
    lang: str,
    highlight_code: str | None = None,
) -> go.Figure:
    """The map of a `map_values` frame (for a frame already computed, e.g. cached by the page).

    The highlighted unit is outlined only when it is on the map. Raises
    geo.BoundaryUnavailable like `geo.boundary_set`.
    """
    boundary = geo.boundary_set(level, year)
    spec = INDICATORS[indicator]
    demo = bool(frame.loc[frame[VALUE].notna(), s.DEMO].fillna(False).any())
    if highlight_code not in boundary.codes:
        highlight_code = None
    return choropleth(
        frame,
        boundary,
        VALUE,
        lang,
        map_title(indicator, boundary, lang, demo),
        spec.unit_label(lang),
        highlight_code,
        indicator=spec,
        height=HEIGHT[level],
    )


def unit_url(code: str) -> str:
    """The unit page of a clicked unit: '/unit?unit=CODE'."""
    return f"/unit?unit={code}"


def selected_unit(event: Mapping[str, Any] | None) -> str | None:
    """The unit code of the first selected point of a plotly selection event, if any.

    Reads `customdata[0]` (set on every trace here), else the point's `location`.
    """
    points = ((event or {}).get("selection") or {}).get("points") or []
    for point in points:
        data = point.get("customdata")
        code = data[0] if isinstance(data, list | tuple) and data else point.get("location")
        if code:
            return str(code)
    return None
