"""`python -m indicators import FILE --into SOURCE` (the module name avoids the keyword)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "import a spreadsheet into the dataset / nhập tệp số liệu (exit 0 imported, 1 refused)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        help=".xlsx or .csv (UTF-8, UTF-16, Windows-1258), or a dataset folder (with --into URL)",
    )
    parser.add_argument(
        "--into", default=None, help="Parquet folder or SQLAlchemy URL (default: PAR_DATA_SOURCE)"
    )
    parser.add_argument("--table", default=None, help="default: recognised from the headers")
    parser.add_argument("--who", default=None, help="name for the import log (default: $USER)")


def run(args: argparse.Namespace) -> int:
    from indicators.importing import import_file

    if args.file.is_dir():  # a whole Parquet dataset (and its dossier records) into a database
        from indicators.importing.folder_copy import FolderNotImported, NotADatabase, import_folder

        try:
            print(import_folder(args.file, args.into, args.who).report())
        except NotADatabase as exc:
            print(exc, file=sys.stderr)
            return 2
        except FolderNotImported as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0

    result = import_file(args.file, args.into, args.who, args.table)
    print(result.report(), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
