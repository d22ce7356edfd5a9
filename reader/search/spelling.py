"""Correcting misspelt query words against the words the pack actually uses."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from itertools import chain

from reader.search.english import is_english_word
from reader.search.tokens import stem

#: Words shorter than this are never corrected: "cat" -> "cap" would be noise.
MIN_LENGTH = 4
#: Words this long or shorter are corrected only for a missing, extra or swapped letter.
SHORT_WORD = 4


def max_edits(word: str) -> int:
    """One slip in a short word, two in a long one."""
    return 1 if len(word) <= 5 else 2


def suggestion_edits(word: str) -> int:
    """How far "Did you mean" may reach: one edit further than a correction, in long words only.

    Two edits change half of a four-letter word: "skin" would bring up "kind",
    "suit" and "join", which only confuse. A long word keeps its shape after
    three ("remishun" is still "remission").
    """
    return max_edits(word) + (1 if len(word) >= 8 else 0)


def likely_slip(typed: str, known: str) -> bool:
    """Could typed be known mistyped, rather than another word?

    In a word of four letters, one changed letter usually makes another real
    word ("side" and "size", "sick" and "tick", "sore" and "more"), and silently
    searching for it would answer a question nobody asked. A missing, extra or
    swapped letter ("chmo", "cuer") is a slip. Longer words have room for both.
    """
    return len(typed) > SHORT_WORD or len(typed) != len(known) or sorted(typed) == sorted(known)


def add_sections_using(counts: Counter[str], documents: Iterable[Iterable[str]]) -> None:
    """Add to counts how many of the documents (each a section's words) use each word."""
    counts.update(chain.from_iterable(map(set, documents)))


class Vocabulary:
    """The pack's words with how many sections use each, for picking corrections."""

    def __init__(self, sections_using: Counter[str], extra: Iterable[str] = ()) -> None:
        """sections_using: each word of the pack, with how many sections use it (see add_sections_using)."""
        counts = Counter(sections_using)
        for word in extra:
            counts[word] += 0  # known, so never corrected, but no weight of its own
        self._counts = counts
        self._choices = [word for word in counts if len(word) >= MIN_LENGTH - 1 and not word.isdigit()]
        self._stems = {stem(word) for word in counts}
        # Sorted once so a prefix test on every keystroke is a binary search, not a scan.
        self._sorted = sorted(counts)

    def knows(self, word: str) -> bool:
        """Is word, or another form of it ("remissions"), in the pack?"""
        return word in self._counts or stem(word) in self._stems

    def has_prefix(self, prefix: str) -> bool:
        """Could prefix be the start of a pack word the reader is still typing?"""
        i = bisect.bisect_left(self._sorted, prefix)
        return i < len(self._sorted) and self._sorted[i].startswith(prefix)

    def correct(self, word: str) -> str | None:
        """The closest known word to an unknown one, or None if nothing is close enough.

        A word of English is never corrected: "father" is not a typo of "later".
        """
        if is_english_word(word):
            return None
        found = [f for f in self._near(word, max_edits(word)) if likely_slip(word, f[0])]
        if not found:
            return None
        # Fewest edits, then the word most sections use, then one starting the same way.
        best = min(found, key=lambda f: (f[1], -self._counts[f[0]], f[0][0] != word[0], f[0]))
        return best[0]

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Known words a little further from an unknown one, for "Did you mean": best first.

        One form of each word: "immunotherapy" and "immunotherapies" search alike,
        so offering both would only make the reader choose between the same thing.
        """
        # A word of English ("parking") may be meant as typed: only a slip away is worth offering, and
        # not another word a letter away ("Did you mean life?" for "wife").
        english = is_english_word(word)
        found = self._near(word, 1 if english else suggestion_edits(word))
        if english:
            found = [f for f in found if likely_slip(word, f[0])]
        ranked = sorted(found, key=lambda f: (f[1], -self._counts[f[0]], f[0]))
        choices: list[str] = []
        stems: set[str] = set()
        for choice, _distance, _index in ranked:  # best first, so the best form of each word stays
            stemmed = stem(choice)
            if stemmed not in stems:
                stems.add(stemmed)
                choices.append(choice)
        return choices[:limit]

    def _near(self, word: str, edits: int) -> list[tuple[str, int, int]]:
        """Pack words within edits of an unknown word, as (word, edits, index); [] if word is known."""
        if self.knows(word) or len(word) < MIN_LENGTH or not word.isalpha():
            return []
        # Imported on the first misspelling: most searches never need it.
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        return process.extract(word, self._choices, scorer=OSA.distance, score_cutoff=edits, limit=20)
