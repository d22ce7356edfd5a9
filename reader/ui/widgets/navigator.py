"""The contents tree: sections and their subsections."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.content.escaping import label_text
from reader.content.model import Pack
from reader.ui.qt_constants import TEXT_WORD_WRAP


def _own_font(font: QFont) -> QFont:
    """The font with every attribute its own, so a parent's font change leaves it be."""
    own = QFont(font)
    own.setResolveMask(0xFFFFFFFF)
    return own


class _WrappingDelegate(QStyledItemDelegate):
    """Gives each row the height its wrapped title needs at the current width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        #: The viewport width, set by the tree on resize; 0 until it has one.
        self.width = 0
        #: The least height of a row: a finger's width on a touch screen (set_min_row_height).
        self.min_height = 0
        self.follow(tree)

    def follow(self, tree: QTreeWidget) -> None:
        """Take the tree's font metrics (rows have no fonts of their own) and indentation."""
        self.metrics = QFontMetrics(tree.font())
        self.indentation = tree.indentation()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        if self.width <= 0:
            return super().sizeHint(option, index)  # not laid out yet: the first resize lays every row out again
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(40, self.width - self.indentation * (depth + 1) - 12)
        rect = self.metrics.boundingRect(QRect(0, 0, width, 100_000), TEXT_WORD_WRAP, str(index.data() or ""))
        return QSize(self.width, max(rect.height() + 10, self.min_height))


class NavigatorTree(QTreeWidget):
    """Emits locationChosen when the reader picks an entry by mouse, arrows or Enter."""

    #: Sections whose rows are measured per turn of the event loop (see _measure_ahead).
    MEASURE_STEP = 100
    #: Longer contents open a section's subsections only while it is read, as a long
    #: book's contents do: 2,000 sections all open are 4,000 rows to scroll past (and
    #: to lay out again at each text-size step).
    OPEN_ALL_UP_TO = 50

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
        # Wrap long titles at any width instead of eliding them.
        self.header().setStretchLastSection(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The hidden header keeps one font: were it to follow the text size, its font
        # change would measure the rows at the end of the contents once more on each
        # text-size step.
        self.header().setFont(_own_font(self.header().font()))
        self._delegate = _WrappingDelegate(self)
        self.setItemDelegate(self._delegate)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self._locations: dict[QTreeWidgetItem, tuple[str, str]] = {}
        self._updating = False
        self._open_all = True
        #: The section opened because it is being read (long contents only).
        self._opened_for_reading: QTreeWidgetItem | None = None
        self._measuring = QTimer(self)
        self._measuring.setInterval(0)
        self._measured_to = 0
        self.currentItemChanged.connect(self._emit_chosen)
        self.itemActivated.connect(self._emit_activated)
        # Said again, with its new state, when a section opens or closes: Qt sends nothing for it.
        self.itemExpanded.connect(self._name_current_row_soon)
        self.itemCollapsed.connect(self._name_current_row_soon)
        # And on each move: after a section closes, Qt's own event named a row hidden under it.
        self.currentItemChanged.connect(lambda *_: self._name_current_row_soon())
        self._measuring.timeout.connect(self._measure_next_rows)

    def set_min_row_height(self, px: int) -> None:
        """Rows at least px tall (a kiosk: targets big enough for a finger)."""
        self._delegate.min_height = px
        self._relayout_rows()

    def finish_setup(self) -> None:
        """Settings from the Qt namespace, applied once the first frame is up."""
        qt = QtCore.Qt
        self.setTextElideMode(qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_pack(self, pack: Pack) -> None:
        self.clear()
        self._items.clear()
        self._locations.clear()
        # Items are made first and added in one go: added one at a time, each is a
        # model change of its own (a third slower for a pack of thousands).
        top: list[QTreeWidgetItem] = []
        for section in pack.sections:
            item = QTreeWidgetItem([section.title])
            # Qt reads a tooltip that looks like markup as markup (and loads its images): keep it text.
            item.setToolTip(0, label_text(section.title))
            self._add(item, section.id, "")
            children = [QTreeWidgetItem([sub.title]) for sub in section.subsections]
            for child, sub in zip(children, section.subsections, strict=True):
                self._add(child, section.id, sub.id)
            item.addChildren(children)
            top.append(item)
        self.addTopLevelItems(top)
        self._open_all = len(top) <= self.OPEN_ALL_UP_TO
        self._opened_for_reading = None
        if self._open_all:  # only sections with subsections: a screen reader heard every leaf as "expanded"
            for item in top:
                if item.childCount():
                    item.setExpanded(True)
        self._measure_ahead()

    def _add(self, item: QTreeWidgetItem, section_id: str, anchor: str) -> None:
        self._items[(section_id, anchor)] = item
        self._locations[item] = (section_id, anchor)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        # The viewport's width, without calling viewport(): its first call makes
        # PySide resolve every widget class, which the first frame does without.
        scroll_bar = self.verticalScrollBar()
        width = self.contentsRect().width() - (scroll_bar.width() if scroll_bar.isVisibleTo(self) else 0)
        if width != self._delegate.width:
            self._delegate.width = width
            self._relayout_rows()  # wrapped rows change height with the width

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # Subsections step in by about a line's height, so the steps still show at 300 %.
            self.setIndentation(max(20, self.fontMetrics().height()))
            self._delegate.follow(self)
            if self._delegate.width:
                self._relayout_rows()

    def drawBranches(self, painter: QPainter, rect: QRect, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        """An open or closed marker the size of the text, not the style's few pixels."""
        selected = self.selectionModel().isSelected(index)
        colours = self.palette()
        roles = QPalette.ColorRole
        if selected:
            painter.fillRect(rect, colours.color(roles.Highlight))
        if not self.model().hasChildren(index):
            return
        side = max(8.0, self._delegate.metrics.height() * 0.45)
        column = QRectF(rect.right() + 1 - self.indentation(), rect.top(), self.indentation(), rect.height())
        centre = column.center()
        half = side / 2
        if self.isExpanded(index):  # pointing down
            points = [QPointF(centre.x() - half, centre.y() - half / 2),
                      QPointF(centre.x() + half, centre.y() - half / 2),
                      QPointF(centre.x(), centre.y() + half * 0.75)]
        else:  # pointing right
            points = [QPointF(centre.x() - half / 2, centre.y() - half),
                      QPointF(centre.x() - half / 2, centre.y() + half),
                      QPointF(centre.x() + half * 0.75, centre.y())]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        painter.setBrush(colours.color(roles.HighlightedText if selected else roles.Text))
        painter.drawPolygon(QPolygonF(points))
        painter.restore()

    def _relayout_rows(self) -> None:
        self.doItemsLayout()
        self._measure_ahead()

    def _measure_ahead(self) -> None:
        """Have every row measured, a hundred sections per turn of the event loop.

        A wrapped title's height is one Python call, and the tree measures rows only
        when it must: the first jump far down a 2,000-section contents measured all
        the rows above at once. Measured ahead, each turn stays short and so does a
        jump (figures in bench/README.md). Short contents need none of this.
        """
        self._measured_to = 0
        if self._delegate.width > 0 and self.topLevelItemCount() > self.MEASURE_STEP:
            self._measuring.start()

    def _measure_next_rows(self) -> None:
        last = self.topLevelItemCount() - 1
        self._measured_to = min(self._measured_to + self.MEASURE_STEP, last)
        item = self.topLevelItem(self._measured_to)
        if item is not None:
            self.visualItemRect(item)  # measures each row above it
        if self._measured_to >= last:
            self._measuring.stop()

    @property
    def measured(self) -> bool:
        """Whether every row's height is known, so a jump anywhere is quick."""
        return not self._measuring.isActive()

    def show_location(self, section_id: str, anchor: str | None) -> None:
        """Select the entry for what is on screen, without emitting locationChosen."""
        item = self._items.get((section_id, anchor or "")) or self._items.get((section_id, ""))
        if item is None:
            return
        if not self._open_all:  # also when the reader's own click made it current
            self._open_for_reading(self._items[(section_id, "")])
        if item is self.currentItem():
            return
        self._updating = True
        try:
            self.setCurrentItem(item)
            self.scrollToItem(item)
        finally:
            self._updating = False

    def _open_for_reading(self, section: QTreeWidgetItem) -> None:
        """Open the section being read; close the one opened for the last, unless the reader opened it."""
        if section is self._opened_for_reading:
            return
        previous = self._opened_for_reading
        if previous is not None and previous.isExpanded():
            previous.setExpanded(False)
        self._opened_for_reading = None if section.isExpanded() else section  # one the reader opened stays
        section.setExpanded(True)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusInEvent(event)
        self._name_current_row_soon()

    def _name_current_row_soon(self, _item: QTreeWidgetItem | None = None) -> None:
        # Checked here too: the row changes with every page shown, and nobody else needs the timer.
        if self.hasFocus() and QAccessible.isActive():
            QTimer.singleShot(0, self, self._name_current_row)

    def _name_current_row(self) -> None:
        """Send screen readers the focused row again, by its index among the tree's accessible children.

        As the tree took focus, Qt's own focus event named a row two or three above
        the current one, and Orca read "Aggressive ATL, not selected" while the reader
        was on "Clinical trials"; the index Qt's tree itself answers to is right.
        """
        item = self.currentItem()
        if item is None or not self.hasFocus() or not QAccessible.isActive():
            return
        tree = QAccessible.queryAccessibleInterface(self)
        if tree is None:
            return
        where = self.viewport().mapToGlobal(self.visualItemRect(item).center())
        for index in range(tree.childCount()):
            cell = tree.child(index)
            if cell is not None and cell.rect().contains(where):
                event = QAccessibleEvent(self, QAccessible.Event.Focus)
                event.setChild(index)
                QAccessible.updateAccessibility(event)
                return

    def _emit_chosen(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is not None and not self._updating:
            self.locationChosen.emit(*self._locations[current])

    def _emit_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.locationActivated.emit(*self._locations[item])
