"""K protocol sessions against the equal floor: what bare Streamlit costs for the same load.

    .venv/bin/python bench/floor_sessions.py [--sessions 50] [--changes 24]

bench/run.py's `--only protocol --protocol-sessions K` loads the dashboard; this runs the same
phase (one session, then K at once, each on its own year range, pause 1–2 s) against
bench/equal_floor_app.py, which draws exactly /timeliness's elements from constants. It reads
the floor's elements from bench/.cache/logs/equal_floor.json, which any full bench/run.py run
writes. Prints one line of JSON: the phase's p50/p90, errors and server CPU per change.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (bench/run.py, beside this file)

PREPARED = run.CACHE / "logs" / "equal_floor.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=50, help="protocol sessions at once")
    parser.add_argument("--changes", type=int, default=24, help="filter changes per session")
    parsed = parser.parse_args()
    if not PREPARED.is_file():
        print(f"{PREPARED} missing: run bench/run.py once (without --only)", file=sys.stderr)
        return 2
    units = run.unit_names()
    codes, names = [c for c, _ in units], [n for _, n in units]
    args = argparse.Namespace(
        changes=parsed.changes, think=(1.0, 2.0), protocol_sessions=parsed.sessions
    )
    env = {"BENCH_EQUAL_FLOOR": str(PREPARED)}
    log = run.CACHE / "logs" / "floor_sessions.log"
    with run.server("bench/equal_floor_app.py", env, log) as (url, proc):
        cpu: dict = {}
        out = asyncio.run(run.protocol_phase(args, url, proc.pid, cpu, codes, names, 0))
    out.pop("protocol_problems", None)
    changes = max(out["protocol_changes"], 1)
    out["server_cpu_per_change_ms"] = round(
        1000 * cpu["protocol_sessions"]["server_cpu_s"] / changes, 1
    )
    out["cpu"] = cpu
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
