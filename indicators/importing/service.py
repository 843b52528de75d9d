"""Validate and import uploaded spreadsheets; roll back; read the import log.

The whole merged dataset (stored rows + the file's rows) is validated before anything is
written. An import runs twice through the same checks: once without the lock (a refused
file never touches the data folder, not even a lock file) and, if the data changed
meanwhile, again under the lock just before writing.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from indicators import records
from indicators import schema as s
from indicators.dataset import is_url, load_raw
from indicators.errors import bilingual
from indicators.importing import sql_store, versions
from indicators.importing.errors import FileRefused, problem
from indicators.importing.headers import Layout, find_layout
from indicators.importing.limits import check_size
from indicators.importing.merge import merge_rows
from indicators.importing.reading import read_upload
from indicators.importing.rows import build_rows, source_column
from indicators.rankings import rank_disagreements
from indicators.settings import data_source
from indicators.validation import (
    DatasetInvalid,
    Failure,
    check_table,
    coerce_and_check,
    report,
    shown_cell,
)

STORED = "dữ liệu đã lưu/stored data"
LogEntry = Callable[..., dict[str, object]]


def headed(head: str, failures: tuple[Failure, ...]) -> list[str]:
    """The lines of validation.report under another first line."""
    return [head, *report(list(failures)).splitlines()[1:]]


@dataclass(frozen=True)
class ImportResult:
    """What `validate_*` found or `import_*` did; `report()` is the text to show."""

    ok: bool
    file: str
    table: str | None = None
    failures: tuple[Failure, ...] = ()
    warnings: tuple[str, ...] = ()
    added: int = 0
    replaced: int = 0
    new_sources: tuple[str, ...] = ()
    version: str | None = None  # the version written (None when only validated)

    def report(self) -> str:
        lines = self._failures() if self.failures else [self._summary()]
        lines += [f"Lưu ý / Note: {w}" for w in self.warnings]
        return "\n".join(lines)

    def _failures(self) -> list[str]:
        n = len(self.failures)
        head = f"Tệp {self.file} bị từ chối: {n} lỗi / File {self.file} refused: {n} problem(s)"
        return headed(head, self.failures)

    def _summary(self) -> str:
        done = "Đã nhập / Imported" if self.version else "Hợp lệ / Valid"
        text = (
            f"{done}: {self.file} -> {self.table}: {self.added} dòng mới / rows added, "
            f"{self.replaced} dòng thay thế / rows replaced"
        )
        if self.new_sources:
            text += f", nguồn mới / new sources: {', '.join(self.new_sources)}"
        return text + (f"; phiên bản / version {self.version}" if self.version else "")


@dataclass(frozen=True)
class Plan:
    """A validated import, ready to write."""

    table: str
    tables: dict[str, pd.DataFrame]  # the whole merged dataset, typed
    changed: tuple[str, ...]
    added: int
    replaced: int
    new_sources: tuple[str, ...]
    warnings: tuple[str, ...]

    def result(self, where: str, version: str | None = None) -> ImportResult:
        return ImportResult(
            True,
            where,
            self.table,
            (),
            self.warnings,
            self.added,
            self.replaced,
            self.new_sources,
            version,
        )


# --- planning ----------------------------------------------------------------------------


def plan_import(
    where: str, data: bytes, raw: dict[str, pd.DataFrame], table: str | None = None
) -> Plan:
    """Read, check and merge the file into `raw` (the stored tables); FileRefused if not ok."""
    check_size(where, len(data))
    layout = find_layout(where, read_upload(where, data), table)
    units, sources = (_stored_table(raw, name) for name in ("units", "sources"))
    rows = build_rows(where, layout, units, sources)
    if rows.failures:
        raise FileRefused(sorted(rows.failures, key=lambda f: f.row or 0))
    name = layout.spec.name
    stored = _stored_table(raw, name)
    merged = merge_rows(stored, rows.frame, rows.sheet_rows, list(layout.spec.table.key))
    new_sources = merge_rows(sources, rows.sources, rows.source_rows, [s.ID])
    tables = {**raw, name: merged.frame, "sources": new_sources.frame}
    origins = {name: merged.origin, "sources": new_sources.origin}
    checked = _check_merged(where, layout, tables, origins)
    if name == "par_scores":
        _check_ranks(where, checked, _years_of_file(checked[name], merged.origin))
    return Plan(
        table=name,
        tables=checked,
        changed=(name, "sources") if len(rows.sources) else (name,),
        added=merged.added,
        replaced=merged.replaced,
        new_sources=tuple(rows.sources[s.ID]),
        warnings=_warnings(layout) + tuple(rows.warnings),
    )


def _warnings(layout: Layout) -> tuple[str, ...]:
    if not layout.unused:
        return ()
    listed = ", ".join(shown_cell(str(name)) for name in layout.unused)
    return (f"bỏ qua các cột không dùng / columns ignored: {listed}",)


def _stored_invalid(failures: list[Failure]) -> FileRefused:
    head = problem(
        STORED,
        "stored_invalid",
        *bilingual("imp_stored_invalid"),
    )
    return FileRefused([head, *failures])


def _stored_table(raw: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    """One stored table, typed (the whole dataset is checked once, after the merge)."""
    if name not in raw:
        raise _stored_invalid(
            [Failure(name, None, None, None, "missing_table", *bilingual("check_missing_table"))]
        )
    typed, failures = check_table(s.TABLES[name], raw[name])
    if failures:
        raise _stored_invalid(failures)
    return typed


def _check_merged(
    where: str, layout: Layout, tables: dict[str, pd.DataFrame], origins: dict[str, list]
) -> dict[str, pd.DataFrame]:
    """The merged dataset, typed; failures of the file's rows are reported at their row."""
    try:
        return coerce_and_check(tables)
    except DatasetInvalid as exc:
        mapped = [_at_file_row(where, layout, f, origins) for f in exc.failures]
        from_file = {f.rule for f in mapped if f.table == where}
        # a rule broken by the file and stored rows together: the file's rows say enough
        kept = [f for f in mapped if f.table == where or f.rule not in from_file]
        raise FileRefused(kept) from None


def _years_of_file(scores: pd.DataFrame, origin: list) -> set[tuple[str, int]]:
    """The (index_id, year) pairs of the merged rows that came from the file."""
    from_file = scores[[row is not None for row in origin]]
    pairs = zip(from_file[s.INDEX_ID], from_file[s.YEAR], strict=True)
    return {(str(i), int(y)) for i, y in pairs}


def _check_ranks(where: str, tables: dict[str, pd.DataFrame], years: set[tuple[str, int]]) -> None:
    """A year the import completes is ranked from its scores: refused when a computed rank
    is not the published one (the file's scores, or the stored ones, are wrong). Only the
    file's years: another year's ranks do not change with it."""
    wrong = rank_disagreements(tables["par_scores"], tables["units"], years)
    if wrong.empty:
        return
    failures = [
        problem(
            where,
            "rank_disagrees",
            *bilingual(
                "imp_rank_disagrees",
                unit=r[s.NAME_VI],
                year=r[s.YEAR],
                index=r[s.INDEX_ID],
                rank=r["rank"],
                published=r[s.RANK_PUBLISHED],
            ),
        )
        for r in wrong.to_dict("records")
    ]
    raise FileRefused(failures)


def _at_file_row(where: str, layout: Layout, f: Failure, origins: dict[str, list]) -> Failure:
    origin = origins.get(f.table)
    row = origin[f.row - 1] if origin is not None and f.row is not None else None
    if row is None:
        return replace(f, table=f"{f.table} ({STORED})")
    column = f.column if f.table == layout.spec.name else source_column(f.column or "")
    return replace(f, table=where, row=row, column=layout.shown(column) if column else column)


# --- entry points ------------------------------------------------------------------------


def printable(text: str) -> str:
    """`text` that can always be printed, logged and stored: bytes that are not UTF-8 (a Linux
    path arrives surrogate-escaped, see os.fsdecode) are written as \\xNN."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no file system produced
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def shown_name(filename: str) -> str:
    """The file's name (its last part), printable (a name with the byte 0xEA: 'di\\xeam.xlsx')."""
    return printable(Path(filename).name or filename)


def _refused(where: str, failures: list[Failure]) -> ImportResult:
    return ImportResult(False, where, failures=tuple(failures))


def _raw(source: str) -> dict[str, pd.DataFrame]:
    try:
        return load_raw(source)[1]
    except DatasetInvalid as exc:
        raise FileRefused(exc.failures) from None


def validate_bytes(
    data: bytes, filename: str, source: str | None = None, table: str | None = None
) -> ImportResult:
    """Check a file against the stored data of `source` (default PAR_DATA_SOURCE); no write."""
    where = shown_name(filename)
    try:
        return plan_import(where, data, _raw(source or data_source()), table).result(where)
    except FileRefused as exc:
        return _refused(where, exc.failures)


def import_bytes(
    data: bytes,
    filename: str,
    into: str | None = None,
    who: str | None = None,
    table: str | None = None,
) -> ImportResult:
    """Validate, then write a new version of `into` (a Parquet folder or SQLAlchemy URL).

    Rows with the key of a stored row replace it; the others are added. Refused files
    change nothing. `who` is logged (default: $USER)."""
    where, into = shown_name(filename), into or data_source()
    entry = _entry_maker(where, data, who or current_user())
    try:
        if is_url(into):
            return _import_sql(where, data, into, table, entry)
        return _import_folder(where, data, Path(into), table, entry)
    except FileRefused as exc:
        return _refused(where, exc.failures)
    except versions.Busy:
        return _refused(where, [_busy(where)])
    except versions.DiskFull:
        return _refused(where, [_disk_full(where)])


def _import_folder(
    where: str, data: bytes, folder: Path, table: str | None, entry: LogEntry
) -> ImportResult:
    before = versions.snapshot(folder) if folder.is_dir() else None
    plan = plan_import(where, data, _raw(str(folder)), table)
    with versions.locked(folder):
        if versions.snapshot(folder) != before:  # another import finished meanwhile
            plan = plan_import(where, data, _raw(str(folder)), table)
        previous = versions.served_name(folder)
        tables = {n: plan.tables[n] for n in plan.changed}
        version = versions.write_version(folder, tables, lambda name: entry(plan, name, previous))
    return plan.result(where, version)


def _import_sql(
    where: str, data: bytes, url: str, table: str | None, entry: LogEntry
) -> ImportResult:
    plan_import(where, data, _raw(url), table)  # refuse early, outside any transaction
    version = versions.timestamp_id()
    plan = sql_store.commit(
        url,
        lambda raw: plan_import(where, data, raw, table),
        lambda plan: {n: plan.tables[n] for n in plan.changed},
        lambda plan, previous: entry(plan, version, previous),
    )
    return plan.result(where, version)


def _busy(where: str) -> Failure:
    return problem(where, "busy", *bilingual("imp_busy"))


def _disk_full(where: str) -> Failure:
    return problem(where, "disk_full", *bilingual("imp_disk_full"))


# --- rollback --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RollbackResult:
    ok: bool
    source: str
    undone: str | None = None  # the version no longer served
    restored: str | None = None  # the version served now
    failures: tuple[Failure, ...] = ()

    def report(self) -> str:
        if self.failures:
            return "\n".join(headed("Không quay lại được / Cannot roll back", self.failures))
        return f"Đã quay lại / Rolled back: {self.source}: {self.undone} -> {self.restored}"


def rollback(into: str | None = None, who: str | None = None) -> RollbackResult:
    """Serve the version before the current one again (Parquet: one step back per call;
    SQL: the `__previous` tables, one step only). Logged like an import."""
    into, who = into or data_source(), who or current_user()

    def entry(version: str | None, previous: str | None) -> dict[str, object]:
        return log_entry("rollback", who, version, previous)

    if not is_url(into) and not Path(into).is_dir():
        return RollbackResult(False, into, failures=(_no_folder(into),))
    try:
        if is_url(into):
            undone, restored = sql_store.rollback(into, entry)
        else:
            undone, restored = _rollback_folder(Path(into), entry)
    except (versions.NothingToRollBack, sql_store.NothingToRollBack):
        return RollbackResult(False, into, failures=(_nothing(into),))
    except versions.Busy:
        return RollbackResult(False, into, failures=(_busy(into),))
    except versions.DiskFull:
        return RollbackResult(False, into, failures=(_disk_full(into),))
    return RollbackResult(True, into, undone, restored)


def _rollback_folder(folder: Path, entry: LogEntry) -> tuple[str, str]:
    with versions.locked(folder):
        return versions.rollback(folder, entry)


def _no_folder(where: str) -> Failure:
    return problem(where, "no_source", *bilingual("check_no_folder"))


def _nothing(where: str) -> Failure:
    return problem(where, "nothing_to_roll_back", *bilingual("imp_nothing_to_roll_back"))


# --- log -------------------------------------------------------------------------------------


def current_user() -> str:
    try:
        return os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _entry_maker(where: str, data: bytes, who: str) -> LogEntry:
    digest = hashlib.sha256(data).hexdigest()

    def entry(plan: Plan, version: str, previous: str | None) -> dict[str, object]:
        return log_entry(
            "import",
            who,
            version,
            previous,
            file=where,
            sha256=digest,
            table_name=plan.table,
            added=plan.added,
            replaced=plan.replaced,
            new_sources=",".join(plan.new_sources),
        )

    return entry


def log_entry(
    action: str, who: str, version: str | None, previous: str | None, **details: object
) -> dict[str, object]:
    """One log record (the same fields in the JSON-lines file and the import_log table)."""
    at = datetime.now(UTC).isoformat(timespec="seconds")
    record = {c: None for c in sql_store.LOG_COLUMNS}
    record.update(at=at, who=who, action=action, version=version, previous=previous, **details)
    return record


def served_version(source: str | None = None) -> str:
    """What identifies the data `source` serves now; it changes with every import and
    rollback (and, for a folder, when its served Parquet files or its dossier records under
    dossiers/ are rewritten, e.g. by `generate`). Cheap for a folder (a few stat calls); one
    query for a database."""
    source = source or data_source()
    if is_url(source):
        return "sql:" + sql_store.last_id(source)
    folder = Path(source)
    if not folder.is_dir():
        return "missing"
    state = (versions.snapshot(folder), records.partition_stamp(folder))
    digest = hashlib.sha256(repr(state).encode("utf-8")).hexdigest()
    return f"{versions.served_name(folder)}@{digest[:16]}"


def import_log(source: str | None = None) -> pd.DataFrame:
    """Every import and rollback of `source`, oldest first (columns: sql_store.LOG_COLUMNS)."""
    source = source or data_source()
    if is_url(source):
        return sql_store.read_log(source)
    entries = versions.read_log(Path(source))
    return pd.DataFrame(entries, columns=list(sql_store.LOG_COLUMNS))
