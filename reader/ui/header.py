"""The top bar: Back/Forward, the pack title with its review line, text size, print."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from reader.ui.text_size import TextSizeControls


def action_button(parent: QWidget, action: QAction, name: str) -> QToolButton:
    """A focusable button showing its action's words (toolbar buttons are not reachable by Tab)."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setAccessibleName(name)
    button.setToolTip(name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class HeaderBar(QWidget):
    def __init__(self, title: str, review: str, back: QAction, forward: QAction, print_: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        self.back = action_button(self, back, self.tr("Back"))
        self.forward = action_button(self, forward, self.tr("Forward"))
        self.title = QLabel(title, self)
        self.title.setObjectName("packTitle")
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(120)
        self.review = QLabel(review, self)
        self.review.setObjectName("reviewLine")
        self.review.setWordWrap(True)
        self.text_size = TextSizeControls(self)
        self.print_button = action_button(self, print_, self.tr("Print or save as PDF"))

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

    def set_title_pixel_size(self, title_px: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(title_px)
        font.setBold(True)
        self.title.setFont(font)
