"""The links of a text view's page: their words, where one is drawn, and the ring for the one Tab reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui

from reader.reading.tab_stops import LinkSpan, next_link
from reader.ui.text_blocks import blocks, fragments

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QTextEdit

# Only used once a link has been reached with Tab: the classes are reached through QtGui then, so the
# reading pane that imports this creates none of them before its first frame (bench/README.md).

#: The ring around a link reached with Tab, in pixels: as thick as the window's focus ring.
LINK_RING_PX = 3


def links_of(document: QTextDocument) -> list[LinkSpan]:
    """Every link of the page, in reading order (a link in several runs, a bold word in it say, is one)."""
    found: list[LinkSpan] = []
    for block in blocks(document):
        for piece in fragments(block):
            fmt = piece.charFormat()
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            if not href:
                continue
            start, end = piece.position(), piece.position() + piece.length()
            if found and found[-1].href == href and found[-1].end == start:
                found[-1] = LinkSpan(found[-1].start, end, href)
            else:
                found.append(LinkSpan(start, end, href))
    return found


def link_words(document: QTextDocument, link: LinkSpan) -> str:
    """The words of a link, as the page shows them."""
    cursor = QtGui.QTextCursor(document)
    cursor.setPosition(link.start)
    cursor.setPosition(link.end, QtGui.QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def link_rect(view: QTextEdit, link: LinkSpan) -> QRect:
    """Where a link is drawn, in the view's viewport, with room for the ring."""
    start, end = QtGui.QTextCursor(view.document()), QtGui.QTextCursor(view.document())
    start.setPosition(link.start)
    end.setPosition(link.end)
    return view.cursorRect(start).united(view.cursorRect(end)).adjusted(-LINK_RING_PX, 0, LINK_RING_PX, 0)


class TabbedLink:
    """The link of a text view's page that Tab reached, held apart from the view's caret.

    Qt's own text view selects the link's words instead: a screen reader then said
    the last link "unselected" and this one "selected", around its name, at every Tab.
    """

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        #: The link reached; None: none (a new page, or the caret moved on).
        self.link: LinkSpan | None = None

    def step(self, forward: bool) -> LinkSpan | None:
        """Reach the next (or previous) link of the page from the last one reached, or from the caret;
        None when no link is left that way."""
        self.link = next_link(links_of(self._view.document()), self.link, self._view.textCursor().position(), forward)
        self._view.viewport().update()  # the ring moves with it
        return self.link

    def at_caret(self) -> LinkSpan | None:
        """The link reached with Tab, or else the link the caret is in (a reader arrowing through the text)."""
        caret = self._view.textCursor().position()
        return self.link or next((link for link in links_of(self._view.document())
                                  if link.start <= caret < link.end), None)

    def forget(self) -> None:
        if self.link is not None:
            self.link = None
            self._view.viewport().update()

    def words(self) -> str:
        """The link's words, as the page shows them; "" with none."""
        return link_words(self._view.document(), self.link) if self.link is not None else ""

    def rect(self) -> QRect | None:
        """Where the link is drawn in the viewport, with room for the ring; None with none."""
        return link_rect(self._view, self.link) if self.link is not None else None


def draw_link_ring(view: QTextEdit, rect: QRect, colour: str) -> None:
    """A ring as thick as the window's focus ring, in the theme's focus colour: Qt's own is a 1 px dotted line."""
    painter = QtGui.QPainter(view.viewport())
    pen = QtGui.QPen(QtGui.QColor(colour))
    pen.setWidth(LINK_RING_PX)
    painter.setPen(pen)
    painter.drawRect(rect.adjusted(-1, -1, 1, 1))
    painter.end()
