"""The list of search results: rich rows, measured once, their items reused as the reader types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from reader.style.palettes import LIGHT, Palette

if TYPE_CHECKING:
    from reader.ui.widgets.result_delegate import HtmlItemDelegate


@dataclass(frozen=True)
class ResultRow:
    """One row: rich text drawn, plain text spoken, and where it leads."""

    rich: str
    plain: str
    #: (section id, anchor or "") to open; None for a definition, read in place.
    target: tuple[str, str] | None
    #: A word to search for instead ("Did you mean"), for a row that opens no page.
    search_for: str | None = None

    @property
    def is_aid(self) -> bool:
        """A definition: read in place, set apart, never chosen."""
        return self.target is None and self.search_for is None


class ResultList(QListWidget):
    """Shows the rows it is given; reports nothing itself (the panel connects its signals).

    Each row's height is worked out once, with its laid-out text, and given to
    the item, so the view never calls back into Python to ask it (it asks
    several times a row per keystroke). Items are reused from one keystroke to
    the next rather than cleared and made again.
    """

    def __init__(self, parent: QWidget | None = None, palette: Palette = LIGHT) -> None:
        super().__init__(parent)
        self._delegate: HtmlItemDelegate | None = None
        self._rows: list[ResultRow] = []
        self.set_aid_colours(palette)

    def set_aid_colours(self, palette: Palette) -> None:
        """Background and text of definition rows (a reading aid, set apart), from the next rows on."""
        self._aid_colours = QColor(palette.panel), QColor(palette.text)

    def prepare(self) -> None:
        """Set up drawing rich rows, ahead of the first search (it pulls in QStyle).

        Not in the first frame, which never needs it; the window calls this once it
        has finished starting, so the reader's first keystroke does not pay for it.
        """
        if self._delegate is None:
            from reader.ui.widgets.result_delegate import HtmlItemDelegate

            self._delegate = HtmlItemDelegate(self)
            self.setItemDelegate(self._delegate)

    def show_rows(self, rows: list[ResultRow]) -> None:
        """Show these rows in place of the last ones, each sized to its text."""
        from reader.ui.widgets.result_delegate import HTML_ROLE

        self.prepare()
        # The new rows first: the list may be re-measured while its items change
        # (a width change as the scroll bar comes or goes), and must see these.
        self._rows = list(rows)
        while self.count() > len(rows):
            self.takeItem(self.count() - 1)
        roles, flags = QtCore.Qt.ItemDataRole, QtCore.Qt.ItemFlag
        for number, row in enumerate(rows):
            item = self.item(number)
            if item is None:
                item = QListWidgetItem()
                self.addItem(item)
            item.setText(row.plain)
            item.setData(HTML_ROLE, row.rich)
            item.setData(roles.AccessibleTextRole, row.plain)
            item.setSizeHint(self._measure(row.rich))
            if row.is_aid:
                item.setBackground(self._aid_colours[0])
                item.setForeground(self._aid_colours[1])
                item.setFlags(flags.ItemIsEnabled)  # read, not opened
            elif not item.flags() & flags.ItemIsSelectable:  # the item was a definition row
                item.setData(roles.BackgroundRole, None)
                item.setData(roles.ForegroundRole, None)
                item.setFlags(flags.ItemIsEnabled | flags.ItemIsSelectable)

    def clear_rows(self) -> None:
        """No rows at all (the search was cleared)."""
        self._rows = []
        self.clear()

    def row_of(self, item: QListWidgetItem) -> ResultRow:
        return self._rows[self.row(item)]

    def first_link(self) -> int | None:
        """The row of the first result that opens a page, if any."""
        return next((number for number, row in enumerate(self._rows) if row.target is not None), None)

    def _measure(self, rich: str) -> QtCore.QSize:
        assert self._delegate is not None
        return self._delegate.measure(rich, self.font(), self.viewport().width())

    def _measure_all(self) -> None:
        """Every row there is now: mid-change there may be more rows than items, or fewer."""
        for number, row in zip(range(self.count()), self._rows, strict=False):
            self.item(number).setSizeHint(self._measure(row.rich))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize and self._rows:
            self._measure_all()  # wrapped rows change height with the width (and the scroll bar's coming)
        return handled

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._rows:
            self._measure_all()
