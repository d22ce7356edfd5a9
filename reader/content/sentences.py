"""The reviewed text's sentences, each with a stable id ("overview.2") that plain-language companions cite (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.content.model import Section


@dataclass(frozen=True)
class ReviewedSentence:
    """One sentence of a reviewed section: its id (section id and its number in reading order) and words."""

    id: str
    text: str


@cache
def _segmenter() -> Any:
    import pysbd  # by read aloud and check, not as the reader opens

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of text starts and ends, without the spaces around it ("e.g." and "Dr." end none)."""
    spans = []
    for segment in _segmenter().segment(text):
        start, end = segment.start, segment.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def reviewed_sentences(section: Section) -> tuple[ReviewedSentence, ...]:
    """The section's text a sentence at a time, numbered from 1; subsection headings are not sentences.

    A list item is a sentence of its own. The ids stay as long as the text does: a changed sentence
    changes what a companion's citation points to, and `check` says so.
    """
    paragraphs = ([section.text] if section.text else []) + [sub.text for sub in section.subsections if sub.text]
    found: list[ReviewedSentence] = []
    for paragraph in paragraphs:
        for chunk in paragraph.split("\n"):
            for start, end in sentences(chunk):
                found.append(ReviewedSentence(f"{section.id}.{len(found) + 1}", chunk[start:end]))
    return tuple(found)
