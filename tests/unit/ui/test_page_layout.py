"""A reading page's layout: headings drawn at their own size, and a column of a readable width."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument

from reader.ui.widgets.page_layout import MEASURE_EM, fit_measure, size_headings


def document(html: str, px: int = 18, width: float = 1200) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setPixelSize(px)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def test_a_heading_with_a_link_in_it_is_drawn_at_its_size_all_along(qapp):
    doc = document('<h1>Is there <a href="term:0">a cure</a>?</h1><p>Text.</p>')
    size_headings(doc, 18)
    doc.size()  # laid out now: a block has no lines before
    heading, text = doc.begin(), doc.begin().next()
    assert heading.layout().lineAt(0).height() > 1.7 * text.layout().lineAt(0).height()
    assert "term:0" in doc.toHtml(), "the link in it is kept"


def test_a_wide_page_keeps_a_readable_column_and_a_narrow_one_a_thin_margin(qapp):
    wide = document("<p>Text.</p>", width=1600)
    fit_measure(wide)
    side = wide.rootFrame().frameFormat().leftMargin()
    assert 1600 - 2 * side <= MEASURE_EM * 18 + 2 * wide.documentMargin()
    narrow = document("<p>Text.</p>", width=180)
    fit_measure(narrow)
    assert narrow.rootFrame().frameFormat().leftMargin() < narrow.documentMargin() + 12
