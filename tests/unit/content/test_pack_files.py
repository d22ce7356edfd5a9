"""Special files in a pack (FIFOs, devices, links out, hidden folders, bombs): a clear problem, never a hang."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from hostile_run import run_limited as run
from reader.checking import review
from reader.content import PackError, load_pack

GOOD = "# Alpha\n\nStem cell transplant is one treatment for ATL.\n"
GLOSSARY = '[[term]]\nterm = "transplant"\ndefinition = "A treatment."\nsource = "NCI"\n'
SYNONYMS = '[[synonyms]]\npatients_say = ["bmt"]\nsummary_says = ["transplant"]\n'
TOML_FILES = ("manifest.toml", "glossary.toml", "synonyms.toml")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


def _pack(make_pack, tmp_path: Path) -> Path:
    root = make_pack({"a.md": GOOD})
    (root / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    (root / "synonyms.toml").write_text(SYNONYMS, encoding="utf-8")
    return root


def _replace(path: Path, how: str, tmp_path: Path) -> None:
    """Make path a FIFO, a link to /dev/zero, or a link to a copy of itself outside the pack."""
    old = path.read_bytes() if path.exists() else b"# Outside\n\n[mail](https://outside.example/)\n"
    path.unlink(missing_ok=True)
    if how == "fifo":
        os.mkfifo(path)
    elif how == "zero":
        path.symlink_to("/dev/zero")
    else:
        outside = tmp_path / f"outside-{path.name}"
        outside.write_bytes(old + (b"\n[mail](https://outside.example/)\n" if path.suffix == ".md" else b""))
        path.symlink_to(outside)


def _pack_with_bad_file(make_pack, tmp_path, name: str, how: str):
    """A pack whose file `name` is made a FIFO, a link to /dev/zero, or a link out of the pack (`how`)."""
    root = _pack(make_pack, tmp_path)
    if name == "sections/b.md":
        manifest = root / "manifest.toml"
        manifest.write_text(manifest.read_text() + '\n[[sections]]\nid = "b"\nfile = "sections/b.md"\n')
    _replace(root / name, how, tmp_path)
    return root


CASES = [(name, how) for name in (*TOML_FILES, "sections/b.md") for how in ("fifo", "zero", "outside")]
WHY = {"fifo": "is a FIFO", "zero": "lies outside the content pack", "outside": "lies outside the content pack"}


@pytest.mark.parametrize(("name", "how"), CASES, ids=[f"{how}-{name}" for name, how in CASES])
def test_check_names_a_special_or_outside_file_and_never_hangs(make_pack, tmp_path, name, how):
    root = _pack_with_bad_file(make_pack, tmp_path, name, how)
    done = run("check", str(root))
    assert "Traceback" not in done.stderr
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{name}: {WHY[how]}" in done.stdout + done.stderr
    assert "outside.example" not in done.stdout  # nothing outside the pack was read, not even for its links


@pytest.mark.parametrize(("name", "how"), [c for c in CASES if c[1] != "outside"],
                         ids=[f"{how}-{name}" for name, how in CASES if how != "outside"])
def test_sections_and_search_finish_with_a_clear_line(make_pack, tmp_path, name, how):
    root = _pack_with_bad_file(make_pack, tmp_path, name, how)
    for command in (["sections", "--content", str(root)], ["search", "transplant", "--content", str(root)]):
        done = run(*command)
        assert "Traceback" not in done.stderr
        if name == "manifest.toml":  # nothing to show without a manifest: one error line
            assert done.returncode == 1 and "manifest.toml" in done.stderr and WHY[how] in done.stderr
            assert len(done.stderr.strip().splitlines()) == 1
        else:
            assert done.returncode == 0, done.stderr
            assert "Alpha" in done.stdout
            if command[0] == "sections" and name != "synonyms.toml":  # search words: reported by check alone
                assert f"{name}: {WHY[how]}" in done.stderr


def test_a_fifo_cache_file_is_a_miss_not_a_hang(make_pack, tmp_path):
    from reader.content import cache

    root = make_pack({"a.md": GOOD})
    target = cache._path(root.resolve())
    target.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(target)
    done = run("sections", "--content", str(root))
    assert done.returncode == 0 and "Alpha" in done.stdout, done.stderr


def test_a_section_in_a_hidden_folder_is_never_loaded(make_pack):
    root = make_pack({"a.md": GOOD}, sections=["a.md", ".hidden/b.md"])
    (root / "sections" / ".hidden").mkdir()
    (root / "sections" / ".hidden" / "b.md").write_text("# Unsigned\n\nNever signed, never shown.\n")
    pack = load_pack(root, use_cache=False)
    assert [s.id for s in pack.sections] == ["a"]
    problems = [str(p) for p in review(root).problems]
    assert any(p.startswith("manifest.toml:") and "hidden" in p for p in problems), problems


@pytest.mark.parametrize("name", ["sections/a\\u0000.md", "sections/a\\n.md", "/etc/passwd", "sections\\\\a.md"])
def test_an_unusable_file_name_is_a_problem_on_its_manifest_line(make_pack, name):
    root = make_pack({"a.md": GOOD, "b.md": GOOD.replace("Alpha", "Beta")})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('file = "sections/b.md"', f'file = "{name}"'))
    line = manifest.read_text().splitlines().index('id = "b"')  # the [[sections]] header is the line above
    problems = review(root).problems
    assert any(p.path == "manifest.toml" and p.line == line and "section 'b'" in p.message for p in problems), problems
    assert [s.id for s in load_pack(root, use_cache=False).sections] == ["a"]


def test_an_overlong_title_is_refused_with_its_line(make_pack):
    root = make_pack({"a.md": GOOD})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('"Test pack"', '"' + "Long " * 100_000 + '"'))
    with pytest.raises(PackError) as info:
        load_pack(root, use_cache=False)
    assert info.value.problem.line == 1 and "title" in info.value.problem.message


def test_a_5_mb_manifest_is_refused_by_its_size(make_pack):
    root = make_pack({"a.md": GOOD})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('"Test pack"', '"' + "x" * 5_000_000 + '"'))
    problems = [str(p) for p in review(root).problems]
    assert len(problems) == 1 and "manifest.toml" in problems[0] and "too large (4.8 MB" in problems[0]


BOMB = "\nbomb = " + "[" * 100_000 + "\n"


@pytest.mark.parametrize("name", TOML_FILES)
def test_a_toml_nesting_bomb_is_a_problem_with_its_line(make_pack, tmp_path, name):
    root = _pack(make_pack, tmp_path)
    path = root / name
    before = path.read_text()
    path.write_text(before + BOMB)
    problems = review(root).problems
    line = before.count("\n") + 2
    assert any(p.path.endswith(name) and p.line == line and "nested" in p.message for p in problems), problems


def test_a_kiosk_file_nesting_bomb_is_reported_not_raised(tmp_path):
    from reader.kiosk.config import KioskConfig, load_kiosk_config

    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout = 60" + BOMB)
    config, problems = load_kiosk_config(path)
    assert config.idle_timeout == KioskConfig().idle_timeout and "nested too deeply" in " ".join(problems)


def test_a_20000_word_synonym_group_is_refused_quickly_with_its_line(make_pack):
    root = make_pack({"a.md": GOOD})
    words = ", ".join(f'"word{n}"' for n in range(20_000))
    (root / "synonyms.toml").write_text(f"# many\n[[synonyms]]\npatients_say = [{words}]\nsummary_says = [{words}]\n")
    done = run("check", str(root))
    assert "Traceback" not in done.stderr
    assert "synonyms.toml:2: [[synonyms]] number 1: 20,000 phrases in one list" in done.stdout, done.stdout


def test_a_glossary_term_with_thousands_of_forms_is_a_problem_with_its_line(make_pack):
    root = make_pack({"a.md": GOOD})
    forms = ", ".join(f'"form{n}"' for n in range(5_000))
    (root / "glossary.toml").write_text(
        GLOSSARY + f'\n[[term]]\nterm = "cell"\ndefinition = "A unit."\nalso = [{forms}]\n')
    pack = load_pack(root, use_cache=False)
    assert [str(p) for p in pack.problems] == [("glossary.toml:6: 'cell': 'also' may list at most 20 forms, "
                                                "each under 100 characters")]
    assert [entry.forms for entry in pack.glossary] == [("transplant",), ("cell",)]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_inside_the_pack_is_named_not_read(make_pack):
    import stat

    root = make_pack({"a.md": GOOD}, sections=["a.md", "zero.md"])
    os.mknod(root / "sections" / "zero.md", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero's numbers
    done = run("check", str(root))
    assert "Traceback" not in done.stderr and done.returncode == 1
    assert "sections/zero.md: is a character device, not a regular file" in done.stdout
