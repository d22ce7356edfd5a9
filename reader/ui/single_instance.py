"""One reader per user: a second launch asks the first window to come forward, then exits.

A lock file says a reader is running; a second launch touches a request file,
which the first reader watches. Plain files, no sockets: the reader never
opens a connection of any kind. Where file locks are not available (Windows),
every launch opens its own window.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal


class SingleInstance(QObject):
    """acquire() once at start; if it fails, ask_first_to_raise() and exit."""

    #: Another launch asked this reader to show itself.
    raiseRequested = Signal()

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock_path = folder / "atl-reader.lock"
        self._request_path = folder / "atl-reader.raise"
        self._lock_fd: int | None = None
        self._watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True if this is the only reader; it then watches for requests to come forward."""
        try:
            import fcntl
        except ImportError:
            return True
        try:
            self._lock_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return True  # no place for a lock: better two windows than none
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock_fd = fd
        self._request_path.touch()
        self._watcher = QFileSystemWatcher([str(self._request_path)], self)
        self._watcher.fileChanged.connect(self._note_request)
        return True

    def ask_first_to_raise(self) -> None:
        self._request_path.write_text(f"{time.time()}\n", encoding="ascii")

    def _note_request(self, path: str) -> None:
        if self._watcher is not None and path not in self._watcher.files():
            self._watcher.addPath(path)  # some editors replace the file; keep watching it
        self.raiseRequested.emit()
