"""Registering the bundled Atkinson Hyperlegible faces, so every machine reads alike."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase

from reader.resources import resource

# Only the faces the pages use: regular and bold (italic is synthesised if ever needed).
_FILES = ("AtkinsonHyperlegible_400Regular.ttf", "AtkinsonHyperlegible_700Bold.ttf")
_registered: str | None = None


def register_fonts() -> str:
    """Register the faces once; return the family name to use."""
    global _registered
    if _registered is not None:
        return _registered
    family = None
    for name in _FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id < 0:
            print(f"atl-reader: warning: could not load font {name}; using the system font", file=sys.stderr)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    _registered = family or QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    return _registered
