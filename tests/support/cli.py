"""The command line, run in the test's own process: `python -m indicators ARGS` without
starting an interpreter (3,5–4,6 s each on this machine, most of it imports).

What a real process would see is kept: its own environment (`env` on top of ours, restored
afterwards), stdout and stderr as text, and the exit code, including argparse's SystemExit.
An uncaught exception is not turned into "exit 1 and a traceback": it fails the test with its
own traceback, which is stricter, since a command must never print one. A few tests still
start real processes (`python -m indicators` as users type it, --help, concurrency).
"""

from __future__ import annotations

import io
import os
import subprocess
from contextlib import redirect_stderr, redirect_stdout

from indicators.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m indicators ARGS` in this process; the result of `subprocess.run(…, text=True,
    capture_output=True)`."""
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help (0), bad arguments (2)
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(
        ["python -m indicators", *args], code, out.getvalue(), err.getvalue()
    )
