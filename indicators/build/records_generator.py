"""Demo dossier records (one row per dossier) consistent with a dataset's dossier_stats.

Every dossier_stats row is a cell (unit, year or month, field, procedure). N records are spread
over the cells in proportion to `received` (largest remainder); within a cell each record gets
an outcome (early, on time on the due date, late, pending, withdrawn) and a channel, drawn with
the cell's proportions, so that rates computed from the records match dossier_stats within
sampling error. In exact mode N is the total received of the selection and every cell gets its
counts exactly: aggregating the records gives dossier_stats back.

Assumptions the counts do not fix (illustrative, all records are demo = True, source "demo"):
- received_date: uniform over the cell's year (or month); due_date = received_date + the
  procedure's committed days (legal days if none; calendar days, at least 1);
- early: resolved on a uniform day from received_date to the day before due_date; on time but not
  early: on due_date; late: 1 to LATE_DAYS_MAX days after due_date;
- offline dossiers go by post with probability POST_SHARE, else in person;
- a cell without a procedure (the month totals of 2025) draws each record's procedure from the
  unit's latest yearly procedure mix, weighted by received.

Records are written year by year (dossiers/year=Y/part-0.parquet), at most `chunk_rows` at a
time, so memory stays flat whatever N. Same seed, same chunk size: same records.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from indicators import schema as s
from indicators.records import DOSSIERS_DIR, arrow_schema, partition_path

SEED = 20260102
CHUNK_ROWS = 1_000_000
ROW_GROUP_ROWS = 256 * 1024
POST_SHARE = 0.05
LATE_DAYS_MAX = 30
DEFAULT_DAYS = 15  # a procedure whose catalogue has no days
DEMO_SOURCE = "demo"
ID_PREFIX = "DEMO-"
# Outcome columns of the count matrix, in this order.
EARLY, ON_DUE, LATE, PENDING, WITHDRAWN = range(5)
_OUTCOME_STATUS = pa.array(
    [s.STATUS_RESOLVED] * 3 + [s.STATUS_PENDING, s.STATUS_WITHDRAWN], pa.string()
)
_CHANNEL_NAMES = pa.array([s.CHANNEL_ONLINE, s.CHANNEL_IN_PERSON, s.CHANNEL_POST], pa.string())
_EPOCH = np.datetime64("1970-01-01", "D")

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Cells:
    """The selected dossier_stats rows, ready for sampling (all arrays have one row per cell)."""

    frame: pd.DataFrame  # unit_code, year, month, procedure_code, _row (row in dossier_stats)
    outcomes: np.ndarray  # (cells, 5) int64 counts, columns EARLY … WITHDRAWN
    online: np.ndarray  # int64 dossiers submitted online
    references: pd.DataFrame  # rows with a procedure: what a procedure-less cell draws from


@dataclass(frozen=True)
class Generated:
    records: int
    seconds: float
    bytes_on_disk: int
    folder: Path


# --- cells ----------------------------------------------------------------------------------


def _with_days(stats: pd.DataFrame, procedures: pd.DataFrame) -> pd.DataFrame:
    join = [s.UNIT_CODE, s.YEAR, s.PROCEDURE_CODE]
    catalogue = procedures[[*join, s.COMMITTED_DAYS, s.LEGAL_DAYS]].drop_duplicates(join)
    out = stats.merge(catalogue, on=join, how="left", validate="many_to_one")
    days = out[s.COMMITTED_DAYS].fillna(out[s.LEGAL_DAYS]).fillna(DEFAULT_DAYS)
    out["days"] = np.maximum(np.ceil(days.to_numpy(dtype=float)), 1).astype(np.int64)
    return out.drop(columns=[s.COMMITTED_DAYS, s.LEGAL_DAYS])


def _outcome_matrix(frame: pd.DataFrame) -> np.ndarray:
    counts = frame[list(s.COUNT_COLUMNS)]
    if counts.isna().any().any():
        raise ValueError("dossier_stats rows with a missing count cannot be sampled")
    c = {name: counts[name].to_numpy(dtype=np.int64) for name in s.COUNT_COLUMNS}
    withdrawn = c[s.RECEIVED] - c[s.ON_TIME] - c[s.LATE] - c[s.PENDING]
    matrix = np.column_stack(
        [c[s.EARLY], c[s.ON_TIME] - c[s.EARLY], c[s.LATE], c[s.PENDING], withdrawn]
    )
    if (matrix < 0).any():
        raise ValueError("dossier_stats counts are inconsistent (early > on time or too many)")
    return matrix


def select_cells(
    stats: pd.DataFrame,
    procedures: pd.DataFrame,
    units: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
) -> Cells:
    """The dossier_stats rows of the given units and years (all when None), as cells."""
    rows = _with_days(stats, procedures)
    rows["_row"] = np.arange(len(rows))
    mask = pd.Series(True, index=rows.index)
    if units is not None:
        mask &= rows[s.UNIT_CODE].isin(list(units))
    if years is not None:
        mask &= rows[s.YEAR].isin(list(years))
    frame = rows[mask.to_numpy(dtype=bool)].sort_values([s.YEAR, s.MONTH], kind="stable")
    frame = frame.reset_index(drop=True)
    if frame.empty:
        raise ValueError("no dossier_stats rows for these units and years")
    references = rows[rows[s.PROCEDURE_CODE].notna()].reset_index(drop=True)
    return Cells(
        frame=frame[[s.UNIT_CODE, s.YEAR, s.MONTH, s.PROCEDURE_CODE, "_row"]],
        outcomes=_outcome_matrix(frame),
        online=frame[s.ONLINE].to_numpy(dtype=np.int64),
        references=references[
            [s.UNIT_CODE, s.YEAR, s.FIELD, s.PROCEDURE_CODE, s.RECEIVED, "days", "_row"]
        ],
    )


# --- allocation -----------------------------------------------------------------------------


def largest_remainder(weights: np.ndarray, total: int) -> np.ndarray:
    """Integers proportional to `weights` that add up to `total` (Hamilton's method)."""
    weights = np.asarray(weights, dtype=np.int64)
    scaled = weights * np.int64(total)
    whole, rest = np.divmod(scaled, weights.sum())
    short = total - int(whole.sum())
    whole[np.argsort(-rest, kind="stable")[:short]] += 1
    return whole


def allocate(cells: Cells, n: int, exact: bool, rng: np.random.Generator) -> Cells:
    """Cells whose outcome and online counts add up to n records.

    exact: n must be the total received, every count is kept. Otherwise n is spread over the
    cells in proportion to received and each cell's outcomes are a multinomial draw (online a
    binomial one) with the cell's proportions.
    """
    if n < 0:
        raise ValueError("the number of records cannot be negative")
    received = cells.outcomes.sum(axis=1)
    total = int(received.sum())
    if exact:
        if n != total:
            raise ValueError(f"exact mode needs n = total received of the selection ({total:,})")
        return cells
    sizes = largest_remainder(received, n)
    safe = np.maximum(received, 1)[:, None]
    shares = np.where(received[:, None] > 0, cells.outcomes / safe, np.eye(5)[ON_DUE])
    outcomes = rng.multinomial(sizes, shares)
    online = rng.binomial(sizes, cells.online / safe[:, 0])
    return Cells(cells.frame, outcomes, online, cells.references)


# --- records --------------------------------------------------------------------------------


def _positions_in_cell(cell: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A random rank of each record among the records of its cell (cell is sorted)."""
    order = np.lexsort((rng.random(len(cell)), cell))
    starts = np.searchsorted(cell, cell)
    ranks = np.empty(len(cell), dtype=np.int64)
    ranks[order] = np.arange(len(cell)) - starts[order]
    return ranks


def _reference_rows(
    frame: pd.DataFrame, cell: np.ndarray, references: pd.DataFrame, rng: np.random.Generator
) -> np.ndarray:
    """For each record, the row of `references` that gives its procedure, field and days."""
    own = pd.Index(references["_row"]).get_indexer(frame["_row"])
    rows = own[cell]
    for c in np.unique(cell[rows < 0]):
        pick = cell == c
        rows[pick] = _draw_procedures(frame.iloc[c], references, int(pick.sum()), rng)
    return rows


def _draw_procedures(
    cell: pd.Series, references: pd.DataFrame, size: int, rng: np.random.Generator
) -> np.ndarray:
    """Rows of the unit's latest yearly procedure mix (up to the cell's year), by received."""
    unit = references[s.UNIT_CODE].eq(cell[s.UNIT_CODE]).to_numpy(dtype=bool)
    if not unit.any():
        raise ValueError(
            f"unit {cell[s.UNIT_CODE]} has no per-procedure dossier_stats to draw from"
        )
    years = references[s.YEAR].to_numpy(dtype=np.int64)
    earlier = unit & (years <= cell[s.YEAR])
    pool = earlier if earlier.any() else unit
    candidates = np.flatnonzero(pool & (years == years[pool].max()))
    weights = references[s.RECEIVED].to_numpy(dtype=float)[candidates] + 1e-9
    return rng.choice(candidates, size=size, p=weights / weights.sum())


def _periods(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """First day (days since 1970-01-01) and length in days of each cell's year or month."""
    year = frame[s.YEAR].to_numpy(dtype=np.int64)
    month = frame[s.MONTH].fillna(0).to_numpy(dtype=np.int64)
    has_month = month > 0
    start = (year - 1970).astype("datetime64[Y]") + np.where(has_month, month - 1, 0).astype(
        "timedelta64[M]"
    )
    end = np.where(
        has_month,
        start.astype("datetime64[M]") + np.timedelta64(1, "M"),
        (year - 1969).astype("datetime64[Y]").astype("datetime64[M]"),
    )
    first = start.astype("datetime64[D]")
    return (first - _EPOCH).astype(np.int64), (end.astype("datetime64[D]") - first).astype(np.int64)


def _dates(days: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    return pa.array(days.astype(np.int32), mask=null).view(pa.date32())


def _ids(first_id: int, count: int) -> pa.Array:
    numbers = pc.cast(pa.array(np.arange(first_id, first_id + count)), pa.string())
    return pc.binary_join_element_wise(ID_PREFIX, pc.utf8_lpad(numbers, 10, "0"), "")


def records_table(
    cells: Cells, rows: np.ndarray, first_id: int, rng: np.random.Generator
) -> pa.Table:
    """The records of the cells `rows` (indices into cells), as an Arrow table."""
    counts = cells.outcomes[rows]
    frame = cells.frame.iloc[rows].reset_index(drop=True)
    cell = np.repeat(np.repeat(np.arange(len(rows)), 5), counts.ravel())
    outcome = np.repeat(np.tile(np.arange(5), len(rows)), counts.ravel())
    size = len(cell)
    ref = _reference_rows(frame, cell, cells.references, rng)
    days = cells.references["days"].to_numpy(dtype=np.int64)[ref]

    online = _positions_in_cell(cell, rng) < cells.online[rows][cell]
    offline = np.where(rng.random(size) < POST_SHARE, 2, 1)
    channel = np.where(online, 0, offline)

    start, length = _periods(frame)
    received = start[cell] + rng.integers(0, length[cell])
    due = received + days
    resolved = np.select(
        [outcome == EARLY, outcome == ON_DUE, outcome == LATE],
        [received + rng.integers(0, days), due, due + rng.integers(1, LATE_DAYS_MAX + 1, size)],
        default=0,
    )
    take = pa.array(cell)
    ref_take = pa.array(ref)
    columns = {
        s.DOSSIER_ID: _ids(first_id, size),
        s.UNIT_CODE: pa.array(frame[s.UNIT_CODE], pa.string()).take(take),
        s.PROCEDURE_CODE: pa.array(cells.references[s.PROCEDURE_CODE], pa.string()).take(ref_take),
        s.FIELD: pa.array(cells.references[s.FIELD], pa.string()).take(ref_take),
        s.CHANNEL: _CHANNEL_NAMES.take(pa.array(channel)),
        s.RECEIVED_DATE: _dates(received),
        s.DUE_DATE: _dates(due),
        s.RESOLVED_DATE: _dates(resolved, null=outcome >= PENDING),
        s.STATUS: _OUTCOME_STATUS.take(pa.array(outcome)),
        s.SOURCE_ID: pa.repeat(pa.scalar(DEMO_SOURCE, pa.string()), size),
        s.DEMO: pa.repeat(pa.scalar(True), size),
    }
    return pa.Table.from_pydict(columns, schema=arrow_schema())


# --- writing --------------------------------------------------------------------------------


def _chunks(sizes: np.ndarray, chunk_rows: int) -> list[np.ndarray]:
    """Consecutive cell indices whose records add up to about chunk_rows at most."""
    bounds = np.cumsum(sizes) // max(chunk_rows, 1)
    return [np.flatnonzero(bounds == b) for b in np.unique(bounds)]


def _writer(path: Path) -> pq.ParquetWriter:
    path.parent.mkdir(parents=True, exist_ok=True)
    dictionary = [n for n in s.DOSSIERS.names if n != s.DOSSIER_ID]
    return pq.ParquetWriter(path, arrow_schema(), compression="zstd", use_dictionary=dictionary)


@dataclass
class _Run:
    """What the writing loop carries: records written so far and where progress goes."""

    total: int
    chunk_rows: int
    say: Progress
    rng: np.random.Generator
    started: float = field(default_factory=time.perf_counter)
    written: int = 0

    def report(self) -> None:
        share = self.written / max(self.total, 1)
        elapsed = time.perf_counter() - self.started
        self.say(f"{self.written:,} / {self.total:,} records ({share:.0%}), {elapsed:.1f} s")


def _write_year(cells: Cells, rows: np.ndarray, path: Path, run: _Run) -> None:
    sizes = cells.outcomes[rows].sum(axis=1)
    with _writer(path) as writer:
        for part in _chunks(sizes, run.chunk_rows):
            table = records_table(cells, rows[part], run.written, run.rng)
            writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
            run.written += table.num_rows
            run.report()


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.parquet"))


def generate_dossiers(
    out: str | Path,
    stats: pd.DataFrame,
    procedures: pd.DataFrame,
    n: int | None = None,
    *,
    seed: int = SEED,
    exact: bool = False,
    units: Sequence[str] | None = None,
    years: Sequence[int] | None = None,
    chunk_rows: int = CHUNK_ROWS,
    progress: Progress | None = None,
) -> Generated:
    """Write n demo records under out/dossiers/ (replaced as a whole at the end).

    n None: the total received of the selection (required in exact mode). See the module doc.
    """
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    cells = select_cells(stats, procedures, units, years)
    total = int(cells.outcomes.sum()) if n is None else n
    cells = allocate(cells, total, exact, rng)
    run = _Run(total, chunk_rows, progress or (lambda _: None), rng, started)
    target = Path(out) / DOSSIERS_DIR
    staging = Path(out) / f".{DOSSIERS_DIR}-staging"  # a dataset folder of its own
    shutil.rmtree(staging, ignore_errors=True)
    year_of = cells.frame[s.YEAR].to_numpy(dtype=np.int64)
    for year in np.unique(year_of):
        _write_year(cells, np.flatnonzero(year_of == year), partition_path(staging, int(year)), run)
    shutil.rmtree(target, ignore_errors=True)
    (staging / DOSSIERS_DIR).rename(target)
    staging.rmdir()
    return Generated(total, time.perf_counter() - started, _folder_bytes(target), target)
