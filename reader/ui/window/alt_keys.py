"""Keeps an Alt shortcut (Alt+C, Alt+Down, Alt+Left) from also opening the menu bar."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent


class AltShortcutGuard(QObject):
    """An application event filter: after a key pressed with Alt, the Alt key's release is dropped.

    A shortcut takes its key before the menu bar sees it, so the menu bar took the
    Alt release for Alt pressed alone and opened File: a screen reader then said
    "File." over "Heading: …" (about one press in seven under Orca).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._used_with_alt = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            qt = QtCore.Qt
            if event.key() == qt.Key.Key_Alt:
                # As Alt goes down, Qt's menu bar installs an application filter of its own, and filters
                # run newest first: it saw the release first and opened File after Alt+Home on the first page.
                QtCore.QTimer.singleShot(0, self._see_keys_first)
            elif event.modifiers() & qt.KeyboardModifier.AltModifier:
                self._used_with_alt = True
        elif kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent) and event.key() == QtCore.Qt.Key.Key_Alt:
            used, self._used_with_alt = self._used_with_alt, False
            return used
        return False

    def _see_keys_first(self) -> None:
        """Be the newest application filter again, ahead of the menu bar's."""
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.installEventFilter(self)
