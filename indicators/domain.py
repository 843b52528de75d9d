"""The dates and years of Vietnam's administrative history that the indicators depend on,
each defined once (indicators.schema re-exports them)."""

from __future__ import annotations

import pandas as pd

# Hà Tây merged into Hanoi on 1 August 2008: the floor we use for units of today's territory.
HANOI_2008 = pd.Timestamp("2008-08-01")
# Resolution 132/NQ-CP (27 December 2013) split Từ Liêm into Nam Từ Liêm and Bắc Từ Liêm.
TU_LIEM_SPLIT = pd.Timestamp("2013-12-27")
# On 1 July 2025 the district level was abolished (Hanoi's units became 126 communes and
# wards) and 63 provinces became 34 (Resolution 202/2025/QH15).
REORG_DATE = pd.Timestamp("2025-07-01")
REORG_YEAR = REORG_DATE.year
LAST_OLD_DAY = REORG_DATE - pd.Timedelta(days=1)  # 30 June 2025: the old units' last day
# Online levels 1-4 (Decree 43/2011) were used until 2022; the forms of Decree 42/2022
# (full / partial) from 2022: it took effect on 1 August 2022, so 2022 may use either.
LAST_YEAR_OF_LEVELS = 2022
FIRST_YEAR_OF_FORMS = 2022
# The years the PAR INDEX's method changed: compare across them with a warning.
METHOD_CHANGE_YEARS = (2017, 2022)


def method_changes(year_from: int, year_to: int) -> tuple[int, ...]:
    """The method-change years that split the period (a change in the first year doesn't)."""
    return tuple(y for y in METHOD_CHANGE_YEARS if year_from < y <= year_to)
