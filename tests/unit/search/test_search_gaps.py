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


# From a fresh-eyes tester's 255 patient queries: each led with a sentence that answers something else
# (a hopeful one for "end of life"), or with nothing.
@pytest.mark.parametrize(("query", "questions"), [
    ("end of life", "questions-outlook"), ("mortality", "questions-outlook"), ("it came back", "questions-outlook"),
    ("palliative care", "questions-goals"), ("hospice", "questions-goals"),
    ("what does refractory mean", "questions-goals"),
    ("can i give it to my wife", "questions-family"), ("can i give blood", "questions-family"),
    ("how did i get this virus", "questions-family"),
    ("is it my fault", "questions-daily-life"), ("did i do something wrong", "questions-daily-life"),
    ("feeling low", "questions-daily-life"), ("carer", "questions-daily-life"), ("can i work", "questions-daily-life"),
    ("what type do i have", "questions-diagnosis"), ("which type of atl do i have", "questions-diagnosis"),
    ("what does staging mean", "questions-diagnosis"), ("how is it diagnosed", "questions-diagnosis"),
    ("graft versus host disease", "questions-side-effects"), ("flu jab", "questions-side-effects"),
    ("benefits", "questions-costs"),
    # and from a second tester's 150
    ("sharing cups and plates", "questions-family"), ("is htlv an std", "questions-family"),
    ("what happens at the end", "questions-outlook"), ("transplant risks", "questions-side-effects"),
    ("i cant stop crying", "questions-daily-life"), ("how do i tell my kids", "questions-daily-life"),
    ("flow cytometry", "questions-diagnosis"), ("strongyloides worms", "questions-side-effects"),
    # and from a third's 150, of readers often forgotten (carriers, teenagers, Portuguese speakers, mid-treatment)
    ("letter from blood bank htlv positive", "questions-family"), ("htlv from mother milk", "questions-family"),
    ("eu tenho HTLV e estou gravida", "questions-family"), ("will i get it too when im older", "questions-family"),
    ("i got it from blood transfusion", "questions-family"), ("how long in hospital for chemo", "questions-goals"),
    ("why i need blood transfusion", "questions-side-effects"), ("low white blood cells", "questions-side-effects"),
    ("tumor lysis", "questions-side-effects"), ("my dad has cancer and im 15 what do i do", "questions-daily-life"),
    # a reader who knows their type asks what comes next: not "Which type of ATL do I have?"
    ("doctor say acute type what happen now", "questions-goals"), ("what happens next", "questions-goals"),
    # and from a fourth's 150, of readers with little English or health literacy, and older carers
    ("what if chemo dont work", "questions-goals"), ("hypercalcemia", "questions-diagnosis"),
    ("white cells high", "questions-diagnosis"), ("quanto tempo de vida", "questions-outlook"),
    ("mi esposo tiene cancer que hacer", "questions-goals"), ("who can i talk to", "questions-daily-life"),
    ("my mom has atl she is 80 too old for chemo?", "questions-goals"),
    ("how to care for spouse", "questions-daily-life"), ("pneumonia", "questions-side-effects"),
    ("is it the same as hiv", "questions-family"), ("risk of developing atl", "questions-family"),
    ("mogamulizumab", "questions-goals"),
])
def test_a_patients_question_the_summary_does_not_answer_leads_with_the_right_questions(index, query, questions):
    result = index.search(query)
    assert result.hits[0].anchor == questions, [(hit.section_id, hit.anchor) for hit in result.hits]
    assert result.not_covered
    assert not any(hit.kind == "reviewed" and "survival" in hit.snippet.text for hit in result.hits)


def test_the_frame_of_a_question_is_not_what_it_is_about(index):
    # "mean" found "What does carrying HTLV-1 mean…?" for any word the summary lacks
    assert [hit.section_id for hit in index.search("what does indolent mean").hits] == ["treatment-options"]
    assert not any(hit.anchor == "questions-family" for hit in index.search("what does staging mean").hits)
    assert index.search("mean").hits, "alone, the word is looked for"


def test_the_kinds_of_atl_the_summary_names_are_found_not_called_uncovered(index):
    # It names two kinds, indolent and aggressive: "types of atl" found only "does not cover" before.
    result = index.search("types of atl")
    assert not result.not_covered
    assert {hit.anchor for hit in result.hits if hit.section_id == "treatment-options"} & {"indolent-atl",
                                                                                           "aggressive-atl"}


def test_a_patient_not_yet_treated_is_sent_to_watch_and_wait(index):
    # "why am i not getting treatment" led with the aggressive disease's intensive chemotherapy
    hits = index.search("why am i not getting treatment").hits
    assert (hits[0].section_id, hits[0].anchor) == ("treatment-options", "indolent-atl")
    assert any(hit.anchor == "questions-watch-and-wait" for hit in hits)


@pytest.mark.parametrize("query", ["why havent i heard of it", "how common is atl"])
def test_how_common_it_is_finds_that_it_is_rare_and_no_number(index, query):
    # "why havent i heard of it" got "Did you mean have?"; the summary says only that ATL is rare
    hits = index.search(query).hits
    assert hits[0].section_id == "overview" and "rare" in hits[0].snippet.text


def test_an_hiv_drug_given_for_atl_is_found_as_the_antiviral_therapy(index):
    # "why they give me HIV drug" found the plain "A transplant currently gives the best chance" on "give"
    hits = index.search("why they give me HIV drug").hits
    assert (hits[0].section_id, hits[0].anchor) == ("treatment-options", "indolent-atl")
    assert not any(hit.plain for hit in hits)
