"""The dossier records engine (indicators.records) and its demo generator, on Parquet and SQLite.

The PostgreSQL path is in test_records_postgres.py.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa

from indicators import records
from indicators import schema as s
from indicators.build import records_generator as gen
from indicators.cli import main
from indicators.dataset import load_dataset
from indicators.provenance import SOURCE_IDS, group_sums, merge_provenance
from indicators.settings import BUNDLED_DATA
from indicators.timeliness import EARLY_RATE, LATE_RATE, ON_TIME_RATE, ONLINE_RATE, timeliness
from indicators.validation import check_table

pytestmark = pytest.mark.costly_fixtures  # built once per run (conftest.py)

REPO_ROOT = Path(__file__).resolve().parent.parent
# The exact-mode subset: two districts, one year of per-procedure rows and their March 2025
# totals (which have no procedure: the generator draws one).
SMALL_UNITS = ("250", "273")
SMALL_YEARS = (2015, 2025)
BYS = [
    (s.UNIT_CODE, s.YEAR),
    (s.UNIT_CODE, s.YEAR, s.PROCEDURE_CODE),
    (s.YEAR, s.MONTH, s.FIELD),
    (s.CHANNEL,),
    (),
]


@pytest.fixture(scope="session")
def bundled():
    return load_dataset(BUNDLED_DATA, demo=True)


@pytest.fixture(scope="session")
def small_set(bundled, tmp_path_factory) -> Path:
    """~41 000 records reproducing dossier_stats exactly for SMALL_UNITS x SMALL_YEARS."""
    folder = tmp_path_factory.mktemp("small-dossiers")
    gen.generate_dossiers(
        folder,
        bundled.dossier_stats,
        bundled.procedures,
        exact=True,
        units=SMALL_UNITS,
        years=SMALL_YEARS,
        chunk_rows=10_000,  # several chunks per year, as at scale
    )
    return folder


@pytest.fixture(scope="session")
def small_frame(small_set) -> pd.DataFrame:
    return read_records(small_set)


def read_records(folder: Path) -> pd.DataFrame:
    frame = pd.read_parquet(folder / records.DOSSIERS_DIR).drop(columns=s.YEAR)
    for col in (s.RECEIVED_DATE, s.DUE_DATE, s.RESOLVED_DATE):
        frame[col] = pd.to_datetime(frame[col])
    return frame


def by_hand(frame: pd.DataFrame, by: tuple[str, ...]) -> pd.DataFrame:
    """aggregate_dossiers' result computed with a pandas groupby over the loaded records."""
    resolved = frame[s.STATUS].eq(s.STATUS_RESOLVED)
    done, due = frame[s.RESOLVED_DATE], frame[s.DUE_DATE]
    flags = pd.DataFrame(
        {
            s.RECEIVED: 1,
            s.ONLINE: frame[s.CHANNEL].eq(s.CHANNEL_ONLINE),
            s.ON_TIME: resolved & (done <= due),
            s.EARLY: resolved & (done < due),
            s.LATE: resolved & (done > due),
            s.PENDING: frame[s.STATUS].eq(s.STATUS_PENDING),
        }
    ).astype("int64")
    keys = frame.assign(
        **{
            s.YEAR: frame[s.RECEIVED_DATE].dt.year,
            s.MONTH: frame[s.RECEIVED_DATE].dt.month,
        }
    )
    if not by:
        out = flags.sum().to_frame().T
        out[s.DEMO] = frame[s.DEMO].any()
        out[SOURCE_IDS] = [tuple(sorted(frame[s.SOURCE_ID].unique()))]
    else:
        grouped = flags.groupby([keys[k] for k in by])
        out = grouped.sum()
        out[s.DEMO] = frame[s.DEMO].groupby([keys[k] for k in by]).any()
        out[SOURCE_IDS] = (
            frame[s.SOURCE_ID]
            .astype(object)
            .groupby([keys[k] for k in by])
            .agg(lambda ids: tuple(sorted(set(ids))))
        )
        out = out.reset_index()
    dtypes = {k: "Int64" if k in (s.YEAR, s.MONTH) else "string" for k in by}
    dtypes |= dict.fromkeys(s.COUNT_COLUMNS, "Int64") | {s.DEMO: "boolean"}
    return out.astype(dtypes)[[*by, *s.COUNT_COLUMNS, s.DEMO, SOURCE_IDS]]


# --- the engine against pandas and against dossier_stats ------------------------------------


@pytest.mark.parametrize("by", BYS, ids=lambda by: "-".join(by) or "total")
def test_parquet_aggregation_equals_a_pandas_groupby(small_set, small_frame, by):
    expected = by_hand(small_frame, by)
    pd.testing.assert_frame_equal(records.aggregate_dossiers(small_set, by), expected)


def test_exact_mode_gives_back_dossier_stats(bundled, small_set):
    stats = bundled.dossier_stats
    stats = stats[stats[s.UNIT_CODE].isin(SMALL_UNITS) & stats[s.YEAR].isin(SMALL_YEARS)]
    per_procedure = stats[stats[s.PROCEDURE_CODE].notna()]
    monthly = stats[stats[s.MONTH].notna()]
    assert len(per_procedure) == 2 * 237 and len(monthly) == 2  # both kinds of cells are here

    for cells, by in (
        (per_procedure, (s.UNIT_CODE, s.YEAR, s.FIELD, s.PROCEDURE_CODE)),
        (monthly, (s.UNIT_CODE, s.YEAR, s.MONTH)),
    ):
        years = sorted(cells[s.YEAR].unique())
        got = records.aggregate_dossiers(small_set, by, {"years": (years[0], years[-1])})
        want = cells[[*by, *s.COUNT_COLUMNS]].sort_values(list(by)).reset_index(drop=True)
        pd.testing.assert_frame_equal(got[[*by, *s.COUNT_COLUMNS]], want, check_dtype=False)
        assert got[s.DEMO].all() and set(got[SOURCE_IDS]) == {("demo",)}


def test_filters(small_set, small_frame):
    by = (s.UNIT_CODE, s.YEAR, s.FIELD)
    full = records.aggregate_dossiers(small_set, by)
    fields = ["Tư pháp", "Đất đai"]
    cases = {
        "years": ({"years": (2016, 2025)}, full[s.YEAR].eq(2025)),
        "one year": ({"years": 2015}, full[s.YEAR].eq(2015)),
        "open end": ({"years": (None, 2015)}, full[s.YEAR].le(2015)),
        "units": ({"unit_codes": ["273"]}, full[s.UNIT_CODE].eq("273")),
        "one unit": ({"unit_codes": "250"}, full[s.UNIT_CODE].eq("250")),
        "fields": ({"fields": fields}, full[s.FIELD].isin(fields)),
        "all": (
            {"years": (2025, 2025), "unit_codes": ["273", "999"], "fields": fields},
            full[s.YEAR].eq(2025) & full[s.UNIT_CODE].eq("273") & full[s.FIELD].isin(fields),
        ),
    }
    for name, (filters, rows) in cases.items():
        got = records.aggregate_dossiers(small_set, by, filters)
        want = full[rows.to_numpy(dtype=bool)].reset_index(drop=True)
        assert len(want) > 0, name
        pd.testing.assert_frame_equal(got, want, obj=name)


def test_a_filter_that_matches_nothing_gives_an_empty_typed_frame(small_set):
    got = records.aggregate_dossiers(small_set, filters={"unit_codes": ["999"]})
    assert got.empty
    assert list(got.columns) == [s.UNIT_CODE, s.YEAR, *s.COUNT_COLUMNS, s.DEMO, SOURCE_IDS]
    assert got[s.RECEIVED].dtype == "Int64" and got[s.YEAR].dtype == "Int64"


def test_bad_arguments_are_refused(small_set, tmp_path):
    with pytest.raises(ValueError, match="filters"):
        records.aggregate_dossiers(small_set, filters={"year": 2015})
    with pytest.raises(ValueError, match="by"):
        records.aggregate_dossiers(small_set, by=("online_level",))
    with pytest.raises(records.NoDossiers):
        records.aggregate_dossiers(tmp_path)
    assert records.has_dossiers(small_set) and not records.has_dossiers(tmp_path)


def test_the_fast_provenance_path_equals_merge_provenance(small_set):
    by = [s.UNIT_CODE, s.YEAR, s.PROCEDURE_CODE]
    counts = records.dossier_counts(small_set, by)
    slow = merge_provenance(group_sums(counts, by, s.COUNT_COLUMNS), counts, by)
    pd.testing.assert_frame_equal(records.aggregate_dossiers(small_set, by), slow)


# --- semantics, worked out by hand ------------------------------------------------------------


def _five_dossiers() -> pd.DataFrame:
    d = dt.date
    rows = [
        # id, channel, received, due, resolved, status, source
        ("A", s.CHANNEL_ONLINE, d(2024, 3, 1), d(2024, 3, 10), d(2024, 3, 5), "resolved", "x"),
        ("B", s.CHANNEL_IN_PERSON, d(2024, 3, 2), d(2024, 3, 10), d(2024, 3, 10), "resolved", "x"),
        ("C", s.CHANNEL_POST, d(2024, 3, 3), d(2024, 3, 10), d(2024, 3, 11), "resolved", "y"),
        ("D", s.CHANNEL_ONLINE, d(2024, 3, 4), d(2024, 3, 10), None, "pending", "x"),
        ("E", s.CHANNEL_IN_PERSON, d(2025, 1, 2), d(2025, 1, 9), None, "withdrawn", "x"),
    ]
    cols = [s.DOSSIER_ID, s.CHANNEL, s.RECEIVED_DATE, s.DUE_DATE, s.RESOLVED_DATE, s.STATUS]
    frame = pd.DataFrame(rows, columns=[*cols, s.SOURCE_ID])
    return frame.assign(
        **{s.UNIT_CODE: "001", s.PROCEDURE_CODE: "P1", s.FIELD: "Tư pháp"},
        **{s.DEMO: [False, False, True, False, False]},
    )


def test_on_time_early_late_pending_withdrawn_by_hand(tmp_path):
    records.write_dossiers(_five_dossiers(), tmp_path)
    assert records.partition_path(tmp_path, 2025).exists()
    got = records.aggregate_dossiers(tmp_path)
    # 2024: A early (and on time), B on its due date (on time, not early), C one day late,
    # D pending. 2025: E withdrawn: received, and nothing else.
    want = {
        s.RECEIVED: [4, 1],
        s.ONLINE: [2, 0],
        s.ON_TIME: [2, 0],
        s.EARLY: [1, 0],
        s.LATE: [1, 0],
        s.PENDING: [1, 0],
    }
    assert got[s.YEAR].tolist() == [2024, 2025]
    assert {c: got[c].tolist() for c in s.COUNT_COLUMNS} == want
    assert got[s.DEMO].tolist() == [True, False]  # C is a demo row
    assert got[SOURCE_IDS].tolist() == [("x", "y"), ("x",)]

    counts = records.dossier_counts(tmp_path, (s.UNIT_CODE, s.YEAR, s.CHANNEL))
    assert counts[[s.YEAR, s.CHANNEL, s.RECEIVED]].values.tolist() == [
        [2024, "in_person", 1],
        [2024, "online", 2],
        [2024, "post", 1],
        [2025, "in_person", 1],
    ]
    rates = timeliness(records.dossier_counts(tmp_path)).iloc[0]
    assert rates[ON_TIME_RATE] == pytest.approx(200 / 3)  # 2 of the 3 resolved
    assert rates[EARLY_RATE] == pytest.approx(100 / 3)
    assert rates[LATE_RATE] == pytest.approx(100 / 3)
    assert rates[ONLINE_RATE] == pytest.approx(50.0)  # 2 of the 4 received


def test_the_dossiers_table_rules(small_frame):
    frame = _five_dossiers()
    assert check_table(s.DOSSIERS, frame)[1] == []
    frame.loc[1, s.RESOLVED_DATE] = None  # resolved without a date
    frame.loc[3, s.RESOLVED_DATE] = dt.date(2024, 3, 5)  # pending with one
    frame.loc[4, s.DUE_DATE] = dt.date(2024, 12, 31)  # due before received
    frame.loc[0, s.CHANNEL] = "fax"
    failures = check_table(s.DOSSIERS, frame)[1]
    assert sorted((f.rule, f.row) for f in failures) == [
        ("allowed", 1),
        ("due_after_received", 5),
        ("resolved_date_status", 2),
        ("resolved_date_status", 4),
    ]
    assert check_table(s.DOSSIERS, small_frame)[1] == []
    assert "dossiers" in s.OPTIONAL_TABLES and "dossiers" not in s.TABLES


# --- the generator ----------------------------------------------------------------------------


def test_generated_records_are_laid_out_by_received_year(small_set, small_frame):
    files = sorted(p.relative_to(small_set).as_posix() for p in small_set.rglob("*.parquet"))
    assert files == ["dossiers/year=2015/part-0.parquet", "dossiers/year=2025/part-0.parquet"]
    for path in small_set.rglob("*.parquet"):
        year = int(path.parent.name.split("=")[1])
        dates = pq.read_table(path, columns=[s.RECEIVED_DATE]).column(0).to_pandas()
        assert {d.year for d in dates} == {year}
    assert small_frame[s.DOSSIER_ID].is_unique
    march = small_frame[small_frame[s.RECEIVED_DATE].dt.year == 2025]
    assert set(march[s.RECEIVED_DATE].dt.month) == {3}
    assert march[s.PROCEDURE_CODE].notna().all()  # drawn from the unit's 2024 mix
    assert set(small_frame[s.CHANNEL]) == set(s.CHANNELS)


def test_sampled_rates_follow_dossier_stats(bundled, tmp_path):
    n = 300_000
    gen.generate_dossiers(tmp_path, bundled.dossier_stats, bundled.procedures, n, seed=7)
    got = records.aggregate_dossiers(tmp_path, (s.YEAR,))
    stats = bundled.dossier_stats
    want = group_sums(stats, [s.YEAR], s.COUNT_COLUMNS)
    assert got[s.RECEIVED].sum() == n
    # Received per year: proportional allocation over cells, off by less than one per cell.
    cells = stats.groupby(s.YEAR).size().to_numpy()
    quota = want[s.RECEIVED].to_numpy() * n / want[s.RECEIVED].sum()
    assert (np.abs(got[s.RECEIVED].to_numpy() - quota) < cells).all()
    # Rates: within 4 standard errors of the binomial draws.
    for num, den in ((s.ONLINE, s.RECEIVED), (s.ON_TIME, s.RECEIVED), (s.EARLY, s.RECEIVED)):
        p = (want[num] / want[den]).to_numpy(dtype=float)
        k = got[den].to_numpy(dtype=float)
        rate = got[num].to_numpy(dtype=float) / k
        assert (np.abs(rate - p) < 4 * np.sqrt(p * (1 - p) / k) + 1e-9).all(), num


def test_same_seed_same_records(bundled, tmp_path):
    def run(folder: Path, seed: int) -> pd.DataFrame:
        gen.generate_dossiers(
            folder, bundled.dossier_stats, bundled.procedures, 5_000, seed=seed, units=["001"]
        )
        return read_records(folder)

    first = run(tmp_path / "a", 1)
    pd.testing.assert_frame_equal(first, run(tmp_path / "b", 1))
    assert not first.equals(run(tmp_path / "c", 2))
    assert len(run(tmp_path / "a", 3)) == 5_000  # a second run replaces the first


def test_largest_remainder():
    assert gen.largest_remainder(np.array([5, 3, 2]), 10).tolist() == [5, 3, 2]
    assert gen.largest_remainder(np.array([1, 1, 1]), 2).tolist() == [1, 1, 0]
    assert gen.largest_remainder(np.array([10, 25, 65]), 7).tolist() == [1, 2, 4]


def test_exact_mode_needs_the_total(bundled, tmp_path):
    with pytest.raises(ValueError, match="exact"):
        gen.generate_dossiers(
            tmp_path, bundled.dossier_stats, bundled.procedures, 10, exact=True, units=["001"]
        )


def test_cli_generate(tmp_path, capsys):
    rc = main(["generate", "--exact", "--units", "273", "--years", "2015", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert rc == 0 and "wrote 11,249 records" in out and "100%" in out
    assert records.aggregate_dossiers(tmp_path)[s.RECEIVED].tolist() == [11249]
    assert main(["generate", "--out", str(tmp_path)]) == 2
    assert main(["generate", "--dossiers", "5", "--exact", "--out", str(tmp_path)]) == 2


# --- SQL (SQLite here; PostgreSQL in test_records_postgres.py) --------------------------------


def test_sqlite_gives_the_parquet_results(small_set, tmp_path):
    url = f"sqlite:///{tmp_path / 'dossiers.db'}"
    assert records.copy_dossiers_to_sql(small_set, url, chunk=7_000) == 41_411
    engine = sa.create_engine(url)
    indexes = sa.inspect(engine).get_indexes(s.DOSSIERS.name)
    engine.dispose()
    assert [i["column_names"] for i in indexes] == [[s.UNIT_CODE, s.RECEIVED_DATE]]
    for by in BYS:
        for filters in (None, {"years": 2025, "unit_codes": ["273"], "fields": ["Tư pháp"]}):
            pd.testing.assert_frame_equal(
                records.aggregate_dossiers(url, by, filters),
                records.aggregate_dossiers(small_set, by, filters),
            )


# --- memory -----------------------------------------------------------------------------------

# The peak is VmHWM of /proc/self/status, the high-water mark of this process's own memory.
# Not ru_maxrss: Linux carries it over exec from the forked parent, so a child of a large
# pytest process (one that imported Streamlit, say) starts with the parent's size as its peak
# and hides any smaller growth.
MEASURE = textwrap.dedent(
    """
    import json, sys
    import pyarrow.parquet as pq
    from indicators import records

    def peak_kb():
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))

    folder, warm, mode = sys.argv[1:4]
    records.aggregate_dossiers(warm)  # imports DuckDB and opens it once: not data-dependent
    before = peak_kb()
    if mode == "aggregate":
        for by in (("unit_code", "year"), ("unit_code", "year", "procedure_code"), ("channel",)):
            records.aggregate_dossiers(folder, by)
    else:  # the control: what loading the records costs
        pq.read_table(records.Path(folder) / records.DOSSIERS_DIR)
    print(json.dumps({"growth_kb": peak_kb() - before}))
    """
)


def _peak_growth(folder: Path, warm: Path, mode: str) -> int:
    """Bytes by which the peak RSS of a fresh interpreter grew during `mode` (Linux)."""
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, str(folder), str(warm), mode],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)["growth_kb"] * 1024


def test_aggregation_memory_does_not_grow_with_the_records(bundled, small_set, tmp_path):
    n = 2_000_000
    gen.generate_dossiers(tmp_path, bundled.dossier_stats, bundled.procedures, n, seed=3)
    # What the records take once loaded: Arrow bytes per row of one row group times the rows
    # (~107 B a row: ~210 MB here; pandas needs at least as much). Any engine that loads the
    # records grows by about that much or more; aggregating where the data lives needs buffers
    # of a fixed size (~50 MB for DuckDB with 2 threads, the same at 10 M records). Half of the
    # loaded size separates the two; the control run shows the bound would catch a full load.
    sample = pq.ParquetFile(records.partition_path(tmp_path, 2024)).read_row_group(0)
    loaded = sample.nbytes / sample.num_rows * n
    bound = loaded / 2
    assert _peak_growth(tmp_path, small_set, "aggregate") < bound
    assert _peak_growth(tmp_path, small_set, "load") > bound
