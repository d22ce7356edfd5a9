"""Turning a theme's colours into Qt palettes, and choosing the theme the system asks for."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame

from reader.style.palettes import DARK, HIGH_CONTRAST, LIGHT, THEMES, Palette

#: The setting's choices: follow the system, or one of THEMES.
SYSTEM = "system"
CHOICES = (SYSTEM, *THEMES)


def chrome_palette(theme: Palette) -> QPalette:
    """The window's palette: menus, buttons, the contents tree, search and dialogs."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window, QPalette.ColorRole.WindowText: theme.window_text,
        QPalette.ColorRole.Base: theme.background, QPalette.ColorRole.AlternateBase: theme.panel,
        QPalette.ColorRole.Text: theme.text, QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.window_text, QPalette.ColorRole.Highlight: theme.selection,
        QPalette.ColorRole.HighlightedText: theme.selection_text, QPalette.ColorRole.ToolTipBase: theme.panel,
        # A placeholder in the muted colour was white on high contrast's black: it looked typed.
        QPalette.ColorRole.ToolTipText: theme.text, QPalette.ColorRole.PlaceholderText: theme.disabled_text,
        QPalette.ColorRole.Link: theme.link, QPalette.ColorRole.LinkVisited: theme.link,
        QPalette.ColorRole.BrightText: theme.text, QPalette.ColorRole.Light: theme.button,
        QPalette.ColorRole.Midlight: theme.panel, QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.Dark: theme.border, QPalette.ColorRole.Shadow: theme.border,
        # The focus colour, for the rings dialogs draw (they have the palette, not the theme).
        QPalette.ColorRole.Accent: theme.focus,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    return palette


def page_palette(colours: QPalette, theme: Palette) -> QPalette:
    """colours with the page's own background, text and links, in every state, whatever the desktop theme.

    The reading stylesheet sets text and link colours chosen against the theme's
    page; on a dark desktop palette they would sit on a dark background.
    """
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        colours.setColor(group, QPalette.ColorRole.Base, QColor(theme.background))
        colours.setColor(group, QPalette.ColorRole.Text, QColor(theme.text))
        colours.setColor(group, QPalette.ColorRole.Link, QColor(theme.link))
        colours.setColor(group, QPalette.ColorRole.LinkVisited, QColor(theme.link))
    return colours


def system_theme(*, ask_contrast: bool = False) -> Palette:
    """What the system shows: dark if its window colour is dark, high contrast if it asks for it.

    The default palette already says whether the desktop is dark, without the
    Qt namespace's enums that QStyleHints.colorScheme() would create at start-up;
    the contrast preference (Qt 6.10+) is asked once the window is up.
    """
    if ask_contrast and _prefers_high_contrast():
        return HIGH_CONTRAST
    if ask_contrast:  # after the first frame the Qt namespace is there: ask the system directly
        from PySide6 import QtCore

        scheme = QApplication.styleHints().colorScheme()
        if scheme != QtCore.Qt.ColorScheme.Unknown:
            return DARK if scheme == QtCore.Qt.ColorScheme.Dark else LIGHT
    app = QApplication.instance()
    window = app.palette().color(QPalette.ColorRole.Window) if isinstance(app, QApplication) else QColor("#ffffff")
    return DARK if window.lightness() < 128 else LIGHT


def _prefers_high_contrast() -> bool:
    from PySide6 import QtCore

    hints = QApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    preference = getattr(QtCore.Qt, "ContrastPreference", None)
    if accessibility is None or preference is None:
        return False  # an older Qt cannot tell
    return accessibility().contrastPreference() == preference.HighContrast


def resolve(choice: str, *, ask_contrast: bool = False) -> Palette:
    return THEMES.get(choice) or system_theme(ask_contrast=ask_contrast)


def outline(frame: QFrame, theme: Palette) -> None:
    """A plain border in the theme's border colour (3:1 or more), 2 px in dark themes.

    The style's own frames are drawn a shade darker than the window, which on a
    black window is black: a field or pane would have no visible edge.
    """
    frame.setFrameShape(QFrame.Shape.Box)
    frame.setFrameShadow(QFrame.Shadow.Plain)
    frame.setLineWidth(2 if theme.dark else 1)
    colours = frame.palette()
    colours.setColor(QPalette.ColorRole.WindowText, QColor(theme.border))
    frame.setPalette(colours)
