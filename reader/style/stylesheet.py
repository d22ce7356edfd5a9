"""The reading stylesheet, and the line and paragraph spacing a reader can choose."""

from __future__ import annotations

from typing import NamedTuple

from reader.style.palettes import LIGHT, Palette
from reader.style.type_sizes import READING_PX


class Spacing(NamedTuple):
    """How airy the reading text is: the reader's choice (and WCAG 1.4.12's overrides)."""

    #: Line height, in percent of the text size.
    line_height: int = 150
    #: Space after a paragraph, in ems.
    paragraph_em: float = 0.9
    #: Extra space between letters and between words, in ems (0: the typeface's own).
    letter_em: float = 0.0
    word_em: float = 0.0


#: How much larger than the text each heading level is, at normal size and at the largest (300 %).
#: Headings grow less than the text, so at 300 % in a narrow window no word of one is broken
#: ("New treatment / s being studied" at 2×).
HEADING_SCALE = {1: (2.0, 1.3), 2: (1.5, 1.2), 3: (1.2, 1.1)}


def heading_px(level: int, px: int) -> int:
    """A heading's size for reading text of px pixels: the scale shrinks as the text grows."""
    growth = min(1.0, max(0.0, (px / READING_PX - 1) / 2))  # 0 at 100 %, 1 at 300 %
    normal, largest = HEADING_SCALE[level]
    return round(px * (normal + (largest - normal) * growth))


#: The choices the Reading options offer.
LINE_HEIGHTS = (150, 175, 200)
PARAGRAPH_SPACINGS = (0.9, 1.5, 2.0)


def reading_css(palette: Palette = LIGHT, spacing: Spacing = Spacing(), px: int | None = None) -> str:
    """The reading stylesheet; spacing in ems of px, the reading text's size.

    Qt's rich text turns an em into pixels once, as it parses the page, and
    against a fixed 14 px rather than the text: 0.9em between paragraphs stayed
    13 px at 300 %. So the screen passes its text size and gets pixels, and shows
    the page again when the size changes. Print (px None) keeps ems: its size is
    fixed. Font sizes here are ignored altogether (in px too): print keeps Qt's
    own 2×, 1.5× and 1.2× the text for h1, h2 and h3, and the reading pane sizes
    its headings itself (heading_px), growing less than the text at large sizes.
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
    ul.checklist {{ list-style-type: none; }}
    table.plainbox {{ background-color: {palette.panel}; border-color: {palette.border}; border-style: solid;
                      margin-bottom: {space(1.2)}; }}
    .plainhead {{ margin-bottom: {space(0.6)}; }}
    .plainend {{ color: {palette.muted}; margin-bottom: 0; }}
    .paper-only {{ margin-top: {space(0.6)}; margin-bottom: {space(1.2)}; }}
    """


def menu_css(palette: Palette) -> str:
    """A menu's whole look in the theme's colours, with an edge in its border colour.

    The style draws a menu's edge a shade darker than its background: none at all on
    high contrast's black, where a menu's items seemed to float over the page.
    A stylesheet that sets the edge must set the rest too, or the menu loses the
    palette's colours for the style sheet's defaults.
    """
    return f"""
    QMenu {{ background: {palette.window}; color: {palette.window_text}; border: 2px solid {palette.border};
             padding: 2px 0; }}
    QMenu::item {{ background: transparent; padding: 4px 28px 4px 12px; }}
    QMenu::item:selected {{ background: {palette.selection}; color: {palette.selection_text}; }}
    QMenu::item:disabled {{ color: {palette.disabled_text}; }}
    QMenu::separator {{ height: 1px; background: {palette.border}; margin: 4px 8px; }}
    """
