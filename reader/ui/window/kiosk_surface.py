"""The window as the kiosk may use it (reader.ui.kiosk.window_surface.KioskWindow), and nothing more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6 import QtCore
from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QLineEdit,
    QMainWindow,
    QScroller,
    QWidget,
)

from reader import texts, textscale
from reader.content.model import Pack, Section
from reader.content.provenance import plain_disclaimer
from reader.ui.announce import announce
from reader.ui.widgets.banner import DisclaimerBanner
from reader.ui.widgets.header import HeaderBar
from reader.ui.widgets.navigator import NavigatorTree
from reader.ui.widgets.notice import NoticeBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import SearchPanel
from reader.ui.window.appearance import Appearance
from reader.ui.window.commands import Commands
from reader.ui.window.navigation import Navigation
from reader.ui.window.read_aloud import ReadAloud
from reader.ui.window.window_dialogs import WindowDialogs


@dataclass(frozen=True)
class KioskSurface:
    """Locks the window down and resets it, through the parts the window was built from."""

    window: QMainWindow
    pack: Pack
    family: str
    header: HeaderBar
    banner: DisclaimerBanner
    reading: ReadingPane
    search_panel: SearchPanel
    navigator: NavigatorTree
    notice: NoticeBar
    commands: Commands
    navigation: Navigation
    appearance: Appearance
    read_aloud: ReadAloud
    dialogs: WindowDialogs
    #: Starts the session afresh (MainWindow.reset_session) at a text size and section: nothing of the last stays.
    reset_session: Callable[[int, str | None], None]
    #: Back to the text from the contents drawer of a narrow window.
    close_contents_drawer: Callable[[], None]
    #: The contents, search and text, side by side: what the welcome screen covers between patients.
    reading_area: QWidget

    def as_widget(self) -> QWidget:
        return self.window

    def lock_down_for_kiosk(self, print_section: Callable[[], object] | None, *, text_percent: int,
                            touch_px: int, touch_gap: int) -> None:
        """No way out to the desktop, files or other programs, and targets big enough for a finger.

        print_section, when given, is what Print does (straight to a printer, no dialog); without it
        Print is off and its button hidden.
        """
        qt = QtCore.Qt
        self.window.setWindowFlag(qt.WindowType.FramelessWindowHint, True)
        self.window.menuBar().hide()
        self.dialogs.frameless = True  # a title bar's minimise button hid the whole kiosk
        # The kiosk profile of the command table: no Quit, Export or Print dialog.
        self.commands.lock_down({"print": print_section} if print_section else {})
        if not print_section:
            self.header.print_button.hide()
        self.header.keep_right_edge_free(touch_px + 8)  # the top right corner is the staff long-press
        # At the largest text the search sits in the drawer: a patient saw no way to search at all.
        self.header.contents_button.setText(self.header.tr("Contents and search"))
        self.header.contents_button.setAccessibleName(self.header.tr("Show the contents and search"))
        # Links stay usable, and a keyboard caret for a screen reader's arrow keys (without it the
        # text could only be heard by Say All); dragging text out with a finger or mouse is not possible.
        self.reading.setTextInteractionFlags(
            qt.TextInteractionFlag.LinksAccessibleByMouse | qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | qt.TextInteractionFlag.TextSelectableByKeyboard)
        for widget in self.window.findChildren(QWidget):
            widget.setContextMenuPolicy(qt.ContextMenuPolicy.NoContextMenu)
            widget.setAcceptDrops(False)
        for button in self.window.findChildren(QAbstractButton):
            button.setMinimumSize(max(touch_px, button.minimumWidth()), max(touch_px, button.minimumHeight()))
        for layout in self.window.findChildren(QBoxLayout):
            layout.setSpacing(max(touch_gap, layout.spacing()))  # room between targets for a finger
        for field in self.window.findChildren(QLineEdit):
            field.setMinimumHeight(touch_px)
        self.navigator.set_min_row_height(touch_px)  # contents rows were 38 px
        # Hidden between patients (set_session_controls_enabled), it keeps its room: the disclaimer stays put.
        policy = self.reading_area.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.reading_area.setSizePolicy(policy)
        self.appearance.apply_text_scale(text_percent)
        # A finger drags the text, the contents and the results, as on a phone.
        for view in self._flicked_views():
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def _flicked_views(self) -> tuple[QAbstractScrollArea, ...]:
        return self.reading, self.navigator, self.search_panel.results

    def add_quick_topics(self, topics: QWidget) -> None:
        self.search_panel.add_below_field(topics)

    def watch_search_field(self, watcher: QObject) -> tuple[QObject, QObject]:
        """watcher sees the field's events and its clear button's (a tap on ✕); both are returned, field first."""
        parts = (self.search_panel.field, self.search_panel.clear_button)
        for part in parts:
            part.installEventFilter(watcher)
        return parts

    def watch_text(self, watcher: QObject) -> QObject:
        self.reading.installEventFilter(watcher)
        return self.reading

    def type_into_search(self, text: str) -> None:
        """As if typed: insert() edits the field as a key press does, so the search runs as for a real keyboard."""
        field = self.search_panel.field
        field.setFocus()
        field.insert(text)

    def delete_back_in_search(self) -> None:
        self.search_panel.field.backspace()

    def clear_search_field(self) -> None:
        self.search_panel.clear()

    def has_search(self) -> bool:
        return self.search_panel.active

    def search_for(self, text: str) -> None:
        self.search_panel.search_for(text)

    def section_on_screen(self) -> Section:
        return self.pack.section(self.navigation.current.section_id) or self.pack.home

    def set_print_enabled(self, enabled: bool) -> None:
        self.commands["print"].setEnabled(enabled)

    def show_notice(self, text: str) -> None:
        self.notice.show_message(text)

    def set_session_controls_enabled(self, enabled: bool) -> None:
        """Between patients every command is off, keys included (Ctrl+= or Ctrl+R on a kiosk's keyboard)."""
        sizes = self.header.text_size
        # Orca's review of the screen read the page and the contents under the welcome screen, line by
        # line between its own; a hidden widget is not on screen for a screen reader either.
        self.reading_area.setVisible(enabled)
        self.commands.set_all_enabled(enabled)  # Back, Forward, Print and Read aloud follow their commands
        for button in (sizes.smaller, sizes.reset, sizes.larger):
            button.setEnabled(enabled)
        if enabled:  # each command back to its own state: history, reading, A- and A+ at 75 % and 300 %
            history = self.navigation.history
            self.commands["back"].setEnabled(history.can_go_back)
            self.commands["forward"].setEnabled(history.can_go_forward)
            self.read_aloud.show_state()
            sizes.show_percent(self.appearance.text_percent, textscale.MIN_PERCENT, textscale.MAX_PERCENT)
            self.commands.follow_text_size(self.appearance.text_percent)

    def typing_area(self) -> QRect:
        panel = self.search_panel
        return QRect(panel.mapTo(self.window, QPoint(0, 0)), panel.size())

    def start_session(self, section_id: str, text_percent: int) -> None:
        section = self.pack.section(section_id) or self.pack.home
        self.reading_area.show()  # before its text takes focus: a hidden widget cannot
        self.reset_session(text_percent, section.id)  # that page is where the session starts: Back has nowhere to go
        self.reading.setFocus()
        manifest = self.pack.manifest
        said = " ".join(part for part in (texts.sentence(section.title), manifest.disclaimer,
                                          plain_disclaimer(manifest)) if part)
        announce(self.banner, said, focus=self.reading)

    def watch_pages(self, on_open: Callable[[], None]) -> None:
        self.navigation.locationChanged.connect(lambda _section, _anchor: on_open())

    def watch_reading_aloud(self, on_progress: Callable[[], None]) -> None:
        self.read_aloud.progressed.connect(on_progress)

    def turn_off_read_aloud(self, why: str) -> None:
        self.read_aloud.set_unavailable(why)

    def reset_for_next_person(self, text_percent: int) -> None:
        """Nothing of this session stays on screen or can be brought back (undo, Back, a flick)."""
        self.read_aloud.stop()
        self.read_aloud.forget_choices()
        for view in self._flicked_views():
            QScroller.scroller(view.viewport()).stop()  # a flick would carry on past the reset
        self.navigator.set_pack(self.pack)  # sections folded or opened, as a fresh start shows them
        self.reset_session(text_percent, None)
        # QLineEdit keeps what clear() removed on its undo stack: Ctrl+Z brought the
        # last patient's searches back. setText() starts a new stack.
        self.search_panel.field.setText("")
        clipboard = QApplication.clipboard()
        clipboard.clear()
        if clipboard.supportsSelection():  # X11's selection: a middle click would paste the last search
            clipboard.clear(clipboard.Mode.Selection)
        self.close_contents_drawer()
