"""The kiosk's own screens: the overlay they share, "Still reading?", and the staff PIN pad."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.kiosk.pin import PIN_MAX, PinGuard
from reader.style.palettes import LIGHT
from reader.style.type_sizes import TOUCH_PX
from reader.ui.announce import announce
from reader.ui.widgets.dialog_edge import edge

#: Seconds left when "Still reading?" says its countdown again.
SAY_AGAIN_AT = 10
#: The gap between touch targets, in pixels (their least size is type_sizes.TOUCH_PX).
TOUCH_GAP = 8


class Overlay(QWidget):
    """A panel over its window below the disclaimer, which stays in view; kept to the window's size."""

    def __init__(self, parent: QWidget, background: str, below: QWidget, family: str) -> None:
        super().__init__(parent)
        self._below = below
        colours = self.palette()
        colours.setColor(QPalette.ColorRole.Window, QColor(background))
        colours.setColor(QPalette.ColorRole.WindowText, QColor(LIGHT.text))
        self.setPalette(colours)
        self.setAutoFillBackground(True)
        self.setFont(QFont(family))
        parent.installEventFilter(self)
        below.installEventFilter(self)  # a disclaimer that grows (larger text) pushes the panel down
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (watched is self.parent() and event.type() == QEvent.Type.Resize) or (
                watched is self._below and event.type() in (QEvent.Type.Resize, QEvent.Type.Move)):
            self._fit()
        return False

    def _fit(self) -> None:
        window = self.parentWidget()
        if window is None:
            return  # not in a window (yet): nothing to cover
        top = self._below.mapTo(window, self._below.rect().bottomLeft()).y() + 1
        self.setGeometry(0, top, window.width(), window.height() - top)

    def present(self) -> None:
        self._fit()
        self.show()
        self.raise_()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        """Tab stays on the overlay's own controls: what it covers cannot be reached, as it cannot be seen."""
        controls = [child for child in self.findChildren(QPushButton) if child.isVisible()]
        if not self.isVisible() or not controls:
            return super().focusNextPrevChild(next)
        focused = [index for index, control in enumerate(controls) if control.hasFocus()]
        step = 1 if next else -1
        controls[(focused[0] + step) % len(controls) if focused else 0].setFocus()
        return True


def big_label(text: str, parent: QWidget, px: int, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
    font = QFont(label.font())
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    return label


def big_button(text: str, parent: QWidget, px: int, height: int) -> QPushButton:
    """A kiosk screen's button: words at px, at least height tall."""
    button = QPushButton(text, parent)
    font = QFont(button.font())
    font.setPixelSize(px)
    button.setFont(font)
    button.setMinimumHeight(height)
    return button


class StillReadingPrompt(Overlay):
    """Counts down; "Keep reading" ends it. Emits timedOut when nobody answers."""

    keepReadingChosen = Signal()
    timedOut = Signal()

    def __init__(self, parent: QWidget, below: QWidget, family: str, seconds: int, tick_ms: int = 1000) -> None:
        super().__init__(parent, LIGHT.panel, below, family)
        self.setAccessibleName(self.tr("Still reading?"))
        self._seconds = seconds
        self._left = seconds
        self.title = big_label(self.tr("Still reading?"), self, 40, bold=True)
        self.countdown = big_label("", self, 32)  # as large as its button: the line that says what will happen
        self.keep = big_button(self.tr("Keep reading"), self, 32, 96)
        self.keep.setMinimumWidth(320)
        self.keep.clicked.connect(self.keepReadingChosen)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown)
        layout.addSpacing(24)
        layout.addWidget(self.keep, 0, QtCore.Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)  # a second; tests pass less
        self._tick.timeout.connect(self._count_down)

    def start(self) -> None:
        self._left = self._seconds
        self._show_left()
        self.present()
        # Said with the button as it takes focus: the question, and how long is left.
        self.keep.setAccessibleDescription(f"{self.title.text()} {self.countdown.text()}")
        self.keep.setFocus()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def _count_down(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.stop()
            self.timedOut.emit()
            return
        self._show_left()
        if self._left == SAY_AGAIN_AT:
            announce(self.countdown, self.countdown.text())

    def _show_left(self) -> None:
        text = self.tr("The screen will start again for the next person in {seconds} seconds.").format(
            seconds=self._left)
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)


class PinDialog(QDialog):
    """A touch keypad for the staff PIN, checked by a guard that makes wrong tries wait.

    While a wait runs the pad takes no input, and says how long in a plain sentence.
    """

    #: A wrong PIN was typed: (wrong tries in a row, seconds before the next is taken).
    wrongTry = Signal(int, int)

    def __init__(self, guard: PinGuard, parent: QWidget | None = None, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self._guard = guard
        self._wrong_shown = False  # a wrong try was made while this pad was open
        self.setWindowTitle(self.tr("Staff exit"))
        edge(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Enter the staff PIN to leave kiosk mode."), self))
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Staff PIN"))
        self.field.setMinimumHeight(TOUCH_PX)
        self.field.setMaxLength(PIN_MAX)
        layout.addWidget(self.field)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        keys = QGridLayout()
        keys.setSpacing(8)
        #: The keypad's buttons by what they type: "0"-"9", "Clear" and "OK".
        self.keys: dict[str, QPushButton] = {}
        words = {"Clear": self.tr("Clear"), "OK": self.tr("OK")}
        for position, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"]):
            button = QPushButton(words.get(key, key), self)
            button.setMinimumSize(72, 64)
            button.clicked.connect(lambda _checked=False, pressed=key: self._press(pressed))
            # Not a dialog default: Enter in the field tries the PIN, and must not also press
            # the focused key (a stray digit) or, while the keys are off, Cancel.
            button.setAutoDefault(False)
            keys.addWidget(button, position // 3, position % 3)
            self.keys[key] = button
        layout.addLayout(keys)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.setMinimumHeight(TOUCH_PX)
        cancel.clicked.connect(self.reject)
        cancel.setAutoDefault(False)
        layout.addWidget(cancel)
        self.field.returnPressed.connect(self.try_pin)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)  # a second; tests pass less
        self._tick.timeout.connect(self._show_wait)
        from reader.ui.widgets.clear_controls import make_controls_clear  # when staff ask, not as the kiosk starts

        make_controls_clear(self)  # the PIN field's edge shows in dark themes too
        self._show_wait()  # opened during a wait or lockout: it says so at once

    def _press(self, key: str) -> None:
        if key.isdigit():
            self.field.insert(key)
        elif key == "Clear":
            self.field.clear()
        else:
            self.try_pin()

    def try_pin(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if self._guard.wait_left():
            self._show_wait()  # not even compared
            return
        verdict = self._guard.try_pin(pin)
        if verdict.accepted:
            self._tick.stop()
            self.accept()
            return
        self._wrong_shown = True
        self.wrongTry.emit(verdict.wrong, verdict.wait)
        self._show_wait()

    def _show_wait(self) -> None:
        """The pad takes input again once the wait is over, and says how long is left until then."""
        left = self._guard.wait_left()
        for widget in (self.field, *self.keys.values()):
            widget.setEnabled(not left)
        if not left:
            self._tick.stop()
            if self._wrong_shown:
                self.message.setText(self.tr("Wrong PIN. Try again."))
            self.field.setFocus()
            return
        if self._guard.locked:
            minutes = -(-left // 60)
            text = (self.tr("Too many wrong tries. Locked for 1 minute.") if minutes == 1 else
                    self.tr("Too many wrong tries. Locked for {minutes} minutes.").format(minutes=minutes))
        else:
            text = (self.tr("Wrong PIN. Try again in 1 second.") if left == 1 else
                    self.tr("Wrong PIN. Try again in {seconds} seconds.").format(seconds=left))
        self.message.setText(text)
        self.message.setAccessibleName(text)
        if not self._tick.isActive():
            self._tick.start()


class CornerHold(QWidget):
    """An invisible corner: pressing and holding it for hold_ms emits held (the staff exit)."""

    held = Signal()

    def __init__(self, parent: QWidget, hold_ms: int) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Staff exit: press and hold"))
        self.resize(TOUCH_PX, TOUCH_PX)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.held)
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.move(parent.width() - self.width(), 0)  # the top right corner
            self.raise_()
        return False

    def mousePressEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self._timer.start()

    def mouseReleaseEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self._timer.stop()
