"""The reader window as a patient uses it: navigate, follow links, size the text, read the disclaimer."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QWheelEvent
from PySide6.QtWidgets import QApplication

from reader.contrast import contrast_ratio
from reader.navigation import Location
from reader.ui.settings import Settings
from reader.ui.widgets.navigator import NavigatorTree
from reader.ui.window.main_window import MainWindow
from window_driver import click_link_text, dialogs_opened, page_text, shown_text


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


def test_short_contents_show_every_subsection(window):
    navigator = window.navigator
    sections = [navigator.topLevelItem(i) for i in range(navigator.topLevelItemCount())]
    assert all(item.isExpanded() for item in sections if item.childCount())


def test_subsections_step_in_and_their_markers_grow_with_the_text(make_window, qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPalette

    window = make_window(size=(1920, 1080))
    navigator = window.navigator
    section = nav_item(window, "Treatment options")
    sub = section.child(0)

    def marker_pixels() -> int:
        """Pixels of the open/close marker: text-coloured, left of the section's title."""
        row = navigator.visualItemRect(section)
        image = navigator.viewport().grab(QRect(0, row.top(), row.left(), row.height())).toImage()
        text = navigator.palette().color(QPalette.ColorRole.Text)
        return sum(1 for x in range(image.width()) for y in range(image.height())
                   if abs(image.pixelColor(x, y).lightness() - text.lightness()) < 60)

    def step_in() -> int:
        return navigator.visualItemRect(sub).left() - navigator.visualItemRect(section).left()

    small_marker, small_step = marker_pixels(), step_in()
    assert small_marker > 10, "the section shows it can be closed"
    window.appearance.apply_text_scale(300)
    qtbot.waitUntil(lambda: step_in() >= 1.5 * small_step)
    assert marker_pixels() >= 2.5 * small_marker


def test_long_contents_open_only_the_section_being_read(make_window, make_pack, qtbot):
    from reader.content import load_pack

    files = {f"s{n:02}.md": f"# Topic {n}\n\nAbout {n}.\n\n## Part A of {n}\n\nText.\n\n## Part B of {n}\n\nMore."
             for n in range(60)}
    window = make_window(the_pack=load_pack(make_pack(files)))
    navigator = window.navigator

    def opened() -> list[str]:
        items = (navigator.topLevelItem(i) for i in range(navigator.topLevelItemCount()))
        return [item.text(0) for item in items if item.isExpanded()]

    assert opened() == ["Topic 0"]
    item = nav_item(window, "Topic 5")
    navigator.scrollToItem(item)
    qtbot.mouseClick(navigator.viewport(), Qt.MouseButton.LeftButton, pos=navigator.visualItemRect(item).center())
    assert page_text(window).startswith("Topic 5")
    assert opened() == ["Topic 5"], "the last section read closes again"
    nav_item(window, "Topic 9").setExpanded(True)  # opened by the reader: it stays open
    window.navigation.open_location(Location("s07"))
    assert opened() == ["Topic 7", "Topic 9"]
    navigator.setFocus()
    qtbot.keyClick(navigator, Qt.Key.Key_Down)  # into the open section's parts, as read
    assert navigator.currentItem().text(0) == "Part A of 7"
    window.navigation.open_location(Location("s20", "part-b-of-20"))  # a link or result straight to a part
    assert navigator.currentItem().text(0) == "Part B of 20"
    assert opened() == ["Topic 9", "Topic 20"]


def test_navigator_follows_scrolling(make_window, qtbot):
    window = make_window(size=(800, 600))
    window.appearance.apply_text_scale(300)
    window.navigation.open_location(Location("treatment-options"))
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert window.navigator.currentItem().text(0) == "Treatment options"
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: window.navigator.currentItem().text(0) == "Aggressive ATL")
    bar.setValue(0)
    qtbot.waitUntil(lambda: window.navigator.currentItem().text(0) == "Treatment options")


def test_back_and_forward_with_alt_arrows(window, qtbot):
    window.navigation.open_location(Location("clinical-trials"))
    assert page_text(window).startswith("Clinical trials")
    qtbot.keyClick(window.reading, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page_text(window).startswith("Is there a cure?")
    assert window.commands["forward"].isEnabled()
    qtbot.keyClick(window.reading, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page_text(window).startswith("Clinical trials")


def test_next_link_at_the_foot_of_a_page_goes_on(window, qtbot):
    click_link_text(window, qtbot, "Next: Goals of treatment")
    assert page_text(window).startswith("Goals of treatment")


# -- links -----------------------------------------------------------------------------------


def test_web_links_show_their_address_and_never_open(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.navigation.open_location(Location("clinical-trials"))
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
    assert window.appearance.text_percent == 110
    qtbot.keyClick(window.reading, Qt.Key.Key_Minus, ctrl)
    qtbot.keyClick(window.reading, Qt.Key.Key_Minus, ctrl)
    assert window.appearance.text_percent == 90
    qtbot.keyClick(window.reading, Qt.Key.Key_0, ctrl)
    assert window.appearance.text_percent == 100


def test_ctrl_wheel_changes_text_size(window):
    viewport = window.reading.viewport()
    center = QPointF(viewport.rect().center())
    event = QWheelEvent(center, QPointF(viewport.mapToGlobal(viewport.rect().center())), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(viewport, event)
    assert window.appearance.text_percent == 110


def test_window_as_started_shows_text_first_then_everything_else(qtbot, own, pack, tmp_path, family):
    settings = Settings(tmp_path / "settings.ini")
    settings.text_percent = 150
    settings.last_section = "clinical-trials"
    window = own(MainWindow(pack, settings, family, finish_after_first_paint=True))
    assert page_text(window).startswith("Clinical trials"), "the first frame already has the text"
    assert window.banner.text == pack.manifest.disclaimer
    assert window.findChildren(NavigatorTree) == [], "the contents are built after the first frame"
    assert not window.start.is_ready
    window.show()
    with qtbot.waitSignal(window.start.ready):
        pass
    qtbot.waitUntil(lambda: window.search_controller.ready)  # the index is built between events
    # Everything else arrives without the text moving or the reader's place changing.
    assert window.navigator.currentItem().text(0) == "Clinical trials"
    assert window.navigator.font().pixelSize() == window.search_panel.font().pixelSize() > 0
    assert window.header.print_button.isEnabled() and not window.header.back.isEnabled()
    assert window.header.back.accessibleName() == "Back"
    file_menu = window.menuBar().actions()[0].menu()
    assert "&Print…" in [action.text() for action in file_menu.actions()]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_panel.field.hasFocus)
    # The scroll-spy starts with the rest: the contents follow the reader down a page.
    window.navigation.open_location(Location("treatment-options"))
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: window.navigator.currentItem().text(0) == "Aggressive ATL")


def test_what_the_reader_does_while_the_window_finishes_itself_is_kept(own, pack, tmp_path, family):
    window = own(MainWindow(pack, Settings(tmp_path / "settings.ini"), family, finish_after_first_paint=True))
    window.start.run_next()  # the stages the event loop runs one by one
    window.navigation.open_location(Location("treatment-goals"))  # a click and a key press between stages
    window.appearance.apply_text_scale(150)
    window.start.run_now()
    assert window.navigator.currentItem().text(0) == "Goals of treatment"
    assert window.navigator.font().pixelSize() == window.search_panel.font().pixelSize() > 15
    assert window.header.text_size.reset.text() == "150%"


def test_a_window_closed_while_it_finishes_itself_goes_quietly(qtbot, pack, tmp_path, family):
    window = MainWindow(pack, Settings(tmp_path / "settings.ini"), family, finish_after_first_paint=True)
    window.show()
    with qtbot.waitSignal(window.start.stageFinished):  # the first stage has run
        pass
    with qtbot.captureExceptions() as exceptions:
        window.close()
        window.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(window))
        for _ in range(10):  # the turns in which the other stages would have run
            QApplication.processEvents()
    assert exceptions == []


def test_text_size_is_limited_to_75_and_300(window):
    window.appearance.apply_text_scale(1000)
    assert window.appearance.text_percent == 300 and not window.header.text_size.larger.isEnabled()
    window.appearance.apply_text_scale(10)
    assert window.appearance.text_percent == 75 and not window.header.text_size.smaller.isEnabled()


def test_text_size_and_place_are_remembered_by_a_new_window(make_window, tmp_path):
    path = tmp_path / "remembered.ini"
    first = make_window(path)
    first.appearance.apply_text_scale(150)
    first.navigation.open_location(Location("clinical-trials"))
    first.close()
    second = make_window(path)
    assert second.appearance.text_percent == 150
    assert second.header.text_size.reset.text() == "150%"
    assert page_text(second).startswith("Clinical trials")


def test_changes_are_saved_a_moment_later_without_closing(make_window, tmp_path, qtbot):
    path = tmp_path / "remembered.ini"
    window = make_window(path)
    for percent in (110, 125, 150):  # quick steps are written together
        window.appearance.apply_text_scale(percent)
    qtbot.waitUntil(lambda: path.exists() and "text_percent=150" in path.read_text(encoding="utf-8"))
    window.navigation.open_location(Location("clinical-trials"))
    qtbot.waitUntil(lambda: "last_section=clinical-trials" in path.read_text(encoding="utf-8"))


# -- disclaimer banner ------------------------------------------------------------------------------


def test_disclaimer_shows_markup_characters_as_written(qtbot):
    from reader.ui.widgets.banner import DisclaimerBanner

    text = "Not advice <b>for</b> you & yours; ask <your> team."
    banner = DisclaimerBanner(text)
    qtbot.addWidget(banner)
    assert shown_text(banner.label.text()) == text
    assert banner.label.accessibleName() == text == banner.text


@pytest.mark.parametrize(("percent", "size"),
                         [(100, (800, 600)), (300, (800, 600)), (300, (1920, 1080)), (200, (1024, 768))])
def test_disclaimer_is_fully_visible_at_every_size(make_window, qtbot, pack, percent, size):
    window = make_window(size=size)
    window.appearance.apply_text_scale(percent)
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


def test_f1_lists_the_keyboard_shortcuts(window, monkeypatch):
    from reader.ui.widgets import dialogs

    shown = []
    monkeypatch.setattr(dialogs.InfoDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    window.commands["shortcuts"].trigger()
    assert shown and "Search" in shown[0] and "Ctrl+F" in shown[0] and "Alt+Left" in shown[0]


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


def test_a_dark_desktop_gets_the_dark_theme_with_aaa_reading_text(qapp, make_window):
    from PySide6.QtGui import QColor, QPalette

    from reader.style.palettes import DARK

    dark = QPalette(qapp.palette())
    for role, colour in ((QPalette.ColorRole.Base, "#121212"), (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Link, "#8ab4f8")):
        dark.setColor(role, QColor(colour))
    original = QPalette(qapp.palette())
    qapp.setPalette(dark)
    try:
        window = make_window()
        assert window.appearance.theme == DARK
        base = window.reading.palette().color(QPalette.ColorRole.Base).name()
        # The page's stylesheet colours are what the reader sees on that background.
        for colour in (DARK.text, DARK.link, DARK.muted):
            assert contrast_ratio(colour, base) >= 7, colour
        assert "color: #e8e8e8" in window.reading.document().defaultStyleSheet()
    finally:
        qapp.setPalette(original)


@pytest.mark.parametrize(("percent", "size"),
                         [(100, (800, 600)), (200, (1024, 768)), (300, (800, 600)), (100, (1920, 1080))])
def test_text_never_touches_the_edge_of_the_pane(make_window, qtbot, percent, size):
    window = make_window(size=size)
    window.appearance.apply_text_scale(percent)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    layout = window.reading.document().documentLayout()
    block = window.reading.document().begin()
    left = layout.blockBoundingRect(block).left()
    right = window.reading.viewport().width() - layout.blockBoundingRect(block).right()
    assert left >= 12 and right >= 12, (left, right)


def test_the_reader_keeps_their_place_as_the_text_size_or_window_changes(make_window, qtbot):
    window = make_window(size=(1100, 700))
    window.appearance.apply_text_scale(200)
    window.navigation.open_location(Location("treatment-options", "aggressive-atl"))

    def at_top() -> str:
        return window.reading.cursorForPosition(QPoint(0, 0)).block().text()

    qtbot.waitUntil(lambda: at_top() == "Aggressive ATL")
    for percent in (250, 300, 200):  # 250 % and 300 % also fold the contents away: a wider text
        window.appearance.apply_text_scale(percent)
        qtbot.waitUntil(lambda: at_top() == "Aggressive ATL")
    window.resize(900, 700)
    qtbot.waitUntil(lambda: window.width() == 900)
    qtbot.waitUntil(lambda: at_top() == "Aggressive ATL")


def test_the_scroll_bar_comes_and_goes_with_the_page_length_as_the_text_size_changes(window, qtbot):
    bar = window.reading.verticalScrollBar()
    window.navigation.open_location(Location("overview"))
    assert not bar.isVisible(), "a short page at normal size needs no scroll bar"
    window.appearance.apply_text_scale(300)
    qtbot.waitUntil(bar.isVisible)
    window.appearance.apply_text_scale(100)  # the bar is held through the change, then must go again
    qtbot.waitUntil(lambda: not bar.isVisible())
    window.appearance.apply_text_scale(300)
    qtbot.waitUntil(bar.isVisible)


def test_the_space_between_paragraphs_grows_with_the_text(window):
    def gap_after_first_paragraph() -> float:
        block = window.reading.document().begin()
        while block.isValid() and (block.blockFormat().headingLevel() or "Currently" not in block.text()):
            block = block.next()
        return block.blockFormat().bottomMargin()

    window.navigation.open_location(Location("overview"))
    normal = gap_after_first_paragraph()
    window.appearance.apply_text_scale(300)
    assert gap_after_first_paragraph() == pytest.approx(3 * normal, abs=1)
    assert window.navigation.current.section_id == "overview"


def test_a_long_contents_is_measured_a_step_at_a_time_and_jumps_land_on_their_entry(make_window, make_pack, qtbot):
    from reader.content import load_pack

    files = {f"s{n:03}.md": f"# Part {n}: a title long enough to wrap onto a second line in the contents\n\nText {n}."
             for n in range(250)}
    window = make_window(the_pack=load_pack(make_pack(files)))
    navigator = window.navigator
    navigator.set_pack(window.pack)  # as a new pack arrives: measured over the next turns, not at once
    assert not navigator.measured
    qtbot.waitUntil(lambda: navigator.measured)
    window.navigation.open_location(Location("s249"))
    last = navigator.currentItem()
    assert last.text(0).startswith("Part 249")
    assert navigator.viewport().rect().contains(navigator.visualItemRect(last))
    one_line = navigator.fontMetrics().lineSpacing()
    assert navigator.visualItemRect(last).height() > 1.5 * one_line, "the long title wraps, its row grows"


def test_the_notice_line_grows_with_the_text(window):
    from reader.style.type_sizes import Typography

    window.show_notice("Some notice")
    window.appearance.apply_text_scale(150)
    assert window.notice.label.font().pixelSize() == Typography(150).chrome > Typography(100).chrome


def test_every_page_says_what_it_is_reviewed_or_an_aid(window):
    for section in window.pack.sections:
        window.navigation.open_location(Location(section.id))
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


def test_the_f1_list_fits_without_scrolling_on_a_large_screen(window, qtbot, monkeypatch):
    window.resize(1400, 1000)
    shown = dialogs_opened(monkeypatch, qtbot)
    window.commands["shortcuts"].trigger()
    browser = shown[0].browser
    qtbot.waitUntil(lambda: browser.document().size().height() > 0)
    assert browser.verticalScrollBar().maximum() == 0, "every shortcut in view"
    shown[0].reject()


def test_a_first_window_fits_the_screen_it_opens_on(own, pack, family):
    # 1100 x 780 on a laptop's 768 px screen cut the last lines and the "Next" link off under its edge.
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    window = own(MainWindow(pack, Settings(None), family))
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() < free.height()


def test_the_place_in_a_section_is_remembered_by_a_new_window(own, pack, family, tmp_path, qtbot):
    # Quitting partway down a section at 300 % reopened at its top: a lot of paging to get back.
    from PySide6.QtCore import QPoint

    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    def opened() -> MainWindow:
        window = own(MainWindow(pack, Settings(tmp_path / "place.ini"), family, finish_after_first_paint=True))
        window.resize(900, 700)
        window.show()
        qtbot.waitUntil(lambda: window.start.is_ready)
        return window

    def words_at_top(window: MainWindow) -> str:
        return window.reading.cursorForPosition(QPoint(0, 0)).block().text()

    first = opened()
    first.appearance.apply_text_scale(300)
    first.navigation.open_location(Location("treatment-options"))
    bar = first.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() * 2 // 3)
    there = words_at_top(first)
    assert there and not there.startswith("Treatment options")
    first.close()
    second = opened()
    assert words_at_top(second) == there
