"""A dismissable notice line above the reading pane (link addresses, skipped sections)."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from reader.style.palettes import LIGHT, Palette
from reader.ui.widgets.named_button import named_button


class NoticeBar(QFrame):
    """Shows one message until closed or replaced."""

    def __init__(self, parent: QWidget | None = None, palette: Palette = LIGHT) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAccessibleName(self.tr("Notice"))
        self.set_theme(palette)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        #: A QR code of the address, when the message is about a link.
        self.code = QLabel(self)
        self.code.hide()
        self.close_button = named_button(self, "✕", self.tr("Close notice"))
        self.close_button.setMinimumSize(32, 32)  # above WCAG's 24 px
        self.close_button.clicked.connect(self.hide)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.code)
        self._layout.addWidget(self.close_button)
        self.hide()

    def set_theme(self, palette: Palette) -> None:
        self.setStyleSheet(
            f"#noticeBar {{ background: {palette.panel}; border: 1px solid {palette.border}; }}"
            f"#noticeBar QLabel {{ color: {palette.text}; }}"
        )

    def set_text_font(self, font: QFont) -> None:
        # Set on the label itself: the bar's style sheet stops the window's font reaching it.
        self.label.setFont(font)

    def show_message(self, text: str, qr_png: bytes | None = None, qr_name: str = "") -> None:
        """Show text; with qr_png, a QR code beside it (qr_name says what it holds)."""
        # Set here, not when built: the bar is hidden in the first frame, which is
        # drawn before PySide creates the Qt namespace's enums.
        qt = QtCore.Qt
        self.label.setTextFormat(qt.TextFormat.PlainText)
        self._layout.setAlignment(self.close_button, qt.AlignmentFlag.AlignTop)
        self.label.setText(text)
        pixmap = QPixmap()
        if qr_png and pixmap.loadFromData(qr_png):
            self.code.setPixmap(pixmap)
            self.code.setAccessibleName(qr_name)
            self.code.show()
        else:
            self.code.hide()
        self.setAccessibleDescription(text)
        self.show()
