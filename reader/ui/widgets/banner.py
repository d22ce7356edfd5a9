"""The medical disclaimer banner: always in the layout, wraps, cannot be closed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from reader.content.escaping import label_text
from reader.style.palettes import LIGHT, Palette

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap


def info_icon(side: int, ratio: float, font: QFont, color: str) -> QPixmap:
    """A filled circle with a white "i": drawn, so it is crisp at every text size."""
    from PySide6.QtGui import QPainter, QPixmap  # after the first frame: their enums cost start-up

    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(0.5, 0.5, side - 1, side - 1))
    glyph = QFont(font)
    glyph.setBold(True)
    glyph.setPixelSize(max(6, round(side * 0.72)))
    painter.setFont(glyph)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 0, side, side), QtCore.Qt.AlignmentFlag.AlignCenter, "i")
    painter.end()
    return pixmap


class DisclaimerBanner(QFrame):
    """Shows the pack's disclaimer with an information icon.

    The banner is in the first frame, which is drawn before PySide creates the Qt
    namespace's enums. So it uses none until finish_setup(), which draws
    the icon into the space already kept for it.
    """

    def __init__(self, text: str, parent: QWidget | None = None, palette: Palette = LIGHT) -> None:
        super().__init__(parent)
        self._palette = palette
        self._text = text
        self._icon_font: QFont | None = None
        self._can_draw_icon = False
        self.setObjectName("disclaimerBanner")
        self.setAccessibleName(self.tr("Medical disclaimer"))
        self.setAccessibleDescription(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._apply_colours()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        self.icon = QLabel(self)
        self.icon.setAccessibleName(self.tr("Information"))
        # The disclaimer is plain text, shown as written without setTextFormat(),
        # whose enum would make PySide create the Qt namespace before the first frame.
        self.label = QLabel(label_text(text), self)
        self.label.setObjectName("disclaimerText")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(text)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        icon_column = QVBoxLayout()  # keeps the icon level with the first line
        icon_column.addWidget(self.icon)
        icon_column.addStretch(1)
        layout.addLayout(icon_column)
        layout.addWidget(self.label, 1)

    @property
    def text(self) -> str:
        """The disclaimer as written in the pack."""
        return self._text

    def set_text_font(self, font: QFont) -> None:
        self.label.setFont(font)
        side = round(font.pixelSize() * 1.4)
        self.icon.setFixedSize(side, side)
        self._icon_font = font
        self._draw_icon()
        self.updateGeometry()

    def set_theme(self, palette: Palette) -> None:
        self._palette = palette
        self._apply_colours()
        self._draw_icon()

    def _apply_colours(self) -> None:
        palette = self._palette
        self.setStyleSheet(
            f"#disclaimerBanner {{ background: {palette.banner_background};"
            f" border-bottom: 2px solid {palette.banner_border}; }}"
            f"#disclaimerBanner QLabel {{ color: {palette.banner_text}; background: transparent; }}"
        )

    def finish_setup(self) -> None:
        self._can_draw_icon = True
        self._draw_icon()

    def _draw_icon(self) -> None:
        if self._can_draw_icon and self._icon_font is not None:
            side = self.icon.width()
            self.icon.setPixmap(info_icon(side, self.devicePixelRatioF(), self._icon_font, self._palette.banner_border))
