"""Signed content packs: a pinned key shows only the pack it signed, unchanged."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from conftest import ROOT
from reader.checking import check_pack
from reader.content.integrity import check_sums, make_key_pair, sign_pack, verify_pack


def test_a_signed_pack_verifies_until_anything_changes(signed, keys, tmp_path):
    assert verify_pack(signed, keys[1]) == []
    (signed / "sections" / "a.md").write_text("# A\n\nFalse words.", encoding="utf-8")
    assert [str(p) for p in verify_pack(signed, keys[1])] == ["sections/a.md: has changed since the pack was signed"]
    (signed / "sections" / "a.md").write_text("# A\n\nThe reviewed words.", encoding="utf-8")
    (signed / "sections" / "c.md").write_text("# C\n\nSlipped in.", encoding="utf-8")
    assert [str(p) for p in verify_pack(signed, keys[1])] == ["sections/c.md: was added after the pack was signed"]


def test_another_key_or_no_signature_is_refused(signed, keys, tmp_path, make_pack):
    other_private, other_public = tmp_path / "o.key", tmp_path / "o.pub"
    make_key_pair(other_private, other_public)
    assert "does not match" in str(verify_pack(signed, other_public)[0])
    sums = (signed / "SHA256SUMS").read_text(encoding="utf-8")
    (signed / "SHA256SUMS").write_text(sums.replace(sums[:4], "0000"), encoding="utf-8")  # re-listed by hand
    assert "does not match" in str(verify_pack(signed, keys[1])[0])
    unsigned = make_pack({"a.md": "# A\n\nWords."})
    for name in ("SHA256SUMS", "SIGNATURE"):
        (unsigned / name).unlink(missing_ok=True)
    assert "not signed" in str(verify_pack(unsigned, keys[1])[0])


def test_without_a_pinned_key_a_changed_file_is_reported_as_damage(signed):
    assert check_sums(signed) == [] and check_pack(signed) == []
    (signed / "sections" / "b.md").write_text("# B\n\nDamaged.", encoding="utf-8")
    assert [str(p) for p in check_pack(signed)] == ["sections/b.md: has changed since the pack was signed"]


def test_keygen_and_sign_from_the_command_line(tmp_path, make_pack):
    root = make_pack({"a.md": "# A\n\nWords."})
    main = str(ROOT / "main.py")
    done = subprocess.run([sys.executable, main, "keygen", "--out", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    key = tmp_path / "atl-reader-signing.key"
    assert key.stat().st_mode & 0o077 == 0, "the private key is readable by its owner only"
    done = subprocess.run([sys.executable, main, "sign", str(root), "--key", str(key)], capture_output=True, text=True)
    assert done.returncode == 0 and (root / "SIGNATURE").is_file()
    again = subprocess.run([sys.executable, main, "keygen", "--out", str(tmp_path)], capture_output=True, text=True)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_the_window_refuses_a_tampered_pack_under_a_pinned_key(signed, keys, qtbot, monkeypatch, capsys):
    from PySide6.QtWidgets import QApplication

    from reader.ui import app as app_module

    shown = []

    def fake_exec(*_args) -> int:
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and window.windowTitle() == "ATL Reader":
                shown.append(window.centralWidget().text())
                window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    (signed / "sections" / "a.md").write_text("# A\n\nFalse medical words.", encoding="utf-8")
    args = argparse.Namespace(content=signed, kiosk=False, section=None, bench=False, trust=keys[1])
    assert app_module.run(args) == 1
    message = shown[0]
    assert "could not be verified and is not shown" in message and "sections/a.md" in message
    assert not any("False medical words" in text for text in shown)
    assert "could not be verified" in capsys.readouterr().err


# -- writing keys and signatures: nothing readable by others, nothing written through a link ------------

def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=60)


def test_the_private_key_is_created_private_not_made_private_afterwards(tmp_path, monkeypatch):
    import os
    from pathlib import Path

    # A later chmod leaves a moment when others can open the key: with chmod doing nothing,
    # the key must still be the owner's alone, even under the loosest umask.
    monkeypatch.setattr(Path, "chmod", lambda *args, **kwargs: None)
    monkeypatch.setattr(os, "chmod", lambda *args, **kwargs: None)
    monkeypatch.setattr(os, "fchmod", lambda *args, **kwargs: None)
    old = os.umask(0)
    try:
        make_key_pair(tmp_path / "k.key", tmp_path / "k.pub")
    finally:
        os.umask(old)
    assert (tmp_path / "k.key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "k.pub").stat().st_mode & 0o777 == 0o666, "the public key follows the umask"


def test_keygen_never_writes_the_private_key_through_a_link(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (tmp_path / "atl-reader-signing.key").symlink_to(shared / "stolen.key")  # points nowhere yet
    done = cli("keygen", "--out", str(tmp_path))
    assert done.returncode == 2 and "already exists" in done.stderr
    assert list(shared.iterdir()) == [] and not (tmp_path / "atl-reader-signing.pub").exists()


def test_sign_refuses_a_folder_that_is_not_a_pack(tmp_path, keys):
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "letter.txt").write_text("Dear Dr Smith")
    done = cli("sign", str(folder), "--key", str(keys[0]))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"atl-reader: error: cannot sign {folder}: manifest.toml: is missing, so this folder is not a content pack"]
    assert sorted(p.name for p in folder.iterdir()) == ["letter.txt"]


@pytest.mark.parametrize("name", ["evil\nname.md", "tab\there.md", "bell\x07.md"])
def test_sign_refuses_a_file_name_with_a_line_break_or_control_character(make_pack, keys, name):
    root = make_pack({"a.md": "# A\n\nWords."})
    (root / "sections" / name).write_text("# Extra\n\nWords.", encoding="utf-8")
    done = cli("sign", str(root), "--key", str(keys[0]))
    shown = name.encode("unicode_escape").decode("ascii")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"atl-reader: error: cannot sign {root}: sections/{shown}: the file name has a line break or another "
        "control character; rename the file"]
    assert not (root / "SHA256SUMS").exists() and not (root / "SIGNATURE").exists()


def test_sign_replaces_a_linked_sums_file_instead_of_writing_through_it(make_pack, keys, tmp_path):
    root = make_pack({"a.md": "# A\n\nWords."})
    elsewhere = tmp_path / "notes.txt"
    elsewhere.write_text("Someone else's notes.\n")
    (root / "SHA256SUMS").symlink_to(elsewhere)
    (root / "SIGNATURE").symlink_to(elsewhere)
    assert sign_pack(root, keys[0]) == 2
    assert elsewhere.read_text() == "Someone else's notes.\n"
    assert not (root / "SHA256SUMS").is_symlink() and not (root / "SIGNATURE").is_symlink()
    assert verify_pack(root, keys[1]) == []
