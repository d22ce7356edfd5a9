"""View → Theme: follow the system, light, dark or high contrast; the choice is shown checked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.style.qt_palettes import CHOICES


class ThemeMenu(QMenu):
    """Emits themeChosen with "system", "light", "dark" or "contrast"."""

    themeChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Theme"), parent)
        labels = {"system": self.tr("Follow the &system"), "light": self.tr("&Light"),
                  "dark": self.tr("&Dark"), "contrast": self.tr("&High contrast")}
        group = QActionGroup(self)
        self._actions: dict[str, QAction] = {}
        for choice in CHOICES:
            action = QAction(labels[choice], self)
            action.setCheckable(True)
            action.setData(choice)
            group.addAction(action)
            self.addAction(action)
            self._actions[choice] = action
        group.triggered.connect(self._emit_choice)

    def _emit_choice(self, action: QAction) -> None:
        self.themeChosen.emit(str(action.data()))

    def show_choice(self, choice: str) -> None:
        self._actions.get(choice, self._actions["system"]).setChecked(True)
