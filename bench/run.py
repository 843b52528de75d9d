"""The dashboard over N dossier records, in a real browser, against the floor of Streamlit.

    .venv/bin/python bench/run.py --records 10000000 [--sessions 10] [--changes 24]
                                  [--think 1-2] [--protocol-sessions 10] [--workers 2]
                                  [--option runner.postScriptGC=true] [--only protocol]

1. Data: a copy of data/ plus N demo records (dossiers/year=Y/part-0.parquet, made by
   `python -m indicators generate`), cached by N under bench/.cache/ (git-ignored; delete it
   after data/ changes). --records 0 serves data/ as it is (no records).
2. `streamlit run dashboard.py` with PAR_DATA_SOURCE pointing at it and PAR_DEMO=1 (the
   records are generated: the page draws them with its demo layer on), on a free port, and
   two floors: bench/floor_app.py (one selectbox, one Plotly chart) and the equal floor,
   bench/equal_floor_app.py: exactly the elements /timeliness draws (CSS, sidebar menu and
   filters with their labels, options and keys, navigation, title, both charts with their
   headings, footers and captions, the URL written back), replayed bare from a JSON file that
   bench/equal_floor_data.py makes first, from the real page under AppTest, for every unit the
   loop visits. All from the repository root so that all get .streamlit/config.toml (--option
   adds a Streamlit option to all). Headless Chromium (Debian's, via Playwright).
3. First chart: from navigation start until Streamlit is idle and a Plotly chart is drawn, on
   the landing page; cold = the first load after the server started (it loads the dataset and
   runs the GROUP BYs), warm = the median of new browser contexts afterwards (server caches
   warm, browser cache empty), then a second page of the same context (browser cache warm).
   The floor's first chart, in new contexts, for comparison.
4. Filter change: on /timeliness, the unit is changed --changes times (open the menu, type
   the name, click it; a new unit each time, so the cached views miss); each latency is taken
   in the page with performance.now(), from the option's pointer-up until the script is idle,
   the first chart's title (the bold line above it, or Plotly's own) names the new unit and
   Plotly has new data for it (checked every animation frame, so the chart is drawn). Then
   the same changes again (views cached: the page's own cost), the floor's loop, and the same
   changes with the same pauses on the equal floor, in the same run: ratio_p50 = page ÷ floor,
   ratio_equal_p50 = page ÷ equal floor (what the page costs beyond Streamlit drawing the
   same elements). A pause of --think seconds (uniform) precedes each change, as a user
   reading the chart would. Also, per change: the server's latency (from
   the rerun request leaving the browser to the end-of-rerun message arriving, CDP network
   timestamps) and the server's CPU time (/proc).
5. --sessions K > 1: K browser contexts at once, each on its own year range (so that their
   views miss too), doing the same loop; pooled p50/p90, the server's latency, the errors,
   and how busy the machine was (the browsers run on the same cores as the server).
   --protocol-sessions K: then one, and K at once, sessions with no browser that speak
   Streamlit's websocket protocol (bench/protocol_sessions.py): the server's own latency from
   the rerun request to "script finished", which the browsers on the same cores do not bound;
   p90 ÷ single-session p90 and the errors (a session that could not open counts as one).
   Sessions get 25 year ranges, then the same again from other first units. --only protocol:
   only this phase (no browser, no floors). --workers N: the dashboard is served by
   `python -m indicators serve` (N processes behind nginx on 127.0.0.1, each browser kept on
   one; its workers read .streamlit/config.toml, not --option).
6. Peak memory: the RSS of the dashboard's server process and its children, sampled every
   50 ms from /proc for the whole run.

Prints a table and, last, one line of JSON. Times are of this machine; compare within a run.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
DATA = ROOT / "data"
PYTHON = ROOT / ".venv" / "bin" / "python"
STREAMLIT = ROOT / ".venv" / "bin" / "streamlit"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
TIMEOUT_MS = 120_000
UNIT_SELECT = 3  # the unit is the 4th selectbox of the sidebar (year, from, to, unit, field)
FIRST_UNIT = "001"
FIRST_QUERY = "from=2015&to=2025"  # the years of the single loops (the sessions' differ)
SAMPLE_S = 0.05

# Injected in every page: marks first paint of a chart and times one filter change.
PROBE = """
(() => {
  const state = () => {
    const app = document.querySelector("[data-testid='stApp']");
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  const idle = () => state() === 'notRunning';
  const b = window.__bench = {
    t0: null, t1: null, want: null, first: null, running: null, done: null,
  };
  const watchFirst = () => {
    if (idle() && document.querySelector('.js-plotly-plot .main-svg')) {
      b.first = performance.now();
    } else {
      requestAnimationFrame(watchFirst);
    }
  };
  requestAnimationFrame(watchFirst);
  // when the rerun starts and ends, as the page learns it (attribute changes, not frames)
  new MutationObserver(() => {
    if (b.t0 === null) return;
    const now = performance.now(), current = state();
    if (current === 'running' && b.running === null) b.running = now;
    if (current === 'notRunning' && b.running !== null && b.done === null) b.done = now;
  }).observe(document, {
    subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
  });
  // the first chart's title: the bold line above it (ui.render.heading_of), else Plotly's own
  const title = () => {
    const above = document.querySelector(
      "[class*='st-key-figure-'] [data-testid='stMarkdownContainer']");
    const inside = document.querySelector('.js-plotly-plot .gtitle');
    return (above ? above.textContent : '') + ' ' + (inside ? inside.textContent : '');
  };
  const plot = () => document.querySelector('.js-plotly-plot');
  const redrawn = () => {  // Plotly.react gave the chart new data (or a new chart came)
    const now = plot();
    return now !== null && (now !== b.plot || now.data !== b.data);
  };
  const watchChange = () => {
    if (idle() && title().includes(b.want) && redrawn()) {
      b.t1 = performance.now();
    } else {
      requestAnimationFrame(watchChange);
    }
  };
  document.addEventListener('pointerup', (e) => {
    if (b.want !== null && b.t0 === null && e.target.closest("[role='option']")) {
      b.t0 = performance.now();
      b.plot = plot();
      b.data = b.plot ? b.plot.data : null;
      requestAnimationFrame(watchChange);
    }
  }, true);
})();
"""


# --- data -----------------------------------------------------------------------------------


def prepare(records: int) -> tuple[Path, dict]:
    """bench/.cache/records-N: data/ plus N records; made once (atomically) per N."""
    if records == 0:
        return DATA, {"records": 0}
    target = CACHE / f"records-{records}"
    marker = target / "bench.json"
    if marker.is_file():
        return target, json.loads(marker.read_text("utf-8"))
    CACHE.mkdir(parents=True, exist_ok=True)
    work = CACHE / f".tmp-records-{records}-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(DATA, work, ignore=shutil.ignore_patterns("dossiers"))
    started = time.perf_counter()
    cmd = [str(PYTHON), "-m", "indicators", "generate", "--dossiers", str(records)]
    cmd += ["--source", str(work), "--out", str(work)]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    info = {"records": records, "generate_s": round(time.perf_counter() - started, 1)}
    info["dossiers_mb"] = round(
        sum(p.stat().st_size for p in (work / "dossiers").rglob("*.parquet")) / 1e6, 1
    )
    (work / "bench.json").write_text(json.dumps(info), "utf-8")
    shutil.rmtree(target, ignore_errors=True)
    work.rename(target)
    return target, info


def unit_names() -> list[tuple[str, str]]:
    """(code, name) of the districts the dashboard offers for the Hanoi index, in menu order
    (the communes of 1 July 2025 are left out: their menu label carries a suffix)."""
    sys.path.insert(0, str(ROOT))
    from indicators.dataset import load_dataset
    from indicators.views import build_catalog

    catalog = build_catalog(load_dataset(DATA))
    codes = [c for c in catalog.unit_codes["hanoi_par"] if not catalog.units[c].new]
    return [(code, catalog.name(code)) for code in codes]


# --- servers and memory ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(
    script: str,
    env: dict[str, str],
    log: Path,
    options: tuple[str, ...] = (),
    workers: int = 1,
    cwd: Path = ROOT,
):
    """`streamlit run script [--option value …]` from the repository root, or with
    `workers` > 1 `python -m indicators serve --workers N` (dashboard.py behind nginx; the
    process metered is then the launcher, whose tree holds the workers); yields (url,
    process)."""
    port = free_port()
    cmd = [
        str(STREAMLIT), "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        *options,
    ]  # fmt: skip
    if workers > 1:
        cmd = [str(PYTHON), "-m", "indicators", "serve", "--workers", str(workers)]
        cmd += ["--port", str(port), "--address", "127.0.0.1"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **env}
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{script} did not start; see {log}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.read().strip() == b"ok":
                        break
            except OSError:
                time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                pass
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class MemorySampler:
    """Peak RSS of a process and its children, sampled every SAMPLE_S in a thread."""

    pid: int
    peak_kb: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> MemorySampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in _tree(self.pid)))
            self._stop.wait(SAMPLE_S)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (all its threads) and its children, in seconds."""
    total = 0.0
    for p in _tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = values[3] + values[4]
    total = sum(values[:8])
    tick = os.sysconf("SC_CLK_TCK")
    return (total - idle) / tick, total / tick


@contextmanager
def cpu_meter(pid: int, out: dict, key: str):
    """Adds to out[key]: server CPU s, machine busy share (%) over the block, wall s."""
    server0, (busy0, total0), wall0 = cpu_seconds(pid), machine_busy(), time.monotonic()
    yield
    busy1, total1 = machine_busy()
    out[key] = {
        "server_cpu_s": round(cpu_seconds(pid) - server0, 2),
        "machine_busy_pct": round(100 * (busy1 - busy0) / max(total1 - total0, 1e-9), 1),
        "wall_s": round(time.monotonic() - wall0, 1),
    }


# --- the browser ----------------------------------------------------------------------------


@dataclass
class Loop:
    latencies: list[float] = field(default_factory=list)
    parts: list[dict[str, float]] = field(default_factory=list)  # start, script, draw
    errors: list[str] = field(default_factory=list)


async def new_page(browser, websocket: bool = False):
    """A page in a new context, with the probe; `websocket`: log Streamlit's messages."""
    context = await browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    await context.add_init_script(PROBE)
    page = await context.new_page()
    page.on("pageerror", lambda exc: page._bench_errors.append(f"uncaught: {exc}"))
    page._bench_errors = []
    page._bench_ws = None
    if websocket:
        page._bench_ws = await WsLog.attach(page)
    return page


class WsLog:
    """When the browser's network layer sent a rerun request and received the end of the
    rerun (CDP timestamps): the server's latency without the page's rendering. Frames are
    kept raw and decoded after the change, off its critical path."""

    def __init__(self) -> None:
        self.frames: list[tuple[float, bool, str]] = []  # (timestamp s, sent, base64 payload)

    @classmethod
    async def attach(cls, page) -> WsLog:
        log = cls()
        cdp = await page.context.new_cdp_session(page)
        cdp.on("Network.webSocketFrameSent", lambda e: log._add(e, True))
        cdp.on("Network.webSocketFrameReceived", lambda e: log._add(e, False))
        await cdp.send("Network.enable")
        return log

    def _add(self, event: dict, sent: bool) -> None:
        frame = event["response"]
        if frame.get("opcode") == 2:  # Streamlit's messages are binary protobuf
            self.frames.append((event["timestamp"], sent, frame["payloadData"]))

    @staticmethod
    def _kind(sent: bool, payload: str) -> str | None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg() if sent else ForwardMsg()
        message.ParseFromString(base64.b64decode(payload))
        return message.WhichOneof("type")

    async def server_ms(self, mark: int) -> float:
        """ms from the first rerun request after frames[mark] to the next script_finished."""
        asked = None
        for _ in range(100):
            for i in range(mark, len(self.frames)):
                when, sent, payload = self.frames[i]
                if asked is None and sent and self._kind(sent, payload) == "rerun_script":
                    asked = when
                elif asked is not None and not sent:
                    if self._kind(sent, payload) == "script_finished":
                        return 1000 * (when - asked)
            mark = len(self.frames)
            await asyncio.sleep(0.02)
        return float("nan")


async def first_chart(browser, url: str, again: int = 0) -> list[float]:
    """ms from navigation start until idle with a chart drawn: in a new context (empty browser
    cache), then `again` times in new pages of the same context (browser cache warm)."""
    page = await new_page(browser)
    context = page.context
    times = []
    try:
        for attempt in range(1 + again):
            if attempt:
                page = await context.new_page()
            await page.goto(url, timeout=TIMEOUT_MS)
            await page.wait_for_function("window.__bench.first !== null", timeout=TIMEOUT_MS)
            times.append(await page.evaluate("window.__bench.first"))
            await page.close()
    finally:
        await context.close()
    return times


async def change_loop(
    browser,
    url: str,
    select: int,
    names: list[str],
    think: tuple[float, float],
    seed: int,
    ready: asyncio.Barrier,
) -> Loop:
    """Open url, wait for the other loops at `ready`, then pick each of `names` in the
    selectbox number `select`, timing each."""
    rng = random.Random(seed)
    out = Loop()
    page = await new_page(browser, websocket=True)
    try:
        try:
            await page.goto(url, timeout=TIMEOUT_MS)
            await page.wait_for_function("window.__bench.first !== null", timeout=TIMEOUT_MS)
        except Exception:
            await ready.abort()
            raise
        await ready.wait()
        for name in names:
            await asyncio.sleep(rng.uniform(*think))
            try:
                total, parts = await _change(page, select, name)
                out.latencies.append(total)
                out.parts.append(parts)
            except Exception as exc:  # a failed change is counted, and the loop goes on
                out.errors.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
                print("error:", out.errors[-1], file=sys.stderr, flush=True)
                await page.keyboard.press("Escape")
        exceptions = await page.locator("[data-testid='stException']").count()
        out.errors += [f"stException x{exceptions}"] * bool(exceptions) + page._bench_errors
    finally:
        await page.context.close()
    return out


async def _change(page, select: int, name: str) -> tuple[float, dict[str, float]]:
    """One change: its latency (ms) and its parts: until the rerun starts, the rerun as the
    page sees it, and from its end until the chart is drawn (NaN if not observed)."""
    reset = "w => Object.assign(window.__bench, {want: w, t0: null, t1: null, running: null, done: null})"
    await page.evaluate(reset, name)
    mark = len(page._bench_ws.frames) if page._bench_ws else 0
    box = page.locator("[data-testid='stSelectbox']").nth(select)
    await box.click()
    await box.locator("input").fill(name)
    await page.get_by_role("option", name=name, exact=True).click()
    await page.wait_for_function("window.__bench.t1 !== null", timeout=TIMEOUT_MS / 2)
    b = await page.evaluate("window.__bench")
    nan = float("nan")
    running = b["running"] if b["running"] is not None else nan
    done = b["done"] if b["done"] is not None else nan
    parts = {"start": running - b["t0"], "script": done - running, "draw": b["t1"] - done}
    parts["server"] = await page._bench_ws.server_ms(mark) if page._bench_ws else nan
    return b["t1"] - b["t0"], parts


def _servers(*loops: Loop) -> list[float]:
    """The server latencies (ms) of the loops' changes, where they were observed."""
    return [p["server"] for loop in loops for p in loop.parts if p["server"] == p["server"]]


def median_parts(parts: list[dict[str, float]]) -> dict[str, float | None]:
    keys = ("start", "script", "draw", "server")
    out = {}
    for key in keys:
        values = [p[key] for p in parts if p[key] == p[key]]  # NaN != NaN
        out[key] = statistics.median(values) if values else None
    return out


async def run_loops(browser, pid: int, cpu: dict, key: str, specs: list[tuple]) -> list[Loop]:
    """change_loop(browser, *spec) for every spec at once; the server's CPU is metered from
    the moment every page is open until the last change."""
    ready = asyncio.Barrier(len(specs) + 1)
    tasks = [asyncio.create_task(change_loop(browser, *spec, ready)) for spec in specs]
    try:
        await ready.wait()
    except asyncio.BrokenBarrierError:
        await asyncio.gather(*tasks)  # raises what broke it
    with cpu_meter(pid, cpu, key):
        return list(await asyncio.gather(*tasks))


# --- the run --------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = q / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def sequence(names: list[str], start: int, count: int) -> list[str]:
    """`count` names from names[start + 1] on, cyclically: a new unit at every change."""
    return [names[(start + 1 + i) % len(names)] for i in range(count)]


def session_specs(
    codes: list[str], names: list[str], start: int, count: int, changes: int
) -> list[tuple[str, list[str]]]:
    """(query, unit names) of `count` sessions at once: each on a year range of its own (25
    ranges, then again from another first unit), so that their views miss."""
    specs = []
    for k in range(count):
        first, last = 2016 + k % 5, 2025 - (k // 5) % 5
        begin = (start + 3 * k) % len(codes)
        query = f"unit={codes[begin]}&from={first}&to={last}"
        specs.append((query, sequence(names, begin, changes)))
    return specs


def prepare_equal_floor(env: dict[str, str], codes: list[str], out: Path) -> Path:
    """The elements /timeliness draws for each unit of `codes` (bench/equal_floor_data.py, the
    real page under AppTest, on the benchmark's data), before any server starts."""
    cmd = [str(PYTHON), str(ROOT / "bench" / "equal_floor_data.py"), str(out), "--units", *codes]
    cmd += ["--query", FIRST_QUERY]
    subprocess.run(cmd, cwd=ROOT, check=True, env={**os.environ, **env})
    return out


async def measure(args: argparse.Namespace, folder: Path, logs: Path) -> dict:
    units = unit_names()
    codes = [code for code, _ in units]
    names = [name for _, name in units]
    options = tuple(
        x for o in args.option for x in (f"--{o.partition('=')[0]}", o.partition("=")[2])
    )
    result: dict = {"records": args.records}
    load_before = os.getloadavg()[0]
    cpu: dict[str, dict] = {}
    env = {"PAR_DATA_SOURCE": str(folder), "PAR_DEMO": "1", "PYTHONUNBUFFERED": "1"}
    start = codes.index(FIRST_UNIT)
    browsers = args.only != "protocol"
    if browsers:
        visited = [FIRST_UNIT] + [
            codes[names.index(n)] for n in sequence(names, start, args.changes)
        ]
        equal_data = prepare_equal_floor(env, visited, logs / "equal_floor.json")
    problems: list[str] = []
    with (
        server("dashboard.py", env, logs / "dashboard.log", options, args.workers) as (url, proc),
        MemorySampler(proc.pid) as memory,
    ):
        if browsers:
            equal_env = {"BENCH_EQUAL_FLOOR": str(equal_data)}
            result |= await browser_phase(
                args, url, proc.pid, cpu, codes, names, start, logs, options, equal_env
            )
            problems += result.pop("browser_problems")
        elif args.workers > 1:
            await warm_workers(url, args.workers)
        if args.protocol_sessions:
            result |= await protocol_phase(args, url, proc.pid, cpu, codes, names, start)
            problems += result.pop("protocol_problems")
    result["peak_rss_mb"] = memory.peak_kb / 1024
    result["cpu"] = cpu
    result["load_avg_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    if browsers:
        result["ratio_p50"] = _ratio(result["interaction_p50_ms"], result["floor_p50_ms"])
        result["ratio_equal_p50"] = _ratio(
            result["interaction_p50_ms"], result["equal_floor_p50_ms"]
        )
    if args.sessions > 1 and browsers:
        result["sessions_ratio_p90"] = _ratio(
            result["sessions_p90_ms"], result["interaction_p90_ms"]
        )
    if args.protocol_sessions:
        result["protocol_ratio_p90"] = _ratio(
            result["protocol_sessions_p90_ms"], result["protocol_single_p90_ms"]
        )
    print(f"{len(problems)} errors", file=sys.stderr)
    for problem in problems[:20]:
        print("  ", problem, file=sys.stderr)
    return result


async def warm_workers(url: str, workers: int) -> None:
    """Every worker behind nginx loads its data (8 sessions a worker, placed at random)."""
    from protocol_sessions import run_sessions

    warm_up = [(f"unit={FIRST_UNIT}", [], (0.0, 0.0), k) for k in range(8 * workers)]
    await run_sessions(f"{url}/timeliness", warm_up)


async def browser_phase(
    args: argparse.Namespace,
    url: str,
    pid: int,
    cpu: dict,
    codes: list[str],
    names: list[str],
    start: int,
    logs: Path,
    options: tuple[str, ...],
    equal_env: dict[str, str],
) -> dict:
    """First charts, the filter-change loops on the dashboard, the floor and the equal floor,
    and --sessions K browsers at once."""
    from playwright.async_api import async_playwright

    floor_names = [f"Đơn vị {i:02d}" for i in range(1, 31)]
    think = args.think
    result: dict = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        with (
            server("bench/floor_app.py", {}, logs / "floor.log", options) as (
                floor_url,
                floor_proc,
            ),
            server("bench/equal_floor_app.py", equal_env, logs / "equal_floor.log", options) as (
                equal_url,
                equal_proc,
            ),
        ):
            result["first_chart_cold_ms"] = (await first_chart(browser, url + "/"))[0]
            if args.workers > 1:  # every worker loads its data before the warm figures
                await warm_workers(url, args.workers)
            warm = [await first_chart(browser, url + "/", again=1) for _ in range(args.warm)]
            floor_first = [(await first_chart(browser, floor_url + "/"))[0] for _ in warm]
            result |= {
                "first_chart_ms": statistics.median(w[0] for w in warm),
                "first_chart_browser_cached_ms": statistics.median(w[1] for w in warm),
                "floor_first_chart_ms": statistics.median(floor_first),
            }

            (floor,) = await run_loops(
                browser, floor_proc.pid, cpu, "floor",
                [(floor_url, 0, sequence(floor_names, 0, args.changes), think, 1)],
            )  # fmt: skip
            page = f"{url}/timeliness?unit={FIRST_UNIT}&{FIRST_QUERY}"
            todo = sequence(names, start, args.changes)
            (single,) = await run_loops(
                browser, pid, cpu, "single", [(page, UNIT_SELECT, todo, think, 2)]
            )
            # the same changes again: every view is now in Streamlit's cache (the page's own cost)
            (cached,) = await run_loops(
                browser, pid, cpu, "cached", [(page, UNIT_SELECT, todo, think, 3)]
            )
            # the same changes, the same pauses, on the page's elements drawn bare
            (equal,) = await run_loops(
                browser, equal_proc.pid, cpu, "equal_floor",
                [(f"{equal_url}/timeliness", UNIT_SELECT, todo, think, 2)],
            )  # fmt: skip
            result |= {
                "interaction_p50_ms": percentile(single.latencies, 50),
                "interaction_p90_ms": percentile(single.latencies, 90),
                "interaction_cached_p50_ms": percentile(cached.latencies, 50),
                "interaction_cached_p90_ms": percentile(cached.latencies, 90),
                "floor_p50_ms": percentile(floor.latencies, 50),
                "floor_p90_ms": percentile(floor.latencies, 90),
                "equal_floor_p50_ms": percentile(equal.latencies, 50),
                "equal_floor_p90_ms": percentile(equal.latencies, 90),
                "server_p50_ms": percentile(_servers(single), 50),
                "server_p90_ms": percentile(_servers(single), 90),
                "server_cached_p50_ms": percentile(_servers(cached), 50),
                "equal_floor_server_p50_ms": percentile(_servers(equal), 50),
                "interaction_parts_p50_ms": median_parts(single.parts),
                "floor_parts_p50_ms": median_parts(floor.parts),
                "equal_floor_parts_p50_ms": median_parts(equal.parts),
                "changes": len(single.latencies),
                "equal_floor_changes": len(equal.latencies),
                "errors": sum(len(loop.errors) for loop in (single, floor, cached, equal)),
            }
            problems = single.errors + floor.errors + cached.errors + equal.errors
        if args.sessions > 1:
            specs = [
                (f"{url}/timeliness?{query}", UNIT_SELECT, todo, think, 100 + k)
                for k, (query, todo) in enumerate(
                    session_specs(codes, names, start, args.sessions, args.changes)
                )
            ]
            done = await run_loops(browser, pid, cpu, "sessions", specs)
            pooled = [x for loop in done for x in loop.latencies]
            result |= {
                "sessions": args.sessions,
                "sessions_p50_ms": percentile(pooled, 50),
                "sessions_p90_ms": percentile(pooled, 90),
                "sessions_server_p50_ms": percentile(_servers(*done), 50),
                "sessions_server_p90_ms": percentile(_servers(*done), 90),
                "sessions_changes": len(pooled),
                "sessions_errors": sum(len(loop.errors) for loop in done),
            }
            problems += [e for loop in done for e in loop.errors]
        await browser.close()
    result["browser_problems"] = problems
    return result


async def protocol_phase(
    args: argparse.Namespace,
    url: str,
    pid: int,
    cpu: dict,
    codes: list[str],
    names: list[str],
    start: int,
) -> dict:
    """One, then --protocol-sessions K sessions at once that speak Streamlit's protocol with
    no browser (bench/protocol_sessions.py): the server's own latency under load."""
    from protocol_sessions import run_sessions

    page = f"{url}/timeliness"
    single_query = f"unit={codes[start]}&{FIRST_QUERY}"
    single_names = sequence(names, start, args.changes)
    with cpu_meter(pid, cpu, "protocol_single"):
        (single,) = await run_sessions(page, [(single_query, single_names, args.think, 200)])
    specs = [
        (query, todo, args.think, 300 + k)
        for k, (query, todo) in enumerate(
            session_specs(codes, names, start, args.protocol_sessions, args.changes)
        )
    ]
    with cpu_meter(pid, cpu, "protocol_sessions"):
        done = await run_sessions(page, specs)
    pooled = [x for one in done for x in one.latencies]
    return {
        "protocol_single_p50_ms": percentile(single.latencies, 50),
        "protocol_single_p90_ms": percentile(single.latencies, 90),
        "protocol_sessions": args.protocol_sessions,
        "protocol_sessions_p50_ms": percentile(pooled, 50),
        "protocol_sessions_p90_ms": percentile(pooled, 90),
        "protocol_changes": len(pooled),
        "protocol_errors": len(single.errors) + sum(len(one.errors) for one in done),
        "protocol_problems": single.errors + [e for one in done for e in one.errors],
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} ms"


def _per_change(r: dict, phase: str, count: str) -> str:
    changes = r[count]
    return _ms(1000 * r["cpu"][phase]["server_cpu_s"] / changes if changes else None)


def _parts(parts: dict) -> str:
    return " / ".join(_ms(parts[k]) for k in ("start", "script", "draw"))


def _browser_rows(r: dict) -> list[tuple[str, str]]:
    """The table's rows of the browser phase."""
    return [
        ("first chart, cold (server just started)", _ms(r["first_chart_cold_ms"])),
        ("first chart, warm (new browser context)", _ms(r["first_chart_ms"])),
        ("first chart, warm, browser cache warm too", _ms(r["first_chart_browser_cached_ms"])),
        ("floor first chart (new browser context)", _ms(r["floor_first_chart_ms"])),
        ("filter change p50 / p90", f"{_ms(r['interaction_p50_ms'])} / {_ms(r['interaction_p90_ms'])}"),
        ("filter change, views cached, p50 / p90", f"{_ms(r['interaction_cached_p50_ms'])} / {_ms(r['interaction_cached_p90_ms'])}"),
        ("floor p50 / p90", f"{_ms(r['floor_p50_ms'])} / {_ms(r['floor_p90_ms'])}"),
        ("equal floor p50 / p90 (the page's elements, bare)", f"{_ms(r['equal_floor_p50_ms'])} / {_ms(r['equal_floor_p90_ms'])}"),
        ("ratio p50 (dashboard / floor)", _num(r["ratio_p50"])),
        ("ratio p50 (dashboard / equal floor)", _num(r["ratio_equal_p50"])),
        ("dashboard: to rerun / rerun / draw (p50)", _parts(r["interaction_parts_p50_ms"])),
        ("floor: to rerun / rerun / draw (p50)", _parts(r["floor_parts_p50_ms"])),
        ("equal floor: to rerun / rerun / draw (p50)", _parts(r["equal_floor_parts_p50_ms"])),
        ("server CPU per change: first visit / cached", _per_change(r, "single", "changes")
         + " / " + _per_change(r, "cached", "changes")),
        ("server latency p50 / p90 (rerun sent .. finished)",
         f"{_ms(r['server_p50_ms'])} / {_ms(r['server_p90_ms'])}"),
        ("server latency p50, views cached", _ms(r["server_cached_p50_ms"])),
        ("equal floor server latency p50", _ms(r["equal_floor_server_p50_ms"])),
        ("floor / equal floor server CPU per change", _per_change(r, "floor", "changes")
         + " / " + _per_change(r, "equal_floor", "equal_floor_changes")),
        ("changes timed / errors", f"{r['changes']} / {r['errors']}"),
    ]  # fmt: skip


def table(r: dict) -> str:
    rows = [("records", f"{r['records']:,}")]
    if "interaction_p50_ms" in r:
        rows += _browser_rows(r)
    rows.append(("server peak RSS", f"{r['peak_rss_mb']:,.0f} MB"))
    if "sessions" in r:
        rows += [
            (
                f"{r['sessions']} sessions p50 / p90",
                f"{_ms(r['sessions_p50_ms'])} / {_ms(r['sessions_p90_ms'])}",
            ),
            ("sessions p90 / single p90", _num(r["sessions_ratio_p90"])),
            ("sessions changes / errors", f"{r['sessions_changes']} / {r['sessions_errors']}"),
            (
                "sessions: server latency p50 / p90",
                f"{_ms(r['sessions_server_p50_ms'])} / {_ms(r['sessions_server_p90_ms'])}",
            ),
            ("sessions: server CPU per change", _per_change(r, "sessions", "sessions_changes")),
            ("sessions: machine CPU busy", f"{r['cpu']['sessions']['machine_busy_pct']:.0f} %"),
        ]
    if "protocol_sessions" in r:
        k = r["protocol_sessions"]
        rows += [
            (
                "no browser: 1 session p50 / p90",
                f"{_ms(r['protocol_single_p50_ms'])} / {_ms(r['protocol_single_p90_ms'])}",
            ),
            (
                f"no browser: {k} sessions p50 / p90",
                f"{_ms(r['protocol_sessions_p50_ms'])} / {_ms(r['protocol_sessions_p90_ms'])}",
            ),
            (f"no browser: {k} sessions p90 / 1 session p90", _num(r["protocol_ratio_p90"])),
            ("no browser: changes / errors", f"{r['protocol_changes']} / {r['protocol_errors']}"),
            (
                "no browser: server CPU per change",
                _per_change(r, "protocol_sessions", "protocol_changes"),
            ),
            (
                "no browser: machine CPU busy",
                f"{r['cpu']['protocol_sessions']['machine_busy_pct']:.0f} %",
            ),
        ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def _think(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="dossier records")
    parser.add_argument("--sessions", type=int, default=1, help="browser sessions at once")
    parser.add_argument(
        "--protocol-sessions",
        type=int,
        default=0,
        help="also K sessions at once without a browser (Streamlit's protocol), and one",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="serve the dashboard as N processes behind nginx (python -m indicators serve)",
    )
    parser.add_argument("--changes", type=int, default=24, help="filter changes per loop")
    parser.add_argument("--warm", type=int, default=3, help="warm first-chart loads")
    parser.add_argument(
        "--think", type=_think, default=(1.0, 2.0), help="seconds between changes, e.g. 1-2"
    )
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        help="a Streamlit option for both servers, e.g. runner.postScriptGC=true (repeatable)",
    )
    parser.add_argument(
        "--only",
        choices=("protocol",),
        help="only this phase (protocol: no browser, no floors; with --protocol-sessions)",
    )
    args = parser.parse_args(argv)
    if args.only == "protocol" and not args.protocol_sessions:
        parser.error("--only protocol needs --protocol-sessions K")
    folder, info = prepare(args.records)
    print(f"data: {folder} ({info})", flush=True)
    logs = CACHE / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    result = asyncio.run(measure(args, folder, logs))
    result["think_s"] = list(args.think)
    if args.option:
        result["options"] = args.option
    if args.workers > 1:
        result["workers"] = args.workers
    print(table(result))
    rounded = {k: _rounded(v) for k, v in result.items()}
    print(json.dumps(rounded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
