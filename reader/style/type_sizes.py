"""Pixel sizes of the reading text, the interface and the title, for each text-size percentage."""

from __future__ import annotations

from typing import NamedTuple

from reader.textscale import MAX_PERCENT, scaled

#: Base pixel sizes at 100 %.
READING_PX = 18
UI_PX = 15
TITLE_PX = 21
BANNER_PX = 15
#: The smallest touch target, in pixels (WCAG 2.5.5 / platform guidelines): kiosk controls, dialog buttons.
TOUCH_PX = 48
#: Caps on how far non-reading text grows (percent), so 300 % still fits 800×600.
CONTENT_CAP = 200
CHROME_CAP = 150


class Typography(NamedTuple):
    """Pixel sizes for one text-size percentage."""

    percent: int
    #: A narrow or short window: the title grows less, so the text keeps room. The disclaimer
    #: does not: a reader who needs 300 % needs it to read the disclaimer too.
    compact: bool = False

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
        return self._px(TITLE_PX, 100 if self.compact else CHROME_CAP)

    @property
    def banner(self) -> int:
        return self._px(BANNER_PX, CONTENT_CAP)
