from __future__ import annotations

import argparse

from indicators.cli.export import add_source

HELP = "one unit's figures for one year, as JSON / số liệu một đơn vị trong một năm (JSON)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", required=True, help="code or name, e.g. 019 or 'nam tu liem'")
    parser.add_argument("--year", required=True, type=int)
    add_source(parser)


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset
    from indicators.summary import as_json, unit_summary

    dataset = load_dataset(args.source, demo=args.demo)  # its records too, when it has them
    result = unit_summary(dataset, args.unit, args.year)
    print(as_json(result))
    return 0
