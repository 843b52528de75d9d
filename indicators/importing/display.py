"""The import's results as tables for a page: the problems of a refused file and the import log.

Every cell is plain text or a number (the page shows them as text, never as HTML or Markdown).
Column names are stable identifiers; the UI gives them labels in its language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone

import pandas as pd

from indicators.formatting import fmt_number
from indicators.i18n import t
from indicators.validation import Failure

VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving time in Viet Nam
FAILURE_COLUMNS = ("table", "row", "column", "value", "rule", "vi", "en")
LOG_SHOWN = ("at", "who", "action", "file", "table_name", "added", "replaced", "version")


def shown_value(value: object) -> str:
    """A cell as the user typed it (numbers without numpy noise); empty when there is none."""
    if value is None:
        return ""
    value = value.item() if hasattr(value, "item") else value
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def failure_rows(failures: Iterable[Failure]) -> pd.DataFrame:
    """One row per problem: table (or file), row, column, value, rule, Vietnamese, English."""
    rows = [
        (f.table, f.row, f.column or "", shown_value(f.value), f.rule, f.vi, f.en) for f in failures
    ]
    frame = pd.DataFrame(rows, columns=list(FAILURE_COLUMNS))
    frame["row"] = frame["row"].astype("Int64")
    return frame.astype({c: "string" for c in FAILURE_COLUMNS if c != "row"})


def vietnam_time(at: object) -> str:
    """An ISO time of the log ('2025-03-05T02:30:00+00:00') as dd/mm/yyyy HH:MM:SS, UTC+7."""
    text = shown_value(at)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M:%S")


def read_at_text(read_at: str, minutes: float, lang: str) -> str:
    """When a database's data was read and how often it is read again (PAR_REFRESH_MINUTES),
    for the figures of a live source: they may change between two looks."""
    decimals = 0 if float(minutes).is_integer() else 1
    return t(
        "data_read_at", lang, at=vietnam_time(read_at), minutes=fmt_number(minutes, lang, decimals)
    )


def log_rows(log: pd.DataFrame) -> pd.DataFrame:
    """The import log for the page: newest first, times in Viet Nam, counts as whole numbers."""
    out = log.reindex(columns=list(LOG_SHOWN)).iloc[::-1].reset_index(drop=True)
    out["at"] = out["at"].map(vietnam_time)
    for column in ("added", "replaced"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Int64")
    text = [c for c in LOG_SHOWN if c not in ("added", "replaced")]
    out[text] = out[text].map(shown_value)
    return out.astype({c: "string" for c in text})
