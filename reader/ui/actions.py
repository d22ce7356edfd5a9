"""The window's commands as QActions with their shortcuts, built in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True)
class Actions:
    back: QAction
    forward: QAction
    home: QAction
    previous_section: QAction
    next_section: QAction
    find: QAction
    find_slash: QAction
    clear_search: QAction
    next_match: QAction
    previous_match: QAction
    larger: QAction
    smaller: QAction
    reset_size: QAction
    print_: QAction
    export_pdf: QAction
    quit: QAction
    shortcuts: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return list(vars(self).values())


def _action(parent: QWidget, text: str, shortcuts: list[str]) -> QAction:
    """An action with its shortcuts ("Ctrl" is Command on macOS)."""
    action = QAction(_tr(text), parent)
    action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
    parent.addAction(action)  # shortcuts work even when no menu shows the action
    return action


def build_actions(parent: QWidget) -> Actions:
    return Actions(
        back=_action(parent, "&Back", ["Alt+Left", "Back"]),
        forward=_action(parent, "&Forward", ["Alt+Right", "Forward"]),
        home=_action(parent, "&Home", ["Alt+Home"]),
        previous_section=_action(parent, "&Previous section", ["Ctrl+PgUp"]),
        next_section=_action(parent, "&Next section", ["Ctrl+PgDown"]),
        find=_action(parent, "&Search", ["Ctrl+F"]),
        find_slash=_action(parent, "Search (slash)", ["/"]),
        clear_search=_action(parent, "&Clear search", ["Esc"]),
        next_match=_action(parent, "Ne&xt match", ["F3"]),
        previous_match=_action(parent, "Pre&vious match", ["Shift+F3"]),
        larger=_action(parent, "&Larger text", ["Ctrl+=", "Ctrl++"]),
        smaller=_action(parent, "&Smaller text", ["Ctrl+-"]),
        reset_size=_action(parent, "&Normal text size", ["Ctrl+0"]),
        print_=_action(parent, "&Print…", ["Ctrl+P"]),
        export_pdf=_action(parent, "&Export PDF…", ["Ctrl+Shift+E"]),
        quit=_action(parent, "&Quit", ["Ctrl+Q"]),
        shortcuts=_action(parent, "&Keyboard shortcuts", ["F1"]),
        about=_action(parent, "&About ATL Reader", []),
    )


def fill_menus(menus: list[QMenu], a: Actions) -> None:
    """File, View, Go and Help, in that order; None is a separator."""
    entries: list[list[QAction | None]] = [
        [a.print_, a.export_pdf, None, a.quit],
        [a.larger, a.smaller, a.reset_size],
        [a.back, a.forward, a.home, None, a.previous_section, a.next_section, None, a.find,
         a.next_match, a.previous_match],
        [a.shortcuts, a.about],
    ]
    for menu, actions in zip(menus, entries, strict=True):
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
