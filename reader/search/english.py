"""Is a word real English? Real words are never "corrected" into words of the summary.

A caregiver's "my father", "parking" or "mother" is not a typo of "later",
"taking" or "another": changing it silently answers a question nobody asked.
The word list is pyspellchecker's English frequency list (about 160,000 words,
offline, in the package); typos of medical words ("leucemia", "transplnt")
are not in it, so they are still corrected against the pack.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker


@functools.cache
def _checker() -> SpellChecker:
    # Loaded once, on the first word the pack does not know (about 0.1 s).
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def warm_up() -> None:
    """Load the word list now, so the first unknown word typed does not wait for it."""
    _checker()


def is_english_word(word: str) -> bool:
    """Is word (normalised: lower case, no accents) a word of English?"""
    return word.isalpha() and word in _checker()
