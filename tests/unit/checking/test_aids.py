"""The plain-language aids read at grade 8 or lower and cite where their meanings come from."""

from __future__ import annotations

import pytest

from conftest import CONTENT
from reader import texts
from reader.checking.readability import MAX_AID_GRADE, grade
from reader.search.synonyms import read_synonyms


def test_the_grade_measure_tells_plain_words_from_the_reviewed_text():
    assert grade("The cat sat on the mat. It was warm.") < 3
    assert grade("Because a curative standard of care remains elusive for many, the primary goal for Adult "
                 "T-cell leukemia/lymphoma (ATL) is to achieve complete or partial remission through induction "
                 "therapy.") > 12


def test_every_glossary_definition_reads_at_grade_8_or_lower(pack):
    hard = {entry.term: round(grade(entry.definition), 1) for entry in pack.glossary
            if grade(entry.definition) > MAX_AID_GRADE}
    assert not hard


def test_every_glossary_definition_cites_a_public_reference(pack):
    assert pack.glossary
    assert all(entry.source and entry.source_url.startswith("https://") for entry in pack.glossary)


@pytest.mark.parametrize("section_id", ["questions"])
def test_the_aid_pages_read_at_grade_8_or_lower(pack, section_id):
    section = pack.section(section_id)
    assert section.kind == "aid"
    assert grade(section.full_text.replace("☐", "")) <= MAX_AID_GRADE


def test_what_search_says_of_topics_it_does_not_cover_reads_at_grade_8_or_lower():
    table = read_synonyms(CONTENT)[0]
    lines = [texts.NOT_COVERED.format(topics=gap.topic) for gap in set(table.gaps.values())]
    lines += [texts.SUBJECT_ONLY.format(words="“leukemia”"), texts.COMPILED_NOTE]
    assert all(grade(line) <= MAX_AID_GRADE for line in lines), [line for line in lines if grade(line) > 8]


def test_the_questions_page_asks_what_patients_most_need_to_ask(pack):
    ids = {sub.id for sub in pack.section("questions").subsections}
    assert {"questions-outlook", "questions-side-effects", "questions-watch-and-wait", "questions-costs",
            "questions-family", "questions-diagnosis"} <= ids
    text = pack.section("questions").full_text
    assert "second opinion" in text and "tested for HTLV-1" in text


def test_check_flags_a_definition_without_a_source(make_pack):
    from reader.checking import check_pack

    root = make_pack({"a.md": "# A\n\nA remission here."})
    (root / "glossary.toml").write_text('[[term]]\nterm = "remission"\ndefinition = "Signs go away."\n',
                                        encoding="utf-8")
    assert any("'remission' has no 'source'" in str(p) for p in check_pack(root))


def test_check_warns_about_empty_about_fields_and_hard_definitions(make_pack):
    from reader.checking import warnings

    root = make_pack({"a.md": "# A\n\nA remission here.",
                      "about.md": "# About\n\nBy {{ publisher }}; reviewed by {{ reviewed_by }}.\n"},
                     manifest_extra='publisher = "City Clinic"\n')
    manifest = (root / "manifest.toml").read_text(encoding="utf-8")
    about_entry = 'file = "sections/about.md"\n'
    (root / "manifest.toml").write_text(manifest.replace(about_entry, about_entry + 'kind = "about"\n'),
                                        encoding="utf-8")
    (root / "glossary.toml").write_text(
        '[[term]]\nterm = "remission"\nsource = "NCI"\ndefinition = "A considerable diminution of pathophysiological '
        'manifestations characteristic of malignant neoplastic proliferation."\n', encoding="utf-8")
    messages = [str(w) for w in warnings(root)]
    assert any("'reviewed_by' (who medically reviewed it) is empty" in m for m in messages)
    assert not any("'publisher'" in m for m in messages)
    assert any("'remission': the definition reads at grade" in m for m in messages)


def test_the_about_page_says_not_stated_rather_than_a_file_name(pack):
    about = pack.section("about")
    assert "Medically reviewed by: not stated" in about.text
    assert "Not covered: The outlook" in about.text
    assert "Next review: due by 8 May 2027" in about.text
    assert pack.manifest.source not in about.html and ".txt" not in about.text
