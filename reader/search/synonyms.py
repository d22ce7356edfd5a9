"""The pack's synonyms.toml: the words patients type, mapped to the summary's words."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from reader.content.model import Problem
from reader.search.tokens import tokenize

SYNONYMS_NAME = "synonyms.toml"

#: A phrase as its normalised words: "Bone-marrow transplant" -> ("bone", "marrow", "transplant").
Phrase = tuple[str, ...]


def phrase_of(text: str) -> Phrase:
    return tuple(token.norm for token in tokenize(text))


@dataclass(frozen=True)
class SynonymTable:
    """For each phrase a patient may type, the summary's phrases for the same thing."""

    meanings: dict[Phrase, tuple[Phrase, ...]]

    @property
    def longest(self) -> int:
        return max((len(key) for key in self.meanings), default=0)

    def match_at(self, words: list[str], start: int) -> tuple[int, tuple[Phrase, ...]] | None:
        """The longest phrase starting at words[start]: (its length, its meanings)."""
        for length in range(min(self.longest, len(words) - start), 0, -1):
            meanings = self.meanings.get(tuple(words[start:start + length]))
            if meanings is not None:
                return length, meanings
        return None

    @property
    def words(self) -> set[str]:
        """Every word a patient may type here: known words, never 'corrected'."""
        return {word for key in self.meanings for word in key}


EMPTY = SynonymTable({})


def read_synonyms(root: Path) -> tuple[SynonymTable, list[Problem]]:
    """The table in root/synonyms.toml (empty if there is none) and any problems with it."""
    path = root / SYNONYMS_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return EMPTY, []
    except (OSError, UnicodeDecodeError) as exc:
        return EMPTY, [Problem(SYNONYMS_NAME, f"cannot read the search words ({exc})")]
    except tomllib.TOMLDecodeError as exc:
        return EMPTY, [Problem(SYNONYMS_NAME, f"invalid TOML: {exc}")]
    groups = data.get("synonyms", [])
    if not isinstance(groups, list):
        return EMPTY, [Problem(SYNONYMS_NAME, "write each group as a [[synonyms]] table")]
    meanings: dict[Phrase, list[Phrase]] = {}
    problems: list[Problem] = []
    for number, group in enumerate(groups, start=1):
        say = group.get("patients_say") if isinstance(group, dict) else None
        means = group.get("summary_says") if isinstance(group, dict) else None
        if not _is_word_list(say) or not _is_word_list(means):
            problems.append(Problem(SYNONYMS_NAME, f"[[synonyms]] number {number} needs 'patients_say' and "
                                                   "'summary_says', each a list of words or phrases"))
            continue
        targets = [p for p in (phrase_of(m) for m in means) if p]
        for key in (phrase_of(s) for s in say):
            if key:
                known = meanings.setdefault(key, [])
                known.extend(t for t in targets if t not in known and t != key)
    return SynonymTable({key: tuple(value) for key, value in meanings.items() if value}), problems


def _is_word_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)
