"""Versioned Parquet folders: atomic switch, rollback, lock and the append-only import log.

Layout of a data folder after the first import (the bundled `data/` starts without any):

    CURRENT                 one line: the version served, "versions/<id>" or "." (the
                            folder's own *.parquet, i.e. the data before the first import)
    versions/<id>/          a complete dataset (one Parquet file per table) + PARENT, the
                            version it was made from (rollback goes back to it); never modified
    import_log.jsonl        one JSON object per import or rollback, appended
    .import/lock            flock(2) target: imports and rollbacks run one at a time
    .import/staging/        a version being written; a killed import leaves it behind and
                            the next import deletes it. Nothing in .import/ is data.

A new version is written to .import/staging/<id>, every file and directory fsynced, renamed into
versions/ and then served by replacing CURRENT with os.replace (atomic): a reader, or a
process killed at any point, sees either the old or the new dataset, never a mixture.

The switch and its log entry are one step: the entry is appended (fsynced) just before CURRENT
is replaced, marked as written before its switch. A process killed between the two leaves an
entry whose version was never served: `read_log` ignores it and the next import or rollback
removes it (under the lock), so the log always ends with the version served. A full disk
(ENOSPC, EDQUOT) leaves nothing behind (no staged or unserved version, no log line) and raises
DiskFull; the old version stays served.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.dataset import POINTER, _for_storage, current_version

VERSIONS = "versions"
WORK = ".import"  # bookkeeping, never data
STAGING = f"{WORK}/staging"
LOCK = f"{WORK}/lock"
LOG = "import_log.jsonl"
PARENT = "PARENT"
BASE = "."  # CURRENT's value for the folder's own files
PAUSE_ENV = "PAR_IMPORT_TEST_PAUSE"  # test hook: seconds to sleep before the switch
LOCK_TIMEOUT = 300.0
BEFORE_SWITCH = "written_before_switch"  # marks a log entry appended before its switch
FULL = (errno.ENOSPC, errno.EDQUOT)
Entry = dict[str, object]


class Busy(RuntimeError):
    """Another import or rollback held the lock for longer than the timeout."""


class NothingToRollBack(RuntimeError):
    """The folder serves its original files: there is no earlier version."""


class DiskFull(RuntimeError):
    """The disk (or quota) is full: nothing was written, the old version is still served."""


@contextmanager
def full_disk_reported(where: str) -> Iterator[None]:
    """OSError ENOSPC/EDQUOT raised inside becomes DiskFull (the caller cleans up first)."""
    try:
        yield
    except OSError as exc:
        if exc.errno in FULL:
            raise DiskFull(where) from exc
        raise


def snapshot(folder: Path) -> tuple:
    """What identifies the data served now (to tell whether it changed meanwhile)."""
    pointer = folder / POINTER
    served = current_version(folder)
    files = []
    for name in s.TABLES:
        path = served / f"{name}.parquet"
        if path.exists():
            st = path.stat()
            files.append((name, st.st_size, st.st_mtime_ns, st.st_ino))
    return (pointer.read_text("utf-8") if pointer.is_file() else None, tuple(files))


@contextmanager
def locked(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the folder's import lock (released on exit, or by the kernel if killed)."""
    with full_disk_reported(str(folder)):  # the first lock file needs a little room
        (folder / WORK).mkdir(exist_ok=True)
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise Busy(str(folder)) from None
                time.sleep(0.05)
        settle_log(folder)
        yield
    finally:
        os.close(fd)


def served_name(folder: Path) -> str:
    """CURRENT's value: '.' or 'versions/<id>'."""
    pointer = folder / POINTER
    return pointer.read_text("utf-8").strip() if pointer.is_file() else BASE


def write_version(
    folder: Path, changed: dict[str, pd.DataFrame], entry: Callable[[str], Entry]
) -> str:
    """A new version with the `changed` tables (typed) and the other tables of the served
    version copied byte for byte; log `entry(name)` and serve it. Returns 'versions/<id>'.
    Call under `locked`. On an OSError nothing is left behind (DiskFull when the disk is full)."""
    served, parent = current_version(folder), served_name(folder)
    shutil.rmtree(folder / STAGING, ignore_errors=True)  # what a killed import left
    version_id = _new_id(folder)
    staging, name = folder / STAGING / version_id, f"{VERSIONS}/{version_id}"
    with full_disk_reported(str(folder)):
        try:
            _stage(staging, served, parent, changed)
            _test_pause()
            (folder / VERSIONS).mkdir(exist_ok=True)
            os.rename(staging, folder / name)
            _fsync(folder / VERSIONS)
            _log_and_switch(folder, name, entry(name))
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if served_name(folder) != name:  # never served: not a version
                shutil.rmtree(folder / name, ignore_errors=True)
            raise
    return name


def _stage(staging: Path, served: Path, parent: str, changed: dict[str, pd.DataFrame]) -> None:
    """Write the complete version into `staging`, every file and the folder fsynced."""
    staging.mkdir(parents=True)
    for name, table in s.TABLES.items():
        target = staging / f"{name}.parquet"
        if name in changed:
            _for_storage(changed[name], table).to_parquet(target, index=False)
        else:
            shutil.copyfile(served / f"{name}.parquet", target)
        _fsync(target)
    (staging / PARENT).write_text(parent + "\n", "utf-8")
    _fsync(staging / PARENT)
    _fsync(staging)


def rollback(folder: Path, entry: Callable[[str, str], Entry]) -> tuple[str, str]:
    """Serve the version the current one was made from, logged as `entry(restored, undone)`;
    (undone, restored). Call under `locked`. The undone version stays in versions/ (nothing
    is deleted)."""
    current = served_name(folder)
    if current == BASE:
        raise NothingToRollBack(str(folder))
    parent = (folder / current / PARENT).read_text("utf-8").strip()
    with full_disk_reported(str(folder)):
        _log_and_switch(folder, parent, entry(parent, current))
    return current, parent


def _log_and_switch(folder: Path, target: str, entry: Entry) -> None:
    """Append `entry` (its version is `target`), then serve `target`: one step, as a reader
    sees it (see read_log). A failed switch takes its log line back."""
    end = append_log(folder, {**entry, BEFORE_SWITCH: True})
    try:
        _switch(folder, target)
    except OSError:
        if served_name(folder) != target:
            _truncate_log(folder, end)
        raise


def _switch(folder: Path, target: str) -> None:
    """Replace CURRENT atomically (write, fsync, rename over, fsync the folder)."""
    (folder / STAGING).mkdir(exist_ok=True)
    tmp = folder / STAGING / f"{POINTER}.{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(target + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / POINTER)
    finally:
        tmp.unlink(missing_ok=True)
    _fsync(folder)


def timestamp_id() -> str:
    """A sortable id of now, in UTC: 20250101T093000.123456Z."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")


def _new_id(folder: Path) -> str:
    stamp = timestamp_id()
    version_id, n = stamp, 1
    while (folder / VERSIONS / version_id).exists():
        version_id, n = f"{stamp}-{n}", n + 1
    return version_id


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _test_pause() -> None:
    """Test hook: with PAR_IMPORT_TEST_PAUSE=N, sleep N s before switching (to be killed)."""
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        print(f"{PAUSE_ENV}: new version written, pausing {seconds} s", file=sys.stderr, flush=True)
        time.sleep(float(seconds))


def append_log(folder: Path, entry: Entry) -> int:
    """Append one JSON line (O_APPEND, fsynced); the log's size before it (a failed write is
    cut off again, so no torn line is left for the next entry to be glued to)."""
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    data = line.encode("utf-8", "backslashreplace")
    fd = os.open(folder / LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        end = os.fstat(fd).st_size
        try:
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, end)
            raise
    finally:
        os.close(fd)
    return end


def _truncate_log(folder: Path, size: int) -> None:
    fd = os.open(folder / LOG, os.O_WRONLY)
    try:
        os.ftruncate(fd, size)
        os.fsync(fd)
    finally:
        os.close(fd)


def _unserved(entry: object, served: str) -> bool:
    """An entry appended before a switch that never happened (the process was killed)."""
    return (
        isinstance(entry, dict)
        and entry.get(BEFORE_SWITCH) is True
        and entry.get("version") != served
        and entry.get("previous") == served
    )


def _lines(folder: Path) -> list[bytes]:
    path = folder / LOG
    return path.read_bytes().splitlines(keepends=True) if path.exists() else []


def _parsed(line: bytes) -> object:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def settle_log(folder: Path) -> None:
    """Under the lock, before a new entry: cut off a torn last line (a crash while writing)
    and an entry whose switch never happened, so the log ends with the version served."""
    lines = _lines(folder)
    keep = len(lines)
    if keep and not lines[-1].endswith(b"\n"):
        keep -= 1
    if keep and _unserved(_parsed(lines[keep - 1]), served_name(folder)):
        keep -= 1
    if keep < len(lines):
        _truncate_log(folder, sum(len(line) for line in lines[:keep]))


def read_log(folder: Path) -> list[dict[str, object]]:
    """The log's entries, oldest first; a torn line (a crash while writing) and a last entry
    whose version was never switched to are skipped."""
    entries = [e for e in map(_parsed, _lines(folder)) if isinstance(e, dict)]
    if entries and _unserved(entries[-1], served_name(folder)):
        entries.pop()
    return entries
