"""Noticing when nobody has touched the kiosk for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

#: What counts as someone using the kiosk: touch, mouse, keys, wheel and scrolling.
_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd, QEvent.Type.Scroll, QEvent.Type.TabletPress, QEvent.Type.Gesture,
}


class IdleWatcher(QObject):
    """Watches every event of the application; emits idleReached after idle_ms without activity."""

    #: Nobody has used the kiosk for the idle time.
    idleReached = Signal()
    #: Someone touched, clicked, typed or scrolled (emitted at most every event, while watching).
    activityNoticed = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle_ms = idle_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self.idleReached)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def restart(self, wait_ms: int | None = None) -> None:
        """Count the idle time from now (or, this once, wait_ms; activity goes back to the idle time)."""
        self._timer.start(self._idle_ms if wait_ms is None else wait_ms)

    def stop(self) -> None:
        self._timer.stop()

    @property
    def waiting_ms(self) -> int:
        """How long the quiet spell now being counted lasts."""
        return self._timer.interval()

    @property
    def counting(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY:
            if self._timer.isActive():
                self._timer.start(self._idle_ms)
            self.activityNoticed.emit()
        return False
