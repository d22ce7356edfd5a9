"""A shown page's structure: anchors found, subsection headings placed, glossary terms marked once."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from reader.content.glossary import TermFinder
from reader.content.links import link_kind
from reader.content.model import GlossaryEntry
from reader.ui.text_blocks import blocks, fragments
from reader.ui.widgets.page_structure import block_with_anchor, headings, mark_terms, subsection_tops

PAGE = ('<h1 id="top">Treatment options</h1><p>Remission is the aim.</p>'
        '<h2 id="indolent">Indolent ATL</h2><p>Remission again, and <a href="section:x">remission</a>.</p>'
        '<h2>No anchor</h2><p>Text.</p><h2 id="aggressive">Aggressive ATL</h2><p>More text.</p>')


def document(html: str = PAGE) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    doc.setTextWidth(600)
    return doc


def test_an_anchor_leads_to_its_heading_and_a_missing_one_to_nothing(qapp):
    doc = document()
    assert block_with_anchor(doc, "indolent").text() == "Indolent ATL"
    assert block_with_anchor(doc, "nowhere") is None


def test_every_heading_is_listed_in_order(qapp):
    doc = document()  # kept: a block is read through its document
    assert [block.text() for block in headings(doc)] == [
        "Treatment options", "Indolent ATL", "No anchor", "Aggressive ATL"]


def test_subsections_are_placed_top_down_and_only_those_with_an_anchor(qapp):
    tops = subsection_tops(document())
    assert [anchor for _top, anchor in tops] == ["indolent", "aggressive"]
    assert 0 < tops[0][0] < tops[1][0]


def test_a_term_is_marked_at_its_first_use_only_and_never_in_a_heading_or_link(qapp):
    doc = document('<h1>Remission</h1><p>Remission is the aim.</p><p>Remission again, and '
                   '<a href="section:x">remission</a>.</p>')
    mark_terms(doc, TermFinder((GlossaryEntry("remission", "When signs of cancer go away."),)))
    marked = [(block.text(), fragment.text()) for block in blocks(doc) for fragment in fragments(block)
              if fragment.charFormat().anchorHref() == "term:0"]
    assert marked == [("Remission is the aim.", "Remission")]
    assert "Remission again" in doc.toPlainText(), "the words themselves never change"


def test_a_link_says_where_it_leads():
    assert [link_kind(href) for href in ("term:3", "https://example.org", "MAILTO:a@b.c", "section:overview#x",
                                         "#anchor")] == ["term", "web", "web", "section", "section"]

