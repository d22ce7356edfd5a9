"""Loading packs: clear problems with file and line, and the readable rest still loads."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.checking import check_pack
from reader.content import PackError, load_pack


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


def test_a_pack_cannot_show_files_from_outside_its_folder(make_pack, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nNot for a waiting room.")
    root = make_pack({"good.md": "# Good\n\nReadable."}, sections=["good.md", "link.md", "../../secret.md"])
    (root / "sections" / "link.md").symlink_to(secret)
    pack = load_pack(root)
    assert [s.id for s in pack.sections] == ["good"]
    assert "Not for a waiting room" not in " ".join(s.html for s in pack.sections)
    messages = " ".join(str(p) for p in pack.problems)
    assert "sections/link.md: lies outside the content pack" in messages
    assert "manifest.toml:16: section 'secret': the file name climbs out of its folder with '..'" in messages


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


def age(root: Path, seconds: float = 3600) -> None:
    """Make every file of the pack look last written `seconds` ago, as an installed pack is."""
    then = time.time() - seconds
    for path in root.rglob("*"):
        os.utime(path, (then, then))


def cache_entries() -> list[Path]:
    from reader.content import cache

    return list(cache.cache_dir().glob("pack-*.cache"))


def test_a_cached_start_shows_exactly_what_a_fresh_render_shows(make_pack):
    root = make_pack({"a.md": "# A\n\nSome *words* [here](b.md).", "b.md": "# B\n\n## Part\n\nMore."})
    age(root)
    fresh = load_pack(root, use_cache=False)
    first = load_pack(root)  # writes the cache
    assert cache_entries()
    again = load_pack(root)  # reads it
    assert again == fresh == first


def test_an_edited_pack_is_never_served_from_a_stale_cache(make_pack):
    root = make_pack({"a.md": "# A\n\nFirst words."})
    age(root)
    assert "First words." in load_pack(root).sections[0].text
    section = root / "sections" / "a.md"
    section.write_text("# A\n\nOther words.", encoding="utf-8")  # same size, written just now
    assert "Other words." in load_pack(root).sections[0].text
    old = section.stat().st_mtime
    section.write_text("# A\n\nThird words.", encoding="utf-8")
    os.utime(section, (old, old))  # same size and modification time, as a careless copy leaves it
    assert "Third words." in load_pack(root).sections[0].text


def test_files_written_moments_ago_are_not_cached(make_pack):
    # Their time stamps could still be shared by a second edit in the same clock tick.
    root = make_pack({"a.md": "# A\n\nWords."})
    assert load_pack(root).sections[0].text == "Words."
    assert not cache_entries()


def test_a_new_or_removed_section_file_is_noticed(make_pack):
    root = make_pack({"a.md": "# A\n\nWords."}, sections=["a.md", "b.md"])
    age(root)
    assert [p.message for p in load_pack(root).problems] == ["section file is missing"]
    (root / "sections" / "b.md").write_text("# B\n\nNow here.", encoding="utf-8")
    assert [s.title for s in load_pack(root).sections] == ["A", "B"]


def test_a_corrupt_or_unwritable_cache_is_rebuilt_or_skipped(make_pack, monkeypatch, tmp_path):
    from reader.content import cache

    root = make_pack({"a.md": "# A\n\nWords."})
    age(root)
    load_pack(root)
    entries = cache_entries()
    assert entries
    intact = entries[0].read_bytes()
    damaged = [
        b"",
        b'{"version": "x", "sections": [{"id": 1}]',  # not an entry at all
        intact[:len(intact) // 2],  # cut short
        intact.replace(b"Words.", b"Vords."),  # one bit flipped, in the text
    ]
    data = cache.decode_entry(intact)
    data["sections"][0]["subsections"] = [{"id": 3}]  # right version and stamps, wrong shape
    damaged.append(cache.encode_entry(data))
    for raw in damaged:
        for entry in entries:
            entry.write_bytes(raw)
        assert load_pack(root).sections[0].text == "Words."
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    monkeypatch.setattr(cache, "cache_dir", lambda: blocker / "cache")
    assert load_pack(root).sections[0].text == "Words."


def test_entries_left_by_the_older_json_cache_are_cleared_away(make_pack):
    from reader.content import cache

    root = make_pack({"a.md": "# A\n\nWords."})
    age(root)
    old = cache.cache_dir() / "pack-0badf00d.json"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text("{}", encoding="utf-8")
    load_pack(root)
    assert cache_entries() and not old.exists()


def test_glossary_terms_are_found_once_each_as_whole_words():
    from reader.content.glossary import TermFinder
    from reader.content.model import GlossaryEntry

    finder = TermFinder((GlossaryEntry("remission", "r."), GlossaryEntry("complete remission", "c."),
                         GlossaryEntry("ATL", "a.")))
    seen: set[int] = set()
    text = "ATLAS is not ATL. A complete remission, then another remission, and ATL again."
    found = [(text[start:end], index) for start, end, index in finder.find(text, seen)]
    assert found == [("ATL", 2), ("complete remission", 1), ("remission", 0)]
    assert finder.find("ATL and remission again", seen) == []  # once per page


def test_the_t_in_the_diseases_name_is_defined_and_the_virus_keeps_its_own_definition():
    from reader.content import default_pack_dir
    from reader.content.glossary import TermFinder

    pack = load_pack(default_pack_dir())
    finder = TermFinder(pack.glossary)
    text = pack.section("overview").text
    found = {text[start:end]: pack.glossary[index].term for start, end, index in finder.find(text, set())}
    assert found["T-cell"] == "T cell"
    assert found["human T-cell lymphotropic virus type 1"] == "HTLV-1"  # the longest form wins


def test_a_broken_glossary_is_reported_and_the_pack_still_opens(make_pack):
    root = make_pack({"a.md": "# A\n\nWords."})
    (root / "glossary.toml").write_text('[[term]]\nterm = "x"\n', encoding="utf-8")
    pack = load_pack(root)
    assert pack.sections[0].text == "Words." and pack.glossary == ()
    assert [str(p) for p in pack.problems] == ["glossary.toml:1: 'x' has no 'definition'"]


def test_check_reports_raw_html_unused_glossary_terms_and_an_overdue_review(make_pack):
    import datetime as dt

    from reader.checking.pack_check import _check_review_date
    from reader.content.dates import months_between

    root = make_pack({"a.md": "# A\n\nSome <b>bold</b> words and `<code>` too.\n\n<!-- a note -->\n"})
    (root / "glossary.toml").write_text('[[term]]\nterm = "zebra"\ndefinition = "A striped animal."\n',
                                        encoding="utf-8")
    found = [str(p) for p in check_pack(root)]
    assert "sections/a.md:3: raw HTML is shown as text, never run: write Markdown instead" in found
    assert "sections/a.md:5: raw HTML is shown as text, never run: write Markdown instead" in found
    assert "glossary.toml: 'zebra' is never used in the sections" in found
    pack = load_pack(root)
    assert _check_review_date(pack, dt.date(2027, 5, 7)) == []
    assert "more than 12 months ago" in str(_check_review_date(pack, dt.date(2027, 5, 8))[0])
    assert months_between(dt.date(2026, 5, 8), dt.date(2026, 6, 7)) == 0


def test_a_cache_that_cannot_be_written_whole_leaves_nothing_behind(make_pack):
    """A full disk costs the next start some speed, never a half-written file in the user's cache."""
    import os
    import resource

    from reader.content import cache

    root = make_pack({"a.md": "# A\n\n" + "Words. " * 5_000})
    for path in root.rglob("*"):
        os.utime(path, (1, 1))  # old enough to be cached
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4_000, limit[1]))  # Python ignores SIGXFSZ: writes fail with EFBIG
    try:
        load_pack(root)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
    assert list(cache.cache_dir().iterdir()) == []
    assert load_pack(root).sections[0].title == "A"


def test_a_lead_in_needs_its_list_and_a_note_about_the_list_may_come_between(make_pack):
    noted = "# A\n\nThree kinds:\n\nA note about the list.\n{: .compiled }\n\n- one\n- two\n"
    assert not [p for p in check_pack(make_pack({"a.md": noted})) if "no list follows" in str(p)]
    unlisted = "# A\n\nThree kinds:\n\nA note about the list.\n{: .compiled }\n\nNo list here.\n"
    assert [str(p) for p in check_pack(make_pack({"a.md": unlisted})) if "no list follows" in str(p)] == [
        "sections/a.md:3: lead-in ends with ':' but no list follows"]
