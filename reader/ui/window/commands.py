"""The window's commands, each declared once: its words, keys, menu and what it runs.

Actions, menus, shortcuts, the F1 list and the connections are all made from COMMANDS,
so adding a command is one entry there. A kiosk narrows the set by profile (lock_down)
instead of rewiring signals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader import textscale

#: What a command runs, found on the window when the command is triggered (so it always
#: runs the window's current method). The window is Any: naming its class here would
#: import the window back into a module it builds.
Slot = Callable[[Any], Callable[[], object]]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True)
class Command:
    name: str
    text: str
    shortcuts: tuple[str, ...]  # "Ctrl" is Command on macOS
    slot: Slot
    menu: str | None = None  # a key of menus.MENUS; None: keys only (find_slash, clear_search)
    separator_before: bool = False
    desktop_only: bool = False  # a file or printer dialog, or Quit: a way out of a kiosk


#: In the order the F1 list shows them; within a menu, in menu order.
COMMANDS: tuple[Command, ...] = (
    Command("back", "&Back", ("Alt+Left", "Back"), lambda w: w.navigation.go_back, menu="go"),
    Command("forward", "&Forward", ("Alt+Right", "Forward"), lambda w: w.navigation.go_forward, menu="go"),
    Command("home", "&Home", ("Alt+Home",), lambda w: w.navigation.go_home, menu="go"),
    Command("previous_section", "&Previous section", ("Ctrl+PgUp",), lambda w: w.navigation.show_previous_section,
            menu="go", separator_before=True),
    Command("next_section", "&Next section", ("Ctrl+PgDown",), lambda w: w.navigation.show_next_section, menu="go"),
    Command("next_heading", "Next &heading", ("Alt+Down",), lambda w: w.navigation.show_next_heading, menu="go",
            separator_before=True),
    Command("previous_heading", "Previous h&eading", ("Alt+Up",), lambda w: w.navigation.show_previous_heading,
            menu="go"),
    Command("compare", "Co&mpare plain and reviewed words", ("Alt+P",), lambda w: w.plain_pairs.go_to_partner,
            menu="go"),
    Command("find", "&Search", ("Ctrl+F",), lambda w: w.go_to_search, menu="go", separator_before=True),
    Command("contents", "&Contents", ("Alt+C",), lambda w: w.go_to_contents, menu="go"),
    Command("find_slash", "Search (slash)", ("/",), lambda w: w.go_to_search),
    Command("clear_search", "&Clear search", ("Esc",), lambda w: w.clear_search),
    Command("next_match", "Ne&xt match", ("F3",), lambda w: w.search_controller.show_next_match, menu="go"),
    Command("previous_match", "Pre&vious match", ("Shift+F3",), lambda w: w.search_controller.show_previous_match,
            menu="go"),
    Command("larger", "&Larger text", ("Ctrl+=", "Ctrl++"), lambda w: w.appearance.make_text_larger, menu="view"),
    Command("smaller", "&Smaller text", ("Ctrl+-",), lambda w: w.appearance.make_text_smaller, menu="view"),
    Command("reset_size", "&Normal text size", ("Ctrl+0",), lambda w: w.appearance.reset_text_size, menu="view"),
    Command("read_aloud", "Read &aloud", ("Ctrl+R",), lambda w: w.read_aloud.toggle, menu="view",
            separator_before=True),
    Command("stop_reading", "Stop reading al&oud", ("Ctrl+Shift+R",), lambda w: w.read_aloud.stop, menu="view"),
    Command("reading_options", "&Reading options…", (), lambda w: partial(w.appearance.show_reading_options,
                                                                            w.read_aloud), menu="view",
            separator_before=True),
    Command("print", "&Print…", ("Ctrl+P",), lambda w: w.dialogs.print_handout, menu="file", desktop_only=True),
    Command("export_pdf", "&Export PDF…", ("Ctrl+Shift+E",), lambda w: w.dialogs.export_handout, menu="file",
            desktop_only=True),
    Command("quit", "&Quit", ("Ctrl+Q",), lambda w: w.close, menu="file", separator_before=True,
            desktop_only=True),
    Command("shortcuts", "&Keyboard shortcuts", ("F1",), lambda w: w.dialogs.show_shortcuts, menu="help"),
    Command("about", "&About ATL Reader", (), lambda w: w.dialogs.show_about, menu="help"),
)


class Commands:
    """The QActions of a table of commands, by name, and what each one runs in this profile."""

    def __init__(self, window: QWidget, table: tuple[Command, ...] = COMMANDS) -> None:
        self._window = window
        self._table = table
        self._actions: dict[str, QAction] = {}
        self._overrides: dict[str, Callable[[], object]] = {}
        for command in table:
            if not callable(command.slot(window)):  # a misspelt slot fails when the window is built
                raise TypeError(f"command {command.name!r} names nothing the window can run")
            action = QAction(_tr(command.text), window)
            action.setShortcuts([QKeySequence(shortcut) for shortcut in command.shortcuts])
            window.addAction(action)  # shortcuts work even when no menu shows the action
            action.triggered.connect(lambda _checked=False, name=command.name: self.run(name))
            self._actions[command.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def run(self, name: str) -> None:
        """What the command does here: the profile's own handler, or the window's method."""
        override = self._overrides.get(name)
        if override is not None:
            override()
            return
        command = next(command for command in self._table if command.name == name)
        command.slot(self._window)()

    def fill_menus(self, menus: Mapping[str, QMenu]) -> None:
        for command in self._table:
            if command.menu is None:
                continue
            menu = menus[command.menu]
            if command.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(self._actions[command.name])

    def lock_down(self, overrides: Mapping[str, Callable[[], object]]) -> None:
        """The kiosk profile: desktop-only commands are off and unlisted, unless the kiosk runs its own.

        A file or printer dialog is a way out to the file system, so Print, Export and Quit go;
        a kiosk that prints straight to its printer keeps Print by giving its own handler.
        """
        self._overrides = dict(overrides)
        for command in self._table:
            if command.desktop_only and command.name not in self._overrides:
                self._actions[command.name].setEnabled(False)
                self._actions[command.name].setVisible(False)  # the F1 list shows only what works

    def follow_text_size(self, percent: int) -> None:
        """Larger and Smaller text off at the largest and smallest size, as the A+ and A− buttons are."""
        self._actions["larger"].setEnabled(percent < textscale.MAX_PERCENT)
        self._actions["smaller"].setEnabled(percent > textscale.MIN_PERCENT)

    def set_all_enabled(self, enabled: bool) -> None:
        """Every command this profile shows on or off (a kiosk between patients: no key changes a thing)."""
        for action in self._actions.values():
            if action.isVisible():
                action.setEnabled(enabled)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(command, keys) for the F1 list: the visible commands that have keys, in table order."""
        rows = []
        for command in self._table:
            action = self._actions[command.name]
            keys = ", ".join(seq.toString(seq.SequenceFormat.NativeText) for seq in action.shortcuts())
            if action.isVisible() and keys:
                rows.append((action.text().replace("&", ""), keys))
        return rows
