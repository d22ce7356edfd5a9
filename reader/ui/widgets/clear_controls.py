"""Check boxes, radio buttons and text fields whose edges show in every theme and grow with the text.

Qt's Fusion style draws these edges a shade darker than the window: on a dark
or black window that is nearly black (1.1:1), so an empty check box cannot be
seen, and its 13 px box stays 13 px at 300 %. This style draws them as Fusion
does, then outlines them in the palette's Mid colour, which every theme sets to
its border colour (3:1 or more against the window, WCAG 1.4.11), and makes the
boxes as tall as most of a line of text.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QLineEdit, QProxyStyle, QRadioButton, QStyle, QStyleOption, QWidget

_BOXES = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
_FIELD = QStyle.PrimitiveElement.PE_FrameLineEdit
_SIZES = (QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
          QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight)


class ClearControls(QProxyStyle):
    """Set on each control that needs it (a style does not pass to a widget's children)."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802 (Qt API)
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        if metric in _SIZES and widget is not None:
            return max(size, round(widget.fontMetrics().height() * 0.75))
        return size

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 (Qt API)
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _BOXES and element != _FIELD:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1.5))
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        edge = QRectF(option.rect).adjusted(0.75, 0.75, -0.75, -0.75)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(edge)
        else:
            painter.drawRect(edge)
        painter.restore()


def make_controls_clear(dialog: QWidget) -> None:
    """Give every check box, radio button and text field inside dialog the clear style, and a focus ring.

    Fusion shows a focused check box or radio button by a pale box around its
    words (about 1.2:1); the ring is 3 px in the theme's focus colour (the
    palette's Accent), as the window's own.
    """
    from reader.ui.widgets.focus_ring import FocusRing

    style = ClearControls()  # on the application's style (Fusion)
    style.setParent(dialog)  # lives as long as the controls that use it
    for kind in (QCheckBox, QRadioButton, QLineEdit):
        for control in dialog.findChildren(kind):
            control.setStyle(style)
    dialog.ensurePolished()  # the dialog's colours, from the application's dialog palette, are settled here
    FocusRing(dialog, dialog.palette().color(QPalette.ColorRole.Accent).name())
