"""The traces of a map panel: the units coloured by class, the faded demo units, the grey
units without data, the names, the frame of the urban core, and the islands' names."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from indicators import geo
from indicators import schema as s
from indicators.chart_theme import TEXT
from indicators.escaping import inert
from indicators.formatting import fmt_rank, is_missing, no_data
from indicators.i18n import t
from indicators.map_charts import labels as lb
from indicators.map_charts.values import SOURCE_TITLES, class_colors, stepped_colorscale
from indicators.provenance import SOURCE_IDS
from indicators.rankings import RANK, UNITS_RANKED

NO_DATA_COLOR = "#d0d0d0"
BORDER_COLOR = "#ffffff"
HIGHLIGHT_COLOR = "#d6001c"
FRAME_COLOR = "#333333"  # the frame around the urban core on the whole city
DEMO_SOURCE = "demo"  # the id of the demo generator in `sources`
DEMO_OPACITY = 0.45  # a unit whose value is generated, as a generated bar (indicators.charts)
BORDER_WIDTH = {"district": 0.8, "province": 0.3}  # thin on provinces, or islands vanish
# Labels of the archipelagos, which must stay on every map of Vietnam (data/geo/SOURCES.md):
# (text key, lon, lat), placed over the offshore polygons of Đà Nẵng and Khánh Hòa.
ISLANDS = (("map_island_paracel", 112.0, 17.45), ("map_island_spratly", 114.2, 12.3))


@dataclass(frozen=True)
class Style:
    """What every panel of one map shares: the language, how values are written, the classes
    (1 = worst .. n = best) and their legend texts, and the unit outlined in red."""

    lang: str
    fmt: Callable[[Any, str], str]
    value_label: str
    unit_label: str
    n: int
    ranges: tuple[str, ...]  # the values of class 1 .. n, as "lowest–highest"
    highlight_code: str | None


def subset(boundary: geo.BoundarySet, codes: Sequence[str]) -> dict[str, Any]:
    """A FeatureCollection of only the features of `codes` (each feature is sent once)."""
    wanted = set(codes)
    features = boundary.geojson["features"]
    chosen = [f for f, c in zip(features, boundary.codes, strict=True) if c in wanted]
    return {"type": "FeatureCollection", "features": chosen}


def outline(codes: pd.Series, level: str, highlight_code: str | None) -> dict[str, list[Any]]:
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


def common(
    boundary: geo.BoundarySet, rows: pd.DataFrame, highlight_code: str | None, subplot: str
) -> dict[str, Any]:
    return {
        "geojson": subset(boundary, rows[s.UNIT_CODE].tolist()),
        "featureidkey": boundary.featureidkey,
        "locations": rows[s.UNIT_CODE].tolist(),
        "marker": {"line": outline(rows[s.UNIT_CODE], boundary.level, highlight_code)},
        "hoverlabel": {"align": "left"},
        "geo": subplot,
    }


def value_trace(
    rows: pd.DataFrame,
    boundary: geo.BoundarySet,
    style: Style,
    subplot: str,
    colorbar: dict[str, Any] | None,
) -> go.Choropleth:
    lang, n = style.lang, style.n
    customdata = [
        [
            code,
            name,
            style.fmt(v, lang),
            fmt_rank(r.get(RANK), r.get(UNITS_RANKED), lang),
            f"{c}/{n}",
            _source_text(r, lang),
        ]
        for (_, r), code, name, v, c in zip(
            rows.iterrows(),
            rows[s.UNIT_CODE],
            rows["_name"],
            rows["_value"],
            rows["_class"],
            strict=True,
        )
    ]
    rank, klass_label, source = (t(f"map_hover_{k}", lang) for k in ("rank", "class", "source"))
    bands = [c + 0.5 for c in range(n + 1)]  # each class an equal band of the colour bar
    return go.Choropleth(
        **common(boundary, rows, style.highlight_code, subplot),
        z=rows["_class"].astype(float).tolist(),
        zmin=0.5,
        zmax=n + 0.5,
        colorscale=stepped_colorscale(bands, class_colors(n)),
        showscale=colorbar is not None,
        colorbar=colorbar,
        customdata=customdata,
        hovertemplate=(
            "<b>%{customdata[1]}</b><br>"
            f"{style.value_label}: %{{customdata[2]}}<br>"
            f"{rank}: %{{customdata[3]}}<br>"
            f"{klass_label}: %{{customdata[4]}}<br>"
            f"{source}: %{{customdata[5]}}<extra></extra>"
        ),
        name=style.unit_label,
        showlegend=False,
    )


def flat_trace(
    rows: pd.DataFrame,
    boundary: geo.BoundarySet,
    style: Style,
    subplot: str,
    color: str,
    name: str,
    **more: Any,
) -> go.Choropleth:
    return go.Choropleth(
        **common(boundary, rows, style.highlight_code, subplot),
        z=[0.0] * len(rows),
        zmin=0,
        zmax=1,
        colorscale=[[0.0, color], [1.0, color]],
        showscale=False,
        name=name,
        **more,
    )


def no_data_trace(
    rows: pd.DataFrame, boundary: geo.BoundarySet, style: Style, subplot: str, legend: bool
) -> go.Choropleth:
    label = no_data(style.lang)
    data = [[code, name] for code, name in zip(rows[s.UNIT_CODE], rows["_name"], strict=True)]
    return flat_trace(
        rows,
        boundary,
        style,
        subplot,
        NO_DATA_COLOR,
        label,
        customdata=data,
        hovertemplate=f"<b>%{{customdata[1]}}</b><br>{label}<extra></extra>",
        showlegend=legend,
        legendgroup="no-data",
    )


def demo_veil(
    rows: pd.DataFrame, boundary: geo.BoundarySet, style: Style, subplot: str, legend: bool
) -> go.Choropleth:
    """A white veil over the units whose value is generated, so they look faded as generated
    bars do (Plotly draws no per-location opacity on a map); hover and clicks go through it."""
    return flat_trace(
        rows,
        boundary,
        style,
        subplot,
        f"rgba(255,255,255,{1 - DEMO_OPACITY:.2f})",
        t("map_veil", style.lang),
        customdata=[[code] for code in rows[s.UNIT_CODE]],  # a click still names the unit
        hoverinfo="skip",
        showlegend=legend,
        legendgroup="veil",
    )


def islands_trace(lang: str) -> go.Scattergeo:
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


def _is_dark(rgb: str) -> bool:
    """Whether white text reads better than black on the colour 'rgb(r, g, b)' or '#rrggbb'."""
    if rgb.startswith("#"):
        parts = [int(rgb[i : i + 2], 16) for i in (1, 3, 5)]
    else:
        parts = [float(p) for p in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    r, g, b = (p / 255 for p in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45


def label_traces(
    rows: pd.DataFrame, boundary: geo.BoundarySet, n: int, subplot: str, size: int
) -> list[go.Scattergeo]:
    """Each unit's short name at its label point: white with a dark halo on the dark classes,
    dark with a white halo on the rest (light classes, faded demo units, grey). Clicks and
    hovers go through to the unit (no hover; the code in customdata all the same)."""
    points = lb.label_points(boundary)
    colours = class_colors(n)
    demo = rows[s.DEMO].astype("boolean").fillna(False).tolist()
    dark = [
        not is_missing(c) and not generated and _is_dark(colours[int(c) - 1])
        for c, generated in zip(rows["_class"], demo, strict=True)
    ]
    traces = []
    for on_dark in (False, True):
        part = rows[[d == on_dark for d in dark]]
        if part.empty:
            continue
        codes = part[s.UNIT_CODE].tolist()
        traces.append(
            go.Scattergeo(
                lon=[points[c][0] for c in codes],
                lat=[points[c][1] for c in codes],
                text=[lb.label_text(name) for name in part["_short"]],
                customdata=[[c] for c in codes],
                mode="text",
                textfont={
                    "size": size,
                    "color": "#ffffff" if on_dark else TEXT,
                    "weight": 600,
                    "shadow": "0 0 3px #000000" if on_dark else "0 0 3px #ffffff",
                },
                hoverinfo="skip",
                showlegend=False,
                geo=subplot,
                name="labels",
            )
        )
    return traces


def frame_trace(boundary: geo.BoundarySet, lang: str, subplot: str) -> go.Scattergeo:
    """A dashed frame around the urban core on the whole city, named in the legend (a name on
    the map would cover the small units around it)."""
    (lon0, lon1), (lat0, lat1) = lb.core_extent(boundary)
    return go.Scattergeo(
        lon=[lon0, lon1, lon1, lon0, lon0],
        lat=[lat0, lat0, lat1, lat1, lat0],
        mode="lines",
        line={"color": FRAME_COLOR, "width": 1.5, "dash": "dash"},
        hoverinfo="skip",
        showlegend=True,
        legendgroup="frame",
        geo=subplot,
        name=t("map_core_frame", lang),
    )
