"""A shown page's structure: its anchors, its headings and where they sit, and the glossary's marks on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui

from reader.content.links import TERM_SCHEME
from reader.ui.text_blocks import blocks

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock, QTextDocument

    from reader.content.glossary import TermFinder


def anchor_names(block: QTextBlock) -> list[str]:
    """The anchors at the start of block: on the block itself, or on its first run of text (a heading's id)."""
    return block.charFormat().anchorNames() or block.begin().fragment().charFormat().anchorNames()


def block_with_anchor(document: QTextDocument, anchor: str) -> QTextBlock | None:
    """The block that starts at anchor, or None when the page has no such anchor."""
    return next((block for block in blocks(document) if anchor in anchor_names(block)), None)


def headings(document: QTextDocument) -> list[QTextBlock]:
    """Every heading of the page, of any level, in order."""
    return [block for block in blocks(document) if block.blockFormat().headingLevel()]


def subsection_tops(document: QTextDocument) -> list[tuple[int, str]]:
    """Each "##" heading with an anchor: where its top is laid out (px from the page's top), and the anchor."""
    layout = document.documentLayout()
    tops = []
    for block in blocks(document):
        names = anchor_names(block) if block.blockFormat().headingLevel() == 2 else []
        if names:
            tops.append((round(layout.blockBoundingRect(block).top()), names[0]))
    return tops


def mark_terms(document: QTextDocument, finder: TermFinder) -> None:
    """Each glossary term's first use on the page, made a term: link with a dotted underline.

    Marks are link formats over the text as shown, so the words themselves never
    change; headings and existing links are left alone.
    """
    seen: set[int] = set()
    for block in blocks(document):
        if block.blockFormat().headingLevel():
            continue
        for start, end, index in finder.find(block.text(), seen):
            cursor = QtGui.QTextCursor(document)
            cursor.setPosition(block.position() + start + 1)
            if cursor.charFormat().isAnchor():
                continue  # already a link
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QtGui.QTextCursor.MoveMode.KeepAnchor)
            mark = QtGui.QTextCharFormat()
            mark.setAnchor(True)
            mark.setAnchorHref(f"{TERM_SCHEME}:{index}")
            mark.setFontUnderline(True)
            mark.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.DotLine)
            cursor.mergeCharFormat(mark)
