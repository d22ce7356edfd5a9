"""Where a page shows each plain sentence and the reviewed sentences it restates, to mark them together (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.content.model import Companion, Section
from reader.content.sentences import reviewed_sentences

#: Where some text is on the page: (start, end) positions in its plain text.
Span = tuple[int, int]


@dataclass(frozen=True)
class SentencePairs:
    """A page's plain sentences with the ids they cite, and its reviewed sentences by id, each where it is."""

    plain: tuple[tuple[Span, tuple[str, ...]], ...] = ()
    reviewed: tuple[tuple[str, Span], ...] = ()

    def is_plain(self, span: Span) -> bool:
        """Whether span is a plain sentence (not a reviewed one)."""
        return any(plain == span for plain, _cites in self.plain)

    def partners(self, position: int) -> tuple[Span, ...]:
        """The sentence at position and those paired with it: a plain sentence and the reviewed sentences it
        restates, or a reviewed sentence and the plain sentences restating it. () outside any pair."""
        where = dict(self.reviewed)
        for span, cites in self.plain:
            if span[0] <= position < span[1]:
                return (span, *(where[cited] for cited in cites if cited in where))
        for sentence_id, span in self.reviewed:
            if span[0] <= position < span[1]:
                restating = tuple(plain for plain, cites in self.plain if sentence_id in cites)
                return (span, *restating) if restating else ()
        return ()


def pair_sentences(page_text: str, section: Section, companion: Companion | None) -> SentencePairs:
    """Find the companion's lines on the page, then the reviewed sentences after them, in order.

    No pairs when the companion's lines are not all on the page (its box folded away or hidden): a
    reviewed sentence alone has nothing to be compared with. A reviewed sentence not found as written
    is left out, never guessed at.
    """
    if companion is None:
        return SentencePairs()
    plain: list[tuple[Span, tuple[str, ...]]] = []
    at = 0
    for line in companion.lines:
        start = page_text.find(line.text, at)
        if start < 0:
            return SentencePairs()
        at = start + len(line.text)
        plain.append(((start, at), line.cites))
    reviewed: list[tuple[str, Span]] = []
    for sentence in reviewed_sentences(section):
        start = page_text.find(sentence.text, at)
        if start >= 0:
            at = start + len(sentence.text)
            reviewed.append((sentence.id, (start, at)))
    return SentencePairs(tuple(plain), tuple(reviewed))
