"""Colours, type sizes and the reading stylesheet, in one place.

Colours are chosen for AAA contrast: reading text #1b1b1b on #ffffff is 17:1,
links #0a4a8f on white 9.3:1, the banner text on its tint over 12:1.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.textscale import MAX_PERCENT, scaled


@dataclass(frozen=True)
class Palette:
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
    focus: str = "#0a4a8f"
    panel: str = "#f3f5f8"
    border: str = "#6b7280"


LIGHT = Palette()

#: Base pixel sizes at 100 %.
READING_PX = 18
UI_PX = 15
TITLE_PX = 21
BANNER_PX = 15
#: Caps on how far non-reading text grows (percent), so 300 % still fits 800×600.
CONTENT_CAP = 200
CHROME_CAP = 150


@dataclass(frozen=True)
class Typography:
    """Pixel sizes for one text-size percentage."""

    percent: int

    def _px(self, base: int, cap: int = MAX_PERCENT) -> int:
        return scaled(base, min(self.percent, cap))

    @property
    def reading(self) -> int:
        return self._px(READING_PX)

    @property
    def content(self) -> int:
        """Navigator, search field and results: they scale with the text, up to 200 %."""
        return self._px(UI_PX, CONTENT_CAP)

    @property
    def chrome(self) -> int:
        """Menus and buttons grow less, so they never crowd out the text at 800×600."""
        return self._px(UI_PX, CHROME_CAP)

    @property
    def title(self) -> int:
        return self._px(TITLE_PX, CHROME_CAP)

    @property
    def banner(self) -> int:
        return self._px(BANNER_PX, CONTENT_CAP)


def reading_css(palette: Palette = LIGHT) -> str:
    """The reading pane's stylesheet. Sizes are relative, so text size needs no re-render."""
    return f"""
    body {{ color: {palette.text}; }}
    p, li {{ line-height: 150%; }}
    p {{ margin-top: 0; margin-bottom: 0.9em; }}
    h1 {{ font-size: 1.6em; font-weight: 700; margin-top: 0.2em; margin-bottom: 0.3em; }}
    h2 {{ font-size: 1.3em; font-weight: 700; margin-top: 1.2em; margin-bottom: 0.4em; }}
    h3 {{ font-size: 1.1em; font-weight: 700; margin-top: 1em; margin-bottom: 0.3em; }}
    ul, ol {{ margin-top: 0; margin-bottom: 0.9em; }}
    a {{ color: {palette.link}; text-decoration: underline; }}
    .provenance, .aid {{ color: {palette.muted}; margin-bottom: 1.2em; }}
    .address {{ color: {palette.muted}; }}
    .pager {{ margin-top: 1em; }}
    """
