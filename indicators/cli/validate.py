from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "check a spreadsheet before importing it / kiểm tra tệp trước khi nhập (exit 0 valid, 1 not)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help=".xlsx or .csv (UTF-8, UTF-16, Windows-1258)")
    parser.add_argument("--table", default=None, help="default: recognised from the headers")
    parser.add_argument(
        "--source", default=None, help="stored data to check against (default: PAR_DATA_SOURCE)"
    )


def run(args: argparse.Namespace) -> int:
    from indicators.importing import validate_file

    result = validate_file(args.file, args.source, args.table)
    print(result.report(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
