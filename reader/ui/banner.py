"""The medical disclaimer banner: always in the layout, wraps, cannot be closed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from reader.ui.theme import LIGHT, Palette


def info_icon(side: int, ratio: float, font: QFont, color: str) -> QPixmap:
    """A filled circle with a white "i": drawn, so it is crisp at every text size."""
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(0.5, 0.5, side - 1, side - 1))
    glyph = QFont(font)
    glyph.setBold(True)
    glyph.setPixelSize(max(6, round(side * 0.72)))
    painter.setFont(glyph)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, side, side), int(Qt.AlignmentFlag.AlignCenter), "i")
    painter.end()
    return pixmap


class DisclaimerBanner(QFrame):
    """Shows the pack's disclaimer with an information icon."""

    def __init__(self, text: str, parent: QWidget | None = None, palette: Palette = LIGHT) -> None:
        super().__init__(parent)
        self._palette = palette
        self.setObjectName("disclaimerBanner")
        self.setAccessibleName(self.tr("Medical disclaimer"))
        self.setAccessibleDescription(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(
            f"#disclaimerBanner {{ background: {palette.banner_background};"
            f" border-bottom: 2px solid {palette.banner_border}; }}"
            f"#disclaimerBanner QLabel {{ color: {palette.banner_text}; background: transparent; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        self.icon = QLabel(self)
        self.icon.setAccessibleName(self.tr("Information"))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(text, self)
        self.label.setObjectName("disclaimerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(text)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    @property
    def text(self) -> str:
        return self.label.text()

    def set_text_font(self, font: QFont) -> None:
        px = font.pixelSize()
        self.label.setFont(font)
        side = round(px * 1.4)
        self.icon.setPixmap(info_icon(side, self.devicePixelRatioF(), font, self._palette.banner_border))
        self.icon.setFixedSize(side, side)
        self.updateGeometry()
