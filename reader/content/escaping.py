"""Escaping text for HTML pages and for Qt's labels."""

from __future__ import annotations

from html import escape

__all__ = ["escape", "label_text"]


def label_text(text: str) -> str:
    """text for a QLabel, so that the label shows it exactly as written.

    Qt reads a label's text as markup only when it holds a tag or an entity, so
    text with no "<" and no "&" stays plain, and the label lays it out without
    a rich-text document. Anything else is escaped inside a span: markup that
    shows the characters themselves.
    """
    if "<" not in text and "&" not in text:
        return text
    return f"<span>{escape(text)}</span>"


def button_text(text: str) -> str:
    """text for a button or check box, shown as written: a single "&" would mark a shortcut key and vanish."""
    return text.replace("&", "&&")
