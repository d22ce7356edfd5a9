"""The link reached with Tab in a text view: its format, where it is drawn, and the ring that shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QTextEdit

# Only used once a link has been reached with Tab: the classes are reached through QtGui then, so the
# reading pane that imports this creates none of them before its first frame (bench/README.md).

#: The ring around a link reached with Tab, in pixels: as thick as the window's focus ring.
LINK_RING_PX = 3


def link_format(cursor: QtGui.QTextCursor) -> QtGui.QTextCharFormat:
    """The format of the selected link's text, whichever way it was selected (Shift+Tab selects backwards)."""
    inside = QtGui.QTextCursor(cursor)
    inside.setPosition(cursor.selectionEnd())
    return inside.charFormat()


def selected_link_rect(view: QTextEdit) -> QRect | None:
    """Where the view's selected link is drawn, in its viewport, with room for the ring; None: no link selected."""
    cursor = view.textCursor()
    if not (cursor.hasSelection() and link_format(cursor).isAnchor()):
        return None
    start, end = QtGui.QTextCursor(cursor), QtGui.QTextCursor(cursor)
    start.setPosition(cursor.selectionStart())
    end.setPosition(cursor.selectionEnd())
    return view.cursorRect(start).united(view.cursorRect(end)).adjusted(-LINK_RING_PX, 0, LINK_RING_PX, 0)


def draw_link_ring(view: QTextEdit, rect: QRect, colour: str) -> None:
    """A ring as thick as the window's focus ring, in the theme's focus colour: Qt's own is a 1 px dotted line."""
    painter = QtGui.QPainter(view.viewport())
    pen = QtGui.QPen(QtGui.QColor(colour))
    pen.setWidth(LINK_RING_PX)
    painter.setPen(pen)
    painter.drawRect(rect.adjusted(-1, -1, 1, 1))
    painter.end()
