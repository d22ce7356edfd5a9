"""Reading options: line and paragraph spacing, and read-aloud speed and voice, applied as they are chosen."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from reader.speech.voice import SPEEDS
from reader.style.stylesheet import LINE_HEIGHTS, PARAGRAPH_SPACINGS
from reader.ui.widgets.clear_controls import make_controls_clear
from reader.ui.widgets.dialog_edge import edge
from reader.ui.widgets.dialogs import make_buttons_plain_and_finger_sized


class ReadingOptionsDialog(QDialog):
    """Emits spacingChosen(line height %, paragraph em) and speechChosen(speed, voice) as choices change.

    voices: the speech engine's voices by name; none (no engine yet, or none at all) leaves out the choice.
    """

    spacingChosen = Signal(int, float)
    speechChosen = Signal(str, str)

    def __init__(self, line_height: int, paragraph_em: float, parent: QWidget | None = None, *,
                 speed: str = "normal", voice: str = "", voices: Sequence[str] = ()) -> None:
        super().__init__(parent)
        edge(self)
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
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("Wider") * 3)  # speed and voice: below
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Space between &lines"), self.lines)
        form.addRow(self.tr("Space between &paragraphs"), self.paragraphs)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Read-aloud speed"))
        for label, speed_name in zip((self.tr("Slower"), self.tr("Normal"), self.tr("Faster")), SPEEDS, strict=True):
            self.speed.addItem(label, speed_name)
        self.speed.setCurrentIndex(max(0, self.speed.findData(speed)))
        form.addRow(self.tr("Read-aloud &speed"), self.speed)
        self.voice = QComboBox(self)
        self.voice.setAccessibleName(self.tr("Read-aloud voice"))
        self.voice.addItem(self.tr("The computer's own"), "")
        for name in voices:
            self.voice.addItem(name, name)
        self.voice.setCurrentIndex(max(0, self.voice.findData(voice)))
        if voices:
            form.addRow(self.tr("Read-aloud &voice"), self.voice)
        else:
            self.voice.hide()
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
        self.speed.currentIndexChanged.connect(self._emit_speech)
        self.voice.currentIndexChanged.connect(self._emit_speech)

    def _emit_speech(self) -> None:
        self.speechChosen.emit(str(self.speed.currentData()), str(self.voice.currentData()))

    def _emit_choice(self) -> None:
        self.spacingChosen.emit(int(self.lines.currentData()), float(self.paragraphs.currentData()))
