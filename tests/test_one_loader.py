"""One loader for every output: on a source with dossier records (a Parquet folder, and the
same folder imported into PostgreSQL), `summary`, `export`, `deck` and the dashboard's headline
give the same figures (the command line used to read the dossier_stats table and ignore the
records).

Hand-made records of Nam Từ Liêm, 2016: one dossier a month, resolved on time in nine months
(three of them early) and late in three: on time 9 / 12 = 75%, early 3 / 12 = 25%.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pandas as pd
import pytest
from support.units import loaded_database

from indicators import records
from indicators import schema as s
from indicators.cli import main
from indicators.dataset import load_dataset
from indicators.deck import deck_figures
from indicators.export import filtered_tables
from indicators.selection import select
from indicators.settings import BUNDLED_DATA
from indicators.timeliness import ON_TIME_RATE, timeliness
from indicators.views import headline


def _dossier(month: int) -> dict:
    received = dt.date(2016, month, 1)
    due = dt.date(2016, month, 10)
    day = 5 if month <= 3 else 10 if month <= 9 else 20  # early, on time, late
    return {
        s.DOSSIER_ID: f"NTL-2016-{month}",
        s.UNIT_CODE: "019",
        s.PROCEDURE_CODE: "2.000001",
        s.FIELD: "Tư pháp",
        s.CHANNEL: s.CHANNEL_ONLINE,
        s.RECEIVED_DATE: received,
        s.DUE_DATE: due,
        s.RESOLVED_DATE: dt.date(2016, month, day),
        s.STATUS: s.STATUS_RESOLVED,
        s.SOURCE_ID: "nam-tu-liem-2020",
        s.DEMO: False,
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("one-loader") / "data"
    shutil.copytree(BUNDLED_DATA, path, ignore=shutil.ignore_patterns("published", "geo"))
    records.write_dossiers(pd.DataFrame([_dossier(m) for m in range(1, 13)]), path)
    return path


@pytest.fixture(
    scope="module", params=["folder", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def source(request, folder) -> str:
    """The folder, or a PostgreSQL database loaded from it (tables and records)."""
    if request.param == "folder":
        return str(folder)
    return loaded_database(request.getfixturevalue("postgres_url"), "par_one_loader", folder)


@pytest.mark.parametrize("demo", [False, True])
def test_every_output_reads_the_records(source, tmp_path, capsys, demo) -> None:
    flag = ["--demo"] if demo else []
    dataset = load_dataset(source, demo=demo)
    shown = headline(dataset, "019", 2016).get("m_on_time")
    assert shown is not None and shown.value == 75.0 and not shown.demo  # the dashboard

    capsys.readouterr()
    args = ["summary", "--unit", "019", "--year", "2016", "--source", source]
    assert main([*args, *flag]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["on_time_rate"], summary["early_rate"]) == (75.0, 25.0)

    exported = filtered_tables(dataset, "019", 2016, 2016)["dossier_stats"]
    assert float(timeliness(exported).iloc[0][ON_TIME_RATE]) == 75.0
    out = tmp_path / "ntl.xlsx"
    period = ["--unit", "019", "--from", "2016", "--to", "2016", "--source", source]
    assert main(["export", "--format", "xlsx", "--out", str(out), *period, *flag]) == 0

    deck = deck_figures(dataset, select(dataset, "019", 2016, 2016))
    assert float(deck.timeliness.frame[ON_TIME_RATE].iloc[0]) == 75.0
    assert main(["deck", "--out", str(tmp_path / "ntl.pptx"), *period, *flag]) == 0
    printed = capsys.readouterr().out
    assert (
        "Năm 2016, Quận Nam Từ Liêm giải quyết đúng hạn 75% hồ sơ, trong đó 25% trước hạn."
        in printed
    )
