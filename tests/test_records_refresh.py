"""A refresh groups only the new dossier records (indicators.records_cache) and gives exactly
what grouping every record gives: in a database (rows numbered by `seq`) and in a Parquet
folder (new part files); a table without `seq` is read whole each time."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from support.units import loaded_database

from indicators import records, records_cache, served
from indicators import schema as s
from indicators.build import records_generator as gen
from indicators.dataset import load_dataset, sql_engine
from indicators.settings import BUNDLED_DATA

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

GENERATED = 20_000
UNIT_YEAR = [s.UNIT_CODE, s.YEAR]


def reference(source: str, with_demo: bool) -> pd.DataFrame:
    """stats_from_records as it was before the cache: its GROUP BYs over every record."""
    only = {} if with_demo else {"with_demo": False}
    months = records.dossier_counts(source, (s.UNIT_CODE, s.YEAR, s.MONTH), only)
    covered = months.groupby(UNIT_YEAR)[s.MONTH].nunique()
    partial = covered[covered < records.MONTHS_IN_YEAR].index
    yearly = records.dossier_counts(source, records.STATS_BY, only)
    parts = [yearly[~pd.MultiIndex.from_frame(yearly[UNIT_YEAR]).isin(partial)]]
    if len(partial):
        codes = sorted(set(partial.get_level_values(s.UNIT_CODE)))
        years = partial.get_level_values(s.YEAR)
        filters = {"years": (int(years.min()), int(years.max())), "unit_codes": codes, **only}
        monthly = records.dossier_counts(source, records.PARTIAL_BY, filters)
        parts.append(monthly[pd.MultiIndex.from_frame(monthly[UNIT_YEAR]).isin(partial)])
    stats = pd.concat(parts, ignore_index=True)
    dtypes = {c.name: s.PANDAS_DTYPE[c.kind] for c in s.DOSSIER_STATS.columns}
    stats = stats.reindex(columns=s.DOSSIER_STATS.names).astype(dtypes)
    return stats.sort_values(list(records.PARTIAL_BY), kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """The bundled dataset plus GENERATED records (demo) over every unit and year."""
    path = tmp_path_factory.mktemp("refresh") / "data"
    shutil.copytree(BUNDLED_DATA, path)
    data = load_dataset(path, demo=True, records=False)
    gen.generate_dossiers(path, data.dossier_stats, data.procedures, GENERATED)
    return path


@pytest.fixture(autouse=True)
def fresh_cache():
    records_cache.clear()
    yield
    records_cache.clear()


def dossier(n: int, unit: str, year: int, month: int, demo: bool, field: str, proc: str) -> dict:
    """A new dossier; n varies its channel and outcome (pending, early, on the day, late)."""
    received = dt.date(year, month, 3)
    due = received + dt.timedelta(days=10)
    outcome = n % 4
    resolved = {1: received + dt.timedelta(days=2), 2: due, 3: due + dt.timedelta(days=4)}
    return {
        s.DOSSIER_ID: f"new-{unit}-{year}-{month}-{n}-{demo}",
        s.UNIT_CODE: unit,
        s.PROCEDURE_CODE: proc,
        s.FIELD: field,
        s.CHANNEL: s.CHANNEL_ONLINE if n % 2 else s.CHANNEL_IN_PERSON,
        s.RECEIVED_DATE: received,
        s.DUE_DATE: due,
        s.RESOLVED_DATE: resolved.get(outcome),
        s.STATUS: s.STATUS_PENDING if outcome == 0 else s.STATUS_RESOLVED,
        s.SOURCE_ID: "one-stop" if not demo else gen.DEMO_SOURCE,
        s.DEMO: demo,
    }


def steps(source: str) -> list[list[dict]]:
    """New records in a complete unit-year (non-demo ones in one month: partial without demo
    records), in a partial one, in a new unit-year, then completing both."""
    months = records.dossier_counts(source, (s.UNIT_CODE, s.YEAR, s.MONTH))
    covered = months.groupby(UNIT_YEAR)[s.MONTH].agg(set)
    full = covered[covered.map(len) == 12].index[0]
    part = covered[covered.map(len) < 11].index[0]
    yearly = records.dossier_counts(source, records.STATS_BY).set_index(UNIT_YEAR)
    kinds = {uy: tuple(yearly.loc[uy, [s.FIELD, s.PROCEDURE_CODE]].iloc[0]) for uy in (full, part)}
    missing = sorted(set(range(1, 13)) - covered[part])
    new = (full[0], 2031)

    def rows(uy: tuple, months: list[int], demo: bool, each: int = 3) -> list[dict]:
        kind = kinds.get(uy, ("Tư pháp", "NEW-1"))
        return [dossier(n, *uy, m, demo, *kind) for m in months for n in range(each)]

    return [
        rows(full, [3], False) + rows(full, [5], True),
        rows(part, [min(covered[part]), missing[0]], False) + rows(part, [missing[1]], True),
        rows(new, [1, 2], False) + rows(new, [2], True, each=2),
        rows(part, missing, True, each=1),  # complete with demo records, partial without
        rows(full, list(range(1, 13)), False, each=1),  # complete without demo records too
    ]


def append_sql(url: str, rows: list[dict]) -> None:
    with sql_engine(url) as engine, engine.begin() as conn:
        conn.execute(records.dossiers_table().insert(), rows)  # seq: the database's


def append_parquet(folder: str, rows: list[dict], name: str) -> None:
    frame = pd.DataFrame(rows)
    table = pa.Table.from_pandas(frame[s.DOSSIERS.names], schema=records.arrow_schema())
    years = pd.to_datetime(frame[s.RECEIVED_DATE]).dt.year
    for year in sorted(set(years)):
        path = Path(folder) / records.DOSSIERS_DIR / f"year={year}" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table.filter(pa.array(years == year)), path)


def assert_same_as_whole(source: str, read: tuple[str, int], seq: bool = True) -> None:
    """Both views equal the whole GROUP BYs; the first call's read was `read`, the second's
    none (nothing new), or `read` again where the table has no seq."""
    got = records.stats_from_records(source, True)
    assert records_cache.last_read(source) == read
    pd.testing.assert_frame_equal(got, reference(source, True))
    pd.testing.assert_frame_equal(
        records.stats_from_records(source, False), reference(source, False)
    )
    assert records_cache.last_read(source) == ((records_cache.NONE, 0) if seq else read)


def sqlite_source(generated: Path, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    assert records.copy_dossiers_to_sql(generated, url) == GENERATED
    return url


def parquet_source(generated: Path, tmp_path: Path) -> str:
    shutil.copytree(generated / records.DOSSIERS_DIR, tmp_path / records.DOSSIERS_DIR)
    return str(tmp_path)


@pytest.mark.parametrize("kind", ["sqlite", "parquet"])
def test_a_refresh_groups_the_new_records_alone_and_equals_a_whole_read(generated, tmp_path, kind):
    source = (sqlite_source if kind == "sqlite" else parquet_source)(generated, tmp_path)
    assert_same_as_whole(source, (records_cache.WHOLE, GENERATED))
    for number, rows in enumerate(steps(source), start=1):
        if kind == "sqlite":
            append_sql(source, rows)
        else:
            append_parquet(source, rows, f"part-{number}.parquet")
        assert_same_as_whole(source, (records_cache.NEW, len(rows)))
    assert len(records_cache.aggregates(source).detail) < len(reference(source, True))


def test_a_changed_file_or_a_replaced_table_means_a_whole_read(generated, tmp_path):
    folder = parquet_source(generated, tmp_path)
    records.stats_from_records(folder)
    rows = steps(folder)[0]
    append_parquet(folder, rows, "part-9.parquet")
    records.stats_from_records(folder)
    append_parquet(folder, rows[:1], "part-9.parquet")  # rewritten: fewer records
    assert_same_as_whole(folder, (records_cache.WHOLE, GENERATED + 1))

    url = sqlite_source(generated, tmp_path)
    records.stats_from_records(url)
    records.write_dossiers(pd.DataFrame(rows), tmp_path / "other")
    records.copy_dossiers_to_sql(tmp_path / "other", url)  # replaced outside an import
    append_sql(url, rows)
    assert_same_as_whole(url, (records_cache.WHOLE, 2 * len(rows)))


def test_a_table_without_seq_is_read_whole_every_time(generated, tmp_path):
    url = sqlite_source(generated, tmp_path)
    names = ", ".join(s.DOSSIERS.names)
    with sql_engine(url) as engine, engine.begin() as conn:  # as an older version made it
        conn.exec_driver_sql(f"CREATE TABLE old AS SELECT {names} FROM dossiers")
        conn.exec_driver_sql("DROP TABLE dossiers")
        conn.exec_driver_sql("ALTER TABLE old RENAME TO dossiers")
    assert_same_as_whole(url, (records_cache.WHOLE, GENERATED), seq=False)
    rows = steps(url)[1]
    append_sql(url, rows)
    assert_same_as_whole(url, (records_cache.WHOLE, GENERATED + len(rows)), seq=False)


# --- PostgreSQL, through the served dataset ---------------------------------------------------

INSERT = sa.text(
    f"INSERT INTO dossiers ({', '.join(s.DOSSIERS.names)}) "
    f"VALUES ({', '.join(':' + n for n in s.DOSSIERS.names)})"
)


def hand_worked(year: int) -> list[dict]:
    """1 000 dossiers of unit 273: 600 online; 300 pending, 500 resolved early, 200 late."""
    out = []
    for n in range(1_000):
        received = dt.date(year, 1 + n % 12, 1 + n % 28)
        due = received + dt.timedelta(days=10)
        resolved = None if n < 300 else received + dt.timedelta(days=1 if n < 800 else 15)
        out.append(
            {
                s.DOSSIER_ID: f"live-{n}",
                s.UNIT_CODE: "273",
                s.PROCEDURE_CODE: "LIVE-1",
                s.FIELD: "Tư pháp",
                s.CHANNEL: s.CHANNEL_ONLINE if n < 600 else s.CHANNEL_IN_PERSON,
                s.RECEIVED_DATE: received,
                s.DUE_DATE: due,
                s.RESOLVED_DATE: resolved,
                s.STATUS: s.STATUS_PENDING if resolved is None else s.STATUS_RESOLVED,
                s.SOURCE_ID: gen.DEMO_SOURCE,
                s.DEMO: True,
            }
        )
    return out


def _figures(dataset, unit: str, year: int) -> dict[str, int]:
    stats = dataset.dossier_stats
    rows = stats[(stats[s.UNIT_CODE] == unit) & (stats[s.YEAR] == year)]
    return {c: int(rows[c].sum()) for c in s.COUNT_COLUMNS}


@pytest.mark.postgres
def test_the_served_dataset_adds_exactly_the_new_dossiers_after_the_period(
    postgres_url, tmp_path, monkeypatch
):
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, folder)
    data = load_dataset(folder, demo=True, records=False)
    gen.generate_dossiers(
        folder, data.dossier_stats, data.procedures, exact=True, units=["273"], years=[2015]
    )
    live = loaded_database(postgres_url, "par_records_refresh", folder)
    period = [7]
    monkeypatch.setenv("PAR_REFRESH_MINUTES", "60")
    monkeypatch.setattr(served, "refresh_period", lambda now, minutes: f"@{period[0]}")
    whole_reads = []
    whole = records_cache._whole
    monkeypatch.setattr(records_cache, "_whole", lambda *a: whole_reads.append(a) or whole(*a))
    served.clear()

    before = _figures(served.dataset(live, served.version(live), True), "273", 2015)
    assert records_cache.last_read(live) == (records_cache.WHOLE, 11_249)
    with sql_engine(live) as engine, engine.begin() as conn:
        conn.execute(INSERT, hand_worked(2015))  # plain INSERTs: the database numbers them
    same = served.dataset(live, served.version(live), True)
    assert _figures(same, "273", 2015) == before  # within the period: as read
    period[0] += 1
    after = _figures(served.dataset(live, served.version(live), True), "273", 2015)
    added = dict(zip(s.COUNT_COLUMNS, (1_000, 600, 500, 500, 200, 300), strict=True))
    assert after == {c: before[c] + added[c] for c in s.COUNT_COLUMNS}
    assert records_cache.last_read(live) == (records_cache.NEW, 1_000)  # the new rows alone
    assert len(whole_reads) == 1  # the first load's
    served.clear()
