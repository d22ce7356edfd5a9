"""How a reading page is laid out: its headings' sizes, and a text column of a readable width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui

from reader.style.stylesheet import HEADING_SCALE, heading_px
from reader.ui.text_blocks import blocks, fragments

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

#: Widest text column, in ems: about 70 characters of Atkinson Hyperlegible.
MEASURE_EM = 34
#: Narrower than this (in ems of the text), the column keeps only a thin margin on each side.
NARROW_COLUMN_EM = 12


def size_headings(document: QTextDocument, px: int) -> None:
    """Headings at heading_px: Qt sizes them at 2× the text, which broke words at 300 % in a narrow window.

    Qt's heading size is a relative adjustment (h1: +3) that wins over any pixel size while it is there,
    even at 0 (which made every heading the text's size), so each piece of a heading loses it outright.
    """
    for block in blocks(document):
        level = block.blockFormat().headingLevel()
        if level in HEADING_SCALE:
            # Read first: changing a piece's format can merge it with the next.
            pieces = [(piece.position(), piece.length(), piece.charFormat()) for piece in fragments(block)]
            for start, length, fmt in pieces:
                fmt.clearProperty(QtGui.QTextFormat.Property.FontSizeAdjustment)
                fmt.setProperty(QtGui.QTextFormat.Property.FontPixelSize, heading_px(level, px))
                cursor = QtGui.QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(start + length, QtGui.QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)


def fit_measure(document: QTextDocument) -> None:
    """Keep lines near 70 characters on wide screens by centring the text column.

    A column narrower than NARROW_COLUMN_EM gives up most of its side margins, so that a long
    word still fits a line ("immunotherapie / s" broke at 300 % in the narrowest window).
    """
    px = max(document.defaultFont().pixelSize(), 1)
    width = document.textWidth()
    margin = document.documentMargin()
    # The document is as wide as the viewport; viewport() itself would make
    # PySide resolve every widget class on its first call, before the first frame.
    spare = max(0.0, width - 2 * margin - MEASURE_EM * px)
    if width < NARROW_COLUMN_EM * px:
        margin = max(12.0, px * 0.4)
    # A side margin replaces the document margin on that side, so add to it.
    side = margin + spare / 2
    frame = document.rootFrame()
    fmt = frame.frameFormat()
    if abs(fmt.leftMargin() - side) >= 1:
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        frame.setFrameFormat(fmt)
