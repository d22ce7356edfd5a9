"""Draws a search result as a bold title over a snippet with the matches emphasised."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.ui.resources_gate import GatedDocument

#: Item data role holding a result's rich text (title and snippet).
HTML_ROLE = Qt.ItemDataRole.UserRole + 10
_PADDING = 8
#: Laid-out results kept for reuse: a row is measured, then painted, and painted
#: again, and the next keystroke often shows the same rows.
_KEEP = 64

Index = QModelIndex | QPersistentModelIndex


class HtmlItemDelegate(QStyledItemDelegate):
    """Renders the HTML in HTML_ROLE, wrapped to the view's width.

    Rows take their size from the item (see ResultList), which measure() gives.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out: OrderedDict[tuple[str, int, str], tuple[QTextDocument, QSize]] = OrderedDict()

    def measure(self, html: str, font: QFont, width: int) -> QSize:
        """The size of a row showing html at this font in a list this wide."""
        return self._document(html, font, width)[1]

    def _document(self, html: str, font: QFont, width: float) -> tuple[QTextDocument, QSize]:
        """The result's text laid out at this width and font, and its row's size: made once, then reused."""
        key = (html, int(width), font.key())
        kept = self._laid_out.get(key)
        if kept is not None:
            self._laid_out.move_to_end(key)
            return kept
        doc = GatedDocument()  # a row shows no pictures, and Qt never loads one by itself
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(max(40.0, width - 2 * _PADDING))
        kept = doc, QSize(int(width), int(doc.size().height()) + 2 * _PADDING)  # rows span the list
        self._laid_out[key] = kept
        if len(self._laid_out) > _KEEP:
            self._laid_out.popitem(last=False)
        return kept

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        doc, _size = self._document(index.data(HTML_ROLE) or "", option.font, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + _PADDING, option.rect.top() + _PADDING)
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
