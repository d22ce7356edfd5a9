"""A compact on-screen keyboard for searching at a kiosk with no physical keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QRect, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from reader.style.palettes import LIGHT

#: Digits too: "HTLV-1" could not be typed.
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm")
#: Keys are at least this big, with KEY_GAP between them (touch targets).
KEY_PX = 56
KEY_GAP = 8


class TouchKeyboard(QWidget):
    """Digit and letter keys, space, backspace, clear and Search; it only reports what was pressed."""

    textTyped = Signal(str)
    backspacePressed = Signal()
    clearPressed = Signal()
    #: Search was pressed: the typing is done, the results are wanted (and the keyboard goes).
    searchPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchKeyboard")
        self.setAccessibleName(self.tr("On-screen keyboard"))
        colours = self.palette()
        colours.setColor(QPalette.ColorRole.Window, QColor(LIGHT.panel))
        self.setPalette(colours)
        self.setAutoFillBackground(True)
        # Keys never take focus, so the search field keeps its cursor.
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(KEY_GAP, KEY_GAP, KEY_GAP, KEY_GAP)
        outer.setSpacing(KEY_GAP)
        grid = QGridLayout()
        grid.setSpacing(KEY_GAP)
        self.keys: dict[str, QPushButton] = {}
        for row, letters in enumerate(_ROWS):
            for column, letter in enumerate(letters):
                button = self._key(letter, letter)
                button.clicked.connect(self._type_key)
                grid.addWidget(button, row, column)
        outer.addLayout(grid)
        bottom = QHBoxLayout()
        bottom.setSpacing(KEY_GAP)
        space = self._key(self.tr("space"), " ")
        space.clicked.connect(self._type_key)
        back = self._key("⌫", "")
        back.setAccessibleName(self.tr("Delete the last letter"))
        back.setAutoRepeat(True)  # held down, it keeps deleting
        back.clicked.connect(self.backspacePressed)
        clear = self._key(self.tr("Clear"), "")
        clear.setAccessibleName(self.tr("Clear the search"))
        clear.clicked.connect(self.clearPressed)
        done = self._key(self.tr("Search"), "")
        done.setAccessibleDescription(self.tr("Show the results and put the keyboard away"))
        done.clicked.connect(self.searchPressed)
        bottom.addWidget(space, 3)
        for button in (back, clear, done):
            bottom.addWidget(button, 1)
        outer.addLayout(bottom)
        self.hide()

    def _key(self, label: str, typed: str) -> QPushButton:
        button = QPushButton(label, self)
        button.setMinimumSize(KEY_PX, KEY_PX)
        button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        button.setProperty("typed", typed)
        if typed and typed != " ":
            button.setAccessibleName(label)
        elif typed == " ":
            button.setAccessibleName(self.tr("Space"))
        self.keys[typed or label] = button
        return button

    def _type_key(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.textTyped.emit(str(button.property("typed")))


class KeyboardDock(QObject):
    """Keeps a TouchKeyboard along the bottom of its window, beside what is being typed for.

    keep_clear gives the part of the window (the search field and its results)
    the keys must not cover: where the window is wide enough the keyboard sits to
    its right, over the text, which nobody reads while typing; else full width.
    """

    def __init__(self, keyboard: TouchKeyboard, window: QWidget, keep_clear: Callable[[], QRect]) -> None:
        super().__init__(keyboard)
        self._keyboard = keyboard
        self._keep_clear = keep_clear
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and self._keyboard.isVisible():
            self.place()
        return False

    def place(self) -> None:
        window = self._keyboard.parentWidget()
        if window is None:
            return  # not in a window (yet): nothing to fit
        height = self._keyboard.sizeHint().height()
        left = self._keep_clear().right() + KEY_GAP
        if window.width() - left < self._keyboard.minimumSizeHint().width():
            left = 0  # no room beside it: the whole width
        self._keyboard.setGeometry(left, window.height() - height, window.width() - left, height)
        self._keyboard.raise_()
