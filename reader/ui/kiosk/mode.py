"""Kiosk mode: locks the window down and resets it between patients."""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialog, QGridLayout, QPushButton, QWidget

from reader.content.provenance import plain_disclaimer
from reader.kiosk.config import KioskConfig
from reader.kiosk.pin import PinGuard
from reader.kiosk.welcome import start_sizes, topics
from reader.style.type_sizes import TOUCH_PX
from reader.ui.announce import announce, screen_reader_active
from reader.ui.kiosk.idle import IdleWatcher
from reader.ui.kiosk.screens import TOUCH_GAP, CornerHold, PinDialog, StillReadingPrompt
from reader.ui.kiosk.touch_keyboard import KeyboardDock, TouchKeyboard
from reader.ui.kiosk.welcome_screen import AttractScreen
from reader.ui.kiosk.window_surface import KioskWindow
from reader.ui.widgets.dialogs import kiosk_dialog, place_below

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


#: How much longer the kiosk waits before "Still reading?" while a screen reader is running.
SCREEN_READER_IDLE_FACTOR = 3

class KioskController(QObject):
    """Idle → "Still reading?" → reset → attract screen → tap → home, and the staff exit.

    It drives the window only through KioskWindow (reader/ui/kiosk/window_surface.py).
    """

    #: The session was reset for the next person.
    sessionReset = Signal()
    #: Staff typed the right PIN: the kiosk may close.
    exitAuthorised = Signal()

    def __init__(self, window: KioskWindow, config: KioskConfig, *, idle_ms: int | None = None,
                 prompt_seconds: int | None = None, tick_ms: int = 1000, hold_ms: int = 3000,
                 clock: Callable[[], float] = time.monotonic, pin_tick_ms: int = 1000) -> None:
        host = window.as_widget()  # the parent of the kiosk's screens; its Close is refused
        super().__init__(host)
        self.window = window
        self._host = host
        self.config = config
        self._may_close = False
        # One guard for the kiosk's life: closing and reopening the pad does not reset the waits.
        self.pin_guard = PinGuard(config.exit_pin or "", clock)
        self._pin_tick_ms = pin_tick_ms
        self._idle_ms = idle_ms if idle_ms is not None else config.idle_timeout * 1000
        self._listener_given_longer = False
        self._focus_before_prompt: QWidget | None = None
        self.watcher = IdleWatcher(self._idle_ms, self)
        # Both leave the header and the disclaimer in view.
        self.prompt = StillReadingPrompt(host, window.banner, window.family,
                                         prompt_seconds or config.prompt_seconds, tick_ms)
        manifest = window.pack.manifest
        self.attract = AttractScreen(host, window.banner, window.family, manifest.title,
                                     sizes=start_sizes(config.text_percent), topics=topics(window.pack),
                                     plain_disclaimer=plain_disclaimer(manifest))
        self.corner = CornerHold(host, hold_ms)
        self.watcher.idleReached.connect(self.ask_if_still_reading)
        self.watcher.activityNoticed.connect(self._keep_reading_if_asked)
        self.prompt.keepReadingChosen.connect(self.keep_reading)
        self.prompt.timedOut.connect(self.reset_for_next_person)
        self.attract.startChosen.connect(self.start_reading)
        self.corner.held.connect(self.ask_for_pin)
        host.installEventFilter(self)
        self.keyboard = TouchKeyboard(host)
        key_font = QFont(window.family)
        key_font.setPixelSize(24)
        self.keyboard.setFont(key_font)
        self._dock = KeyboardDock(self.keyboard, host, window.typing_area)
        self.keyboard.textTyped.connect(window.type_into_search)
        self.keyboard.backspacePressed.connect(window.delete_back_in_search)
        self.keyboard.clearPressed.connect(window.clear_search_field)
        self.keyboard.searchPressed.connect(self.hide_keyboard)  # the results show as the keys are typed
        # Focus in, or a tap on the field or its ✕: the keyboard comes up.
        self._search_field, self._search_clear = window.watch_search_field(self)
        self._text = window.watch_text(self)  # focus in (a result or topic opened): the keyboard goes
        window.watch_pages(self.hide_keyboard)  # and as a page opens from the contents: it covered the page
        self.topics = self._quick_topics()
        self.lock_down()
        window.watch_reading_aloud(self.watcher.restart)  # a listener is not idle
        if not config.read_aloud:
            window.turn_off_read_aloud(self.tr("Read aloud is turned off at this kiosk."))

    # -- lockdown ---------------------------------------------------------------------
    def lock_down(self) -> None:
        """No way out to the desktop, files or other programs, and targets big enough for a finger."""
        # Print, when configured, goes straight to the configured printer, never through a dialog.
        prints = bool(self.config.print_enabled and self.config.printer)
        self.window.lock_down_for_kiosk(self.print_section if prints else None, text_percent=self.config.text_percent,
                                        touch_px=TOUCH_PX, touch_gap=TOUCH_GAP)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()  # checked first: during teardown only the event is safe to read
        if kind == QEvent.Type.Close and watched is self._host and not self._may_close:
            event.ignore()  # Alt+F4 and window-manager closes do nothing in a kiosk
            return True
        if kind == QEvent.Type.FocusIn and watched is self._search_field:
            self.show_keyboard()
        elif kind == QEvent.Type.MouseButtonPress and watched in (self._search_field, self._search_clear):
            # A second search: the field kept its focus when Search put the keyboard away, and a tap on it,
            # or on its ×, brought nothing back.
            self.show_keyboard()
        elif kind == QEvent.Type.FocusIn and watched is self._text:
            self.hide_keyboard()  # it covered the lines of the page just opened, which Orca still read
        return False

    def print_section(self) -> None:
        """The section on screen, on the configured printer; then a pause, so one tap prints once."""
        from PySide6.QtCore import QTimer

        from reader.ui.print.printing import print_direct

        window = self.window
        assert self.config.printer is not None
        window.set_print_enabled(False)
        window.show_notice(print_direct(window.pack, window.section_on_screen(), window.family, self.config.printer))
        # With the window as context, the timer dies with it (a reset kiosk, a closed test window).
        QTimer.singleShot(_PRINT_PAUSE_MS, self._host, lambda: window.set_print_enabled(True))

    # -- touch ----------------------------------------------------------------------------
    def _quick_topics(self) -> QWidget:
        """Buttons for what most people look for, under the search field."""
        row = QWidget()  # the window adopts it
        layout = QGridLayout(row)  # two to a row: the contents column is narrow
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(TOUCH_GAP)
        for number, label in enumerate((self.tr("Treatment"), self.tr("Transplant"), self.tr("Clinical trials"))):
            button = QPushButton(label, row)
            button.setAccessibleName(self.tr("Search for {topic}").format(topic=label))
            button.clicked.connect(self._search_topic)
            layout.addWidget(button, number // 2, number % 2)
        self.window.add_quick_topics(row)
        return row

    def _search_topic(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.hide_keyboard()
            self.window.search_for(button.text())

    def show_keyboard(self) -> None:
        if not self.keyboard.isVisible():
            # The topic buttons step aside while typing: at the largest text they left the results 35 px.
            self.topics.hide()
            self.keyboard.show()
            self._dock.place()  # beside the field and results, not over them

    def hide_keyboard(self) -> None:
        self.keyboard.hide()
        # Back only with no results on screen: coming back above them, they pushed the list down under a
        # finger about to tap it, which then opened another section.
        self.topics.setVisible(not self.window.has_search())

    # -- the session ------------------------------------------------------------------
    def start(self) -> None:
        """A cold start: the same screen as after every reset, waiting for the first patient."""
        self._welcome_next_person()

    def ask_if_still_reading(self) -> None:
        if screen_reader_active() and not self._listener_given_longer:
            # A listener hears the page with no touch or key for minutes: Qt cannot tell
            # when the screen reader is speaking, so the kiosk waits longer first. Asked
            # now, not at start: Qt knows a screen reader is there only once it connects.
            self._listener_given_longer = True
            self.watcher.restart(self._idle_ms * (SCREEN_READER_IDLE_FACTOR - 1))
            return
        self._listener_given_longer = False
        self._focus_before_prompt = QApplication.focusWidget()
        close_dialogs()
        self.prompt.start()

    def _keep_reading_if_asked(self) -> None:
        self._listener_given_longer = False  # someone is there: the next quiet spell starts afresh
        if self.prompt.isVisible():
            self.keep_reading()

    def keep_reading(self) -> None:
        self.prompt.stop()
        self.watcher.restart()
        before, self._focus_before_prompt = self._focus_before_prompt, None
        if before is not None and shiboken6.isValid(before) and before.isVisible():
            before.setFocus()  # back where the reader was, not on the first button under the prompt

    def reset_for_next_person(self) -> None:
        """Nothing of this session stays on screen or can be brought back (undo, Back, a flick)."""
        # Heard once, with the Start button as it takes focus: a listener was never told why the page went away.
        start = self.attract.start_button
        announce(start, self.tr("The reader has started again for the next person. {hint}").format(
            hint=self.attract.start_hint), focus=start)
        self._welcome_next_person()
        self.sessionReset.emit()

    def _welcome_next_person(self) -> None:
        self.watcher.stop()
        close_dialogs()
        self.window.reset_for_next_person(self.config.text_percent)
        self.hide_keyboard()  # after the reset: with the last search gone, the topic buttons are back
        self.window.set_session_controls_enabled(False)
        self.attract.present()  # with focus on its Start button

    def start_reading(self, section_id: str = "", text_percent: int = 0) -> None:
        """A patient starts: at a section (by default the first) and a text size (by default the kiosk's)."""
        self.attract.hide()
        self.window.start_session(section_id or self.window.pack.home.id, text_percent or self.config.text_percent)
        self.window.set_session_controls_enabled(True)
        self.watcher.restart()

    # -- staff exit -------------------------------------------------------------------
    def ask_for_pin(self) -> None:
        """Without a configured PIN there is no way out from inside the kiosk."""
        if self.config.exit_pin:
            self.hide_keyboard()  # one keypad at a time
            self.make_pin_dialog().exec()

    def make_pin_dialog(self) -> PinDialog:
        """The staff keypad: the right PIN closes the kiosk; wrong ones are logged and slowed down."""
        dialog = PinDialog(self.pin_guard, self._host, self._pin_tick_ms)
        kiosk_dialog(dialog)  # no title bar, whose minimise button would hide the kiosk
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept, hidden, for each time staff ask
        dialog.wrongTry.connect(self._log_wrong_pin)
        dialog.accepted.connect(self._exit)
        banner = self.window.banner
        place_below(dialog, banner.mapToGlobal(banner.rect().bottomLeft()).y())  # the disclaimer stays in view
        return dialog

    def _log_wrong_pin(self, wrong: int, wait: int) -> None:
        from reader.error_log import log_line

        then = "the exit is locked" if self.pin_guard.locked else (
            f"the next try waits {wait} s" if wait else "the next try is taken at once")
        log_line(self.config.log_file, "warning", f"wrong staff PIN at the kiosk exit ({wrong} in a row; {then})")

    def _exit(self) -> None:
        self._may_close = True
        self.exitAuthorised.emit()
        self._host.close()
