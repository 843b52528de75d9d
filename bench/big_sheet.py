"""How long `validate` takes to refuse a 1 048 576-row sheet, and how much memory it takes.

    .venv/bin/python bench/big_sheet.py                   # 3 runs of this checkout
    .venv/bin/python bench/big_sheet.py --runs 5 --rows 1048576 --repo /tmp/old-checkout

It writes, in a temporary folder, an .xlsx of the par_scores table: five of the template's
columns (unit, year, score, source) and `--rows - 1` copies of its example row (by default
the most rows a sheet can have), streamed into the ZIP so that building it takes little
memory. Then it runs `python -m indicators validate FILE` in `--repo` (default: this
checkout) as a subprocess, `--runs` times, and reads each run's wall time and peak resident
memory (the child's own rusage, from os.wait4); before each run, the same for an empty file:
the floor of start-up and imports, to compare with on a busy machine. It prints every run,
then the medians and a JSON line. The file (17 MB) is within the default upload size; the
budget (PAR_MAX_ROWS, PAR_READ_SECONDS) is what refuses it. `--line-cells N` times a CSV of
one line of N cells instead. Issue 19's target: refused in under 15 s, peak under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl.utils import get_column_letter  # noqa: E402

from indicators.importing.fields import IMPORT_TABLES  # noqa: E402

MAX_ROWS = 1_048_576  # Excel's last row
# the columns an office fills in (all of the template's would not fit in the upload limit)
COLUMNS = ("unit_code", "unit_name", "year", "score", "source_id")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STATIC = {
    "[Content_Types].xml": (
        f'<Types xmlns="{_CT}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>'
        '<sheet name="Điểm" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG}">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    ),
}


def _cells(values: list[object], number: int, strings: dict[str, int]) -> str:
    out = []
    for column, value in enumerate(values, start=1):
        ref = f"{get_column_letter(column)}{number}"
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float):
            out.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            index = strings.setdefault(str(value), len(strings))
            out.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
    return f'<row r="{number}">{"".join(out)}</row>'


def write_sheet(path: Path, rows: int) -> None:
    """An .xlsx of `rows` rows: the par_scores header, then copies of its example row."""
    fields = [f for f in IMPORT_TABLES["par_scores"].fields if f.name in COLUMNS]
    strings: dict[str, int] = {}
    header = _cells([f.vi for f in fields], 1, strings)
    example = [f.example for f in fields]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _STATIC.items():
            archive.writestr(name, _XML + text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            size = f"A1:{get_column_letter(len(fields))}{rows}"  # as Excel writes it
            start = f'<worksheet xmlns="{_NS}"><dimension ref="{size}"/><sheetData>'
            out.write(f"{_XML}{start}{header}".encode())
            batch = []
            for number in range(2, rows + 1):
                batch.append(_cells(example, number, strings))
                if len(batch) == 10_000:
                    out.write("".join(batch).encode())
                    batch = []
            out.write(("".join(batch) + "</sheetData></worksheet>").encode())
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        shared = f'<sst xmlns="{_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        archive.writestr("xl/sharedStrings.xml", f"{_XML}{shared}{items}</sst>")


def write_line(path: Path, cells: int) -> None:
    """A CSV of the par_scores header and one line of `cells` cells."""
    header = ",".join(f.vi for f in IMPORT_TABLES["par_scores"].fields)
    path.write_bytes(f"{header}\r\n".encode() + b"1," * (cells - 1) + b"1\r\n")


def run_once(python: str, repo: Path, path: Path) -> dict[str, object]:
    """One `validate` in its own process: seconds, peak RSS (MB), exit code, first message."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAR_")}
    env["PYTHONPATH"] = str(repo)
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            [python, "-m", "indicators", "validate", str(path)],
            cwd=repo,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the maximum
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    message = next((line for line in text.splitlines() if line.startswith("[")), text[-300:])
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "exit": child.returncode,
        "message": message[:200],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=MAX_ROWS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument(
        "--line-cells", type=int, default=0, help="instead: a CSV of one line of N cells"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("one_line.csv" if args.line_cells else "big_sheet.xlsx")
        started = time.perf_counter()
        if args.line_cells:
            write_line(path, args.line_cells)
            what = f"one CSV line of {args.line_cells:,} cells"
        else:
            write_sheet(path, args.rows)
            with zipfile.ZipFile(path) as archive:
                unzipped = sum(i.file_size for i in archive.infolist())
            what = f"{args.rows:,} rows ({unzipped / 2**20:.0f} MB unzipped)"
        built = time.perf_counter() - started
        size = path.stat().st_size
        print(f"{what}: {size / 2**20:.1f} MB, built in {built:.1f} s; validating in {args.repo}")
        empty = Path(folder) / "empty.csv"
        empty.write_bytes(b"")
        runs, floors = [], []
        for n in range(1, args.runs + 1):
            floors.append(run_once(args.python, args.repo.resolve(), empty))
            result = run_once(args.python, args.repo.resolve(), path)
            runs.append(result)
            print(
                f"run {n}: {result['seconds']} s, peak {result['peak_mb']} MB, "
                f"exit {result['exit']}: {result['message']}"
            )
    summary = {
        "file": path.name,
        "rows": args.rows,
        "line_cells": args.line_cells,
        "file_mb": round(size / 2**20, 1),
        "runs": len(runs),
        "median_seconds": round(statistics.median(r["seconds"] for r in runs), 2),
        "median_peak_mb": round(statistics.median(r["peak_mb"] for r in runs)),
        "max_peak_mb": max(r["peak_mb"] for r in runs),
        "exit_codes": sorted({r["exit"] for r in runs}),
        "floor_median_seconds": round(statistics.median(r["seconds"] for r in floors), 2),
        "floor_median_peak_mb": round(statistics.median(r["peak_mb"] for r in floors)),
    }
    print(
        f"median {summary['median_seconds']} s, peak {summary['median_peak_mb']} MB; "
        f"an empty file (start-up and imports): "
        f"{summary['floor_median_seconds']} s, {summary['floor_median_peak_mb']} MB"
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
