"""Is a word real English? Real words are never "corrected" into words of the summary.

A caregiver's "my father", "parking" or "mother" is not a typo of "later",
"taking" or "another": changing it silently answers a question nobody asked.
The word list is pyspellchecker's English frequency list (about 160,000 words,
offline, in the package); typos of medical words ("leucemia", "transplnt")
are not in it, so they are still corrected against the pack.

Parsing the package's JSON takes about 0.1 s, too long for one turn of the
window's event loop, so the sorted words are kept in the reader's cache and
later starts load them quickly (figures in bench/README.md).
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
from pathlib import Path

from reader.content import cache

#: pyspellchecker's English list: a gzipped JSON object of word -> frequency.
_PACKAGE, _RESOURCE = "spellchecker", ("resources", "en.json.gz")


def _resource() -> Path:
    spec = importlib.util.find_spec(_PACKAGE)  # found, not imported: its module is not needed
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{_PACKAGE} (pyspellchecker) is not installed")
    return Path(next(iter(spec.submodule_search_locations)), *_RESOURCE)


@functools.cache
def _words() -> list[str]:
    """The English words, sorted: from the cache when the package's list is unchanged."""
    resource = _resource()
    stamp = list(cache.stamp(resource.parent, resource.name))
    target = cache.cache_dir() / "english-words.cache"
    entry = cache.read_entry(target)
    if entry is not None and entry.get("stamp") == stamp and isinstance(entry.get("words"), list):
        return entry["words"]  # type: ignore[return-value]
    import gzip
    import json

    words = sorted(json.loads(gzip.decompress(resource.read_bytes())))
    cache.write_entry(target, {"stamp": stamp, "words": words})
    return words


def warm_up() -> None:
    """Load the word list now, so the first unknown word typed does not wait for it."""
    _words()


def is_english_word(word: str) -> bool:
    """Is word (normalised: lower case, no accents) a word of English?"""
    if not word.isalpha():
        return False
    words = _words()
    i = bisect.bisect_left(words, word)
    return i < len(words) and words[i] == word
