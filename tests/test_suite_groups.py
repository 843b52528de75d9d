"""The suite's own scheduling: tests of one group run in one worker (conftest.py).

The browser, PostgreSQL and tools tests each keep to one worker, and a module marked
`costly_fixtures` builds its module fixtures once. pytest 9.2 with pytest-xdist 3.8 silently
ignored every group (xdist renames `item._nodeid`, which pytest 9 no longer reads), so the
suite ran them on both workers; requirements-dev.txt pins pytest 8.4. This runs a small suite
the way scripts/test.sh does and reads which worker ran each test.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

GROUPED = """
import pytest

pytestmark = pytest.mark.costly_fixtures

@pytest.mark.parametrize("n", range(6))
def test_grouped(n):
    pass
"""

SERIAL = """
import pytest

@pytest.mark.browser
@pytest.mark.parametrize("n", range(6))
def test_serial(n):
    pass

@pytest.mark.parametrize("n", range(6))
def test_free(n):
    pass
"""


def test_a_group_runs_in_one_worker(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text((HERE / "conftest.py").read_text("utf-8"), "utf-8")
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\nmarkers =\n    browser: b\n    postgres: p\n    tools: t\n"
        "    costly_fixtures: c\n",
        "utf-8",
    )
    (tmp_path / "test_grouped.py").write_text(GROUPED, "utf-8")
    (tmp_path / "test_serial.py").write_text(SERIAL, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p",
         "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    ran = re.findall(r"\[(gw\d)\].*?PASSED (\S+)", done.stdout)
    workers: dict[str, set[str]] = {}
    for worker, test in ran:
        workers.setdefault(test.split("[")[0], set()).add(worker)
    assert len(ran) == 18, done.stdout[-3000:]
    assert len(workers["test_grouped.py::test_grouped"]) == 1, workers
    assert len(workers["test_serial.py::test_serial"]) == 1, workers
