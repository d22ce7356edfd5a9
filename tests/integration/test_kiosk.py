"""Kiosk mode: locked down, resets itself between patients, staff exit only with the PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog

from reader.kiosk.config import KioskConfig
from reader.navigation import Location
from reader.ui.kiosk.mode import KioskController
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow


@pytest.fixture
def make_kiosk(qtbot, own, pack, family):
    def make(config: KioskConfig = KioskConfig(), idle_ms: int = 60_000, **extra: object) -> KioskController:
        window = own(MainWindow(pack, Settings(None), family, search_debounce_ms=10, speech_engine="mock"))
        kiosk = KioskController(window.kiosk_surface(), config, idle_ms=idle_ms, prompt_seconds=2, tick_ms=20,
                                hold_ms=30, **extra)  # type: ignore[arg-type]
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.search_controller.ready)  # as a patient would, a moment after it opens
        kiosk.start()  # the welcome screen, as after every reset
        kiosk.attract.start_here()  # the first patient taps Start
        return kiosk

    return make


def window_of(kiosk: KioskController) -> MainWindow:
    """The reader window under the kiosk (which itself sees only its KioskWindow surface)."""
    window = kiosk.window.as_widget()
    assert isinstance(window, MainWindow)
    return window


def session_state(window: MainWindow) -> dict[str, object]:
    """Everything a next patient could see of the last one."""
    return {
        "search text": window.search_panel.field.text(),
        "results shown": window.search_panel.results.isVisible(),
        "highlights": window.reading.match_count,
        "match bar": window.match_bar.isVisible(),
        "can go back": window.session.history.can_go_back,
        "can go forward": window.session.history.can_go_forward,
        "section": window.navigation.current.section_id,
        "scroll": window.reading.verticalScrollBar().value(),
        "text size": window.appearance.text_percent,
        "clipboard": QApplication.clipboard().text(),
        "dialogs": [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()],
        "notice": window.notice.isVisible(),
    }


def test_an_idle_kiosk_resets_to_exactly_a_fresh_start(make_kiosk, qtbot):
    fresh = session_state(window_of(make_kiosk()))
    kiosk = make_kiosk(idle_ms=300)
    window = window_of(kiosk)
    qtbot.keyClicks(window.search_panel.field, "transplant")
    qtbot.waitUntil(lambda: window.search_panel.results.isVisible())
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    window.search_controller.show_next_match()
    window.appearance.make_text_larger()
    window.navigation.open_location(Location("clinical-trials"))
    window.reading.anchorClicked.emit(QUrl("https://clinicaltrials.gov/"))
    QApplication.clipboard().setText("my private note")
    used = session_state(window)
    assert used != fresh
    with qtbot.waitSignal(kiosk.sessionReset, timeout=5000):
        pass  # idle, then the prompt counts down unanswered
    assert kiosk.attract.isVisible()
    banner_bottom = window.banner.mapTo(window, window.banner.rect().bottomLeft()).y()
    assert kiosk.attract.geometry().top() > banner_bottom, "the disclaimer stays in view"
    assert session_state(window) == fresh, "nothing of the last session is left"
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert not kiosk.attract.isVisible()
    assert window.navigation.current.section_id == window.pack.home.id


def test_the_prompt_is_extended_by_a_tap_as_often_as_needed(make_kiosk, qtbot):
    kiosk = make_kiosk(idle_ms=100)
    resets = []
    kiosk.sessionReset.connect(lambda: resets.append(True))
    for _ in range(2):
        qtbot.waitUntil(kiosk.prompt.isVisible, timeout=3000)
        assert "seconds" in kiosk.prompt.countdown.text()
        # what will happen, as large as the button that stops it (it was 22 px under a patient's 300 % text)
        assert kiosk.prompt.countdown.font().pixelSize() >= kiosk.prompt.keep.font().pixelSize()
        qtbot.mouseClick(kiosk.prompt.keep, Qt.MouseButton.LeftButton)
        assert not kiosk.prompt.isVisible() and kiosk.watcher.counting
    assert resets == []


def test_links_never_open_anything(make_kiosk, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    kiosk = make_kiosk()
    window_of(kiosk).reading.anchorClicked.emit(QUrl("https://clinicaltrials.gov/"))
    assert opened == []
    assert "clinicaltrials.gov" in window_of(kiosk).notice.label.text()


def test_no_file_or_printer_dialog_and_no_way_out(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = window_of(kiosk)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reading, Qt.Key.Key_E, ctrl | shift)
    qtbot.keyClick(window.reading, Qt.Key.Key_P, ctrl)
    qtbot.keyClick(window.reading, Qt.Key.Key_Q, ctrl)
    for action in (window.commands[name] for name in ("export_pdf", "print", "quit")):
        action.trigger()
        assert not action.isEnabled()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog | QDialog) and w.isVisible()]
    assert not window.menuBar().isVisible() and not window.header.print_button.isVisible()
    window.close()
    assert window.isVisible(), "closing the window does nothing in a kiosk"
    assert window.reading.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def assert_finger_sized(buttons: list[QAbstractButton], window: MainWindow) -> None:
    """Each at least 48 × 48 px, 8 px from the next, and whole on the screen."""
    small = [(b.accessibleName() or b.text(), b.width(), b.height()) for b in buttons
             if b.width() < 48 or b.height() < 48]
    assert small == []
    corners = [(b.mapTo(window, QPoint(0, 0)), b.size()) for b in buttons]
    rects = sorted((p.x(), p.y(), p.x() + s.width(), p.y() + s.height()) for p, s in corners)
    for a in rects:
        assert a[0] >= 0 and a[1] >= 0 and a[2] <= window.width() and a[3] <= window.height(), f"cut off: {a}"
        for b in rects:
            if a < b and not (a[2] + 8 <= b[0] or b[2] + 8 <= a[0] or a[3] + 8 <= b[1] or b[3] + 8 <= a[1]):
                raise AssertionError(f"targets closer than 8 px: {a} {b}")


def test_every_button_is_a_finger_sized_target(make_kiosk, qtbot):
    window = window_of(make_kiosk())
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 5  # Back, Forward and the three text-size buttons at least
    assert_finger_sized(buttons, window)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_welcome_screen_invites_below_a_whole_disclaimer_with_finger_sized_choices(make_kiosk, qtbot, size):
    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.resize(*size)
    kiosk.reset_for_next_person()
    welcome = kiosk.attract
    qtbot.waitUntil(lambda: welcome.isVisible() and welcome.width() == window.width())
    choices = [welcome.start_button, *welcome.size_buttons, *welcome.topic_tiles]

    def overlapping() -> list[tuple[object, object]]:
        boxes = [choice.geometry() for choice in choices]
        return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.intersects(b)]

    # At 1024×768 the tiles overlapped: the choices did not fit under the disclaimer and its plain words.
    qtbot.waitUntil(lambda: not overlapping())  # Qt lays the screen out again a moment after a resize
    assert [tile.text() for tile in welcome.topic_tiles] == [section.title for section in window.pack.sections]
    assert [b.text() for b in welcome.size_buttons] == ["Normal", "Large", "Largest"]
    assert_finger_sized(choices, window)
    banner_bottom = window.banner.mapTo(window, window.banner.rect().bottomLeft()).y()
    assert welcome.geometry().top() > banner_bottom and window.banner.isVisible(), "the disclaimer whole above it"
    titles = [tile for tile in welcome.topic_tiles if tile.fontMetrics().horizontalAdvance(tile.text()) > tile.width()]
    assert titles == [], "every topic's title fits on its tile"
    assert all(choice.mapTo(window, choice.rect().bottomLeft()).y() < window.height() for choice in choices)
    plain = welcome.plain_disclaimer  # beside the disclaimer, never instead: straight under it
    assert plain.isVisible() and plain.text() == ("In plain words: This is general information. It is not advice "
                                                  "from your doctor. Ask your care team about your own care.")
    assert plain.mapTo(window, plain.rect().topLeft()).y() - banner_bottom <= 2


def test_a_cold_start_waits_on_the_welcome_screen_as_after_every_reset(qtbot, own, pack, family):
    window = own(MainWindow(pack, Settings(None), family))
    kiosk = KioskController(window.kiosk_surface(), KioskConfig(), idle_ms=60_000)
    window.resize(1280, 800)
    window.show()
    kiosk.start()
    assert kiosk.attract.isVisible() and not kiosk.keyboard.isVisible()
    assert not window.header.text_size.larger.isEnabled(), "nothing changes the next patient's screen unstarted"


def test_each_welcome_choice_starts_a_session_at_its_size_or_topic(make_kiosk, qtbot):
    kiosk = make_kiosk(KioskConfig(text_percent=150))
    window = window_of(kiosk)
    kiosk.reset_for_next_person()
    qtbot.mouseClick(kiosk.attract.size_buttons[2], Qt.MouseButton.LeftButton)  # Largest
    assert not kiosk.attract.isVisible()
    assert window.appearance.text_percent == 300
    assert window.navigation.current.section_id == window.pack.home.id
    assert window.header.text_size.smaller.isEnabled(), "the session has started"
    # the search is in the drawer now: its button says so (a patient at the largest text saw no search)
    button = window.header.contents_button
    assert button.isVisible() and button.text() == "Contents and search"
    kiosk.reset_for_next_person()
    assert window.appearance.text_percent == 150, "the next patient starts at the kiosk's size again"
    tile = kiosk.attract.topic_tiles[3]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.navigation.current.section_id == window.pack.sections[3].id
    assert window.appearance.text_percent == 150
    assert window.reading.hasFocus() and window.reading.verticalScrollBar().value() == 0
    assert not window.session.history.can_go_back, "the chosen topic is where this session begins"


def test_staff_exit_needs_the_pin(make_kiosk, qtbot):
    from reader.kiosk.pin import hash_pin

    kiosk = make_kiosk(KioskConfig(exit_pin=hash_pin("2468")))
    window = window_of(kiosk)
    attempts = iter(["1111", "2468"])
    seen = []

    def type_pin() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        pin = next(attempts)
        seen.append(pin)
        dialog.field.setText(pin)
        dialog.try_pin()
        if dialog.isVisible():  # wrong: still asking
            type_pin()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, type_pin)
    with qtbot.waitSignal(kiosk.exitAuthorised, timeout=3000):
        qtbot.mousePress(kiosk.corner, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert seen == ["1111", "2468"]
    assert not window.isVisible()


def test_without_a_pin_there_is_no_exit(make_kiosk, qtbot):
    kiosk = make_kiosk()
    exits = []
    kiosk.exitAuthorised.connect(lambda: exits.append(True))
    kiosk.ask_for_pin()
    assert QApplication.activeModalWidget() is None and exits == []


def test_an_error_in_a_slot_is_logged_and_the_kiosk_keeps_running(make_kiosk, qtbot, tmp_path):
    import sys

    from PySide6.QtCore import QObject, Signal

    from reader.error_log import install_error_log

    class Source(QObject):
        fired = Signal()

    def broken() -> None:
        raise RuntimeError("a bug in a slot")

    log = tmp_path / "kiosk.log"
    kept = sys.excepthook
    try:
        kiosk = make_kiosk()
        install_error_log(log, window_of(kiosk).apologise)
        source = Source()
        source.fired.connect(broken)
        source.fired.emit()
        assert "RuntimeError: a bug in a slot" in log.read_text(encoding="utf-8")
        assert "Sorry, something went wrong" in window_of(kiosk).notice.label.text()
        window_of(kiosk).navigation.go_home()  # still answering
        assert window_of(kiosk).isVisible()
    finally:
        sys.excepthook = kept


def test_the_on_screen_keyboard_types_into_search(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.search_panel.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    assert kiosk.keyboard.geometry().bottom() == window.height() - 1
    for letter in "chemx":
        qtbot.mouseClick(kiosk.keyboard.keys[letter], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.keyboard.keys["⌫"], Qt.MouseButton.LeftButton)
    assert window.search_panel.field.text() == "chem"
    qtbot.mouseClick(kiosk.keyboard.keys["o"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.search_panel.results.isVisible())
    assert window.search_panel.results.currentItem().text().startswith("Treatment options")
    small = [k for k in kiosk.keyboard.keys.values() if k.width() < 48 or k.height() < 48]
    assert small == []
    from PySide6.QtCore import QRect

    for typed_for in (window.search_panel.field, window.search_panel.results):
        where = QRect(typed_for.mapTo(window, QPoint(0, 0)), typed_for.size())
        assert not where.intersects(kiosk.keyboard.geometry()), "the keys never cover the field or the results"
    qtbot.mouseClick(kiosk.keyboard.keys["Search"], Qt.MouseButton.LeftButton)
    assert not kiosk.keyboard.isVisible()
    # A second search: the field kept its focus, and tapping it, or its ×, brought no keys back.
    field = window.search_panel.field
    assert field.hasFocus()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    qtbot.mouseClick(kiosk.keyboard.keys["Search"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.search_panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.keyboard.isVisible)


def test_opening_a_result_puts_the_keyboard_away_from_the_page(make_kiosk, qtbot):
    # It stayed up over the page just opened: a strip of text above the keys, and Orca read the lines under them.
    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.search_panel.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    for letter in "transplant":
        qtbot.mouseClick(kiosk.keyboard.keys[letter], Qt.MouseButton.LeftButton)
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.isVisible() and results.count() > 0)
    item = results.item(results.first_link() or 0)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=results.visualItemRect(item).center())
    qtbot.waitUntil(window.reading.hasFocus)
    assert not kiosk.keyboard.isVisible()


def test_a_section_chosen_from_the_contents_puts_the_keyboard_away(make_kiosk, qtbot):
    # With the keys up, a tapped contents row opened its section under them.
    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.search_panel.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    navigator = window.navigator
    item = navigator.findItems("Clinical trials", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=navigator.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.navigation.current.section_id == "clinical-trials")
    assert not kiosk.keyboard.isVisible()


def test_the_keyboard_has_digits_starts_hidden_and_never_sits_behind_the_pin_pad(make_kiosk, qtbot, monkeypatch):
    from reader.ui.kiosk.screens import PinDialog

    kiosk = make_kiosk(KioskConfig(exit_pin="1234"))
    window = window_of(kiosk)
    assert not kiosk.keyboard.isVisible(), "a cold start: the keyboard waits for the search field"
    window.search_panel.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    for key in "htlv-1":
        qtbot.mouseClick(kiosk.keyboard.keys[key], Qt.MouseButton.LeftButton)
    assert window.search_panel.field.text() == "htlv-1"
    monkeypatch.setattr(PinDialog, "exec", lambda dialog: 0)
    kiosk.ask_for_pin()
    assert not kiosk.keyboard.isVisible(), "one keypad at a time"
    kiosk.reset_for_next_person()
    kiosk.start_reading()
    assert not kiosk.keyboard.isVisible(), "after a reset, the same start as a cold one"


def test_quick_topic_buttons_search_with_one_tap(make_kiosk, qtbot):
    kiosk = make_kiosk()
    buttons = kiosk.topics.findChildren(QAbstractButton)
    assert [b.text() for b in buttons] == ["Treatment", "Transplant", "Clinical trials"]
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert window_of(kiosk).search_panel.field.text() == "Clinical trials"
    assert window_of(kiosk).search_panel.results.currentItem().text().startswith("Clinical trials")


def test_a_finger_drag_scrolls_the_text(make_kiosk, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QScroller

    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.resize(800, 500)
    window.appearance.apply_text_scale(300)
    window.navigation.open_location(Location("treatment-options"))
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    viewport = window.reading.viewport()
    assert QScroller.hasScroller(viewport), "the text follows a finger"
    # The drag as the gesture recogniser hands it over, at a finger's pace (16 ms a step).
    scroller = QScroller.scroller(viewport)
    centre = QPointF(viewport.rect().center())
    scroller.handleInput(QScroller.Input.InputPress, centre, 0)
    for step in range(1, 11):
        scroller.handleInput(QScroller.Input.InputMove, QPointF(centre.x(), centre.y() - step * 20), step * 16)
    scroller.handleInput(QScroller.Input.InputRelease, QPointF(centre.x(), centre.y() - 200), 11 * 16)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    assert not window.reading.textCursor().hasSelection()


def test_kiosk_printing_is_off_unless_configured_and_never_opens_a_dialog(make_kiosk, qtbot, monkeypatch):
    kiosk = make_kiosk()
    assert not window_of(kiosk).header.print_button.isVisible() and not window_of(kiosk).commands["print"].isEnabled()

    printed = []
    monkeypatch.setattr("reader.ui.print.printing.paint_handout", lambda printer, plan, family: printed.append(plan))
    kiosk = make_kiosk(KioskConfig(print_enabled=True, printer="No such printer"))
    window = window_of(kiosk)
    assert window.header.print_button.isVisible()
    qtbot.mouseClick(window.header.print_button, Qt.MouseButton.LeftButton)
    assert "not available" in window.notice.label.text()
    assert printed == [] and QApplication.activeModalWidget() is None
    assert not window.commands["print"].isEnabled(), "a second tap does not print twice"


def test_kiosk_prints_the_section_on_screen_straight_to_its_printer(make_kiosk, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    printed = []
    monkeypatch.setattr(QPrinter, "isValid", lambda self: True)
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "Front desk")
    monkeypatch.setattr("reader.ui.print.printing.paint_handout", lambda printer, plan, family: printed.append(plan))
    kiosk = make_kiosk(KioskConfig(print_enabled=True, printer="Front desk"))
    window = window_of(kiosk)
    window.navigation.open_location(Location("clinical-trials"))
    qtbot.mouseClick(window.header.print_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in printed[0].sections] == ["clinical-trials"]
    assert "is printing" in window.notice.label.text()
    assert QApplication.activeModalWidget() is None


def _words_anywhere(window: MainWindow) -> str:
    """Every text the window's widgets hold, shown or hidden, as an assistive tool could read it."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

    texts = []
    for widget in window.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
    return "\n".join(texts).lower()


def test_after_a_reset_the_next_patient_cannot_bring_back_anything_of_the_last(make_kiosk, qtbot):
    kiosk = make_kiosk(KioskConfig(text_percent=150))
    window = window_of(kiosk)
    field = window.search_panel.field
    ctrl = Qt.KeyboardModifier.ControlModifier
    # The last patient: two searches, some reading, history both ways, larger text, a section folded.
    for query in ("transplant", "my hiv status"):
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_A, ctrl)  # typed over the last search
        qtbot.keyClicks(field, query)
        qtbot.waitUntil(lambda: window.search_panel.results.isVisible())
    window.navigation.open_location(Location("treatment-options"))
    window.navigation.open_location(Location("clinical-trials"))
    window.navigation.go_back()
    assert window.session.history.can_go_back and window.session.history.can_go_forward
    window.appearance.make_text_larger()
    window.navigator.topLevelItem(2).setExpanded(False)
    kiosk.reset_for_next_person()
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert not kiosk.topics.isHidden(), "the topic buttons are back for the next patient"
    # The next patient tries every way back.
    field.setFocus()
    for key, modifiers in ((Qt.Key.Key_Z, ctrl), (Qt.Key.Key_Z, ctrl), (Qt.Key.Key_Y, ctrl),
                           (Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)):
        qtbot.keyClick(field, key, modifiers)
        assert field.text() == "", "undo and redo bring back nothing of the last searches"
    assert not window.search_panel.results.isVisible()
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        qtbot.keyClick(window.reading, key, Qt.KeyboardModifier.AltModifier)
        assert window.navigation.current.section_id == window.pack.home.id
    assert window.appearance.text_percent == 150
    assert window.navigator.topLevelItem(2).isExpanded(), "the contents as a fresh start shows them"
    words = _words_anywhere(window)
    assert "hiv" not in words and "transplant" not in words.replace("search for transplant", "")


def test_a_reset_closes_popups_and_the_contents_drawer(make_kiosk, qtbot):
    from PySide6.QtCore import QTimer

    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.resize(700, 800)  # narrow: the contents are a drawer over the text
    qtbot.waitUntil(lambda: window.header.contents_button.isVisible())
    qtbot.mouseClick(window.header.contents_button, Qt.MouseButton.LeftButton)
    assert not window.reading.isVisible()
    still_open = []

    def reset_while_a_definition_is_open() -> None:
        kiosk.reset_for_next_person()
        still_open.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
        for dialog in still_open:
            dialog.reject()  # so the test cannot hang on a dialog left open

    QTimer.singleShot(0, reset_while_a_definition_is_open)
    window.dialogs.show_term(0)  # returns when the definition closes
    assert still_open == []
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert window.reading.isVisible() and not window.header.contents_button.isChecked()


def test_a_finger_flick_in_progress_stops_at_the_reset(make_kiosk, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QScroller

    kiosk = make_kiosk()
    window = window_of(kiosk)
    window.appearance.apply_text_scale(300)
    window.navigation.open_location(Location("treatment-options"))
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    scroller = QScroller.scroller(window.reading.viewport())
    centre = QPointF(window.reading.viewport().rect().center())
    scroller.handleInput(QScroller.Input.InputPress, centre, 0)
    for step in range(1, 6):
        scroller.handleInput(QScroller.Input.InputMove, QPointF(centre.x(), centre.y() - step * 40), step * 16)
    scroller.handleInput(QScroller.Input.InputRelease, QPointF(centre.x(), centre.y() - 200), 6 * 16)
    assert scroller.state() == QScroller.State.Scrolling  # a flick: it goes on after the finger lifts
    kiosk.reset_for_next_person()
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert bar.value() == 0, "the next patient starts at the top"


def test_wrong_pins_make_staff_wait_longer_then_lock_the_exit(make_kiosk, qtbot, tmp_path):
    from reader.kiosk.pin import hash_pin

    log = tmp_path / "kiosk.log"
    now = [1000.0]
    kiosk = make_kiosk(KioskConfig(exit_pin=hash_pin("2468"), log_file=log), clock=lambda: now[0], pin_tick_ms=10)
    exits = []
    kiosk.exitAuthorised.connect(lambda: exits.append(True))
    pad = kiosk.make_pin_dialog()
    pad.show()

    def type_on_pad(pin: str) -> None:
        for digit in pin:
            qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pad.keys["OK"], Qt.MouseButton.LeftButton)

    for _ in range(3):
        type_on_pad("1111")
        assert pad.message.text() == "Wrong PIN. Try again." and pad.field.isEnabled()
    type_on_pad("1111")
    assert pad.message.text() == "Wrong PIN. Try again in 2 seconds."
    type_on_pad("2468")  # during the wait the pad takes nothing, the right PIN included
    assert pad.field.text() == "" and not pad.field.isEnabled() and pad.isVisible()
    qtbot.keyClicks(pad.field, "2468")
    assert pad.field.text() == ""
    now[0] += 1
    qtbot.waitUntil(lambda: pad.message.text() == "Wrong PIN. Try again in 1 second.")
    now[0] += 1
    qtbot.waitUntil(pad.field.isEnabled)
    for wait in (4, 8, 16, 32, 60):
        type_on_pad("0000")
        assert pad.message.text() == f"Wrong PIN. Try again in {wait} seconds."
        now[0] += wait
        qtbot.waitUntil(pad.field.isEnabled)
    type_on_pad("9999")
    assert pad.message.text() == "Too many wrong tries. Locked for 15 minutes."
    pad.reject()
    again = kiosk.make_pin_dialog()  # closing and opening the pad does not start afresh
    again.show()
    assert again.message.text() == "Too many wrong tries. Locked for 15 minutes." and not again.field.isEnabled()
    again.field.setText("2468")
    again.try_pin()
    assert again.isVisible() and exits == []
    now[0] += 15 * 60
    qtbot.waitUntil(again.field.isEnabled)
    pad = again
    type_on_pad("2468")
    assert exits == [True]
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len([line for line in lines if "wrong staff PIN" in line]) == 10
    assert "2468" not in log.read_text(encoding="utf-8") and "0000" not in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("printing", [False, True])
def test_f1_in_the_kiosk_lists_only_what_works_there(make_kiosk, qtbot, printing):
    from PySide6.QtCore import QTimer

    kiosk = make_kiosk(KioskConfig(print_enabled=printing, printer="Front desk" if printing else None))
    shown = []

    def read_help() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            try:
                shown.append(dialog.browser.toPlainText())
            finally:
                dialog.reject()

    QTimer.singleShot(0, read_help)
    qtbot.keyClick(window_of(kiosk).reading, Qt.Key.Key_F1)
    assert len(shown) == 1
    help_text = shown[0]
    assert "Back" in help_text and "Larger text" in help_text and "Search" in help_text
    assert "Quit" not in help_text and "Export PDF" not in help_text
    assert ("Print" in help_text) is printing


def test_enter_on_the_staff_keypad_only_tries_the_pin(qtbot):
    """Typed on a keyboard: Enter must neither add a digit nor, during a wait, close the pad."""
    from PySide6.QtCore import Qt

    from reader.kiosk.pin import PinGuard, hash_pin
    from reader.ui.kiosk.screens import PinDialog

    now = [1000.0]
    guard = PinGuard(hash_pin("2468"), clock=lambda: now[0])
    dialog = PinDialog(guard)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(4):  # the fourth wrong try starts a wait
        qtbot.keyClicks(dialog.field, "1111")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        assert dialog.field.text() == "", "Enter pressed a digit key too"
    assert guard.wrong_tries == 4 and guard.wait_left() > 0
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter during the wait closed the keypad"
    now[0] += 60
    qtbot.waitUntil(lambda: dialog.field.isEnabled(), timeout=3000)
    qtbot.keyClicks(dialog.field, "2468")
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)


def test_between_patients_the_disclaimer_stays_whole_and_the_header_changes_nothing(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = window_of(kiosk)
    kiosk.reset_for_next_person()
    header = window.header
    assert not header.text_size.larger.isEnabled() and not header.text_size.smaller.isEnabled()
    qtbot.mouseClick(header.text_size.larger, Qt.MouseButton.LeftButton)
    assert window.appearance.text_percent == kiosk.config.text_percent, "a tap there changes nothing"
    # Whatever makes the disclaimer taller (here, larger text) pushes the attract screen down with it.
    window.appearance.apply_text_scale(300)
    banner_bottom = window.banner.mapTo(window, window.banner.rect().bottomLeft()).y()
    qtbot.waitUntil(lambda: kiosk.attract.geometry().top() > banner_bottom)
    assert not header.read_button.isEnabled(), "nothing starts reading aloud before a session"
    for keys in ("Ctrl+=", "Ctrl+R", "Ctrl+F", "Alt+Down"):
        bound = [action for action in window.actions() if keys in [key.toString() for key in action.shortcuts()]]
        assert bound and not any(action.isEnabled() for action in bound), f"{keys} does nothing yet"
    kiosk.start_reading()
    assert header.text_size.smaller.isEnabled() and header.text_size.reset.isEnabled()
    assert header.read_button.isEnabled() and window.commands["larger"].isEnabled()
    assert not header.back.isEnabled(), "Back follows its command: nowhere to go yet"
    assert not window.commands["stop_reading"].isEnabled(), "nothing is being read"


def test_a_screen_reader_reviewing_the_welcome_screen_finds_only_what_is_seen(make_kiosk, qtbot):
    from PySide6.QtGui import QAccessible

    # Orca's review of the screen read the last page and the contents, covered by the welcome screen,
    # line by line between the welcome's own.
    kiosk = make_kiosk()
    window = window_of(kiosk)
    banner_top = window.banner.mapTo(window, window.banner.rect().topLeft()).y()
    kiosk.reset_for_next_person()
    for covered in (window.reading, window.navigator, window.search_panel.field):
        assert not covered.isVisible()
        assert QAccessible.queryAccessibleInterface(covered).state().invisible
    assert window.banner.mapTo(window, window.banner.rect().topLeft()).y() == banner_top, "the disclaimer stays put"
    assert kiosk.attract.isVisible() and kiosk.attract.start_button.hasFocus()
    kiosk.start_reading()
    assert window.reading.isVisible() and window.navigator.isVisible()
    qtbot.waitUntil(window.reading.hasFocus)


def test_contents_rows_and_a_definitions_close_button_are_finger_sized_too(make_kiosk, qtbot):
    from reader.ui.widgets.dialogs import InfoDialog

    window = window_of(make_kiosk())
    navigator = window.navigator
    rows = []
    for index in range(navigator.topLevelItemCount()):
        rows.append(navigator.visualItemRect(navigator.topLevelItem(index)).height())
    assert min(rows) >= 48, rows
    entry = window.pack.glossary[0]
    dialog = InfoDialog(entry.term, entry.definition, window)
    dialog.show()
    close = dialog.findChildren(QAbstractButton)[0]
    qtbot.waitUntil(close.isVisible)
    assert close.height() >= 48 and close.width() >= 48
    dialog.reject()


def test_the_staff_keypad_opens_below_the_disclaimer(make_kiosk, qtbot):
    kiosk = make_kiosk(KioskConfig(exit_pin="1234"))
    window = window_of(kiosk)
    dialog = kiosk.make_pin_dialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    banner_bottom = window.banner.mapToGlobal(window.banner.rect().bottomLeft()).y()
    assert dialog.geometry().top() - 32 > banner_bottom, "its title bar too stays below the disclaimer"
    assert dialog.geometry().bottom() <= window.geometry().bottom(), "and the whole keypad on the screen"
    dialog.reject()


def test_a_listener_is_not_idle_and_a_reset_stops_the_reading(make_kiosk, qtbot):
    kiosk = make_kiosk(idle_ms=400)  # four mock words
    window = window_of(kiosk)
    window.session.disclaimer_spoken = True
    window.read_aloud.start()
    with qtbot.assertNotEmitted(kiosk.sessionReset, wait=1200):  # three idle times, read aloud throughout
        pass
    assert not kiosk.prompt.isVisible() and window.read_aloud.state.value == "speaking"
    window.read_aloud.choose_speech("faster", "Anne")  # this patient's choice in Reading options
    kiosk.reset_for_next_person()
    assert (window.settings.speech_speed, window.settings.speech_voice) == ("normal", ""), "not the next one's"
    assert window.read_aloud.state.value == "stopped" and window.reading.spoken_marks == []
    assert not window.session.disclaimer_spoken, "the next patient hears the disclaimer first"


def test_read_aloud_can_be_turned_off_for_a_waiting_room_without_headphones(make_kiosk, qtbot):
    window = window_of(make_kiosk(KioskConfig(read_aloud=False)))
    assert not window.header.read_button.isEnabled()
    assert window.header.read_button.toolTip() == "Read aloud is turned off at this kiosk."
    window.commands["read_aloud"].trigger()  # Ctrl+R
    assert window.read_aloud.state.value == "stopped"


def test_kiosk_dialogs_have_no_title_bar_to_minimise_the_kiosk_away(make_kiosk, qtbot, monkeypatch):
    from window_driver import dialogs_opened

    kiosk = make_kiosk(KioskConfig(exit_pin="1234"))
    window = window_of(kiosk)
    shown = dialogs_opened(monkeypatch, qtbot)
    window.dialogs.show_term(0)
    window.dialogs.show_shortcuts()
    pin = kiosk.make_pin_dialog()
    for dialog in (*shown, pin):
        assert dialog.windowFlags() & Qt.WindowType.FramelessWindowHint, dialog.windowTitle()
    pin.reject()


def test_at_the_largest_text_the_results_keep_room_while_typing(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = window_of(kiosk)
    kiosk.reset_for_next_person()
    qtbot.mouseClick(kiosk.attract.size_buttons[-1], Qt.MouseButton.LeftButton)  # Largest
    window.go_to_search()  # the search sits in the contents drawer at this size
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    for key in "htlv":
        qtbot.mouseClick(kiosk.keyboard.keys[key], Qt.MouseButton.LeftButton)
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.isVisible() and results.count() > 0)
    assert not kiosk.topics.isVisible(), "the topic buttons step aside while typing"
    row = results.visualItemRect(results.item(0)).height()
    assert results.viewport().height() >= min(row, 200), "at least a whole first result shows (it had 35 px)"
    qtbot.mouseClick(kiosk.keyboard.keys["Search"], Qt.MouseButton.LeftButton)
    # Back above the results, they pushed the list down under a finger about to tap it
    assert not kiosk.topics.isVisible(), "not back while the results are on screen"
    qtbot.mouseClick(window.search_panel.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    qtbot.mouseClick(kiosk.keyboard.keys["Search"], Qt.MouseButton.LeftButton)
    assert kiosk.topics.isVisible(), "back once the search is cleared"


def test_a_kiosk_definition_scrolls_under_a_finger_and_nothing_offers_a_menu(make_kiosk, qtbot, monkeypatch):
    # A drag in a definition selected its words, and its last sentence ("most people who carry the virus never
    # get ATL") was out of a finger's reach; right-clicks offered Copy and Select all, and Cut and Paste.
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QScroller

    from window_driver import dialogs_opened

    window = window_of(make_kiosk())
    shown = dialogs_opened(monkeypatch, qtbot)
    window.dialogs.show_term(1)
    dialog = shown[0]
    assert QScroller.hasScroller(dialog.browser.viewport()), "a finger drags the text"
    assert dialog.browser.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    menus = []
    monkeypatch.setattr("reader.ui.widgets.search_panel.show_edged", lambda *args: menus.append(args))
    field = window.search_panel.field
    right_click = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), field.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(field, right_click)
    assert menus == [], "no Cut, Copy and Paste in the search field"
    dialog.reject()
