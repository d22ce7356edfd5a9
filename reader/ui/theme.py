"""Colours (light, dark, high contrast), type sizes and the reading stylesheet, in one place.

Every theme keeps reading text, links and the banner at AAA contrast (7:1 or
more), interface text at 4.5:1 and borders and focus at 3:1; tests compute
the ratios from these values and from the palettes the widgets end up with.

The value types here are NamedTuples, not frozen dataclasses: they are built
before the first frame, and a frozen dataclass compiles six methods as its
module loads (2 ms for Palette's twenty fields, against 0.2 ms).
"""

from __future__ import annotations

from typing import NamedTuple

from reader.textscale import MAX_PERCENT, scaled


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
    focus="#8cc4ff", panel="#1e1e1e", border="#9aa0a6",
    window="#1e1e1e", window_text="#e8e8e8", button="#2a2a2a", selection="#8cc4ff", selection_text="#000000",
    disabled_text="#a0a0a0", dark=True,
)

HIGH_CONTRAST = Palette(
    text="#ffffff", background="#000000", muted="#ffffff", link="#ffff00",
    banner_text="#ffffff", banner_background="#000000", banner_border="#ffff00",
    highlight_text="#000000", highlight_background="#ffff00", current_highlight_background="#00ffff",
    focus="#ffff00", panel="#000000", border="#ffffff",
    window="#000000", window_text="#ffffff", button="#000000", selection="#ffff00", selection_text="#000000",
    disabled_text="#c0c0c0", dark=True,
)

#: The themes a reader can choose, by the name settings store.
THEMES = {"light": LIGHT, "dark": DARK, "contrast": HIGH_CONTRAST}

#: Base pixel sizes at 100 %.
READING_PX = 18
UI_PX = 15
TITLE_PX = 21
BANNER_PX = 15
#: Caps on how far non-reading text grows (percent), so 300 % still fits 800×600.
CONTENT_CAP = 200
CHROME_CAP = 150


class Typography(NamedTuple):
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


class Spacing(NamedTuple):
    """How airy the reading text is: the reader's choice (and WCAG 1.4.12's overrides)."""

    #: Line height, in percent of the text size.
    line_height: int = 150
    #: Space after a paragraph, in ems.
    paragraph_em: float = 0.9
    #: Extra space between letters and between words, in ems (0: the typeface's own).
    letter_em: float = 0.0
    word_em: float = 0.0


#: The choices the Reading options offer.
LINE_HEIGHTS = (150, 175, 200)
PARAGRAPH_SPACINGS = (0.9, 1.5, 2.0)


def reading_css(palette: Palette = LIGHT, spacing: Spacing = Spacing(), px: int | None = None) -> str:
    """The reading stylesheet; spacing in ems of px, the reading text's size.

    Qt's rich text turns an em into pixels once, as it parses the page, and
    against a fixed 14 px rather than the text: 0.9em between paragraphs stayed
    13 px at 300 %. So the screen passes its text size and gets pixels, and shows
    the page again when the size changes. Print (px None) keeps ems: its size is
    fixed. Font sizes in em or % are ignored altogether, so headings keep Qt's
    own 2×, 1.5× and 1.2× the text (as browsers' h1, h2, h3).
    """
    def space(em: float) -> str:
        return f"{em}em" if px is None else f"{round(em * px)}px"

    return f"""
    body {{ color: {palette.text}; }}
    p, li {{ line-height: {spacing.line_height}%; }}
    p {{ margin-top: 0; margin-bottom: {space(spacing.paragraph_em)}; }}
    h1 {{ font-weight: 700; margin-top: {space(0.2)}; margin-bottom: {space(0.3)}; }}
    h2 {{ font-weight: 700; margin-top: {space(1.2)}; margin-bottom: {space(0.4)}; }}
    h3 {{ font-weight: 700; margin-top: {space(1)}; margin-bottom: {space(0.3)}; }}
    ul, ol {{ margin-top: 0; margin-bottom: {space(spacing.paragraph_em)}; }}
    a {{ color: {palette.link}; text-decoration: underline; }}
    .provenance, .aid {{ color: {palette.muted}; margin-bottom: {space(1.2)}; }}
    .compiled {{ color: {palette.muted}; font-style: italic; }}
    .address {{ color: {palette.muted}; }}
    .pager {{ margin-top: {space(1)}; }}
    """
