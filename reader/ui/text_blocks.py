"""Walking a text document: its blocks in order, and the fragments (runs of one format) of a block."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock, QTextDocument, QTextFragment


def blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    """Every block (paragraph, heading, list item, table cell's paragraph) of document, in order."""
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The block's fragments in order: each a run of text in one format (a link, a bold word)."""
    pieces = block.begin()
    while not pieces.atEnd():
        yield pieces.fragment()
        pieces += 1
