"""Lines for the kiosk log (the file errors go to): staff events such as wrong PIN tries (no Qt)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from reader import APP_ID


def log_event(path: Path | None, message: str) -> None:
    """Append one stamped line to the kiosk log, or to standard error without one (or if it is unwritable)."""
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    line = f"{stamp} {APP_ID}: warning: {message}\n"
    if path is not None:
        try:
            with path.open("a", encoding="utf-8") as out:
                out.write(line)
            return
        except OSError:
            pass  # an unwritable log must not stop the kiosk
    sys.stderr.write(line)
