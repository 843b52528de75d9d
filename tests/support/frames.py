"""Typed test frames for the schema tables, built from a few dicts.

    frame("par_scores", [{"unit_code": "001", "score": 95.7}], index_id="hanoi_par", year=2023)

gives a frame with every column of the table, in the dtypes of schema.PANDAS_DTYPE (what the
real loader produces). Values come from the row, else from the keyword defaults, else from
DEFAULTS below; a nullable column with no value is NA. A non-nullable column with no value, or a
key that is not a column of the table, is an error so that a typo cannot pass unnoticed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from indicators import schema as s

DEFAULTS: dict[str, Any] = {s.SOURCE_ID: "test", s.DEMO: False}
TABLE_DEFAULTS: dict[str, dict[str, Any]] = {
    "par_scores": {s.COMPONENT: s.TOTAL, s.MAX_SCORE: 100.0},
    "figures": {s.COMPARATOR: "="},
}


def frame(table: str | s.Table, rows: list[dict[str, Any]], **defaults: Any) -> pd.DataFrame:
    """A frame of `table` with the given rows, typed like the loader's output."""
    spec = s.TABLES[table] if isinstance(table, str) else table
    fill = {**DEFAULTS, **TABLE_DEFAULTS.get(spec.name, {}), **defaults}
    names = set(spec.names)
    for given in [fill.keys() - DEFAULTS.keys(), *(row.keys() for row in rows)]:
        unknown = sorted(set(given) - names)
        if unknown:
            raise KeyError(f"not columns of {spec.name}: {unknown}")

    data: dict[str, pd.Series] = {}
    for col in spec.columns:
        values = []
        for i, row in enumerate(rows):
            if col.name in row:
                values.append(row[col.name])
            elif col.name in fill:
                values.append(fill[col.name])
            elif col.nullable:
                values.append(None)
            else:
                raise KeyError(f"{spec.name} row {i}: no value for {col.name!r}")
        dtype = s.PANDAS_DTYPE[col.kind]
        if col.kind == s.DATE:
            data[col.name] = pd.Series(pd.to_datetime(values), dtype=dtype)
        else:
            data[col.name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data, columns=spec.names)


def units(rows: list[dict[str, Any]], **defaults: Any) -> pd.DataFrame:
    """Units with name_ascii and kind filled in when absent (tests rarely care about them)."""
    kind = {"province": "tỉnh", "district": "quận", "commune": "phường"}
    filled = [
        {
            s.NAME_ASCII: row.get(s.CODE, "x"),
            s.KIND: kind[row.get(s.LEVEL, defaults.get(s.LEVEL, "district"))],
            **row,
        }
        for row in rows
    ]
    return frame("units", filled, **defaults)
