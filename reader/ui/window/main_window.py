"""The reader window: builds the widgets and wires them together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader.content.dates import long_date, review_overdue
from reader.content.model import Pack, Section
from reader.content.provenance import review_line
from reader.navigation import Location
from reader.reading.session import ReadingSession
from reader.reflow import takes_turns
from reader.style.palettes import Palette
from reader.style.stylesheet import Spacing
from reader.style.type_sizes import Typography
from reader.ui.settings import Settings
from reader.ui.style.qt_palettes import chrome_palette, outline, resolve
from reader.ui.widgets.banner import DisclaimerBanner
from reader.ui.widgets.header import HeaderBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.window.appearance import AppearanceMixin
from reader.ui.window.commands import build_menus
from reader.ui.window.finishing import FinishingMixin
from reader.ui.window.navigation import NavigationMixin

if TYPE_CHECKING:  # imported on first use, not for the first frame
    from reader.content.glossary import TermFinder
    from reader.ui.widgets.focus_ring import FocusRing
    from reader.ui.widgets.match_bar import MatchBar
    from reader.ui.widgets.navigator import NavigatorTree
    from reader.ui.widgets.notice import NoticeBar
    from reader.ui.widgets.search_panel import SearchPanel
    from reader.ui.widgets.theme_menu import ThemeMenu
    from reader.ui.window.commands import Commands
    from reader.ui.window.search_controller import SearchController


class MainWindow(FinishingMixin, NavigationMixin, AppearanceMixin, QMainWindow):
    """One window over one pack."""

    #: The section or subsection on screen changed: (section id, anchor or "").
    locationChanged = Signal(str, str)
    #: The text size changed, in percent.
    textScaleChanged = Signal(int)

    # Built in _finish_stages, once the first frame is on screen.
    commands: Commands
    navigator: NavigatorTree
    search: SearchPanel
    notice: NoticeBar
    match_bar: MatchBar
    searching: SearchController
    theme_menu: ThemeMenu
    focus_ring: FocusRing
    _terms: TermFinder

    def __init__(self, pack: Pack, settings: Settings, family: str, *, search_debounce_ms: int = 150,
                 finish_after_first_paint: bool = False) -> None:
        """Build the window.

        The first frame shows the title, the disclaimer and the text. The rest (see
        _finish_stages) is built after it with finish_after_first_paint, so the reader
        sees the text sooner; otherwise it is built here, at once.
        """
        super().__init__()
        self.pack = pack
        self.settings = settings
        self.family = family
        # What is on screen (place, history, page, search, text size): the widgets show it.
        self.session = ReadingSession(settings.text_percent)
        self._debounce_ms = search_debounce_ms
        self._finished = False
        self._pending_notices: list[str] = []
        self._narrow = False

        self.theme: Palette = resolve(settings.theme)
        self.setPalette(chrome_palette(self.theme))
        self._build_first_frame()
        self.reading.set_spacing(Spacing(line_height=settings.line_height, paragraph_em=settings.paragraph_spacing))
        settings.on_save_failed = self.show_settings_not_saved
        self.apply_text_scale(self.session.text_percent)
        start = settings.last_section
        located = pack.locate(start) if start else None
        section, anchor = located if located else (pack.home, None)
        self.open_location(Location(section.id, anchor))
        if review_overdue(pack.manifest, dt.date.today()):
            self.show_notice(
                self.tr("This summary was last updated on {date}. Some of its information may be out of date.")
                .format(date=long_date(pack.manifest.last_updated))
            )
        if pack.problems:
            self.show_notice(
                self.tr("Some content could not be shown. {detail}").format(
                    detail=" ".join(str(p) + "." for p in pack.problems[:3])
                )
            )
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 780)
        if finish_after_first_paint:
            self.reading.firstPainted.connect(self._finish_soon)
        else:
            self._finish_start()

    # -- construction ---------------------------------------------------------------
    def _build_first_frame(self) -> None:
        """Header, disclaimer, the text, and room for the rest, so nothing moves later."""
        manifest = self.pack.manifest
        self.header = HeaderBar(manifest.title, review_line(manifest), self)
        self.banner = DisclaimerBanner(manifest.disclaimer, self, self.theme)
        self.reading = ReadingPane(self.pack.root, self, self.theme)
        outline(self.reading, self.theme)

        left = QWidget(self)
        self._left_layout = QVBoxLayout(left)
        self._left_layout.setContentsMargins(8, 8, 0, 8)
        right = QWidget(self)
        self._right_layout = QVBoxLayout(right)
        self._right_layout.setContentsMargins(0, 8, 8, 8)
        self._right_layout.addWidget(self.reading, 1)
        # By keyword: a positional parent makes PySide check the Orientation overload,
        # creating the whole Qt namespace (~30 ms) before the first frame.
        self.splitter = QSplitter(parent=self)  # side by side
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 800])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # The menu bar is in the first frame too; its menus are filled in _finish_stages.
        self.menus = build_menus(self.menuBar())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_layout_to_width()

    def fit_layout_to_width(self) -> None:
        """Contents beside the text, or a drawer when the window is narrow for the text size."""
        narrow = takes_turns(self.width(), Typography(self.session.text_percent).reading)
        if narrow == self._narrow:
            return
        self._narrow = narrow
        left, focused = self.splitter.widget(0), QApplication.focusWidget()
        keep_focus = narrow and left is not None and focused is not None and left.isAncestorOf(focused)
        self.header.contents_button.setVisible(narrow)
        self.header.set_compact(narrow)
        self._right_layout.setContentsMargins(8 if narrow else 0, 8, 8, 8)  # off the window's edge
        self.header.contents_button.setChecked(False)
        self.show_contents_drawer(False)
        if keep_focus:  # the contents or search had it, and they just went away
            self.reading.setFocus()

    def close_contents_drawer(self) -> None:
        """A section was picked: in a narrow window, back to the text."""
        self.header.contents_button.setChecked(False)

    def go_to_search(self) -> None:
        """Ctrl+F or "/": to the search field, opening the drawer it sits in when the window is narrow."""
        if self._narrow:
            self.header.contents_button.setChecked(True)
        self.search.focus_field()

    def show_contents_drawer(self, shown: bool) -> None:
        """In a narrow window the contents and the text take turns; otherwise both show."""
        left, right = self.splitter.widget(0), self.splitter.widget(1)
        if left is not None and right is not None:  # both are added as the window is built
            left.setVisible(shown or not self._narrow)
            right.setVisible(not (shown and self._narrow))

    def show_notice(self, text: str) -> None:
        """Say something in the notice line (kept until the line exists)."""
        if self._finished:
            self.notice.show_message(text)
        else:
            self._pending_notices.append(text)

    def come_forward(self) -> None:
        """Another launch asked for the reader: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def apologise(self) -> None:
        """After an unexpected error (already logged): a short sentence, and the reader goes on."""
        self.show_notice(self.tr("Sorry, something went wrong. The reader is still working; "
                                 "you can carry on reading."))

    def show_settings_not_saved(self, path: str) -> None:
        self.show_notice(
            self.tr("Your text size and place cannot be saved on this computer ({path} cannot be written to). "
                    "They will last until you close the reader.").format(path=path)
        )

    def show_external_address(self, url: str) -> None:
        from reader.content.links import external_address
        from reader.qr import qr_png

        address = external_address(url)
        self.notice.show_message(
            self.tr("This reader works offline, so links do not open here. "
                    "To visit this page later on a phone or computer, go to: {address}").format(address=address)
            + "\n" + self.tr("Or point a phone's camera at the code."),
            qr_png(url), self.tr("QR code for {address}").format(address=address),
        )

    # -- search ---------------------------------------------------------------------------
    def _show_search_results(self, searching: bool) -> None:
        # The results list replaces the contents tree while a search is on.
        self.navigator.setVisible(not searching)
        self._left_layout.setStretchFactor(self.search, 1 if searching else 0)

    def clear_search(self) -> None:
        self.searching.clear()

    def reset_session(self, text_percent: int) -> None:
        """A fresh start for the next person: nothing of this session stays on screen."""
        before = self.session.text_percent
        home = self.session.reset(self.pack.home.id, text_percent)
        self._render_fresh_session(home, size_changed=self.session.text_percent != before)

    def _render_fresh_session(self, home: Location, *, size_changed: bool) -> None:
        """Show a session just reset: no search or notice, its text size, its first page from the top."""
        self.search.clear()  # the session has no search: the field and results follow it
        self.notice.hide()
        self.show_text_size(changed=size_changed)
        self.open_location(home)
        QApplication.clipboard().clear()

    # -- the kiosk's surface (reader.ui.kiosk.window_surface.KioskWindow lists it) ---------------------
    def as_widget(self) -> QWidget:
        return self

    def lock_down_for_kiosk(self, print_section: Callable[[], object] | None, *, text_percent: int,
                            touch_px: int, touch_gap: int) -> None:
        """No way out to the desktop, files or other programs, and targets big enough for a finger.

        print_section, when given, is what Print does (straight to a printer, no dialog); without it
        Print is off and its button hidden.
        """
        from PySide6 import QtCore
        from PySide6.QtWidgets import QAbstractButton, QBoxLayout, QLineEdit, QScroller

        qt = QtCore.Qt
        self.setWindowFlag(qt.WindowType.FramelessWindowHint, True)
        self.menuBar().hide()
        # The kiosk profile of the command table: no Quit, Export or Print dialog.
        self.commands.lock_down({"print": print_section} if print_section else {})
        if not print_section:
            self.header.print_button.hide()
        self.header.keep_right_edge_free(touch_px + 8)  # the top right corner is the staff long-press
        # Links stay usable; selecting or dragging text out is not possible.
        self.reading.setTextInteractionFlags(
            qt.TextInteractionFlag.LinksAccessibleByMouse | qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        for widget in self.findChildren(QWidget):
            widget.setContextMenuPolicy(qt.ContextMenuPolicy.NoContextMenu)
            widget.setAcceptDrops(False)
        for button in self.findChildren(QAbstractButton):
            button.setMinimumSize(max(touch_px, button.minimumWidth()), max(touch_px, button.minimumHeight()))
        for layout in self.findChildren(QBoxLayout):
            layout.setSpacing(max(touch_gap, layout.spacing()))  # room between targets for a finger
        for field in self.findChildren(QLineEdit):
            field.setMinimumHeight(touch_px)
        self.apply_text_scale(text_percent)
        # A finger drags the text, the contents and the results, as on a phone.
        for view in self._flicked_views():
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def _flicked_views(self) -> tuple[QAbstractScrollArea, ...]:
        return self.reading, self.navigator, self.search.results

    def add_quick_topics(self, topics: QWidget) -> None:
        self.search.add_below_field(topics)

    def watch_search_field(self, watcher: QObject) -> QObject:
        self.search.field.installEventFilter(watcher)
        return self.search.field

    def type_into_search(self, text: str) -> None:
        """As if typed: insert() edits the field as a key press does, so the search runs as for a real keyboard."""
        field = self.search.field
        field.setFocus()
        field.insert(text)

    def delete_back_in_search(self) -> None:
        self.search.field.backspace()

    def clear_search_field(self) -> None:
        self.search.clear()

    def search_for(self, text: str) -> None:
        self.search.field.setText(text)
        self.searching.run_search(text)

    def section_on_screen(self) -> Section:
        return self.pack.section(self.current.section_id) or self.pack.home

    def set_print_enabled(self, enabled: bool) -> None:
        self.commands["print"].setEnabled(enabled)

    def reset_for_next_person(self, text_percent: int) -> None:
        """Nothing of this session stays on screen or can be brought back (undo, Back, a flick)."""
        from PySide6.QtWidgets import QScroller

        for view in self._flicked_views():
            QScroller.scroller(view.viewport()).stop()  # a flick would carry on past the reset
        self.navigator.set_pack(self.pack)  # sections folded or opened, as a fresh start shows them
        self.reset_session(text_percent)
        # QLineEdit keeps what clear() removed on its undo stack: Ctrl+Z brought the
        # last patient's searches back. setText() starts a new stack.
        self.search.field.setText("")
        clipboard = QApplication.clipboard()
        if clipboard.supportsSelection():  # X11's selection: a middle click would paste the last search
            clipboard.clear(clipboard.Mode.Selection)
        self.close_contents_drawer()

    # -- printing and dialogs ---------------------------------------------------------------
    def print_handout(self) -> None:
        from reader.ui.print.printing import print_with_preview

        section = self.section_on_screen()
        message = print_with_preview(self, self.pack, section, self.family, self.settings)
        if message:
            self.show_notice(message)

    def export_handout(self) -> None:
        from reader.ui.print.printing import export_with_dialog

        message = export_with_dialog(self, self.pack)
        if message:
            self.show_notice(message)

    def show_shortcuts(self) -> None:
        from reader.ui.widgets.dialogs import show_shortcuts

        show_shortcuts(self, self.commands.shortcut_rows())

    def show_term(self, index: int) -> None:
        """The plain-language definition of a marked term, in a dialog Esc closes."""
        from reader.ui.widgets.dialogs import show_definition

        if 0 <= index < len(self.pack.glossary):
            show_definition(self, self.pack.glossary[index])

    def show_about(self) -> None:
        from reader.ui.widgets.dialogs import show_about

        show_about(self, self.pack)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.settings.geometry = QByteArray(self.saveGeometry())
        self.settings.save()
        super().closeEvent(event)

