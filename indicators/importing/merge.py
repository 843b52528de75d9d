"""Merge the file's rows into the stored table: rows with the key of a stored row replace it
in place (the normal yearly correction), the others are added at the end."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

_NA = "\x00"


def key_strings(frame: pd.DataFrame, key: list[str]) -> pd.Series:
    """One comparable string per row for the key columns (missing values compare equal)."""
    parts = [frame[c].astype("string").fillna(_NA) for c in key]
    if not parts:
        return pd.Series([""] * len(frame), index=frame.index)
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + "\x1f" + part
    return joined.astype(object)


@dataclass(frozen=True)
class Merged:
    frame: pd.DataFrame
    origin: list[int | None]  # per row: the spreadsheet row it came from, None if stored
    added: int
    replaced: int


def merge_rows(stored: pd.DataFrame, new: pd.DataFrame, rows: list[int], key: list[str]) -> Merged:
    """`stored` with `new` merged in by `key`; `rows` are the spreadsheet rows of `new`."""
    old_keys, new_keys = key_strings(stored, key), key_strings(new, key)
    position = dict(zip(old_keys, range(len(stored)), strict=True))
    replaced = old_keys.isin(set(new_keys)).to_numpy()
    new_order = [position.get(k, len(stored) + i) for i, k in enumerate(new_keys)]
    order = np.concatenate([np.flatnonzero(~replaced), np.asarray(new_order, dtype=int)])
    combined = pd.concat([stored[~replaced], new[stored.columns]], ignore_index=True)
    origin = [None] * int((~replaced).sum()) + list(rows)
    sort = np.argsort(order, kind="stable")
    return Merged(
        frame=combined.iloc[sort].reset_index(drop=True),
        origin=[origin[i] for i in sort],
        added=len(new) - int(replaced.sum()),
        replaced=int(replaced.sum()),
    )
