"""Command line: `python -m indicators summary|build|validate-dataset …`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indicators.settings import BUNDLED_DATA
from indicators.units import UnitAmbiguous, UnitNotFound
from indicators.validation import DatasetInvalid


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m indicators", description="Chỉ số CCHC / PAR indicators"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    summary = sub.add_parser("summary", help="one unit's figures for one year, as JSON")
    summary.add_argument("--unit", required=True, help="code or name, e.g. 019 or 'nam tu liem'")
    summary.add_argument("--year", required=True, type=int)
    summary.add_argument(
        "--source", default=None, help="Parquet folder or SQLAlchemy URL (default: PAR_DATA_SOURCE)"
    )
    build = sub.add_parser("build", help="rebuild data/*.parquet from data/published and data/geo")
    build.add_argument("--data", type=Path, default=BUNDLED_DATA)
    check = sub.add_parser("check", help="validate a dataset and print the report")
    check.add_argument("--source", default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "summary":
            from indicators.dataset import load_dataset
            from indicators.summary import unit_summary

            result = unit_summary(load_dataset(args.source), args.unit, args.year)
            print(json.dumps(result, ensure_ascii=False, indent=2))
            return 0
        if args.command == "build":
            from indicators.build.run import main as build_main

            return build_main(args.data)
        if args.command == "check":
            from indicators.dataset import load_dataset

            dataset = load_dataset(args.source)
            print(f"OK: {dataset.source}")
            return 0
    except (UnitNotFound, UnitAmbiguous) as exc:
        print(exc, file=sys.stderr)
        return 2
    except DatasetInvalid as exc:
        print(exc, file=sys.stderr)
        return 1
    return 2
