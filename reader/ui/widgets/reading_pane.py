"""The reading pane: one section page, confined to the pack, with highlights."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.content.links import EXTERNAL_SCHEMES, PLAIN_SCHEME, SECTION_SCHEME, TERM_SCHEME, link_kind
from reader.navigation import anchor_at
from reader.style.palettes import LIGHT, Palette
from reader.style.stylesheet import Spacing, menu_css, reading_css
from reader.style.type_sizes import READING_PX
from reader.ui.resources_gate import GatedBrowser
from reader.ui.style.qt_palettes import page_palette
from reader.ui.widgets.edged_menu import show_edged
from reader.ui.widgets.link_ring import TabbedLink, draw_link_ring
from reader.ui.widgets.page_layout import fit_measure, size_headings
from reader.ui.widgets.page_marks import PageMarks, SpanFinder
from reader.ui.widgets.page_structure import block_with_anchor, headings, mark_terms, subsection_tops

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QPaintEvent, QResizeEvent

    from reader.content.glossary import TermFinder

# Classes only used after the first frame are reached through QtGui when needed:
# PySide creates a class's enums when it is first imported, which start-up would pay.

#: A reader's place: the text position at the top of the view, and its line's offset there.
Place = tuple[int, int]


class ReadingPane(GatedBrowser):
    """Displays HTML pages; reports link clicks instead of following them.

    Pictures come from inside the pack only, through the resource gate.
    """

    #: An in-pack link was clicked: (section id, anchor or "").
    internalLinkClicked = Signal(str, str)
    #: A web or mail address was clicked; it is shown, never opened.
    externalLinkClicked = Signal(str)
    #: The subsection at the top of the view changed while scrolling ("" = intro).
    visibleAnchorChanged = Signal(str)
    #: Alt+Left / Alt+Right (or Back/Forward keys): -1 back, +1 forward.
    historyStepRequested = Signal(int)
    #: A marked glossary term was clicked, tapped or activated with Enter: its glossary index.
    termActivated = Signal(int)
    #: "Show" or "Hide" in the "In plain words" box: True to open it.
    plainWordsToggled = Signal(bool)
    #: Tab reached a link in the text: (its words, "term", "section" or "web").
    linkFocused = Signal(str, str)
    #: The page has been painted for the first time: the window is on screen with text.
    firstPainted = Signal()
    #: The text was clicked or tapped away from a link, at this position (a kiosk's text has no caret to move).
    textTapped = Signal(int)

    def __init__(self, pack_root: Path, parent: QWidget | None = None, palette: Palette = LIGHT) -> None:
        super().__init__(pack_root, parent)
        self.setObjectName("readingPane")
        self.setAccessibleName(self.tr("Summary text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._painted = False
        self._palette = palette
        self._spacing = Spacing()
        self.setPalette(page_palette(self.palette(), palette))
        self._px = READING_PX
        self._use_stylesheet()
        self._headings: list[tuple[int, str]] = []
        self._visible_anchor = ""
        #: The link Tab reached in the text, held apart from the caret.
        self.tabbed_link = TabbedLink(self)
        #: Search matches and what is read aloud, marked on the page.
        self.marks = PageMarks(self, palette)
        #: Whether the scroll-spy runs: from finish_setup on (nobody scrolls a page not yet shown).
        self._spying = False
        #: How many page_edit blocks are open.
        self._edit_depth = 0
        self.anchorClicked.connect(self._route_link)
        self.cursorPositionChanged.connect(self.tabbed_link.forget)  # the reader moved on: Tab starts afresh

    def finish_setup(self) -> None:
        """A caret for keyboard reading and selection, no sideways scrolling, the scroll-spy.

        Called once the first frame is up: these flags live in the Qt namespace,
        whose enums PySide creates all at once on first use, and measuring the
        headings walks every text block (costs in bench/README.md).
        """
        qt = QtCore.Qt
        self.setHorizontalScrollBarPolicy(qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            qt.TextInteractionFlag.TextBrowserInteraction | qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._spying = True
        self.verticalScrollBar().valueChanged.connect(self._track_visible_anchor)
        self.document().documentLayout().documentSizeChanged.connect(self._measure_headings)
        self._measure_headings()

    def set_theme(self, palette: Palette) -> None:
        """New colours; the window shows the page again so the stylesheet takes effect."""
        self._palette = palette
        self.setPalette(page_palette(self.palette(), palette))
        self._use_stylesheet()
        self.marks.set_palette(palette)

    def set_spacing(self, spacing: Spacing) -> None:
        """Line, paragraph, letter and word spacing; the window shows the page again."""
        self._spacing = spacing
        self._use_stylesheet()
        px = self.document().defaultFont().pixelSize()
        if px > 0:  # before the first text size is set there is nothing to redo
            self.set_pixel_size(px)

    def _use_stylesheet(self) -> None:
        """The page's stylesheet for these colours, spacing and size; it takes effect as a page is shown."""
        self.document().setDefaultStyleSheet(reading_css(self._palette, self._spacing, self._px))

    # -- content -----------------------------------------------------------------
    def show_page(self, html: str) -> None:
        with self.page_edit():
            self.setHtml(html)
            size_headings(self.document(), self._px)
            self.marks.forget_matches()
            self._visible_anchor = ""
            self.tabbed_link.forget()
            fit_measure(self.document())  # the new page has Qt's margins: without the edit, a second layout

    @contextmanager
    def page_edit(self) -> Iterator[None]:
        """Changes to the page made as one edit, so the text is laid out once, at the end.

        Used around showing a page and marking it up: each change alone lays the
        page out again (a new page, its margins, each glossary mark).
        """
        edit = QtGui.QTextCursor(self.document())
        edit.beginEditBlock()
        self._edit_depth += 1
        try:
            yield
        finally:
            self._edit_depth -= 1
            edit.endEditBlock()
            if not self._edit_depth:
                self._measure_headings()  # laid out now

    @contextmanager
    def showing_again(self) -> Iterator[None]:
        """Around a change after which the page is shown again (the window shows it before the end).

        The reader keeps their place: the line at the top stays at the top. The
        page is emptied first, so the old one is not laid out again under the new
        size or spacing, and a shown scroll bar is held through the empty page:
        hiding it and showing it again would lay the text out at each width.
        """
        place = self.place_at_top()
        held = self.verticalScrollBarPolicy() if self.verticalScrollBar().isVisible() else None
        if held is not None:
            self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        try:
            self.clear()
            yield
            self.return_to(place)
        finally:
            if held is not None:
                self.setVerticalScrollBarPolicy(held)

    def set_pixel_size(self, px: int) -> None:
        """Change the reading size.

        The spacing between paragraphs follows when the page is shown again (see
        reading_css: the stylesheet is read as a page is parsed); the window does
        that, keeping the reader's place.
        """
        if px != self._px:
            self._px = px
            self._use_stylesheet()
        font = QFont(self.document().defaultFont())
        font.setPixelSize(px)
        if self._spacing.letter_em or self._spacing.word_em:  # the stylesheet cannot set word spacing
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, self._spacing.letter_em * px)
            font.setWordSpacing(self._spacing.word_em * px)
        self.document().setDefaultFont(font)
        self.document().setDocumentMargin(max(12, px))
        fit_measure(self.document())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        place = self.place_at_top()  # the text is still laid out at the old width here
        super().resizeEvent(event)
        fit_measure(self.document())
        self.return_to(place)

    def place_at_top(self) -> Place | None:
        """The text position at the top of the view and its line's offset there; None at the very top."""
        if not self._painted or self.verticalScrollBar().value() == 0:
            return None  # nothing shown yet, or the top of the page: it stays at the top
        cursor = self.cursorForPosition(QtCore.QPoint(0, 0))
        return cursor.position(), self.cursorRect(cursor).top()

    def _rect_at(self, position: int) -> QtCore.QRect:
        """Where the text position is drawn, in the viewport."""
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor)

    def span_in_view(self, start: int, end: int) -> bool:
        """Whether any of the text from start to end is on screen now."""
        return self._rect_at(start).top() < self.viewport().height() and self._rect_at(end).bottom() > 0

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll as little as shows the text from start to end (its start, if it is taller than the view)."""
        top, bottom, height = self._rect_at(start).top(), self._rect_at(end).bottom(), self.viewport().height()
        bar = self.verticalScrollBar()
        if top < 0 or bottom - top > height:
            bar.setValue(bar.value() + top)
        elif bottom > height:
            bar.setValue(bar.value() + bottom - height)

    def return_to(self, place: Place | None) -> None:
        """After a re-layout (text size, width), scroll the line that was at the top back there."""
        if place is None:
            return
        position, offset = place
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self._rect_at(position).top() - offset)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()
        ring = self.focused_link_rect()
        if ring is not None:
            draw_link_ring(self, ring, self._palette.focus)

    def focused_link_rect(self) -> QtCore.QRect | None:
        """Where the link reached with Tab is, in the viewport; None when no link has keyboard focus."""
        return self.tabbed_link.rect() if self.hasFocus() else None

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        self.viewport().update()  # the link's ring goes with the focus

    def go_to_anchor(self, anchor: str | None) -> None:
        """Scroll to the anchor (or the top), and put the caret there: a screen reader reads on from it."""
        block = block_with_anchor(self.document(), anchor) if anchor else self.document().begin()
        if block is not None and block.isValid():
            self.setTextCursor(QtGui.QTextCursor(block))  # first: Qt scrolls to show the caret
        if anchor:
            self.scrollToAnchor(anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def mark_terms(self, finder: TermFinder) -> None:
        """Mark each glossary term's first use on the page with a dotted underline (page_structure.mark_terms)."""
        with self.page_edit():
            mark_terms(self.document(), finder)

    # -- highlighting (PageMarks) -----------------------------------------------------------
    def highlight(self, find_spans: SpanFinder | None) -> int:
        """Highlight every match in the page; return how many there are."""
        return self.marks.find(find_spans)

    def mark_spoken(self, sentence: tuple[int, int] | None, word: tuple[int, int] | None = None) -> None:
        """The sentence being read aloud, and its word in the current match's colour, kept in view; None: neither."""
        end = self.marks.set_spoken(sentence, word)
        if end is not None:
            self._show_with_context(self._rect_at(end))

    @property
    def spoken_marks(self) -> list[tuple[int, int, bool]]:
        """What mark_spoken shows: (start, end, is_the_word)."""
        return self.marks.spoken

    @property
    def match_count(self) -> int:
        return self.marks.count

    def step_match(self, step: int) -> int:
        """Move to the next (+1) or previous (-1) match, wrapping; return its 1-based number."""
        cursor = self.marks.step(step)
        if cursor is None:
            return 0
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self._show_with_context(self.cursorRect(cursor))
        return self.marks.current

    def _show_with_context(self, rect: QtCore.QRect) -> None:
        """A match well inside the view, a third of the way down: the lines before it say what it is about."""
        height = self.viewport().height()
        if height // 6 <= rect.top() and rect.bottom() <= height * 5 // 6:
            return  # already comfortably in view: the page does not jump
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - height // 3)

    def current_match_place(self) -> tuple[str, int, int] | None:
        """The current match's paragraph, and where the match is in it; None for no match."""
        return self.marks.current_place()

    @property
    def current_match(self) -> int:
        """The current match's number (1-based), 0 for none."""
        return self.marks.current

    def select_match(self, number: int) -> None:
        """Make match number (1-based) the current one without moving the view (after the page is shown again)."""
        self.marks.select(number)

    def show_first_match(self) -> int:
        """Move to the first match, as step_match does; return 1, or 0 if there is none."""
        self.marks.restart()
        return self.step_match(1)

    # -- scroll-spy -------------------------------------------------------------------
    def _measure_headings(self) -> None:
        if not self._spying:
            return
        self._headings = subsection_tops(self.document())
        self._track_visible_anchor(self.verticalScrollBar().value())

    def _track_visible_anchor(self, top: int) -> None:
        anchor = anchor_at(self._headings, top) or ""
        scroll_bar = self.verticalScrollBar()
        if scroll_bar.maximum() > 0 and top >= scroll_bar.maximum() and self._headings:
            anchor = self._headings[-1][1]  # at the very end, the last heading is being read
        if anchor != self._visible_anchor:
            self._visible_anchor = anchor
            self.visibleAnchorChanged.emit(anchor)

    def step_heading(self, step: int) -> str:
        """Move the caret to the next (step 1) or previous (-1) heading and show it at the top.

        Returns the heading's words, or "" when there is none that way. Qt's bridge
        gives screen readers no headings inside a text view, so this is how they are
        reached from the keyboard.
        """
        here = self.textCursor().block().position()
        ahead = [b for b in headings(self.document()) if (b.position() > here if step > 0 else b.position() < here)]
        if not ahead:
            return ""
        target = ahead[0] if step > 0 else ahead[-1]
        cursor = QtGui.QTextCursor(target)
        self.setTextCursor(cursor)
        top = self.document().documentLayout().blockBoundingRect(target).top()
        self.verticalScrollBar().setValue(round(top))
        return target.text()

    # -- links and input --------------------------------------------------------------
    def _route_link(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == SECTION_SCHEME:
            self.internalLinkClicked.emit(url.path(), url.fragment())
        elif not scheme and url.hasFragment():
            self.internalLinkClicked.emit("", url.fragment())
        elif scheme == PLAIN_SCHEME:
            self.plainWordsToggled.emit(url.path() == "show")
        elif scheme == TERM_SCHEME and url.path().isdigit():
            self.termActivated.emit(int(url.path()))
        elif scheme in EXTERNAL_SCHEMES:
            self.externalLinkClicked.emit(url.toString())
        # Anything else was already refused when rendering; ignore it.

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        """Tab and Shift+Tab move between the text's links (TabbedLink), then out of the text.

        Qt's bridge exposes no links inside a text view: linkFocused says which was reached.
        """
        link = self.tabbed_link.step(next)
        if link is None:
            return QTextEdit.focusNextPrevChild(self, next)  # past the last link: on to the next control
        self.scroll_to_span(link.start, link.end)
        if self.hasFocus():
            self.linkFocused.emit(self.tabbed_link.words(), link_kind(link.href))
        return True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if event.button() == QtCore.Qt.MouseButton.LeftButton and not self.anchorAt(point):
            self.textTapped.emit(self.cursorForPosition(point).position())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt API)
        """Qt's menu (Copy, Copy link location, Select all), with the edge the window's menus have."""
        in_page = event.pos() + QtCore.QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        show_edged(self.createStandardContextMenu(in_page), event.globalPos(), menu_css(self._palette))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """QTextBrowser would walk its own (empty) history; ours is the window's."""
        keys = QtGui.QKeySequence.StandardKey
        enter = event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
        link = self.tabbed_link.at_caret() if enter else None
        if link is not None:  # as Qt does for the link it selects; and for the one the caret is in
            self._route_link(QtCore.QUrl(link.href))
        elif event.matches(keys.Back):
            self.historyStepRequested.emit(-1)
        elif event.matches(keys.Forward):
            self.historyStepRequested.emit(1)
        else:
            super().keyPressEvent(event)
