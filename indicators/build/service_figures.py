"""Published service figures of single districts, turned into dataset rows.

- Bắc Từ Liêm 2019 (Kinh tế & Đô thị): 131 procedures online at level 3-4; 104.115 dossiers
  received and 102.528 resolved from 1 January to 13 December, 13.907 ahead of time, 641
  overdue. The article's "đúng hạn 13.174" cannot be reconciled with the other totals (an
  excerpt cut short) and is not used; its 79,1% "submitted from home" is not enforced either.
- March 2025 (Lao Động): online application rates of six districts, Ba Vì's 79,52% on time as
  the city's lowest, and 19 districts under 30% online.

The counts behind a published rate are generated (demo = true, in the demo layer) so that the
rate comes out exactly: with demo data on, the generated detail never contradicts the
published figure, which is shown as published (indicators.figures).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from indicators import schema as s
from indicators.build.published import read_published, source_id
from indicators.build.units_table import district_code_by_name
from indicators.layers import DEMO_SOURCE

SEED = 20260301
BTL = "021"
BTL_FILE_LABEL = "Quận Bắc Từ Liêm"
MARCH = 3
ONLINE_UNDER_30 = 19  # "Hanoi has up to 19 districts with an online application rate <30%"


def _service_rows(published_dir: Path) -> pd.DataFrame:
    return read_published(published_dir, "hanoi_district_service_indicators.csv")


def _figure(rows: pd.DataFrame, unit: str, indicator: str) -> tuple[float, str]:
    hit = rows[(rows["unit_name"] == unit) & (rows["indicator"] == indicator)].iloc[0]
    return float(hit["value"]), source_id(hit["source_url"])


def bac_tu_liem_catalogue(procedures: pd.DataFrame, published_dir: Path) -> pd.DataFrame:
    """Bắc Từ Liêm's 2019 catalogue with exactly the published 131 procedures at level 3-4."""
    rows = _service_rows(published_dir)
    online, source = _figure(rows, BTL_FILE_LABEL, "online public services (level 3-4) deployed")
    out = procedures.copy()
    mask = (out[s.UNIT_CODE] == BTL) & (out[s.YEAR] == 2019)
    levels = out.loc[mask, s.ONLINE_LEVEL].to_numpy(dtype=object)
    rng = np.random.default_rng(SEED)
    is_online = np.isin(levels, ["3", "4"])
    order = rng.permutation(len(levels))
    want = int(online)
    ranked = sorted(order, key=lambda i: not is_online[i])  # keep existing online ones first
    chosen = set(ranked[:want])
    for i in range(len(levels)):
        if i in chosen and levels[i] not in ("3", "4"):
            levels[i] = "3"
        elif i not in chosen and levels[i] in ("3", "4"):
            levels[i] = "2"
    out.loc[mask, s.ONLINE_LEVEL] = levels
    out.loc[mask, s.SOURCE_ID] = source
    return out


def bac_tu_liem_dossiers(dossiers: pd.DataFrame, published_dir: Path, spread) -> pd.DataFrame:
    """Bắc Từ Liêm's 2019 dossier rows scaled to the published totals."""
    rows = _service_rows(published_dir)
    received, source = _figure(rows, BTL_FILE_LABEL, "dossiers received")
    resolved, _ = _figure(rows, BTL_FILE_LABEL, "dossiers resolved")
    early, _ = _figure(rows, BTL_FILE_LABEL, "dossiers resolved ahead of time")
    late, _ = _figure(rows, BTL_FILE_LABEL, "dossiers overdue (on software)")
    out = dossiers.copy()
    mask = (out[s.UNIT_CODE] == BTL) & (out[s.YEAR] == 2019)
    weights = out.loc[mask, s.RECEIVED].to_numpy(dtype=float) + 1.0
    big = np.full(len(weights), 10**9, dtype=np.int64)
    new_received = spread(int(received), weights, big)
    new_resolved = spread(int(resolved), new_received.astype(float), new_received)
    new_late = spread(int(late), new_resolved.astype(float), new_resolved)
    on_time = new_resolved - new_late
    new_early = spread(int(early), on_time.astype(float), on_time)
    old_received = np.maximum(out.loc[mask, s.RECEIVED].to_numpy(dtype=float), 1.0)
    online_share = out.loc[mask, s.ONLINE].to_numpy(dtype=float) / old_received
    out.loc[mask, s.RECEIVED] = new_received
    out.loc[mask, s.ONLINE] = np.minimum(np.round(new_received * online_share), new_received)
    out.loc[mask, s.ON_TIME] = on_time
    out.loc[mask, s.EARLY] = new_early
    out.loc[mask, s.LATE] = new_late
    out.loc[mask, s.PENDING] = new_received - new_resolved
    out.loc[mask, s.SOURCE_ID] = source
    return out


def _count_for_rate(rate: float, around: int) -> tuple[int, int]:
    """(part, whole) near `around` whose ratio rounds to `rate` % at two decimals."""
    whole = around
    while True:
        part = round(whole * rate / 100)
        if round(part / whole * 100, 2) == round(rate, 2):
            return part, whole
        whole += 1


def march_2025(units: pd.DataFrame, published_dir: Path) -> pd.DataFrame:
    """One row per district for March 2025: the published rates exact, the rest generated so
    that 19 districts stay under 30% online and Ba Vì keeps the lowest on-time rate."""
    rows = _service_rows(published_dir)
    rows = rows[rows["period"] == "2025-03"]
    codes = district_code_by_name()
    rng = np.random.default_rng(SEED + 1)
    online_pub = {
        codes[r["unit_name"]]: (float(r["value"]), source_id(r["source_url"]))
        for r in rows.to_dict("records")
        if r["indicator"] == "online application rate"
    }
    ba_vi = rows[rows["indicator"].str.startswith("on-time resolution rate")].iloc[0]
    lowest_on_time = (codes[ba_vi["unit_name"]], float(ba_vi["value"]))
    others = sorted(set(codes.values()) - set(online_pub))
    rng.shuffle(others)
    under = ONLINE_UNDER_30 - len(online_pub)
    online_rate = {c: rng.uniform(5, 29) for c in others[:under]}
    online_rate |= {c: rng.uniform(31, 48) for c in others[under:]}
    out = []
    for code in sorted(codes.values()):
        received_target = int(rng.uniform(4000, 12000))
        rate, source = online_pub.get(code, (round(online_rate.get(code, 0.0), 1), DEMO_SOURCE))
        online, received = _count_for_rate(rate, received_target)
        if code == lowest_on_time[0]:
            on_time_rate, source = lowest_on_time[1], source_id(ba_vi["source_url"])
        else:
            on_time_rate = rng.uniform(lowest_on_time[1] + 3, 99.5)
        resolved_target = int(received * rng.uniform(0.9, 0.97))
        on_time, resolved = _count_for_rate(round(on_time_rate, 2), resolved_target)
        resolved = min(resolved, received)
        on_time = min(on_time, resolved)
        out.append(
            {
                s.UNIT_CODE: code, s.YEAR: 2025, s.MONTH: MARCH, s.FIELD: None,
                s.PROCEDURE_CODE: None, s.RECEIVED: received, s.ONLINE: online,
                s.ON_TIME: on_time, s.EARLY: int(on_time * rng.uniform(0.1, 0.3)),
                s.LATE: resolved - on_time, s.PENDING: received - resolved,
                s.SOURCE_ID: source, s.DEMO: True,
            }
        )  # fmt: skip
    return pd.DataFrame(out)
