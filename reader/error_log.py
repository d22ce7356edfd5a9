"""Unattended runs: an exception in any slot is logged and the reader keeps running."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from reader import APP_ID


def install_error_log(path: Path | None) -> None:
    """Send uncaught exceptions (Qt reports slot errors through sys.excepthook) to path or stderr."""

    def log(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
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

    sys.excepthook = log
