"""Where the reader is and has been: Back/Forward history and scroll-spy (no Qt)."""

from __future__ import annotations

import bisect
from typing import NamedTuple


class Location(NamedTuple):
    """A place in the pack: a section, optionally a subsection anchor, and a scroll offset.

    An immutable value, compared and copied as a tuple.
    """

    section_id: str
    anchor: str | None = None
    scroll: int = 0

    def same_place(self, other: Location) -> bool:
        return self.section_id == other.section_id and self.anchor == other.anchor


class History:
    """Browser-style history: visiting drops the forward entries."""

    def __init__(self, limit: int = 200) -> None:
        self._entries: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._entries[self._index] if self._index >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._index < len(self._entries) - 1

    def visit(self, location: Location) -> None:
        if self.current is not None and self.current.same_place(location):
            return
        del self._entries[self._index + 1:]
        self._entries.append(location)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def remember_scroll(self, scroll: int) -> None:
        """Keep the current scroll offset, so Back returns to the same spot."""
        if self.current is not None:
            self._entries[self._index] = self.current._replace(scroll=scroll)

    def back(self) -> Location | None:
        if not self.can_go_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self.current

    def clear(self) -> None:
        self._entries.clear()
        self._index = -1


def anchor_at(headings: list[tuple[int, str]], top: int, slack: int = 8) -> str | None:
    """The subsection being read: the last heading at or above the top of the view.

    headings is (y, anchor) sorted by y; None means the section's intro.
    """
    ys = [y for y, _ in headings]
    index = bisect.bisect_right(ys, top + slack) - 1
    return headings[index][1] if index >= 0 else None
