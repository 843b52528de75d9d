"""`python -m indicators build`: data/published + data/geo -> data/*.parquet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.build import demo, published
from indicators.build.units_table import build_units
from indicators.dataset import write_parquet_folder


def build(data_dir: Path) -> dict[str, pd.DataFrame]:
    pub_dir, geo_dir = data_dir / "published", data_dir / "geo"
    units, successions = build_units(pub_dir, geo_dir)
    sources = published.build_sources(pub_dir)
    par = published.published_par_scores(pub_dir, units)
    generated = demo.generate(
        units, par, published.seed_facts(pub_dir), published.seed_fields(pub_dir), pub_dir
    )
    tables = {
        "units": units,
        "unit_successions": successions,
        "sources": sources,
        **generated,
    }
    return {name: frame[s.TABLES[name].names] for name, frame in tables.items()}


def main(data_dir: Path) -> int:
    tables = build(data_dir)
    write_parquet_folder(tables, data_dir)
    for name, frame in tables.items():
        print(f"{name}: {len(frame)} rows")
    return 0
