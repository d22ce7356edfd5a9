"""Ordering FTS5's candidates the way a reader would: all of the question, then its words.

BM25 scores each matched phrase; on top of it a section is preferred when it
answers more of the query's concepts, when its title names them, when it uses
the reader's own words rather than only their synonyms, and when the words
stand together as typed.
"""

from __future__ import annotations

from reader.search.query import Concept, Query, Stems


def contains(document: str, phrase: Stems) -> bool:
    """Does the space-padded stem string hold phrase as whole words in a row?"""
    return bool(phrase) and f" {' '.join(phrase)} " in document


def _as_typed(concept: Concept, stems_doc: str, words_doc: str) -> bool:
    """Does the document hold the concept as typed, or as the start of the word being typed?"""
    return contains(stems_doc, concept.literal) or bool(concept.prefix and f" {concept.prefix}" in words_doc)


def _holds(concept: Concept, stems_doc: str, words_doc: str) -> bool:
    """Does the document hold the concept, as typed or in the summary's words?"""
    return _as_typed(concept, stems_doc, words_doc) or any(contains(stems_doc, p) for p in concept.alternatives)


def answers_all(query: Query, stems_doc: str, words_doc: str, unmentioned: tuple[str, ...] = ()) -> bool:
    """Does the document hold every concept looked for (but those no document holds)?"""
    return all(_holds(concept, stems_doc, words_doc) for concept in query.searched if concept.typed not in unmentioned)


def score(query: Query, bm25: float, stems_doc: str, words_doc: str, stems_title: str) -> float:
    """The final score of one candidate; higher is better."""
    concepts = query.searched
    if not concepts:
        return bm25
    matched = literal = titled = 0
    for concept in concepts:
        literal += _as_typed(concept, stems_doc, words_doc)
        matched += _holds(concept, stems_doc, words_doc)
        titled += any(contains(stems_title, p) for p in concept.phrases)
    count = len(concepts)
    together = len(query.sequence) >= 2 and contains(stems_doc, query.sequence)
    return (bm25 * (0.2 + 0.8 * matched / count) * (1 + 0.5 * literal / count) * (1 + titled / count)
            * (1.5 if together else 1.0))
