"""Unattended runs: an exception in any slot is logged and the reader keeps running."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from reader import APP_ID


def log_line(path: Path | None, level: str, text: str) -> None:
    """Append one stamped entry ("error", "warning") to the log at path, or to stderr without one.

    An unwritable log must not stop an unattended kiosk: the entry then goes to stderr.
    """
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    entry = f"{stamp} {APP_ID}: {level}: {text}" + ("" if text.endswith("\n") else "\n")
    if path is not None:
        try:
            with path.open("a", encoding="utf-8") as out:
                out.write(entry)
            return
        except OSError:
            pass
    sys.stderr.write(entry)


def install_error_log(path: Path | None, apologise: Callable[[], None] | None = None) -> None:
    """Send uncaught exceptions (Qt reports slot errors through sys.excepthook) to path or stderr.

    apologise, if given, tells the reader in a sentence; the reader keeps running.
    """

    def log(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        import traceback  # only when something went wrong: start-up does not pay for it

        log_line(path, "error", "".join(traceback.format_exception(kind, value, tb)))

    def log_and_apologise(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log(kind, value, tb)
        if apologise is not None:
            try:
                apologise()
            except Exception:  # noqa: BLE001 - an apology must never become a second error
                sys.stderr.write(f"{APP_ID}: could not show the apology\n")

    sys.excepthook = log_and_apologise
