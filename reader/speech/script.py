"""What read-aloud says, in order, and where on the page each sentence and word is (no Qt)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from reader.content.sentences import sentences
from reader.speech.pronunciations import Piece, Pronunciations


class Kind(Enum):
    """What a block of the page is, which decides how it is read."""

    HEADING = "heading"
    TEXT = "text"
    ITEM = "item"  # a list item: read on its own, as the list shows it


@dataclass(frozen=True)
class Block:
    """A block of the page as it is shown: its text, and where it starts on the page."""

    text: str
    position: int
    kind: Kind = Kind.TEXT


@dataclass(frozen=True)
class Utterance:
    """One sentence to speak, and the part of the page it reads (start == end: none, as for the disclaimer)."""

    spoken: str
    start: int
    end: int
    pieces: tuple[Piece, ...] = ()

    @property
    def span(self) -> tuple[int, int] | None:
        """Where it is on the page; None for what is said off the page."""
        return (self.start, self.end) if self.start != self.end else None

    def shown_span(self, spoken_start: int, spoken_length: int) -> tuple[int, int] | None:
        """The page positions of the word the engine says at spoken_start, or None where it is off the page.

        A word of a spoken form ("T" of "H T L V one") shows the whole written form ("HTLV-1").
        """
        if self.start == self.end:
            return None
        spoken_end = spoken_start + max(spoken_length, 1)
        covered = [piece for piece in self.pieces
                   if piece.spoken_start < spoken_end and spoken_start < piece.spoken_end]
        if not covered:
            return None
        first, last = covered[0], covered[-1]
        if first.spoken_end - first.spoken_start == first.shown_end - first.shown_start:
            start = first.shown_start + max(spoken_start - first.spoken_start, 0)  # said as written
        else:
            start = first.shown_start
        if last.spoken_end - last.spoken_start == last.shown_end - last.shown_start:
            end = last.shown_start + min(spoken_end, last.spoken_end) - last.spoken_start
        else:
            end = last.shown_end
        return self.start + start, self.start + end


def utterance(text: str, start: int, pronunciations: Pronunciations) -> Utterance:
    """text, found on the page at start, as the engine is to say it (start < 0: not on the page)."""
    spoken, pieces = pronunciations.say(text)
    if start < 0:
        return Utterance(spoken, 0, 0, pieces)
    return Utterance(spoken, start, start + len(text), pieces)


def reading_script(blocks: Iterable[Block], pronunciations: Pronunciations) -> tuple[Utterance, ...]:
    """The page's blocks a sentence at a time, in order, each heading and list item on its own."""
    script = []
    for block in blocks:
        if block.kind is Kind.TEXT:
            spans = sentences(block.text)
        else:  # a heading or a list item is one thing to say, whatever its full stops
            spans = [(0, len(block.text.rstrip()))] if block.text.strip() else []
        for start, end in spans:
            script.append(utterance(block.text[start:end], block.position + start, pronunciations))
    return tuple(script)


def start_index(script: Sequence[Utterance], position: int) -> int:
    """Where to start for a reader at position on the page: the sentence there, else the next, else the first."""
    return next((index for index, said in enumerate(script) if said.end > position), 0)
