"""Which sources, and whether demo rows, stand behind each aggregate row.

Every indicator family attaches these columns so that a chart or table can say where a number
comes from and warn when generated (demo) rows contributed to it. The module also holds the small
helpers all families share (percent, NA-preserving sums), so that "missing stays missing" is
implemented once.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from pandas.api.typing import SeriesGroupBy

from indicators import schema as s

SOURCE_IDS = "source_ids"
PROVENANCE_COLUMNS = (s.DEMO, SOURCE_IDS)


def _source_tuple(ids: pd.Series) -> tuple[str, ...]:
    """The distinct ids the cells name (a cell may name several: schema.source_id_list)."""
    return tuple(sorted({i for v in ids.dropna().unique() for i in s.source_id_list(v)}))


def provenance(df: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """One row per group of `by` with `demo` (any demo row) and `source_ids` (sorted tuple).

    Groups whose keys are NA are kept (``dropna=False``), like in every aggregate here.
    With an empty `by` the whole frame is one group.
    """
    by = list(by)
    if not by:
        demo = df[s.DEMO].astype("boolean").any() if len(df) else False
        return pd.DataFrame(
            {
                s.DEMO: pd.array([bool(demo)], dtype="boolean"),
                SOURCE_IDS: [_source_tuple(df[s.SOURCE_ID])],
            }
        )
    keys = [df[c] for c in by]
    demo = df[s.DEMO].astype("boolean").groupby(keys, dropna=False, sort=True).any()
    # The tuples are built in Python, one call per group: from the distinct (group, source)
    # pairs, a few rows per group, instead of from every row.
    pairs = df[[*by, s.SOURCE_ID]].drop_duplicates()
    ids = object_groups(pairs[s.SOURCE_ID], [pairs[c] for c in by]).agg(_source_tuple)
    out = pd.DataFrame({s.DEMO: demo.astype("boolean"), SOURCE_IDS: ids})
    return out.reset_index()


def object_groups(values: pd.Series, keys: list[pd.Series]) -> SeriesGroupBy:
    """`values` grouped by `keys`, as Python objects so that `agg` may return tuples or lists.

    On a "string" or "Int64" column pandas would cast such results back to a pyarrow list type.
    """
    return values.astype(object).groupby(keys, dropna=False, sort=True)


def merge_provenance(result: pd.DataFrame, df: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """`result` with `demo` and `source_ids` of the rows of `df` in each group of `by`.

    Existing provenance columns of `result` are replaced. A group of `result` that has no row in
    `df` gets NA provenance.
    """
    by = list(by)
    base = result.drop(columns=[c for c in PROVENANCE_COLUMNS if c in result.columns])
    prov = provenance(df, by)
    if not by:
        return base.assign(
            **{s.DEMO: prov[s.DEMO].iloc[0], SOURCE_IDS: [prov[SOURCE_IDS].iloc[0]] * len(base)}
        )
    return base.merge(prov, on=by, how="left")


def percent(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / denominator * 100 as Float64; NA where the denominator is 0 or NA."""
    num = pd.to_numeric(numerator).astype("Float64")
    den = pd.to_numeric(denominator).astype("Float64")
    return num / den.where(den > 0) * 100


def group_sums(df: pd.DataFrame, by: Sequence[str], columns: Sequence[str]) -> pd.DataFrame:
    """Sums of `columns` per group of `by`; a group whose values are all NA stays NA."""
    by = list(by)
    columns = list(columns)
    if not by:
        return pd.DataFrame({c: [df[c].sum(min_count=1)] for c in columns}).astype(
            {c: df[c].dtype for c in columns}
        )
    return df.groupby(by, dropna=False, sort=True)[columns].sum(min_count=1).reset_index()


def paired_sums(
    df: pd.DataFrame, by: Sequence[str], numerator: str, denominator: str
) -> pd.DataFrame:
    """Per group, sums of `numerator` and `denominator` over the rows where both are known.

    A rate built from these is not biased by a row (a month, a field) that reports one count
    but not the other.
    """
    both = df[numerator].notna() & df[denominator].notna()
    known = df[[*by, numerator, denominator]].where(both)
    # restore the group keys that `where` blanked out
    known[list(by)] = df[list(by)]
    return group_sums(known, by, [numerator, denominator])
