from __future__ import annotations

import argparse
import sys

HELP = "serve the version before the last import again / quay lại phiên bản trước"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--into", default=None, help="Parquet folder or SQLAlchemy URL (default: PAR_DATA_SOURCE)"
    )
    parser.add_argument("--who", default=None, help="name for the import log (default: $USER)")


def run(args: argparse.Namespace) -> int:
    from indicators.importing import rollback

    result = rollback(args.into, args.who)
    print(result.report(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
