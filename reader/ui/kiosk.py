"""Kiosk mode: locks the window down and resets it between patients."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QDialog,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QScroller,
    QWidget,
)

from reader.kiosk.config import KioskConfig
from reader.kiosk.pin import PinGuard
from reader.ui.idle import IdleWatcher
from reader.ui.kiosk_screens import TOUCH_GAP, TOUCH_PX, AttractScreen, CornerHold, PinDialog, StillReadingPrompt
from reader.ui.touch_keyboard import KeyboardDock, TouchKeyboard

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

#: After printing, the print button rests this long, so repeated taps print once.
_PRINT_PAUSE_MS = 20_000


def close_dialogs() -> None:
    """Close every open dialog (a definition, the shortcuts...), menu and tooltip."""
    from PySide6.QtWidgets import QMenu, QToolTip

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
        elif isinstance(widget, QMenu) and widget.isVisible():
            widget.hide()
    QToolTip.hideText()


class KioskController(QObject):
    """Idle → "Still reading?" → reset → attract screen → tap → home, and the staff exit."""

    #: The session was reset for the next person.
    sessionReset = Signal()
    #: Staff typed the right PIN: the kiosk may close.
    exitAuthorised = Signal()

    def __init__(self, window: MainWindow, config: KioskConfig, *, idle_ms: int | None = None,
                 prompt_seconds: int | None = None, tick_ms: int = 1000, hold_ms: int = 3000,
                 clock: Callable[[], float] = time.monotonic, pin_tick_ms: int = 1000) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self._may_close = False
        # One guard for the kiosk's life: closing and reopening the pad does not reset the waits.
        self.pin_guard = PinGuard(config.exit_pin or "", clock)
        self._pin_tick_ms = pin_tick_ms
        self.watcher = IdleWatcher(idle_ms if idle_ms is not None else config.idle_timeout * 1000, self)
        # Both leave the header and the disclaimer in view.
        self.prompt = StillReadingPrompt(window, window.banner, window.family,
                                         prompt_seconds or config.prompt_seconds, tick_ms)
        self.attract = AttractScreen(window, window.banner, window.family, window.pack.manifest.title)
        self.corner = CornerHold(window, hold_ms)
        self.watcher.idleReached.connect(self.ask_if_still_reading)
        self.watcher.activityNoticed.connect(self._keep_reading_if_asked)
        self.prompt.keepReadingChosen.connect(self.keep_reading)
        self.prompt.timedOut.connect(self.reset_for_next_person)
        self.attract.tapped.connect(self.start_reading)
        self.corner.held.connect(self.ask_for_pin)
        window.installEventFilter(self)
        self.keyboard = TouchKeyboard(window)
        key_font = QFont(window.family)
        key_font.setPixelSize(24)
        self.keyboard.setFont(key_font)
        self._dock = KeyboardDock(self.keyboard, window)
        self.keyboard.textTyped.connect(self.type_into_search)
        self.keyboard.backspacePressed.connect(self.delete_in_search)
        self.keyboard.clearPressed.connect(window.search.clear)
        self.keyboard.hideRequested.connect(self.hide_keyboard)
        window.search.field.installEventFilter(self)  # focus in: the keyboard comes up
        self.topics = self._quick_topics()
        self.lock_down()

    # -- lockdown ---------------------------------------------------------------------
    def lock_down(self) -> None:
        """No way out to the desktop, files or other programs, and targets big enough for a finger."""
        window, qt = self.window, QtCore.Qt
        window.setWindowFlag(qt.WindowType.FramelessWindowHint, True)
        window.menuBar().hide()
        prints = bool(self.config.print_enabled and self.config.printer)
        # The kiosk profile of the command table: no Quit, Export or Print dialog; Print, when
        # configured, goes straight to the configured printer, never through a dialog.
        window.commands.lock_down({"print": self.print_section} if prints else {})
        if not prints:
            window.header.print_button.hide()
        header_layout = window.header.layout()
        if header_layout is not None:
            margins = header_layout.contentsMargins()
            # Keep the top right corner free for the staff long-press.
            header_layout.setContentsMargins(margins.left(), margins.top(), TOUCH_PX + 8, margins.bottom())
        # Links stay usable; selecting or dragging text out is not possible.
        window.reading.setTextInteractionFlags(
            qt.TextInteractionFlag.LinksAccessibleByMouse | qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        for widget in window.findChildren(QWidget):
            widget.setContextMenuPolicy(qt.ContextMenuPolicy.NoContextMenu)
            widget.setAcceptDrops(False)
        for button in window.findChildren(QAbstractButton):
            button.setMinimumSize(max(TOUCH_PX, button.minimumWidth()), max(TOUCH_PX, button.minimumHeight()))
        for layout in window.findChildren(QBoxLayout):
            layout.setSpacing(max(TOUCH_GAP, layout.spacing()))  # room between targets for a finger
        for field in window.findChildren(QLineEdit):
            field.setMinimumHeight(TOUCH_PX)
        window.apply_text_scale(self.config.text_percent)
        # A finger drags the text, the contents and the results, as on a phone.
        for view in self._scrolled_views():
            QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def _scrolled_views(self) -> tuple[QAbstractScrollArea, ...]:
        window = self.window
        return window.reading, window.navigator, window.search.results

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()  # checked first: during teardown only the event is safe to read
        if kind == QEvent.Type.Close and watched is self.window and not self._may_close:
            event.ignore()  # Alt+F4 and window-manager closes do nothing in a kiosk
            return True
        if kind == QEvent.Type.FocusIn and watched is self.window.search.field:
            self.show_keyboard()
        return False

    def print_section(self) -> None:
        """The section on screen, on the configured printer; then a pause, so one tap prints once."""
        from PySide6.QtCore import QTimer

        from reader.ui.printing import print_direct

        window = self.window
        section = window.pack.section(window.current.section_id) or window.pack.home
        assert self.config.printer is not None
        window.commands["print"].setEnabled(False)
        window.show_notice(print_direct(window.pack, section, window.family, self.config.printer))
        # With the window as context, the timer dies with it (a reset kiosk, a closed test window).
        QTimer.singleShot(_PRINT_PAUSE_MS, window, lambda: window.commands["print"].setEnabled(True))

    # -- touch ----------------------------------------------------------------------------
    def _quick_topics(self) -> QWidget:
        """Buttons for what most people look for, under the search field."""
        row = QWidget(self.window.search)
        layout = QGridLayout(row)  # two to a row: the contents column is narrow
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(TOUCH_GAP)
        for number, label in enumerate((self.tr("Treatment"), self.tr("Transplant"), self.tr("Clinical trials"))):
            button = QPushButton(label, row)
            button.setAccessibleName(self.tr("Search for {topic}").format(topic=label))
            button.clicked.connect(self._search_topic)
            layout.addWidget(button, number // 2, number % 2)
        search_layout = self.window.search.layout()
        assert isinstance(search_layout, QBoxLayout)
        search_layout.insertWidget(1, row)
        return row

    def _search_topic(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.hide_keyboard()
            self.window.search.field.setText(button.text())
            self.window.searching.run_search(button.text())

    def show_keyboard(self) -> None:
        if not self.keyboard.isVisible():
            self.keyboard.show()
            self._dock.place()

    def type_into_search(self, text: str) -> None:
        """As if typed: the search runs as it would for a real keyboard."""
        field = self.window.search.field
        field.setFocus()
        for character in text:
            QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, 0, QtCore.Qt.KeyboardModifier.NoModifier,
                                                    character))

    def delete_in_search(self) -> None:
        field = self.window.search.field
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, QtCore.Qt.Key.Key_Backspace,
                                                QtCore.Qt.KeyboardModifier.NoModifier))

    def hide_keyboard(self) -> None:
        self.keyboard.hide()

    # -- the session ------------------------------------------------------------------
    def start(self) -> None:
        self.watcher.restart()

    def ask_if_still_reading(self) -> None:
        close_dialogs()
        self.prompt.start()

    def _keep_reading_if_asked(self) -> None:
        if self.prompt.isVisible():
            self.keep_reading()

    def keep_reading(self) -> None:
        self.prompt.stop()
        self.watcher.restart()

    def reset_for_next_person(self) -> None:
        """Nothing of this session stays on screen or can be brought back (undo, Back, a flick)."""
        self.watcher.stop()
        self.hide_keyboard()
        close_dialogs()
        window = self.window
        for view in self._scrolled_views():
            QScroller.scroller(view.viewport()).stop()  # a flick would carry on past the reset
        window.navigator.set_pack(window.pack)  # sections folded or opened, as a fresh start shows them
        window.reset_session(self.config.text_percent)
        # QLineEdit keeps what clear() removed on its undo stack: Ctrl+Z brought the
        # last patient's searches back. setText() starts a new stack.
        window.search.field.setText("")
        clipboard = QApplication.clipboard()
        if clipboard.supportsSelection():  # X11's selection: a middle click would paste the last search
            clipboard.clear(clipboard.Mode.Selection)
        window.close_contents_drawer()
        self.attract.present()
        self.attract.setFocus()
        self.sessionReset.emit()

    def start_reading(self) -> None:
        self.attract.hide()
        self.window.go_home()
        self.watcher.restart()

    # -- staff exit -------------------------------------------------------------------
    def ask_for_pin(self) -> None:
        """Without a configured PIN there is no way out from inside the kiosk."""
        if self.config.exit_pin:
            self.make_pin_dialog().exec()

    def make_pin_dialog(self) -> PinDialog:
        """The staff keypad: the right PIN closes the kiosk; wrong ones are logged and slowed down."""
        dialog = PinDialog(self.pin_guard, self.window, self._pin_tick_ms)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept, hidden, for each time staff ask
        dialog.wrongTry.connect(self._log_wrong_pin)
        dialog.accepted.connect(self._exit)
        return dialog

    def _log_wrong_pin(self, wrong: int, wait: int) -> None:
        from reader.error_log import log_line

        then = "the exit is locked" if self.pin_guard.locked else (
            f"the next try waits {wait} s" if wait else "the next try is taken at once")
        log_line(self.config.log_file, "warning", f"wrong staff PIN at the kiosk exit ({wrong} in a row; {then})")

    def _exit(self) -> None:
        self._may_close = True
        self.exitAuthorised.emit()
        self.window.close()
