"""The reader window as a patient uses it: navigate, search, links, text size, disclaimer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.contrast import contrast_ratio
from reader.navigation import Location
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings


@pytest.fixture
def make_window(qtbot, pack, tmp_path, family):
    def make(settings_path: Path | None = None, the_pack=None, size=(1100, 780)) -> MainWindow:
        settings = Settings(settings_path or tmp_path / "settings.ini")
        window = MainWindow(the_pack or pack, settings, family, search_debounce_ms=10)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


def page_text(window: MainWindow) -> str:
    return window.reading.toPlainText()


def nav_item(window: MainWindow, title: str):
    items = window.navigator.findItems(title, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert items, title
    return items[0]


# -- navigator -----------------------------------------------------------------------------

def test_opens_at_the_first_section_with_it_selected(window):
    assert page_text(window).startswith("Is there a cure?")
    assert window.navigator.currentItem().text(0) == "Is there a cure?"
    assert window.header.review.text() == "Medically reviewed summary · Last updated 8 May 2026"


def test_clicking_a_section_shows_it(window, qtbot):
    item = nav_item(window, "Goals of treatment")
    rect = window.navigator.visualItemRect(item)
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page_text(window).startswith("Goals of treatment")
    assert "primary goal" in page_text(window)


def test_arrow_keys_move_through_sections(window, qtbot):
    window.navigator.setFocus()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)
    assert page_text(window).startswith("Goals of treatment")
    qtbot.keyClick(window.navigator, Qt.Key.Key_Up)
    assert page_text(window).startswith("Is there a cure?")


def test_enter_on_a_subsection_opens_it_and_moves_focus_to_the_text(window, qtbot):
    window.navigator.setFocus()
    window.navigator.setCurrentItem(nav_item(window, "Aggressive ATL"))
    qtbot.keyClick(window.navigator, Qt.Key.Key_Return)
    assert page_text(window).startswith("Treatment options")
    assert window.reading.hasFocus()


def test_navigator_follows_scrolling(make_window, qtbot):
    window = make_window(size=(800, 600))
    window.apply_text_scale(300)
    window.open_location(Location("treatment-options"))
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert window.navigator.currentItem().text(0) == "Treatment options"
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: window.navigator.currentItem().text(0) == "Aggressive ATL")
    bar.setValue(0)
    qtbot.waitUntil(lambda: window.navigator.currentItem().text(0) == "Treatment options")


def test_back_and_forward_with_alt_arrows(window, qtbot):
    window.open_location(Location("clinical-trials"))
    assert page_text(window).startswith("Clinical trials")
    qtbot.keyClick(window.reading, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page_text(window).startswith("Is there a cure?")
    assert window.actions_.forward.isEnabled()
    qtbot.keyClick(window.reading, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page_text(window).startswith("Clinical trials")


def test_next_link_at_the_foot_of_a_page_goes_on(window, qtbot):
    click_link_text(window, qtbot, "Next: Goals of treatment")
    assert page_text(window).startswith("Goals of treatment")


# -- links -----------------------------------------------------------------------------------

def click_link_text(window: MainWindow, qtbot, text: str) -> None:
    cursor = window.reading.document().find(text)
    assert not cursor.isNull(), text
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    window.reading.setTextCursor(middle)
    window.reading.ensureCursorVisible()
    point = window.reading.cursorRect(middle).center()
    qtbot.mouseClick(window.reading.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_web_links_show_their_address_and_never_open(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.open_location(Location("clinical-trials"))
    click_link_text(window, qtbot, "ClinicalTrials.gov")
    qtbot.waitUntil(window.notice.isVisible)
    assert "https://clinicaltrials.gov/" in window.notice.label.text()
    # A QR code to open it on a phone: a square image of dark and light modules.
    code = window.notice.code
    assert code.isVisible() and code.accessibleName() == "QR code for https://clinicaltrials.gov/"
    image = code.pixmap().toImage()
    assert image.width() == image.height() >= 100
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert colours == {"#000000", "#ffffff"}
    assert page_text(window).startswith("Clinical trials")
    assert opened == []


# -- search --------------------------------------------------------------------------------------

def type_search(window: MainWindow, qtbot, text: str) -> None:
    window.search.field.setFocus()
    qtbot.keyClicks(window.search.field, text)
    qtbot.waitUntil(lambda: window.search.results.isVisible() and window.search.status.isVisible())


def test_ctrl_f_and_slash_put_the_cursor_in_search(window, qtbot):
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Slash)
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, "a/b")
    assert window.search.field.text() == "a/b"


def test_results_update_as_you_type_and_open_with_highlights(window, qtbot):
    type_search(window, qtbot, "transplant")
    results = window.search.results
    assert results.currentItem().text().startswith("Treatment options")
    assert not window.navigator.isVisible()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert page_text(window).startswith("Treatment options")
    highlighted = [s.cursor.selectedText() for s in window.reading.extraSelections()]
    # The word typed, and the summary's own name for it (synonyms.toml), as a whole phrase:
    # "cell" alone, as in "T-cell", is not a match.
    assert highlighted == ["hematopoietic", "stem", "cell", "transplantation", "HSCT"]
    assert window.reading.hasFocus()


def test_highlights_cover_every_match_in_the_page(window, qtbot):
    window.open_location(Location("overview"))
    type_search(window, qtbot, "aggressive")
    highlighted = [s.cursor.selectedText().lower() for s in window.reading.extraSelections()]
    assert highlighted == ["aggressive", "aggressive"]


def test_escape_clears_search_results_and_highlights(window, qtbot):
    type_search(window, qtbot, "remission")
    assert window.reading.extraSelections()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    qtbot.waitUntil(window.navigator.isVisible)
    assert not window.search.results.isVisible()
    assert window.reading.extraSelections() == []


def test_no_results_says_so_and_suggests_topics(window, qtbot):
    type_search(window, qtbot, "xyzzy")
    assert "No results for “xyzzy”" in window.search.status.text()
    topics = [window.search.results.item(i).text() for i in range(window.search.results.count())]
    assert topics[:2] == ["Is there a cure?", "Goals of treatment"]
    window.search.results.setCurrentRow(4)
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert page_text(window).startswith("Clinical trials")


@pytest.mark.parametrize("text", ['"NEAR(*', "AND OR NOT", "^^^", "((("])
def test_hostile_text_in_the_search_field_is_harmless(window, qtbot, text):
    type_search(window, qtbot, text)
    assert window.search.status.text()


# -- text size -------------------------------------------------------------------------------------

def reading_px(window: MainWindow) -> int:
    return window.reading.document().defaultFont().pixelSize()


def test_text_size_buttons_show_the_percentage_and_scale_everything(window, qtbot):
    nav_before = window.navigator.font().pixelSize()
    banner_before = window.banner.label.font().pixelSize()
    qtbot.mouseClick(window.header.text_size.larger, Qt.MouseButton.LeftButton)
    assert window.header.text_size.reset.text() == "110%"
    assert reading_px(window) == 20
    assert window.navigator.font().pixelSize() > nav_before
    assert window.banner.label.font().pixelSize() > banner_before
    qtbot.mouseClick(window.header.text_size.smaller, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.header.text_size.smaller, Qt.MouseButton.LeftButton)
    assert window.header.text_size.reset.text() == "90%"
    qtbot.mouseClick(window.header.text_size.reset, Qt.MouseButton.LeftButton)
    assert reading_px(window) == 18


def test_keyboard_shortcuts_change_text_size(window, qtbot):
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.reading, Qt.Key.Key_Equal, ctrl)
    assert window.text_percent == 110
    qtbot.keyClick(window.reading, Qt.Key.Key_Minus, ctrl)
    qtbot.keyClick(window.reading, Qt.Key.Key_Minus, ctrl)
    assert window.text_percent == 90
    qtbot.keyClick(window.reading, Qt.Key.Key_0, ctrl)
    assert window.text_percent == 100


def test_ctrl_wheel_changes_text_size(window):
    viewport = window.reading.viewport()
    center = QPointF(viewport.rect().center())
    event = QWheelEvent(center, QPointF(viewport.mapToGlobal(viewport.rect().center())), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    assert window.text_percent == 110


def test_window_as_started_shows_text_first_then_everything_else(qtbot, pack, tmp_path, family):
    settings = Settings(tmp_path / "settings.ini")
    settings.text_percent = 150
    settings.last_section = "clinical-trials"
    window = MainWindow(pack, settings, family, finish_after_first_paint=True)
    qtbot.addWidget(window)
    assert page_text(window).startswith("Clinical trials"), "the first frame already has the text"
    assert window.banner.text == pack.manifest.disclaimer
    assert not hasattr(window, "navigator"), "built after the first frame"
    window.show()
    qtbot.waitUntil(lambda: hasattr(window, "navigator"))
    # Everything else arrives without the text moving or the reader's place changing.
    assert window.navigator.currentItem().text(0) == "Clinical trials"
    assert window.navigator.font().pixelSize() == window.search.font().pixelSize() > 0
    assert window.header.print_button.isEnabled() and not window.header.back.isEnabled()
    assert window.header.back.accessibleName() == "Back"
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Print…" in [action.text() for action in file_menu.actions()]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.field.hasFocus)


def test_text_size_is_limited_to_75_and_300(window):
    window.apply_text_scale(1000)
    assert window.text_percent == 300 and not window.header.text_size.larger.isEnabled()
    window.apply_text_scale(10)
    assert window.text_percent == 75 and not window.header.text_size.smaller.isEnabled()


def test_text_size_and_place_are_remembered_by_a_new_window(make_window, tmp_path):
    path = tmp_path / "remembered.ini"
    first = make_window(path)
    first.apply_text_scale(150)
    first.open_location(Location("clinical-trials"))
    first.close()
    second = make_window(path)
    assert second.text_percent == 150
    assert second.header.text_size.reset.text() == "150%"
    assert page_text(second).startswith("Clinical trials")


def test_corrupt_settings_fall_back_to_defaults(make_window, tmp_path):
    path = tmp_path / "corrupt.ini"
    path.write_bytes(b"\x00\xff[reading\ntext_percent=\xfe\xfe\nlast_section=../../etc\n=\n[[[")
    window = make_window(path)
    assert window.text_percent == 100
    assert page_text(window).startswith("Is there a cure?")


def test_out_of_range_stored_size_is_clamped(make_window, tmp_path):
    path = tmp_path / "big.ini"
    path.write_text("[reading]\ntext_percent=9000\n")
    assert make_window(path).text_percent == 300


# -- disclaimer banner ------------------------------------------------------------------------------

def shown_text(label_text: str) -> str:
    """What a rich-text label puts on screen."""
    document = QTextDocument()
    document.setHtml(label_text)
    return document.toPlainText()


def test_disclaimer_shows_markup_characters_as_written(qtbot):
    from reader.ui.banner import DisclaimerBanner

    text = "Not advice <b>for</b> you & yours; ask <your> team."
    banner = DisclaimerBanner(text)
    qtbot.addWidget(banner)
    assert shown_text(banner.label.text()) == text
    assert banner.label.accessibleName() == text == banner.text


@pytest.mark.parametrize(("percent", "size"), [(100, (800, 600)), (300, (800, 600)), (300, (1920, 1080)), (200, (1024, 768))])
def test_disclaimer_is_fully_visible_at_every_size(make_window, qtbot, pack, percent, size):
    window = make_window(size=size)
    window.apply_text_scale(percent)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    label = window.banner.label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert shown_text(label.text()) == pack.manifest.disclaimer
    assert label.isVisible() and label.wordWrap()
    top_left = label.mapTo(window, QPoint(0, 0))
    assert window.rect().contains(top_left)
    assert top_left.y() + label.height() <= window.height()
    assert window.reading.height() > 100, "the text must still have room"


def test_banner_is_read_as_the_disclaimer(window, pack):
    assert window.banner.accessibleName() == "Medical disclaimer"
    assert window.banner.accessibleDescription() == pack.manifest.disclaimer


# -- bad content, printing -----------------------------------------------------------------------------

def test_broken_sections_are_skipped_with_a_visible_notice(make_window, make_pack, family):
    from reader.content import load_pack

    root = make_pack({"good.md": "# Good\n\nReadable.", "bad.md": b"# Bad\n\n\xff\xfe"})
    window = make_window(the_pack=load_pack(root))
    assert page_text(window).startswith("Good")
    assert window.notice.isVisible()
    assert "sections/bad.md" in window.notice.label.text()


def test_print_asks_what_to_print_marking_the_current_section(window, monkeypatch):
    from reader.ui.handout_dialog import HandoutDialog

    asked = []

    def look(dialog: HandoutDialog) -> int:
        asked.append([box.text() for box in dialog.sections.values() if box.isChecked()])
        asked.append(dialog.sections["clinical-trials"].text())
        return 0

    monkeypatch.setattr(HandoutDialog, "exec", look)
    window.open_location(Location("clinical-trials"))
    window.actions_.print_.trigger()
    assert "Questions to ask your care team" not in asked[0], "aids are added on purpose"
    assert len(asked[0]) == len(window.pack.sections) - 1
    assert asked[1] == "Clinical trials (this page)"


def test_error_window_says_what_is_wrong_and_where(qtbot):
    from reader.ui.app import error_window

    window = error_window("manifest.toml is missing", "/media/usb/content")
    qtbot.addWidget(window)
    text = window.centralWidget().text()
    assert "cannot be shown" in text and "manifest.toml is missing" in text and "/media/usb/content" in text


def test_the_window_never_loads_qt_network(window, qtbot):
    import sys

    type_search(window, qtbot, "trials")
    window.open_location(Location("clinical-trials"))
    assert "PySide6.QtNetwork" not in sys.modules


def test_f1_lists_the_keyboard_shortcuts(window, monkeypatch):
    from reader.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs.InfoDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    window.actions_.shortcuts.trigger()
    assert shown and "Search" in shown[0] and "Ctrl+F" in shown[0] and "Alt+Left" in shown[0]


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


def pdf_pages(path: Path) -> list[str]:
    """Each page's text: pdftotext as the outside checks read it, else pypdf."""
    import shutil
    import subprocess

    from pypdf import PdfReader

    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        return text.split("\f")[:-1]  # a form feed ends every page
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def test_print_preview_paints_the_chosen_sections_with_safe_pages(window, monkeypatch, tmp_path, pack):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.ui import printing
    from reader.ui.handout_dialog import HandoutDialog

    def choose(dialog: HandoutDialog) -> int:
        dialog.sections["questions"].setChecked(True)
        dialog.sections["about"].setChecked(False)
        dialog.clinic.setText("Riverside Clinic")
        dialog.choose_print()
        return dialog.result()

    out = tmp_path / "printed.pdf"

    def render_preview(self) -> int:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        self.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(printing, "_printer_available", lambda: True)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", render_preview)
    window.actions_.print_.trigger()
    pages = ["".join(page.split()) for page in pdf_pages(out)]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "".join(pack.manifest.disclaimer.split()) in text
        assert f"Page{number}of{len(pages)}" in text
        assert "GiventoyoubyRiversideClinic" in text
    printed = "".join(pages)
    missing = [s.title for s in pack.sections if s.id != "about" and "".join(s.title.split()) not in printed]
    assert missing == []
    assert "Aboutthissummary" not in printed, "only the chosen sections"
    assert window.settings.clinic == "Riverside Clinic", "remembered for the next handout"


def test_without_a_printer_the_handout_is_offered_as_a_pdf(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reader.ui import printing
    from reader.ui.handout_dialog import HandoutDialog

    def choose(dialog: HandoutDialog) -> int:
        dialog.large.setChecked(True)
        dialog.choose_print()
        return dialog.result()

    offered = []
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(printing, "_printer_available", lambda: False)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: offered.append(args[2]) or QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    window.actions_.print_.trigger()
    assert "Save the handout as a PDF instead?" in offered[0]
    assert out.is_file() and "Saved" in window.notice.label.text()


def test_cancelling_a_handout_writes_nothing(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from reader.ui.handout_dialog import HandoutDialog

    def choose(dialog: HandoutDialog) -> int:
        dialog.choose_pdf()
        return dialog.result()

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    window.actions_.print_.trigger()
    assert list(tmp_path.glob("*.pdf")) == [] and not window.notice.isVisible()


def test_lines_stay_readable_on_a_wide_screen(make_window, qtbot):
    window = make_window(size=(1920, 1080))
    qtbot.waitUntil(lambda: window.reading.viewport().width() > 1200)
    longest = 0
    block = window.reading.document().begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            longest = max(longest, layout.lineAt(i).textLength())
        block = block.next()
    assert 50 <= longest <= 90, f"longest line has {longest} characters"


def test_unwritable_settings_are_explained_and_the_reader_keeps_working(make_window, tmp_path, qtbot):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    window = make_window(blocker / "settings.ini")  # its folder can never be created
    window.apply_text_scale(150)
    assert window.notice.isVisible()
    assert "cannot be saved" in window.notice.label.text()
    assert window.text_percent == 150
    assert page_text(window).startswith("Is there a cure?")


def test_a_dark_desktop_gets_the_dark_theme_with_aaa_reading_text(qapp, make_window):
    from PySide6.QtGui import QColor, QPalette

    from reader.ui.theme import DARK

    dark = QPalette(qapp.palette())
    for role, colour in ((QPalette.ColorRole.Base, "#121212"), (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Link, "#8ab4f8")):
        dark.setColor(role, QColor(colour))
    original = QPalette(qapp.palette())
    qapp.setPalette(dark)
    try:
        window = make_window()
        assert window.theme == DARK
        base = window.reading.palette().color(QPalette.ColorRole.Base).name()
        # The page's stylesheet colours are what the reader sees on that background.
        for colour in (DARK.text, DARK.link, DARK.muted):
            assert contrast_ratio(colour, base) >= 7, colour
        assert "color: #e8e8e8" in window.reading.document().defaultStyleSheet()
    finally:
        qapp.setPalette(original)


@pytest.mark.parametrize(("percent", "size"), [(100, (800, 600)), (200, (1024, 768)), (300, (800, 600)), (100, (1920, 1080))])
def test_text_never_touches_the_edge_of_the_pane(make_window, qtbot, percent, size):
    window = make_window(size=size)
    window.apply_text_scale(percent)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    layout = window.reading.document().documentLayout()
    block = window.reading.document().begin()
    left = layout.blockBoundingRect(block).left()
    right = window.reading.viewport().width() - layout.blockBoundingRect(block).right()
    assert left >= 12 and right >= 12, (left, right)


def test_a_corrupt_settings_file_is_rewritten_without_a_false_alarm(make_window, tmp_path):
    path = tmp_path / "corrupt-writable.ini"
    path.write_bytes(b"\x00\xff[reading\ntext_percent=\xfe\n[[[")
    window = make_window(path)
    window.apply_text_scale(150)
    assert not window.notice.isVisible()
    window.close()
    assert make_window(path).text_percent == 150


def test_error_window_shows_odd_paths_as_written(qtbot):
    from reader.ui.app import error_window

    window = error_window("manifest.toml is missing", "/media/<usb> & co/content")
    qtbot.addWidget(window)
    label = window.centralWidget()
    label.setTextFormat(Qt.TextFormat.RichText)
    from PySide6.QtGui import QTextDocument

    shown = QTextDocument()
    shown.setHtml(label.text())
    assert "/media/<usb> & co/content" in shown.toPlainText()


def test_search_shows_plain_definitions_marked_as_an_aid(window, qtbot):
    type_search(window, qtbot, "chemo")
    results = window.search.results
    rows = [results.item(i).text() for i in range(results.count())]
    assert rows[0] == "What the words mean. Plain-language aid, not part of the medically reviewed summary."
    assert rows[1].startswith("chemotherapy: Medicines that kill cancer cells")
    assert results.currentItem().text().startswith("Treatment options"), "the first result, not a definition"
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert page_text(window).startswith("Treatment options")
    window.search.field.clear()
    type_search(window, qtbot, "xqzv")
    qtbot.waitUntil(lambda: not results.item(0).text().startswith("What the words mean"))
    assert "No results" in window.search.status.accessibleName()
    window.search.field.clear()
    type_search(window, qtbot, "remishun")
    qtbot.waitUntil(lambda: "Did you mean: “remission”?" in window.search.status.accessibleName())


def test_a_misspelt_search_says_what_it_searched_for(window, qtbot):
    type_search(window, qtbot, "transplnt")
    assert "Showing results for “transplant”" in window.search.status.accessibleName()
    assert window.search.results.currentItem().text().startswith("Treatment options")


def test_glossary_terms_are_marked_and_open_their_definition(window, qtbot):
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWidgets import QDialog

    window.open_location(Location("treatment-options"))
    marked = []
    block = window.reading.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref().startswith("term:"):
                marked.append(fragment.text())
            it += 1
        block = block.next()
    assert "chemotherapy" in marked and "watch and wait" in marked
    assert "Aggressive ATL" not in marked, "headings are left alone"
    assert window.reading.toPlainText().count("chemotherapy") == 1, "the words themselves never change"

    seen = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen["title"] = dialog.windowTitle()
        seen["text"] = dialog.browser.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    index = [e.term for e in window.pack.glossary].index("chemotherapy")
    QTimer.singleShot(0, read_and_close)
    window.reading.anchorClicked.emit(QUrl(f"term:{index}"))
    assert seen["title"] == "chemotherapy"
    assert "Medicines that kill cancer cells" in seen["text"]
    assert "not part of the medically reviewed summary" in seen["text"]
    assert QApplication.activeModalWidget() is None


def test_f3_steps_through_the_matches_with_a_counter(window, qtbot):
    window.open_location(Location("overview"))
    type_search(window, qtbot, "aggressive")
    bar = window.match_bar
    count = window.reading.match_count
    assert count >= 1 and bar.isVisible()
    assert bar.label.text() == ("1 match on this page" if count == 1 else f"{count} matches on this page")
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert bar.label.text() == f"Match 1 of {count} on this page"
    current = [s for s in window.reading.extraSelections()
               if s.format.background().color().name() == "#ff9f1c"]
    assert [s.cursor.selectedText().lower() for s in current] == ["aggressive"]
    qtbot.mouseClick(bar.previous, Qt.MouseButton.LeftButton)
    assert bar.label.text() == f"Match {count} of {count} on this page"  # wraps round
    window.search.field.clear()
    qtbot.waitUntil(lambda: not bar.isVisible())


def test_a_long_session_keeps_the_interpreter_sound(window, qtbot):
    # PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call into a
    # Python override such as paintEvent; a kiosk would abort after some hours.
    import sys

    ids = [s.id for s in window.pack.sections]
    before = sys.getrefcount(None)
    for step in range(60):
        window.open_location(Location(ids[step % len(ids)]))
        window.apply_text_scale(110 if step % 2 else 100)
        window.reading.viewport().repaint()
    assert sys.getrefcount(None) >= before - 10


def test_a_glossary_term_opens_from_the_keyboard(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    window.open_location(Location("new-treatments"))
    window.reading.setFocus()
    opened = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            opened.append(dialog.windowTitle())
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    # Tab walks the page's links; the first marked term on this page is a glossary term.
    for _ in range(10):
        qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
        href = window.reading.textCursor().charFormat().anchorHref()
        if href.startswith("term:"):
            break
    assert href.startswith("term:")
    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(window.reading, Qt.Key.Key_Return)
    assert opened and opened[0] in {entry.term for entry in window.pack.glossary}


def test_the_notice_line_grows_with_the_text(window):
    from reader.ui.theme import Typography

    window.show_notice("Some notice")
    window.apply_text_scale(150)
    assert window.notice.label.font().pixelSize() == Typography(150).chrome > Typography(100).chrome


def test_a_pack_past_its_review_date_says_so(make_window, make_pack):
    from reader.content import load_pack

    root = make_pack({"a.md": "# A\n\nWords."})
    manifest = root / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2026-05-08", "2019-01-15"), encoding="utf-8")
    window = make_window(the_pack=load_pack(root))
    assert window.notice.isVisible()
    assert "last reviewed on 15 January 2019" in window.notice.label.text()
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
    window.apply_text_scale(150)
    assert window.text_percent == 150 and page_text(window).rstrip().endswith("The very last words.")


def test_every_page_says_what_it_is_reviewed_or_an_aid(window):
    for section in window.pack.sections:
        window.open_location(Location(section.id))
        lines = page_text(window).splitlines()
        if section.kind == "aid":
            assert "Plain-language aid, not part of the medically reviewed summary" in lines[:3], section.id
        elif section.kind == "reviewed":
            assert "Medically reviewed summary · Last updated 8 May 2026" in lines[:3], section.id


def test_the_window_has_the_app_icon_and_desktop_id(window):
    from PySide6.QtGui import QGuiApplication

    from reader.ui.app import create_app

    assert not window.windowIcon().isNull()
    create_app(["atl-reader"])  # what the entry point does to the application
    assert QGuiApplication.desktopFileName() == "atl-reader"
