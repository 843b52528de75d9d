"""The one cached loader and the cached small results built from it.

The dataset is loaded once per source with `st.cache_resource`: every session shares the same
frames, which are never copied and never mutated. Small results of `indicators.views` are kept
with `st.cache_data` (a copy per hit is cheap for them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from indicators import views
from indicators.dataset import Dataset, load_dataset
from indicators.settings import data_source
from indicators.validation import DatasetInvalid

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def _dataset(source: str) -> Dataset:
    """Loaded and validated once per source; raises DatasetInvalid (not cached)."""
    return load_dataset(source)


def dataset() -> Dataset:
    return _dataset(data_source())


@st.cache_data(show_spinner=False, max_entries=1024)
def _view(source: str, name: str, args: tuple[Any, ...]) -> Any:
    return getattr(views, name)(_dataset(source), *args)


def view(fn: Callable[..., T], *args: Any) -> T:
    """`fn(dataset, *args)` for a function of indicators.views, cached per source and args."""
    _check(fn)
    return _view(data_source(), fn.__name__, tuple(args))


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
    return view(views.build_catalog)


def show_invalid(exc: DatasetInvalid) -> None:
    """The validation report (Vietnamese / English) in an error box, never a traceback."""
    head, *lines = str(exc).splitlines()
    body = "\n".join(lines)
    st.error(f"**{head}**\n\n```\n{body}\n```" if body else f"**{head}**")
