"""Unattended runs: an exception in any slot is logged and the reader keeps running."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from reader import APP_ID


def install_error_log(path: Path | None, apologise: Callable[[], None] | None = None) -> None:
    """Send uncaught exceptions (Qt reports slot errors through sys.excepthook) to path or stderr.

    apologise, if given, tells the reader in a sentence; the reader keeps running.
    """

    def log(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback  # only when something went wrong: start-up does not pay for it

        stamp = dt.datetime.now().isoformat(timespec="seconds")
        text = f"{stamp} {APP_ID}: error: " + "".join(traceback.format_exception(kind, value, tb))
        if path is not None:
            try:
                with path.open("a", encoding="utf-8") as out:
                    out.write(text)
                return
            except OSError:
                pass  # an unwritable log must not stop the kiosk: fall back to stderr
        sys.stderr.write(text)

    def log_and_apologise(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log(kind, value, tb)
        if apologise is not None:
            try:
                apologise()
            except Exception:  # noqa: BLE001 - an apology must never become a second error
                sys.stderr.write(f"{APP_ID}: could not show the apology\n")

    sys.excepthook = log_and_apologise
