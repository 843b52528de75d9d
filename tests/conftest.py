"""Shared fixtures: a throwaway PostgreSQL server, Streamlit servers and headless Chromium.

- ``postgres_url`` (session): SQLAlchemy URL of a fresh database ``par_test`` on a private
  PostgreSQL server started from Debian's binaries. Fails (never skips) if they are missing.
- ``start_streamlit`` (session): factory ``start_streamlit(script="dashboard.py", *,
  extra_args=(), env=None) -> base_url``; one server per distinct call, reused for the same
  arguments, all stopped at the end of the session.
- ``streamlit_server`` (session): base URL of ``dashboard.py`` served by ``start_streamlit``.
- ``browser`` (session): Playwright sync Chromium (Debian's /usr/bin/chromium), headless.
  Open pages with ``support.browser.open_page``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from glob import glob
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


# --- parallel runs (pytest-xdist, `--dist loadgroup`) ----------------------------------------
# Each worker starts its own servers; the tests that drive the browser, PostgreSQL or the
# Debian tools each run in one worker (one Chromium, one PostgreSQL server, one LibreOffice at
# a time on a 2-core machine), the others are shared out test by test.
SERIAL_GROUPS = ("browser", "postgres", "tools")


# A module marked `costly_fixtures` runs in one worker too (after the serial groups), so that
# its module-scoped fixtures (packs, decks, images built once for many checks) are built once
# per run instead of once per worker.


@pytest.hookimpl(tryfirst=True)  # before xdist's, which reads the groups into the test ids
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        group = next((name for name in SERIAL_GROUPS if item.get_closest_marker(name)), None)
        if group is None and item.get_closest_marker("costly_fixtures"):
            group = item.module.__name__
        if group and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError:
        return "(no output)"
    return text[-limit:] or "(no output)"


# --- PostgreSQL -----------------------------------------------------------------------------


def _postgres_bindir() -> Path:
    """The bin directory of the newest PostgreSQL under /usr/lib/postgresql, or fail."""
    found = glob("/usr/lib/postgresql/*/bin/initdb")

    def version(path: str) -> tuple[int, ...]:
        ver = Path(path).parent.parent.name
        return tuple(int(p) for p in re.findall(r"\d+", ver)) or (0,)

    if not found:
        pytest.fail(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb). "
            "Install Debian's `postgresql` package, or run `bash scripts/test.sh`, "
            "which installs it.",
            pytrace=False,
        )
    return Path(max(found, key=version)).parent


def _as_postgres_user(cmd: list[str]) -> list[str]:
    """initdb refuses to run as root: run server commands as the `postgres` user when root."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    import shlex

    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]


def _run(cmd: list[str], what: str, cwd: Path) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.fail(
            f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n"
            f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL ``postgresql+psycopg://postgres@127.0.0.1:PORT/par_test`` of a throwaway server.

    The server listens on 127.0.0.1 only (trust auth), keeps its socket and data in a temp
    dir, runs without fsync, and is stopped (``pg_ctl stop -m immediate``) and deleted at the
    end of the session.
    """
    bindir = _postgres_bindir()
    is_root = os.geteuid() == 0
    if is_root:
        try:
            pg_user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail(
                "running as root, but there is no `postgres` system user to run PostgreSQL "
                "as (Debian's `postgresql` package creates it)",
                pytrace=False,
            )
    # Short path: the unix socket path must stay under ~107 bytes.
    tmp = Path(tempfile.mkdtemp(prefix="par-pg-", dir="/tmp" if Path("/tmp").is_dir() else None))
    if is_root:
        os.chown(tmp, pg_user.pw_uid, pg_user.pw_gid)
    data, log = tmp / "data", tmp / "server.log"
    started = False
    try:
        _run(
            _as_postgres_user(
                [
                    str(bindir / "initdb"),
                    "-D", str(data),
                    "-U", "postgres",
                    "-E", "UTF8",
                    "--locale=C",
                    "--auth=trust",
                ]
            ),
            "initdb",
            cwd=tmp,
        )  # fmt: skip
        hba = "local all all trust\nhost all all 127.0.0.1/32 trust\n"
        hba_path = data / "pg_hba.conf"
        hba_path.write_text(hba, "utf-8")
        if is_root:
            os.chown(hba_path, pg_user.pw_uid, pg_user.pw_gid)

        for attempt in range(3):
            port = free_port()
            options = (
                f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            cmd = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60"]
            proc = subprocess.run(
                _as_postgres_user([*cmd, "-o", options, "start"]),
                cwd=tmp,
                capture_output=True,
                text=True,
            )
            if proc.returncode == 0:
                started = True
                break
            if attempt == 2 or "already in use" not in _tail(log):
                pytest.fail(
                    f"PostgreSQL did not start (pg_ctl exit {proc.returncode}):\n"
                    f"{proc.stdout}\n{proc.stderr}\n--- server log ---\n{_tail(log)}",
                    pytrace=False,
                )

        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE par_test ENCODING 'UTF8' TEMPLATE template0")

        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/par_test"
    finally:
        if started:
            subprocess.run(
                _as_postgres_user(
                    [str(bindir / "pg_ctl"), "-D", str(data), "stop", "-m", "immediate", "-w"]
                ),
                cwd=tmp,
                capture_output=True,
            )
        shutil.rmtree(tmp, ignore_errors=True)


# --- Streamlit ------------------------------------------------------------------------------

STREAMLIT_START_TIMEOUT = 60.0


def _wait_healthy(proc: subprocess.Popen, url: str, stderr_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"streamlit exited with code {proc.returncode} before answering {url}\n"
                f"--- stderr ---\n{_tail(stderr_path)}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200 and resp.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)
    pytest.fail(
        f"streamlit did not answer {url} with 'ok' within {timeout:.0f} s\n"
        f"--- stderr ---\n{_tail(stderr_path)}",
        pytrace=False,
    )


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


StartStreamlit = Callable[..., str]


@pytest.fixture(scope="session")
def start_streamlit(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StartStreamlit]:
    """Factory: ``start_streamlit(script="dashboard.py", *, extra_args=(), env=None) -> url``.

    Runs ``.venv/bin/streamlit run SCRIPT --server.headless true --server.port PORT
    --server.address 127.0.0.1 --browser.gatherUsageStats false [extra_args]`` from the repo
    root (a relative SCRIPT is relative to it), waits for ``/_stcore/health`` to answer ok and
    returns ``http://127.0.0.1:PORT``. The same arguments reuse the running server. All
    servers are terminated at the end of the session.
    """
    servers: dict[tuple, str] = {}
    procs: list[subprocess.Popen] = []
    logdir = tmp_path_factory.mktemp("streamlit-logs")
    exe = REPO_ROOT / ".venv" / "bin" / "streamlit"
    if not exe.exists():  # e.g. a venv elsewhere: use the running interpreter's streamlit
        exe = Path(sys.executable).with_name("streamlit")

    def start(
        script: str | os.PathLike[str] = "dashboard.py",
        *,
        extra_args: Sequence[str] = (),
        env: dict[str, str] | None = None,
        timeout: float = STREAMLIT_START_TIMEOUT,
    ) -> str:
        path = Path(script)
        if not path.is_absolute():
            path = REPO_ROOT / path
        key = (str(path), tuple(extra_args), tuple(sorted((env or {}).items())))
        if key in servers:
            return servers[key]
        if not path.exists():
            pytest.fail(f"streamlit script not found: {path}", pytrace=False)
        port = free_port()
        cmd = [
            str(exe), "run", str(path),
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            *extra_args,
        ]  # fmt: skip
        n = len(procs)
        stdout_path = logdir / f"{n}-{path.stem}.out"
        stderr_path = logdir / f"{n}-{path.stem}.err"
        with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
            proc = subprocess.Popen(
                cmd,
                cwd=REPO_ROOT,
                stdout=out,
                stderr=err,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
            )
        procs.append(proc)
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(proc, f"{url}/_stcore/health", stderr_path, timeout)
        servers[key] = url
        return url

    try:
        yield start
    finally:
        for proc in procs:
            with contextlib.suppress(Exception):
                _stop(proc)


@pytest.fixture(scope="session")
def streamlit_server(start_streamlit: StartStreamlit) -> str:
    """Base URL (``http://127.0.0.1:PORT``) of ``dashboard.py`` served for the session."""
    return start_streamlit("dashboard.py")


# --- Chromium (Playwright) ------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """A headless Playwright (sync API) Chromium: Debian's, never a downloaded one."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail(
            "Chromium not found (/usr/bin/chromium). Install Debian's `chromium` package, "
            "or run `bash scripts/test.sh`, which installs it.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
