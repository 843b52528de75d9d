"""Helpers shared by the importing tests (no tests here): data copies, hashes, good files."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from indicators.dataset import current_version
from indicators.importing.fields import IMPORT_TABLES
from indicators.importing.template import template_xlsx
from indicators.importing.versions import WORK

ROOT = Path(__file__).resolve().parents[2]  # the repository
DATA = ROOT / "data"
BAD_FILES = ROOT / "tests" / "bad_files"


def copy_data(target: Path) -> Path:
    """A copy of the bundled dataset (its Parquet files only) in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(current_version(DATA).glob("*.parquet")):
        shutil.copyfile(path, target / path.name)
    return target


def hashes(folder: Path, outside_work: bool = False) -> dict[str, str]:
    """sha256 of every file under `folder` (optionally ignoring the .import/ bookkeeping)."""
    out = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if outside_work and relative.startswith(WORK + "/"):
            continue
        out[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def served_hashes(folder: Path) -> dict[str, str]:
    """sha256 of the Parquet files of the version served now."""
    served = current_version(folder)
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in served.glob("*.parquet")}


def filled_template(table: str, rows: list[dict[str, object]]) -> bytes:
    """The .xlsx template with its example row replaced by `rows` (field name -> value);
    fields not given keep the example's value."""
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(table)))
    sheet = book.worksheets[0]
    fields = IMPORT_TABLES[table].fields
    for r, values in enumerate(rows, start=2):
        for c, field in enumerate(fields, start=1):
            sheet.cell(r, c).value = values.get(field.name, field.example)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def score_file(score: object, unit: str = "004", year: int = 2024) -> bytes:
    """A par_scores file setting one unit's (given by code) total score; by default Long
    Biên's of 2024, a published row (so that the file replaces one)."""
    row = {"unit_code": unit, "unit_name": None, "year": year, "score": score}
    return filled_template("par_scores", [row])


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m indicators ARGS` in a fresh interpreter, from the repo root."""
    return subprocess.run(
        [sys.executable, "-m", "indicators", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


def popen_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "indicators", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
