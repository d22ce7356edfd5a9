"""The bundled pack says what the reviewed source says: all of it, once, and nothing more."""

from __future__ import annotations

import tomllib

from conftest import CONTENT, SEED
from reader.texts import COMPILED_NOTE
from seed_text import normal, seed_statements, sentences

# The only words not taken from the source: the completion of its cut-off list,
# naming areas the source itself names elsewhere (issue 2).
ALLOWED_ADDITIONS = {
    "targeted therapies matched to the molecular profile of atl (precision medicine)",
    "immunotherapy, including combination immunotherapies",
    "novel kinase inhibitors",
}


def reviewed_text(pack) -> str:
    return "\n\n".join(s.full_text for s in pack.sections if s.is_reviewed)


def test_every_statement_of_the_source_is_in_the_reviewed_sections(pack):
    text = normal(reviewed_text(pack))
    missing = [s for s in seed_statements() if s not in text]
    assert not missing, f"statements of the source missing from the pack: {missing}"


def test_reviewed_sections_add_nothing_to_the_source(pack):
    source = normal(SEED.read_text(encoding="utf-8"))
    extra = []
    for section in pack.sections:
        if not section.is_reviewed:
            continue
        for paragraph in section.full_text.split("\n"):
            headings = {normal(sub.title) for sub in section.subsections}
            if not paragraph.strip() or normal(paragraph) in headings:
                continue
            for sentence in sentences(paragraph):
                if sentence not in source and sentence not in ALLOWED_ADDITIONS:
                    extra.append(sentence)
    assert not extra, f"sentences not in the reviewed source: {extra}"


def test_no_paragraph_appears_twice(pack):
    paragraphs = [normal(p) for s in pack.sections for p in s.full_text.split("\n\n") if p.strip()]
    duplicates = {p for p in paragraphs if paragraphs.count(p) > 1}
    assert not duplicates


def test_the_cut_off_list_is_completed_only_with_named_areas_and_marked_as_compiled(pack):
    section = pack.section("new-treatments")
    assert section.text.splitlines()[-3:] == [
        "targeted therapies matched to the molecular profile of ATL (precision medicine)",
        "immunotherapy, including combination immunotherapies",
        "novel kinase inhibitors",
    ]
    # Set apart in the aid style, on screen and on paper (both use the reading stylesheet),
    # and a label rather than text: search neither finds nor quotes it.
    assert f'<p class="compiled">{COMPILED_NOTE}</p>' in section.html
    assert section.html.index(COMPILED_NOTE) < section.html.index("<ul>"), "said before the list, not after it"
    from reader.style.stylesheet import reading_css

    assert ".compiled" in reading_css()


def test_manifest_carries_kind_date_language_source_and_verbatim_disclaimer(pack):
    manifest = tomllib.loads((CONTENT / "manifest.toml").read_text(encoding="utf-8"))
    assert manifest["kind"] == "Medically reviewed summary"
    assert str(manifest["last_updated"]) == "2026-05-08"
    assert manifest["language"] == "en"
    assert manifest["source"] == SEED.name
    last_line = SEED.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert pack.manifest.disclaimer == last_line


def test_sections_a_patient_can_navigate(pack):
    assert [s.title for s in pack.sections] == [
        "Is there a cure?",
        "Goals of treatment",
        "Treatment options",
        "New treatments being studied",
        "Clinical trials",
        "Questions to ask your care team",
        "About this summary",
    ]
    options = pack.section("treatment-options")
    assert [sub.title for sub in options.subsections] == ["Indolent (slower-growing) ATL", "Aggressive ATL"]


def test_about_states_the_review_line(pack):
    about = pack.section("about")
    assert "Medically reviewed summary · Last updated 8 May 2026" in about.text
    assert pack.manifest.disclaimer in about.text
