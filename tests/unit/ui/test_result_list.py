"""The search results list: rows sized to their text, whatever happens to the list's width meanwhile."""

from __future__ import annotations

import pytest

from reader.ui.widgets.result_list import ResultList, ResultRow


def rows(count: int) -> list[ResultRow]:
    return [ResultRow(f"<b>Section {n}</b><br/>A few words of what the section says, enough to wrap.",
                      f"Section {n}", (f"s{n}", "")) for n in range(count)]


@pytest.fixture
def result_list(qtbot):
    shown = ResultList()
    qtbot.addWidget(shown)
    shown.resize(300, 200)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def fits(shown: ResultList) -> bool:
    """Every row is at least as tall as its text needs at the list's current width."""
    from PySide6.QtGui import QTextDocument

    from reader.ui.widgets.result_delegate import HTML_ROLE

    for number in range(shown.count()):
        index = shown.model().index(number, 0)
        doc = QTextDocument()
        doc.setDefaultFont(shown.font())
        doc.setDocumentMargin(0)
        doc.setHtml(index.data(HTML_ROLE))
        doc.setTextWidth(shown.viewport().width() - 16)
        if shown.visualRect(index).height() < doc.size().height():
            return False
    return True


@pytest.mark.parametrize("then", ["fewer rows", "no rows"])
def test_the_list_can_narrow_while_its_rows_are_being_replaced(result_list, qtbot, then):
    result_list.show_rows(rows(12))
    qtbot.waitUntil(lambda: result_list.verticalScrollBar().isVisible())
    # The width changes in the middle of the change, as when the scroll bar goes or the
    # window is resized by a reset: every row there is must still be measured, none missed.
    def narrow(*_args: object) -> None:
        result_list.resize(result_list.width() - 1, 200)

    model = result_list.model()
    model.rowsRemoved.connect(narrow)
    model.modelReset.connect(narrow)
    with qtbot.captureExceptions() as exceptions:
        if then == "fewer rows":
            result_list.show_rows(rows(2))
        else:
            result_list.clear_rows()
        model.rowsRemoved.disconnect(narrow)
        model.modelReset.disconnect(narrow)
        result_list.resize(220, 200)  # and afterwards, narrower still
        result_list.show_rows(rows(5))
    assert exceptions == []
    assert result_list.count() == 5
    qtbot.waitUntil(lambda: fits(result_list))
