"""Variants of the dashboard side by side: the same filter changes, alternated between them.

    .venv/bin/python bench/variants.py HEAD my-branch /path/to/a/checkout [--floor]
                                       [--records 10000000] [--rounds 30] [--page timeliness]

Whole runs of bench/run.py move by ±15 % between runs on this shared machine, which hides
effects of 10–30 ms. Here every variant (a git revision, checked out in a temporary worktree,
or a folder holding a checkout) is served at once by its own `streamlit run dashboard.py` on
the same data (bench/run.py's cache of N records), each in its own browser page, and every
round changes the unit once on each page, in alternating order, so that all variants meet the
same load. --floor adds bench/floor_app.py to the loop. Latencies are measured as in
bench/run.py (pointer-up → script idle and the first chart names the new unit), plus the
server's share (CDP timestamps). Prints p50 / p90 per variant, its ratio to the first variant
(or to the floor) and, last, one line of JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402  (bench/run.py, beside this file)

FLOOR = "floor"
FLOOR_NAMES = [f"Đơn vị {i:02d}" for i in range(1, 31)]
PAUSE_S = 0.6  # between two changes, so that the previous page's drawing is over


@contextmanager
def checkout(variant: str):
    """A folder holding `variant`: the folder itself, or a detached worktree of a git
    revision (removed afterwards)."""
    if Path(variant).is_dir():
        yield Path(variant).resolve()
        return
    with tempfile.TemporaryDirectory(prefix="par-variant-") as tmp:
        folder = Path(tmp) / "tree"
        git = ["git", "-C", str(bench.ROOT)]
        subprocess.run([*git, "worktree", "add", "--detach", str(folder), variant], check=True)
        try:
            yield folder
        finally:
            subprocess.run([*git, "worktree", "remove", "--force", str(folder)], check=False)


async def measure(urls: dict[str, str], page: str, rounds: int, names: list[str]) -> dict:
    from playwright.async_api import async_playwright

    labels = list(urls)
    latencies: dict[str, list[float]] = {label: [] for label in labels}
    servers: dict[str, list[float]] = {label: [] for label in labels}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=bench.CHROMIUM, headless=True, args=bench.CHROMIUM_ARGS
        )
        pages = {}
        for label in labels:
            tab = await bench.new_page(browser, websocket=True)
            path = "" if label == FLOOR else page
            await tab.goto(f"{urls[label]}/{path}", timeout=bench.TIMEOUT_MS)
            await tab.wait_for_function("window.__bench.first !== null", timeout=bench.TIMEOUT_MS)
            pages[label] = tab
        for round_ in range(rounds + 2):  # the first two rounds warm up and are not counted
            order = labels if round_ % 2 == 0 else labels[::-1]
            for label in order:
                await asyncio.sleep(PAUSE_S)
                floor = label == FLOOR
                choices = FLOOR_NAMES if floor else names
                name = choices[(round_ + 1) % len(choices)]  # never the one shown before
                select = 0 if floor else bench.UNIT_SELECT
                total, parts = await bench._change(pages[label], select, name)
                if round_ >= 2:
                    latencies[label].append(total)
                    servers[label].append(parts["server"])
        await browser.close()
    return {
        label: {
            "p50_ms": round(statistics.median(latencies[label]), 1),
            "p90_ms": round(bench.percentile(latencies[label], 90), 1),
            "server_p50_ms": round(statistics.median(x for x in servers[label] if x == x), 1),
            "changes": len(latencies[label]),
        }
        for label in labels
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("variants", nargs="+", help="git revisions or checkout folders")
    parser.add_argument("--floor", action="store_true", help="add the bare page to the loop")
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=30, help="changes per variant")
    parser.add_argument("--page", default="timeliness", help="the page whose unit changes")
    args = parser.parse_args()
    data, _ = bench.prepare(args.records)
    units = [name for _, name in bench.unit_names()]
    logs = Path(tempfile.mkdtemp(prefix="par-variants-"))
    # the demo layer on, as bench/run.py: the records are generated, and the page draws them
    # only with it (without it /timeliness says it has no published figures and draws nothing)
    env = {"PAR_DATA_SOURCE": str(data), "PAR_DEMO": "1", "PYTHONUNBUFFERED": "1"}
    with ExitStack() as stack:
        urls = {}
        if args.floor:
            floor = bench.server("bench/floor_app.py", env, logs / "floor.log")
            urls[FLOOR] = stack.enter_context(floor)[0]
        for i, variant in enumerate(args.variants):
            folder = stack.enter_context(checkout(variant))
            served = bench.server("dashboard.py", env, logs / f"variant-{i}.log", cwd=folder)
            urls[variant] = stack.enter_context(served)[0]
        result = asyncio.run(measure(urls, args.page, args.rounds, units))
    base = result[FLOOR if args.floor else args.variants[0]]["p50_ms"]
    print(f"{'variant':40s} {'p50':>8s} {'p90':>8s} {'server':>8s} {'ratio':>6s}")
    for label, r in result.items():
        ratio = r["p50_ms"] / base
        print(
            f"{label[:40]:40s} {r['p50_ms']:6.1f}ms {r['p90_ms']:6.1f}ms "
            f"{r['server_p50_ms']:6.1f}ms {ratio:6.2f}"
        )
    print(json.dumps({"records": args.records, "page": args.page, "variants": result}))


if __name__ == "__main__":
    main()
