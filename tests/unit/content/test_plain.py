"""Plain-language companions: every citation real, nothing dropped, nothing added, grade 6 or lower."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.checking import check_pack
from reader.checking.plain_check import MAX_PLAIN_GRADE, check_companions, new_claim_words
from reader.content import load_pack
from reader.content.files import PackFiles
from reader.content.manifest import read_manifest
from reader.content.plain import read_companions
from reader.content.sentences import reviewed_sentences

CONTENT = Path(__file__).resolve().parents[3] / "content"
REVIEWED = "# A\n\nThere is no universal cure for many. Treatment may help.\n\n- a list item\n"


def pack_with(make_pack, plain: str, signed: str = ""):
    root = make_pack({"a.md": REVIEWED}, manifest_extra=f'[[plain]]\nsection = "a"\nfile = "plain/a.md"\n{signed}')
    (root / "plain").mkdir()
    (root / "plain" / "a.md").write_text(plain, encoding="utf-8")
    return root


def bundled_companions():
    """The bundled pack's companions as the loader reads them, and what is wrong with them as files."""
    return read_companions(PackFiles(CONTENT), read_manifest(CONTENT)[2])


def test_the_bundled_companions_restate_every_reviewed_sentence_at_grade_6_or_lower():
    pack = load_pack(CONTENT)
    companions, problems = bundled_companions()
    assert problems == [] and check_companions(pack) == []
    assert {c.section_id for c in companions} == {s.id for s in pack.sections if s.is_reviewed}
    from reader.checking.readability import grade

    for companion in companions:
        assert grade(companion.text) <= MAX_PLAIN_GRADE, companion.section_id
        assert not companion.signed_off, "no clinician has signed these yet: they say so"


def test_every_number_name_and_hedge_comes_from_the_sentences_cited_or_the_glossary():
    pack = load_pack(CONTENT)
    glossary = " ".join(f"{entry.term} {entry.definition}" for entry in pack.glossary)
    for companion in bundled_companions()[0]:
        sources = {s.id: s.text for s in reviewed_sentences(pack.section(companion.section_id))}
        for line in companion.lines:
            said = " ".join(sources[i] for i in line.cites)
            assert new_claim_words(line.text, said, glossary) == [], f"{companion.file}:{line.line}"


def test_reviewed_sentences_have_stable_ids_and_list_items_are_sentences(make_pack):
    section = load_pack(make_pack({"a.md": REVIEWED})).sections[0]
    assert [(s.id, s.text) for s in reviewed_sentences(section)] == [
        ("a.1", "There is no universal cure for many."), ("a.2", "Treatment may help."), ("a.3", "a list item")]


def test_a_clean_companion_passes(make_pack):
    root = pack_with(make_pack, "# A in plain words\nNo cure works for everyone yet, for many. [a.1]\n"
                                "Treatment may help. [a.2]\nA list item. [a.3]\n")
    assert check_pack(root) == []


@pytest.mark.parametrize(("plain", "expected"), [
    ("No cure works for everyone. [a.1]\nTreatment may help.\nA list item. [a.3]\n",
     "must end with the reviewed sentences it restates"),
    ("No cure works for everyone. [a.1, a.9]\nTreatment may help. [a.2]\nA list item. [a.3]\n",
     "cites a.9, which is not a sentence of 'a'"),
    ("No cure works for everyone. [a.1]\nA list item. [a.3]\n", "nothing restates a.2"),
    ("No cure works for everyone. [a.1]\nTreatment may help 80 percent of people, often. [a.2]\n"
     "A list item. [a.3]\n", "'80' is not in the sentences it cites"),
    ("The comprehensive therapeutic armamentarium, notwithstanding considerable heterogeneity, "
     "remains fundamentally inadequate internationally. [a.1, a.2, a.3]\n", "reads at grade"),
])
def test_check_fails_a_companion_that_drops_invents_or_reads_too_hard(make_pack, plain, expected):
    messages = [str(problem) for problem in check_pack(pack_with(make_pack, plain))]
    assert any(expected in message for message in messages), messages


def test_a_hedge_the_sources_lack_is_a_new_claim():
    assert new_claim_words("Treatment often helps.", "Treatment helps.") == ["often"]
    assert new_claim_words("It may help, as Dr Smith says.", "It may help.") == ["Dr", "Smith"]
    assert new_claim_words("It may help.", "It may help.") == []


@pytest.mark.parametrize("printed", [False, True], ids=["screen", "handout"])
def test_the_disclaimer_in_plain_words_follows_it_on_the_about_page_never_instead(printed):
    from reader.content.page import compose_page

    pack = load_pack(CONTENT)
    page = compose_page(pack, pack.section("about"), printed=printed)
    verbatim = page.index(pack.manifest.disclaimer)
    plain = page.index("In plain words: This is general information. It is not advice from your doctor. "
                       "Ask your care team about your own care.")
    assert verbatim < plain, "beside the verbatim disclaimer, after it"
    assert 'class="compiled">In plain words' in page, "shown as a label about the text, not searched or quoted"
