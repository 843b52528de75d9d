"""Online public services: procedures per online level, and the share of dossiers sent online.

Two classifications coexist: levels 1-4 (Decree 43/2011, until 2022) and the forms "full" /
"partial" / "none" (Decree 42/2022, from 2022). The `era` column says which one a row uses so
that a chart never puts them on one axis by accident.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators import schema as s
from indicators.provenance import merge_provenance, paired_sums, percent, provenance

PROCEDURES = "procedures"
ERA = "era"
SHARE = "share"
ERA_LEVELS = "levels"
ERA_FORMS = "forms"
_ERA_OF = {**dict.fromkeys(s.LEVELS_OLD, ERA_LEVELS), **dict.fromkeys(s.FORMS_NEW, ERA_FORMS)}
_LEVEL_ORDER = {level: i for i, level in enumerate(s.ONLINE_LEVELS)}
_DEFAULT_BY = (s.UNIT_CODE, s.YEAR)


def era(levels: pd.Series) -> pd.Series:
    """ "levels" for 1-4, "forms" for full/partial/none, NA for an unknown level."""
    return levels.astype("string").map(_ERA_OF, na_action="ignore").astype("string").rename(ERA)


def _keys(by: Sequence[str]) -> list[str]:
    return [c for c in by if c != s.ONLINE_LEVEL] + [s.ONLINE_LEVEL]


def _sort_levels(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sort by the group and by the levels in their natural order (1-4, full, partial, none)."""
    order = df[s.ONLINE_LEVEL].map(_LEVEL_ORDER, na_action="ignore").astype("Float64")
    sort_cols = [*keys[:-1], "_level_order"]
    out = df.assign(_level_order=order).sort_values(sort_cols, na_position="last", kind="stable")
    return out.drop(columns="_level_order").reset_index(drop=True)


def procedures_by_level(procedures: pd.DataFrame, by: Sequence[str] = _DEFAULT_BY) -> pd.DataFrame:
    """Number of procedures per group and online level (long format), with `era`.

    Procedures whose level is unknown are counted under online_level NA (era NA), so that the
    counts of a group add up to its catalogue.
    """
    keys = _keys(by)
    counts = procedures.groupby(keys, dropna=False, sort=True).size().rename(PROCEDURES)
    out = counts.reset_index()
    out[PROCEDURES] = out[PROCEDURES].astype("Int64")
    out[ERA] = era(out[s.ONLINE_LEVEL])
    return _sort_levels(merge_provenance(out, procedures, keys), keys)


def level_counts(procedures: pd.DataFrame, unit_code: str, year: int) -> dict[str, int]:
    """Each online level present for the unit and year, with its number of procedures."""
    mask = procedures[s.UNIT_CODE].eq(unit_code) & procedures[s.YEAR].eq(year)
    counts = procedures.loc[mask.fillna(False).astype(bool), s.ONLINE_LEVEL].value_counts()
    ordered = sorted(counts.index, key=lambda lv: (_LEVEL_ORDER.get(lv, len(_LEVEL_ORDER)), lv))
    return {str(level): int(counts[level]) for level in ordered}


def online_share_by_level(
    dossier_stats: pd.DataFrame,
    procedures: pd.DataFrame,
    by: Sequence[str] = _DEFAULT_BY,
) -> pd.DataFrame:
    """Dossiers received and submitted online per group and online level of their procedure.

    Only dossier rows with a procedure_code take part; each gets the level of its procedure in
    the catalogue of the same unit and year (NA when the catalogue lacks it). `share` is
    submitted_online / received * 100 over the rows where both counts are known; NA when that
    received total is 0 or missing. Provenance covers the dossier rows and the catalogue rows
    that gave them their level.
    """
    keys = _keys(by)
    join = [s.UNIT_CODE, s.YEAR, s.PROCEDURE_CODE]
    dossiers = dossier_stats[dossier_stats[s.PROCEDURE_CODE].notna()]
    catalogue = procedures[[*join, s.ONLINE_LEVEL, s.SOURCE_ID, s.DEMO]].rename(
        columns={s.SOURCE_ID: "_proc_source_id", s.DEMO: "_proc_demo"}
    )
    merged = dossiers.drop(columns=[s.ONLINE_LEVEL], errors="ignore").merge(
        catalogue, on=join, how="left", validate="many_to_one", indicator=True
    )

    sums = paired_sums(merged, keys, s.ONLINE, s.RECEIVED).rename(
        columns={s.ONLINE: "_online_known", s.RECEIVED: "_received_known"}
    )
    totals = merged.groupby(keys, dropna=False, sort=True)[[s.RECEIVED, s.ONLINE]].sum(min_count=1)
    out = totals.reset_index().merge(sums, on=keys, how="left")
    out[SHARE] = percent(out["_online_known"], out["_received_known"])
    out[ERA] = era(out[s.ONLINE_LEVEL])
    out = out[[*keys, ERA, s.RECEIVED, s.ONLINE, SHARE]]

    matched = merged[merged["_merge"] == "both"]
    contributors = pd.concat(
        [
            merged[[*keys, s.SOURCE_ID, s.DEMO]],
            matched[[*keys, "_proc_source_id", "_proc_demo"]].rename(
                columns={"_proc_source_id": s.SOURCE_ID, "_proc_demo": s.DEMO}
            ),
        ],
        ignore_index=True,
    )
    out = out.merge(provenance(contributors, keys), on=keys, how="left")
    return _sort_levels(out, keys)
