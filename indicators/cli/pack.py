"""`python -m indicators pack`: one self-contained HTML file (or PDF) of a unit over a period.

The file holds the key messages and the presentation's interactive charts of the unit (plotly.js
inlined once), each with its sources, and the demo warning on the page and on every chart with
--demo; it opens without a network (from a USB stick or an e-mail). `--format pdf` (or an
--out ending in .pdf) prints the same page through headless Chromium: A4 landscape, the title
page then one chart a page, page numbers. The file is written whole or not at all. See
indicators/pack/.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from indicators.cli.export import add_common, fail
from indicators.errors import Both

HELP = "one offline HTML (or PDF) pack of a unit / gói ngoại tuyến (HTML, PDF) của một đơn vị"
EPILOG = (
    "Example / ví dụ: python -m indicators pack --unit 019 --from 2019 --to 2024 --out ntl.html"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    parser.add_argument(
        "--format",
        choices=("html", "pdf"),
        default=None,
        help="html (default) or pdf (printed by Chromium); default: from FILE's ending",
    )
    add_common(parser, required=True)


def _format(args: argparse.Namespace, out: Path) -> str | None:
    """The format asked for: --format, else .pdf / anything else; None when they disagree."""
    ending = out.suffix.lower().lstrip(".")
    if args.format is None:
        return "pdf" if ending == "pdf" else "html"
    if ending in ("html", "htm", "pdf") and (ending == "pdf") != (args.format == "pdf"):
        return None
    return args.format


def _unwritable(out: Path) -> Both | None:
    """Why `out` cannot be written (checked before any work), in both languages; or None."""
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        return Both("đó là một thư mục", "it is a folder")
    if not folder.is_dir():
        return Both("không có thư mục này", "no such folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        return Both("không có quyền ghi vào thư mục", "permission denied")
    return None


def run(args: argparse.Namespace) -> int:
    from indicators.dataset import load_dataset
    from indicators.errors import BilingualError, bilingual
    from indicators.pack import check_years, pack_content, render, write_atomic
    from indicators.selection import select

    started = time.perf_counter()
    out = Path(args.out)
    fmt = _format(args, out)
    if fmt is None:
        return fail(*bilingual("err_pack_out_format", fmt=args.format))
    reason = _unwritable(out)
    if reason is not None:
        return fail(*bilingual("err_pack_unwritable", path=str(out), reason=reason))
    dataset = load_dataset(args.source, demo=args.demo)
    try:
        check_years(dataset, args.year_from, args.year_to)
        selection = select(dataset, args.unit, args.year_from, args.year_to)
        content = pack_content(dataset, selection, args.lang)
        data = render(content, fmt)
    except BilingualError as exc:  # years, Chromium missing or failing
        return fail(exc.vi, exc.en)
    try:
        write_atomic(out, data)
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        return fail(*bilingual("err_pack_unwritable", path=str(out), reason=Both(why, why)))
    seconds = time.perf_counter() - started
    print(f"{out} ({fmt}, {len(data) / 1e6:.1f} MB, {len(content.charts)} charts, {seconds:.1f} s)")
    for message in content.messages:
        print(f"- {message}")
    if content.demo:
        print(f"! {content.unit_name}: demo data shown / có số liệu minh họa", file=sys.stderr)
    return 0
