"""The colours of each theme (light, dark, high contrast), as #rrggbb.

Every theme keeps reading text, links and the banner at AAA contrast (7:1 or
more), interface text at 4.5:1 and borders and focus at 3:1; tests compute
the ratios from these values and from the palettes the widgets end up with.
"""

from __future__ import annotations

from typing import NamedTuple


class Palette(NamedTuple):
    """One theme's colours, as #rrggbb."""

    text: str = "#1b1b1b"
    background: str = "#ffffff"
    muted: str = "#3d3d3d"
    link: str = "#0a4a8f"
    banner_text: str = "#1b1b1b"
    banner_background: str = "#fff4d6"
    banner_border: str = "#8a5a00"
    highlight_text: str = "#000000"
    highlight_background: str = "#ffd43b"
    current_highlight_background: str = "#ff9f1c"
    #: A plain sentence and the reviewed sentences it restates, marked together (under highlight_text).
    pair_background: str = "#cfe6ff"
    focus: str = "#0a4a8f"
    panel: str = "#f3f5f8"
    border: str = "#6b7280"
    #: The window around the text: menus, buttons, the contents and search.
    window: str = "#efefef"
    window_text: str = "#1b1b1b"
    button: str = "#f7f7f7"
    selection: str = "#0a4a8f"
    selection_text: str = "#ffffff"
    disabled_text: str = "#5f5f5f"
    #: Whether Qt should treat it as dark (icons, the style's own shading).
    dark: bool = False


LIGHT = Palette()

DARK = Palette(
    text="#e8e8e8", background="#121212", muted="#c8c8c8", link="#8cc4ff",
    banner_text="#fff4d6", banner_background="#2b2200", banner_border="#d9a400",
    highlight_text="#000000", highlight_background="#ffd43b", current_highlight_background="#ff9f1c",
    pair_background="#b9dcff", focus="#8cc4ff", panel="#1e1e1e", border="#9aa0a6",
    window="#1e1e1e", window_text="#e8e8e8", button="#2a2a2a", selection="#8cc4ff", selection_text="#000000",
    disabled_text="#a0a0a0", dark=True,
)

HIGH_CONTRAST = Palette(
    text="#ffffff", background="#000000", muted="#ffffff", link="#ffff00",
    banner_text="#ffffff", banner_background="#000000", banner_border="#ffff00",
    highlight_text="#000000", highlight_background="#ffff00", current_highlight_background="#00ffff",
    pair_background="#ffffff", focus="#ffff00", panel="#000000", border="#ffffff",
    window="#000000", window_text="#ffffff", button="#000000", selection="#ffff00", selection_text="#000000",
    disabled_text="#c0c0c0", dark=True,
)

#: The themes a reader can choose, by the name settings store.
THEMES = {"light": LIGHT, "dark": DARK, "contrast": HIGH_CONTRAST}
