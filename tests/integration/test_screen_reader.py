"""What a screen reader is given to say, at the level Qt exposes: descriptions, interfaces, focus.

Orca 43 speaks a change to the focused widget's description and ignores Qt's
announcements (reader/ui/announce.py), so these tests read the descriptions the
reader sets while a screen reader is listening. The same journeys were checked with
a real Orca (see the README's "Screen readers").
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator

from reader.kiosk.config import KioskConfig
from reader.navigation import Location
from reader.ui.kiosk.mode import KioskController
from reader.ui.kiosk.screens import SAY_AGAIN_AT
from reader.ui.widgets.dialogs import InfoDialog
from window_driver import dialogs_opened, make_narrowest, tab_to_first_term, type_search


@pytest.fixture
def listening(monkeypatch):
    """A screen reader is running, on Linux: messages become the focused widget's description."""
    monkeypatch.setattr("reader.ui.announce.screen_reader_active", lambda: True)
    monkeypatch.setattr("reader.ui.announce.DESCRIBES", True)


def said_by(widget) -> str:
    return widget.accessibleDescription().rstrip("\u00a0")


def test_the_disclaimer_is_read_with_the_window_as_it_opens_and_not_again_after(window, qtbot):
    assert window.accessibleDescription() == window.pack.manifest.disclaimer
    assert window.reading.hasFocus(), "the window opens on the text, not on a button"
    qtbot.keyClick(window.reading, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.accessibleDescription() == "")


@pytest.mark.usefixtures("listening")
def test_tab_onto_a_glossary_term_says_its_words_and_link(window, qtbot):
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
    assert window.reading.tabbed_link.words() == "Show the plain words", "the box's link comes first"
    assert said_by(window.reading).startswith("Show the plain words, link")
    qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
    assert window.reading.hasFocus(), "Tab moves among the text's links first"
    term = window.reading.tabbed_link.words()
    assert said_by(window.reading) == f"{term}, link. Enter shows what it means."


def test_tab_onto_a_link_selects_no_text_so_a_screen_reader_hears_only_the_link(window, qtbot):
    # Qt's own Tab selected the link's words: Orca said "ATL unselected", "aggressive", "selected"
    # around "aggressive, link. Enter shows what it means.", at every Tab.
    selections: list[str] = []
    window.reading.selectionChanged.connect(lambda: selections.append(window.reading.textCursor().selectedText()))
    tab_to_first_term(window, qtbot)
    first = window.reading.tabbed_link.words()
    qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
    assert first and window.reading.tabbed_link.words() not in ("", first)
    assert window.reading.focused_link_rect() is not None, "the ring shows which link"
    assert selections == [] and not window.reading.textCursor().hasSelection()


def test_tab_goes_on_from_where_the_caret_was_moved(window, qtbot):
    # A blind reader arrowed down the page and pressed Tab: it went back to the page's first link.
    reading = window.reading
    reading.setFocus()
    qtbot.keyClick(reading, Qt.Key.Key_Tab)
    first = reading.tabbed_link.words()
    qtbot.keyClick(reading, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # on to the page's end
    assert reading.tabbed_link.words() == "" and reading.focused_link_rect() is None
    qtbot.keyClick(reading, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    last = reading.tabbed_link.words()
    assert last.startswith("Next:"), "the link just before the caret: the page's last"
    qtbot.keyClick(reading, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reading, Qt.Key.Key_Tab)
    assert reading.tabbed_link.words() == first


@pytest.mark.usefixtures("listening")
def test_typing_a_search_says_the_count_and_leaves_focus_in_the_field(window, qtbot):
    type_search(window, qtbot, "transplant")
    qtbot.waitUntil(lambda: "sections match" in said_by(window.search_panel.field))
    assert window.search_panel.field.hasFocus()


@pytest.mark.usefixtures("listening")
def test_a_question_the_summary_does_not_answer_is_said_so(window, qtbot):
    type_search(window, qtbot, "is ATL contagious")
    qtbot.waitUntil(lambda: said_by(window.search_panel.field).startswith("This summary does not cover"))


@pytest.mark.usefixtures("listening")
def test_f3_says_which_match_and_ctrl_equals_says_the_size(window, qtbot):
    type_search(window, qtbot, "chemotherapy")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(window.reading.hasFocus)
    first = said_by(window.reading)
    assert first.startswith("Match 1 of ") and "chemotherapy" in first.lower(), "the words, not a count alone"
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    second = said_by(window.reading)
    assert second.startswith("Match 2 of ") and "chemotherapy" in second.lower()
    assert first.split(": ", 1)[1] != second.split(": ", 1)[1], "two matches do not sound alike"
    count = window.reading.match_count
    for _ in range(count - 1):  # round from the last to the first: heard as one more match before
        qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert said_by(window.reading).startswith(f"Match 1 of {count} on this page, back at the first: ")
    qtbot.keyClick(window.reading, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert said_by(window.reading) == "Text size 110%", "not 'Reset to normal size', heard as an order"


@pytest.mark.usefixtures("listening")
def test_a_message_said_twice_is_still_a_change_and_the_widget_gets_its_own_description_back(window, qtbot):
    from reader.ui.announce import announce

    field = window.search_panel.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    own = field.accessibleDescription()
    announce(field, "2 sections match")
    first = field.accessibleDescription()
    announce(field, "2 sections match")
    assert field.accessibleDescription() != first, "the same words again still change the description"
    window.reading.setFocus()
    qtbot.waitUntil(lambda: field.accessibleDescription() == own)


def test_a_definition_is_read_as_it_opens_and_line_by_line(window, qtbot):
    entry = window.pack.glossary[0]
    dialog = InfoDialog(entry.term, f"<p>{entry.definition}</p>", window)
    assert entry.definition in dialog.accessibleDescription()
    assert dialog.browser.hasFocus() or dialog.focusWidget() is dialog.browser
    flags = dialog.browser.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard, "arrow keys move a caret that reads lines"
    dialog.deleteLater()


def test_only_sections_with_subsections_are_expanded_in_the_contents(window):
    it = QTreeWidgetItemIterator(window.navigator)
    while it.value():
        item = it.value()
        assert item.isExpanded() == bool(item.childCount()), item.text(0)
        it += 1


def test_opening_a_result_moves_focus_before_the_page_and_the_match(window, qtbot):
    order: list[str] = []
    QApplication.instance().focusChanged.connect(
        lambda _old, new: order.append("focus") if new is window.reading else None)
    window.navigation.locationChanged.connect(lambda *_: order.append("page"))
    type_search(window, qtbot, "transplant")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "page" in order)
    assert order[0] == "focus", "Orca says nothing of a focus move that follows a caret move"


@pytest.mark.usefixtures("listening")
def test_the_kiosk_prompt_says_its_question_and_time_left_and_again_near_the_end(qtbot, own, pack, family):
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    window = own(MainWindow(pack, Settings(None), family))
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=60_000, prompt_seconds=SAY_AGAIN_AT + 2,
                            tick_ms=20)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    kiosk.start()
    kiosk.ask_if_still_reading()
    keep = kiosk.prompt.keep
    assert keep.hasFocus()
    assert keep.accessibleDescription() == (f"Still reading? The screen will start again for the next person "
                                            f"in {SAY_AGAIN_AT + 2} seconds.")
    qtbot.waitUntil(lambda: f"in {SAY_AGAIN_AT} seconds" in said_by(keep))


@pytest.mark.usefixtures("listening")
def test_the_attract_screen_is_a_button_that_keeps_tab_and_starts_with_the_disclaimer(qtbot, own, pack, family):
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    window = own(MainWindow(pack, Settings(None), family))
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=60_000)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    kiosk.reset_for_next_person()
    start = kiosk.attract.start_button
    qtbot.waitUntil(start.hasFocus)
    plain = ("In plain words: This is general information. It is not advice from your doctor. Ask your care team "
             "about your own care.")
    # Why the page went away, how to start, and the disclaimer in plain words, which no control shows
    assert said_by(start) == ("The reader has started again for the next person. "
                              f"Press Enter or tap anywhere on the screen to start. {plain}"), "a listener is told why"
    choices = [start, *kiosk.attract.size_buttons, *kiosk.attract.topic_tiles]
    heard = []
    for _ in choices:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused in choices, "Tab never reaches the controls under the attract screen"
        heard.append(focused.accessibleName() or focused.text())
    assert start.hasFocus(), "and comes back round to Start"
    qtbot.keyClick(start, Qt.Key.Key_Shift)
    qtbot.keyClick(start, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.attract.isVisible() and QApplication.focusWidget() is kiosk.attract.topic_tiles[-1], \
        "Shift+Tab goes back round, and starts nothing"
    start.setFocus()
    assert heard[:3] == ["Normal: Start reading with normal text", "Large: Start reading with large text",
                         "Largest: Start reading with the largest text"]
    assert heard[3:-1] == [section.title for section in pack.sections]
    qtbot.keyClick(start, Qt.Key.Key_Return)
    qtbot.waitUntil(window.reading.hasFocus)
    assert not kiosk.attract.isVisible()
    # The page, then the disclaimer and the same in plain words: "Is there a cure?" ends its own sentence, so
    # no full stop is added.
    assert said_by(window.reading) == f"{pack.home.title} {pack.manifest.disclaimer} {plain}"
    assert window.navigation.current == Location(pack.home.id)


@pytest.mark.usefixtures("listening")
def test_the_handout_dialogs_clinic_fields_and_its_warning_are_heard(window, qtbot):
    from reader.ui.print.handout_dialog import HandoutDialog

    dialog = HandoutDialog(window.pack, window.pack.home.id, "Riverside Clinic", "", window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.clinic.setFocus()
    qtbot.waitUntil(lambda: said_by(dialog.clinic) == "Clinic name (optional), text field. Riverside Clinic")
    for box in dialog.sections.values():
        box.setChecked(False)
    dialog.choose_print()
    assert said_by(dialog.clinic) == "Tick at least one section to print."
    dialog.reject()


@pytest.mark.usefixtures("listening")
def test_a_notice_is_heard_where_focus_is_and_suggested_topics_are_not_called_results(window, qtbot):
    window.reading.setFocus()
    window.show_external_address("https://clinicaltrials.gov/")
    assert said_by(window.reading).startswith("This reader works offline, so links do not open here.")
    type_search(window, qtbot, "xqzvw")
    assert window.search_panel.results.accessibleName().startswith("Suggested topics.")
    window.search_panel.field.clear()
    type_search(window, qtbot, "transplant")
    assert window.search_panel.results.accessibleName().startswith("Search results.")


@pytest.mark.usefixtures("listening")
def test_alt_down_and_alt_up_go_from_heading_to_heading_and_say_each(window, qtbot):
    window.navigation.open_location(Location("treatment-options"))
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert said_by(window.reading) == "Heading: Indolent (slower-growing) ATL"
    assert window.reading.textCursor().block().text() == "Indolent (slower-growing) ATL", "the caret is there"
    qtbot.keyClick(window.reading, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert said_by(window.reading) == "Heading: Aggressive ATL"
    qtbot.keyClick(window.reading, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert said_by(window.reading) == "No more headings this way on this page."
    qtbot.keyClick(window.reading, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert said_by(window.reading) == "Heading: Indolent (slower-growing) ATL"
    window.navigation.open_location(Location("overview"))  # no headings under its title
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert said_by(window.reading).startswith("This page has no headings under its title.")


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_a_focused_check_box_and_a_link_in_the_text_have_a_ring_at_3_to_1(window, qtbot, theme):
    from reader.contrast import contrast_ratio
    from reader.ui.print.handout_dialog import HandoutDialog
    from reader.ui.widgets.focus_ring import FocusRing

    window.appearance.choose_theme(theme)
    focus = window.appearance.theme.focus
    dialog = HandoutDialog(window.pack, window.pack.home.id, "", "", window)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    box = next(iter(dialog.sections.values()))
    box.setFocus()
    ring = dialog.findChild(FocusRing)
    qtbot.waitUntil(lambda: ring.isVisible() and ring.geometry().contains(box.geometry().center()))
    assert ring.grab().toImage().pixelColor(1, ring.height() // 2).name() == focus
    assert contrast_ratio(focus, window.appearance.theme.window) >= 3
    dialog.reject()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
    assert window.reading.focused_link_rect() is not None, "the link reached with Tab is ringed"


@pytest.mark.usefixtures("listening")
def test_a_subsection_chosen_in_the_contents_is_where_the_caret_is_and_is_named(window, qtbot):
    item = window.navigator.findItems("Aggressive ATL", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    window.navigator.setFocus()
    window.navigator.setCurrentItem(item)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Return)
    qtbot.waitUntil(window.reading.hasFocus)
    assert window.reading.textCursor().block().text() == "Aggressive ATL", "reading on starts at the subsection"
    assert said_by(window.reading) == "Aggressive ATL"  # its section was opened as the contents moved to it


@pytest.mark.usefixtures("listening")
def test_keys_that_do_nothing_say_so(window, qtbot):
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert said_by(window.reading) == "No search yet. Press Control F to search the summary."
    qtbot.keyClick(window.reading, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert said_by(window.reading) == "Nothing to go back to."
    type_search(window, qtbot, "transplant")
    window.navigation.open_location(Location("clinical-trials"))  # a page the search does not match
    window.reading.setFocus()
    qtbot.waitUntil(window.reading.hasFocus)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert said_by(window.reading).startswith("No search matches on this page. 2 sections match: open one")
    window.search_panel.field.setFocus()
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Escape)
    assert said_by(window.search_panel.field) == "Search cleared."


def test_a_kiosk_listener_gets_longer_before_the_question_and_keeps_their_place(qtbot, own, pack, family,
                                                                                monkeypatch):
    from reader.ui.kiosk.mode import SCREEN_READER_IDLE_FACTOR
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    monkeypatch.setattr("reader.ui.kiosk.mode.screen_reader_active", lambda: True)
    window = own(MainWindow(pack, Settings(None), family))
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=40, tick_ms=20)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    kiosk.start()
    kiosk.start_reading()  # a listener presses Enter on the welcome screen: focus goes to the text
    qtbot.waitUntil(window.reading.hasFocus)
    kiosk.ask_if_still_reading()  # the first quiet spell runs out: a listener is given longer first
    assert not kiosk.prompt.isVisible()
    assert 40 + kiosk.watcher.waiting_ms == 40 * SCREEN_READER_IDLE_FACTOR, "three times as long in all"
    kiosk.ask_if_still_reading()  # and that runs out too
    assert kiosk.prompt.isVisible()
    kiosk.keep_reading()
    assert window.reading.hasFocus(), "back on the text, not on a button that was under the question"


def test_the_contents_row_sent_to_screen_readers_is_the_current_one(window, qtbot, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtGui import QAccessible

    sent: list[tuple[int, str]] = []

    def record(event) -> None:
        tree = QAccessible.queryAccessibleInterface(window.navigator)
        sent.append((event.type(), tree.child(event.child()).text(QAccessible.Text.Name)))

    fake = SimpleNamespace(isActive=lambda: True, queryAccessibleInterface=QAccessible.queryAccessibleInterface,
                           Event=QAccessible.Event, updateAccessibility=record)
    monkeypatch.setattr("reader.ui.widgets.navigator.QAccessible", fake)
    window.navigation.open_location(Location("clinical-trials"))
    window.go_to_contents()  # Alt+C
    qtbot.waitUntil(lambda: bool(sent))
    assert sent[-1] == (QAccessible.Event.Focus, "Clinical trials"), "Qt's own focus event named a row above it"
    window.navigator.setCurrentItem(window.navigator.findItems("Treatment options", Qt.MatchFlag.MatchExactly)[0])
    window.navigator.currentItem().setExpanded(False)  # Left on an open section
    qtbot.waitUntil(lambda: sent[-1][1] == "Treatment options")


@pytest.mark.usefixtures("listening")
def test_shift_tab_onto_a_term_says_what_enter_does_too_and_rings_it(window, qtbot):
    tab_to_first_term(window, qtbot)
    qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
    qtbot.keyClick(window.reading, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    term = window.reading.tabbed_link.words()
    assert said_by(window.reading) == f"{term}, link. Enter shows what it means."
    assert window.reading.focused_link_rect() is not None


def test_a_kiosk_keeps_a_keyboard_caret_in_the_text_for_screen_readers(qtbot, own, pack, family):
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    window = own(MainWindow(pack, Settings(None), family))
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=60_000)
    kiosk.start()
    flags = window.reading.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard, "the arrow keys read line by line"
    assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse, "a finger cannot drag text out"


def test_a_result_titled_with_a_question_is_not_given_a_full_stop_too(window, qtbot):
    type_search(window, qtbot, "is there a cure")
    results = window.search_panel.results
    spoken = [results.item(row).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(results.count())]
    assert any(text.startswith("Is there a cure? ") for text in spoken), spoken
    assert not any("?." in text for text in spoken)


@pytest.mark.parametrize("theme", ["light", "dark", "contrast"])
def test_a_definition_at_300_percent_opens_beside_its_term_below_the_disclaimer_at_the_reading_size(
        window, qtbot, monkeypatch, theme):
    from PySide6.QtCore import QPoint, QRect

    from reader.style.type_sizes import Typography

    window.resize(1280, 800)
    window.appearance.choose_theme(theme)
    window.appearance.apply_text_scale(300)
    shown = dialogs_opened(monkeypatch, qtbot)
    tab_to_first_term(window, qtbot)
    link = window.reading.focused_link_rect()
    term = QRect(window.reading.viewport().mapToGlobal(link.topLeft()), link.size())
    qtbot.keyClick(window.reading, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    dialog = shown[0]
    box = dialog.frameGeometry()
    banner_bottom = window.banner.mapToGlobal(QPoint(0, window.banner.height())).y()
    assert box.top() >= banner_bottom, "the disclaimer is never covered"
    assert not box.intersects(term), "nor is the word that was chosen"
    assert dialog.browser.font().pixelSize() == Typography(300).reading, "at the reading size"
    browser = dialog.browser
    assert browser.document().size().height() >= browser.viewport().height() * 0.9, "no half-empty box"
    # Its label is seen before the definition, not below the fold of a small box at 300 %.
    label = browser.document().find("not part of the medically reviewed summary")
    assert browser.cursorRect(label).bottom() <= browser.viewport().height(), "the label is in view as it opens"
    # And the box has an edge in the theme's border colour: in high contrast it was black on the black page.
    from reader.contrast import contrast_ratio

    image = dialog.grab().toImage()
    edge = image.pixelColor(1, image.height() // 2).name()
    assert contrast_ratio(edge, window.appearance.theme.window) >= 3
    dialog.reject()


def test_at_normal_size_a_definition_is_sized_to_its_whole_text(window, qtbot, monkeypatch):
    shown: list[InfoDialog] = []
    monkeypatch.setattr(InfoDialog, "exec", lambda dialog: shown.append(dialog) or dialog.show() or 0)
    tab_to_first_term(window, qtbot)
    qtbot.keyClick(window.reading, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown) and shown[0].isVisible())
    browser = shown[0].browser
    assert browser.verticalScrollBar().maximum() == 0, "all of it, without scrolling"
    assert browser.document().size().height() >= browser.viewport().height() * 0.6, "and not half empty"
    shown[0].reject()


@pytest.mark.usefixtures("listening")
def test_in_the_contents_a_message_is_a_notification_as_orca_speaks_it_wherever_focus_is(window, qtbot, monkeypatch):
    from PySide6.QtGui import QAccessible

    from reader.ui.spoken_notice import SpokenNotice

    monkeypatch.setattr("reader.ui.spoken_notice.SHOWN_MS", 200)
    window.go_to_contents()
    qtbot.waitUntil(window.navigator.hasFocus)
    own = window.navigator.accessibleDescription()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    notice = window.findChild(SpokenNotice)
    assert notice is not None and notice.isVisible(), "a row's description is the model's: the tree's is not heard"
    assert notice.accessibleName() == "Text size 110%"
    assert QAccessible.queryAccessibleInterface(notice).role() == QAccessible.Role.Notification
    assert window.navigator.accessibleDescription() == own
    assert notice.width() <= 1 and notice.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents), \
        "unseen, and never in the way of a tap"
    qtbot.keyClick(window.navigator, Qt.Key.Key_F3)
    assert notice.accessibleName() == "No search yet. Press Control F to search the summary."
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)  # opens the next section, which its row names already
    assert notice.accessibleName() == "No search yet. Press Control F to search the summary.", "said once, not twice"
    qtbot.waitUntil(lambda: not notice.isVisible())  # and gone from the tree again


def test_with_no_room_beside_its_term_a_definition_opens_below_the_disclaimer_with_lines_to_read(
        window, qtbot, monkeypatch):
    from window_driver import dialogs_opened, make_narrowest

    window.appearance.apply_text_scale(300)
    make_narrowest(window, qtbot, 700)
    shown = dialogs_opened(monkeypatch, qtbot)
    tab_to_first_term(window, qtbot)  # the first term, near the top: little room above or below
    qtbot.keyClick(window.reading, Qt.Key.Key_Return)
    dialog = shown[0]
    banner_bottom = window.banner.mapToGlobal(window.banner.rect().bottomLeft()).y()
    assert dialog.geometry().top() - 32 > banner_bottom, "never over the disclaimer"
    lines = dialog.browser.viewport().height() / dialog.browser.fontMetrics().lineSpacing()
    assert lines >= 3.5, f"only {lines:.1f} lines of the definition show (there were 1.5)"
    dialog.close()


@pytest.mark.usefixtures("listening")
def test_alt_p_takes_the_caret_from_plain_words_to_what_they_restate_and_says_it(window, qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextCursor

    reading = window.reading
    reading.setFocus()
    qtbot.keyClick(reading, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # folded: nothing to compare yet
    assert said_by(reading).startswith("The plain words are folded away: open them with Show the plain words")
    reading.anchorClicked.emit(QUrl("plain:show"))
    qtbot.waitUntil(lambda: "Right now, there is no cure" in reading.toPlainText())
    assert said_by(reading).startswith("The plain words are shown at the top of the section, in a box: a "
                                       "plain-language version, not part of the medically reviewed summary.")
    caret = QTextCursor(reading.document())
    caret.setPosition(reading.toPlainText().index("A virus called HTLV-1"))  # plain words, citing overview.1
    reading.setTextCursor(caret)
    qtbot.keyClick(reading, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert said_by(reading).startswith("Reviewed text: Currently, there is no universal cure for Adult T-cell")
    assert reading.toPlainText()[reading.textCursor().position():].startswith("Currently, there is no universal")
    qtbot.keyClick(reading, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # and back to where it came from
    assert said_by(reading) == "In plain words: A virus called HTLV-1 causes it."
    reading.setTextCursor(QTextCursor(reading.document()))  # the title: in no pair
    qtbot.keyClick(reading, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert said_by(reading).startswith("To compare, put the caret in a sentence of the plain words")
    window.navigation.open_location(Location("questions"))
    reading.setFocus()
    qtbot.keyClick(reading, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert said_by(reading) == "This section has no plain-language version to compare with."


@pytest.mark.usefixtures("listening")
def test_home_on_the_first_page_and_the_next_section_after_the_last_say_so(window, qtbot):
    # Both said nothing: a blind reader could not tell the key had been heard.
    window.commands["home"].trigger()
    assert said_by(window.reading) == f"Top of the first page: {window.pack.home.title}"
    window.navigation.open_location(Location(window.pack.sections[-1].id))
    window.navigation.step_section(1)
    assert said_by(window.reading) == "This is the last section."


@pytest.mark.usefixtures("listening")
def test_read_aloud_and_stop_say_what_they_did(window, qtbot):
    # Ctrl+R and Ctrl+Shift+R were silent: only the button's words changed.
    commands = window.commands
    commands["read_aloud"].trigger()
    assert said_by(window.reading).startswith("Reading aloud.")
    qtbot.waitUntil(lambda: window.read_aloud.engine_state == "Speaking", timeout=10_000)
    commands["read_aloud"].trigger()
    assert said_by(window.reading).startswith("Reading paused.")
    commands["stop_reading"].trigger()
    assert said_by(window.reading) == "Reading aloud stopped."


def test_enter_with_the_caret_in_a_linked_word_opens_it(window, qtbot, monkeypatch):
    # A blind reader arrowing through the text pressed Enter on "aggressive": nothing happened.
    from PySide6.QtGui import QTextCursor

    shown = dialogs_opened(monkeypatch, qtbot)
    reading = window.reading
    reading.setFocus()
    caret = QTextCursor(reading.document())
    caret.setPosition(reading.toPlainText().index("aggressive malignancy") + 2)
    reading.setTextCursor(caret)
    qtbot.keyClick(reading, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].windowTitle().startswith("aggressive")


def test_in_a_small_window_a_definition_and_the_handout_dialog_use_the_screen_below_it(window, qtbot, monkeypatch):
    # A low-vision reader at 300 % in a 500 px window got a one-line definition and a handout dialog showing
    # one check box, with the screen empty below them.
    from reader.ui.print.handout_dialog import HandoutDialog
    from reader.ui.widgets.dialogs import place_below

    window.appearance.apply_text_scale(300)
    window.move(0, 0)
    make_narrowest(window, qtbot, 500)
    shown = dialogs_opened(monkeypatch, qtbot)
    tab_to_first_term(window, qtbot)
    qtbot.keyClick(window.reading, Qt.Key.Key_Return)
    dialog = shown[0]
    lines = dialog.browser.viewport().height() / dialog.browser.fontMetrics().lineSpacing()
    assert lines >= 3.5, f"only {lines:.1f} lines of the definition show"
    dialog.close()
    handout = HandoutDialog(window.pack, "overview", parent=window)
    place_below(handout, window.banner.mapToGlobal(window.banner.rect().bottomLeft()).y())
    assert handout.height() > window.height() / 2, "more than a check box's height"
    handout.close()


@pytest.mark.usefixtures("listening")
def test_escape_from_the_text_says_search_cleared_as_focus_reaches_the_field(window, qtbot):
    # Said after focus moved, Orca heard it twice: read out with the field, then again as a change.
    from PySide6.QtCore import QEvent, QObject

    field = window.search_panel.field
    type_search(window, qtbot, "transplant")
    window.reading.setFocus()
    qtbot.waitUntil(window.reading.hasFocus)
    heard_with_focus: list[str] = []

    class Listener(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.FocusIn:
                heard_with_focus.append(field.accessibleDescription())
            return False

    listener = Listener()
    field.installEventFilter(listener)
    qtbot.keyClick(window.reading, Qt.Key.Key_Escape)
    field.removeEventFilter(listener)
    assert heard_with_focus[:1] == ["Search cleared."]
