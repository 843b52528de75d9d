"""`python -m indicators serve`: N dashboard processes behind nginx, each browser kept on one.

The test command installs Debian's nginx when it is missing (scripts/test.sh)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from indicators import serving
from indicators.cli import serve

ROOT = Path(__file__).resolve().parent.parent


def test_the_config_lists_the_workers_and_keeps_a_browser_on_one(tmp_path: Path) -> None:
    config = serving.nginx_config([9001, 9002], "127.0.0.1:8080", tmp_path)
    assert "server 127.0.0.1:9001;" in config and "server 127.0.0.1:9002;" in config
    assert "listen 127.0.0.1:8080;" in config
    assert "hash $par_worker_key consistent;" in config
    assert "proxy_set_header Upgrade $http_upgrade;" in config  # the websocket
    assert f"pid {tmp_path}/nginx.pid;" in config  # nothing written outside tmp_path


@pytest.mark.tools
def test_nginx_accepts_the_config(tmp_path: Path) -> None:
    config = tmp_path / "nginx.conf"
    config.write_text(serving.nginx_config([9001], "127.0.0.1:8080", tmp_path), "utf-8")
    checked = subprocess.run(
        [serving.nginx_binary(), "-t", "-c", str(config), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr


def test_without_nginx_it_says_what_to_install(monkeypatch, capsys) -> None:
    monkeypatch.setattr(serving.shutil, "which", lambda name: None)
    monkeypatch.setattr(serving, "NGINX_PATHS", ())
    args = argparse.Namespace(workers=2, port=8501, address="127.0.0.1")
    assert serve.run(args) == 2
    err = capsys.readouterr().err
    assert "apt-get install nginx" in err and "Không tìm thấy nginx" in err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers)


async def _rerun_over(url: str) -> tuple[str, bool]:
    """A session through the proxy: one run of /timeliness; how it finished, and whether its
    messages name the unit of the URL (Quận Nam Từ Liêm, 019)."""
    message = BackMsg()
    message.rerun_script.query_string = "unit=019&year=2024"
    message.rerun_script.page_name = "timeliness"
    seen = bytearray()
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as sock:
        await sock.send(message.SerializeToString())
        async with asyncio.timeout(120):
            while True:
                raw = await sock.recv()
                seen += raw
                reply = ForwardMsg()
                reply.ParseFromString(raw)
                if reply.WhichOneof("type") == "script_finished":
                    status = ForwardMsg.ScriptFinishedStatus.Name(reply.script_finished)
                    if status != "FINISHED_EARLY_FOR_RERUN":
                        return status, "Quận Nam Từ Liêm".encode() in seen


@pytest.fixture(scope="module")
def served():
    port = _free_port()
    command = [sys.executable, "-m", "indicators", "serve", "--workers", "2"]
    command += ["--port", str(port), "--address", "127.0.0.1"]
    proc = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 150
    while True:
        assert proc.poll() is None, "serve exited early"
        try:
            _get(f"{url}/_stcore/health")
            break
        except OSError:
            assert time.monotonic() < deadline, "serve did not answer"
            time.sleep(0.5)
    yield url, proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.mark.tools
def test_a_browser_stays_on_its_worker_and_new_ones_spread(served) -> None:
    url, _ = served
    status, headers = _get(f"{url}/")
    assert status == 200
    cookie = headers["Set-Cookie"].split(";")[0]
    assert cookie.startswith(f"{serving.COOKIE}=")
    mine = {_get(f"{url}/_stcore/health", cookie)[1]["X-PAR-Worker"] for _ in range(10)}
    assert len(mine) == 1  # every request of this browser: the same process
    fresh = {_get(f"{url}/_stcore/health")[1]["X-PAR-Worker"] for _ in range(30)}
    assert len(fresh) == 2  # new browsers reach both (2^-29 to fail by chance)


@pytest.mark.tools
def test_a_session_runs_through_the_proxy(served) -> None:
    url, _ = served
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    # in a thread of its own: Playwright's sync API (the browser tests) may hold this thread's
    # event loop open
    with ThreadPoolExecutor(1) as pool:
        status, named = pool.submit(asyncio.run, _rerun_over(stream)).result()
    assert status == "FINISHED_SUCCESSFULLY" and named


@pytest.mark.tools
def test_every_worker_serves_the_data_routes(served) -> None:
    """The data routes (/api/v1/…, dashboard.py's st.App) answer through nginx, from both
    workers (a client with no cookie reaches either)."""
    url, _ = served
    workers = set()
    for _ in range(30):
        with urllib.request.urlopen(f"{url}/api/v1/summary?unit=019&year=2023", timeout=60) as r:
            assert r.status == 200
            assert json.loads(r.read())["par_rank"] == 2
            workers.add(r.headers["X-PAR-Worker"])
    assert len(workers) == 2


@pytest.mark.tools
def test_sigterm_stops_the_workers_and_nginx(served) -> None:
    url, proc = served
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    with pytest.raises(OSError):
        _get(f"{url}/_stcore/health")
