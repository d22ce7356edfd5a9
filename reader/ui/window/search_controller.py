"""Runs the window's searches: results, highlights on the page, stepping through matches."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.content.model import Pack
from reader.reading.session import ReadingSession
from reader.search.outcome import topics
from reader.ui.announce import announce
from reader.ui.widgets.match_bar import MatchBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:  # search is imported on first use
    from reader.search import SearchIndex, SearchResult


class SearchController(QObject):
    """Owns the index and runs searches into the session; the widgets only show what it gives them."""

    #: A search started (True) or was cleared (False).
    searchingChanged = Signal(bool)
    #: Results were shown: (query, number of sections).
    searchAnswered = Signal(str, int)

    def __init__(self, pack: Pack, session: ReadingSession, panel: SearchPanel, reading: ReadingPane,
                 match_bar: MatchBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._session = session  # holds the result on screen, so a kiosk reset clears it with the rest
        self._panel = panel
        self._reading = reading
        self._match_bar = match_bar
        self._index: SearchIndex | None = None
        self._steps: Iterator[SearchIndex | None] | None = None
        self._waiting_query: str | None = None
        # Builds the index a few sections per turn of the event loop, so neither
        # start-up nor the first keystroke waits for all of it.
        self._step_timer = QTimer(self)
        self._step_timer.setInterval(0)
        self._step_timer.timeout.connect(self._build_a_step)
        self._topics = topics(pack)  # suggested when nothing matches
        panel.queryChanged.connect(self.run_search)
        match_bar.previousRequested.connect(self.show_previous_match)
        match_bar.nextRequested.connect(self.show_next_match)

    def prepare(self) -> None:
        """Start building the index between events (a large pack takes a few hundred ms)."""
        if self._index is None and self._steps is None:
            from reader.search import SearchIndex

            self._steps = SearchIndex.in_steps(self._pack)
            self._step_timer.start()

    @property
    def ready(self) -> bool:
        """Whether a search can be answered now."""
        return self._index is not None

    @property
    def index(self) -> SearchIndex:
        """The index, finished now if it is still being built."""
        if self._index is None:
            self.prepare()
            assert self._steps is not None
            *_, self._index = self._steps
            self._step_timer.stop()
        assert self._index is not None
        return self._index

    def _build_a_step(self) -> None:
        assert self._steps is not None
        try:
            built = next(self._steps)
        except Exception:
            # The error hook tells the reader; stopping here keeps it from repeating
            # on every turn of the event loop, and the next search starts again.
            self._step_timer.stop()
            self._steps = None
            raise
        if built is None:
            return
        self._index = built
        self._step_timer.stop()
        text, self._waiting_query = self._waiting_query, None
        if text is not None:
            self.run_search(text)

    @property
    def result(self) -> SearchResult | None:
        return self._session.search_result

    def run_search(self, text: str) -> None:
        searching = bool(text.strip())
        self.searchingChanged.emit(searching)
        if not searching:
            self._session.search_result = None
            self._waiting_query = None
            self.highlight_page()
            return
        if not self.ready:  # answered as soon as the index is built
            self.prepare()
            self._waiting_query = text
            self._panel.show_preparing()
            return
        result = self._session.search_result = self.index.search(text, prefix=True)
        self._panel.show_result(result, self._topics)
        self.highlight_page()
        # Screen readers hear the outcome without leaving the search field.
        announce(self._panel.status, self._panel.status.accessibleName())
        self.searchAnswered.emit(text, len(result.hits))

    def clear(self) -> bool:
        """Clear the search; False if there was none."""
        if not (self._panel.active or self._session.searching):
            return False
        field, cleared = self._panel.field, self.tr("Search cleared.")
        moving = not field.hasFocus()
        if moving:  # said with the field as focus arrives: said after, Orca heard it twice (with focus, then again)
            announce(field, cleared, focus=field)
        self._panel.focus_field()  # before the field changes: Orca says nothing of a focus move after a caret move
        self._panel.clear()
        if not moving:
            announce(field, cleared)
        return True

    def highlight_page(self) -> None:
        """Highlight the current result's matches on the page now shown.

        The same page shown again (a new text size or theme) keeps its current
        match: "Match 3 of 5" was lost at each step.
        """
        session = self._session
        result = session.search_result
        shown = (session.shown_section, result)
        current = session.current_match if shown == session.matched_page else 0
        session.matched_page = shown
        if result is None or result.query.is_empty:
            self._reading.highlight(None)
        else:
            from reader.search.snippets import match_runs

            self._reading.highlight(lambda text: match_runs(text, result.query))
        self._reading.select_match(current)
        session.current_match = self._reading.current_match
        self._match_bar.show_position(session.current_match, self._reading.match_count)

    def show_first_match(self) -> None:
        if self._session.searching and self._reading.match_count:
            self._show_position(self._reading.show_first_match())

    def show_next_match(self) -> None:
        self._show_position(self._reading.step_match(1), step=1)

    def show_previous_match(self) -> None:
        self._show_position(self._reading.step_match(-1), step=-1)

    def _show_position(self, current: int, *, step: int = 0) -> None:
        """Match current (1-based; 0 for none) of the page's matches, shown and spoken; step: F3 (1), Shift+F3
        (-1) or neither (0)."""
        before, self._session.current_match = self._session.current_match, current
        self._match_bar.show_position(current, self._reading.match_count)
        place = self._reading.current_match_place()
        if current and place is not None:  # the words too: a count alone made two matches sound alike
            from reader.search.snippets import words_around

            # F3 from the last match to the first was heard as one more match
            wrapped = bool(before) and step * (current - before) < 0
            again = (self.tr(", back at the first") if step > 0 else self.tr(", back at the last")) if wrapped else ""
            announce(self._match_bar.label, f"{self._match_bar.label.text()}{again}: {words_around(*place)}")
        elif not self._session.searching:  # F3 before any search said "no matches", as if there had been one
            announce(self._match_bar.label, self.tr("No search yet. Press Control F to search the summary."))
        else:  # F3 with nothing to step to said nothing at all
            result = self._session.search_result
            # before a result was opened: the count alone said nothing of where the matches are
            elsewhere = len(result.hits) if result is not None else 0
            announce(self._match_bar.label, self.tr(
                "No search matches on this page. {count} sections match: open one from the results.").format(
                count=elsewhere) if elsewhere else self.tr("No search matches on this page."))
