"""What checking an import costs: a one-row score file (Long Biên, 2024) planned against the
bundled data, as `validate` and `import` do before writing anything.

    .venv/bin/python bench/imports.py [--rounds 7]

Prints one line of JSON: the median and the spread of `plan_import` (read the file, check its
rows, merge, check the merged dataset and the ranks of the file's years), after one warm-up.
Run it in two checkouts to compare revisions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.importing import DATA, score_file  # noqa: E402

from indicators.dataset import load_raw  # noqa: E402
from indicators.importing.service import plan_import  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data, raw = score_file(95.5), load_raw(DATA)[1]
    plan_import("diem.xlsx", data, raw)  # warm-up: imports, caches
    seconds = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        plan_import("diem.xlsx", data, raw)
        seconds.append(time.perf_counter() - start)
    print(
        json.dumps(
            {
                "plan_import_median_s": round(statistics.median(seconds), 3),
                "min_s": round(min(seconds), 3),
                "max_s": round(max(seconds), 3),
                "rounds": args.rounds,
            }
        )
    )


if __name__ == "__main__":
    main()
