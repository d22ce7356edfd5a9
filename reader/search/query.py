"""Turning whatever a person types into a safe FTS5 expression.

User text never reaches FTS5 as syntax: only stemmed words made of letters and
digits are passed on, each one quoted, so quotes, AND/OR/NOT, NEAR, '*', '^'
and brackets are just words.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.search.tokens import STOPWORDS, stem, tokenize

MAX_TERMS = 32
MIN_PREFIX = 2


@dataclass(frozen=True)
class Query:
    """A parsed query: the stems to match and, while typing, a word prefix."""

    text: str
    terms: tuple[str, ...]
    prefix: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.prefix

    def matches(self, norm: str) -> bool:
        """Does a normalised word of the text answer this query?"""
        return stem(norm) in self.terms or bool(self.prefix and norm.startswith(self.prefix))


def parse_query(text: str, *, prefix: bool = False) -> Query:
    """Parse text. With prefix=True the last word may still be being typed."""
    tokens = tokenize(text or "")
    # Stopwords never match on their own: "what is it" finds nothing rather than everything.
    content = [t for t in tokens if t.norm not in STOPWORDS]
    terms: list[str] = []
    for token in content[:MAX_TERMS]:
        token_stem = stem(token.norm)
        if token_stem not in terms:
            terms.append(token_stem)
    last = tokens[-1] if tokens else None
    typing = prefix and last is not None and last.end == len(text) and len(last.norm) >= MIN_PREFIX
    return Query(text=text, terms=tuple(terms), prefix=last.norm if typing and last else None)


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts_expression(query: Query) -> str | None:
    """The MATCH expression for query, or None when there is nothing to look for."""
    parts = []
    if query.terms:
        parts.append("{title headings body} : (" + " OR ".join(_quote(t) for t in query.terms) + ")")
    if query.prefix:
        parts.append("words : " + _quote(query.prefix) + " *")
    return " OR ".join(parts) if parts else None
