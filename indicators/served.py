"""The dataset a server process serves, loaded once per source, served version and demo
switch, and shared by everything in the process: the dashboard's sessions (ui.data keeps it in
its `st.cache_resource`, which calls `dataset` here) and the data routes (indicators.api).

The version is what the source serves now (indicators.importing.served_version: a few stat
calls for a folder, one query for a database, asked at most every SQL_VERSION_TTL seconds),
with the PAR_REFRESH_MINUTES period of a database, exactly as ui.data keys its caches, so that
after an import or a rollback both read the new data and share one copy of it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime

from indicators.dataset import Dataset, is_url, load_dataset
from indicators.importing import served_version
from indicators.settings import data_source, refresh_minutes, refresh_period

MAX_ENTRIES = 4  # as ui.data's cache: two versions, with and without the demo layer
SQL_VERSION_TTL = 5.0  # seconds a database's served version is trusted without asking again
READ_AT = ("read_at",)  # Dataset.derived key: when the dataset was read (ISO, UTC)

_lock = threading.Lock()
_loaded: OrderedDict[tuple[str, str, bool], Dataset] = OrderedDict()
_sql_versions: dict[str, tuple[float, str]] = {}


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def version(source: str) -> str:
    """The version `source` serves now (see the module); raises SettingInvalid for a bad
    PAR_REFRESH_MINUTES."""
    minutes = refresh_minutes()
    if not is_url(source):
        return served_version(source)
    clock = time.monotonic()
    asked = _sql_versions.get(source)
    if asked is None or clock - asked[0] > SQL_VERSION_TTL:
        asked = (clock, served_version(source))
        _sql_versions[source] = asked
    return asked[1] + refresh_period(time.time(), minutes)


def dataset(source: str, served: str, demo: bool) -> Dataset:
    """The dataset of `source` at version `served`, with the demo layer when `demo`: loaded on
    first use (raises DatasetInvalid, not kept), then shared; the least recently used of more
    than MAX_ENTRIES is forgotten."""
    key = (source, served, bool(demo))
    with _lock:  # one load at a time: two first requests wait for one load, not two
        if key in _loaded:
            _loaded.move_to_end(key)
            return _loaded[key]
        loaded = load_dataset(source, demo=bool(demo))
        loaded.derived(READ_AT, now_iso)
        _loaded[key] = loaded
        while len(_loaded) > MAX_ENTRIES:
            _loaded.popitem(last=False)
        return loaded


def current(demo: bool = False) -> tuple[Dataset, str]:
    """The dataset the dashboard serves now (PAR_DATA_SOURCE) and its version."""
    source = data_source()
    served = version(source)
    return dataset(source, served, demo), served


def read_at(loaded: Dataset) -> str:
    """When `loaded` was read (ISO 8601, UTC)."""
    return loaded.derived(READ_AT, now_iso)


def clear() -> None:
    """Forget every loaded dataset and version (after an import or a rollback)."""
    with _lock:
        _loaded.clear()
        _sql_versions.clear()
