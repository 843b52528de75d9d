"""Dossiers resolved on time, early and late, and the share submitted online."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators import schema as s
from indicators.provenance import group_sums, merge_provenance, percent

RESOLVED = "resolved"
ON_TIME_RATE = "on_time_rate"
EARLY_RATE = "early_rate"
LATE_RATE = "late_rate"
ONLINE_RATE = "online_rate"
_DEFAULT_BY = (s.UNIT_CODE, s.YEAR)
_RATES = (  # rate, numerator, denominator
    (ON_TIME_RATE, s.ON_TIME, RESOLVED),
    (EARLY_RATE, s.EARLY, RESOLVED),
    (LATE_RATE, s.LATE, RESOLVED),
    (ONLINE_RATE, s.ONLINE, s.RECEIVED),
)


def timeliness(dossier_stats: pd.DataFrame, by: Sequence[str] = _DEFAULT_BY) -> pd.DataFrame:
    """Per group: sums of the dossier counts, `resolved` and the rates in % (0-100).

    `resolved` = on time + late (early dossiers are a part of the on-time ones, so they are not
    added again). Each rate is computed over the rows where its numerator and denominator are
    both known, so that a month reporting on-time but not late dossiers cannot push the on-time
    rate up; with complete data this is simply e.g. on_time / resolved * 100. A rate whose
    denominator is 0 or missing is NA. All sums come from one group-by.
    """
    by = list(by)
    counts = {c: dossier_stats[c] for c in s.COUNT_COLUMNS}
    known = {**counts, RESOLVED: counts[s.ON_TIME] + counts[s.LATE]}
    columns = {c: dossier_stats[c] for c in by} | counts
    for rate, numerator, denominator in _RATES:  # the pairs known together, summed together
        both = known[numerator].notna() & known[denominator].notna()
        columns[_paired(rate, numerator)] = known[numerator].where(both)
        columns[_paired(rate, denominator)] = known[denominator].where(both)
    sums = group_sums(pd.DataFrame(columns), by, [c for c in columns if c not in by])
    out = sums[[*by, *s.COUNT_COLUMNS]].copy()
    out[RESOLVED] = out[s.ON_TIME] + out[s.LATE]
    for rate, numerator, denominator in _RATES:
        paired = sums[_paired(rate, numerator)], sums[_paired(rate, denominator)]
        out[rate] = percent(*paired).array
    return merge_provenance(out, dossier_stats, by)


def _paired(rate: str, column: str) -> str:
    return f"{rate}:{column}"
