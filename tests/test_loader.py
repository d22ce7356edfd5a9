"""Loading packs: clear problems with file and line, and the readable rest still loads."""

from __future__ import annotations

import pytest

from reader.content import PackError, load_pack
from reader.content.check import check_pack


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(PackError, match="content folder not found"):
        load_pack(tmp_path / "nowhere")


def test_missing_manifest_is_a_clear_error(tmp_path):
    with pytest.raises(PackError, match="manifest.toml is missing"):
        load_pack(tmp_path)


def test_invalid_toml_reports_its_line(make_pack):
    root = make_pack({"a.md": "# A\n\ntext"})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text() + "\nbroken = [\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(root)
    assert info.value.problem.line is not None
    assert "invalid TOML" in str(info.value)


def test_missing_keys_are_named(make_pack):
    root = make_pack({"a.md": "# A\n\ntext"})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('language = "en"\n', ""), encoding="utf-8")
    with pytest.raises(PackError, match="language"):
        load_pack(root)


def test_bad_date_names_its_line(make_pack):
    root = make_pack({"a.md": "# A\n\ntext"})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text().replace("2026-05-08", '"last spring"'), encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(root)
    assert info.value.problem.line == 3


def test_broken_sections_are_skipped_and_reported(make_pack):
    root = make_pack(
        {"good.md": "# Good\n\nReadable.", "latin.md": b"# Bad\n\ncaf\xe9", "empty.md": "  \n"},
        sections=["good.md", "latin.md", "empty.md", "gone.md"],
    )
    pack = load_pack(root)
    assert [s.id for s in pack.sections] == ["good"]
    messages = " ".join(str(p) for p in pack.problems)
    assert "sections/latin.md:3: not UTF-8" in messages
    assert "empty.md: section file is empty" in messages
    assert "gone.md: section file is missing" in messages


def test_no_readable_section_is_an_error(make_pack):
    root = make_pack({"empty.md": ""})
    with pytest.raises(PackError, match="no readable sections"):
        load_pack(root)


def test_check_is_clean_on_the_bundled_pack(pack):
    assert check_pack(pack.root) == []


def test_check_finds_duplicates_dangling_lead_ins_and_missing_anchors(make_pack):
    para = "This paragraph is long enough to count as a real paragraph of text."
    root = make_pack({
        "a.md": f"# A\n\n{para}\n\nThings to know:\n\nNo list here.\n\nSee [x](#nowhere).",
        "b.md": f"# A\n\n{para}",
    })
    problems = [str(p) for p in check_pack(root)]
    assert any("sections/b.md:3: paragraph repeats" in p for p in problems)
    assert any("sections/a.md:5: lead-in ends with ':'" in p for p in problems)
    assert any("sections/a.md:9: link to missing anchor" in p for p in problems)
    assert any("sections/b.md:1: heading 'A'" in p for p in problems)


def test_a_cached_start_shows_exactly_what_a_fresh_render_shows(pack):
    from reader.content import cache

    fresh = load_pack(pack.root, use_cache=False)
    first = load_pack(pack.root)  # writes the cache
    assert list(cache.cache_dir().glob("pack-*.json"))
    again = load_pack(pack.root)  # reads it
    assert again.sections == fresh.sections == first.sections
    assert again.problems == fresh.problems


def test_an_edited_pack_is_never_served_from_a_stale_cache(make_pack):
    root = make_pack({"a.md": "# A\n\nFirst words."})
    assert "First words." in load_pack(root).sections[0].text
    (root / "sections" / "a.md").write_text("# A\n\nSecond words.", encoding="utf-8")
    assert "Second words." in load_pack(root).sections[0].text


def test_a_corrupt_or_unwritable_cache_is_rebuilt_or_skipped(make_pack, monkeypatch, tmp_path):
    from reader.content import cache

    root = make_pack({"a.md": "# A\n\nWords."})
    load_pack(root)
    for entry in cache.cache_dir().glob("pack-*.json"):
        entry.write_text('{"key": "x", "sections": [{"id": 1}]', encoding="utf-8")
    assert load_pack(root).sections[0].text == "Words."
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocker / "cache")
    assert load_pack(root).sections[0].text == "Words."
