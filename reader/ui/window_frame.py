"""The window manager's frame around the reader's windows, as far as placing and sizing them needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: A title bar's height, about: what a window needs above its own top edge (which a dialog must not put over
#: the disclaimer, and a window must keep on screen).
TITLE_BAR_PX = 32


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """width × height, or less where the window's screen has less room, title bar included (1100 × 780 and
    the print preview's 900 × 900 ran off a laptop's 768 px)."""
    free = window.screen().availableGeometry()
    window.resize(min(width, free.width()), min(height, free.height() - TITLE_BAR_PX))
