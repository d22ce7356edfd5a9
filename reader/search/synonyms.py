"""The pack's synonyms.toml: the words patients type, mapped to the summary's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeGuard

from reader.content.model import Problem
from reader.content.toml_files import header_lines, line_of_item, read_toml
from reader.search.tokens import tokenize

SYNONYMS_NAME = "synonyms.toml"
#: Caps far above the bundled file (29 groups, 10 topics, 16 phrases in a list,
#: 4 words in a phrase), so that a hostile file cannot make every search slow:
#: each phrase is tried at every word of every query.
MAX_GROUPS = 2_000
MAX_PHRASES = 100
MAX_PHRASE_CHARS = 100

#: A phrase as its normalised words: "Bone-marrow transplant" -> ("bone", "marrow", "transplant").
Phrase = tuple[str, ...]


def phrase_of(text: str) -> Phrase:
    return tuple(token.norm for token in tokenize(text))


@dataclass(frozen=True)
class Gap:
    """A topic the summary does not cover, and the questions for the care team about it."""

    #: What the topic is, as the reader is told: "how long people live with ATL (outlook)".
    topic: str
    #: The subsection (or section) id of the questions to ask about it.
    questions: str


@dataclass(frozen=True)
class SynonymTable:
    """For each phrase a patient may type, the summary's phrases for the same thing.

    And for each phrase about a topic the summary does not cover, that topic: such
    words are never looked for in the text, so a question about the outlook can
    never land on a reviewed sentence that answers something else.
    """

    meanings: dict[Phrase, tuple[Phrase, ...]]
    gaps: dict[Phrase, Gap] = field(default_factory=dict)
    #: Where questions the summary cannot answer are sent (a section id), if anywhere.
    ask_instead: str | None = None

    @cached_property  # asked at every word of every query
    def longest(self) -> int:
        return max((len(key) for key in (*self.meanings, *self.gaps)), default=0)

    def match_at(self, words: list[str], start: int) -> tuple[int, tuple[Phrase, ...] | Gap] | None:
        """The longest phrase starting at words[start]: (its length, its meanings or its gap).

        A gap wins a tie: when in doubt, the reader is sent to the care team.
        """
        for length in range(min(self.longest, len(words) - start), 0, -1):
            key = tuple(words[start:start + length])
            found = self.gaps.get(key) or self.meanings.get(key)
            if found is not None:
                return length, found
        return None

    @cached_property
    def words(self) -> set[str]:
        """Every word a patient may type here: known words, never 'corrected'."""
        return {word for key in (*self.meanings, *self.gaps) for word in key}


EMPTY = SynonymTable({})


def read_synonyms(root: Path) -> tuple[SynonymTable, list[Problem]]:
    """The table in root/synonyms.toml (empty if there is none) and any problems with it."""
    data, text, problem = read_toml(root, SYNONYMS_NAME)
    if problem is not None:
        return EMPTY, [problem]
    if data is None:
        return EMPTY, []
    groups = data.get("synonyms", [])
    if not isinstance(groups, list):
        return EMPTY, [Problem(SYNONYMS_NAME, "write each group as a [[synonyms]] table")]
    lines = header_lines(text, "synonyms")
    if len(groups) > MAX_GROUPS:
        return EMPTY, [Problem(SYNONYMS_NAME, f"{len(groups):,} [[synonyms]] groups: at most {MAX_GROUPS:,} are read",
                               line_of_item(lines, len(groups), MAX_GROUPS))]
    gaps, problems = _read_gaps(data.get("not_covered", []), text)
    ask_instead = data.get("ask_instead")
    if ask_instead is not None and not (isinstance(ask_instead, str) and ask_instead.strip()):
        problems.append(Problem(SYNONYMS_NAME, "'ask_instead' must be the id of a section, such as \"questions\""))
        ask_instead = None
    # Each phrase's meanings as a dict used as an ordered set: a list's `in` made
    # loading quadratic (a 20,000-word group never finished).
    meanings: dict[Phrase, dict[Phrase, None]] = {}
    for number, group in enumerate(groups, start=1):
        line = line_of_item(lines, len(groups), number - 1)
        say = group.get("patients_say") if isinstance(group, dict) else None
        means = group.get("summary_says") if isinstance(group, dict) else None
        if not _is_word_list(say) or not _is_word_list(means):
            problems.append(Problem(SYNONYMS_NAME, f"[[synonyms]] number {number} needs 'patients_say' and "
                                                   "'summary_says', each a list of words or phrases", line))
            continue
        too_many = _too_many(say) or _too_many(means)
        if too_many:
            problems.append(Problem(SYNONYMS_NAME, f"[[synonyms]] number {number}: {too_many}", line))
            continue
        targets = [p for p in (phrase_of(m) for m in means) if p]
        for key in (phrase_of(s) for s in say):
            if key:
                known = meanings.setdefault(key, {})
                known.update((t, None) for t in targets if t != key)
    table = SynonymTable({key: tuple(value) for key, value in meanings.items() if value and key not in gaps},
                         gaps, ask_instead.strip() if ask_instead else None)
    return table, problems


def _read_gaps(groups: object, text: str) -> tuple[dict[Phrase, Gap], list[Problem]]:
    """The [[not_covered]] tables: each a topic, the words for it, and its questions."""
    if not isinstance(groups, list):
        return {}, [Problem(SYNONYMS_NAME, "write each topic as a [[not_covered]] table")]
    lines = header_lines(text, "not_covered")
    if len(groups) > MAX_GROUPS:
        return {}, [Problem(SYNONYMS_NAME, f"{len(groups):,} [[not_covered]] topics: at most {MAX_GROUPS:,} are read",
                            line_of_item(lines, len(groups), MAX_GROUPS))]
    gaps: dict[Phrase, Gap] = {}
    problems: list[Problem] = []
    for number, group in enumerate(groups, start=1):
        line = line_of_item(lines, len(groups), number - 1)
        topic, questions, say = ((group.get(key) if isinstance(group, dict) else None)
                                 for key in ("topic", "questions", "patients_say"))
        if not (isinstance(topic, str) and topic.strip() and isinstance(questions, str) and questions.strip()
                and _is_word_list(say)):
            problems.append(Problem(SYNONYMS_NAME, f"[[not_covered]] number {number} needs 'topic', 'questions' "
                                                   "(the id of the questions to ask) and 'patients_say'", line))
            continue
        too_many = _too_many(say) or (f"the topic may have at most {MAX_PHRASE_CHARS * 2} characters"
                                      if len(topic) > MAX_PHRASE_CHARS * 2 else None)
        if too_many:
            problems.append(Problem(SYNONYMS_NAME, f"[[not_covered]] number {number}: {too_many}", line))
            continue
        gap = Gap(" ".join(topic.split()), questions.strip())
        for key in (phrase_of(s) for s in say):
            if key:
                gaps.setdefault(key, gap)
    return gaps, problems


def _too_many(phrases: list[str]) -> str | None:
    """What is too much about a list of phrases, or None."""
    if len(phrases) > MAX_PHRASES:
        return f"{len(phrases):,} phrases in one list: at most {MAX_PHRASES} are read"
    if any(len(phrase) > MAX_PHRASE_CHARS for phrase in phrases):
        return f"a phrase longer than {MAX_PHRASE_CHARS} characters"
    return None


def _is_word_list(value: object) -> TypeGuard[list[str]]:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)
