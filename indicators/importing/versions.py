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
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
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


class Busy(RuntimeError):
    """Another import or rollback held the lock for longer than the timeout."""


class NothingToRollBack(RuntimeError):
    """The folder serves its original files: there is no earlier version."""


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
        yield
    finally:
        os.close(fd)


def served_name(folder: Path) -> str:
    """CURRENT's value: '.' or 'versions/<id>'."""
    pointer = folder / POINTER
    return pointer.read_text("utf-8").strip() if pointer.is_file() else BASE


def write_version(folder: Path, changed: dict[str, pd.DataFrame]) -> str:
    """A new version with the `changed` tables (typed) and the other tables of the served
    version copied byte for byte; serve it. Returns 'versions/<id>'. Call under `locked`."""
    served, parent = current_version(folder), served_name(folder)
    shutil.rmtree(folder / STAGING, ignore_errors=True)  # what a killed import left
    version_id = _new_id(folder)
    staging = folder / STAGING / version_id
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
    _test_pause()
    (folder / VERSIONS).mkdir(exist_ok=True)
    os.rename(staging, folder / VERSIONS / version_id)
    _fsync(folder / VERSIONS)
    name = f"{VERSIONS}/{version_id}"
    _switch(folder, name)
    return name


def rollback(folder: Path) -> tuple[str, str]:
    """Serve the version the current one was made from; (undone, restored). Call under
    `locked`. The undone version stays in versions/ (nothing is deleted)."""
    current = served_name(folder)
    if current == BASE:
        raise NothingToRollBack(str(folder))
    parent = (folder / current / PARENT).read_text("utf-8").strip()
    _switch(folder, parent)
    return current, parent


def _switch(folder: Path, target: str) -> None:
    """Replace CURRENT atomically (write, fsync, rename over, fsync the folder)."""
    (folder / STAGING).mkdir(exist_ok=True)
    tmp = folder / STAGING / f"{POINTER}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(target + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / POINTER)
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


def append_log(folder: Path, entry: dict[str, object]) -> None:
    """Append one JSON line (O_APPEND, fsynced)."""
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    fd = os.open(folder / LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_log(folder: Path) -> list[dict[str, object]]:
    """The log's entries, oldest first; a torn last line (a crash while writing) is skipped."""
    path = folder / LOG
    if not path.exists():
        return []
    entries = []
    for line in path.read_text("utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries
