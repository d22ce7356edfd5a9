"""The "2 of 5" line above the text, with buttons to step through the matches."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.ui.widgets.named_button import named_button


class MatchBar(QWidget):
    """Shows which match is current; asks for the previous or next one."""

    previousRequested = Signal()
    nextRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matchBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.label = QLabel(self)
        self.previous = self._button(self.tr("◀ Previous"), self.tr("Previous match (Shift+F3)"),
                                     self.previousRequested)
        self.next = self._button(self.tr("Next ▶"), self.tr("Next match (F3)"), self.nextRequested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        self.hide()

    def _button(self, text: str, name: str, signal: SignalInstance) -> QToolButton:
        button = named_button(self, text, name)
        button.clicked.connect(signal)
        return button

    def show_position(self, current: int, count: int) -> None:
        """current is 1-based, or 0 before the first step; count 0 hides the bar."""
        if count == 0:
            self.hide()
            return
        if current:
            text = self.tr("Match {current} of {count} on this page").format(current=current, count=count)
        elif count == 1:
            text = self.tr("1 match on this page")
        else:
            text = self.tr("{count} matches on this page").format(count=count)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
