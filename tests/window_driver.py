"""Doing to the reader window what a user does: reading it, typing a search, clicking a link."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from reader.ui.widgets.dialogs import InfoDialog
from reader.ui.window.main_window import MainWindow


def page_text(window: MainWindow) -> str:
    return window.reading.toPlainText()


def type_search(window: MainWindow, qtbot, text: str) -> None:
    window.search_panel.field.setFocus()
    qtbot.keyClicks(window.search_panel.field, text)
    qtbot.waitUntil(lambda: window.search_panel.results.isVisible() and window.search_panel.status.isVisible())


def click_link_text(window: MainWindow, qtbot, text: str) -> None:
    cursor = window.reading.document().find(text)
    assert not cursor.isNull(), text
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    window.reading.setTextCursor(middle)
    window.reading.ensureCursorVisible()
    point = window.reading.cursorRect(middle).center()
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.LeftButton, pos=point)


def shown_text(label_text: str) -> str:
    """What a label with this text puts on screen: Qt decides whether it is markup."""
    if not QtGui.Qt.mightBeRichText(label_text):
        return label_text
    document = QTextDocument()
    document.setHtml(label_text)
    return document.toPlainText()


def dialogs_opened(monkeypatch, qtbot) -> list[InfoDialog]:
    """The reader's info dialogs (a definition, F1, About), shown without blocking as they open."""
    shown: list[InfoDialog] = []

    def look(dialog: InfoDialog) -> int:
        dialog.show()
        qtbot.waitUntil(dialog.isVisible)
        shown.append(dialog)
        return 0

    monkeypatch.setattr(InfoDialog, "exec", look)
    return shown


def make_narrowest(window, qtbot, height: int) -> None:
    """Narrow the window as far as it goes: its least width shrinks again once the header has folded."""
    window.resize(480, height)  # the header folds first...
    qtbot.waitUntil(window.header.contents_button.isVisible)
    for _ in range(4):  # ...then each narrowing may let the least width fall further
        QApplication.sendPostedEvents()  # the folded header's layout requests, before the least width is read
        window.layout().activate()
        least = window.minimumSizeHint().width()
        if window.width() == least:
            break
        window.resize(least, height)
        qtbot.waitUntil(lambda least=least: window.width() == least)


def tab_to_first_term(window, qtbot) -> None:
    """Tab from the top of the page to its first glossary term: past the "In plain words" box's own link."""
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
    if window.reading.tabbed_link.words() in ("Show the plain words", "Hide the plain words"):
        qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
