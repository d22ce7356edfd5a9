"""Escaping text for HTML on the start-up path.

Same result as html.escape(text); importing the html module also loads its
entity table, about 3 ms that the first frame does not need.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """text with &, <, >, " and ' made safe for HTML content and attributes."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def label_text(text: str) -> str:
    """text for a QLabel, so that the label shows it exactly as written.

    Qt reads a label's text as markup only when it holds a tag or an entity, so
    text with no "<" and no "&" stays plain, and the label lays it out without
    a rich-text document (~8 million instructions before the first frame for the
    disclaimer). Anything else is escaped inside a span: markup that shows the
    characters themselves.
    """
    if "<" not in text and "&" not in text:
        return text
    return f"<span>{escape(text)}</span>"
