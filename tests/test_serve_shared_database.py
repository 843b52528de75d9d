"""Beyond one machine: application hosts share nothing but the PostgreSQL database.

Two workers (`python -m indicators serve --workers 2`, nginx in front) are started against the
same database with PAR_REFRESH_MINUTES set; a dossier inserted after they started is counted
by both within a refresh period, each asked directly on its own port and through nginx. On
several hosts the workers are the same processes on other machines: nothing they keep
(sessions, caches, the loaded dataset) is shared, only the database.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa
from support.units import loaded_database

from indicators import schema as s
from indicators.build import records_generator as gen
from indicators.dataset import load_dataset
from indicators.settings import BUNDLED_DATA

pytestmark = [pytest.mark.postgres, pytest.mark.tools]

ROOT = Path(__file__).resolve().parent.parent
UNIT, YEAR = "250", 2015
REFRESH_MINUTES = "0,05"  # 3 s: written the Vietnamese way, as an office would
WAIT_S = 90


@pytest.fixture(scope="module")
def database(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled dataset plus the exact records of one unit-year, imported into a database
    of its own."""
    folder = tmp_path_factory.mktemp("shared") / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    data = load_dataset(folder, demo=True)
    gen.generate_dossiers(
        folder, data.dossier_stats, data.procedures, exact=True, units=[UNIT], years=[YEAR]
    )
    return loaded_database(postgres_url, "par_shared_workers", folder)


def _json(url: str) -> tuple[object, str]:
    with urllib.request.urlopen(url, timeout=60) as reply:
        return json.loads(reply.read()), reply.headers.get("X-PAR-Worker", "")


def _received(base: str) -> int:
    """The dossiers received by UNIT in YEAR, as the data route of `base` serves them."""
    query = f"unit={UNIT}&from={YEAR}&to={YEAR}&demo=1"
    rows, _ = _json(f"{base}/api/v1/{s.DOSSIER_STATS.name}.json?{query}")
    assert isinstance(rows, (list, dict))
    rows = rows["rows"] if isinstance(rows, dict) else rows
    return sum(int(row[s.RECEIVED]) for row in rows)


def _insert_copy_of_a_record(url: str) -> None:
    """One more dossier of UNIT in YEAR: a copy of a stored one under a new number."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            table = sa.Table(s.DOSSIERS.name, sa.MetaData(), autoload_with=conn)
            names = list(s.DOSSIERS.names)
            row = conn.execute(
                sa.select(*(table.c[n] for n in names)).where(table.c[s.UNIT_CODE] == UNIT).limit(1)
            ).one()
            values = dict(zip(names, row, strict=True))
            values[s.DOSSIER_ID] = "inserted-after-start-1"
            conn.execute(table.insert().values(**values))
    finally:
        engine.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 150
    while True:
        assert proc.poll() is None, "serve exited early"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5):
                return
        except OSError:
            assert time.monotonic() < deadline, "serve did not answer"
            time.sleep(0.5)


def _until(check, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(1)


def test_two_workers_on_one_database_both_serve_a_row_inserted_after_they_started(
    database: str, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "PAR_DATA_SOURCE": database, "PAR_REFRESH_MINUTES": REFRESH_MINUTES}
    command = [sys.executable, "-m", "indicators", "serve", "--workers", "2"]
    command += ["--port", str(port), "--address", "127.0.0.1"]
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env={**env, "PYTHONUNBUFFERED": "1"},
                                stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        _wait_for(port, proc)
        _until(lambda: "workers:" in log.read_text("utf-8"), "serve did not list its workers")
        ports = [int(p) for p in re.findall(r"\d+", log.read_text("utf-8").split("workers:")[1])]
        workers = [f"http://127.0.0.1:{p}" for p in ports[:2]]
        before = [_received(w) for w in workers]
        assert before[0] == before[1] > 0  # both read the same database
        _insert_copy_of_a_record(database)
        for worker in workers:  # each, on its own port, counts the new dossier in time
            _until(lambda w=worker: _received(w) == before[0] + 1, f"{worker} missed the row")
        # and through nginx, whichever worker answers a client with no cookie
        proxy = f"http://127.0.0.1:{port}"
        assert {_received(proxy) for _ in range(6)} == {before[0] + 1}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
