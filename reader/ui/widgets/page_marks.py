"""What a text view marks on its page: search matches, one of them current, what is read aloud over them, and
a plain sentence with the reviewed sentences it restates."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6 import QtGui
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.style.palettes import Palette
from reader.ui.text_blocks import blocks

#: Finds the (start, end) of each match in a paragraph's text.
SpanFinder = Callable[[str], list[tuple[int, int]]]
#: How a mark is drawn: a match or sentence read aloud, the current match or word read, a paired sentence.
_PLAIN, _CURRENT, _PAIRED = "plain", "current", "paired"


class PageMarks:
    """The view's extra selections, in the theme's highlight colours: every match, the current one (and the
    word read aloud) stronger and underlined, so they are told apart by more than colour."""

    def __init__(self, view: QTextEdit, palette: Palette) -> None:
        self._view = view
        self._palette = palette
        self._matches: list[QTextCursor] = []
        self._current = -1
        #: Read aloud: (start, end, is_the_word).
        self._spoken: list[tuple[int, int, bool]] = []
        #: A plain sentence and the reviewed sentences it restates (or the other way round): (start, end).
        self._pairs: list[tuple[int, int]] = []

    def set_palette(self, palette: Palette) -> None:
        self._palette = palette
        self.paint()

    def find(self, find_spans: SpanFinder | None) -> int:
        """Mark every match on the page (none for None); return how many there are."""
        self._matches = []
        self._current = -1
        if find_spans is not None:
            for block in blocks(self._view.document()):
                at = block.position()
                self._matches += [self._select(at + start, at + end) for start, end in find_spans(block.text())]
        self.paint()
        return len(self._matches)

    def forget_matches(self) -> None:
        """A new page: its matches are found again. What is read aloud stays (the same page, resized)."""
        self._matches = []

    def set_spoken(self, sentence: tuple[int, int] | None, word: tuple[int, int] | None) -> int | None:
        """Mark the sentence read aloud and its word; return where to keep in view (None: nothing marked)."""
        self._spoken = [] if sentence is None else [(*sentence, False)] + ([(*word, True)] if word else [])
        self.paint()
        return self._spoken[-1][1] if self._spoken else None

    @property
    def spoken(self) -> list[tuple[int, int, bool]]:
        return list(self._spoken)

    def set_pairs(self, spans: Sequence[tuple[int, int]]) -> None:
        """Mark sentences that say the same thing, plainly and as reviewed ([]: none)."""
        if list(spans) != self._pairs:
            self._pairs = list(spans)
            self.paint()

    @property
    def pairs(self) -> list[tuple[int, int]]:
        return list(self._pairs)

    @property
    def count(self) -> int:
        return len(self._matches)

    @property
    def current(self) -> int:
        """The current match's number (1-based), 0 for none."""
        return self._current + 1 if 0 <= self._current < len(self._matches) else 0

    def step(self, step: int) -> QTextCursor | None:
        """The next (+1) or previous (-1) match made current, wrapping; its cursor (None: no matches)."""
        if not self._matches:
            return None
        self._current = (self._current + step) % len(self._matches)
        self.paint()
        return QTextCursor(self._matches[self._current])

    def select(self, number: int) -> None:
        """Match number (1-based) made current, nothing else moved."""
        if 1 <= number <= len(self._matches):
            self._current = number - 1
            self.paint()

    def restart(self) -> None:
        """Before the first match again: the next step goes to it."""
        self._current = -1

    def current_place(self) -> tuple[str, int, int] | None:
        """The current match's paragraph, and where the match is in it; None for no match."""
        if not self.current:
            return None
        cursor = self._matches[self._current]
        block = cursor.block()
        return block.text(), cursor.selectionStart() - block.position(), cursor.selectionEnd() - block.position()

    def paint(self) -> None:
        if not self._matches and not self._spoken and not self._pairs:
            self._view.setExtraSelections([])
            return
        palette = self._palette
        # Later marks are drawn over earlier ones: pairs under the search matches, reading aloud on top.
        marks = [(cursor, _PAIRED) for start, end in self._pairs if (cursor := self._on_page(start, end))]
        marks += [(cursor, _CURRENT if number == self._current else _PLAIN)
                  for number, cursor in enumerate(self._matches)]
        marks += [(cursor, _CURRENT if strong else _PLAIN)
                  for start, end, strong in self._spoken if (cursor := self._on_page(start, end))]
        selections = []
        for cursor, kind in marks:
            fmt = QtGui.QTextCharFormat()
            fmt.setBackground(QColor({_PLAIN: palette.highlight_background, _PAIRED: palette.pair_background,
                                      _CURRENT: palette.current_highlight_background}[kind]))
            fmt.setForeground(QColor(palette.highlight_text))
            # The current match, the word being read and paired sentences are underlined too, each its own
            # way, so they are told apart by more than colour.
            if kind != _PLAIN:
                fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.SingleUnderline if kind == _CURRENT
                                      else QtGui.QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(palette.highlight_text))
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._view.setExtraSelections(selections)

    def _on_page(self, start: int, end: int) -> QTextCursor | None:
        """A cursor selecting start to end; None past the page's end (a page being replaced: marked again once
        it is shown)."""
        return self._select(start, end) if end <= self._view.document().characterCount() - 1 else None

    def _select(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor
