"""What the kiosk's welcome screen offers: text sizes to start with and topics to go straight to (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from reader import textscale
from reader.content.model import Pack

#: How many size steps apart the welcome screen's text sizes are (Normal, Large, Largest).
SIZE_STRIDE = 2


@dataclass(frozen=True)
class Topic:
    """A tile on the welcome screen: a section of the summary, opened as the session starts."""

    section_id: str
    title: str


def start_sizes(normal: int) -> tuple[int, ...]:
    """The kiosk's own size and up to two larger ones, each SIZE_STRIDE steps up, none past the largest.

    At 150 % that is 150, 200 and 300; at 250 % only 250 and 300, as there is no third.
    """
    sizes = [textscale.clamp(normal)]
    for _ in range(2):
        bigger = sizes[-1]
        for _ in range(SIZE_STRIDE):
            bigger = textscale.larger(bigger)
        if bigger > sizes[-1]:
            sizes.append(bigger)
    return tuple(sizes)


def topics(pack: Pack) -> tuple[Topic, ...]:
    """Every section of the summary, in its order: the tiles a patient can start from."""
    return tuple(Topic(section.id, section.title) for section in pack.sections)
