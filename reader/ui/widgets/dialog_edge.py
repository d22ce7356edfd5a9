"""An edge round the reader's dialogs, in the theme's border colour, where the window manager draws none."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

#: As thick as the window's focus ring.
EDGE_PX = 3


class _Edge(QObject):
    """Paints the edge as its dialog paints (over the background, under the controls, which are inset)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            painter = QPainter(watched)
            pen = QPen(watched.palette().color(QPalette.ColorRole.Mid))  # chrome_palette: the theme's border
            pen.setWidth(EDGE_PX)
            painter.setPen(pen)
            inset = EDGE_PX // 2
            painter.drawRect(watched.rect().adjusted(inset, inset, -inset - 1, -inset - 1))
            painter.end()
        return False


def edge(dialog: QWidget) -> None:
    """Give dialog an edge: in high contrast a dialog was black on the black page, with only the window
    manager's 1-pixel grey frame between them (and none at all where there is no window manager)."""
    dialog.installEventFilter(_Edge(dialog))
