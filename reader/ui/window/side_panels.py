"""Beside the text: the search panel and the contents tree, kept in step with the page and its looks."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.content.model import Pack
from reader.reading.session import ReadingSession
from reader.style.palettes import Palette
from reader.ui.style.qt_palettes import outline
from reader.ui.widgets.match_bar import MatchBar
from reader.ui.widgets.navigator import NavigatorTree
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import SearchPanel
from reader.ui.window.appearance import Appearance
from reader.ui.window.navigation import Navigation
from reader.ui.window.search_controller import SearchController


class SidePanels(QObject):
    """Builds the search panel, the contents tree and the search controller, and keeps them in step.

    The contents show where the reader is, in the window's colours and text size;
    the results list takes the contents' place while a search is on.
    """

    def __init__(self, window: QWidget, layout: QVBoxLayout, *, pack: Pack, session: ReadingSession,
                 reading: ReadingPane, match_bar: MatchBar, navigation: Navigation, appearance: Appearance,
                 debounce_ms: int) -> None:
        super().__init__(window)
        self._pack = pack
        self._session = session
        self._layout = layout
        self._appearance = appearance
        self.search_panel = SearchPanel(window, debounce_ms=debounce_ms)
        self.navigator = NavigatorTree(window)  # filled by fill_contents: thousands of sections take a while
        layout.addWidget(self.search_panel)
        layout.addWidget(self.navigator, 1)
        self.search_controller = SearchController(pack, session, self.search_panel, reading, match_bar, self)
        navigation.locationChanged.connect(self._show_in_contents)
        navigation.pageShown.connect(self.search_controller.highlight_page)
        reading.visibleAnchorChanged.connect(self._follow_reading)
        self.navigator.locationChosen.connect(navigation.open_place)
        self.search_controller.searchingChanged.connect(self._show_results_instead_of_contents)
        appearance.textSizeChanged.connect(self._size)
        appearance.themeChanged.connect(self._colour)
        self._size()
        self._colour(appearance.theme)

    def fill_contents(self) -> None:
        """Every section in the contents, the reader's place selected."""
        self.navigator.set_pack(self._pack)
        location = self._session.location
        if location is not None:
            self.navigator.show_location(location.section_id, location.anchor)

    def _show_in_contents(self, section_id: str, anchor: str) -> None:
        self.navigator.show_location(section_id, anchor or None)

    def _follow_reading(self, anchor: str) -> None:
        """The scroll-spy: the heading at the top of the text, selected in the contents."""
        location = self._session.location
        if location is not None:
            self.navigator.show_location(location.section_id, anchor or None)

    def _show_results_instead_of_contents(self, searching: bool) -> None:
        self.navigator.setVisible(not searching)
        self._layout.setStretchFactor(self.search_panel, 1 if searching else 0)

    def _size(self, _percent: int = 0) -> None:
        font = self._appearance.content_font()
        self.navigator.setFont(font)
        self.search_panel.setFont(font)  # the results list measures its rows again itself

    def _colour(self, theme: Palette) -> None:
        self.search_panel.set_theme(theme)
        outline(self.navigator, theme)
