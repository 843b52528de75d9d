"""Screenshots of the dashboard's pages at a desktop, a projector and a phone size, for a look.

    .venv/bin/streamlit run dashboard.py --server.headless true --server.port 8599 &
    .venv/bin/python scripts/screenshots.py --url http://localhost:8599 --out /tmp/shots \
        / /rankings "/unit?unit=019&year=2023" "/?demo=1"

Each path is opened in a fresh headless Chromium page (Debian's, driven by Playwright) at
1440x900, 1024x768 and 390x844, waits until Streamlit is idle, and is saved as a PNG of the
whole page (the viewport is grown to the page's height, since Streamlit scrolls its main
block) named after the path and the size. Not a test: it never fails on what it sees.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

SIZES = {"desktop": (1440, 900), "projector": (1024, 768), "phone": (390, 844)}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def _name(path: str, size: str) -> str:
    stem = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "overview"
    return f"{stem}-{size}.png"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="page paths with their query, e.g. /rankings")
    parser.add_argument("--url", default="http://localhost:8501")
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots"))
    parser.add_argument("--sizes", default=",".join(SIZES), help="desktop,projector,phone")
    parser.add_argument("--wait", type=float, default=1500, help="ms after idle (charts draw)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    browser_path = shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        for path in args.paths:
            for size in args.sizes.split(","):
                width, height = SIZES[size]
                context = browser.new_context(
                    viewport={"width": width, "height": height}, locale="vi-VN"
                )
                page = context.new_page()
                page.goto(args.url.rstrip("/") + path, timeout=60000)
                page.wait_for_selector(IDLE, state="attached", timeout=60000)
                page.wait_for_timeout(args.wait)
                page.wait_for_selector(IDLE, state="attached", timeout=60000)
                target = args.out / _name(path, size)
                # Streamlit scrolls its main block, not the page: grow the viewport to it
                tall = page.evaluate(
                    "() => Math.max(...['stMain', 'stSidebarContent'].map(id => "
                    "document.querySelector(`[data-testid='${id}']`)?.scrollHeight || 0))"
                )
                page.set_viewport_size(
                    {"width": width, "height": max(height, min(int(tall), 12000))}
                )
                page.wait_for_timeout(args.wait)
                page.screenshot(path=str(target), full_page=True)
                print(target)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
