"""Correcting misspelt query words against the words the pack actually uses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from reader.search.tokens import stem

#: Words shorter than this are never corrected: "cat" -> "cap" would be noise.
MIN_LENGTH = 4


def max_edits(word: str) -> int:
    """One slip in a short word, two in a long one."""
    return 1 if len(word) <= 5 else 2


class Vocabulary:
    """The pack's words with how many sections use each, for picking corrections."""

    def __init__(self, documents: Iterable[Iterable[str]], extra: Iterable[str] = ()) -> None:
        counts: Counter[str] = Counter()
        for words in documents:
            counts.update(set(words))
        for word in extra:
            counts[word] += 0  # known, so never corrected, but no weight of its own
        self._counts = counts
        self._choices = [word for word in counts if len(word) >= MIN_LENGTH - 1 and not word.isdigit()]
        self._stems = {stem(word) for word in counts}

    def knows(self, word: str) -> bool:
        """Is word, or another form of it ("remissions"), in the pack?"""
        return word in self._counts or stem(word) in self._stems

    def has_prefix(self, prefix: str) -> bool:
        return any(word.startswith(prefix) for word in self._counts)

    def correct(self, word: str) -> str | None:
        """The closest known word to an unknown one, or None if nothing is close enough."""
        if self.knows(word) or len(word) < MIN_LENGTH or not word.isalpha():
            return None
        # Imported on the first misspelling: most searches never need it.
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = max_edits(word)
        found = process.extract(word, self._choices, scorer=OSA.distance, score_cutoff=limit, limit=20)
        if not found:
            return None
        # Fewest edits, then the word most sections use, then one starting the same way.
        best = min(found, key=lambda f: (f[1], -self._counts[f[0]], f[0][0] != word[0], f[0]))
        return best[0]

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Known words a little further from an unknown one, for "Did you mean": best first."""
        if self.knows(word) or len(word) < MIN_LENGTH or not word.isalpha():
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = process.extract(word, self._choices, scorer=OSA.distance, score_cutoff=max_edits(word) + 1, limit=20)
        ranked = sorted(found, key=lambda f: (f[1], -self._counts[f[0]], f[0]))
        return [choice for choice, _distance, _index in ranked[:limit]]
