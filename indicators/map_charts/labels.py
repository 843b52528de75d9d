"""Where a map writes each unit's name, and which of Hanoi's districts the zoomed panel shows.

Hanoi's 12 urban districts (quận) are a few kilometres across while its outer districts
(huyện, thị xã) are tens: on one map of the 30 the urban ones are too small to see, name or
click. So a district map has two panels: the whole city, where the outer units are named
and the urban core is framed, and the core zoomed (`core_codes`, `core_extent`), where the 12
are named. A label is the unit's short name (`name_vi` of the feature, no "Quận"/"Huyện"),
on one or two lines (`LINE_BREAKS`), at the point of the unit farthest from its border
(`label_points`), moved where a neighbour's label would touch it (`NUDGES`).

`label_boxes` gives each label's box in pixels at a scale (px per degree of longitude), so
a test can check that no two labels overlap at the smallest size the page draws.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from indicators import geo
from indicators.chart_theme import label_width

URBAN = "Quận"  # the `loai` of an urban district in the district file (12 of the 30)
CORE_PAD = 0.006  # degrees around the 12 urban districts, in the zoomed panel and the frame
# Names written on two lines where one line is wider than the unit on a phone.
LINE_BREAKS = {
    "Hoàn Kiếm": "Hoàn<br>Kiếm",
    "Hai Bà Trưng": "Hai Bà<br>Trưng",
    "Nam Từ Liêm": "Nam<br>Từ Liêm",
    "Bắc Từ Liêm": "Bắc<br>Từ Liêm",
    "Thanh Xuân": "Thanh<br>Xuân",
    "Đan Phượng": "Đan<br>Phượng",
    "Hoài Đức": "Hoài<br>Đức",
    "Thạch Thất": "Thạch<br>Thất",
    "Thường Tín": "Thường<br>Tín",
    "Phú Xuyên": "Phú<br>Xuyên",
    "Phúc Thọ": "Phúc<br>Thọ",
    "Chương Mỹ": "Chương<br>Mỹ",
    "Thanh Oai": "Thanh<br>Oai",
}
# (lon, lat) moves of a label from its unit's inner point, by district code, where the names
# of small neighbours would touch (checked by tests/test_map_charts.py at a phone's size).
NUDGES: dict[str, tuple[float, float]] = {
    "001": (0.003, 0.0),  # Ba Đình, away from Cầu Giấy
    "002": (0.0, 0.002),  # Hoàn Kiếm, above Hai Bà Trưng
    "005": (-0.010, 0.0),  # Cầu Giấy, west of Ba Đình
    "006": (-0.006, 0.0),  # Đống Đa, west of Hai Bà Trưng
    "007": (0.004, -0.002),  # Hai Bà Trưng
    "009": (0.0, -0.003),  # Thanh Xuân, under Đống Đa
    "272": (-0.012, 0.0),  # Phúc Thọ, west of Đan Phượng
    "278": (0.0, -0.008),  # Thanh Oai, under Thanh Trì
    "279": (0.006, 0.0),  # Thường Tín, east of Thanh Oai
}
FONT_SIZE = {"whole": 11, "core": 12}
LINE_HEIGHT = 1.25  # of the font size, for a label's box
BOLD = 1.08  # labels are semibold (600): wider than chart_theme's measures of regular text


def short_name(feature: Mapping[str, Any]) -> str:
    """The name of a unit without its type: 'Hoàn Kiếm' for Quận Hoàn Kiếm."""
    props = feature["properties"]
    return str(props.get("name_vi") or props.get("ten_day_du") or "")


def label_text(name: str) -> str:
    """The label as Plotly writes it: the short name, on two lines for the long ones."""
    return LINE_BREAKS.get(name, name)


def core_codes(boundary: geo.BoundarySet) -> tuple[str, ...]:
    """The codes of Hanoi's urban districts (quận) on a district map; () on a province map."""
    if boundary.level != "district":
        return ()
    feats = boundary.geojson["features"]
    return tuple(
        code
        for f, code in zip(feats, boundary.codes, strict=True)
        if f["properties"].get("loai") == URBAN
    )


def _rings(geometry: Mapping[str, Any]) -> list[np.ndarray]:
    """The rings (exterior first, then holes) of a Polygon, or of a MultiPolygon's largest."""
    coords = geometry["coordinates"]
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    rings = [[np.asarray(r, dtype=float) for r in p] for p in polygons]
    return max(rings, key=lambda p: _area(p[0]))


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def _signed_distance(points: np.ndarray, rings: Sequence[np.ndarray]) -> np.ndarray:
    """Distance of each point to the nearest ring edge, negative outside the polygon."""
    ax = np.concatenate([r[:-1, 0] for r in rings])
    ay = np.concatenate([r[:-1, 1] for r in rings])
    dx = np.concatenate([r[1:, 0] for r in rings]) - ax
    dy = np.concatenate([r[1:, 1] for r in rings]) - ay
    px, py = points[:, 0:1], points[:, 1:2]
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / np.maximum(dx * dx + dy * dy, 1e-18), 0, 1)
    nearest = np.sqrt((ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2).min(axis=1)
    crosses = ((ay > py) != (ay + dy > py)) & (
        px < ax + (py - ay) * dx / np.where(dy == 0, 1e-18, dy)
    )
    inside = crosses.sum(axis=1) % 2 == 1
    return np.where(inside, nearest, -nearest)


def _thinned(ring: np.ndarray, most: int = 240) -> np.ndarray:
    """Every k-th vertex of a closed ring (and its last), at most about `most` of them."""
    step = max(1, len(ring) // most)
    return ring if step == 1 else np.concatenate([ring[::step], ring[-1:]])


def inner_point(geometry: Mapping[str, Any], steps: int = 20) -> tuple[float, float]:
    """The point of a unit farthest from its border (a grid search refined three times, on
    the rings thinned to a few hundred vertices), in (lon, lat); longitudes are scaled by
    cos(latitude) so that distances are true."""
    rings = [_thinned(r) for r in _rings(geometry)]
    lat0 = float(rings[0][:, 1].mean())
    k = math.cos(math.radians(lat0))
    scaled = [r * np.array([k, 1.0]) for r in rings]
    lo, hi = scaled[0].min(axis=0), scaled[0].max(axis=0)
    best = (lo + hi) / 2
    span = hi - lo
    for _ in range(4):
        xs = np.linspace(best[0] - span[0] / 2, best[0] + span[0] / 2, steps)
        ys = np.linspace(best[1] - span[1] / 2, best[1] + span[1] / 2, steps)
        grid = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
        best = grid[int(np.argmax(_signed_distance(grid, scaled)))]
        span = span / (steps / 4)
    return float(best[0] / k), float(best[1])


@lru_cache(maxsize=4)
def _points(file: str, level: str) -> dict[str, tuple[float, float]]:
    gj = geo.load_geojson(file)
    codes = geo.feature_codes(gj, level)
    return {c: inner_point(f["geometry"]) for f, c in zip(gj["features"], codes, strict=True)}


def label_points(boundary: geo.BoundarySet) -> dict[str, tuple[float, float]]:
    """Where each unit's label goes, by code: its inner point moved by NUDGES."""
    out = {}
    for code, (lon, lat) in _points(boundary.file, boundary.level).items():
        dlon, dlat = NUDGES.get(code, (0.0, 0.0))
        out[code] = (lon + dlon, lat + dlat)
    return out


def core_extent(boundary: geo.BoundarySet) -> tuple[tuple[float, float], tuple[float, float]]:
    """((lon min, lon max), (lat min, lat max)) of the urban districts, padded by CORE_PAD."""
    codes = set(core_codes(boundary))
    rings = [
        ring
        for f, c in zip(boundary.geojson["features"], boundary.codes, strict=True)
        if c in codes
        for ring in _rings(f["geometry"])[:1]
    ]
    both = np.concatenate(rings)
    (lon0, lat0), (lon1, lat1) = both.min(axis=0), both.max(axis=0)
    pad = CORE_PAD
    return (float(lon0 - pad), float(lon1 + pad)), (float(lat0 - pad), float(lat1 + pad))


def _mercator_y(lat: float) -> float:
    """Mercator's y in degrees (as Plotly's geo draws it: same scale as longitude)."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def label_boxes(
    points: Mapping[str, tuple[float, float]],
    texts: Mapping[str, str],
    px_per_degree: float,
    font_size: float,
) -> dict[str, tuple[float, float, float, float]]:
    """Each label's box (x0, y0, x1, y1) in pixels, y up, at a scale of `px_per_degree` of
    longitude (Mercator), its text centred on its point; widths from the dashboard's font."""
    scale = font_size / 12  # chart_theme.label_width measures 12 px text
    boxes = {}
    for code, text in texts.items():
        lon, lat = points[code]
        lines = text.split("<br>")
        width = max(label_width(line) for line in lines) * scale * BOLD
        height = len(lines) * font_size * LINE_HEIGHT
        x, y = lon * px_per_degree, _mercator_y(lat) * px_per_degree
        boxes[code] = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
    return boxes
