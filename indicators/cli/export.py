"""`python -m indicators export`: exactly the filtered data, as CSV, XLSX or Parquet.

The export holds the tables par_scores (with unit names and ranks recomputed among all units of
the year), procedures, dossier_stats and the sources they cite, for --unit (default: every
unit) and the years --from to --to (default: every year). See indicators/export.py.

- ``--format xlsx``: one workbook, a sheet per table plus "Nguồn" (sources) and "Bộ lọc"
  (the filters); any file name, usually .xlsx.
- ``--format csv`` and ``--format parquet``: several tables, so FILE is a ZIP archive holding
  ``par_scores``, ``procedures``, ``dossier_stats``, ``sources`` and ``filters`` as .csv
  (UTF-8 with BOM, headers in --lang) or .parquet (schema column names); FILE must end in .zip.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "the filtered data as CSV, XLSX or Parquet / tải dữ liệu đã lọc (CSV, XLSX, Parquet)"
EPILOG = (
    "csv and parquet write a ZIP (FILE must end in .zip) with one file per table: "
    "par_scores, procedures, dossier_stats, sources, filters. xlsx writes one workbook with a "
    "sheet per table plus the sources ('Nguồn') and filters ('Bộ lọc') sheets. / "
    "csv và parquet ghi một tệp ZIP (tên tệp kết thúc bằng .zip), mỗi bảng một tệp; xlsx ghi "
    "một tệp Excel, mỗi bảng một trang tính, thêm trang 'Nguồn' và 'Bộ lọc'."
)
ZIPPED = ("csv", "parquet")


def add_common(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """--unit, --from, --to, --lang and --source; the deck command requires the first three."""
    every = "" if required else " (default: every {})"
    parser.add_argument(
        "--unit",
        required=required,
        help="code or name, e.g. 019 or 'nam tu liem'" + every.format("unit"),
    )
    for flag, dest, meta, what in (
        ("--from", "year_from", "Y1", "first year"),
        ("--to", "year_to", "Y2", "last year (inclusive)"),
    ):
        parser.add_argument(
            flag,
            dest=dest,
            type=int,
            metavar=meta,
            required=required,
            help=what + every.format("year"),
        )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="default: vi")
    add_source(parser)


def add_source(parser: argparse.ArgumentParser) -> None:
    """--source and --demo: which data the command reads."""
    parser.add_argument(
        "--source", default=None, help="Parquet folder or SQLAlchemy URL (default: PAR_DATA_SOURCE)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="add the generated demo data (marked demo, not official figures) / thêm dữ liệu "
        "minh họa (không phải số liệu chính thức)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("--format", required=True, choices=("csv", "xlsx", "parquet"))
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    add_common(parser, required=False)


def fail(vi: str, en: str) -> int:
    print(f"{vi} / {en}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset
    from indicators.export import export_bytes, select_tables
    from indicators.selection import SelectionError, select

    out = Path(args.out)
    if args.format in ZIPPED and out.suffix.lower() != ".zip":
        return fail(
            f"--format {args.format} ghi một tệp ZIP: tên tệp phải kết thúc bằng .zip",
            f"--format {args.format} writes a ZIP archive: FILE must end in .zip",
        )
    dataset = load_dataset(args.source, demo=args.demo)
    try:
        selection = select(dataset, args.unit, args.year_from, args.year_to)
    except SelectionError as exc:
        return fail(exc.vi, exc.en)
    tables = select_tables(dataset, selection, args.lang)
    out.write_bytes(export_bytes(args.format, tables, selection, args.lang))
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    print(f"{out} ({args.format}): {counts}")
    return 0
