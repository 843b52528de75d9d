from __future__ import annotations

import argparse
from pathlib import Path

from indicators.settings import BUNDLED_DATA

HELP = "rebuild data/*.parquet from data/published and data/geo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=BUNDLED_DATA)


def run(args: argparse.Namespace) -> int:
    from indicators.build.run import main

    return main(args.data)
