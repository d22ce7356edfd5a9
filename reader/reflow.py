"""When the contents and the text take turns instead of sitting side by side (no Qt).

A web page zoomed far enough reflows to one column (WCAG 1.4.10), and the
reader does the same. Side by side, the text gets about three quarters of the
window; when that would leave fewer than MIN_TEXT_EMS of the reading size per
line, lines turn choppy and long words break mid-word ("Treatme|nt" at 300 %
in 800×600), so the contents become a drawer and the text takes the whole width.
"""

from __future__ import annotations

#: Narrower than this, the window always takes turns, whatever the text size.
NARROW_PX = 640
#: The shortest comfortable line side by side, in ems of the reading text (about 36 characters).
MIN_TEXT_EMS = 18
#: The text's share of the window side by side (the splitter's 1 : 3).
TEXT_SHARE = 0.75
#: Besides the line itself: a page margin of one em on each side, plus frames and scroll bar.
MARGIN_EMS = 2
FRAME_PX = 30


def narrowest_side_by_side(reading_px: int) -> int:
    """The narrowest window that still shows the contents beside text of this size."""
    return max(NARROW_PX, round(((MIN_TEXT_EMS + MARGIN_EMS) * reading_px + FRAME_PX) / TEXT_SHARE))


def takes_turns(window_px: int, reading_px: int) -> bool:
    """Whether the contents should be a drawer rather than a column beside the text."""
    return window_px < narrowest_side_by_side(reading_px)
