"""Reading options: line spacing and paragraph spacing, applied as they are chosen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from reader.style.stylesheet import LINE_HEIGHTS, PARAGRAPH_SPACINGS
from reader.ui.widgets.clear_controls import make_controls_clear
from reader.ui.widgets.dialogs import make_buttons_plain_and_finger_sized


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
        for box in (self.lines, self.paragraphs):
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("Wider") * 3)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Space between &lines"), self.lines)
        form.addRow(self.tr("Space between &paragraphs"), self.paragraphs)
        note = QLabel(self.tr("The text changes as you choose, and your choice is remembered."), self)
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        make_buttons_plain_and_finger_sized(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(16)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(close)
        # Room for its title, which the window manager cut to "Reading opt…".
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.windowTitle()) * 3)
        make_controls_clear(self)  # the focused box gets the window's focus ring
        self.lines.currentIndexChanged.connect(self._emit_choice)
        self.paragraphs.currentIndexChanged.connect(self._emit_choice)

    def _emit_choice(self) -> None:
        self.spacingChosen.emit(int(self.lines.currentData()), float(self.paragraphs.currentData()))
