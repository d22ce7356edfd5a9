"""An in-memory SQLite FTS5 index of a pack: lay words, typos, phrases and definitions."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from reader.content.model import ABOUT, AID, GlossaryEntry, Pack, Section
from reader.search.query import Query, concept_expression, fts_expression, parse_query, stems_of
from reader.search.ranking import contains, score
from reader.search.snippets import Snippet, make_snippet, matched_stems
from reader.search.spelling import Vocabulary, add_sections_using
from reader.search.synonyms import SynonymTable, phrase_of, read_synonyms
from reader.search.tokens import FRAMING_WORDS, stem_all, tokenize, words

# BM25 column weights: a word in a title says more than one in passing.
_WEIGHTS = {"title": 8.0, "headings": 4.0, "body": 1.0, "words": 0.5}
#: Does any section match?
_ANY_SQL = "SELECT 1 FROM docs WHERE docs MATCH ? LIMIT 1"
#: Candidates FTS5 hands to the ranking, at least; enough for every small pack.
_CANDIDATES = 100
_KIND_WEIGHTS = {ABOUT: 0.5, AID: 0.3}
_HOME_WEIGHT = 3.0
#: Definitions shown above the results, at most.
MAX_TERMS = 3


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
    """Hits for one query, best first, and the glossary definitions it asks about."""

    query: Query
    hits: tuple[Hit, ...] = field(default=())
    terms: tuple[GlossaryEntry, ...] = field(default=())
    #: When nothing matched: known words close to what was typed ("Did you mean").
    suggestions: tuple[str, ...] = field(default=())
    #: When some words matched: the others, as typed, which no section mentions. Said
    #: beside the hits, so nobody takes them for an answer about those words.
    unmentioned: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        return {
            "query": self.query.text,
            "sections": [hit.to_json() for hit in self.hits],
            "terms": [{"term": entry.term, "definition": entry.definition} for entry in self.terms],
        }


def _first_anchor(section: Section, query: Query) -> str | None:
    if matched_stems(section.text, query):
        return None
    for sub in section.subsections:
        if matched_stems(sub.title, query) or matched_stems(sub.text, query):
            return sub.id
    return None


class SearchIndex:
    """Build once per pack, then answer queries in a few milliseconds."""

    def __init__(self, pack: Pack, synonyms: SynonymTable | None = None) -> None:
        for _ in self._fill(pack, synonyms):
            pass

    @classmethod
    def in_steps(cls, pack: Pack, *, sections_per_step: int = 100) -> Iterator[SearchIndex | None]:
        """Build the index a few sections at a time: None after each step, then the index.

        A window builds it between events, so a pack of thousands of sections (a few
        hundred milliseconds to index) never holds up a keystroke or a repaint.
        """
        index = cls.__new__(cls)
        yield from index._fill(pack, None, sections_per_step)
        yield index

    def _fill(self, pack: Pack, synonyms: SynonymTable | None, sections_per_step: int = 0) -> Iterator[None]:
        """Build the index, yielding after every sections_per_step sections (0: all in one step)."""
        self._sections = pack.sections
        self._synonyms = synonyms if synonyms is not None else read_synonyms(pack.root)[0]
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, headings, body, words, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        #: Per section, its stems and words as space-padded strings, for the ranking.
        self._stems: list[str] = []
        self._words: list[str] = []
        self._titles: list[str] = []
        # "About this summary" talks about every topic in passing, and aids (questions to
        # ask) name topics without answering them: the reviewed text answers first.
        self._weight = [_KIND_WEIGHTS.get(section.kind, 1.0) for section in pack.sections]
        # Counted step by step, so the last step of a stepped build stays short.
        sections_using: Counter[str] = Counter()
        stems: dict[str, str] = {}
        step = sections_per_step or max(1, len(pack.sections))
        for first in range(0, len(pack.sections), step):
            rows, documents = zip(*(self._index_section(rowid, section, stems)
                                    for rowid, section in enumerate(pack.sections[first:first + step], first)))
            self._db.executemany("INSERT INTO docs(rowid, title, headings, body, words) VALUES (?, ?, ?, ?, ?)", rows)
            add_sections_using(sections_using, documents)
            yield
        self._db.commit()
        self._glossary = [(entry, {stems_of(phrase_of(form)) for form in entry.forms}) for entry in pack.glossary]
        # A query that only names the pack's subject ("adult T-cell leukaemia") is
        # answered by its first page, as a library's search for a book's title is.
        self._subject = f" {' '.join(stem_all(words(pack.manifest.title), stems))} "
        glossary_words = {token.norm for entry in pack.glossary for form in entry.forms for token in tokenize(form)}
        self.vocabulary = Vocabulary(sections_using, extra=self._synonyms.words | glossary_words)
        weights = ", ".join(str(w) for w in _WEIGHTS.values())
        self._sql = f"SELECT rowid, bm25(docs, {weights}) AS rank FROM docs WHERE docs MATCH ? ORDER BY rank, rowid LIMIT ?"

    def _index_section(self, rowid: int, section: Section,
                       stems: dict[str, str]) -> tuple[tuple[int, str, str, str, str], list[str]]:
        """One section's row for FTS5 and its words; keeps its stems and words for the ranking."""
        title, headings, body = (words(text) for text in (
            section.title, " ".join(sub.title for sub in section.subsections), section.full_text))
        title_stems, heading_stems, body_stems = (" ".join(stem_all(ws, stems)) for ws in (title, headings, body))
        section_words = title + body
        joined = " ".join(section_words)
        self._stems.append(f" {title_stems} {heading_stems} {body_stems} ")
        self._words.append(f" {joined} ")
        self._titles.append(f" {title_stems} ")
        return (rowid, title_stems, heading_stems, body_stems, joined), section_words

    def parse(self, text: str, *, prefix: bool = False) -> Query:
        return parse_query(text, prefix=prefix, vocabulary=self.vocabulary, synonyms=self._synonyms)

    def search(self, text: str, *, limit: int = 10, prefix: bool = False) -> SearchResult:
        """Sections answering text, best first. Never raises for any text."""
        query = self.parse(text, prefix=prefix)
        expression = fts_expression(query)
        if expression is None:
            return SearchResult(query)
        rows = self._db.execute(self._sql, (expression, max(_CANDIDATES, limit))).fetchall()
        names_subject = self._names_subject(query)
        ranked = sorted(
            ((score(query, -rank, self._stems[rowid], self._words[rowid], self._titles[rowid]) * self._weight[rowid]
              * (_HOME_WEIGHT if names_subject and rowid == 0 else 1.0), rowid) for rowid, rank in rows),
            key=lambda pair: (-pair[0], pair[1]),
        )
        hits = []
        for final, rowid in ranked[:limit]:
            section = self._sections[rowid]
            snippet = make_snippet(section.full_text or section.title, query)
            hits.append(Hit(section.id, section.title, snippet, round(final, 4), _first_anchor(section, query)))
        suggestions = () if hits else self._suggest(text)
        unmentioned = self._unmentioned(query) if hits and len(query.concepts) > 1 else ()
        return SearchResult(query, tuple(hits), self._terms_for(query), suggestions, unmentioned)

    def _unmentioned(self, query: Query) -> tuple[str, ...]:
        """The query's words that no section holds (a word being typed: not even as a start)."""
        return tuple(concept.typed for concept in query.concepts if concept.typed not in FRAMING_WORDS
                     and self._db.execute(_ANY_SQL, (concept_expression(concept),)).fetchone() is None)

    def _suggest(self, text: str) -> tuple[str, ...]:
        unknown = [t.norm for t in tokenize(text) if not self.vocabulary.knows(t.norm)]
        return tuple(dict.fromkeys(s for word in unknown for s in self.vocabulary.suggest(word)))[:3]

    def _names_subject(self, query: Query) -> bool:
        return bool(query.concepts) and all(
            any(contains(self._subject, phrase) for phrase in concept.phrases) for concept in query.concepts
        )

    def _terms_for(self, query: Query) -> tuple[GlossaryEntry, ...]:
        """Glossary entries the query names, by its own words or their synonyms, in query order."""
        asked = [concept.phrases for concept in query.concepts]
        typed = f" {' '.join(query.sequence)} "
        found: list[tuple[int, int, GlossaryEntry]] = []
        for order, (entry, forms) in enumerate(self._glossary):
            places = [i for i, phrases in enumerate(asked) if forms.intersection(phrases)]
            # A term typed as words of the query ("targeted therapies") counts where it starts.
            places += [typed.index(f" {' '.join(form)} ") for form in forms if f" {' '.join(form)} " in typed and not places]
            if places:
                found.append((min(places), order, entry))
        return tuple(entry for _, _, entry in sorted(found)[:MAX_TERMS])
