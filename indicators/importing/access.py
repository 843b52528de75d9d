"""Who may upload on the /data page: one administrator password, compared in constant time,
with a brake on wrong guesses per client (address). Pure: no Streamlit here (see ui/admin.py).

The password comes from the setting PAR_ADMIN_PASSWORD (an environment variable) or the same
key in .streamlit/secrets.toml; without one, upload is off.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
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


def client_key(address: str | None, forwarded_for: str | None, session: str) -> str:
    """Whom a sign-in attempt counts against: the connection's address (IPv6: its /64, what
    one subscriber is given); when the connection comes from this machine (`address` None:
    the bundled nginx, see indicators.serving, or local use), the address nginx appended last
    to X-Forwarded-For (what a client sent itself comes before it); else the session."""
    for candidate in (address, (forwarded_for or "").rsplit(",", 1)[-1]):
        try:
            ip = ipaddress.ip_address((candidate or "").strip())
        except ValueError:
            continue
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is None:
            return f"ip:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
        return f"ip:{getattr(ip, 'ipv4_mapped', None) or ip}"
    return f"session:{session}"


class Throttle:
    """At most `limit` wrong passwords per `window` seconds from one client (see client_key);
    beyond that, that client's attempts wait (a guesser cannot try thousands), while every
    other client signs in as usual: one visitor's guesses cannot lock the administrator out."""

    def __init__(
        self,
        limit: int = 10,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self.max_clients = max_clients
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.get(client, deque())
        while failures and now - failures[0] >= self.window:
            failures.popleft()
        return failures

    def wait(self, client: str) -> int:
        """Seconds before `client` may try again (0: allowed now)."""
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if len(failures) < self.limit:
                return 0
            return max(1, int(failures[0] + self.window - now + 0.999))

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            self._failures[client] = self._recent(client, now)
            self._failures[client].append(now)
            if len(self._failures) > self.max_clients:
                self._forget_quiet(now)

    def _forget_quiet(self, now: float) -> None:
        """Drop the clients without a failure in the window (memory stays bounded)."""
        for client in list(self._failures):
            if not self._recent(client, now):
                del self._failures[client]
