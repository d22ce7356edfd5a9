"""The English word list: real words are known, typos are not, and its cache can only speed it up."""

from __future__ import annotations

import pytest

from reader.content import cache
from reader.search import english


@pytest.fixture
def fresh_list():
    english._words.cache_clear()
    yield
    english._words.cache_clear()


@pytest.mark.parametrize(("word", "known"), [("father", True), ("parking", True), ("mom", True),
                                             ("leucemia", False), ("transplnt", False), ("kemo", False)])
def test_real_words_are_known_and_typos_of_medical_words_are_not(word, known):
    assert english.is_english_word(word) is known


@pytest.mark.usefixtures("fresh_list")
def test_the_list_is_kept_in_the_cache_and_read_back():
    words = english._words()
    entry = cache.read_entry(cache.cache_dir() / "english-words.cache")
    assert entry is not None and entry["words"] == words
    english._words.cache_clear()
    assert english._words() == words


@pytest.mark.usefixtures("fresh_list")
def test_a_damaged_cache_is_made_again():
    target = cache.cache_dir() / "english-words.cache"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"ATL-PACK garbage")
    assert english.is_english_word("father")
    assert cache.read_entry(target) is not None


@pytest.mark.usefixtures("fresh_list")
def test_an_unwritable_cache_still_knows_the_words(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocker / "cache")
    assert english.is_english_word("mother") and not english.is_english_word("remishun")
