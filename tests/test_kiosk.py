"""Kiosk mode: locked down, resets itself between patients, staff exit only with the PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog

from reader.kiosk.config import KioskConfig
from reader.navigation import Location
from reader.ui.kiosk import KioskController
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings


@pytest.fixture
def make_kiosk(qtbot, own, pack, family):
    def make(config: KioskConfig = KioskConfig(), idle_ms: int = 60_000) -> KioskController:
        window = own(MainWindow(pack, Settings(None), family, search_debounce_ms=10))
        kiosk = KioskController(window, config, idle_ms=idle_ms, prompt_seconds=2, tick_ms=20, hold_ms=30)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.searching.ready)  # as a patient would, a moment after it opens
        kiosk.start()
        return kiosk

    return make


def session_state(window: MainWindow) -> dict[str, object]:
    """Everything a next patient could see of the last one."""
    return {
        "search text": window.search.field.text(),
        "results shown": window.search.results.isVisible(),
        "highlights": window.reading.match_count,
        "match bar": window.match_bar.isVisible(),
        "can go back": window.history.can_go_back,
        "can go forward": window.history.can_go_forward,
        "section": window.current.section_id,
        "scroll": window.reading.verticalScrollBar().value(),
        "text size": window.text_percent,
        "clipboard": QApplication.clipboard().text(),
        "dialogs": [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()],
        "notice": window.notice.isVisible(),
    }


def test_an_idle_kiosk_resets_to_exactly_a_fresh_start(make_kiosk, qtbot):
    fresh = session_state(make_kiosk().window)
    kiosk = make_kiosk(idle_ms=300)
    window = kiosk.window
    qtbot.keyClicks(window.search.field, "transplant")
    qtbot.waitUntil(lambda: window.search.results.isVisible())
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    window.searching.show_next_match()
    window.make_text_larger()
    window.open_location(Location("clinical-trials"))
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
    assert window.current.section_id == window.pack.home.id


def test_the_prompt_is_extended_by_a_tap_as_often_as_needed(make_kiosk, qtbot):
    kiosk = make_kiosk(idle_ms=100)
    resets = []
    kiosk.sessionReset.connect(lambda: resets.append(True))
    for _ in range(2):
        qtbot.waitUntil(kiosk.prompt.isVisible, timeout=3000)
        assert "seconds" in kiosk.prompt.countdown.text()
        qtbot.mouseClick(kiosk.prompt.keep, Qt.MouseButton.LeftButton)
        assert not kiosk.prompt.isVisible() and kiosk.watcher.counting
    assert resets == []


def test_links_never_open_anything(make_kiosk, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    kiosk = make_kiosk()
    kiosk.window.reading.anchorClicked.emit(QUrl("https://clinicaltrials.gov/"))
    assert opened == []
    assert "clinicaltrials.gov" in kiosk.window.notice.label.text()


def test_no_file_or_printer_dialog_and_no_way_out(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = kiosk.window
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.reading, Qt.Key.Key_E, ctrl | shift)
    qtbot.keyClick(window.reading, Qt.Key.Key_P, ctrl)
    qtbot.keyClick(window.reading, Qt.Key.Key_Q, ctrl)
    for action in (window.actions_.export_pdf, window.actions_.print_, window.actions_.quit):
        action.trigger()
        assert not action.isEnabled()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog | QDialog) and w.isVisible()]
    assert not window.menuBar().isVisible() and not window.header.print_button.isVisible()
    window.close()
    assert window.isVisible(), "closing the window does nothing in a kiosk"
    assert window.reading.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_every_button_is_a_finger_sized_target(make_kiosk, qtbot):
    window = make_kiosk().window
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 5  # Back, Forward and the three text-size buttons at least
    small = [(b.accessibleName() or b.text(), b.width(), b.height()) for b in buttons
             if b.width() < 48 or b.height() < 48]
    assert small == []
    corners = [(b.mapTo(window, QPoint(0, 0)), b.size()) for b in buttons]
    rects = sorted((p.x(), p.y(), p.x() + s.width(), p.y() + s.height()) for p, s in corners)
    for a in rects:
        for b in rects:
            if a < b and not (a[2] + 8 <= b[0] or b[2] + 8 <= a[0] or a[3] + 8 <= b[1] or b[3] + 8 <= a[1]):
                raise AssertionError(f"targets closer than 8 px: {a} {b}")


def test_staff_exit_needs_the_pin(make_kiosk, qtbot):
    kiosk = make_kiosk(KioskConfig(exit_pin="2468"))
    window = kiosk.window
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
        install_error_log(log, kiosk.window.apologise)
        source = Source()
        source.fired.connect(broken)
        source.fired.emit()
        assert "RuntimeError: a bug in a slot" in log.read_text(encoding="utf-8")
        assert "Sorry, something went wrong" in kiosk.window.notice.label.text()
        kiosk.window.go_home()  # still answering
        assert kiosk.window.isVisible()
    finally:
        sys.excepthook = kept


def test_the_on_screen_keyboard_types_into_search(make_kiosk, qtbot):
    kiosk = make_kiosk()
    window = kiosk.window
    window.search.field.setFocus()
    qtbot.waitUntil(kiosk.keyboard.isVisible)
    assert kiosk.keyboard.geometry().bottom() == window.height() - 1
    for letter in "chemx":
        qtbot.mouseClick(kiosk.keyboard.keys[letter], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.keyboard.keys["⌫"], Qt.MouseButton.LeftButton)
    assert window.search.field.text() == "chem"
    qtbot.mouseClick(kiosk.keyboard.keys["o"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.search.results.isVisible())
    assert window.search.results.currentItem().text().startswith("Treatment options")
    small = [k for k in kiosk.keyboard.keys.values() if k.width() < 48 or k.height() < 48]
    assert small == []
    qtbot.mouseClick(kiosk.keyboard.keys["Hide keyboard"], Qt.MouseButton.LeftButton)
    assert not kiosk.keyboard.isVisible()


def test_quick_topic_buttons_search_with_one_tap(make_kiosk, qtbot):
    kiosk = make_kiosk()
    buttons = kiosk.topics.findChildren(QAbstractButton)
    assert [b.text() for b in buttons] == ["Treatment", "Transplant", "Clinical trials"]
    qtbot.mouseClick(buttons[2], Qt.MouseButton.LeftButton)
    assert kiosk.window.search.field.text() == "Clinical trials"
    assert kiosk.window.search.results.currentItem().text().startswith("Clinical trials")


def test_a_finger_drag_scrolls_the_text(make_kiosk, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QScroller

    kiosk = make_kiosk()
    window = kiosk.window
    window.resize(800, 500)
    window.apply_text_scale(300)
    window.open_location(Location("treatment-options"))
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
    assert not kiosk.window.header.print_button.isVisible() and not kiosk.window.actions_.print_.isEnabled()

    printed = []
    monkeypatch.setattr("reader.ui.printing.paint_handout", lambda printer, plan, family: printed.append(plan))
    kiosk = make_kiosk(KioskConfig(print_enabled=True, printer="No such printer"))
    window = kiosk.window
    assert window.header.print_button.isVisible()
    qtbot.mouseClick(window.header.print_button, Qt.MouseButton.LeftButton)
    assert "not available" in window.notice.label.text()
    assert printed == [] and QApplication.activeModalWidget() is None
    assert not window.actions_.print_.isEnabled(), "a second tap does not print twice"


def test_kiosk_prints_the_section_on_screen_straight_to_its_printer(make_kiosk, qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    printed = []
    monkeypatch.setattr(QPrinter, "isValid", lambda self: True)
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "Front desk")
    monkeypatch.setattr("reader.ui.printing.paint_handout", lambda printer, plan, family: printed.append(plan))
    kiosk = make_kiosk(KioskConfig(print_enabled=True, printer="Front desk"))
    window = kiosk.window
    window.open_location(Location("clinical-trials"))
    qtbot.mouseClick(window.header.print_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in printed[0].sections] == ["clinical-trials"]
    assert "is printing" in window.notice.label.text()
    assert QApplication.activeModalWidget() is None
