"""The choropleth figure of a map and the /map page's entry points: its title, the figure of
an indicator in a year, the unit a click selected."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import geo
from indicators import schema as s
from indicators.chart_images import OFFLINE_TOPOJSON_URL
from indicators.chart_theme import colorbar_margin, ensure
from indicators.dataset import Dataset
from indicators.escaping import inert, inert_cell
from indicators.formatting import check_lang, fmt_number, fmt_rank, is_missing, no_data, separators
from indicators.i18n import t
from indicators.map_charts.values import (
    INDICATORS,
    SOURCE_TITLES,
    VALUE,
    Indicator,
    _numbers,
    assign_classes,
    class_breaks,
    class_colors,
    map_values,
    stepped_colorscale,
)
from indicators.provenance import SOURCE_IDS
from indicators.rankings import RANK, UNITS_RANKED

NO_DATA_COLOR = "#d0d0d0"
BORDER_COLOR = "#ffffff"
HIGHLIGHT_COLOR = "#d6001c"
DEMO_SOURCE = "demo"  # the id of the demo generator in `sources`
DEMO_OPACITY = 0.45  # a unit whose value is generated, as a generated bar (indicators.charts)
BORDER_WIDTH = {"district": 0.8, "province": 0.3}  # thin on provinces, or islands vanish
HEIGHT = {"district": 640, "province": 820}  # Vietnam is tall and narrow
# Labels of the archipelagos, which must stay on every map of Vietnam (data/geo/SOURCES.md):
# (text key, lon, lat), placed over the offshore polygons of Đà Nẵng and Khánh Hòa.
ISLANDS = (("map_island_paracel", 112.0, 17.45), ("map_island_spratly", 114.2, 12.3))
# plotly.js fetches a world topojson from cdn.plot.ly for every geo subplot, even with the base
# map hidden, so a map fails offline: st.plotly_chart(fig, config=PLOTLY_CONFIG) points it at an
# empty topology (chart_images.OFFLINE_TOPOJSON_URL, which Kaleido gets too).
PLOTLY_CONFIG = {"topojsonURL": OFFLINE_TOPOJSON_URL, "displaylogo": False}


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
    # drawn in the hover, where Plotly reads HTML: escaped (indicators.escaping)
    out["_name"] = names.astype("string").fillna(out["_feature_name"]).map(inert_cell)
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
    text = "; ".join(inert(_short_title(str(t)), "plotly") for t in titles) or "-"
    demo = row.get(s.DEMO)
    if is_missing(demo) or not bool(demo) or DEMO_SOURCE in (row.get(SOURCE_IDS) or ()):
        return text  # the demo source's own title already says so
    return f"{text} ({t('map_has_demo', lang)})"


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
    rank, klass_label, source = (t(f"map_hover_{k}", lang) for k in ("rank", "class", "source"))
    return go.Choropleth(
        **_common(boundary, rows, highlight_code),
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
            f"{rank}: %{{customdata[3]}}<br>"
            f"{klass_label}: %{{customdata[4]}}<br>"
            f"{source}: %{{customdata[5]}}<extra></extra>"
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


def _demo_veil(
    rows: pd.DataFrame, boundary: geo.BoundarySet, lang: str, highlight_code: str | None
) -> go.Choropleth:
    """A white veil over the units whose value is generated, so they look faded as generated
    bars do (Plotly draws no per-location opacity on a map); hover and clicks go through it."""
    veil = f"rgba(255,255,255,{1 - DEMO_OPACITY:.2f})"
    return go.Choropleth(
        **_common(boundary, rows, highlight_code),
        z=[0.0] * len(rows),
        zmin=0,
        zmax=1,
        colorscale=[[0.0, veil], [1.0, veil]],
        showscale=False,
        customdata=[[code] for code in rows[s.UNIT_CODE]],  # a click still names the unit
        hoverinfo="skip",
        name=t("map_veil", lang),
        showlegend=True,
    )


def _islands_trace(lang: str) -> go.Scattergeo:
    """Text labels of Hoàng Sa and Trường Sa (their polygons are too small to see)."""
    return go.Scattergeo(
        lon=[lon for _, lon, _ in ISLANDS],
        lat=[lat for _, _, lat in ISLANDS],
        text=[t(key, lang) for key, _, _ in ISLANDS],
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
    ensure()  # the default template is the dashboard's
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
        generated = rows[s.DEMO].astype("boolean").fillna(False).to_numpy() & has_value
        if generated.any():
            fig.add_trace(_demo_veil(rows[generated], boundary, lang, highlight_code))
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
    """What and when, then where on a smaller second line (a phone's width holds each line):
    'Điểm Chỉ số CCHC, năm 2023<br><sup>30 quận, huyện, thị xã Hà Nội</sup>'."""
    label = INDICATORS[indicator].label(lang)
    n, year = len(boundary.codes), boundary.year
    where = t(f"map_where_{boundary.level}", lang, n=n)
    if boundary.source.valid_from >= geo.REFORM_DAY:
        where += t("map_where_merged", lang)
    notes = [where, t("map_has_demo", lang)] if demo else [where]
    return f"{t('map_title', lang, label=label, year=year)}<br><sup>{' · '.join(notes)}</sup>"


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
