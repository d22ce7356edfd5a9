"""Finding matched words in text, and cutting a short snippet around the best ones."""

from __future__ import annotations

from dataclasses import dataclass

from reader.search.query import Query
from reader.search.tokens import Token, stem, tokenize, words

Span = tuple[int, int]


@dataclass(frozen=True)
class Snippet:
    """A piece of text and the character spans in it to emphasise."""

    text: str
    spans: tuple[Span, ...]


def matched(tokens: list[Token], query: Query) -> list[int]:
    """Indexes of the tokens that answer the query: matching words, and whole phrases."""
    found = {i for i, t in enumerate(tokens) if query.matches(t.norm)}
    if query.phrases:
        stems = [stem(t.norm) for t in tokens]
        for phrase in query.phrases:
            size = len(phrase)
            for i in range(len(stems) - size + 1):
                if tuple(stems[i:i + size]) == phrase:
                    found.update(range(i, i + size))
    return sorted(found)


def matched_stems(text: str, query: Query) -> set[str]:
    """The distinct stems of text that answer the query (fast: no word positions)."""
    norms = words(text)
    stems = [stem(norm) for norm in norms]
    prefix = query.prefix
    found = {s for norm, s in zip(norms, stems) if s in query.terms or (prefix and norm.startswith(prefix))}
    if query.phrases:
        padded = f" {' '.join(stems)} "
        found.update(s for phrase in query.phrases if f" {' '.join(phrase)} " in padded for s in phrase)
    return found


def match_spans(text: str, query: Query) -> list[Span]:
    """Every (start, end) in text of a word that answers the query."""
    if query.is_empty:
        return []
    tokens = tokenize(text)
    return [(tokens[i].start, tokens[i].end) for i in matched(tokens, query)]


def _best_window(tokens: list[Token], hits: list[int], size: int) -> int:
    """Index of the first token of the window of `size` tokens with most distinct matches."""
    best_start, best_score = 0, -1
    for first in hits:
        start = max(0, first - 4)
        window = [stem(tokens[i].norm) for i in hits if start <= i < start + size]
        score = len(set(window)) * 10 + len(window)
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def _best_block(text: str, query: Query) -> str:
    """The paragraph (or list item) with the most distinct matched words."""
    blocks = [block for block in text.split("\n") if block.strip()] or [text]
    best, best_score = blocks[0], 0
    for block in blocks:
        stems = matched_stems(block, query)
        if len(stems) > best_score:
            best, best_score = block, len(stems)
    return best


def make_snippet(text: str, query: Query, max_words: int = 28) -> Snippet:
    """A snippet of about max_words words from the paragraph that matches best."""
    block = _best_block(text, query)
    tokens = tokenize(block)
    if not tokens:
        return Snippet("", ())
    hits = matched(tokens, query)
    start = _best_window(tokens, hits, max_words) if hits else 0
    end = min(len(tokens), start + max_words)
    begin_char = tokens[start].start
    end_char = tokens[end - 1].end
    # Close the snippet on a sentence end or bracket when one follows directly.
    while end_char < len(block) and block[end_char] in ".?!)”\"":
        end_char += 1
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(tokens) else ""
    snippet_text = lead + " ".join(block[begin_char:end_char].split()) + tail
    return Snippet(snippet_text, tuple(match_spans(snippet_text, query)))


def emphasised_html(text: str, spans: tuple[Span, ...] | list[Span], tag: str = "b") -> str:
    """text as escaped HTML with each span wrapped in <tag>."""
    from html import escape

    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(f"<{tag}>{escape(text[start:end])}</{tag}>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
