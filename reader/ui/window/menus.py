"""The menu bar's menus, made empty with the first frame; the command table fills them after it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

#: The menu bar, left to right: name and title.
MENUS: tuple[tuple[str, str], ...] = (("file", "&File"), ("view", "&View"), ("go", "&Go"), ("help", "&Help"))


def build_menus(menu_bar: QMenuBar) -> dict[str, QMenu]:
    """The menu bar's menus, empty, by name (filled by Commands.fill_menus)."""
    return {name: menu_bar.addMenu(QCoreApplication.translate("Actions", title)) for name, title in MENUS}
