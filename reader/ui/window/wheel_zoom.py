"""Ctrl+wheel anywhere in the window asks for larger or smaller text."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QWheelEvent


class WheelZoom(QObject):
    """An event filter: install it on widgets; it emits zoomRequested(+1 or -1)."""

    #: +1 for larger text, -1 for smaller.
    zoomRequested = Signal(int)

    def watch(self, *widgets: QObject) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            delta = event.angleDelta().y()
            if event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier and delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
                return True  # the text grows instead of scrolling
        return super().eventFilter(watched, event)
