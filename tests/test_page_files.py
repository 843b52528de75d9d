"""Pages are storyboards: no reshaping (groupby, merge, pivot, agg, …) and no arithmetic on
DataFrame columns in pages/*.py; that work belongs in indicators/views.py, which has tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ui.nav import PAGES

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))
FORBIDDEN_METHODS = {
    "groupby", "merge", "pivot", "pivot_table", "agg", "aggregate", "melt", "crosstab",
    "concat", "value_counts", "transform", "apply", "diff", "pct_change", "cumsum", "sum",
    "mean", "median", "resample", "rolling", "assign",
}  # fmt: skip
ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
MAX_LINES = 100


def _is_column(node: ast.AST) -> bool:
    """frame["column"] or frame[["a", "b"]] or frame.loc[...] - a column or cell access."""
    if isinstance(node, ast.Subscript):
        return True
    return isinstance(node, ast.Attribute) and node.attr in {"loc", "iloc", "at", "iat"}


def problems(source: str) -> list[str]:
    """What a page must not do, with line numbers."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in FORBIDDEN_METHODS:
                found.append(f"line {node.lineno}: .{node.func.attr}()")
        operands: list[ast.AST] = []
        if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC):
            operands = [node.left, node.right]
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ARITHMETIC):
            operands = [node.target, node.value]
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            operands = [node.operand]
        if any(_is_column(op) for op in operands):
            found.append(f"line {node.lineno}: arithmetic on a column")
    return found


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_page_is_a_storyboard(path: Path) -> None:
    assert problems(path.read_text("utf-8")) == []


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_page_is_short(path: Path) -> None:
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize(
    "bad",
    [
        'df.groupby("year").size()',
        'pd.merge(a, b, on="unit_code")',
        'df.pivot_table(index="year")',
        'df.agg({"score": "max"})',
        'x = df["on_time"] / df["received"] * 100',
        'df["share"] = df["online"] - 1',
        'df["score"] += 1',
        "rate = -df.loc[0, 'x']",
    ],
)
def test_the_check_can_fire(bad: str) -> None:
    assert problems(f"import pandas as pd\n{bad}\n"), bad


def test_allowed_code_passes() -> None:
    ok = 'f = current()\nst.title(t("x", f.lang, year=f.year - 1))\ntext = " ".join(parts)\n'
    assert problems(ok) == []


def test_every_page_file_is_routed_and_every_route_has_a_file() -> None:
    routed = {ROOT / spec.file for spec in PAGES}
    assert routed == set(PAGE_FILES)
    assert [spec.url_path for spec in PAGES] == [
        "",
        "rankings",
        "online-services",
        "shortened-procedures",
        "timeliness",
        "unit",
        "map",
        "data",
        "about",
    ]
