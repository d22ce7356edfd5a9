"""The top bar: Back/Forward, the pack title with its review line, text size, print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from reader.ui.text_size import TextSizeControls

if TYPE_CHECKING:
    from PySide6.QtGui import QAction


def _button(parent: QWidget, text: str, name: str) -> QToolButton:
    """A button with words, its action attached once the window finishes building.

    Outside a toolbar a tool button keeps its default Tab focus, so the keyboard
    reaches it, while a click leaves focus where the reader was.
    """
    button = QToolButton(parent)
    button.setText(text)
    button.setAccessibleName(name)
    button.setToolTip(name)
    return button


class HeaderBar(QWidget):
    def __init__(self, title: str, review: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        # Disabled until attach_actions: the first frame has no history and no commands yet.
        self.back = _button(self, self.tr("Back"), self.tr("Back"))
        self.forward = _button(self, self.tr("Forward"), self.tr("Forward"))
        self.print_button = _button(self, self.tr("Print"), self.tr("Print or save as PDF"))
        for button in (self.back, self.forward, self.print_button):
            button.setEnabled(False)
        self.title = QLabel(title, self)
        self.title.setObjectName("packTitle")
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(120)
        self.review = QLabel(review, self)
        self.review.setObjectName("reviewLine")
        self.review.setWordWrap(True)
        self.text_size = TextSizeControls(self)

        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.review)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.back)
        layout.addWidget(self.forward)
        layout.addSpacing(8)
        layout.addLayout(titles, 1)
        layout.addWidget(self.text_size)
        layout.addSpacing(8)
        layout.addWidget(self.print_button)

    def attach_actions(self, back: QAction, forward: QAction, print_: QAction) -> None:
        """The buttons take their words, state and shortcuts from these actions from now on."""
        for button, action in ((self.back, back), (self.forward, forward), (self.print_button, print_)):
            name = button.accessibleName()
            button.setDefaultAction(action)
            button.setAccessibleName(name)  # setDefaultAction overwrites both with the action's text
            button.setToolTip(name)

    def set_title_pixel_size(self, title_px: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(title_px)
        font.setBold(True)
        self.title.setFont(font)
