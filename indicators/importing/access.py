"""Who may upload on the /data page: one administrator password, compared in constant time,
with a process-wide brake on wrong guesses. Pure: no Streamlit here (see ui/admin.py).

The password comes from the setting PAR_ADMIN_PASSWORD (an environment variable) or the same
key in .streamlit/secrets.toml; without one, upload is off.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable

MAX_WHO = 60  # characters of a name kept for the import log
DEFAULT_WHO = "web"


def _bytes(text: str) -> bytes:
    return unicodedata.normalize("NFC", text).encode("utf-8")


def password_matches(given: str, expected: str) -> bool:
    """True when `given` is the configured password; never true without one (empty)."""
    if not expected:
        return False
    return hmac.compare_digest(_bytes(given), _bytes(expected))


def fingerprint(password: str) -> str:
    """What a session keeps to stay signed in (never the password itself): a change of the
    configured password (or its removal) signs every session out."""
    return hashlib.sha256(b"par-admin\x00" + _bytes(password)).hexdigest()


def still_signed_in(kept: str | None, password: str) -> bool:
    if not kept or not password:
        return False
    return hmac.compare_digest(kept, fingerprint(password))


def clean_who(name: str | None) -> str:
    """A name for the import log: printable, single-spaced, at most MAX_WHO characters."""
    text = unicodedata.normalize("NFC", name or "")
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())[:MAX_WHO].strip()
    return text or DEFAULT_WHO


class Throttle:
    """At most `limit` wrong passwords per `window` seconds, counted across every session of
    the process; beyond that every attempt waits (a guesser cannot try thousands)."""

    def __init__(
        self, limit: int = 10, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def _forget_old(self, now: float) -> None:
        while self._failures and now - self._failures[0] >= self.window:
            self._failures.popleft()

    def wait(self) -> int:
        """Seconds before the next attempt is allowed (0: allowed now)."""
        with self._lock:
            now = self.clock()
            self._forget_old(now)
            if len(self._failures) < self.limit:
                return 0
            return max(1, int(self._failures[0] + self.window - now + 0.999))

    def failed(self) -> None:
        with self._lock:
            now = self.clock()
            self._forget_old(now)
            self._failures.append(now)
