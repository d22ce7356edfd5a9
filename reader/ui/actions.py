"""The window's commands as QActions with their shortcuts, built in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


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


def _action(parent: QWidget, text: str, shortcuts: list[QKeySequence | str | Key]) -> QAction:
    action = QAction(_tr(text), parent)
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, Key):
            sequences.extend(QKeySequence.keyBindings(shortcut))
        else:
            sequences.append(QKeySequence(shortcut))
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    action.setShortcuts(unique)
    parent.addAction(action)  # shortcuts work even when no menu shows the action
    return action


def build_actions(parent: QWidget) -> Actions:
    return Actions(
        back=_action(parent, "&Back", ["Alt+Left", Key.Back]),
        forward=_action(parent, "&Forward", ["Alt+Right", Key.Forward]),
        home=_action(parent, "&Home", ["Alt+Home"]),
        previous_section=_action(parent, "&Previous section", ["Ctrl+PgUp"]),
        next_section=_action(parent, "&Next section", ["Ctrl+PgDown"]),
        find=_action(parent, "&Search", ["Ctrl+F", Key.Find]),
        find_slash=_action(parent, "Search (slash)", ["/"]),
        clear_search=_action(parent, "&Clear search", ["Esc"]),
        larger=_action(parent, "&Larger text", ["Ctrl+=", "Ctrl++", Key.ZoomIn]),
        smaller=_action(parent, "&Smaller text", ["Ctrl+-", Key.ZoomOut]),
        reset_size=_action(parent, "&Normal text size", ["Ctrl+0"]),
        print_=_action(parent, "&Print…", ["Ctrl+P", Key.Print]),
        export_pdf=_action(parent, "&Export PDF…", ["Ctrl+Shift+E"]),
        quit=_action(parent, "&Quit", ["Ctrl+Q", Key.Quit]),
        shortcuts=_action(parent, "&Keyboard shortcuts", ["F1"]),
        about=_action(parent, "&About ATL Reader", []),
    )
