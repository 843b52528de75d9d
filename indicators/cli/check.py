"""`python -m indicators check`: validate a dataset, then check its PAR totals against every
published fact (data/published: ranks, ties, averages, counts, changes; `indicators.facts`).

Exit 1 when a fact is contradicted, naming the fact, what the data says and the source."""

from __future__ import annotations

import argparse

HELP = "validate a dataset and check it against the published facts / kiểm tra bộ dữ liệu"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", default=None, help="Parquet folder or SQLAlchemy URL")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="check the dataset with the generated demo layer / kiểm tra cả dữ liệu minh họa",
    )


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset
    from indicators.facts import check, load_facts
    from indicators.settings import BUNDLED_DATA

    dataset = load_dataset(args.source, demo=args.demo)
    print(f"OK: {dataset.source}" + (" (+ dữ liệu minh họa / demo data)" if args.demo else ""))
    report = check(
        dataset.par_scores, dataset.units, load_facts(BUNDLED_DATA / "published", dataset.units)
    )
    print(report.text())
    return 0 if report.ok else 1
