from __future__ import annotations

import argparse
from pathlib import Path

HELP = "write an import template (.xlsx or .csv) / tạo tệp mẫu để nhập số liệu"
TABLES = ("par_scores", "procedures", "dossier_stats", "targets")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--table", required=True, choices=TABLES)
    parser.add_argument("--out", required=True, type=Path, help="FILE.xlsx or FILE.csv")


def run(args: argparse.Namespace) -> int:
    from indicators.importing import write_template

    if args.out.suffix.lower() not in (".xlsx", ".csv"):
        print("Tệp mẫu phải là .xlsx hoặc .csv / the template must be .xlsx or .csv")
        return 2
    write_template(args.table, args.out)
    print(f"{args.out} ({args.table})")
    return 0
