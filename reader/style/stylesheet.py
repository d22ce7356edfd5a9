"""The reading stylesheet, and the line and paragraph spacing a reader can choose."""

from __future__ import annotations

from typing import NamedTuple

from reader.style.palettes import LIGHT, Palette


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
