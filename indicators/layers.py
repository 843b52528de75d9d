"""The demo layer: generated rows added to a dataset only when a user switches demo data on.

The bundled folder `data/` holds published figures only; `data/demo/` holds what the seeded
generator (indicators.build) made to fill the gaps: scores of the units whose score was not
published, procedure catalogues and dossier counts. Every row of it carries `demo = true`
and the source `demo`. It is laid over a source's own tables, never under them:

- par_scores: a generated row is added where the source has no row of that index, unit, year
  and component; where the source has a row without a score (a published rank whose score was
  not printed), the row gets the generated score and becomes a demo row (its published rank
  and source stay);
- procedures, dossier_stats: the generated rows of a unit and year are added only when the
  source has no row of that unit and year (an office's own data is never mixed with them);
- units, successions and figures are the source's alone; the layer's `sources` adds the one
  source that names the generator.

A folder source may carry its own layer in `<folder>/demo/`; every other source uses the
bundled one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.settings import BUNDLED_DATA
from indicators.validation import DatasetInvalid, check_references, check_table

DEMO_DIR = "demo"
DEMO_TABLES = ("sources", "par_scores", "procedures", "dossier_stats")
DEMO_SOURCE = "demo"  # the id of the generator's source row
FILLED_NOTE = "điểm minh họa / demo score"


def demo_folder(source: str) -> Path:
    """Where the demo layer of `source` is: its own `demo/` or the bundled one."""
    if "://" not in source and (Path(source) / DEMO_DIR).is_dir():
        return Path(source) / DEMO_DIR
    return BUNDLED_DATA / DEMO_DIR


def read_demo_layer(folder: Path) -> dict[str, pd.DataFrame]:
    """The layer's tables, typed; a missing or broken layer is reported like a dataset."""
    from indicators.dataset import read_parquet_tables  # the one reader of Parquet tables

    raw = read_parquet_tables(folder, DEMO_TABLES)
    typed: dict[str, pd.DataFrame] = {}
    failures = []
    for name in DEMO_TABLES:
        table = s.TABLES[name]
        frame = raw.get(name, s.empty_frame(table))
        typed[name], problems = check_table(table, frame)
        failures += [p for p in problems if p.table == name]
    if failures:
        raise DatasetInvalid(failures)
    return typed


def _keys(frame: pd.DataFrame, columns: list[str]) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[columns].astype(object).where(frame[columns].notna()))


def _scores(real: pd.DataFrame, demo: pd.DataFrame) -> pd.DataFrame:
    key = list(s.PAR_SCORES.key)
    demo_keys, real_keys = _keys(demo, key), _keys(real, key)
    added = demo[~demo_keys.isin(real_keys)]
    fill = demo[demo_keys.isin(real_keys)].set_index(key)[s.SCORE]
    out = real.copy()
    if not fill.empty:
        wanted = pd.Series(real_keys.map(fill.to_dict()), index=real.index, dtype="Float64")
        filled = out[s.SCORE].isna() & wanted.notna()
        out.loc[filled, s.SCORE] = wanted[filled]
        out.loc[filled, s.DEMO] = True
        out.loc[filled, s.NOTE] = [
            FILLED_NOTE if pd.isna(n) else f"{n} | {FILLED_NOTE}" for n in out.loc[filled, s.NOTE]
        ]
    return pd.concat([out, added], ignore_index=True)


def _unit_years(real: pd.DataFrame, demo: pd.DataFrame) -> pd.DataFrame:
    """The demo rows of the unit-years the source has no row of."""
    key = [s.UNIT_CODE, s.YEAR]
    added = demo[~_keys(demo, key).isin(_keys(real, key))]
    return pd.concat([real, added], ignore_index=True)


def overlay(tables: dict[str, pd.DataFrame], layer: dict[str, pd.DataFrame]) -> dict:
    """The source's typed tables with the demo layer laid over them (see the module)."""
    out = dict(tables)
    known = set(tables["sources"][s.ID])
    extra = layer["sources"][~layer["sources"][s.ID].isin(known)]
    out["sources"] = pd.concat([tables["sources"], extra], ignore_index=True)
    out["par_scores"] = _scores(tables["par_scores"], layer["par_scores"])
    for name in ("procedures", "dossier_stats"):
        out[name] = _unit_years(tables[name], layer[name])
    units = set(tables["units"][s.CODE])
    for name in ("par_scores", "procedures", "dossier_stats"):  # units the source lacks
        out[name] = out[name][out[name][s.UNIT_CODE].isin(units)].reset_index(drop=True)
    return {name: frame.astype(tables[name].dtypes.to_dict()) for name, frame in out.items()}


def with_demo_layer(tables: dict[str, pd.DataFrame], source: str) -> dict[str, pd.DataFrame]:
    """`tables` (typed, of `source`) with its demo layer; raises DatasetInvalid when the
    layer does not fit the source (a source id or unit it does not know)."""
    merged = overlay(tables, read_demo_layer(demo_folder(source)))
    failures = check_references(merged)
    if failures:
        raise DatasetInvalid(failures)
    return merged
