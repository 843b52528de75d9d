"""Which import wrote which rows: for every (table, unit, year), who imported which file, when.

A Parquet folder keeps every version (indicators.importing.versions): the served version's
chain of parents is walked and each import's table compared with its parent's, so a row is
credited to the last import that added or changed it (a rolled-back import is no longer in the
chain). A database keeps only the previous version, so there a row is credited to the import
that brought its source (the log's `new_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.dataset import Dataset, is_url, read_parquet_tables
from indicators.explain import ImportRecord, Imports
from indicators.importing import versions
from indicators.importing.display import vietnam_time
from indicators.importing.service import import_log

Key = tuple[str, str, int]


def _record(entry: dict) -> ImportRecord:
    return ImportRecord(
        table=str(entry.get("table_name") or ""),
        file=str(entry.get("file") or ""),
        who=str(entry.get("who") or ""),
        at=vietnam_time(entry.get("at")),
        version=None if entry.get("version") is None else str(entry["version"]),
    )


def _chain(folder: Path) -> list[str]:
    """The served version and its parents, oldest first ('.' is the folder's own files)."""
    chain, name = [], versions.served_name(folder)
    while name != versions.BASE and name not in chain:
        chain.append(name)
        parent = folder / name / versions.PARENT
        name = parent.read_text("utf-8").strip() if parent.is_file() else versions.BASE
    return [*reversed(chain)]


def _table(folder: Path, name: str, table: str) -> pd.DataFrame:
    where = folder if name == versions.BASE else folder / name
    return read_parquet_tables(where, [table]).get(table, pd.DataFrame())


def _changed(new: pd.DataFrame, old: pd.DataFrame) -> pd.DataFrame:
    """The rows of `new` that `old` does not hold as they are (added or changed)."""
    if old.empty:
        return new
    columns = [c for c in new.columns if c in old.columns]
    as_text = lambda frame: frame[columns].astype(str)  # noqa: E731
    old_rows = set(map(tuple, as_text(old).itertuples(index=False)))
    keep = [row not in old_rows for row in map(tuple, as_text(new).itertuples(index=False))]
    return new[keep]


def _keys(rows: pd.DataFrame, table: str) -> set[Key]:
    if rows.empty or s.UNIT_CODE not in rows.columns or s.YEAR not in rows.columns:
        return set()
    known = rows[rows[s.UNIT_CODE].notna() & rows[s.YEAR].notna()]
    return {(table, str(u), int(y)) for u, y in zip(known[s.UNIT_CODE], known[s.YEAR], strict=True)}


def _folder_history(folder: Path) -> dict[Key, ImportRecord]:
    entries = {
        str(e.get("version")): e for e in versions.read_log(folder) if e.get("action") == "import"
    }
    out: dict[Key, ImportRecord] = {}
    parent = versions.BASE
    for name in _chain(folder):
        entry = entries.get(name)
        table = str(entry.get("table_name") or "") if entry else ""
        if entry and table in s.TABLES:
            new, old = _table(folder, name, table), _table(folder, parent, table)
            for key in _keys(_changed(new, old), table):
                out[key] = _record(entry)  # the latest import of the rows wins
        parent = name
    return out


def _sql_history(dataset: Dataset) -> dict[Key, ImportRecord]:
    out: dict[Key, ImportRecord] = {}
    log = import_log(dataset.source)
    for entry in log[log["action"] == "import"].to_dict("records"):
        table, brought = str(entry.get("table_name") or ""), str(entry.get("new_sources") or "")
        ids = {i for i in brought.split(",") if i}
        if table not in s.TABLES or not ids:
            continue
        rows = dataset.table(table)
        mine = rows[
            rows[s.SOURCE_ID].map(
                lambda v, ids=ids: isinstance(v, str) and bool(set(s.source_id_list(v)) & ids)
            )
        ]
        for key in _keys(mine, table):
            out[key] = _record(entry)
    return out


def import_history(dataset: Dataset) -> Imports:
    """(table, unit_code, year) -> the import that last wrote rows of it (none: published)."""
    source = dataset.source
    if is_url(source):
        found = _sql_history(dataset)
    else:
        folder = Path(source)
        found = _folder_history(folder) if (folder / versions.LOG).is_file() else {}
    return {key: (record,) for key, record in found.items()}
