"""Turning whatever a person types into concepts to look for, and a safe FTS5 expression.

A query is a list of concepts, one per word or known phrase. Each concept is
matched by the typed words themselves or by the summary's words for the same
thing (synonyms.toml), after misspelt words are corrected against the pack's
vocabulary.

User text never reaches FTS5 as syntax: only stemmed words made of letters and
digits are passed on, each phrase quoted, so quotes, AND/OR/NOT, NEAR, '*', '^'
and brackets are just words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.search.synonyms import EMPTY, Gap, SynonymTable
from reader.search.tokens import FRAMING_WORDS, STOPWORDS, stem, tokenize

if TYPE_CHECKING:
    from reader.search.spelling import Vocabulary

MAX_WORDS = 32
MIN_PREFIX = 2

#: Stemmed words in order; a phrase of one or more.
Stems = tuple[str, ...]


def stems_of(words: tuple[str, ...] | list[str]) -> Stems:
    return tuple(stem(word) for word in words)


@dataclass(frozen=True)
class Concept:
    """One thing the person asked about, and the phrases that answer it."""

    #: The words as typed (after correction), stemmed.
    literal: Stems
    #: The summary's phrases for the same thing, from synonyms.toml.
    alternatives: tuple[Stems, ...] = ()
    #: The last word while it is still being typed: it also matches as a prefix.
    prefix: str | None = None
    #: The words as typed (after correction), to name the concept to the reader.
    typed: str = field(default="", compare=False)
    #: A topic the summary does not cover: never looked for in the text.
    gap: Gap | None = None

    @property
    def phrases(self) -> tuple[Stems, ...]:
        return (self.literal, *self.alternatives)


@dataclass(frozen=True)
class Query:
    """A parsed query: its concepts, and the stems any of them may show up as."""

    text: str
    concepts: tuple[Concept, ...] = ()
    #: (typed, corrected) for each misspelt word that was corrected.
    corrections: tuple[tuple[str, str], ...] = ()
    #: Stems that answer the query wherever they stand (stopwords left out).
    terms: frozenset[str] = field(default=frozenset())
    #: Phrases of two or more stems that answer it only as a whole ("stem cell transplant").
    phrases: tuple[Stems, ...] = ()
    #: All the words in typed order, stopwords too, stemmed: the query as a phrase.
    sequence: Stems = ()
    #: The last word while it is still being typed, matched as a word prefix.
    prefix: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.concepts

    @property
    def searched(self) -> tuple[Concept, ...]:
        """The concepts looked for in the text: all but the topics it does not cover."""
        return tuple(c for c in self.concepts if c.gap is None)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """The topics asked about that the summary does not cover, each once, in query order."""
        return tuple(dict.fromkeys(c.gap for c in self.concepts if c.gap is not None))


def parse_query(text: str, *, prefix: bool = False, vocabulary: Vocabulary | None = None,
                synonyms: SynonymTable = EMPTY) -> Query:
    """Parse text. With prefix=True the last word may still be being typed."""
    tokens = tokenize(text or "")[:MAX_WORDS]
    words = [t.norm for t in tokens]
    typing = bool(prefix and tokens and tokens[-1].end == len(text) and len(words[-1]) >= MIN_PREFIX)
    corrections: list[tuple[str, str]] = []
    if vocabulary is not None:
        words = _join_numbers(words, vocabulary)
        for i, word in enumerate(words):
            if word in STOPWORDS or vocabulary.knows(word) or word in synonyms.words:
                continue
            if typing and i == len(words) - 1 and vocabulary.has_prefix(word):
                continue  # still being typed: matched as a prefix
            fixed = vocabulary.correct(word)
            if fixed is not None:
                corrections.append((word, fixed))
                words[i] = fixed

    concepts: list[Concept] = []
    alternatives: tuple[Stems, ...]
    i = 0
    while i < len(words):
        start = i
        found = synonyms.match_at(words, i)
        gap = None
        if found is not None:
            length, meanings = found
            literal = stems_of(words[i:i + length])
            if isinstance(meanings, Gap):
                gap, alternatives = meanings, ()
            else:
                alternatives = tuple(stems_of(m) for m in meanings)
            i += length
        else:
            word = words[i]
            i += 1
            if word in STOPWORDS:
                continue  # "what is it" finds nothing rather than everything
            literal, alternatives = (stem(word),), ()
        is_last = typing and i == len(words)
        concept = Concept(literal, alternatives, words[-1] if is_last and len(literal) == 1 and gap is None else None,
                          typed=" ".join(words[start:i]), gap=gap)
        if concept not in concepts:
            concepts.append(concept)
    if any(c.typed not in FRAMING_WORDS for c in concepts):
        concepts = [c for c in concepts if c.typed not in FRAMING_WORDS]
    all_phrases = [phrase for c in concepts if c.gap is None for phrase in c.phrases]
    terms = frozenset(p[0] for p in all_phrases if len(p) == 1 and p[0] not in STOPWORDS)
    phrases = tuple(dict.fromkeys(p for p in all_phrases if len(p) > 1))
    return Query(text=text, concepts=tuple(concepts), corrections=tuple(corrections), terms=terms,
                 phrases=phrases, sequence=stems_of(words),
                 prefix=next((c.prefix for c in concepts if c.prefix), None))


def _join_numbers(words: list[str], vocabulary: Vocabulary) -> list[str]:
    """'htlv 1' is written 'HTLV-1' in the text: join a word and a number the pack joins."""
    joined: list[str] = []
    for word in words:
        if joined and word.isdigit() and not joined[-1].isdigit() and vocabulary.knows(joined[-1] + word):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _quote(stems: Stems) -> str:
    return '"' + " ".join(stems).replace('"', '""') + '"'


def _match_any(phrases: list[str]) -> str:
    return "{title headings body} : (" + " OR ".join(phrases) + ")"


def _starts_with(prefix: str) -> str:
    return "words : " + _quote((prefix,)) + " *"


def fts_expression(query: Query) -> str | None:
    """The MATCH expression for query, or None when there is nothing to look for."""
    phrases: list[str] = []
    for concept in query.searched:
        phrases.extend(_quote(p) for p in concept.phrases if p and _quote(p) not in phrases)
    parts = [_match_any(phrases)] if phrases else []
    if query.prefix:
        parts.append(_starts_with(query.prefix))
    return " OR ".join(parts) if parts else None


def concept_expression(concept: Concept) -> str:
    """The MATCH expression for one concept: its phrases, and its start while it is being typed."""
    parts = [_match_any(list(dict.fromkeys(_quote(p) for p in concept.phrases)))]
    if concept.prefix:
        parts.append(_starts_with(concept.prefix))
    return " OR ".join(parts)
