"""One reading session: the place, history, page, search and text size on screen (no Qt).

The window renders from this object and writes back only what the reader did, so a
kiosk reset for the next person is reset() and one render, not a list of widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader import textscale
from reader.navigation import History, Location

if TYPE_CHECKING:  # search is imported on first use
    from reader.search import SearchResult


class ReadingSession:
    """What one reader has on screen, and the way back through it."""

    def __init__(self, text_percent: int) -> None:
        self.history = History()
        #: The section whose page is in the reading pane (None: no page yet, or shown afresh next).
        self.shown_section: str | None = None
        #: The section a screen reader was last told about, so each arrival is said once.
        self.announced_section: str | None = None
        self.text_percent = textscale.clamp(text_percent)
        #: The search on screen; its query marks the matches on each page shown.
        self.search_result: SearchResult | None = None
        #: The match stepped to on the page (1-based; 0 for none), and the page and search it is of:
        #: the same page shown again (new text size or theme) keeps it.
        self.current_match = 0
        self.matched_page: tuple[str | None, SearchResult | None] = (None, None)
        #: Read aloud has said the disclaimer: it is said the first time reading starts in a session.
        self.disclaimer_spoken = False

    @property
    def location(self) -> Location | None:
        """Where the reader is: the history's current entry."""
        return self.history.current

    @property
    def searching(self) -> bool:
        return self.search_result is not None

    def arrive(self, section_id: str) -> bool:
        """The reader is now in section_id; True if that is news a screen reader should hear."""
        if self.announced_section == section_id:
            return False
        self.announced_section = section_id
        return True

    def reset(self, home: str, text_percent: int) -> Location:
        """A fresh session for the next person; returns the place to show (home, from the top)."""
        self.history = History()
        self.shown_section = None
        self.announced_section = None
        self.text_percent = textscale.clamp(text_percent)
        self.search_result = None
        self.current_match = 0
        self.matched_page = (None, None)
        self.disclaimer_spoken = False
        return Location(home)
