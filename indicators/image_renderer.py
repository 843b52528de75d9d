"""One Kaleido (one headless Chromium) kept for the process, so that images after the first
cost ~0,4 s instead of the ~4 s of starting a browser for each (a pack, a deck with a map,
every PNG download of a dashboard session).

Kaleido is asyncio code: it lives on its own event loop in a daemon thread, and callers from
any thread (Streamlit's sessions, the command line) hand it figures with
`asyncio.run_coroutine_threadsafe`; Kaleido queues them for its one tab. A render that fails
or times out closes the browser, and the next call starts a fresh one (a browser that died
since the last image is replaced once, transparently). After IDLE_SECONDS without an image the
browser is closed, and it is closed when the process exits.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

START_SECONDS = 60.0  # Chromium's start on a loaded 2-core machine takes 3-10 s
RENDER_SECONDS = 120.0  # above Kaleido's own 90 s a render
IDLE_SECONDS = 600.0


class _Renderer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido: Any = None
        self._browser_path: str | None = None
        self._idle: asyncio.TimerHandle | None = None
        self.starts = 0  # browsers started by this process (read by the tests)

    def render(self, fig: dict, opts: dict, topojson: str, browser_path: str) -> bytes:
        """The figure drawn by the kept browser; a kept browser that fails is replaced once."""
        fresh = self._kaleido is None or self._browser_path != browser_path
        try:
            return self._submit(fig, opts, topojson, browser_path)
        except Exception:
            self.close()
            if fresh:
                raise
        return self._submit(fig, opts, topojson, browser_path)

    def _submit(self, fig: dict, opts: dict, topojson: str, browser_path: str) -> bytes:
        with self._lock:
            if self._kaleido is not None and self._browser_path != browser_path:
                self._close_locked()
            if self._kaleido is None:
                self._start_locked(browser_path)
            loop, kaleido = self._loop, self._kaleido
            assert loop is not None
            future = asyncio.run_coroutine_threadsafe(
                kaleido.calc_fig(fig, opts=opts, topojson=topojson), loop
            )
            loop.call_soon_threadsafe(self._restart_idle_timer)
        data = _result(future, RENDER_SECONDS)
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def _start_locked(self, browser_path: str) -> None:
        from kaleido import Kaleido  # imported when the first image is asked for

        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()

        async def opened() -> Any:
            kaleido = Kaleido(path=browser_path, mathjax=False, n=1)
            await kaleido.open()
            return kaleido

        try:
            self._kaleido = _result(asyncio.run_coroutine_threadsafe(opened(), loop), START_SECONDS)
        except BaseException:
            loop.call_soon_threadsafe(loop.stop)
            raise
        self._loop, self._browser_path = loop, browser_path
        self.starts += 1

    def _restart_idle_timer(self) -> None:  # on the loop's thread
        if self._idle is not None:
            self._idle.cancel()
        assert self._loop is not None
        self._idle = self._loop.call_later(IDLE_SECONDS, self._close_when_idle)

    def _close_when_idle(self) -> None:  # on the loop's thread: close from another one
        threading.Thread(target=self.close, name="kaleido-idle", daemon=True).start()

    def close(self) -> None:
        """Close the browser and its loop (nothing happens when none is open)."""
        with self._lock:
            self._close_locked()

    def _close_locked(self) -> None:
        loop, kaleido = self._loop, self._kaleido
        self._loop = self._kaleido = self._browser_path = self._idle = None
        if loop is None:
            return
        try:
            _result(asyncio.run_coroutine_threadsafe(kaleido.close(), loop), START_SECONDS)
        except Exception:  # a browser that died is gone already; its loop still stops below
            pass
        loop.call_soon_threadsafe(loop.stop)


def _result(future: Future, seconds: float) -> Any:
    try:
        return future.result(timeout=seconds)
    except FutureTimeout:
        future.cancel()
        raise TimeoutError(f"Kaleido gave no image within {seconds:.0f} s") from None


RENDERER = _Renderer()
atexit.register(RENDERER.close)
