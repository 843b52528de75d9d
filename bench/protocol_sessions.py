"""K sessions of /timeliness that speak Streamlit's websocket protocol, without a browser.

bench/run.py's browser sessions share this machine's two cores with their Chromium pages,
which then bound what they measure (the server used a fraction of a core). These sessions
send what the browser sends when a unit is picked (a rerun request with the unit selectbox's
new value) and time the server from the request until its "script finished" message: the
server's latency under K sessions at once, with nothing drawn. Used by
`bench/run.py --protocol-sessions K`.

A change counts as an error unless the rerun finished normally and its messages name the
new unit (the heading and the charts' titles do).
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

UNIT_WIDGET_SUFFIX = "-f_unit"  # ui/filters.py: the unit selectbox's key is "f_unit"
TIMEOUT_S = 120


@dataclass
class Session:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class _Connection:
    def __init__(self, socket, page: str, query: str) -> None:
        self.socket = socket
        self.page = page
        self.query = query  # as the app last wrote it, which a browser sends back
        self.unit_widget: str | None = None

    async def rerun(self, unit: str | None = None) -> tuple[float, bytes, str]:
        """Ask for a rerun (with the unit selectbox set to `unit`); returns the ms until the
        script finished, every message's bytes, and how it finished."""
        message = BackMsg()
        run = message.rerun_script
        run.query_string = self.query
        run.page_name = self.page
        run.context_info.locale = "vi-VN"
        run.context_info.timezone = "UTC"
        if unit is not None:
            if self.unit_widget is None:
                raise RuntimeError("the unit selectbox was not seen")
            state = run.widget_states.widgets.add()
            state.id = self.unit_widget
            state.string_value = unit
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        seen = bytearray()
        async with asyncio.timeout(TIMEOUT_S):
            while True:
                raw = await self.socket.recv()
                seen += raw
                reply = ForwardMsg()
                reply.ParseFromString(raw)
                kind = reply.WhichOneof("type")
                if kind == "delta" and self.unit_widget is None:
                    self._find_unit_widget(reply)
                if kind == "page_info_changed":
                    self.query = reply.page_info_changed.query_string
                if kind == "script_finished":
                    status = ForwardMsg.ScriptFinishedStatus.Name(reply.script_finished)
                    if status != "FINISHED_EARLY_FOR_RERUN":  # e.g. st.rerun: the next one
                        return 1000 * (time.perf_counter() - started), bytes(seen), status

    def _find_unit_widget(self, reply: ForwardMsg) -> None:
        element = reply.delta.new_element
        if element.WhichOneof("type") == "selectbox" and element.selectbox.id.endswith(
            UNIT_WIDGET_SUFFIX
        ):
            self.unit_widget = element.selectbox.id


async def session(
    url: str,
    query: str,
    names: list[str],
    think: tuple[float, float],
    seed: int,
    ready: asyncio.Barrier,
) -> Session:
    """Open the page of `url` with `query`, wait for the others at `ready`, then pick each of
    `names` as the unit, pausing `think` seconds (uniform) before each."""
    parts = urlparse(url)
    stream = f"ws://{parts.netloc}/_stcore/stream"
    rng = random.Random(seed)
    out = Session()
    opened = websockets.connect(
        stream,
        subprotocols=["streamlit"],
        max_size=None,
        open_timeout=TIMEOUT_S,  # K sessions open at once, on a server that may be busy
        ping_interval=None,  # no keepalive to miss while the server's loop is busy: a
        # session ends on its own errors
    )
    socket = None
    try:
        socket = await opened
        connection = _Connection(socket, parts.path.strip("/"), query)
        await connection.rerun()
    except Exception as exc:  # a session that did not open is an error, the others go on
        out.errors.append(f"open: {type(exc).__name__}: {str(exc)[:200]}")
        if socket is not None:
            await socket.close()
        await ready.wait()
        return out
    async with socket:
        await ready.wait()
        for name in names:
            await asyncio.sleep(rng.uniform(*think))
            try:
                ms, seen, status = await connection.rerun(name)
            except Exception as exc:  # counted; the loop goes on
                out.errors.append(f"{name}: {type(exc).__name__}: {str(exc)[:200]}")
                continue
            if status != "FINISHED_SUCCESSFULLY" or name.encode() not in seen:
                out.errors.append(f"{name}: {status}, unit named: {name.encode() in seen}")
                continue
            out.latencies.append(ms)
    return out


async def run_sessions(
    url: str,
    specs: list[tuple[str, list[str], tuple[float, float], int]],
) -> list[Session]:
    """One session per (query, names, think, seed), all at once."""
    ready = asyncio.Barrier(len(specs))
    return list(
        await asyncio.gather(
            *(session(url, query, names, think, seed, ready) for query, names, think, seed in specs)
        )
    )
