"""Finding matched words in text, and cutting a short snippet around the best ones."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reader.search.query import Query
from reader.search.tokens import Token, stem, tokenize, words

Span = tuple[int, int]


@dataclass(frozen=True)
class Snippet:
    """A piece of text and the character spans in it to emphasise."""

    text: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _Words:
    """A text's distinct words and stems: enough to ask whether, and how, it answers a query."""

    #: Each distinct (word, stem) once, for prefix matching.
    pairs: tuple[tuple[str, str], ...]
    stems: frozenset[str]
    #: " stem stem … ": a phrase is in the text when " its stems " are in this.
    padded: str


@dataclass(frozen=True, slots=True)
class _Places:
    """A text's words in order with where each stands: for highlights and snippets."""

    tokens: tuple[Token, ...]
    stems: tuple[str, ...]


# Both worked out once per text. The texts are the pack's paragraphs, titles and
# sections, and the same ones come back keystroke after keystroke as a word is
# typed; tokenising and stemming them each time was most of a search. Finding the
# best paragraph needs only the words; places are worked out for the one chosen.
# An entry is about 2 KB: at most ~10 MB however long a large pack is searched.
@functools.lru_cache(maxsize=4096)
def _words_of(text: str) -> _Words:
    norms = words(text)
    stems = [stem(norm) for norm in norms]
    return _Words(tuple(dict.fromkeys(zip(norms, stems, strict=True))), frozenset(stems), f" {' '.join(stems)} ")


@functools.lru_cache(maxsize=1024)
def _places_of(text: str) -> _Places:
    tokens = tuple(tokenize(text))
    return _Places(tokens, tuple(stem(token.norm) for token in tokens))


def _phrase_in(phrase: tuple[str, ...], padded: str) -> bool:
    return f" {' '.join(phrase)} " in padded


def matched(text: str, query: Query) -> list[int]:
    """Indexes of text's tokens (see _places_of) that answer the query: matching words, and whole phrases.

    A word answers when its stem is one of the query's terms, or it starts with the
    word still being typed; matched_stems applies the same rule as set operations.
    """
    places = _places_of(text)
    terms, prefix = query.terms, query.prefix
    found = {i for i, (token, stemmed) in enumerate(zip(places.tokens, places.stems, strict=True))
             if stemmed in terms or (prefix and token.norm.startswith(prefix))}
    stems = places.stems
    padded = _words_of(text).padded if query.phrases else ""
    for phrase in query.phrases:
        if not _phrase_in(phrase, padded):
            continue
        size = len(phrase)
        for i in range(len(stems) - size + 1):
            if stems[i:i + size] == phrase:
                found.update(range(i, i + size))
    return sorted(found)


def matched_stems(text: str, query: Query) -> set[str]:
    """The distinct stems of text that answer the query (fast: no word positions)."""
    known = _words_of(text)
    found = set(known.stems & query.terms)
    prefix = query.prefix
    if prefix:
        found.update(stemmed for norm, stemmed in known.pairs if norm.startswith(prefix))
    for phrase in query.phrases:
        if _phrase_in(phrase, known.padded):
            found.update(phrase)
    return found


def match_spans(text: str, query: Query) -> list[Span]:
    """Every (start, end) in text of a word that answers the query."""
    if query.is_empty:
        return []
    tokens = _places_of(text).tokens
    return [(tokens[i].start, tokens[i].end) for i in matched(text, query)]


#: What may stand between two matched words of one match: a space, a hyphen or a slash.
_JOINERS = {"", "-", "\u2011", "/"}


def match_runs(text: str, query: Query) -> list[Span]:
    """Every run of matched words in text, one span each: what a reader counts as one match.

    "chemotherapy regimens" and "VCAP-AMP-VECP" are one match each, not two and
    three: F3 steps from phrase to phrase, and "Match 1 of 2" counts mentions.
    """
    if query.is_empty:
        return []
    tokens = _places_of(text).tokens
    runs: list[Span] = []
    last = -2
    for index in matched(text, query):
        if index == last + 1 and runs and text[runs[-1][1]:tokens[index].start].strip() in _JOINERS:
            runs[-1] = (runs[-1][0], tokens[index].end)
        else:
            runs.append((tokens[index].start, tokens[index].end))
        last = index
    return runs


def _best_window(stems: tuple[str, ...], hits: list[int], size: int) -> int:
    """Index of the first token of the window of `size` tokens with most distinct matches."""
    best_start, best_score = 0, -1
    for first in hits:
        start = max(0, first - 4)
        window = [stems[i] for i in hits if start <= i < start + size]
        score = len(set(window)) * 10 + len(window)
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def best_block(text: str, query: Query) -> str:
    """The paragraph (or list item) with the most distinct matched words: the first, on a tie."""
    blocks = [block for block in text.split("\n") if block.strip()] or [text]
    best, best_score = blocks[0], 0
    for block in blocks:
        stems = matched_stems(block, query)
        if len(stems) > best_score:
            best, best_score = block, len(stems)
    return best


def make_snippet(text: str, query: Query, max_words: int = 28) -> Snippet:
    """A snippet of about max_words words from the paragraph that matches best."""
    return snippet_of(best_block(text, query), query, max_words)


def snippet_of(block: str, query: Query, max_words: int = 28) -> Snippet:
    """A snippet of about max_words words from block, around its matched words."""
    places = _places_of(block)
    tokens = places.tokens
    if not tokens:
        return Snippet("", ())
    hits = matched(block, query)
    start = _best_window(places.stems, hits, max_words) if hits else 0
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


def words_around(text: str, start: int, end: int, each_side: int = 6) -> str:
    """The words of text[start:end] with up to each_side words either side, "…" where text goes on.

    What a listener hears with "Match 2 of 5", so two matches in one sentence do not sound alike.
    """
    before = text[:start].split()
    after = text[end:].split()
    match = text[start:end]
    # A match inside a word ("chemo" in "chemotherapy") is heard as the whole word.
    if before and not text[:start].endswith((" ", "\n")):
        match = before.pop() + match
    if after and not text[end:].startswith((" ", "\n")):
        match += after.pop(0)
    words = [*before[-each_side:], match, *after[:each_side]]
    return ("… " if len(before) > each_side else "") + " ".join(words) + (" …" if len(after) > each_side else "")
