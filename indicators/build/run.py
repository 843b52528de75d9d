"""`python -m indicators build`: data/published + data/geo -> data/*.parquet and data/demo/.

`data/*.parquet` is the published layer: units, their changes, the sources, the published PAR
scores and ranks, and the other published figures; `procedures` and `dossier_stats` are empty
there (nothing of the kind was published row by row). `data/demo/*.parquet` is the generated
layer, read only when demo data is switched on (indicators.layers).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators import schema as s
from indicators.build import demo, published
from indicators.build.figures import published_figures
from indicators.build.targets import published_targets
from indicators.build.units_table import build_units
from indicators.dataset import write_parquet_folder
from indicators.layers import DEMO_DIR, DEMO_SOURCE, DEMO_TABLES
from indicators.validation import check_table

DEMO_SOURCE_ROW = {
    s.ID: DEMO_SOURCE,
    s.TITLE: "Dữ liệu minh họa / Demo data",
    s.PUBLISHER: "Bộ sinh dữ liệu minh họa của dự án / the project's demo generator",
    s.URL: None,
    s.PUBLISHED: None,
    s.SOURCE_KIND: "demo",
    s.EXCERPT: "Số liệu do máy sinh ra để minh họa, không phải số liệu chính thức; không mâu "
    "thuẫn với số liệu đã công bố. / Generated to illustrate, not official figures; they never "
    "contradict a published figure.",
    s.YEARS: None,
    s.REPRINT: False,
}


def build(data_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """(the published tables, the demo layer's tables)."""
    pub_dir, geo_dir = data_dir / "published", data_dir / "geo"
    units, successions = build_units(pub_dir, geo_dir)
    par = published.published_par_scores(pub_dir, units)
    generated = demo.generate(
        units, par, published.seed_facts(pub_dir), published.seed_fields(pub_dir), pub_dir
    )
    tables = {
        "units": units,
        "unit_successions": successions,
        "sources": published.build_sources(pub_dir),
        "par_scores": par,
        "procedures": s.empty_frame(s.PROCEDURES),
        "dossier_stats": s.empty_frame(s.DOSSIER_STATS),
        "figures": published_figures(pub_dir, units),
        "targets": published_targets(pub_dir),
    }
    layer = {"sources": pd.DataFrame([DEMO_SOURCE_ROW]), **generated}
    return _columns(tables), _columns(layer)


def _columns(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {name: frame[s.TABLES[name].names] for name, frame in tables.items()}


def write_demo_layer(layer: dict[str, pd.DataFrame], folder: Path) -> None:
    """The layer's tables, each checked against its schema, as Parquet files."""
    from indicators.dataset import _for_storage

    folder.mkdir(parents=True, exist_ok=True)
    for name in DEMO_TABLES:
        typed, failures = check_table(s.TABLES[name], layer[name])
        if failures:
            raise ValueError("\n".join(f.line() for f in failures[:20]))
        _for_storage(typed, s.TABLES[name]).to_parquet(folder / f"{name}.parquet", index=False)


def main(data_dir: Path) -> int:
    tables, layer = build(data_dir)
    write_parquet_folder(tables, data_dir)
    write_demo_layer(layer, data_dir / DEMO_DIR)
    for name, frame in tables.items():
        print(f"{name}: {len(frame)} rows")
    for name, frame in layer.items():
        print(f"{DEMO_DIR}/{name}: {len(frame)} rows")
    return 0
