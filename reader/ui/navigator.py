"""The contents tree: sections and their subsections."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.content.model import Pack

_SECTION_ROLE = Qt.ItemDataRole.UserRole
_ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1


class _WrappingDelegate(QStyledItemDelegate):
    """Gives each row the height its wrapped title needs at the current width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        #: The viewport width, set by the tree on resize; 0 until it has one.
        self.width = 0
        self.indentation = tree.indentation()
        self._flags = int(Qt.TextFlag.TextWordWrap)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        if self.width <= 0:
            return hint  # not laid out yet: the first resize lays every row out again
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(40, self.width - self.indentation * (depth + 1) - 12)
        rect = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), self._flags, str(index.data() or ""))
        return QSize(hint.width(), max(hint.height(), rect.height() + 10))


class NavigatorTree(QTreeWidget):
    """Emits locationChosen when the reader picks an entry by mouse, arrows or Enter."""

    #: (section id, anchor or "") chosen by the reader.
    locationChosen = Signal(str, str)
    #: Enter pressed on an entry: go there and start reading.
    locationActivated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Contents"))
        self.setHeaderLabel(self.tr("Contents"))  # hidden, but screen readers still read it
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Wrap long titles at any width instead of eliding them.
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._delegate = _WrappingDelegate(self)
        self.setItemDelegate(self._delegate)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._updating = False
        self.currentItemChanged.connect(self._emit_chosen)
        self.itemActivated.connect(self._emit_activated)

    def set_pack(self, pack: Pack) -> None:
        self.clear()
        self._items.clear()
        for section in pack.sections:
            item = QTreeWidgetItem(self, [section.title])
            item.setData(0, _SECTION_ROLE, section.id)
            item.setData(0, _ANCHOR_ROLE, "")
            item.setToolTip(0, section.title)
            self._items[(section.id, "")] = item
            for sub in section.subsections:
                child = QTreeWidgetItem(item, [sub.title])
                child.setData(0, _SECTION_ROLE, section.id)
                child.setData(0, _ANCHOR_ROLE, sub.id)
                self._items[(section.id, sub.id)] = child
        self.expandAll()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        width = self.viewport().width()
        if width != self._delegate.width:
            self._delegate.width = width
            self.doItemsLayout()  # wrapped rows change height with the width

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._delegate.width:
            self.doItemsLayout()

    def show_location(self, section_id: str, anchor: str | None) -> None:
        """Select the entry for what is on screen, without emitting locationChosen."""
        item = self._items.get((section_id, anchor or "")) or self._items.get((section_id, ""))
        if item is None or item is self.currentItem():
            return
        self._updating = True
        try:
            self.setCurrentItem(item)
            self.scrollToItem(item)
        finally:
            self._updating = False

    def _emit_chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and not self._updating:
            self.locationChosen.emit(current.data(0, _SECTION_ROLE), current.data(0, _ANCHOR_ROLE))

    def _emit_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.locationActivated.emit(item.data(0, _SECTION_ROLE), item.data(0, _ANCHOR_ROLE))
