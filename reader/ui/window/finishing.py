"""Finishing the window after its first frame: commands, contents, search, and their wiring.

A mixin of MainWindow. The first frame (header, disclaimer, text) is built in
MainWindow itself; what it does not show is built here, in stages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.style.qt_palettes import outline

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class FinishingMixin(_Base):
    """The stages that complete MainWindow, run at once or one per event-loop turn."""

    def _finish_soon(self) -> None:
        """After the first paint: the rest, one stage per turn of the event loop.

        Each stage stays well under 50 ms, so a click or key press that comes
        while the window finishes itself is never held up for long.
        """
        stages = list(self._finish_stages())

        def run_next_stage() -> None:
            stages.pop(0)()
            if stages:
                QTimer.singleShot(0, self, run_next_stage)

        # With the window as context: a window closed and deleted mid-way runs no more stages.
        QTimer.singleShot(0, self, run_next_stage)  # once the painted frame is on screen

    def _finish_start(self) -> None:
        """Build what the first frame does not show, all at once (tests, the self-test, the kiosk)."""
        for stage in self._finish_stages():
            stage()

    def _finish_stages(self) -> tuple[Callable[[], None], ...]:
        """Commands, contents, search and notices, in the order they can be built.

        Their modules, the Qt namespace and the viewports make PySide create some
        200 enum classes on first use (~60 ms), so the first frame does without them.
        Until _bring_new_widgets_up_to_date sets self._finished, the window works as
        in its first frame; that stage then brings the new widgets up to date.
        """
        return (self._build_commands_and_panels, self._fill_contents, self._finish_widget_setup,
                self._watch_focus_and_wheel, self._bring_new_widgets_up_to_date, self._start_search_index,
                self._prepare_first_uses)

    def _build_commands_and_panels(self) -> None:
        from PySide6.QtGui import QIcon

        from reader.resources import resource
        from reader.ui.widgets.match_bar import MatchBar
        from reader.ui.widgets.navigator import NavigatorTree
        from reader.ui.widgets.notice import NoticeBar
        from reader.ui.widgets.search_panel import SearchPanel
        from reader.ui.widgets.theme_menu import ThemeMenu
        from reader.ui.window.commands import Commands
        from reader.ui.window.search_controller import SearchController

        self.setWindowIcon(QIcon(str(resource("icons", "atl-reader-256.png"))))
        self.search = SearchPanel(self, debounce_ms=self._debounce_ms)
        self.navigator = NavigatorTree(self)  # filled in the next stage: thousands of sections take a while
        self._left_layout.addWidget(self.search)
        self._left_layout.addWidget(self.navigator, 1)
        self.notice = NoticeBar(self, self.theme)
        self._right_layout.insertWidget(0, self.notice)
        self.match_bar = MatchBar(self)
        self._right_layout.insertWidget(1, self.match_bar)
        self.searching = SearchController(self.pack, self.session, self.search, self.reading, self.match_bar, self)
        self.commands = Commands(self)  # the slots it names exist from here on (searching among them)
        self.header.attach_actions(self.commands["back"], self.commands["forward"], self.commands["print"])
        self.commands.fill_menus(self.menus)
        self.theme_menu = ThemeMenu(self)
        self.menus["view"].insertMenu(self.commands["reading_options"], self.theme_menu)
        self.theme_menu.show_choice(self.settings.theme)
        self.theme_menu.themeChosen.connect(self.choose_theme)
        QApplication.styleHints().colorSchemeChanged.connect(self._follow_system_theme)
        self._connect()
        chain = [self.header.back, self.header.forward, self.search.field, self.search.clear_button,
                 self.search.results, self.navigator,
                 self.match_bar.previous, self.match_bar.next, self.reading,
                 self.header.text_size.smaller, self.header.text_size.reset, self.header.text_size.larger,
                 self.header.print_button, self.notice.close_button]
        for first, second in zip(chain, chain[1:], strict=False):  # each widget with the next
            QWidget.setTabOrder(first, second)

    def _fill_contents(self) -> None:
        self.navigator.set_pack(self.pack)

    def _finish_widget_setup(self) -> None:
        """What needs the Qt namespace: the caret, scroll bars, list behaviour."""
        for widget in (self.reading, self.navigator, self.search, self.banner):
            widget.finish_setup()

    def _watch_focus_and_wheel(self) -> None:
        """The focus ring, and Ctrl+wheel as text size (these need the viewports)."""
        from reader.ui.widgets.focus_ring import FocusRing
        from reader.ui.window.wheel_zoom import WheelZoom

        self.focus_ring = FocusRing(self, self.theme.focus)
        # One place turns Ctrl+wheel into text size, wherever the pointer is.
        self._wheel_zoom = WheelZoom(self)
        self._wheel_zoom.watch(self.reading.viewport(), self.navigator.viewport(), self.search.results.viewport(),
                               self.banner, self.header)
        self._wheel_zoom.zoomRequested.connect(self._zoom_by_wheel)

    def _bring_new_widgets_up_to_date(self) -> None:
        """Text size, glossary marks, the place in the contents, colours and notices."""
        from reader.content.glossary import TermFinder

        self._finished = True
        self.apply_text_scale(self.session.text_percent)  # sizes the new widgets' text, and menus and dialogs
        self.colour_popups()
        self._terms = TermFinder(self.pack.glossary)
        self.reading.mark_terms(self._terms)
        location = self.current
        self.navigator.show_location(location.section_id, location.anchor)
        self._update_history_actions()
        self.search.set_theme(self.theme)
        outline(self.navigator, self.theme)
        self._follow_system_theme()  # only now: the contrast preference needs the Qt namespace
        if self._pending_notices:  # one line says all of them
            self.notice.show_message(" ".join(self._pending_notices))
        self._pending_notices.clear()

    def _start_search_index(self) -> None:
        self.searching.prepare()  # the index builds while the reader reads

    def _prepare_first_uses(self) -> None:
        """What the first keystroke would otherwise wait for: drawing results, announcing them."""
        from reader.ui.announce import prepare_announcements

        self.search.results.prepare()
        prepare_announcements()

    def _connect(self) -> None:
        """The widgets' signals (the commands connect themselves, from the command table)."""
        text_size = self.header.text_size
        text_size.largerRequested.connect(self.commands["larger"].trigger)
        text_size.smallerRequested.connect(self.commands["smaller"].trigger)
        text_size.resetRequested.connect(self.commands["reset_size"].trigger)
        self.navigator.locationChosen.connect(self._open_from_navigator)
        self.navigator.locationActivated.connect(self._open_and_read)
        self.searching.searchingChanged.connect(self._show_search_results)
        self.search.resultChosen.connect(self._open_and_read)
        self.reading.internalLinkClicked.connect(self._follow_internal_link)
        self.reading.externalLinkClicked.connect(self.show_external_address)
        self.reading.visibleAnchorChanged.connect(self._track_reading_position)
        self.reading.historyStepRequested.connect(self._step_history)
        self.reading.termActivated.connect(self.show_term)
        self.header.contents_button.toggled.connect(self.show_contents_drawer)
        self.navigator.itemClicked.connect(self.close_contents_drawer)
