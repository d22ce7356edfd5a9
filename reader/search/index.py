"""An in-memory SQLite FTS5 index of a pack, ranked with BM25."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.content.model import Pack, Section
from reader.search.query import Query, fts_expression, parse_query
from reader.search.snippets import Snippet, make_snippet, match_spans
from reader.search.tokens import stems_text, words_text

# BM25 column weights: a word in a title says more than one in passing.
_WEIGHTS = {"title": 8.0, "headings": 4.0, "body": 1.0, "words": 0.5}


@dataclass(frozen=True)
class Hit:
    """One section that answers a query."""

    section_id: str
    title: str
    snippet: Snippet
    score: float
    #: The subsection holding the first match, to scroll to; None for the intro.
    anchor: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"id": self.section_id, "title": self.title, "snippet": self.snippet.text, "score": self.score}


@dataclass(frozen=True)
class SearchResult:
    """Hits for one query, best first."""

    query: Query
    hits: tuple[Hit, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        return {"query": self.query.text, "sections": [hit.to_json() for hit in self.hits], "terms": []}


def _first_anchor(section: Section, query: Query) -> str | None:
    if match_spans(section.text, query):
        return None
    for sub in section.subsections:
        if match_spans(sub.title, query) or match_spans(sub.text, query):
            return sub.id
    return None


class SearchIndex:
    """Build once per pack, then answer queries in a few milliseconds."""

    def __init__(self, pack: Pack) -> None:
        self._sections = pack.sections
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, headings, body, words, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        rows = []
        for rowid, section in enumerate(pack.sections):
            headings = " ".join(sub.title for sub in section.subsections)
            body = section.full_text
            rows.append(
                (
                    rowid,
                    stems_text(section.title),
                    stems_text(headings),
                    stems_text(body),
                    words_text(f"{section.title} {body}"),
                )
            )
        self._db.executemany("INSERT INTO docs(rowid, title, headings, body, words) VALUES (?, ?, ?, ?, ?)", rows)
        self._db.commit()
        weights = ", ".join(str(w) for w in _WEIGHTS.values())
        self._sql = f"SELECT rowid, bm25(docs, {weights}) AS rank FROM docs WHERE docs MATCH ? ORDER BY rank, rowid LIMIT ?"

    def search(self, text: str, *, limit: int = 20, prefix: bool = False) -> SearchResult:
        """Sections answering text, best first. Never raises for any text."""
        query = parse_query(text, prefix=prefix)
        expression = fts_expression(query)
        if expression is None:
            return SearchResult(query)
        rows = self._db.execute(self._sql, (expression, limit)).fetchall()
        hits = []
        for rowid, rank in rows:
            section = self._sections[rowid]
            snippet = make_snippet(section.full_text or section.title, query)
            hits.append(Hit(section.id, section.title, snippet, round(-rank, 4), _first_anchor(section, query)))
        return SearchResult(query, tuple(hits))
