from __future__ import annotations

import argparse
import json

HELP = "one unit's figures for one year, as JSON / số liệu một đơn vị trong một năm (JSON)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", required=True, help="code or name, e.g. 019 or 'nam tu liem'")
    parser.add_argument("--year", required=True, type=int)
    parser.add_argument(
        "--source", default=None, help="Parquet folder or SQLAlchemy URL (default: PAR_DATA_SOURCE)"
    )


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset
    from indicators.records import dataset_with_records
    from indicators.summary import unit_summary

    dataset = dataset_with_records(load_dataset(args.source))  # the records when it has them
    result = unit_summary(dataset, args.unit, args.year)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0
