"""Which rows of a chart's frame a clicked point stands for (the explanation panel under a
chart, indicators.explain): Plotly's selection event gives the point's x, y and custom data,
not the row, so the rows are found by their keys and values. Pure: no Streamlit, no Plotly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from indicators import schema as s
from indicators.formatting import is_missing

POINT_KEYS = (s.YEAR, s.UNIT_CODE, s.NAME_VI, s.PERIOD, s.FIELD, s.ONLINE_LEVEL)


def _point_values(point: Mapping[str, Any]) -> tuple[set[str], list[float]]:
    """The texts and numbers a clicked point carries (x, y, its custom data, a bar's label)."""
    found: list[Any] = []
    for key in ("x", "y", "customdata", "label", "value"):
        value = point.get(key)
        found += list(value) if isinstance(value, list | tuple) else [value]
    texts, numbers = set(), []
    for value in found:
        if value is None or isinstance(value, bool):
            continue
        texts.add(str(value))
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        numbers.append(number)
        if number.is_integer():
            texts.add(str(int(number)))
    return texts, numbers


def rows_at_point(rows: pd.DataFrame, point: Mapping[str, Any]) -> pd.DataFrame:
    """The rows a chart's clicked point stands for: those whose keys (year, unit, period,
    field, level) hold the point's x, y or custom data, the best matches first (a row whose
    number is the point's value beats one that only shares its year)."""
    texts, numbers = _point_values(point)
    if rows.empty or not texts:
        return rows.iloc[0:0]
    scores = pd.Series(0, index=rows.index)
    for column in (c for c in POINT_KEYS if c in rows.columns):
        shown = rows[column].map(lambda v: "" if is_missing(v) else str(v))
        scores += shown.isin(texts).astype(int) * 2
    for column in rows.select_dtypes("number").columns:
        values = pd.to_numeric(rows[column], errors="coerce").astype("Float64")
        near = pd.Series(False, index=rows.index)
        for number in numbers:
            near |= (values - number).abs().lt(0.005).fillna(False).astype(bool)
        scores += near.astype(int)
    keyed = scores >= 2
    if not keyed.any():
        return rows.iloc[0:0]
    best = scores[keyed].max()
    return rows[scores == best]
