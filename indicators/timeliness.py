"""Dossiers resolved on time, early and late, and the share submitted online."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators import schema as s
from indicators.provenance import group_sums, merge_provenance, paired_sums, percent

RESOLVED = "resolved"
ON_TIME_RATE = "on_time_rate"
EARLY_RATE = "early_rate"
LATE_RATE = "late_rate"
ONLINE_RATE = "online_rate"
_DEFAULT_BY = (s.UNIT_CODE, s.YEAR)


def timeliness(dossier_stats: pd.DataFrame, by: Sequence[str] = _DEFAULT_BY) -> pd.DataFrame:
    """Per group: sums of the dossier counts, `resolved` and the rates in % (0-100).

    `resolved` = on time + late (early dossiers are a part of the on-time ones, so they are not
    added again). Each rate is computed over the rows where its numerator and denominator are
    both known, so that a month reporting on-time but not late dossiers cannot push the on-time
    rate up; with complete data this is simply e.g. on_time / resolved * 100. A rate whose
    denominator is 0 or missing is NA.
    """
    by = list(by)
    out = group_sums(dossier_stats, by, s.COUNT_COLUMNS)
    out[RESOLVED] = out[s.ON_TIME] + out[s.LATE]

    resolved_rows = dossier_stats[s.ON_TIME] + dossier_stats[s.LATE]
    with_resolved = dossier_stats.assign(_resolved=resolved_rows)
    for rate, numerator, denominator in (
        (ON_TIME_RATE, s.ON_TIME, "_resolved"),
        (EARLY_RATE, s.EARLY, "_resolved"),
        (LATE_RATE, s.LATE, "_resolved"),
        (ONLINE_RATE, s.ONLINE, s.RECEIVED),
    ):
        sums = paired_sums(with_resolved, by, numerator, denominator)
        out[rate] = percent(sums[numerator], sums[denominator]).array
    return merge_provenance(out, dossier_stats, by)
