from __future__ import annotations

import pandas as pd
import pytest
from support.frames import frame

from indicators import schema as s
from indicators.online import (
    ERA,
    PROCEDURES,
    SHARE,
    level_counts,
    online_share_by_level,
    procedures_by_level,
)
from indicators.provenance import SOURCE_IDS

NTL = "019"


def _catalogue() -> pd.DataFrame:
    rows = [
        {s.YEAR: 2018, s.PROCEDURE_CODE: "a", s.ONLINE_LEVEL: "3"},
        {s.YEAR: 2018, s.PROCEDURE_CODE: "b", s.ONLINE_LEVEL: "3", s.DEMO: True},
        {s.YEAR: 2018, s.PROCEDURE_CODE: "c", s.ONLINE_LEVEL: "4"},
        {s.YEAR: 2018, s.PROCEDURE_CODE: "d"},  # level unknown
        {s.YEAR: 2023, s.PROCEDURE_CODE: "a", s.ONLINE_LEVEL: "full"},
        {s.YEAR: 2023, s.PROCEDURE_CODE: "b", s.ONLINE_LEVEL: "partial"},
    ]
    return frame("procedures", rows, unit_code=NTL, procedure_name="p", field="f")


def test_procedures_by_level_long_format_with_era_and_provenance() -> None:
    procedures = _catalogue()
    before = procedures.copy()
    out = procedures_by_level(procedures)
    got = [
        (r[s.YEAR], r[s.ONLINE_LEVEL], r[PROCEDURES], r[ERA], r[s.DEMO])
        for r in out.to_dict("records")
    ]
    assert got[:2] == [(2018, "3", 2, "levels", True), (2018, "4", 1, "levels", False)]
    # the procedure of unknown level is counted, under NA, so 2018 adds up to 4 procedures
    assert pd.isna(got[2][1]) and got[2][2] == 1 and pd.isna(got[2][3])
    assert got[3:] == [(2023, "full", 1, "forms", False), (2023, "partial", 1, "forms", False)]
    assert out[SOURCE_IDS].iloc[0] == ("test",)
    assert out[PROCEDURES].dtype == "Int64"
    pd.testing.assert_frame_equal(procedures, before)


def test_level_counts_seed_fact() -> None:
    # Nam Từ Liêm 2018: 161 procedures online at level 3, 19 at level 4
    rows = [{s.PROCEDURE_CODE: f"l3_{i}", s.ONLINE_LEVEL: "3"} for i in range(161)]
    rows += [{s.PROCEDURE_CODE: f"l4_{i}", s.ONLINE_LEVEL: "4"} for i in range(19)]
    rows += [{s.PROCEDURE_CODE: "unknown"}]
    procedures = frame("procedures", rows, unit_code=NTL, year=2018, procedure_name="p", field="f")
    assert level_counts(procedures, NTL, 2018) == {"3": 161, "4": 19}
    assert level_counts(procedures, NTL, 2017) == {}


def _dossiers() -> pd.DataFrame:
    rows = [
        {s.PROCEDURE_CODE: "a", s.RECEIVED: 75, s.ONLINE: 74},  # level 3
        {s.PROCEDURE_CODE: "b", s.RECEIVED: 0, s.ONLINE: 0},  # level 3 (demo in catalogue)
        {s.PROCEDURE_CODE: "c", s.RECEIVED: 10, s.ONLINE: 2},  # level 4
        {s.PROCEDURE_CODE: "x", s.RECEIVED: 5, s.ONLINE: 1},  # not in the catalogue
        {s.PROCEDURE_CODE: "e", s.RECEIVED: 0, s.ONLINE: 0},  # level 2, nothing received
        {s.FIELD: "Đất đai", s.RECEIVED: 1000, s.ONLINE: 900},  # no procedure: left out
    ]
    return frame("dossier_stats", rows, unit_code=NTL, year=2019, source_id="ds")


def test_online_share_by_level() -> None:
    rows = [
        {s.PROCEDURE_CODE: "a", s.ONLINE_LEVEL: "3"},
        {s.PROCEDURE_CODE: "b", s.ONLINE_LEVEL: "3", s.DEMO: True},
        {s.PROCEDURE_CODE: "c", s.ONLINE_LEVEL: "4"},
        {s.PROCEDURE_CODE: "d"},
        {s.PROCEDURE_CODE: "e", s.ONLINE_LEVEL: "2"},
    ]
    catalogue = frame(
        "procedures",
        rows,
        unit_code=NTL,
        year=2019,
        procedure_name="p",
        field="f",
        source_id="cat",
    )
    dossiers = _dossiers()
    before_c, before_d = catalogue.copy(), dossiers.copy()

    out = online_share_by_level(dossiers, catalogue).set_index(s.ONLINE_LEVEL)

    # level 3: received 75 + 0 = 75, online 74 + 0 = 74, share 74 / 75 * 100 = 98.666...
    assert out.loc["3", s.RECEIVED] == 75 and out.loc["3", s.ONLINE] == 74
    assert out.loc["3", SHARE] == pytest.approx(98.6667, abs=1e-4)
    assert out.loc["3", s.DEMO]  # catalogue row b is demo
    assert out.loc["3", SOURCE_IDS] == ("cat", "ds")
    # level 4: 2 / 10 * 100 = 20
    assert out.loc["4", SHARE] == pytest.approx(20.0)
    assert not out.loc["4", s.DEMO]
    # level 2: nothing received -> share unknown, not 0
    assert out.loc["2", s.RECEIVED] == 0 and pd.isna(out.loc["2", SHARE])
    # procedure x is not in the catalogue: level NA, 1 / 5 * 100 = 20, only dossier sources
    na_row = out[out.index.isna()].iloc[0]
    assert na_row[SHARE] == pytest.approx(20.0) and na_row[SOURCE_IDS] == ("ds",)
    assert pd.isna(na_row[ERA])
    # the dossier row without a procedure_code (1000 received) is in no group
    assert out[s.RECEIVED].sum() == 75 + 10 + 5 + 0
    assert out.loc["3", ERA] == "levels"

    pd.testing.assert_frame_equal(catalogue, before_c)
    pd.testing.assert_frame_equal(dossiers, before_d)


def test_online_share_missing_counts_stay_missing() -> None:
    catalogue = frame(
        "procedures",
        [{s.PROCEDURE_CODE: "a", s.ONLINE_LEVEL: "3"}],
        unit_code=NTL,
        year=2019,
        procedure_name="p",
        field="f",
    )
    dossiers = frame("dossier_stats", [{s.PROCEDURE_CODE: "a"}], unit_code=NTL, year=2019)
    out = online_share_by_level(dossiers, catalogue)
    assert pd.isna(out[s.RECEIVED].iloc[0]) and pd.isna(out[s.ONLINE].iloc[0])
    assert pd.isna(out[SHARE].iloc[0])
