"""The "In plain words" box: folded until a clinician checks it, opened and folded by the reader, remembered."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from reader.content import load_pack
from reader.content.page import compose_page
from reader.kiosk.config import KioskConfig
from reader.navigation import Location
from reader.ui.kiosk.mode import KioskController

REVIEWED = "# Is there a cure?\n\nThere is no universal cure for many. Treatment may help.\n"
PLAIN = "# In plain words\nThere is no cure that works for everyone yet, for many. [a.1]\nTreatment may help. [a.2]\n"


def pack_with_companion(make_pack, signed: str = ""):
    root = make_pack({"a.md": REVIEWED, "b.md": "# B\n\nMore.\n"},
                     manifest_extra=f'[[plain]]\nsection = "a"\nfile = "plain/a.md"\n{signed}\n')
    (root / "plain").mkdir()
    (root / "plain" / "a.md").write_text(PLAIN, encoding="utf-8")
    return load_pack(root)


def test_words_no_clinician_has_checked_are_labelled_and_folded_until_the_reader_opens_them(
        make_window, make_pack, tmp_path, qtbot):
    pack = pack_with_companion(make_pack)
    window = make_window(the_pack=pack)
    text = window.reading.toPlainText()
    assert "In plain words · Plain-language version, not part of the medically reviewed summary, not yet checked " \
           "by a clinician · Show the plain words" in text
    assert "works for everyone yet" not in text, "folded: not the first words a frightened reader meets"
    window.reading.anchorClicked.emit(QUrl("plain:show"))
    qtbot.waitUntil(lambda: "works for everyone yet" in window.reading.toPlainText())
    assert "Hide the plain words" in window.reading.toPlainText()
    assert window.reading.toPlainText().index("works for everyone") < window.reading.toPlainText().index(
        "no universal cure"), "at the top, before the reviewed text"
    window.settings.save()
    again = make_window(tmp_path / "settings.ini", the_pack=pack)
    assert "works for everyone yet" in again.reading.toPlainText(), "the reader's choice is remembered"
    again.navigation.open_location(Location("b"))
    assert "In plain words" not in again.reading.toPlainText(), "a section without a companion has no box"


def test_a_checked_companion_opens_with_its_clinicians_name_and_date(make_pack):
    pack = pack_with_companion(make_pack, 'reviewed_by = "Dr A. Patel, haematologist"\nreviewed_on = "2026-11-02"')
    page = compose_page(pack, pack.home)
    assert "checked by Dr A. Patel, haematologist on 2026-11-02" in page and "works for everyone yet" in page
    assert "In plain words" not in compose_page(pack, pack.home, printed=True), "on paper only when asked for"
    printed = compose_page(pack, pack.home, printed=True, plain_open=True)
    assert "works for everyone yet" in printed and "plain:" not in printed, "paper has nothing to click"


def test_a_kiosk_can_hide_words_no_clinician_has_checked(make_pack, own, family, qtbot):
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    config = KioskConfig(plain_unchecked=False)
    window = own(MainWindow(config.pack_shown(pack_with_companion(make_pack)), Settings(None), family,
                            speech_engine="mock"))  # as run_kiosk builds it
    KioskController(window.kiosk_surface(), config, idle_ms=60_000)
    assert "In plain words" not in window.reading.toPlainText()
    window.search_controller.run_search("everyone")  # only in the plain words
    qtbot.waitUntil(lambda: window.search_controller.result is not None)
    assert window.search_controller.result.hits == ()


def test_a_search_that_finds_only_plain_words_says_so_and_opens_them_highlighted(make_window, make_pack, qtbot):
    from PySide6.QtCore import Qt

    from tests.window_driver import type_search

    window = make_window(the_pack=pack_with_companion(make_pack))
    window.navigation.open_location(Location("b"))
    type_search(window, qtbot, "everyone")  # only in the plain words
    row = window.search_panel.results.currentItem()
    assert "Found in its plain-language version, not part of the medically reviewed summary" in row.text()
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "works for everyone yet" in window.reading.toPlainText())  # folded until now
    assert window.reading.marks.count == 1 and window.match_bar.label.text() == "Match 1 of 1 on this page"
    assert "everyone" in [s.cursor.selectedText() for s in window.reading.extraSelections()]
    # the match's sentence and the reviewed sentence it restates, marked together as the caret is on it
    assert marked(window) == ["There is no cure that works for everyone yet, for many.",
                              "There is no universal cure for many."]


def tap_words(reading, qtbot, position: int) -> None:
    """A click (or a finger's tap) on the text at position, as a reader's would land, and the marks it makes."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QTextCursor

    place = QTextCursor(reading.document())
    place.setPosition(position)
    point = reading.cursorRect(place).center()
    qtbot.mouseClick(reading.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x() + 2, point.y()))
    qtbot.waitUntil(lambda: bool(reading.marks.pairs))


def marked(window) -> list[str]:
    text = window.reading.toPlainText()
    return [text[start:end] for start, end in window.reading.marks.pairs]


def test_a_plain_sentence_tapped_marks_the_reviewed_sentence_it_restates_and_the_other_way_round(
        make_window, make_pack, qtbot):
    from PySide6.QtGui import QTextCursor

    window = make_window(the_pack=pack_with_companion(make_pack))
    window.reading.anchorClicked.emit(QUrl("plain:show"))
    qtbot.waitUntil(lambda: "works for everyone yet" in window.reading.toPlainText())
    reading = window.reading
    tap_words(reading, qtbot, reading.toPlainText().index("works for everyone"))
    assert marked(window) == ["There is no cure that works for everyone yet, for many.",
                              "There is no universal cure for many."]
    pair = [s for s in reading.extraSelections() if s.cursor.selectedText() == "There is no universal cure for many."]
    assert pair and pair[0].format.underlineStyle() == pair[0].format.UnderlineStyle.DashUnderline, \
        "told apart from a search match by more than colour"
    # The caret moved to a reviewed sentence (arrow keys, a screen reader's caret): the plain words restating it
    caret = QTextCursor(reading.document())
    caret.setPosition(reading.toPlainText().rindex("Treatment may help"))
    reading.setTextCursor(caret)
    assert marked(window) == ["Treatment may help.", "Treatment may help."]
    caret.setPosition(0)  # the title: no pair
    reading.setTextCursor(caret)
    assert marked(window) == []


def test_in_a_kiosk_a_tap_marks_the_pair_though_the_text_has_no_mouse_caret(make_pack, own, family, qtbot):
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    window = own(MainWindow(pack_with_companion(make_pack), Settings(None), family, speech_engine="mock"))
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=60_000)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    kiosk.start()
    kiosk.attract.start_here()
    window.reading.anchorClicked.emit(QUrl("plain:show"))
    reading = window.reading
    qtbot.waitUntil(lambda: "works for everyone yet" in reading.toPlainText())
    tap_words(reading, qtbot, reading.toPlainText().rindex("universal cure"))
    assert marked(window) == ["There is no universal cure for many.",
                              "There is no cure that works for everyone yet, for many."]


def test_read_aloud_reads_the_plain_words_when_open_and_never_the_line_that_folds_them(make_window, make_pack, qtbot):
    from reader.ui.window.read_aloud import page_blocks

    window = make_window(the_pack=pack_with_companion(make_pack))
    folded = [block.text for block in page_blocks(window.reading.document())]
    assert not any("plain words" in text.lower() for text in folded), folded
    window.reading.anchorClicked.emit(QUrl("plain:show"))
    qtbot.waitUntil(lambda: "works for everyone yet" in window.reading.toPlainText())
    shown = [block.text for block in page_blocks(window.reading.document())]
    assert shown[1:4] == [
        "Medically reviewed summary · Last updated 8 May 2026",
        "In plain words · Plain-language version, not part of the medically reviewed summary, not yet checked by a "
        "clinician",
        "There is no cure that works for everyone yet, for many. Treatment may help."], shown


def test_at_300_percent_a_tapped_plain_sentence_brings_its_reviewed_sentence_on_screen(make_window, qtbot):
    window = make_window(size=(900, 700))
    window.appearance.apply_text_scale(300)
    reading = window.reading
    reading.anchorClicked.emit(QUrl("plain:show"))
    qtbot.waitUntil(lambda: "Right now, there is no cure" in reading.toPlainText())
    text = reading.toPlainText()
    reviewed = (text.index("Currently, there is no universal cure"), text.index("(HTLV-1).") + 9)
    assert not reading.span_in_view(*reviewed), "screens below the plain words at this size"
    reading.scroll_to_span(text.index("Right now"), text.index("Right now") + 9)
    tap_words(reading, qtbot, text.index("Right now"))
    qtbot.waitUntil(lambda: reading.span_in_view(*reviewed))
    assert reviewed in reading.marks.pairs


def test_the_about_dialog_gives_the_disclaimer_in_plain_words_after_it(pack):
    from reader.ui.widgets.dialogs import about_html

    page = about_html(pack, "About ATL Reader", "offline")
    assert page.index(pack.manifest.disclaimer) < page.index("In plain words: This is general information.")
