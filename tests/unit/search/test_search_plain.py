"""Search in the plain-language versions: found, said to be plain words, and always after the reviewed text."""

from __future__ import annotations

import pytest

from reader.content import load_pack
from reader.content.links import PLAIN_ANCHOR
from reader.kiosk.config import KioskConfig
from reader.search import SearchIndex
from reader.search.outcome import status_lines

REVIEWED = {
    "a.md": "# Cure\n\nThere is no universal cure for ATL, an aggressive malignancy.\n",
    "b.md": "# Fast\n\nAggressive disease needs treatment. It grows fast in some people.\n",
}
PLAIN = "There is no cure that works for everyone. ATL is a cancer that grows fast. [a.1]\n"


def plain_pack(make_pack, signed: str = ""):
    root = make_pack(REVIEWED, manifest_extra=f'[[plain]]\nsection = "a"\nfile = "plain/a.md"\n{signed}')
    (root / "plain").mkdir(exist_ok=True)
    (root / "plain" / "a.md").write_text(PLAIN, encoding="utf-8")
    return load_pack(root)


def test_a_word_only_in_plain_words_finds_its_section_and_says_so(make_pack):
    result = SearchIndex(plain_pack(make_pack)).search("cancer")
    assert [(hit.section_id, hit.plain, hit.anchor) for hit in result.hits] == [("a", True, PLAIN_ANCHOR)]
    assert "cancer" in result.hits[0].snippet.text  # the snippet is the plain words, not the reviewed text
    assert status_lines(result) == ["1 section matches"]
    assert result.to_json()["sections"][0]["plain"] is True


def test_a_plain_match_ranks_below_every_reviewed_match_for_the_same_words(make_pack):
    hits = SearchIndex(plain_pack(make_pack)).search("grows fast").hits
    # "a" says "grows fast" only in plain words, "b" in its reviewed text: b first, however strong a's match
    assert [(hit.section_id, hit.plain) for hit in hits] == [("b", False), ("a", True)]
    assert hits[1].score == 0.0  # listed for where it comes, as a question for the care team is


def test_a_section_found_in_its_reviewed_text_is_not_listed_again_for_its_plain_words(make_pack):
    hits = SearchIndex(plain_pack(make_pack)).search("cure").hits
    assert [(hit.section_id, hit.plain) for hit in hits] == [("a", False)]


def test_plain_words_never_answer_a_topic_the_summary_does_not_cover(pack):
    # "better" is only in the plain overview ("live better"); the outlook is for the care team
    index = SearchIndex(pack)
    assert any(hit.plain for hit in index.search("helping").hits), "only in the plain words of the overview"
    for query in ("will I get better", "live better", "how long will I live", "better", "longer", "will it improve"):
        result = index.search(query)
        assert result.not_covered and not any(hit.plain for hit in result.hits), query


def test_a_kiosk_that_hides_unchecked_plain_words_does_not_search_them(make_pack):
    kiosk = KioskConfig(plain_unchecked=False)
    unsigned = plain_pack(make_pack)
    assert SearchIndex(kiosk.pack_shown(unsigned)).search("cancer").hits == ()
    signed = plain_pack(make_pack, 'reviewed_by = "Dr A. Example"\nreviewed_on = "2026-12-01"\n')
    assert [hit.plain for hit in SearchIndex(kiosk.pack_shown(signed)).search("cancer").hits] == [True]


@pytest.mark.parametrize("query", ["cancr", "grow fas"])
def test_plain_words_are_known_to_the_spelling_correction(make_pack, query):
    result = SearchIndex(plain_pack(make_pack)).search(query)
    assert any(hit.section_id == "a" for hit in result.hits), result.to_json()


def test_grows_fast_finds_the_aggressive_disease_before_the_slower_growing_one(pack):
    hits = SearchIndex(pack).search("grows fast").hits
    assert hits[0].anchor == "aggressive-atl", [(hit.section_id, hit.anchor) for hit in hits]
