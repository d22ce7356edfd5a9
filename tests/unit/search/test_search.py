"""Search: stemming, ranking, snippets, and no query text that can break it."""

from __future__ import annotations

import pytest

from reader.search import SearchIndex, parse_query
from reader.search.outcome import status_lines
from reader.search.query import fts_expression
from reader.search.snippets import emphasised_html, make_snippet, match_spans


@pytest.fixture(scope="module")
def index(pack):
    return SearchIndex(pack)


def top(index, text, **kwargs):
    hits = index.search(text, **kwargs).hits
    return hits[0].section_id if hits else None


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("transplants", "treatment-options"),  # stem of "transplantation"
        ("remissions", "treatment-goals"),
        ("clinical trials", "clinical-trials"),
        ("watch and wait", "treatment-options"),
        ("is there a cure", "overview"),
        ("new treatments", "new-treatments"),
        ("HTLV-1", "overview"),
        ("htlv1", "overview"),
        ("HTLV\u20111", "overview"),  # non-breaking hyphen
        ("targeted therapies", "new-treatments"),
    ],
)
def test_queries_land_on_the_right_section(index, query, section):
    assert top(index, query) == section


def test_titles_outrank_passing_mentions(index):
    hits = index.search("clinical trials").hits
    assert hits[0].section_id == "clinical-trials"
    assert hits[0].score > hits[1].score


def test_typing_matches_word_prefixes(index):
    assert top(index, "transpl", prefix=True) == "treatment-options"
    assert index.search("transpl", prefix=False).hits == ()


def test_hit_points_at_the_subsection_holding_the_match(index):
    hit = index.search("watch and wait").hits[0]
    assert hit.anchor == "indolent-atl"


@pytest.mark.parametrize("query", ["ATLL", "acute atl", "chance of carriers getting atl", "transplant", "antiviral",
                                   "chemo", "atl treatment", "slow growing", "leukemia lymphoma"])
def test_a_hit_opens_at_the_subsection_its_snippet_is_from(pack, index, query):
    # The snippet and the place a hit opens were chosen apart: "ATLL" showed the aggressive paragraph
    # and opened at "Indolent (slower-growing) ATL", a reader with aggressive ATL on "watch and wait".
    for hit in index.search(query).hits:
        section = pack.section(hit.section_id)
        if hit.kind != "reviewed" or hit.plain or not section.subsections:
            continue
        words = hit.snippet.text.strip("… ")
        part = next((f"{sub.title}\n{sub.text}" for sub in section.subsections if sub.id == hit.anchor), section.text)
        assert words in " ".join(part.split()), (query, hit.anchor, words)


@pytest.mark.parametrize(
    "query",
    ['"', '""', "'", "AND", "OR NOT", "NEAR(a b)", "*", "^", "(", ")", "a*b", "col:x", "{title}: cure",
     "cure)(", "\\", "\x00", "\ud800", "🙂", "-", "'; DROP TABLE docs; --", "x" * 5000, " ", ""],
)
def test_no_query_text_raises(index, query):
    result = index.search(query, prefix=True)
    assert result.query.text == query


def test_syntax_words_are_plain_words(index):
    assert fts_expression(parse_query("NEAR cure")) == '{title headings body} : ("near" OR "cure")'
    found = {hit.section_id for hit in index.search('cure" OR "trial').hits}
    assert {"overview", "clinical-trials"} <= found


def test_case_and_accents_never_matter(index):
    def ids(text):
        return [hit.section_id for hit in index.search(text).hits]

    assert ids("LEUKÉMIA") == ids("leukemia") != []
    assert ids("HÉMATOPOÏETIC") == ids("hematopoietic") == ["treatment-options"]


def test_stopwords_alone_find_nothing(index):
    assert index.search("what is it").hits == ()


def test_snippet_emphasises_matches_in_one_paragraph(pack):
    query = parse_query("watch wait")
    snippet = make_snippet(pack.section("treatment-options").full_text, query)
    assert "Aggressive" not in snippet.text
    emphasised = [snippet.text[a:b] for a, b in snippet.spans]
    assert emphasised == ["watch", "wait"]
    assert emphasised_html(snippet.text, snippet.spans).count("<b>") == 2


def test_match_spans_use_the_same_stemming_as_the_index():
    text = "Transplantation and transplants; TRANSPLANT."
    spans = match_spans(text, parse_query("transplant"))
    assert [text[a:b] for a, b in spans] == ["Transplantation", "transplants", "TRANSPLANT"]


def test_lay_words_and_spellings_find_the_summarys_words(index):
    result = index.search("bone marrow transplant")
    assert result.hits[0].section_id == "treatment-options"
    assert "transplantation" in result.hits[0].snippet.text


def test_misspellings_are_corrected_but_short_words_are_left_alone(index):
    assert index.parse("transplnt").corrections == (("transplnt", "transplant"),)
    assert index.parse("remision").corrections == (("remision", "remission"),)
    assert index.parse("cur").corrections == ()  # three letters: too short to guess
    assert index.parse("remissions").corrections == ()  # a known word's other form


@pytest.mark.parametrize(("typed", "corrected"),
                         [("chmo", "chemo"), ("cuer", "cure"), ("side", None), ("sick", None), ("sore", None)])
def test_a_short_word_is_corrected_for_a_slip_but_never_turned_into_another_word(index, typed, corrected):
    # "side effects of chemo" used to search for "size effects": one changed letter makes another word.
    assert index.parse(typed).corrections == (((typed, corrected),) if corrected else ())


def test_a_real_word_left_uncorrected_is_named_as_not_in_the_summary(index):
    result = index.search("my father have leukimia")
    assert result.query.corrections == (("leukimia", "leukemia"),) and result.hits
    assert result.unmentioned == ("father",)


@pytest.mark.parametrize("word", ["parking", "father", "mother", "brother", "husband", "trail", "mom"])
def test_a_word_of_english_is_never_corrected_into_a_word_of_the_summary(index, word):
    # "parking" became "taking" and "father" became "later": caregivers got unrelated pages.
    assert index.parse(word).corrections == ()
    assert index.search(word).hits == () or index.search(word).hits[0].section_id != "overview"


@pytest.mark.parametrize(("typed", "corrected"), [("leukimia", "leukemia"), ("transplnt", "transplant"),
                                                  ("imunotherapy", "immunotherapy"), ("chmo", "chemo")])
def test_typos_of_medical_words_are_still_corrected(index, typed, corrected):
    assert index.parse(typed).corrections == ((typed, corrected),)


def test_definitions_come_with_results_in_json(index):
    data = index.search("chemo").to_json()
    assert data["terms"][0]["term"] == "chemotherapy"
    assert data["terms"][0]["definition"].startswith("Medicines that kill cancer cells")
    data = index.search("xqzv").to_json()
    assert (data["query"], data["sections"], data["terms"], data["answer"]) == ("xqzv", [], [], "none")


@pytest.mark.parametrize("query", ["what are t cells", "t-cell", "what is a t lymphocyte"])
def test_a_question_about_t_cells_gets_their_definition(index, query):
    # "what are t cells" showed none: the only definition of T cells was inside the one for "ATL"
    assert [entry.term for entry in index.search(query).terms] == ["T cell"]


def test_a_broken_synonyms_file_is_reported_and_search_still_works(make_pack):
    from reader.checking import check_pack
    from reader.content import load_pack

    root = make_pack({"a.md": "# A\n\nWords here."})
    (root / "synonyms.toml").write_text('[[synonyms]]\npatients_say = "oops"\n', encoding="utf-8")
    assert any(p.path == "synonyms.toml" for p in check_pack(root))
    assert SearchIndex(load_pack(root)).search("words").hits[0].section_id == "a"


def test_a_phrase_ranks_above_scattered_words(make_pack):
    from reader.content import load_pack

    root = make_pack({
        "scattered.md": "# One\n\nLife goes on. The quality of the food is good.",
        "phrase.md": "# Two\n\nTreatment aims at quality of life for everyone here today.",
    })
    assert SearchIndex(load_pack(root)).search("quality of life").hits[0].section_id == "phrase"


def test_a_query_too_far_off_to_correct_gets_did_you_mean(index):
    result = index.search("remishun")
    assert result.hits == () and result.suggestions[0] == "remission"
    assert index.search("xqzv").suggestions == ()


@pytest.mark.parametrize("text", ["will i die", "how long do i have", "what do i do"])
def test_the_word_i_does_not_find_phase_i(index, text):
    # "Phase I and II studies" answered a frightened "will i die" with Clinical trials.
    assert "clinical-trials" not in [hit.section_id for hit in index.search(text).hits]


def test_did_you_mean_offers_one_form_of_each_word(index):
    # The summary has both "immunotherapy" and "immunotherapies": they search alike.
    assert index.search("immunothirapee").suggestions == ("immunotherapies",)


def test_a_short_word_the_summary_lacks_gets_no_far_fetched_did_you_mean(index):
    # "skin" is two letters from "kind", "suit" and "join", all in the summary: no help to a reader.
    result = index.search("skin")
    assert result.hits == () and result.suggestions == ()


@pytest.mark.parametrize("word", ["wife", "fife", "pure"])
def test_a_real_word_is_not_offered_another_a_letter_away(index, word):
    # "Did you mean life?" for "wife" (a fresh-eyes tester): a word of English is meant as typed.
    assert not any(len(s) == len(word) for s in index.search(word).suggestions)


def test_results_for_some_of_the_words_name_the_words_the_summary_does_not_mention(index):
    result = index.search("chemo for my eyes")
    assert result.hits[0].section_id == "treatment-options" and result.unmentioned == ("eyes",)
    assert result.answer == "partial"


def test_when_only_the_diseases_name_matches_the_questions_lead_and_sections_follow_in_reading_order(index, pack):
    # "ATL" is on every page, so every page "matches": none of them answers the question.
    result = index.search("does atl hurt my eyes")
    assert result.subject_only == ("atl",) and result.unmentioned == ("hurt", "eyes")
    assert result.hits[0].section_id == "questions"
    reviewed = [hit.section_id for hit in result.hits[1:]]
    assert reviewed == sorted(reviewed, key=pack.position)
    assert "Every section mentions “atl”" in " ".join(status_lines(result))


@pytest.mark.parametrize(("text", "prefix"), [
    ("atl treatment", False),  # every word is in the summary
    ("what does indolent mean", False),  # "mean" frames the question
    ("treatment optio", True),  # still being typed
    ("contagious", False),  # nothing matched: that is said as "No results"
])
def test_no_word_is_called_unmentioned_without_cause(index, text, prefix):
    assert index.search(text, prefix=prefix).unmentioned == ()


@pytest.mark.parametrize(("words", "phrase"), [
    ((), ""), (("remission",), "“remission”"), (("a", "b"), "“a” or “b”"), (("a", "b", "c"), "“a”, “b” or “c”"),
])
def test_choices_are_quoted_and_joined_with_or(words, phrase):
    from reader.texts import either_or

    assert either_or(words) == phrase


def test_lines_heard_together_are_separate_sentences():
    from reader.texts import spoken_lines

    assert spoken_lines(["7 sections match", "The summary does not mention “x”."]) == \
        "7 sections match. The summary does not mention “x”."
    assert spoken_lines(["No results for “x”.", "Try one of these topics:"]) == \
        "No results for “x”. Try one of these topics:"
    assert spoken_lines(["1 section matches"]) == "1 section matches"


def test_a_correction_is_shown_as_the_whole_query_searched(index):
    # "Showing results for “wait”" read as if the whole question had been replaced.
    assert status_lines(index.search("watch and wiat"))[0] == "Showing results for “watch and wait”."


def test_the_count_said_is_the_number_of_results_listed(index):
    result = index.search("side effects of chemo")
    assert f"{len(result.hits)} sections match" in status_lines(result)


def test_a_phrase_or_a_hyphenated_name_is_one_match_not_one_per_word(index):
    from reader.search.snippets import match_runs

    text = "treatment typically involves intensive chemotherapy regimens (such as VCAP-AMP-VECP) or, when available"
    query = index.parse("chemo")
    runs = [text[start:end] for start, end in match_runs(text, query)]
    assert "VCAP-AMP-VECP" in runs and "AMP" not in runs, "F3 never steps onto AMP alone"
    assert len(runs) == len(set(runs)) and all(" " not in run or run.startswith("chemotherapy") for run in runs)
