"""The staff exit PIN: stored as a salted scrypt hash, and tries slowed down and locked out (no Qt)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

PIN_MIN, PIN_MAX = 4, 12
#: scrypt's cost: 16 MiB of memory and some 0.1 s a try on a kiosk PC. It slows a
#: guesser who has copied kiosk.toml, but a 4-digit PIN is still found in minutes:
#: the file must stay readable by root and the kiosk's user only.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
_SALT_BYTES, _HASH_BYTES = 16, 32
#: A hash names its own cost; these bounds keep a bad file from asking for gigabytes.
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16
_PREFIX = "scrypt"

#: Wrong tries before any wait, the waits after them (seconds, doubling), and the lockout.
FREE_TRIES = 3
FIRST_DELAY, MAX_DELAY = 2, 60
LOCK_AFTER = 10
LOCK_SECONDS = 15 * 60


def pin_problem(pin: str) -> str | None:
    """A sentence saying why pin cannot be a staff PIN, or None if it can.

    Only ASCII 0-9: str.isdigit() also accepts "١٢٣٤" (Arabic-Indic digits), which
    the kiosk's keypad cannot type.
    """
    if PIN_MIN <= len(pin) <= PIN_MAX and all("0" <= char <= "9" for char in pin):
        return None
    return f"the PIN must be {PIN_MIN} to {PIN_MAX} digits, each 0 to 9"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=_HASH_BYTES,
                          maxmem=256 * n * r * p + 1024 * 1024)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The line's value for kiosk.toml: "scrypt$n$r$p$salt$hash" (salt and hash in base64)."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join((_PREFIX, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)))


@dataclass(frozen=True)
class PinHash:
    """A stored PIN hash, read from its text."""

    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def parse_pin_hash(text: str) -> PinHash | None:
    """The hash in text, or None if text is not one `atl-reader kiosk-pin` makes."""
    parts = text.split("$")
    if len(parts) != 6 or parts[0] != _PREFIX or not all(part.isascii() and part.isdecimal() for part in parts[1:4]):
        return None
    n, r, p = (int(part) for part in parts[1:4])
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return None
    try:
        salt, digest = (base64.b64decode(part, validate=True) for part in parts[4:6])
    except (binascii.Error, ValueError):
        return None
    if len(salt) < 8 or len(digest) != _HASH_BYTES:
        return None
    return PinHash(n, r, p, salt, digest)


def pin_matches(pin: str, stored: str) -> bool:
    """Whether pin is the one stored; never for a PIN that is not ASCII digits, or a stored text that is no hash."""
    parsed = parse_pin_hash(stored)
    if parsed is None or pin_problem(pin) is not None:
        return False
    return hmac.compare_digest(_scrypt(pin, parsed.salt, parsed.n, parsed.r, parsed.p), parsed.digest)


@dataclass(frozen=True)
class Verdict:
    """What one try came to: accepted, or how long until the next try is taken."""

    accepted: bool
    #: Seconds before another try is taken (0: at once).
    wait: int = 0
    #: The wait is the lockout after too many wrong tries.
    locked: bool = False
    #: Wrong tries in a row so far.
    wrong: int = 0


class PinGuard:
    """Counts wrong tries and makes the next ones wait: none for FREE_TRIES, then 2, 4, 8 ... 60 s,
    and after LOCK_AFTER a lockout of LOCK_SECONDS; after it, each wrong try locks again.

    It lives as long as the kiosk program (closing the PIN pad does not reset it; a
    restart does, and the restart takes the supervisor's delay at least).
    """

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._stored = stored
        self._clock = clock
        self._wrong = 0
        self._until = 0.0

    @property
    def wrong_tries(self) -> int:
        return self._wrong

    def wait_left(self) -> int:
        """Whole seconds before a try is taken (0: now)."""
        return max(0, math.ceil(self._until - self._clock()))

    @property
    def locked(self) -> bool:
        """The wait now is the lockout."""
        return self._wrong >= LOCK_AFTER and self.wait_left() > 0

    def _wait_after(self, wrong: int) -> int:
        if wrong >= LOCK_AFTER:
            return LOCK_SECONDS
        if wrong <= FREE_TRIES:
            return 0
        return min(MAX_DELAY, FIRST_DELAY * 2 ** (wrong - FREE_TRIES - 1))

    def try_pin(self, pin: str) -> Verdict:
        """Check pin, unless a wait is running (then it is not even compared)."""
        left = self.wait_left()
        if left:
            return Verdict(False, left, self.locked, self._wrong)
        if pin_matches(pin, self._stored):
            self._wrong = 0
            return Verdict(True)
        self._wrong += 1
        wait = self._wait_after(self._wrong)
        self._until = self._clock() + wait
        return Verdict(False, wait, self._wrong >= LOCK_AFTER, self._wrong)
