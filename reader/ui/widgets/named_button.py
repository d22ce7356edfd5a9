"""The window's small buttons: words on screen, a name for screen readers, the name as tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton, QWidget


def named_button(parent: QWidget, text: str, name: str, *, tip: str | None = None) -> QToolButton:
    """A tool button showing text, spoken as name; its tooltip is tip, or else the name.

    Outside a toolbar a tool button keeps its default Tab focus, so the keyboard
    reaches it, while a click leaves focus where the reader was.
    """
    button = QToolButton(parent)
    button.setText(text)
    button.setAccessibleName(name)
    button.setToolTip(tip or name)
    return button
