"""Every theme's colours meet WCAG: 7:1 for reading text, 4.5:1 for the interface, 3:1 for borders."""

from __future__ import annotations

import pytest

from reader.contrast import contrast_ratio
from reader.style.palettes import THEMES, Palette

PAIRS = [  # (what, foreground, background, minimum)
    ("reading text", "text", "background", 7.0),
    ("links", "link", "background", 7.0),
    ("review line and aids", "muted", "background", 7.0),
    ("disclaimer", "banner_text", "banner_background", 7.0),
    ("interface text", "window_text", "window", 4.5),
    ("button text", "window_text", "button", 4.5),
    ("text in panels", "text", "panel", 4.5),
    ("search highlight", "highlight_text", "highlight_background", 7.0),
    ("current match", "highlight_text", "current_highlight_background", 7.0),
    ("plain sentence and what it restates", "highlight_text", "pair_background", 7.0),
    ("selection", "selection_text", "selection", 4.5),
    ("focus ring", "focus", "background", 3.0),
    ("focus ring on the window", "focus", "window", 3.0),
    ("borders", "border", "background", 3.0),
    ("menu edge", "border", "window", 3.0),
    ("placeholder in a field", "disabled_text", "background", 4.5),
    ("banner edge", "banner_border", "banner_background", 3.0),
]


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("name", sorted(THEMES))
@pytest.mark.parametrize(("what", "foreground", "background", "minimum"), PAIRS, ids=[p[0] for p in PAIRS])
def test_theme_meets_its_contrast(name, what, foreground, background, minimum):
    palette: Palette = THEMES[name]
    ratio = contrast_ratio(getattr(palette, foreground), getattr(palette, background))
    assert ratio >= minimum, f"{name}: {what} is {ratio:.2f}:1"


@pytest.mark.parametrize("choice", ["light", "dark", "contrast"])
def test_a_chosen_theme_colours_the_whole_window_and_is_remembered(qtbot, own, pack, family, tmp_path, choice):
    from PySide6.QtGui import QPalette

    from reader.navigation import Location
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    settings_path = tmp_path / "settings.ini"
    window = own(MainWindow(pack, Settings(settings_path), family))
    window.show()
    window.navigation.open_location(Location("treatment-options"))
    action = next(a for a in window.theme_menu.actions() if a.data() == choice)
    action.trigger()
    theme = THEMES[choice]
    assert window.appearance.theme == theme and action.isChecked()
    # The colours the widgets actually have, not only the table they came from.
    reading = window.reading.palette()
    page_text = theme.text if f"color: {theme.text}" in window.reading.document().defaultStyleSheet() else None
    assert page_text is not None
    assert contrast_ratio(page_text, reading.color(QPalette.ColorRole.Base).name()) >= 7
    chrome = window.navigator.palette()
    assert contrast_ratio(chrome.color(QPalette.ColorRole.Text).name(),
                          chrome.color(QPalette.ColorRole.Base).name()) >= 4.5
    header = window.header.palette()
    assert contrast_ratio(header.color(QPalette.ColorRole.WindowText).name(),
                          header.color(QPalette.ColorRole.Window).name()) >= 4.5
    # Fields and panes keep a visible edge (WCAG 1.4.11), even on a black window.
    for frame in (window.search_panel.field_frame, window.reading, window.navigator, window.search_panel.results):
        edge = frame.palette().color(QPalette.ColorRole.WindowText).name()
        assert frame.lineWidth() >= 1 and contrast_ratio(edge, theme.window) >= 3, frame
    assert window.navigation.current.section_id == "treatment-options", "the reader stays on the page"
    window.close()
    again = own(MainWindow(pack, Settings(settings_path), family))
    assert again.appearance.theme == theme


def test_following_the_system_asks_its_colour_scheme_once_the_window_is_up(qtbot, own, pack, family, tmp_path,
                                                                            monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStyleHints

    from reader.style.palettes import DARK
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    monkeypatch.setattr(QStyleHints, "colorScheme", lambda self: Qt.ColorScheme.Dark)
    window = own(MainWindow(pack, Settings(tmp_path / "settings.ini"), family))  # the choice is "system"
    assert window.appearance.theme == DARK
    assert next(a for a in window.theme_menu.actions() if a.data() == "system").isChecked()


@pytest.mark.parametrize("choice", ["light", "dark", "contrast"])
def test_the_search_fields_placeholder_does_not_look_typed(window, choice):
    from PySide6.QtGui import QPalette

    # In high contrast it was white, as typed text is, on black.
    window.appearance.choose_theme(choice)
    colours = window.search_panel.field.palette()
    placeholder = colours.color(QPalette.ColorRole.PlaceholderText).name()
    assert placeholder != colours.color(QPalette.ColorRole.Text).name()
    assert contrast_ratio(placeholder, colours.color(QPalette.ColorRole.Base).name()) >= 4.5


def test_scroll_bar_handles_are_in_the_border_colour_in_every_theme(window):
    # High contrast drew the handle in its button colour, black: a dark grey outline on black that a low-vision
    # reader could not find.
    from PySide6.QtGui import QPalette

    from reader.style.palettes import THEMES

    for theme in THEMES.values():
        window.appearance.apply_theme(theme)
        bar = window.reading.verticalScrollBar()
        assert bar.palette().color(QPalette.ColorRole.Button).name() == theme.border
