"""`check` tells an editor when manifest or glossary text looks like markup or hides characters."""

from __future__ import annotations

from reader.checking import check_pack


def _manifest_with(make_pack, old: str, new: str):
    """A one-section pack whose manifest has old replaced by new."""
    root = make_pack({"a.md": "# A\n\nWords."})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return root


def test_markup_in_the_title_is_named_with_its_line(make_pack):
    root = _manifest_with(make_pack, 'title = "Test pack"', "title = \"<img src='file:///etc/passwd'>ATL\"")
    found = [str(p) for p in check_pack(root)]
    assert any(p.startswith("manifest.toml:1: 'title' looks like markup") for p in found), found


def test_a_direction_override_in_the_disclaimer_is_a_problem(make_pack):
    root = _manifest_with(make_pack, "Medical disclaimer: test.", "Medical disclaimer: this is \\u202Etset\\u202C.")
    found = [str(p) for p in check_pack(root)]
    assert any("'disclaimer' has an invisible character (U+202E)" in p and p.startswith("manifest.toml:5")
               for p in found), found


def test_markup_in_a_glossary_definition_names_the_term(make_pack):
    root = make_pack({"a.md": "# A\n\nRemission words."})
    (root / "glossary.toml").write_text(
        '[[term]]\nterm = "remission"\ndefinition = "<font color=red>Cured.</font>"\n'
        'source = "NCI"\nsource_url = "https://www.cancer.gov"\n', encoding="utf-8")
    found = [str(p) for p in check_pack(root)]
    assert any(p.startswith("glossary.toml:2: 'remission': the definition looks like markup") for p in found), found


def test_plain_words_with_brackets_and_signs_pass(make_pack):
    root = _manifest_with(make_pack, 'title = "Test pack"', 'title = "ATL (adult T-cell leukemia) < 1 page & more"')
    assert not [p for p in check_pack(root) if "markup" in p.message]


def test_markup_in_a_topic_the_summary_does_not_cover_is_a_problem(make_pack):
    root = make_pack({"a.md": "# A\n\nWords.\n\n## Questions {#questions}\n\nAsk."})
    (root / "synonyms.toml").write_text(
        '[[not_covered]]\ntopic = "<font color=red>cures</font>"\nquestions = "questions"\n'
        'patients_say = ["cure rate"]\n', encoding="utf-8")
    found = [str(p) for p in check_pack(root)]
    assert any(p.startswith("synonyms.toml: topic '<font color=red>cures</font>' looks like markup")
               for p in found), found
