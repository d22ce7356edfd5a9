"""An in-memory SQLite FTS5 index of a pack: lay words, typos, phrases and definitions."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from reader.content.links import PLAIN_ANCHOR
from reader.content.model import ABOUT, AID, Companion, GlossaryEntry, Pack, Section, Subsection
from reader.search.english import warm_up
from reader.search.query import Concept, Query, concept_expression, fts_expression, parse_query, stems_of
from reader.search.ranking import answers_all, contains, score
from reader.search.snippets import Snippet, best_block, make_snippet, matched_stems, snippet_of
from reader.search.spelling import Vocabulary, add_sections_using
from reader.search.synonyms import Gap, SynonymTable, phrase_of, read_synonyms
from reader.search.tokens import FRAMING_WORDS, stem_all, tokenize, words

# BM25 column weights: a word in a title says more than one in passing.
_WEIGHTS = {"title": 8.0, "headings": 4.0, "body": 1.0, "words": 0.5}
#: Does any section match, in its own text or in plain words?
_ANY_SQL = ("SELECT 1 FROM docs WHERE docs MATCH ?1 UNION ALL SELECT 1 FROM plain WHERE plain MATCH ?1 "
            "LIMIT 1")
#: Sections whose plain-language version matches, best first.
_PLAIN_SQL = "SELECT rowid FROM plain WHERE plain MATCH ? ORDER BY bm25(plain), rowid LIMIT ?"
_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"
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
    #: What the section is: reviewed text, a plain-language aid, or about the summary.
    kind: str = "reviewed"
    #: Found only in the section's plain-language version ("In plain words"), which the snippet is from.
    plain: bool = False

    def to_json(self) -> dict[str, object]:
        return {"id": self.section_id, "title": self.title, "snippet": self.snippet.text, "score": self.score,
                "anchor": self.anchor, "kind": self.kind, "plain": self.plain}


#: How much of a question the summary's text answers (SearchResult.answer).
FULL, PARTIAL, NONE = "full", "partial", "none"


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
    #: The words that matched name only what every section is about ("leukemia"):
    #: the questions for the care team lead, and the sections follow in reading order.
    subject_only: tuple[str, ...] = field(default=())
    #: How many sections hold any of the words looked for.
    matched: int = 0
    #: How many hits at the top are questions for the care team, put there for a gap.
    led: int = 0

    @property
    def not_covered(self) -> tuple[Gap, ...]:
        """Topics asked about that the summary does not cover."""
        return self.query.gaps

    @property
    def answer(self) -> str:
        """FULL: the text holds every word asked about; PARTIAL: some; NONE: none of them."""
        if not self.matched or (self.subject_only and self.not_covered):  # no section is listed as an answer
            return NONE
        if self.unmentioned or self.not_covered or self.subject_only:
            return PARTIAL
        return FULL

    def to_json(self) -> dict[str, object]:
        """The result's facts; outcome.result_json adds the lines a reader is shown."""
        return {
            "query": self.query.text,
            "sections": [hit.to_json() for hit in self.hits],
            "terms": [{"term": entry.term, "definition": entry.definition} for entry in self.terms],
            "answer": self.answer,
            "corrections": [{"typed": typed, "corrected": fixed} for typed, fixed in self.query.corrections],
            "unmentioned": list(self.unmentioned),
            "not_covered": [{"topic": gap.topic, "questions": gap.questions} for gap in self.not_covered],
            "subject_only": list(self.subject_only),
            "suggestions": list(self.suggestions),
        }


def searchable_text(section: Section) -> str:
    """The text search looks in: all of it, but for "About this summary" only its parts.

    Its opening is about the summary (kind, dates, who made it, what it covers):
    "what kind of doctor" must not find "Kind: Medically reviewed summary".
    """
    if section.kind != ABOUT:
        return section.full_text
    return "\n\n".join(part for sub in section.subsections for part in (sub.title, sub.text) if part)


def _anchor_of(section: Section, block: str, query: Query) -> str | None:
    """The subsection holding block, the paragraph a hit's snippet is from, so the hit opens there;
    None for the section's opening, or when nothing in the section matched."""
    if not matched_stems(block, query):
        return None
    if block in section.text.split("\n"):
        return None
    return next((sub.id for sub in section.subsections if block in (sub.title, *sub.text.split("\n"))), None)


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
        warm_up()  # a step of its own: the English word list, so the first typo typed does not wait for it
        yield None
        yield index

    def _fill(self, pack: Pack, synonyms: SynonymTable | None, sections_per_step: int = 0) -> Iterator[None]:
        """Build the index, yielding after every sections_per_step sections (0: all in one step)."""
        self._pack = pack
        self._sections = pack.sections
        self._synonyms = synonyms if synonyms is not None else read_synonyms(pack.root)[0]
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, headings, body, words, {_TOKENIZER})")
        # Plain-language versions in a table of their own: a match there ranks below every match in the
        # sections' own text, and never stands in for the questions for the care team.
        # The same columns as docs, so one MATCH expression serves both; a version has no title or headings.
        self._db.execute(f"CREATE VIRTUAL TABLE plain USING fts5(title, headings, body, words, {_TOKENIZER})")
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
                                    for rowid, section in enumerate(pack.sections[first:first + step], first)),
                                  strict=True)
            self._db.executemany("INSERT INTO docs(rowid, title, headings, body, words) VALUES (?, ?, ?, ?, ?)", rows)
            add_sections_using(sections_using, documents)
            yield
        plain_words = self._index_plain(pack, stems)
        self._db.commit()
        self._glossary = [(entry, {stems_of(phrase_of(form)) for form in entry.forms}) for entry in pack.glossary]
        # A query that only names the pack's subject ("adult T-cell leukaemia") is
        # answered by its first page, as a library's search for a book's title is.
        self._subject = f" {' '.join(stem_all(words(pack.manifest.title), stems))} "
        glossary_words = {token.norm for entry in pack.glossary for form in entry.forms for token in tokenize(form)}
        self.vocabulary = Vocabulary(sections_using, extra=self._synonyms.words | glossary_words | plain_words)
        weights = ", ".join(str(w) for w in _WEIGHTS.values())
        self._sql = (f"SELECT rowid, bm25(docs, {weights}) AS rank FROM docs WHERE docs MATCH ? "
                     "ORDER BY rank, rowid LIMIT ?")

    def _index_section(self, rowid: int, section: Section,
                       stems: dict[str, str]) -> tuple[tuple[int, str, str, str, str], list[str]]:
        """One section's row for FTS5 and its words; keeps its stems and words for the ranking."""
        title, headings, body = (words(text) for text in (
            section.title, " ".join(sub.title for sub in section.subsections), searchable_text(section)))
        title_stems, heading_stems, body_stems = (" ".join(stem_all(ws, stems)) for ws in (title, headings, body))
        section_words = title + body
        joined = " ".join(section_words)
        self._stems.append(f" {title_stems} {heading_stems} {body_stems} ")
        self._words.append(f" {joined} ")
        self._titles.append(f" {title_stems} ")
        return (rowid, title_stems, heading_stems, body_stems, joined), section_words

    def _index_plain(self, pack: Pack, stems: dict[str, str]) -> set[str]:
        """Index each plain-language version readers are shown; return its words."""
        #: Per section (by rowid), its plain-language version.
        self._plain: dict[int, Companion] = {}
        found: set[str] = set()
        for companion in pack.plain:
            if pack.companion(companion.section_id) is not companion:
                continue  # not of a reviewed section: never shown
            rowid = pack.position(companion.section_id)
            plain_words = words(companion.text)
            plain_stems = " ".join(stem_all(plain_words, stems))
            self._plain[rowid] = companion
            self._db.execute("INSERT INTO plain(rowid, title, headings, body, words) VALUES (?, '', '', ?, ?)",
                             (rowid, plain_stems, " ".join(plain_words)))
            found.update(plain_words)
        return found

    def parse(self, text: str, *, prefix: bool = False) -> Query:
        return parse_query(text, prefix=prefix, vocabulary=self.vocabulary, synonyms=self._synonyms)

    def search(self, text: str, *, limit: int = 10, prefix: bool = False) -> SearchResult:
        """Sections answering text, best first. Never raises for any text.

        Topics the summary does not cover lead with their questions for the care
        team, and so does a question whose only match is the disease's name: no
        reviewed sentence is offered as if it answered either.
        """
        query = self.parse(text, prefix=prefix)
        expression = fts_expression(query)
        rows = self._db.execute(self._sql, (expression, max(_CANDIDATES, limit))).fetchall() if expression else []
        plain_rows = [rowid for (rowid,) in self._db.execute(_PLAIN_SQL, (expression, max(_CANDIDATES, limit)))
                      ] if expression else []
        worth_saying = (rows or plain_rows) and (len(query.concepts) > 1 or query.gaps)
        unmentioned, subject_only = self._coverage(query) if worth_saying else ((), ())
        names_subject = self._names_subject(query)
        ranked = sorted(
            ((score(query, -rank, self._stems[rowid], self._words[rowid], self._titles[rowid]) * self._weight[rowid]
              * (_HOME_WEIGHT if names_subject and rowid == 0 else 1.0), rowid) for rowid, rank in rows),
            # Every section names the disease: its order says nothing, so reading order it is.
            key=(lambda pair: pair[1]) if subject_only else (lambda pair: (-pair[0], pair[1])),
        )
        leading = self._questions_for(query, subject_only)
        hits = list(leading)
        # Beside a topic it does not cover, pages that only name the disease are noise.
        for final, rowid in ([] if subject_only and query.gaps else ranked):
            if len(hits) >= limit:
                break
            section = self._sections[rowid]
            if any(hit.section_id == section.id for hit in hits):
                continue
            # The reader's own help answers questions about the reader, not half of a medical one.
            if section.kind == ABOUT and not answers_all(query, self._stems[rowid], self._words[rowid], unmentioned):
                continue
            # One paragraph, the one that matches best, gives the snippet and where the hit opens.
            block = best_block(section.full_text or section.title, query)
            hits.append(Hit(section.id, section.title, snippet_of(block, query), round(final, 4),
                            _anchor_of(section, block, query), section.kind))
        # Plain words lead to their section only where nothing better does: after every match in the
        # sections' own text, and never beside a topic the summary does not cover.
        in_own_text = {rowid for rowid, _ in rows}
        plain_only = [] if subject_only or query.gaps else [rowid for rowid in plain_rows if rowid not in in_own_text]
        hits += [self._plain_hit(rowid, query) for rowid in plain_only[:max(0, limit - len(hits))]]
        suggestions = () if rows or plain_only or query.gaps else self._suggest(text)
        return SearchResult(query, tuple(hits[:limit]), self._terms_for(query), suggestions, unmentioned, subject_only,
                            len(rows) + len(plain_only), len(leading))

    def _plain_hit(self, rowid: int, query: Query) -> Hit:
        """A section found by its plain-language version: the snippet is from it, and leads to it.

        Its score is 0, as a question for the care team's is: it is listed for where it comes, after every
        match in the summary's own text, not for how well it matches.
        """
        section = self._sections[rowid]
        companion = self._plain[rowid]
        return Hit(section.id, section.title, make_snippet(companion.text, query), 0.0, PLAIN_ANCHOR, section.kind,
                   plain=True)

    def _questions_for(self, query: Query, subject_only: tuple[str, ...]) -> list[Hit]:
        """The questions for the care team about each topic the summary does not cover."""
        targets = [gap.questions for gap in query.gaps]
        if subject_only and not targets and self._synonyms.ask_instead:
            targets.append(self._synonyms.ask_instead)
        hits: list[Hit] = []
        for target in dict.fromkeys(targets):
            found = self._locate(target)
            if found is None:
                continue  # `check` names the missing id
            section, sub = found
            snippet = make_snippet(f"{sub.title}\n{sub.text}" if sub is not None else section.text, query)
            hits.append(Hit(section.id, section.title, snippet, 0.0, sub.id if sub is not None else None, section.kind))
        return hits

    def _locate(self, anchor: str) -> tuple[Section, Subsection | None] | None:
        found = self._pack.locate(anchor)
        if found is None:
            return None
        section, sub_id = found
        return section, next((sub for sub in section.subsections if sub.id == sub_id), None)

    def _coverage(self, query: Query) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(unmentioned, subject_only): one look-up per concept answers both.

        unmentioned: the query's words that no section holds (a word being typed: not
        even as a start). subject_only: when all the words some section holds only
        name the pack's subject, those words; otherwise none.
        """
        unmentioned: list[str] = []
        found: list[Concept] = []
        for concept in query.searched:
            if self._db.execute(_ANY_SQL, (concept_expression(concept),)).fetchone() is not None:
                found.append(concept)
            elif concept.typed not in FRAMING_WORDS:
                unmentioned.append(concept.typed)
        shown_unmentioned = tuple(unmentioned) if len(query.concepts) > 1 else ()
        if not (shown_unmentioned or query.gaps) or not all(self._in_subject(c) for c in found):
            return shown_unmentioned, ()
        return shown_unmentioned, tuple(concept.typed for concept in found)

    def _in_subject(self, concept: Concept) -> bool:
        """Does the pack's title (its subject, named on every page) hold the concept?"""
        return any(contains(self._subject, phrase) for phrase in concept.phrases)

    def _suggest(self, text: str) -> tuple[str, ...]:
        unknown = [t.norm for t in tokenize(text) if not self.vocabulary.knows(t.norm)]
        return tuple(dict.fromkeys(s for word in unknown for s in self.vocabulary.suggest(word)))[:3]

    def _names_subject(self, query: Query) -> bool:
        return bool(query.searched) and all(self._in_subject(concept) for concept in query.searched)

    def _terms_for(self, query: Query) -> tuple[GlossaryEntry, ...]:
        """Glossary entries the query names, by its own words or their synonyms, in query order."""
        asked = [concept.phrases for concept in query.searched]
        typed = f" {' '.join(query.sequence)} "
        found: list[tuple[int, int, GlossaryEntry]] = []
        for order, (entry, forms) in enumerate(self._glossary):
            places = [i for i, phrases in enumerate(asked) if forms.intersection(phrases)]
            # A term typed as words of the query ("targeted therapies") counts where it starts.
            places += [typed.index(f" {' '.join(form)} ") for form in forms
                       if f" {' '.join(form)} " in typed and not places]
            if places:
                found.append((min(places), order, entry))
        return tuple(entry for _, _, entry in sorted(found)[:MAX_TERMS])
