"""Marks a plain sentence together with the reviewed sentences it restates, where the reader puts the caret or taps."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor

from reader.content.model import Pack
from reader.content.pairing import SentencePairs, Span, pair_sentences
from reader.reading.session import ReadingSession
from reader.ui.announce import announce
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.window.navigation import Navigation


class PlainPairs(QObject):
    """In a section whose "In plain words" box is open: the caret (or a tap) in a plain sentence marks the reviewed
    sentences it restates, and in a reviewed sentence the plain sentences restating it, so they can be compared."""

    def __init__(self, pack: Pack, session: ReadingSession, reading: ReadingPane, navigation: Navigation,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._session = session
        self._reading = reading
        self._pairs: SentencePairs | None = None  # found on each page the first time they are asked for
        self._came_from: Span | None = None  # where Alt+P last left: pressed again, it goes back there
        navigation.pageShown.connect(self.forget_page)
        reading.cursorPositionChanged.connect(self._follow_caret)
        reading.textTapped.connect(self.show_tapped)

    def forget_page(self) -> None:
        """A page was shown (or shown again): its pairs are found afresh, and nothing is marked."""
        self._pairs, self._came_from = None, None
        self._reading.marks.set_pairs([])

    def _follow_caret(self) -> None:
        cursor = self._reading.textCursor()
        self.show_partners(cursor.selectionStart() if cursor.hasSelection() else cursor.position())

    def show_partners(self, position: int) -> None:
        """Mark the sentence at position and the sentences paired with it; nothing outside a pair."""
        self._reading.marks.set_pairs(self._pairs_on_page().partners(position))

    def show_tapped(self, position: int) -> None:
        """As show_partners, and the view moved as little as brings a partner on screen if none is: at 300 %
        the reviewed sentence a plain one restates can be screens away."""
        self.show_partners(position)
        others = self._reading.marks.pairs[1:]
        if others and not any(self._reading.span_in_view(*span) for span in others):
            self._reading.scroll_to_span(*others[0])

    def go_to_partner(self) -> None:
        """The caret to the first sentence paired with the one it is in, which a screen reader hears: the
        reviewed sentence a plain one restates, or the plain words restating a reviewed one; pressed again, back
        to the sentence it came from."""
        cursor = self._reading.textCursor()
        pairs = self._pairs_on_page()
        partners = pairs.partners(cursor.selectionStart() if cursor.hasSelection() else cursor.position())
        if len(partners) < 2:
            announce(self._reading, self._why_nothing_to_compare(pairs))
            return
        start, end = self._came_from if self._came_from in partners[1:] else partners[1]
        self._came_from = partners[0]
        caret = QTextCursor(self._reading.document())
        caret.setPosition(start)
        self._reading.setTextCursor(caret)  # marks the pair from its side
        self._reading.ensureCursorVisible()
        where = self.tr("In plain words") if pairs.is_plain((start, end)) else self.tr("Reviewed text")
        announce(self._reading, f"{where}: {self._reading.toPlainText()[start:end]}")

    def _why_nothing_to_compare(self, pairs: SentencePairs) -> str:
        """Alt+P with no pair at the caret: the section has no plain words, they are folded, or the caret is
        elsewhere (a blind tester was told to put it in a sentence it was in, with the box folded)."""
        shown = self._session.shown_section
        if shown is None or self._pack.companion(shown) is None:
            return self.tr("This section has no plain-language version to compare with.")
        if not pairs.plain:
            return self.tr("The plain words are folded away: open them with Show the plain words, at the top "
                           "of the section, then press Alt+P again.")
        return self.tr("To compare, put the caret in a sentence of the plain words or of the reviewed text "
                       "they restate.")

    def _pairs_on_page(self) -> SentencePairs:
        if self._pairs is None:
            shown = self._session.shown_section
            section = self._pack.section(shown) if shown else None
            companion = self._pack.companion(section.id) if section is not None else None
            self._pairs = (pair_sentences(self._reading.toPlainText(), section, companion)
                           if section is not None and companion is not None else SentencePairs())
        return self._pairs
