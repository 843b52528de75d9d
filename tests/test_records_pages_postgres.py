"""Dossier records behind the pages and `summary`: a Parquet folder with records and the same
folder imported into PostgreSQL (`python -m indicators import FOLDER --into URL`) give the same
figures, and exact-mode records give the figures of the dossier_stats they were made from."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest
from support.units import loaded_database

from indicators import records
from indicators import schema as s
from indicators.build import records_generator as gen
from indicators.cli import main
from indicators.dataset import load_dataset
from indicators.settings import BUNDLED_DATA

pytestmark = pytest.mark.postgres

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard.py"

UNITS, YEARS = ["250", "273"], [2015, 2025]
RECORDS = 41_411  # every dossier of dossier_stats for UNITS x YEARS (exact mode)
PAGES = ("pages/timeliness.py", "pages/online_services.py", "pages/unit.py")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The bundled dataset plus exact-mode records of UNITS x YEARS, made from the demo
    layer's counts: generated records (demo), so that every reading below has demo on."""
    path = tmp_path_factory.mktemp("with-records") / "data"
    shutil.copytree(BUNDLED_DATA, path)
    data = load_dataset(path, demo=True)
    gen.generate_dossiers(
        path, data.dossier_stats, data.procedures, exact=True, units=UNITS, years=YEARS
    )
    return path


@pytest.fixture(scope="module")
def database(postgres_url, folder):
    """A database of its own on the test server, loaded from the folder."""
    return loaded_database(postgres_url, "par_records_pages", folder)


def test_the_folder_import_loads_tables_and_records(database, folder, capsys):
    dataset = load_dataset(database)
    bundled = load_dataset(folder)
    for name in s.TABLES:
        assert len(dataset.table(name)) == len(bundled.table(name)), name
    assert records.aggregate_dossiers(database, by=())[s.RECEIVED].tolist() == [RECORDS]
    # the views' dossier_stats of 273 / 2025 now come from the records: per procedure
    stats = load_dataset(database, demo=True).dossier_stats
    march = stats[(stats[s.UNIT_CODE] == "273") & (stats[s.YEAR] == 2025)]
    assert len(march) > 1 and march[s.PROCEDURE_CODE].notna().all()
    assert set(march[s.MONTH]) == {3}
    # again, from a folder without records: the database drops its stale records
    assert main(["import", str(BUNDLED_DATA), "--into", database]) == 0
    assert not records.has_dossiers(database)
    assert main(["import", str(folder), "--into", database]) == 0
    assert records.has_dossiers(database)
    capsys.readouterr()
    assert main(["import", str(folder), "--into", str(folder)]) == 2  # a folder is no database
    assert "URL" in capsys.readouterr().err


def _summary(capsys, source, unit: str, year: int) -> dict:
    capsys.readouterr()
    args = ["summary", "--unit", unit, "--year", str(year), "--source", str(source), "--demo"]
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("unit", "year"), [("273", 2015), ("250", 2025), ("019", 2020)])
def test_summary_is_the_same_on_parquet_and_postgres(database, folder, capsys, unit, year):
    on_parquet = _summary(capsys, folder, unit, year)
    assert on_parquet == _summary(capsys, database, unit, year)
    without = _summary(capsys, BUNDLED_DATA, unit, year)
    if year == 2015:  # whole-year per-procedure cells, reproduced exactly by the records
        assert on_parquet == without
    else:  # 2025: March totals; records give the same rates and, per procedure, online shares
        same = ("on_time_rate", "early_rate", "par_score", "procedures_full")
        assert {k: on_parquet[k] for k in same} == {k: without[k] for k in same}


def _page(monkeypatch, source, page: str) -> dict:
    monkeypatch.setenv("PAR_DATA_SOURCE", str(source))
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params.update(
        {"unit": "273", "year": "2025", "from": "2015", "to": "2025", "demo": "1"}
    )
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return {
        "charts": [json.loads(c.proto.spec) for c in at.get("plotly_chart")],
        "tables": [d.value.to_dict("split") for d in at.dataframe],
        "metrics": [(m.label, m.value, m.proto.delta) for m in at.metric],
        "text": [str(e.value) for e in (*at.title, *at.markdown, *at.caption, *at.info)],
    }


@pytest.mark.parametrize("page", PAGES)
def test_pages_are_the_same_on_parquet_and_postgres(database, folder, monkeypatch, page):
    on_parquet = _page(monkeypatch, folder, page)
    assert on_parquet["charts"]
    assert _page(monkeypatch, database, page) == on_parquet


def _late_rates(monkeypatch, source: str) -> list[float]:
    """The late shares of /timeliness (273, 2015–2025) as its chart draws them."""
    monkeypatch.setenv("PAR_DATA_SOURCE", source)
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params.update({"unit": "273", "from": "2015", "to": "2025", "demo": "1"})
    at.run()
    at.switch_page("pages/timeliness.py").run()
    assert not at.exception, [e.value for e in at.exception]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    late = next(t for t in spec["data"] if t["name"] == "Trễ hạn")
    return late["y"]


def test_records_written_straight_into_the_database_show_after_the_refresh_period(
    postgres_url, folder, monkeypatch
):
    """A one-stop system writes dossiers into the database itself (no import): with
    PAR_REFRESH_MINUTES the pages show them once the period has passed, without a restart."""
    live = loaded_database(postgres_url, "par_records_live", folder)
    monkeypatch.setenv("PAR_REFRESH_MINUTES", "0,05")  # 3 s
    before = _late_rates(monkeypatch, live)
    engine = sa.create_engine(live)
    with engine.begin() as conn:  # every 2025 dossier of 273 once more, resolved 5 days late
        added = conn.exec_driver_sql(
            "INSERT INTO dossiers SELECT dossier_id || '-late', unit_code, procedure_code, "
            "field, channel, received_date, due_date, due_date + 5, 'resolved', source_id, demo "
            "FROM dossiers WHERE unit_code = '273' AND received_date >= DATE '2025-01-01'"
        ).rowcount
    engine.dispose()
    assert added > 0
    time.sleep(3.5)
    after = _late_rates(monkeypatch, live)
    assert after[:-1] == before[:-1]  # 2015–2024 untouched
    assert after[-1] > before[-1] + 10  # 2025: as many late dossiers again as there were
