"""Reading options: line spacing and paragraph spacing, applied as they are chosen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from reader.style.stylesheet import LINE_HEIGHTS, PARAGRAPH_SPACINGS


class ReadingOptionsDialog(QDialog):
    """Emits spacingChosen(line height %, paragraph em) whenever a choice changes."""

    spacingChosen = Signal(int, float)

    def __init__(self, line_height: int, paragraph_em: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reading options"))
        names = (self.tr("Normal"), self.tr("Wide"), self.tr("Wider"))
        self.lines = QComboBox(self)
        self.lines.setAccessibleName(self.tr("Space between lines"))
        self.paragraphs = QComboBox(self)
        self.paragraphs.setAccessibleName(self.tr("Space between paragraphs"))
        for name, value in zip(names, LINE_HEIGHTS, strict=True):
            self.lines.addItem(name, value)
        for name, em in zip(names, PARAGRAPH_SPACINGS, strict=True):
            self.paragraphs.addItem(name, em)
        self.lines.setCurrentIndex(max(0, self.lines.findData(line_height)))
        self.paragraphs.setCurrentIndex(max(0, self.paragraphs.findData(paragraph_em)))
        form = QFormLayout()
        form.addRow(self.tr("Space between &lines"), self.lines)
        form.addRow(self.tr("Space between &paragraphs"), self.paragraphs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(close)
        self.lines.currentIndexChanged.connect(self._emit_choice)
        self.paragraphs.currentIndexChanged.connect(self._emit_choice)

    def _emit_choice(self) -> None:
        self.spacingChosen.emit(int(self.lines.currentData()), float(self.paragraphs.currentData()))
