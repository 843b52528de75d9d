"""Small shared fixtures data for tests that need a few real units."""

from __future__ import annotations

import pandas as pd
from frames import units


def units_frame() -> pd.DataFrame:
    return units(
        [
            {"code": "271", "name_vi": "Huyện Ba Vì", "level": "district", "kind": "huyện",
             "valid_from": "2008-08-01", "valid_to": "2025-06-30", "parent_code": "01"},
            {"code": "09700", "name_vi": "Xã Ba Vì", "level": "commune", "kind": "xã",
             "valid_from": "2025-07-01", "parent_code": "01"},
            {"code": "019", "name_vi": "Quận Nam Từ Liêm", "level": "district",
             "valid_from": "2013-12-27", "valid_to": "2025-06-30", "parent_code": "01"},
        ]
    )  # fmt: skip
