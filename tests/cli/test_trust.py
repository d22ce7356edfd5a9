"""A pinned key vouches for everything shown: verified first, nothing read around the signature."""

from __future__ import annotations

import os

import pytest

from reader.content import cache, load_pack
from reader.content.integrity import load_verified, sign_pack, verify_pack
from reader.content.model import PackError


def _tamper_with_cache(root) -> None:
    """What a local user could do: rewrite the cached pack so it says something else."""
    load_pack(root)  # writes the cache entry
    entry = next(cache.cache_dir().glob("pack-*.cache"))
    payload = cache.read_entry(entry)
    assert payload is not None
    payload["sections"][0]["html"] = "<p>This treatment cures ATL in all patients.</p>"  # type: ignore[index]
    payload["sections"][0]["text"] = "This treatment cures ATL in all patients."  # type: ignore[index]
    assert cache.write_entry(entry, payload)


def test_under_a_pinned_key_a_rewritten_cache_is_never_shown(signed, keys):
    os.utime(signed / "sections" / "a.md", (1, 1))  # old enough to be cached
    for path in signed.rglob("*"):
        os.utime(path, (1, 1))
    _tamper_with_cache(signed)
    assert "cures ATL" in load_pack(signed).sections[0].text  # the cache is used without a key...
    pack = load_verified(signed, keys[1])
    assert pack.sections[0].text == "The reviewed words."  # ...and never with one


def test_the_window_opens_a_pinned_pack_through_verification(signed, keys):
    from reader.ui.app import _open_pack

    for path in signed.rglob("*"):
        os.utime(path, (1, 1))
    _tamper_with_cache(signed)
    assert _open_pack(signed, keys[1]).sections[0].text == "The reviewed words."


def test_an_unsigned_pack_is_refused_before_it_is_parsed(make_pack, keys):
    root = make_pack({"a.md": "# A\n\nWords."})
    (root / "manifest.toml").write_text("title = [[[[ not toml", encoding="utf-8")
    with pytest.raises(PackError) as refused:
        load_verified(root, keys[1])
    assert "not signed" in str(refused.value)  # the signature speaks first; the TOML was never read
    assert "TOML" not in str(refused.value)


def test_files_in_hidden_folders_are_neither_signed_nor_shown(make_pack, keys):
    root = make_pack({"a.md": "# A\n\nThe reviewed words."},
                     manifest_extra="", sections=["a.md"])
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        + '\n[[sections]]\nid = "extra"\nfile = ".hidden/extra.md"\n', encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "extra.md").write_text("# Extra\n\nUnsigned words.", encoding="utf-8")
    sign_pack(root, keys[0])
    assert ".hidden/extra.md" not in (root / "SHA256SUMS").read_text(encoding="utf-8")
    pack = load_verified(root, keys[1])
    assert [s.id for s in pack.sections] == ["a"]
    assert any("hidden" in p.message for p in pack.problems)


def test_a_fifo_or_an_outside_link_added_to_a_signed_pack_fails_verification_at_once(signed, keys, tmp_path):
    os.mkfifo(signed / "sections" / "pipe.md")
    (tmp_path / "outside.md").write_text("# Out\n\nWords from elsewhere.", encoding="utf-8")
    (signed / "sections" / "out.md").symlink_to(tmp_path / "outside.md")
    found = {p.path: p.message for p in verify_pack(signed, keys[1])}
    assert found == {"sections/out.md": "was added after the pack was signed",
                     "sections/pipe.md": "was added after the pack was signed"}


def test_a_listed_file_replaced_by_a_fifo_or_a_link_out_is_refused_not_read(signed, keys, tmp_path):
    (signed / "sections" / "a.md").unlink()
    os.mkfifo(signed / "sections" / "a.md")
    (tmp_path / "outside.md").write_text("# B\n\nMore words.", encoding="utf-8")
    (signed / "sections" / "b.md").unlink()
    (signed / "sections" / "b.md").symlink_to(tmp_path / "outside.md")  # same bytes, but outside the pack
    found = {p.path: p.message for p in verify_pack(signed, keys[1])}
    assert "FIFO" in found["sections/a.md"]
    assert "outside" in found["sections/b.md"]


def test_a_pack_with_a_link_out_of_it_cannot_be_signed(make_pack, keys, tmp_path):
    root = make_pack({"a.md": "# A\n\nWords."})
    (tmp_path / "secret.txt").write_text("not part of the pack", encoding="utf-8")
    (root / "sections" / "notes.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ValueError, match="sections/notes.txt lies outside the content pack"):
        sign_pack(root, keys[0])


def _kiosk_self_test(config, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--kiosk", "--config", str(config), "--self-test"],
                          capture_output=True, text=True, timeout=60, env=env)


@pytest.mark.parametrize("settings", ['trust_key = ""', "trust-key = '/etc/atl-reader/kiosk.pub'",
                                      "trust_key = '/etc/atl-reader/k.pub'\nidle_timeout = [[["])
def test_a_kiosk_whose_trust_key_cannot_be_used_shows_no_content(settings, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(settings + "\n", encoding="utf-8")
    result = _kiosk_self_test(config, tmp_path)
    assert result.returncode == 1
    assert "no content is shown" in result.stderr or "not shown" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_kiosk_settings_file_named_but_missing_fails_closed(tmp_path):
    result = _kiosk_self_test(tmp_path / "kiosk.tmol", tmp_path)
    assert result.returncode == 1
    assert "was not found" in result.stderr and "no content is shown" in result.stderr
