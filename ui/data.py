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

import importlib
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from indicators import served as shared
from indicators import views
from indicators.charts import registry
from indicators.dataset import Dataset, is_url
from indicators.escaping import inert
from indicators.importing import served_version
from indicators.importing.display import read_at_text
from indicators.settings import SettingInvalid, data_source, refresh_minutes, refresh_period
from indicators.validation import DatasetInvalid

T = TypeVar("T")


SQL_VERSION_TTL = 5  # seconds a database's served version is trusted without asking again


@st.cache_data(show_spinner=False, ttl=SQL_VERSION_TTL, max_entries=16)
def _sql_version(source: str) -> str:
    return served_version(source)


def _version_now(source: str) -> str:
    minutes = refresh_minutes()  # read for a folder too: a bad value is reported at once
    if not is_url(source):
        return served_version(source)
    return _sql_version(source) + refresh_period(time.time(), minutes)


_RUN_VERSION = "_served_version_of_run"  # session key: (source, version) read by begin_run


def begin_run() -> None:
    """At the start of every run (dashboard.py): read the version the source serves once for
    the whole run. Every cached call of the run is keyed by it, and asking the source at each
    (a few stat calls for a folder, ~0,7 ms) added up to a tenth of a filter change; one run
    also draws all its charts from one version. Raises SettingInvalid for a bad value."""
    source = data_source()
    st.session_state[_RUN_VERSION] = (source, _version_now(source))


def version(source: str | None = None) -> str:
    """The version `source` (default: the data source) serves: the one read at the start of
    this run (begin_run), or now (a few stat calls for a folder, one query at most every
    SQL_VERSION_TTL seconds for a database, which changes too with every PAR_REFRESH_MINUTES
    period; raises SettingInvalid for a bad value)."""
    source = source or data_source()
    kept = st.session_state.get(_RUN_VERSION)
    if kept is not None and kept[0] == source:
        return kept[1]
    return _version_now(source)


READ_AT = shared.READ_AT  # Dataset.derived key: when the served dataset was read (ISO, UTC)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_DEMO = "_demo_on"  # session key: this session shows the demo layer (set by dashboard.py)


def use_demo(on: bool) -> None:
    """Whether this session's runs read the dataset with the generated demo layer."""
    st.session_state[_DEMO] = bool(on)


def demo_on() -> bool:
    return bool(st.session_state.get(_DEMO, False))


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset(source: str, served: str, demo: bool = False) -> Dataset:
    """Loaded and validated once per source, version and demo switch; raises DatasetInvalid
    (not cached). indicators.dataset.load_dataset computes dossier_stats from the source's
    dossier records where it holds them, and adds the demo layer when `demo` is on; the load
    goes through indicators.served, so the data routes (indicators.api) share the same frames.

    The loaded frames and every module are then moved out of the garbage collector's sight
    (gc.freeze): a full collection (Python's own, and Streamlit's after every rerun where
    runner.postScriptGC is on; .streamlit/config.toml turns it off) no longer walks them,
    which halved the server's CPU per filter change (bench/RESULTS.md). gc.unfreeze first
    lets a replaced dataset be collected."""
    import gc

    gc.unfreeze()
    loaded = shared.dataset(source, served, demo)
    gc.collect()
    gc.freeze()
    return loaded


def dataset() -> Dataset:
    source = data_source()
    return _dataset(source, version(source), demo_on())


def show_read_at(where: DeltaGenerator, lang: str) -> None:
    """For a database read again every PAR_REFRESH_MINUTES: when the figures on screen were
    read (they may change between two looks at a meeting)."""
    source, minutes = data_source(), refresh_minutes()
    if is_url(source) and minutes > 0:
        where.caption(read_at_text(dataset().derived(READ_AT, _now), minutes, lang))


@st.cache_data(show_spinner=False, max_entries=1024)
def _computed(
    source: str, served: str, demo: bool, module: str, name: str, args: tuple[Any, ...]
) -> Any:
    return getattr(importlib.import_module(module), name)(_dataset(source, served, demo), *args)


def view(fn: Callable[..., T], *args: Any) -> T:
    """`fn(dataset, *args)` for a function of the indicators package that takes the dataset
    first (indicators.views, indicators.presentation), computed once per source, served
    version, demo switch and args: the one cache of results (a small copy per hit), keyed by
    what the source serves, never by an object's identity."""
    module = fn.__module__
    if not module.startswith("indicators.") or getattr(sys.modules[module], fn.__name__) is not fn:
        raise ValueError(f"{fn.__name__} is not a function of the indicators package")
    source = data_source()
    return _computed(source, version(source), demo_on(), module, fn.__name__, tuple(args))


def frame(key: str, filters: views.Filters) -> pd.DataFrame:
    """The rows of the chart `key` (indicators.charts.registry) through `view`: the same cache
    entry as its view called by hand, keyed by the few filters it reads."""
    chart = registry.spec(key)
    return view(chart.view, *chart.args(filters))


def goals(key: str, filters: views.Filters) -> pd.DataFrame | None:
    """The official targets chart `key` draws (None: it draws none), through `view`."""
    chart = registry.spec(key)
    return view(views.chart_goals, *registry.goal_args(chart, filters)) if chart.goals else None


@st.cache_resource(show_spinner=False, max_entries=512)
def _drawn_figure(
    source: str, served: str, demo: bool, key: str, filters: views.Filters, _finish: Callable
) -> tuple[Any, Any]:
    figure = registry.figure(key, frame(key, filters), filters, goals(key, filters))
    return figure, _finish(figure)


def figure(key: str, filters: views.Filters, finish: Callable[[Any], T]) -> tuple[Any, T]:
    """The figure of chart `key` with the official targets' lines, and what `finish` made of
    it (ui.render.heading_of: the title taken out to be written above the chart), built once
    per source, served version, demo switch and filters and shared by every session: a
    Plotly figure is slow to build (each property validated), so at every filter change
    building both charts of a page cost more than drawing them. The figure is never changed
    after `finish` (st.plotly_chart and the downloads only read it). `finish` is not part of
    the key: the pages pass the one finisher."""
    source = data_source()
    return _drawn_figure(source, version(source), demo_on(), key, filters, finish)


def refresh() -> None:
    """After an import or a rollback: forget every cached version (the memory is freed and
    the next run loads what the source serves now)."""
    st.session_state.pop(_RUN_VERSION, None)  # this run reads the new version from here on
    _sql_version.clear()
    _dataset.clear()
    _computed.clear()
    _drawn_figure.clear()
    shared.clear()


def catalog() -> views.Catalog:
    """The filters' choices, built once per dataset and shared (not copied at every run)."""
    loaded = dataset()
    return loaded.derived(("catalog",), lambda: views.build_catalog(loaded))


def show_invalid(exc: DatasetInvalid | SettingInvalid) -> None:
    """The validation report or the bad setting (Vietnamese / English) in an error box,
    never a traceback; what the data or the setting holds shows as text (the head inert, the
    report in a code block that no backtick run of its own can close)."""
    head, *lines = str(exc).splitlines()
    body = "\n".join(lines)
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", body)), default=0))
    text = f"**{inert(head)}**"
    st.error(f"{text}\n\n{fence}\n{body}\n{fence}" if body else text)
