"""The layers hold: the domain package never imports Streamlit, the views never draw (no
Plotly), one module opens the data (engines, DuckDB, Parquet files), and no module of the
package grows past MAX_LINES."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "indicators"
LOADER = PACKAGE / "dataset.py"
MAX_LINES = 450
LONG_ALLOWED = ("build", "importing")  # these folders may hold longer modules
OPENERS = re.compile(r"create_engine|read_parquet\(|duckdb\.connect|read_sql_table\b|ParquetFile")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_nothing_in_the_package_imports_streamlit() -> None:
    offenders = [p for p in PACKAGE.rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_the_views_never_import_plotly() -> None:
    offenders = [p for p in (PACKAGE / "views").rglob("*.py") if "plotly" in _imports(p)]
    assert offenders == []


def test_only_the_loader_opens_engines_duckdb_and_parquet_files() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p != LOADER and OPENERS.search(p.read_text("utf-8"))
    ]
    assert offenders == []
    assert OPENERS.search(LOADER.read_text("utf-8"))  # the check looks for the right words


def test_no_module_is_over_the_line_limit() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] not in LONG_ALLOWED
        and (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
