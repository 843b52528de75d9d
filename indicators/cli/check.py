from __future__ import annotations

import argparse

HELP = "validate a dataset and print the report / kiểm tra bộ dữ liệu"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", default=None, help="Parquet folder or SQLAlchemy URL")


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset

    dataset = load_dataset(args.source)
    print(f"OK: {dataset.source}")
    return 0
