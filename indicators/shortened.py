"""Procedures whose committed processing time is shorter than the legal time."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators import schema as s
from indicators.provenance import merge_provenance, object_groups, provenance

DAYS_SAVED = "days_saved"
SAVED_PCT = "saved_pct"
PROCEDURES = "procedures"
DAYS_KNOWN = "days_known"
SHORTENED = "shortened"
FIELDS = "fields"
N_FIELDS = "n_fields"
DAYS_SAVED_TOTAL = "days_saved_total"
SAVED_PCT_MEAN = "saved_pct_mean"
_DEFAULT_BY = (s.UNIT_CODE, s.YEAR)


def _is_shortened(procedures: pd.DataFrame) -> pd.Series:
    shorter = procedures[s.COMMITTED_DAYS] < procedures[s.LEGAL_DAYS]
    return shorter.fillna(False).astype(bool)


def shortened_procedures(procedures: pd.DataFrame) -> pd.DataFrame:
    """The procedures with committed_days < legal_days, with `days_saved` and `saved_pct`.

    A procedure whose legal or committed days are missing is not listed: it is not known to be
    shortened.
    """
    rows = procedures[_is_shortened(procedures)]
    legal = rows[s.LEGAL_DAYS].astype("Float64")
    saved = legal - rows[s.COMMITTED_DAYS].astype("Float64")
    # legal > committed >= 0 here, so the division is safe
    return rows.assign(**{DAYS_SAVED: saved, SAVED_PCT: saved / legal * 100})


def shortened_summary(procedures: pd.DataFrame, by: Sequence[str] = _DEFAULT_BY) -> pd.DataFrame:
    """Per group: how many procedures are shortened, in which fields, by how much.

    Columns: `procedures` (catalogue rows), `days_known` (rows with both legal and committed
    days), `shortened`, `fields` (sorted tuple), `n_fields`, `days_saved_total`,
    `saved_pct_mean`, provenance of all the group's catalogue rows. A group with catalogue rows
    and nothing shortened has `shortened` 0; if none of its rows has both day counts, whether
    anything is shortened is unknown and `shortened`, `days_saved_total` are NA.
    `saved_pct_mean` is NA when nothing is shortened (no mean of nothing).
    """
    by = list(by)
    grouped = procedures.groupby(by, dropna=False, sort=True)
    known = procedures[s.LEGAL_DAYS].notna() & procedures[s.COMMITTED_DAYS].notna()
    base = pd.DataFrame(
        {
            PROCEDURES: grouped.size(),
            DAYS_KNOWN: known.groupby([procedures[c] for c in by], dropna=False).sum(),
        }
    ).reset_index()

    short = shortened_procedures(procedures)
    short_keys = [short[c] for c in by]
    grouped_short = short.groupby(short_keys, dropna=False, sort=True)
    stats = pd.DataFrame(
        {
            SHORTENED: grouped_short.size(),
            FIELDS: object_groups(short[s.FIELD], short_keys).agg(
                lambda f: tuple(sorted({str(v) for v in f.dropna()}))
            ),
            DAYS_SAVED_TOTAL: grouped_short[DAYS_SAVED].sum(),
            SAVED_PCT_MEAN: grouped_short[SAVED_PCT].mean(),
        }
    ).reset_index()
    out = base.merge(stats, on=by, how="left")

    has_known = out[DAYS_KNOWN] > 0
    out[PROCEDURES] = out[PROCEDURES].astype("Int64")
    out[DAYS_KNOWN] = out[DAYS_KNOWN].astype("Int64")
    out[SHORTENED] = out[SHORTENED].astype("Int64").fillna(0).where(has_known)
    # a group with nothing shortened gets NaN from the merge: it has no fields
    out[FIELDS] = pd.Series(
        [tuple(f) if isinstance(f, tuple | list) else () for f in out[FIELDS]],
        index=out.index,
        dtype=object,
    )
    out[N_FIELDS] = pd.array([len(f) for f in out[FIELDS]], dtype="Int64")
    out[DAYS_SAVED_TOTAL] = out[DAYS_SAVED_TOTAL].astype("Float64").fillna(0.0).where(has_known)
    out[SAVED_PCT_MEAN] = out[SAVED_PCT_MEAN].astype("Float64")
    out = out[
        [*by, PROCEDURES, DAYS_KNOWN, SHORTENED, FIELDS, N_FIELDS, DAYS_SAVED_TOTAL, SAVED_PCT_MEAN]
    ]
    return merge_provenance(out, procedures, by)


def count_by_field(procedures: pd.DataFrame, by: Sequence[str] = _DEFAULT_BY) -> pd.DataFrame:
    """Shortened procedures per group and field (fields with none are absent), largest first."""
    keys = [c for c in by if c != s.FIELD] + [s.FIELD]
    short = shortened_procedures(procedures)
    counts = short.groupby(keys, dropna=False, sort=True).size().rename(SHORTENED).reset_index()
    counts[SHORTENED] = counts[SHORTENED].astype("Int64")
    counts = counts.merge(provenance(short, keys), on=keys, how="left")
    return counts.sort_values(
        [*keys[:-1], SHORTENED, s.FIELD],
        ascending=[True] * (len(keys) - 1) + [False, True],
        kind="stable",
    ).reset_index(drop=True)
