"""Splitting text into normalised, stemmed words, keeping where each word was.

The index, the query, snippets and in-text highlighting all use this one
tokenizer, so what is highlighted is exactly what was matched.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import Stemmer  # PyStemmer: the Snowball stemmers in C, imported in about a millisecond

# A word, optionally joined to a number by a hyphen of any kind: "HTLV-1",
# "HTLV‑1" (non-breaking hyphen) and "HTLV1" all become "htlv1".
_WORD_RE = re.compile(r"[^\W_]+(?:[-\u2010\u2011\u2012\u2013\u2212][0-9]+(?![^\W_]))?")
_HYPHENS = str.maketrans("", "", "-\u2010\u2011\u2012\u2013\u2212")
#: _WORD_RE for lower-cased ASCII text, where it can use plain character ranges.
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:-[0-9]+(?![a-z0-9]))?")

STOPWORDS = frozenset(
    ["a", "about", "after", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
     "could", "did", "do", "does", "for", "from", "had", "has", "have", "how", "if", "in", "into", "is", "it", "its",
     "me", "my", "no", "not", "of", "on", "or", "our", "so", "than", "that", "the", "their", "them", "then", "there",
     "these", "they", "this", "those", "to", "was", "we", "were", "what", "when", "where", "which", "who", "whom",
     "why", "will", "with", "would", "you", "your", "actually", "completely", "fully", "please", "really", "totally",
     "get", "go", "make",
     # words that stand in for what is asked about ("did I do something wrong" is not about "something")
     "something", "anything", "everything", "thing", "things", "someone", "anyone", "somebody", "anybody",
     "he", "she", "him", "her", "his", "us", "just", "very", "still", "some",
     "because", "many", "much", "too", "give", "gives", "given", "giving", "gave", "t",
     # Portuguese small words, from patients in Brazil, where HTLV-1 is common ("leucemia de celulas T")
     "de", "da", "das", "dos", "para", "com", "em", "um", "uma", "que", "e", "o", "tem", "meu", "minha",
     # and Spanish ones ("que es leucemia de celulas T", "mi esposo tiene cancer")
     "es", "el", "la", "los", "las", "y", "mi", "su", "se", "por", "con", "del", "al", "lo", "tiene",
     # text speak ("wat r the chances", "pls", "u can get better")
     "wat", "wats", "r", "u", "ur", "pls", "plz",
     "i", "im", "ive", "ll", "ve", "re", "s"]  # "I", and what "I'm", "I'll", "we've", "you're", "it's" leave
)
#: Words that frame a question rather than name what it is about ("what does indolent
#: mean"): searched for only when the question has nothing else ("what does staging mean"
#: found "What does carrying HTLV-1 mean…?"), and their absence is not worth saying.
FRAMING_WORDS = frozenset(["mean", "means", "meaning", "explain", "tell", "know"])

_stemmer = Stemmer.Stemmer("english")


@dataclass(slots=True)  # not frozen: snippets make thousands, and frozen init is slow
class Token:
    """One word: its normalised form and its place in the original text."""

    norm: str
    start: int
    end: int

    @property
    def stem(self) -> str:
        return stem(self.norm)


@functools.lru_cache(maxsize=65536)
def normalize(word: str) -> str:
    """Case, accents and hyphens never matter: 'Leucémie' -> 'leucemie'."""
    if word.isascii():  # nearly every word: no accents to strip, and casefold is lower
        return word.lower().translate(_HYPHENS)
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_HYPHENS)


@functools.lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    return _stemmer.stemWord(norm)


def stem_all(norms: list[str], known: dict[str, str]) -> list[str]:
    """stem() of each word, for indexing whole sections.

    known (word -> stem) is shared across one pack's sections: only words not seen
    before go to the C stemmer. A pack repeats its words, and a dict lookup is
    cheaper than the stemmer's own cache.
    """
    new = [word for word in set(norms) if word not in known]
    if new:
        known.update(zip(new, _stemmer.stemWords(new), strict=True))
    return [known[word] for word in norms]


def tokenize(text: str) -> list[Token]:
    return [Token(normalize(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """The normalised words of text, without their places (faster than tokenize)."""
    if text.isascii():
        # Lower-casing the whole text is normalising each ASCII word, without a call per word
        # (a quarter of indexing time); "-" is the only hyphen ASCII has.
        return [word.replace("-", "") if "-" in word else word for word in _ASCII_WORD_RE.findall(text.lower())]
    return [normalize(match) for match in _WORD_RE.findall(text)]

