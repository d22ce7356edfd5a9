"""Qt's own right-click menus (Copy, Paste, Select all), shown with the window's menus' edge and colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QMenu


def show_edged(menu: QMenu, at: QPoint, css: str) -> None:
    """Show menu at the screen point, dressed by css (stylesheet.menu_css), and let it go once it closes.

    The style draws a menu's edge a shade darker than its background, so on high
    contrast's black a right-click menu's items floated over the page.
    """
    menu.setStyleSheet(css)
    menu.exec(at)
    menu.deleteLater()
