"""The search field and its results list; results update as the reader types."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import texts
from reader.content.model import AID
from reader.style.palettes import LIGHT, Palette
from reader.style.stylesheet import menu_css
from reader.ui.widgets.edged_menu import show_edged
from reader.ui.widgets.named_button import named_button
from reader.ui.widgets.result_list import ResultList, ResultRow

if TYPE_CHECKING:
    from reader.search import SearchResult
    from reader.search.index import Hit

DEBOUNCE_MS = 150


class SearchPanel(QWidget):
    """Emits queryChanged (debounced) and resultChosen; shows what it is given."""

    #: The text to search for, after typing pauses ("" when cleared).
    queryChanged = Signal(str)
    #: A result or suggested topic was opened: (section id, anchor or "").
    resultChosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search the summary"))
        self.field.setAccessibleName(self.tr("Search the summary"))
        self.field.setMaxLength(500)
        # Our own button, not QLineEdit's built-in one: that is 22×18 px and has no name.
        self.clear_button = named_button(self, "✕", self.tr("Clear the search"), tip=self.tr("Clear the search (Esc)"))
        self.clear_button.setMinimumSize(32, 32)
        self.clear_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.results = ResultList(self)
        self.results.setObjectName("searchResults")
        self._results_name = self.tr("Search results")
        self.results.setAccessibleName(self._results_name)
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The field sits in a frame that themes outline, so its edge shows on any background.
        self.field_frame = QFrame(self)
        self.field.setFrame(False)
        boxed = QHBoxLayout(self.field_frame)
        boxed.setContentsMargins(2, 2, 2, 2)
        boxed.addWidget(self.field)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.field_frame, 1)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.status.hide()
        self.results.hide()

        self._menu_css = menu_css(LIGHT)  # set_theme's, once the window has one
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._emit_query)
        self.field.textEdited.connect(self._schedule)
        self.field.textChanged.connect(self._clear_if_empty)
        self.results.itemActivated.connect(self._emit_chosen)
        self.results.itemClicked.connect(self._emit_chosen)
        self.field.installEventFilter(self)
        self.clear_button.clicked.connect(self.clear)

    def set_theme(self, palette: Palette) -> None:
        from reader.ui.style.qt_palettes import outline

        self.results.set_aid_colours(palette)  # for the definition rows shown next
        self._menu_css = menu_css(palette)
        outline(self.field_frame, palette)
        outline(self.results, palette)

    def finish_setup(self) -> None:
        """Settings from the Qt namespace, applied once the first frame is up."""
        self.results.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    @property
    def active(self) -> bool:
        return bool(self.field.text().strip())

    def focus_field(self) -> None:
        self.field.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def clear(self) -> None:
        self._timer.stop()
        self.field.clear()

    def add_below_field(self, widget: QWidget) -> None:
        """Put widget between the field and the results (a kiosk's quick topics)."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, widget)

    def show_result(self, result: SearchResult, topics: list[tuple[str, str]]) -> None:
        """Display hits, or say nothing matched and offer topics."""
        from reader.search.outcome import status_lines
        from reader.search.snippets import emphasised_html

        rows = self._definition_rows(result)
        first_hit = len(rows)
        rows += [ResultRow(f"<b>{html.escape(hit.title)}</b>{self._aid_mark(hit)}<br/>"
                           f"{emphasised_html(hit.snippet.text, hit.snippet.spans)}",
                           texts.sentence(hit.title) + (f" {self._aid_line(hit)}." if self._aid_line(hit) else "")
                           + " " + hit.snippet.text,
                           (hit.section_id, hit.anchor or ""))
                 for hit in result.hits]
        if not result.hits:
            # Words it may have meant come first, as rows: chosen, each is searched for.
            for word in result.suggestions:
                label = texts.SEARCH_FOR.format(word=word)
                rows.append(ResultRow(html.escape(label), label, None, search_for=word))
            rows += [ResultRow(html.escape(title), title, (section_id, "")) for section_id, title in topics]
        status = status_lines(result)
        self.results.show_rows(rows)
        # Topics offered when nothing matched must not sound like results; meanings of
        # words listed above the hits are said, or the rows do not add up to the count.
        name = self._results_name if result.hits else self.tr("Suggested topics")
        if result.terms:
            name += ". " + self.tr("Meanings of the words asked about are above the first result: press Up")
        self._show_status(status, name)
        if len(rows) > first_hit:
            self.results.setCurrentRow(first_hit)

    @staticmethod
    def _aid_line(hit: Hit) -> str:
        """What a hit that is not the reviewed text is, or "": an aid, or a section found by its plain words."""
        return texts.PLAIN_HIT_LINE if hit.plain else texts.AID_LINE if hit.kind == AID else ""

    def _aid_mark(self, hit: Hit) -> str:
        """Under the title of a hit that is not the reviewed text, what it is."""
        line = self._aid_line(hit)
        return f"<br/><i>{html.escape(line)}</i>" if line else ""

    def show_preparing(self) -> None:
        """Search is still being set up (a large pack, just opened): say so."""
        self.results.clear_rows()
        self._show_status([texts.PREPARING_SEARCH])  # the list stays, empty, where results will come

    def _show_status(self, lines: list[str], list_name: str = "") -> None:
        """The status above the list, a line each (heard as sentences), and the list (named list_name)."""
        self.status.setText("<br/>".join(html.escape(line) for line in lines))
        spoken = texts.spoken_lines(lines)
        self.status.setAccessibleName(spoken)
        # Also in the list's name, heard on moving into it: the status is announced as it
        # changes, but Orca 43 speaks no announcements, and "This summary does not cover
        # the outlook" must not be missed before the list that follows it.
        self.results.setAccessibleName(f"{list_name or self._results_name}. {spoken}")
        self.status.show()
        self.results.show()

    @staticmethod
    def _definition_rows(result: SearchResult) -> list[ResultRow]:
        """Glossary definitions the query names, first in the list and set apart: a reading aid."""
        if not result.terms:
            return []
        heading, note = html.escape(texts.DEFINITIONS_HEADING), html.escape(texts.AID_LINE)
        rows = [ResultRow(f"<b>{heading}</b><br/><i>{note}</i>",
                          f"{texts.DEFINITIONS_HEADING}. {texts.AID_LINE}.", None)]
        rows += [ResultRow(f"<b>{html.escape(e.term)}</b>: {html.escape(e.definition)}",
                           f"{e.term}: {e.definition}", None)
                 for e in result.terms]
        return rows

    def hide_results(self) -> None:
        self.results.clear_rows()
        self.results.setAccessibleName(self._results_name)
        self.status.hide()
        self.results.hide()

    def _schedule(self, _text: str) -> None:
        self._timer.start()

    def _emit_query(self) -> None:
        self.queryChanged.emit(self.field.text())

    def _clear_if_empty(self, text: str) -> None:
        self.clear_button.setVisible(bool(text))
        if not text.strip():
            self._timer.stop()
            self.hide_results()
            self.queryChanged.emit("")

    def _emit_chosen(self, item: QListWidgetItem) -> None:
        row = self.results.row_of(item)
        if row.search_for is not None:
            self.search_for(row.search_for)
        elif row.target is not None:
            self.resultChosen.emit(*row.target)

    def search_for(self, text: str) -> None:
        """Put text in the field and search for it now, as if typed and paused on."""
        self._timer.stop()
        self.field.setText(text)
        self._emit_query()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Down moves into the results; Enter opens the first one at once; a right-click menu with an edge."""
        if event.type() == QEvent.Type.ContextMenu and watched is self.field:
            assert isinstance(event, QContextMenuEvent)
            # Not where menus are turned off (a kiosk: its Cut, Copy and Paste were still offered)
            if self.field.contextMenuPolicy() != QtCore.Qt.ContextMenuPolicy.NoContextMenu:
                show_edged(self.field.createStandardContextMenu(), event.globalPos(), self._menu_css)
            return True
        if event.type() == QEvent.Type.KeyPress and watched is self.field:
            assert isinstance(event, QKeyEvent)
            key, qt = event.key(), QtCore.Qt
            if key == qt.Key.Key_Down and self.results.isVisible() and self.results.count():
                self.results.setFocus(qt.FocusReason.TabFocusReason)
                return True
            if key in (qt.Key.Key_Return, qt.Key.Key_Enter) and self.active:
                if self._timer.isActive():
                    self._timer.stop()
                    self._emit_query()
                item = self.results.currentItem() or self.results.item(self.results.first_link() or 0)
                if item is not None:
                    self._emit_chosen(item)
                return True
        return super().eventFilter(watched, event)

