"""The command table: one entry gives a command its menu item, keys, F1 line and action; a kiosk narrows it."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from reader.ui.window.commands import COMMANDS, Command, Commands
from reader.ui.window.menus import MENUS, build_menus


class _Greeter(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.greetings: list[str] = []

    def greet(self) -> None:
        self.greetings.append("hello")


_HELLO = Command("hello", "Say &hello", ("Ctrl+H",), lambda w: w.greet, menu="help", desktop_only=True)


def _menu_texts(menu) -> list[str]:
    return [action.text().replace("&", "") or "—" for action in menu.actions()]


def test_one_table_entry_is_a_menu_item_a_key_an_f1_line_and_a_command(qtbot):
    window = _Greeter()
    qtbot.addWidget(window)
    menus = build_menus(window.menuBar())
    commands = Commands(window, (_HELLO,))
    commands.fill_menus(menus)
    assert _menu_texts(menus["help"]) == ["Say hello"]
    assert commands.shortcut_rows() == [("Say hello", "Ctrl+H")]
    assert commands["hello"] in window.actions(), "its keys work with no menu open"
    menus["help"].actions()[0].trigger()
    assert window.greetings == ["hello"]


def test_the_kiosk_profile_turns_off_desktop_commands_or_runs_its_own(qtbot):
    window = _Greeter()
    qtbot.addWidget(window)
    commands = Commands(window, (_HELLO,))
    commands.lock_down({})
    commands["hello"].trigger()
    assert window.greetings == [] and commands.shortcut_rows() == [], "off, and not listed in F1"

    own: list[str] = []
    commands = Commands(window, (_HELLO,))
    commands.lock_down({"hello": lambda: own.append("kiosk")})
    commands["hello"].trigger()
    assert own == ["kiosk"] and window.greetings == [], "the kiosk's handler, never the desktop one"
    assert commands.shortcut_rows() == [("Say hello", "Ctrl+H")]


def test_every_command_is_reachable_and_the_menus_read_as_before(window):
    names = [command.name for command in COMMANDS]
    assert len(names) == len(set(names))
    menu_names = {name for name, _title in MENUS}
    for command in COMMANDS:
        assert command.shortcuts or command.menu, f"{command.name} can be neither clicked nor typed"
        assert command.menu is None or command.menu in menu_names
    assert [menu.title().replace("&", "") for menu in window.menus.values()] == ["File", "View", "Go", "Help"]
    assert _menu_texts(window.menus["file"]) == ["Print…", "Export PDF…", "—", "Quit"]
    assert _menu_texts(window.menus["view"]) == ["Larger text", "Smaller text", "Normal text size", "—",
                                                 "Read aloud", "Stop reading aloud", "—", "Theme",
                                                 "Reading options…"]
    assert _menu_texts(window.menus["go"]) == ["Back", "Forward", "Home", "—", "Previous section", "Next section",
                                               "—", "Next heading", "Previous heading",
                                               "Compare plain and reviewed words", "—", "Search", "Contents",
                                               "Next match", "Previous match"]
    assert _menu_texts(window.menus["help"]) == ["Keyboard shortcuts", "About ATL Reader"]


def test_alt_c_goes_to_the_contents_from_a_search_and_in_a_narrow_window(window, qtbot):
    from PySide6.QtCore import Qt

    from window_driver import type_search

    type_search(window, qtbot, "transplant")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.navigator.hasFocus)
    assert window.navigator.isVisible() and not window.search_panel.results.isVisible(), "the contents, not results"
    assert ("Contents", "Alt+C") in window.commands.shortcut_rows(), "listed in F1"

    window.appearance.apply_text_scale(300)
    window.resize(560, 700)
    qtbot.waitUntil(lambda: window.header.contents_button.isVisible())
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.navigator.hasFocus)
    assert window.header.contents_button.isChecked() and not window.reading.isVisible(), "the drawer opened"



def test_larger_and_smaller_text_stop_at_the_ends_in_the_menu_as_on_the_buttons(window):
    # At 300 % A+ was off and View > Larger text on (a fresh-eyes tester).
    commands, sizes = window.commands, window.header.text_size
    window.appearance.apply_text_scale(300)
    assert not commands["larger"].isEnabled() and not sizes.larger.isEnabled()
    assert commands["smaller"].isEnabled()
    window.appearance.apply_text_scale(75)
    assert not commands["smaller"].isEnabled() and not sizes.smaller.isEnabled()
    window.appearance.apply_text_scale(100)
    assert commands["larger"].isEnabled() and commands["smaller"].isEnabled()
