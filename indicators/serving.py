"""Several Streamlit processes behind nginx: the dashboard for more users than one process
serves well.

One Streamlit process runs its sessions' Python on one core (the GIL), so ten users changing
filters at once wait for each other (bench/RESULTS.md). `python -m indicators serve
--workers N` starts N processes of dashboard.py and an nginx in front of them. A browser
must stay on one process: its session, its uploads and its downloads live there. nginx gives
each browser a cookie on its first request and hashes on it, so every later request of that
browser (the websocket, /_stcore/upload_file, /media) reaches the same process; a client with
no cookie (a script) is placed by a random key, one connection at a time. Every worker serves
the data routes too (/api/v1/…, /embed/…: dashboard.py's st.App), so any may answer a script.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

COOKIE = "par_worker"
NGINX_PATHS = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")


class NginxMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "Không tìm thấy nginx: cài gói Debian 'nginx' (apt-get install nginx). / "
            "nginx not found: install Debian's 'nginx' package (apt-get install nginx)."
        )


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in NGINX_PATHS if Path(p).is_file()), None)
    if found is None:
        raise NginxMissing()
    return found


def nginx_config(ports: Sequence[int], listen: str, workdir: Path) -> str:
    """nginx.conf for the workers on 127.0.0.1:`ports`, listening on `listen` (host:port);
    every file nginx writes stays in `workdir`. Websockets are passed through (Streamlit's
    /_stcore/stream); bodies are not buffered or size-capped by nginx (Streamlit caps
    uploads itself, server.maxUploadSize)."""
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in ports)
    return f"""daemon off;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    access_log off;
    client_body_temp_path {workdir}/client_body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;

    # a browser keeps the key it was given; a first request gets a new random one
    map $cookie_{COOKIE} $par_worker_key {{
        "" $request_id;
        default $cookie_{COOKIE};
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        "" close;
    }}

    upstream dashboard {{
        hash $par_worker_key consistent;
{servers}
    }}

    server {{
        listen {listen};
        client_max_body_size 0;

        location / {{
            proxy_pass http://dashboard;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1d;
            proxy_buffering off;
            add_header Set-Cookie "{COOKIE}=$par_worker_key; Path=/; HttpOnly; SameSite=Lax";
            add_header X-PAR-Worker $upstream_addr;
        }}
    }}
}}
"""
