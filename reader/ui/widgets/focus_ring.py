"""A focus ring that is always visible: 3 px in the theme's focus colour around what has focus.

Styles draw focus differently (Fusion a thin line, some none at all); this one
meets WCAG 2.4.13: a perimeter at least 2 px thick at 3:1 against its surroundings.
"""

from __future__ import annotations

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

#: Thickness of the ring, in pixels, drawn just outside the focused widget.
RING_PX = 3


class FocusRing(QWidget):
    """Follows keyboard focus inside its window; never takes input itself."""

    def __init__(self, window: QWidget, colour: str) -> None:
        super().__init__(window)
        self._colour = QColor(colour)
        #: The focused control and its ancestors below the window: a layout change moves a
        #: parent (a larger header pushes the search box down) and not the control itself.
        self._watched: list[QWidget] = []
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow_focus)
            self.follow_focus(None, app.focusWidget())  # focus may be in the window already (the text, at start)

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour)
        self.update()

    @property
    def target(self) -> QWidget | None:
        return self._watched[0] if self._watched else None

    def follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = self.parentWidget()
        inside = new is not None and new is not self and window is not None and window.isAncestorOf(new)
        # Only the focused widget and its ancestors are watched for moves and resizes, not
        # every event of the app. They may be gone already: focus moves on when the widget
        # that had it is deleted.
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        widget = new if inside else None
        while widget is not None and widget is not window:
            widget.installEventFilter(self)
            self._watched.append(widget)
            widget = widget.parentWidget()
        self._place()

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QtCore.QEvent.Type.Move, QtCore.QEvent.Type.Resize) and watched in self._watched:
            self._place()
        return False

    def _place(self) -> None:
        target, window = self.target, self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        corner = target.mapTo(window, QtCore.QPoint(0, 0))
        area = QRect(corner, target.size()).adjusted(-RING_PX, -RING_PX, RING_PX, RING_PX)
        self.setGeometry(area.intersected(window.rect()))
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        pen = QPen(self._colour)
        pen.setWidth(RING_PX)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
        painter.end()
