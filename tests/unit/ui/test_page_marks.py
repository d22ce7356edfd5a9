"""PageMarks: matches found and stepped through, what is read aloud marked over them, in the theme's colours."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from reader.style.palettes import DARK, LIGHT
from reader.ui.widgets.page_marks import PageMarks


@pytest.fixture
def view(qtbot):
    editor = QTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("Chemo first.\nThen more chemo, and chemo again.")
    return editor


def chemo(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer("(?i)chemo", text)]


def test_matches_are_found_stepped_through_wrapping_and_placed(view):
    marks = PageMarks(view, LIGHT)
    assert marks.find(chemo) == 3 and marks.current == 0
    assert len(view.extraSelections()) == 3
    assert [marks.step(1) is not None for _ in range(3)] == [True] * 3 and marks.current == 3
    marks.step(1)
    assert marks.current == 1, "after the last, the first"
    assert marks.current_place() == ("Chemo first.", 0, 5)
    marks.select(2)
    assert marks.current_place() == ("Then more chemo, and chemo again.", 10, 15)
    assert marks.find(None) == 0 and view.extraSelections() == []


def test_what_is_read_aloud_is_marked_over_the_matches_and_its_word_underlined(view):
    marks = PageMarks(view, LIGHT)
    marks.find(chemo)
    assert marks.set_spoken((13, 46), (23, 28)) == 28, "the place to keep in view: the word's end"
    selections = view.extraSelections()
    assert len(selections) == 5
    sentence, word = selections[-2], selections[-1]
    assert sentence.format.background().color() == QColor(LIGHT.highlight_background)
    assert word.format.background().color() == QColor(LIGHT.current_highlight_background)
    assert word.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    marks.forget_matches()
    marks.paint()
    assert len(view.extraSelections()) == 2, "a page shown again keeps what is read, and finds its matches anew"
    marks.set_palette(DARK)
    assert view.extraSelections()[0].format.background().color() == QColor(DARK.highlight_background)
    assert marks.set_spoken(None, None) is None and view.extraSelections() == []
