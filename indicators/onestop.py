"""Share of procedures handled through the one-stop mechanism (một cửa)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indicators import schema as s
from indicators.provenance import merge_provenance, percent

PROCEDURES = "procedures"
ONE_STOP_PROCEDURES = "one_stop_procedures"
ONE_STOP_UNKNOWN = "one_stop_unknown"
ONE_STOP_SHARE = "one_stop_share"
_DEFAULT_BY = (s.UNIT_CODE, s.YEAR)


def one_stop_share(procedures: pd.DataFrame, by: Sequence[str] = _DEFAULT_BY) -> pd.DataFrame:
    """Per group: `procedures` whose one_stop is known, `one_stop_procedures` (True), the share %.

    Procedures with one_stop NA count in neither (they are reported in `one_stop_unknown`);
    `one_stop_share` is NA when no procedure of the group has a known one_stop.
    """
    by = list(by)
    flag = procedures[s.ONE_STOP].astype("boolean")
    keys = [procedures[c] for c in by]
    out = pd.DataFrame(
        {
            PROCEDURES: flag.notna().groupby(keys, dropna=False, sort=True).sum(),
            ONE_STOP_PROCEDURES: flag.fillna(False).groupby(keys, dropna=False, sort=True).sum(),
            ONE_STOP_UNKNOWN: flag.isna().groupby(keys, dropna=False, sort=True).sum(),
        }
    ).astype("Int64")
    out[ONE_STOP_SHARE] = percent(out[ONE_STOP_PROCEDURES], out[PROCEDURES])
    return merge_provenance(out.reset_index(), procedures, by)
