"""`python -m indicators generate --dossiers N --out DIR`: demo dossier records."""

from __future__ import annotations

import argparse

HELP = (
    "write demo dossier records consistent with dossier_stats / "
    "sinh hồ sơ mẫu khớp với số liệu dossier_stats"
)


def _years(text: str) -> list[int]:
    """'2015-2017,2025' -> [2015, 2016, 2017, 2025]."""
    years: list[int] = []
    for item in text.split(","):
        first, _, last = item.strip().partition("-")
        years += range(int(first), int(last or first) + 1)
    return years


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dossiers", type=int, default=None, help="number of records (default with --exact: all)"
    )
    parser.add_argument("--out", required=True, help="dataset folder; writes OUT/dossiers/")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: fixed)")
    parser.add_argument(
        "--exact",
        action="store_true",
        help="reproduce every dossier_stats count (N = total received of the selection)",
    )
    parser.add_argument("--units", default=None, help="unit codes, e.g. 001,019 (default: all)")
    parser.add_argument("--years", default=None, help="e.g. 2015-2019,2025 (default: all)")
    parser.add_argument("--chunk", type=int, default=None, help="records per write")
    parser.add_argument(
        "--source", default=None, help="dataset with dossier_stats (default: PAR_DATA_SOURCE)"
    )
    parser.add_argument(
        "--sql", default=None, help="also copy the records into this SQLAlchemy URL"
    )


def run(args: argparse.Namespace) -> int:
    import sys
    import time

    from indicators.build import records_generator as gen
    from indicators.dataset import load_dataset
    from indicators.records import copy_dossiers_to_sql

    if args.dossiers is None and not args.exact:
        print("--dossiers N is required unless --exact / cần --dossiers N", file=sys.stderr)
        return 2
    data = load_dataset(args.source, demo=True)  # the records follow the demo layer's counts
    try:
        done = gen.generate_dossiers(
            args.out,
            data.dossier_stats,
            data.procedures,
            args.dossiers,
            seed=gen.SEED if args.seed is None else args.seed,
            exact=args.exact,
            units=args.units.split(",") if args.units else None,
            years=_years(args.years) if args.years else None,
            chunk_rows=args.chunk or gen.CHUNK_ROWS,
            progress=lambda line: print(line, flush=True),
        )
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    size = done.bytes_on_disk / 1e6
    print(
        f"wrote {done.records:,} records to {done.folder} in {done.seconds:.1f} s ({size:.1f} MB)"
    )
    if args.sql:
        started = time.perf_counter()
        rows = copy_dossiers_to_sql(args.out, args.sql)
        print(f"copied {rows:,} records into the database in {time.perf_counter() - started:.1f} s")
    return 0
