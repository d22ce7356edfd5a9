"""Which link of a page Tab reaches next: the rule, apart from the text view that draws it (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class LinkSpan(NamedTuple):
    """One link of a page: where its words are in the text, and where it leads."""

    start: int
    end: int
    href: str


def next_link(links: Sequence[LinkSpan], current: LinkSpan | None, caret: int, forward: bool) -> LinkSpan | None:
    """The link Tab (forward) or Shift+Tab reaches: the one after or before the current link, or with none,
    after or before the caret, where the reader is (Shift+Tab from the very top, the page's last). None:
    no link is left that way, and Tab leaves the text.

    links are in reading order, as the page holds them.
    """
    if forward:
        after = current.end if current is not None else caret
        return next((link for link in links if link.start >= after), None)
    if current is None and caret == 0:
        return links[-1] if links else None
    before = current.start if current is not None else caret
    return next((link for link in reversed(links) if link.end <= before), None)
