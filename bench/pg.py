"""A throwaway PostgreSQL server for the benchmarks, as tests/conftest.py starts one: Debian's
binaries (/usr/lib/postgresql/*/bin), run as the `postgres` user when root, listening on
127.0.0.1 only (trust auth), no fsync; stopped and deleted on exit."""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from glob import glob
from pathlib import Path


def _bindir() -> Path:
    found = glob("/usr/lib/postgresql/*/bin/initdb")
    if not found:
        raise SystemExit("PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb)")
    newest = max(found, key=lambda p: [int(n) for n in re.findall(r"\d+", Path(p).parts[-3])])
    return Path(newest).parent


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def throwaway_postgres(dbname: str = "par_bench") -> Iterator[str]:
    """The SQLAlchemy URL of database `dbname` on a private server, for the `with` block."""
    bindir = _bindir()
    tmp = Path(tempfile.mkdtemp(prefix="par-bench-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(tmp, user.pw_uid, user.pw_gid)
    data, port = tmp / "data", _free_port()
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "server.log"), "-w"]
    started = False
    try:
        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
        subprocess.run(_as_postgres([*initdb, "-E", "UTF8", "--locale=C"]), check=True,
                       cwd=tmp, capture_output=True)  # fmt: skip
        options = (
            f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(_as_postgres([*pg_ctl, "-o", options, "start"]), check=True, cwd=tmp,
                       capture_output=True)  # fmt: skip
        started = True
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f"CREATE DATABASE {dbname} ENCODING 'UTF8' TEMPLATE template0")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{dbname}"
    finally:
        if started:
            stop = [*pg_ctl, "stop", "-m", "immediate"]
            subprocess.run(_as_postgres(stop), cwd=tmp, capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
