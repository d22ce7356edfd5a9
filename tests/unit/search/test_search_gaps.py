"""Questions the summary cannot answer get an honest line and the care team's questions, never a reviewed sentence."""

from __future__ import annotations

import pytest

from conftest import CONTENT
from reader.search import SearchIndex
from reader.search.outcome import status_lines
from reader.search.synonyms import read_synonyms

TABLE = read_synonyms(CONTENT)[0]
OUTLOOK = sorted(" ".join(phrase) for phrase, gap in TABLE.gaps.items() if gap.questions == "questions-outlook")
EVERY_GAP = sorted((" ".join(phrase), gap.questions) for phrase, gap in TABLE.gaps.items())


@pytest.fixture(scope="module")
def index(pack):
    return SearchIndex(pack)


def test_the_pack_has_an_outlook_topic_with_the_words_patients_use():
    assert {"prognosis", "life expectancy", "how long will i live", "survival rate", "outlook"} <= set(OUTLOOK)


@pytest.mark.parametrize("words", OUTLOOK)
def test_prognosis_words_never_open_a_reviewed_sentence(index, words):
    # "significantly improving survival outcomes" is not an answer to "how long will I live".
    for text in (words, f"{words} with atl"):
        result = index.search(text)
        assert result.hits[0].anchor == "questions-outlook"
        assert not any(hit.kind == "reviewed" and "survival" in hit.snippet.text for hit in result.hits)
        assert status_lines(result)[0].startswith("This summary does not cover the outlook")


@pytest.mark.parametrize(("words", "questions"), EVERY_GAP)
def test_every_uncovered_topic_leads_with_its_questions(index, words, questions):
    result = index.search(words)
    assert result.hits[0].section_id == "questions" and result.hits[0].anchor == questions
    assert result.answer == "none" or result.not_covered


def test_a_covered_question_beside_an_uncovered_one_still_finds_its_section(index):
    result = index.search("side effects of chemo")
    assert [hit.section_id for hit in result.hits[:2]] == ["questions", "treatment-options"]
    assert result.answer == "partial"


def test_check_names_a_topic_sent_to_questions_that_do_not_exist(make_pack):
    from reader.checking import check_pack

    root = make_pack({"a.md": "# A\n\nWords here."})
    (root / "synonyms.toml").write_text(
        'ask_instead = "nowhere"\n'
        '[[not_covered]]\ntopic = "costs"\nquestions = "missing-id"\npatients_say = ["cost"]\n',
        encoding="utf-8")
    messages = [str(problem) for problem in check_pack(root)]
    assert any("'missing-id' (for costs) is not the id" in m for m in messages)
    assert any("'nowhere'" in m for m in messages)


def test_a_malformed_topic_is_reported_and_the_rest_still_works(make_pack):
    from reader.checking import check_pack

    root = make_pack({"a.md": "# A\n\nWords here."})
    (root / "synonyms.toml").write_text('[[not_covered]]\ntopic = "costs"\n', encoding="utf-8")
    assert any("[[not_covered]] number 1 needs" in str(p) for p in check_pack(root))
