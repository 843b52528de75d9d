"""The one cached loader and the cached small results built from it.

The dataset is loaded once per source and served version with `st.cache_resource`: every
session shares the same frames, which are never copied and never mutated. Small results of
`indicators.views` are kept with `st.cache_data` (a copy per hit is cheap for them). Both are
keyed by the version the source serves (`indicators.importing.served_version`: the CURRENT
pointer and the served files of a Parquet folder, the last import_log row of a database), so
that after an import or a rollback (from the /data page, the command line or another server)
every session shows the new figures on its next run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import views
from indicators.dataset import Dataset, is_url, load_dataset
from indicators.importing import served_version
from indicators.importing.display import read_at_text
from indicators.settings import SettingInvalid, data_source, refresh_minutes, refresh_period
from indicators.validation import DatasetInvalid

T = TypeVar("T")


SQL_VERSION_TTL = 5  # seconds a database's served version is trusted without asking again


@st.cache_data(show_spinner=False, ttl=SQL_VERSION_TTL, max_entries=16)
def _sql_version(source: str) -> str:
    return served_version(source)


def version(source: str | None = None) -> str:
    """The version `source` (default: the data source) serves now: a few stat calls for a
    folder, one query at most every SQL_VERSION_TTL seconds for a database, which changes
    too with every PAR_REFRESH_MINUTES period (raises SettingInvalid for a bad value)."""
    source = source or data_source()
    minutes = refresh_minutes()  # read for a folder too: a bad value is reported at once
    if not is_url(source):
        return served_version(source)
    return _sql_version(source) + refresh_period(time.time(), minutes)


READ_AT = ("read_at",)  # Dataset.derived key: when the served dataset was read (ISO, UTC)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset(source: str, served: str) -> Dataset:
    """Loaded and validated once per source and version; raises DatasetInvalid (not cached).
    Where the source holds dossier records, dossier_stats comes from them (one GROUP BY in
    DuckDB or the database, see indicators.records.dataset_with_records).

    The loaded frames and every module are then moved out of the garbage collector's sight
    (gc.freeze): a full collection (Python's own, and Streamlit's after every rerun where
    runner.postScriptGC is on; .streamlit/config.toml turns it off) no longer walks them,
    which halved the server's CPU per filter change (bench/RESULTS.md). gc.unfreeze first
    lets a replaced dataset be collected."""
    import gc

    from indicators.records import dataset_with_records

    gc.unfreeze()
    loaded = dataset_with_records(load_dataset(source))
    loaded.derived(READ_AT, _now)
    gc.collect()
    gc.freeze()
    return loaded


def dataset() -> Dataset:
    source = data_source()
    return _dataset(source, version(source))


def show_read_at(where: DeltaGenerator, lang: str) -> None:
    """For a database read again every PAR_REFRESH_MINUTES: when the figures on screen were
    read (they may change between two looks at a meeting)."""
    source, minutes = data_source(), refresh_minutes()
    if is_url(source) and minutes > 0:
        where.caption(read_at_text(dataset().derived(READ_AT, _now), minutes, lang))


@st.cache_data(show_spinner=False, max_entries=1024)
def _view(source: str, served: str, name: str, args: tuple[Any, ...]) -> Any:
    return getattr(views, name)(_dataset(source, served), *args)


def view(fn: Callable[..., T], *args: Any) -> T:
    """`fn(dataset, *args)` for a function of indicators.views, cached per source, version
    and args."""
    _check(fn)
    source = data_source()
    return _view(source, version(source), fn.__name__, tuple(args))


def refresh() -> None:
    """After an import or a rollback: forget every cached version (the memory is freed and
    the next run loads what the source serves now)."""
    _sql_version.clear()
    _dataset.clear()
    _view.clear()
    _on_frame.clear()


@st.cache_data(show_spinner=False, max_entries=256)
def _on_frame(name: str, frame: pd.DataFrame, args: tuple[Any, ...]) -> Any:
    return getattr(views, name)(frame, *args)


def on_frame(fn: Callable[..., T], frame: pd.DataFrame, *args: Any) -> T:
    """`fn(frame, *args)` for a function of indicators.views, cached by the frame's content."""
    _check(fn)
    return _on_frame(fn.__name__, frame, tuple(args))


def _check(fn: Callable[..., Any]) -> None:
    if getattr(views, fn.__name__, None) is not fn:
        raise ValueError(f"{fn.__name__} is not a function of indicators.views")


def catalog() -> views.Catalog:
    """The filters' choices, built once per dataset and shared (not copied at every run)."""
    loaded = dataset()
    return loaded.derived(("catalog",), lambda: views.build_catalog(loaded))


def show_invalid(exc: DatasetInvalid | SettingInvalid) -> None:
    """The validation report or the bad setting (Vietnamese / English) in an error box,
    never a traceback."""
    head, *lines = str(exc).splitlines()
    body = "\n".join(lines)
    st.error(f"**{head}**\n\n```\n{body}\n```" if body else f"**{head}**")
