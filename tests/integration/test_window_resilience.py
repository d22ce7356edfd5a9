"""The window against bad settings, broken or huge content and long sessions: a clear message, never a crash."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from conftest import ROOT
from reader.navigation import Location
from window_driver import page_text, shown_text, type_search


def test_corrupt_settings_fall_back_to_defaults(make_window, tmp_path):
    path = tmp_path / "corrupt.ini"
    path.write_bytes(b"\x00\xff[reading\ntext_percent=\xfe\xfe\nlast_section=../../etc\n=\n[[[")
    window = make_window(path)
    assert window.appearance.text_percent == 100
    assert page_text(window).startswith("Is there a cure?")


@pytest.mark.parametrize("place", ["banana", "-40", "99999999", ""])
def test_a_garbled_or_far_off_place_opens_the_section_at_a_place_it_has(make_window, tmp_path, place):
    path = tmp_path / "place.ini"
    path.write_text(f"[reading]\nlast_section=clinical-trials\nlast_place={place}\n")
    window = make_window(path)
    assert page_text(window).startswith("Clinical trials")
    assert 0 <= window.reading.verticalScrollBar().value() <= window.reading.verticalScrollBar().maximum()


def test_out_of_range_stored_size_is_clamped(make_window, tmp_path):
    path = tmp_path / "big.ini"
    path.write_text("[reading]\ntext_percent=9000\n")
    assert make_window(path).appearance.text_percent == 300


def test_a_corrupt_settings_file_is_rewritten_without_a_false_alarm(make_window, tmp_path):
    path = tmp_path / "corrupt-writable.ini"
    path.write_bytes(b"\x00\xff[reading\ntext_percent=\xfe\n[[[")
    window = make_window(path)
    window.appearance.apply_text_scale(150)
    assert not window.notice.isVisible()
    window.close()
    assert make_window(path).appearance.text_percent == 150


def test_unwritable_settings_are_explained_and_the_reader_keeps_working(make_window, tmp_path, qtbot):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    window = make_window(blocker / "settings.ini")  # its folder can never be created
    window.appearance.apply_text_scale(150)
    qtbot.waitUntil(window.notice.isVisible)  # said when the change is written, a moment later
    assert "cannot be saved" in window.notice.label.text()
    assert window.appearance.text_percent == 150
    assert page_text(window).startswith("Is there a cure?")


def test_a_linked_settings_file_is_read_but_never_written_through(make_window, tmp_path, qtbot):
    elsewhere = tmp_path / "dotfiles" / "reader.ini"
    elsewhere.parent.mkdir()
    elsewhere.write_text("[reading]\ntext_percent=120\n")
    link = tmp_path / "settings.ini"
    link.symlink_to(elsewhere)
    window = make_window(link)
    assert window.appearance.text_percent == 120
    window.appearance.apply_text_scale(150)
    qtbot.waitUntil(window.notice.isVisible)  # said when the change would be written, a moment later
    assert "cannot be saved" in window.notice.label.text()
    window.notice.hide()
    window.appearance.apply_text_scale(200)
    window.settings.save()
    assert not window.notice.isVisible(), "said once, not at every change"
    assert window.appearance.text_percent == 200, "the change lasts for this run"
    assert elsewhere.read_text() == "[reading]\ntext_percent=120\n" and link.is_symlink()


_OPEN_A_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(["atl-reader", "-platform", "offscreen"])
from reader.content import default_pack_dir, load_pack
from reader.ui.style.fonts import register_fonts
from reader.ui.window.main_window import MainWindow
from reader.ui.settings import Settings
settings = Settings(Path(sys.argv[1]))
window = MainWindow(load_pack(default_pack_dir()), settings, register_fonts())
window.show()
window.appearance.apply_text_scale(150)
settings.save()
print(window.appearance.text_percent, window.isVisible())
"""


def _device(path):
    if os.geteuid() != 0:
        pytest.skip("only root can make a device node")
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null


@pytest.mark.parametrize("kind", ["pipe", "device", "folder", "link to a pipe"])
def test_a_settings_file_that_is_not_a_file_is_ignored_and_the_window_opens(tmp_path, kind):
    path = tmp_path / "settings.ini"
    if kind == "pipe":
        os.mkfifo(path)
    elif kind == "device":
        _device(path)
    elif kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    before = os.lstat(path)
    try:  # a pipe opened for reading waits for a writer: never in the test process, and never for long
        done = subprocess.run([sys.executable, "-c", _OPEN_A_WINDOW, str(path)], cwd=ROOT, capture_output=True,
                              text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the window hung on a settings file that is a {kind}")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "150 True\n", "the window opened, and the change lasts for the run"
    warnings = [line for line in done.stderr.splitlines() if "settings" in line]
    assert warnings == [f"atl-reader: warning: settings file {path} is not an ordinary file; "
                        "using defaults, and nothing will be saved"]
    after = os.lstat(path)
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (stat.S_IFMT(before.st_mode), before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["settings.ini"] + (["pipe"] if "link" in kind else []))


def test_broken_sections_are_skipped_with_a_visible_notice(make_window, make_pack, family):
    from reader.content import load_pack

    root = make_pack({"good.md": "# Good\n\nReadable.", "bad.md": b"# Bad\n\n\xff\xfe"})
    window = make_window(the_pack=load_pack(root))
    assert page_text(window).startswith("Good")
    assert window.notice.isVisible()
    assert "sections/bad.md" in window.notice.label.text()


def test_a_pack_past_its_review_date_says_so(make_window, make_pack):
    from reader.content import load_pack

    root = make_pack({"a.md": "# A\n\nWords."})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2026-05-08", "2019-01-15"), encoding="utf-8")
    window = make_window(the_pack=load_pack(root))
    assert window.notice.isVisible()
    assert "last updated on 15 January 2019" in window.notice.label.text()
    assert "may be out of date" in window.notice.label.text()


def test_a_5_mb_section_opens_and_stays_usable(make_window, make_pack, qtbot):
    from reader.content import load_pack

    paragraph = "Patients and nurses talk about blood tests, scans and treatment in plain words. " * 10
    body = "\n\n".join(f"{paragraph} Paragraph {n}." for n in range(6200))
    root = make_pack({"big.md": f"# Big\n\n{body}\n\nThe very last words."})
    assert (root / "sections" / "big.md").stat().st_size > 5_000_000
    window = make_window(the_pack=load_pack(root))
    assert page_text(window).startswith("Big")
    bar = window.reading.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0)
    window.appearance.apply_text_scale(150)
    assert window.appearance.text_percent == 150 and page_text(window).rstrip().endswith("The very last words.")


def test_error_window_says_what_is_wrong_and_where(qtbot):
    from reader.ui.app import error_window

    window = error_window("manifest.toml is missing", "/media/usb/content")
    qtbot.addWidget(window)
    text = window.centralWidget().text()
    assert "cannot be shown" in text and "manifest.toml is missing" in text and "/media/usb/content" in text
    assert "Please tell a member of staff." in text


def test_error_window_tells_staff_how_to_list_every_problem(qtbot):
    from reader.ui.app import error_window

    window = error_window("manifest.toml is missing", "/media/usb stick/content", pack_dir="/media/usb stick/content")
    qtbot.addWidget(window)
    label = window.centralWidget()
    label.setTextFormat(Qt.TextFormat.RichText)
    assert "For staff: atl-reader check '/media/usb stick/content' lists every problem" in shown_text(label.text())


def test_error_window_shows_odd_paths_as_written(qtbot):
    from reader.ui.app import error_window

    window = error_window("manifest.toml is missing", "/media/<usb> & co/content")
    qtbot.addWidget(window)
    label = window.centralWidget()
    label.setTextFormat(Qt.TextFormat.RichText)
    assert "/media/<usb> & co/content" in shown_text(label.text())


def test_gui_entry_shows_a_full_window_message_for_a_missing_pack(qtbot, monkeypatch, tmp_path, capsys):
    import argparse

    from PySide6.QtWidgets import QApplication

    from reader.ui import app as app_module

    seen = []

    def fake_exec(*_args) -> int:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "ATL Reader"]
        seen.extend(w.centralWidget().text() for w in windows)
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    args = argparse.Namespace(content=tmp_path / "missing", kiosk=False, section=None, bench=False)
    assert app_module.run(args) == 1
    assert any("content folder not found" in text for text in seen)
    assert "content folder not found" in capsys.readouterr().err


def test_the_window_never_loads_qt_network(window, qtbot):
    import sys

    type_search(window, qtbot, "trials")
    window.navigation.open_location(Location("clinical-trials"))
    assert "PySide6.QtNetwork" not in sys.modules


def test_a_long_session_keeps_the_interpreter_sound(window, qtbot):
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call into a
    # Python override such as paintEvent; a kiosk would abort after some hours.
    import sys

    ids = [s.id for s in window.pack.sections]
    before = sys.getrefcount(None)
    for step in range(60):
        window.navigation.open_location(Location(ids[step % len(ids)]))
        window.appearance.apply_text_scale(110 if step % 2 else 100)
        window.reading.viewport().repaint()
    assert sys.getrefcount(None) >= before - 10
