"""The pack printed to PDF by headless Chromium: the same page, A4 landscape.

`print_pdf(html)` writes the printable page (indicators.pack.page, `printable=True`) to a
temporary folder and has Chromium (indicators.chart_images.chromium_path: $BROWSER_PATH or
Debian's `chromium`; ChromiumNotFound says how to get one) print it with `--print-to-pdf`:
the page's own CSS sets the paper, the page breaks (the title page, then one chart a page) and
the page numbers; Chromium's own header and footer (which would show the temporary file's
path) are off. The browser gets its own throwaway profile, and every host name resolves to
nothing, so printing cannot reach the network.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from indicators.chart_images import chromium_path
from indicators.pack.content import PackError

TIMEOUT = 180  # s: a loaded machine prints nine pages in 5-15 s
PDF_SIGNATURE = b"%PDF-"


def chromium_command(browser: str, page: Path, out: Path, profile: Path) -> list[str]:
    """The headless Chromium call that prints `page` (a file) to `out`."""
    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium refuses root otherwise
    return [
        browser,
        "--headless",
        *sandbox,
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        "--virtual-time-budget=15000",  # scripts (the charts) finish before printing
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]


def print_pdf(html: str) -> bytes:
    """The PDF bytes of a printable pack page (ChromiumNotFound without a browser, PackError
    when Chromium fails)."""
    browser = chromium_path()
    with tempfile.TemporaryDirectory(prefix="par-pack-") as folder:
        root = Path(folder)
        page, out, profile = root / "pack.html", root / "pack.pdf", root / "profile"
        page.write_text(html, "utf-8")
        command = chromium_command(browser, page, out, profile)
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PackError.of("err_pack_print", reason=type(exc).__name__) from exc
        data = out.read_bytes() if out.exists() else b""
        if not data.startswith(PDF_SIGNATURE):
            reason = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            raise PackError.of("err_pack_print", reason=reason[-300:])
        return data
