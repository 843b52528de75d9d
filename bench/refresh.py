"""A refresh of a growing database against a full read (issue 17, item 3).

    python bench/refresh.py --records 1000000 [--new 1000] [--repeat 5]
                            [--url postgresql+psycopg://user@host/db]

1. Data: a copy of data/ plus N demo records, made by `python -m indicators generate` and
   cached by N under bench/.cache/records-N (shared with bench/run.py; git-ignored), imported
   into the database with `python -m indicators import DIR --into URL` (tables and records,
   the records numbered by the database's `seq`). Without --url: a throwaway PostgreSQL
   server (bench/pg.py), deleted at the end. With --url the database's tables are REPLACED.
2. Full read: the dataset loaded through indicators.served with PAR_REFRESH_MINUTES set, as
   the dashboard's first run after a start (every record grouped).
3. --repeat times: --new dossiers added with plain INSERTs (the database numbers them), the
   refresh period moved on, and the dataset loaded again (timed): its records part groups
   only the new rows (checked: indicators.records_cache.last_read). Each time is also given
   for the records part alone (records_cache.aggregates); the rest of a load (the other
   tables, their checks, the demo layer) does not depend on the number of records.

Prints the times and, last, one line of JSON. Times are of this machine; compare within a run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

import run  # noqa: E402  (bench/run.py: the cached folders of records)
import sqlalchemy as sa  # noqa: E402
from pg import throwaway_postgres  # noqa: E402

from indicators import records_cache, served  # noqa: E402
from indicators import schema as s  # noqa: E402
from indicators.build.records_generator import DEMO_SOURCE  # noqa: E402
from indicators.dataset import sql_engine  # noqa: E402

UNIT, YEAR = "273", 2024  # where the new dossiers go


def new_dossiers(count: int, batch: int) -> list[dict]:
    """`count` dossiers of UNIT in YEAR, spread over the months and outcomes."""
    rows = []
    for n in range(count):
        received = dt.date(YEAR, 1 + n % 12, 1 + n % 28)
        due = received + dt.timedelta(days=10)
        resolved = None if n % 4 == 0 else received + dt.timedelta(days=(2, 10, 14)[n % 3])
        rows.append(
            {
                s.DOSSIER_ID: f"bench-{batch}-{n}",
                s.UNIT_CODE: UNIT,
                s.PROCEDURE_CODE: "BENCH-1",
                s.FIELD: "Tư pháp",
                s.CHANNEL: s.CHANNEL_ONLINE if n % 2 else s.CHANNEL_IN_PERSON,
                s.RECEIVED_DATE: received,
                s.DUE_DATE: due,
                s.RESOLVED_DATE: resolved,
                s.STATUS: s.STATUS_PENDING if resolved is None else s.STATUS_RESOLVED,
                s.SOURCE_ID: DEMO_SOURCE,
                s.DEMO: True,
            }
        )
    return rows


def insert(url: str, rows: list[dict]) -> None:
    names = s.DOSSIERS.names
    statement = sa.text(
        f"INSERT INTO dossiers ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
    )
    with sql_engine(url) as engine, engine.begin() as conn:
        conn.execute(statement, rows)


@contextmanager
def periods() -> Iterator[list[int]]:
    """PAR_REFRESH_MINUTES on, and the refresh period in our hands (period[0])."""
    period = [0]
    os.environ["PAR_REFRESH_MINUTES"] = "60"
    kept = served.refresh_period
    served.refresh_period = lambda now, minutes: f"@{period[0]}"
    try:
        yield period
    finally:
        served.refresh_period = kept


RECORDS_S: list[float] = []  # the records part of each load (records_cache.aggregates)


def _timed_aggregates(source: str, _aggregates=records_cache.aggregates):
    started = time.perf_counter()
    try:
        return _aggregates(source)
    finally:
        RECORDS_S.append(time.perf_counter() - started)


def timed_load(url: str) -> tuple[float, float]:
    """(the whole load, its records part) in seconds."""
    RECORDS_S.clear()
    started = time.perf_counter()
    served.dataset(url, served.version(url), True)
    return time.perf_counter() - started, sum(RECORDS_S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, required=True, help="records in the database")
    parser.add_argument("--new", type=int, default=1_000, help="dossiers added per refresh")
    parser.add_argument("--repeat", type=int, default=5, help="refreshes timed")
    parser.add_argument("--url", default=None, help="database (default: a throwaway one)")
    args = parser.parse_args(argv)

    run.PYTHON = Path(sys.executable)  # run.py's default is the repository's .venv
    folder, info = run.prepare(args.records)
    with nullcontext(args.url) if args.url else throwaway_postgres() as url:
        started = time.perf_counter()
        command = [sys.executable, "-m", "indicators", "import", str(folder), "--into", url]
        subprocess.run(command, cwd=BENCH.parent, check=True, stdout=subprocess.DEVNULL)
        info["import_s"] = round(time.perf_counter() - started, 1)
        served.clear()
        records_cache.clear()
        records_cache.aggregates = _timed_aggregates
        with periods() as period:
            full, full_records = timed_load(url)
            assert records_cache.last_read(url) == (records_cache.WHOLE, args.records)
            print(f"full read of {args.records:,}: {full:.2f} s (records {full_records:.2f} s)")
            refreshes = []
            for batch in range(args.repeat):
                insert(url, new_dossiers(args.new, batch))
                period[0] += 1
                refreshes.append(timed_load(url))
                assert records_cache.last_read(url) == (records_cache.NEW, args.new)
                load, part = refreshes[-1]
                print(f"refresh {batch + 1} (+{args.new:,}): {load:.3f} s (records {part:.3f} s)")
    result = {
        **info,
        "new": args.new,
        "repeat": args.repeat,
        "full_read_s": round(full, 3),
        "full_read_records_s": round(full_records, 3),
    }
    for name, times in (
        ("refresh", [r[0] for r in refreshes]),
        ("refresh_records", [r[1] for r in refreshes]),
    ):
        result |= {
            f"{name}_median_s": round(statistics.median(times), 3),
            f"{name}_min_s": round(min(times), 3),
            f"{name}_max_s": round(max(times), 3),
        }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
