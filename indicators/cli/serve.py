from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HELP = (
    "the dashboard as N Streamlit processes behind nginx, for many users / "
    "bảng điều khiển chạy N tiến trình sau nginx, cho nhiều người dùng"
)
ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, default=2, help="Streamlit processes (default 2)")
    parser.add_argument("--port", type=int, default=8501, help="the port users open")
    parser.add_argument(
        "--address", default="0.0.0.0", help="where nginx listens (default: every address)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _worker(port: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT)


def _wait_healthy(port: int, worker: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"worker on port {port} exited with {worker.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"worker on port {port} did not answer in {START_TIMEOUT_S} s")


def run(args: argparse.Namespace) -> int:
    from indicators.serving import NginxMissing, nginx_binary, nginx_config

    if args.workers < 1:
        print("--workers phải ≥ 1 / --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        nginx = nginx_binary()
    except NginxMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    ports = [_free_port() for _ in range(args.workers)]
    children: list[subprocess.Popen] = []
    stop = {"now": False}

    def on_signal(signum: int, _frame: object) -> None:
        stop["now"] = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with tempfile.TemporaryDirectory(prefix="par-serve-") as tmp:
        workdir = Path(tmp)
        try:
            children += [_worker(port) for port in ports]
            for port, worker in zip(ports, children, strict=True):
                _wait_healthy(port, worker)
            config = workdir / "nginx.conf"
            listen = f"{args.address}:{args.port}"
            config.write_text(nginx_config(ports, listen, workdir), "utf-8")
            children.append(subprocess.Popen([nginx, "-c", str(config), "-p", str(workdir)]))
            print(f"serving http://{listen} ({args.workers} workers: {ports})", flush=True)
            while not stop["now"] and all(child.poll() is None for child in children):
                time.sleep(0.5)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                try:
                    child.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    child.kill()
    failed = [child.returncode for child in children if child.returncode not in (0, -15, None)]
    return 0 if stop["now"] or not failed else 1
