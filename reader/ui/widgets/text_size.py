"""A−, percentage and A+ buttons for the text size."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from reader.ui.widgets.named_button import named_button


class TextSizeControls(QWidget):
    """Three buttons; they ask for a change and show the percentage they are given."""

    smallerRequested = Signal()
    resetRequested = Signal()
    largerRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.smaller = self._button("A−", self.tr("Make text smaller"), self.smallerRequested)
        self.reset = self._button("100%", self.tr("Text size 100%. Reset to normal size"), self.resetRequested)
        self.larger = self._button("A+", self.tr("Make text larger"), self.largerRequested)
        for button in (self.smaller, self.reset, self.larger):
            layout.addWidget(button)

    def _button(self, text: str, name: str, signal: SignalInstance) -> QToolButton:
        button = named_button(self, text, name)
        button.clicked.connect(signal)
        return button

    def show_percent(self, percent: int, minimum: int, maximum: int) -> None:
        self.reset.setText(f"{percent}%")
        name = self.tr("Text size {percent}%. Reset to normal size").format(percent=percent)
        self.reset.setAccessibleName(name)
        self.reset.setToolTip(name)
        self.smaller.setEnabled(percent > minimum)
        self.larger.setEnabled(percent < maximum)
