"""Screen readers, keyboard-only use and target sizes, checked on the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QContextMenuEvent, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QWidget

from reader.navigation import Location
from reader.ui.settings import Settings
from reader.ui.widgets.dialogs import dialog_room
from reader.ui.window.main_window import MainWindow
from window_driver import make_narrowest


def focusable_without_a_name(interface) -> list[str]:
    """Every control a screen reader can land on that it could not name, found by walking the tree."""
    missing: list[str] = []
    if interface is None or not interface.isValid():
        return missing
    state = interface.state()
    if state.focusable and not state.invisible and not interface.text(QAccessible.Text.Name).strip():
        missing.append(f"{interface.role().name} {interface.object()}")
    for index in range(interface.childCount()):
        missing.extend(focusable_without_a_name(interface.child(index)))
    return missing


def test_every_focusable_control_has_a_name(window, qtbot):
    window.navigation.open_location(Location("clinical-trials"))
    qtbot.keyClicks(window.search_panel.field, "chemo")
    qtbot.waitUntil(window.search_panel.results.isVisible)
    window.show_notice("A notice")
    assert focusable_without_a_name(QAccessible.queryAccessibleInterface(window)) == []


def test_the_contents_have_a_current_item_from_the_start(window):
    assert window.navigator.currentItem() is not None
    assert window.navigator.accessibleName() == "Contents"
    assert window.search_panel.field.accessibleName() == "Search the summary"
    assert window.banner.accessibleName() == "Medical disclaimer"


def focus_walk(window: MainWindow, qtbot, key_modifier: Qt.KeyboardModifier, limit: int = 60) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) visits, in order, until it comes round again."""
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = QApplication.focusWidget()
        assert widget is not None
        if not seen or seen[-1] is not widget:
            if widget in seen:
                break
            seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab, key_modifier)
    return seen


def test_tab_follows_the_screen_header_search_contents_text_and_shift_tab_reverses_it(window, qtbot):
    window.navigation.open_location(Location("clinical-trials"))  # a page with links and glossary terms
    window.navigation.open_location(Location("overview"))  # so Back is on, and in the Tab order
    window.search_panel.field.setFocus()
    forward = focus_walk(window, qtbot, Qt.KeyboardModifier.NoModifier)
    header = window.header
    wanted = [header.back, header.text_size.smaller, header.text_size.reset, header.text_size.larger,
              header.print_button, window.search_panel.field, window.navigator, window.reading]
    start = forward.index(header.back)
    round_from_back = forward[start:] + forward[:start]  # Tab goes round: read it from the header's first button
    assert [round_from_back.index(w) for w in wanted] == sorted(round_from_back.index(w) for w in wanted)
    window.search_panel.field.setFocus()
    backward = focus_walk(window, qtbot, Qt.KeyboardModifier.ShiftModifier)
    assert backward[1:] == list(reversed(forward[1:]))


def test_tab_always_leaves_the_text_after_its_links(window, qtbot):
    window.navigation.open_location(Location("clinical-trials"))
    window.reading.setFocus()
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not window.reading:
            break
    assert QApplication.focusWidget() is not window.reading


def test_every_button_is_at_least_24_px(window, qtbot):
    window.navigation.open_location(Location("treatment-options"))
    window.show_notice("A notice")
    qtbot.keyClicks(window.search_panel.field, "transplant")
    qtbot.waitUntil(window.search_panel.results.isVisible)
    window.search_controller.show_first_match()
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 9
    assert [(b.accessibleName(), b.width(), b.height()) for b in buttons if b.width() < 24 or b.height() < 24] == []


def test_screen_readers_hear_section_changes_results_and_text_size(window, qtbot, monkeypatch):
    heard: list[str] = []
    monkeypatch.setattr("reader.ui.window.navigation.announce", lambda widget, message: heard.append(message))
    monkeypatch.setattr("reader.ui.window.appearance.announce", lambda widget, message: heard.append(message))
    monkeypatch.setattr("reader.ui.window.search_controller.announce", lambda widget, message: heard.append(message))
    window.navigation.open_location(Location("clinical-trials"))
    window.appearance.make_text_larger()
    qtbot.keyClicks(window.search_panel.field, "transplant")
    qtbot.waitUntil(lambda: any("match" in m for m in heard))
    assert heard[0] == "Clinical trials"
    assert heard[1] == "Text size 110%"
    assert "sections match" in heard[-1] and "transplant" not in heard[-1]


def test_a_narrow_window_turns_the_contents_into_a_drawer(window, qtbot):
    window.resize(600, 700)  # as a reader narrows it: the header folds first...
    button = window.header.contents_button
    qtbot.waitUntil(lambda: button.isVisible() and window.minimumSizeHint().width() <= 480)
    window.resize(480, 700)  # ...and then it goes down to 480 px
    qtbot.waitUntil(lambda: window.width() == 480)
    assert window.header.title.y() < window.header.back.y(), "the title has its own row"
    assert window.reading.isVisible() and not window.navigator.isVisible()
    assert window.reading.horizontalScrollBar().maximum() == 0, "the text never scrolls sideways"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.navigator.isVisible() and not window.reading.isVisible()
    item = window.navigator.findItems("Clinical trials", Qt.MatchFlag.MatchExactly)[0]
    qtbot.waitUntil(lambda: window.navigator.viewport().rect().contains(window.navigator.visualItemRect(item)))
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.navigator.visualItemRect(item).center())
    assert window.reading.isVisible() and window.navigation.current.section_id == "clinical-trials"
    # Ctrl+F opens the drawer, so the reader types into a field they can see.
    qtbot.keyClick(window.reading, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_panel.field.isVisible() and window.search_panel.field.hasFocus()
    qtbot.keyClicks(window.search_panel.field, "trials")
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0)
    qtbot.keyClick(window.search_panel.results, Qt.Key.Key_Return)
    assert window.reading.isVisible() and not window.search_panel.field.isVisible()
    window.clear_search()
    window.resize(1100, 780)
    qtbot.waitUntil(lambda: not button.isVisible())
    assert window.navigator.isVisible() and window.reading.isVisible()


def test_the_contents_drawer_opens_on_the_heading_being_read(window, qtbot):
    window.resize(480, 700)
    qtbot.waitUntil(window.header.contents_button.isVisible)
    window.navigation.open_location(Location("treatment-options"))
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # read down to the last subsection, with the drawer closed
    qtbot.mouseClick(window.header.contents_button, Qt.MouseButton.LeftButton)
    tree = window.navigator
    qtbot.waitUntil(lambda: tree.currentItem() is not None and tree.currentItem().text(0) == "Aggressive ATL")
    assert tree.currentItem().isSelected(), "highlighted, not only current"
    qtbot.waitUntil(lambda: tree.viewport().rect().contains(tree.visualItemRect(tree.currentItem())))


def test_large_text_in_a_small_window_gives_the_text_the_whole_width(make_window, qtbot):
    window = make_window(size=(800, 600))
    button = window.header.contents_button
    assert window.navigator.isVisible() and not button.isVisible()
    window.navigator.setFocus()
    window.appearance.apply_text_scale(300)
    assert button.isVisible() and not window.navigator.isVisible() and window.reading.isVisible()
    assert window.reading.hasFocus(), "focus follows the text when the contents go away"
    window.navigation.open_location(Location("treatment-options"))

    def title_breaks_between_words() -> bool:
        # Beside the contents the title broke inside its first word ("Treatme|nt options").
        title = window.reading.document().begin()
        layout = title.layout()
        breaks = [layout.lineAt(i).textStart() for i in range(1, layout.lineCount())]
        return layout.lineCount() > 0 and all(title.text()[at - 1] == " " for at in breaks)

    qtbot.waitUntil(title_breaks_between_words)
    window.appearance.apply_text_scale(100)
    assert window.navigator.isVisible() and not button.isVisible()


def test_reading_options_change_the_spacing_and_are_remembered(window, qtbot, own, pack, family, tmp_path):
    from reader.ui.widgets.reading_options import ReadingOptionsDialog

    def line_height() -> float:
        return window.reading.document().begin().next().blockFormat().lineHeight()

    window.navigation.open_location(Location("overview"))
    before = line_height()
    dialog = ReadingOptionsDialog(150, 0.9, window)
    qtbot.addWidget(dialog)
    dialog.spacingChosen.connect(window.appearance.apply_spacing)
    dialog.lines.setCurrentIndex(2)  # Wider
    dialog.paragraphs.setCurrentIndex(1)  # Wide
    assert line_height() > before
    assert window.navigation.current.section_id == "overview", "the reader stays on the page"
    window.close()
    again = own(MainWindow(pack, Settings(tmp_path / "settings.ini"), family))
    assert (again.settings.line_height, again.settings.paragraph_spacing) == (200, 1.5)
    assert again.reading.document().begin().next().blockFormat().lineHeight() == line_height()


def test_wcag_text_spacing_overrides_lose_no_content(window, qtbot):
    from reader.style.stylesheet import Spacing

    window.resize(1024, 768)
    window.appearance.apply_text_scale(200)
    window.navigation.open_location(Location("treatment-options"))
    text = window.reading.toPlainText()
    height = window.reading.document().size().height()
    # WCAG 1.4.12: line height 1.5, paragraphs 2 em, letters 0.12 em, words 0.16 em.
    with window.appearance.page_shown_again():
        window.reading.set_spacing(Spacing(line_height=150, paragraph_em=2.0, letter_em=0.12, word_em=0.16))
    assert window.reading.toPlainText() == text
    px = window.reading.document().defaultFont().pixelSize()
    paragraph = window.reading.document().findBlock(text.index("For indolent"))
    assert paragraph.blockFormat().bottomMargin() >= 2 * px, "2 em after a paragraph, at any text size"
    assert window.reading.document().size().height() > height, "it reflows, taller"
    assert window.reading.horizontalScrollBar().maximum() == 0, "and never sideways"


def test_menus_and_dialogs_take_the_theme_and_the_text_size(window, qtbot):
    from reader.style.type_sizes import Typography
    from reader.ui.widgets.dialogs import InfoDialog

    window.appearance.apply_text_scale(100)
    small = InfoDialog("ATL", "<p>Short for adult T-cell leukemia/lymphoma.</p>", window)
    window.appearance.choose_theme("dark")
    window.appearance.apply_text_scale(300)
    menu = window.menus["file"]
    assert menu.font().pixelSize() == Typography(300).chrome
    assert menu.palette().color(QPalette.ColorRole.Window).name() == window.appearance.theme.window
    dialog = InfoDialog("ATL", "<p>Short for adult T-cell leukemia/lymphoma.</p>", window)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.browser.font().pixelSize() == Typography(300).content
    assert dialog.browser.palette().color(QPalette.ColorRole.Base).name() == window.appearance.theme.background
    assert dialog.width() > small.width(), "room for the larger text"
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    dialog.close()


@pytest.mark.parametrize("theme", ["contrast", "dark", "light"])
def test_menus_and_right_click_menus_show_their_edge_in_every_theme(window, qtbot, monkeypatch, theme):
    # On high contrast's black, a menu's items floated over the page: the style's edge is a shade darker.
    from reader.contrast import contrast_ratio
    from reader.ui.widgets import reading_pane

    window.appearance.choose_theme(theme)
    colours = window.appearance.theme

    def edge_contrast(menu) -> float:
        image = menu.grab().toImage()
        return contrast_ratio(image.pixelColor(0, image.height() // 2).name(), colours.window)

    for menu in (window.menus["view"], window.theme_menu):
        menu.ensurePolished()
        assert edge_contrast(menu) >= 3, menu.title()
    shown = []
    monkeypatch.setattr(reading_pane, "show_edged", lambda menu, at, css: shown.append((menu, css)))
    window.appearance.apply_text_scale(300)
    pane = window.reading
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())  # a link further down the page
    assert pane.verticalScrollBar().value() > 0
    link = pane.document().find("Next:")
    assert not link.isNull()
    point = pane.cursorRect(link).center()
    pane.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, pane.mapToGlobal(point)))
    [(menu, css)] = shown
    menu.setStyleSheet(css)
    assert edge_contrast(menu) >= 3
    copy_link = next(action for action in menu.actions() if "Link" in action.text())
    assert copy_link.isEnabled(), "the menu is for the link under the pointer, wherever the page is scrolled"


@pytest.mark.parametrize("theme", ["dark", "contrast", "light"])
def test_the_handout_dialogs_boxes_show_their_edges_in_every_theme(window, qtbot, theme):
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    from reader.contrast import contrast_ratio
    from reader.ui.print.handout_dialog import HandoutDialog

    window.appearance.choose_theme(theme)
    window.appearance.apply_text_scale(200)
    dialog = HandoutDialog(window.pack, window.pack.home.id, "", "", window)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    box = dialog.glossary  # unticked: only its edge shows where it is
    option = QStyleOptionButton()
    box.initStyleOption(option)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert square.height() >= box.fontMetrics().height() * 0.6, "the box grows with the text"
    theme = window.appearance.theme
    assert box.palette().color(QPalette.ColorRole.Window).name() == theme.window, "in the theme's colours"
    image = box.grab().toImage()
    edge = max(contrast_ratio(image.pixelColor(x, square.center().y()).name(), window.appearance.theme.window)
               for x in range(square.left(), square.left() + 3))
    assert edge >= 3, f"the box's edge is {edge:.1f}:1 against the window"
    dialog.close()


def test_the_focused_control_always_has_a_thick_ring_in_the_focus_colour(window, qtbot):
    from reader.contrast import contrast_ratio
    from reader.ui.widgets.focus_ring import RING_PX

    ring = window.focus_ring
    for target in (window.search_panel.field, window.header.text_size.larger, window.navigator):
        target.setFocus()
        qtbot.waitUntil(lambda target=target: ring.target is target and ring.isVisible())
        inside = target.geometry().translated(target.parentWidget().mapTo(window, target.pos()) - target.pos())
        assert ring.geometry().contains(inside) and RING_PX >= 2
        image = ring.grab().toImage()
        edge = image.pixelColor(1, image.height() // 2).name()
        assert edge == window.appearance.theme.focus
        assert contrast_ratio(edge, window.appearance.theme.window) >= 3
    window.appearance.choose_theme("contrast")
    window.search_panel.field.setFocus()
    qtbot.waitUntil(lambda: ring.target is window.search_panel.field)
    image = ring.grab().toImage()
    assert image.pixelColor(1, image.height() // 2).name() == "#ffff00"


def test_the_focus_ring_moves_with_its_control_when_larger_text_pushes_it_along(window, qtbot):
    ring, field = window.focus_ring, window.search_panel.field
    window.resize(1000, 700)
    field.setFocus()
    qtbot.waitUntil(lambda: ring.target is field and ring.isVisible())
    before = field.mapTo(window, field.rect().topLeft())
    # The header grows, so the box the field sits in moves down (not the field in it),
    # after the field has already changed size for the clear button its new text brings.
    window.appearance.apply_text_scale(200)
    field.setText("cure")
    qtbot.waitUntil(lambda: field.mapTo(window, field.rect().topLeft()) != before)
    where = QRect(field.mapTo(window, field.rect().topLeft()), field.size())
    qtbot.waitUntil(lambda: ring.geometry().contains(where))


@pytest.mark.parametrize("percent", [200, 300])
def test_nothing_is_clipped_at_large_text_in_1024_by_768(window, qtbot, percent):
    from PySide6.QtWidgets import QLabel

    window.resize(1024, 768)
    window.appearance.apply_text_scale(percent)
    window.show_notice("This reader works offline, so links do not open here.")
    window.go_to_search()  # as Ctrl+F: at 300 % the search sits in the contents drawer
    qtbot.keyClicks(window.search_panel.field, "transplant")
    qtbot.waitUntil(window.search_panel.results.isVisible)
    window.navigation.open_location(Location("treatment-options"))
    window.search_controller.show_first_match()
    qtbot.waitUntil(lambda: window.size().toTuple() == (1024, 768))

    def clipped() -> list[str]:
        found = []
        for label in window.findChildren(QLabel):
            if label.isVisible() and label.text():
                need = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
                if label.height() < need or (not label.wordWrap() and label.width() < label.sizeHint().width()):
                    found.append(f"label {label.text()[:30]!r} {label.size().toTuple()} needs {need}")
        for button in window.findChildren(QAbstractButton):
            hint = button.sizeHint()
            if button.isVisible() and (button.width() < hint.width() or button.height() < hint.height()):
                found.append(f"button {button.text()!r} {button.size().toTuple()} needs {hint.toTuple()}")
        return found

    def nothing_clipped() -> None:
        assert clipped() == []  # waitUntil retries while layouts settle, then reports this

    qtbot.waitUntil(nothing_clipped, timeout=2000)
    assert window.reading.horizontalScrollBar().maximum() == 0


def test_a_section_chosen_in_the_contents_drawer_leaves_focus_on_the_text_not_on_a_button(window, qtbot):
    window.resize(600, 700)  # the header folds first, then the window can be 480 px wide
    button = window.header.contents_button
    qtbot.waitUntil(lambda: button.isVisible() and window.minimumSizeHint().width() <= 480)
    window.resize(480, 700)
    qtbot.waitUntil(lambda: window.width() == 480)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    item = window.navigator.findItems("Goals of treatment", Qt.MatchFlag.MatchExactly)[0]
    window.navigator.setFocus()
    qtbot.waitUntil(lambda: window.navigator.viewport().rect().contains(window.navigator.visualItemRect(item)))
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.navigator.visualItemRect(item).center())
    assert window.reading.isVisible() and window.navigation.current.section_id == "treatment-goals"
    assert window.reading.hasFocus(), "Space then scrolls the text; on A- it shrank it"


def broken_words_in_headings(window, *, text_too: bool = False) -> list[str]:
    """Heading lines (and with text_too, any line) that start inside a word, on every page: "Treatme / nt"."""
    broken = []
    for section in window.pack.sections:
        window.navigation.open_location(Location(section.id))
        block = window.reading.document().begin()
        while block.isValid():
            layout, text = block.layout(), block.text()
            if text_too or block.blockFormat().headingLevel():
                for number in range(1, layout.lineCount()):
                    start = layout.lineAt(number).textStart()
                    if text[start - 1] not in " -/\u2011" and text[start] != " ":
                        broken.append(f"{text[:start]} / {text[start:]}")
            block = block.next()
    return broken


def test_headings_are_drawn_larger_than_the_text_and_grow_less_at_300_percent(window):
    def heading_to_text() -> float:
        """How much taller the title's drawn line is than a line of the text below it."""
        block = window.reading.document().begin()
        title = block.layout().lineAt(0).height()
        while block.isValid() and "Currently" not in block.text():
            block = block.next()
        return title / block.layout().lineAt(0).height()

    window.navigation.open_location(Location("overview"))
    # Drawn, not only set: a heading size Qt's own adjustment overrode left every heading the text's size.
    assert heading_to_text() > 1.7
    window.appearance.apply_text_scale(300)
    assert 1.15 < heading_to_text() < 1.5


def test_no_heading_breaks_inside_a_word_at_300_percent_in_the_narrowest_window(window, qtbot):
    window.appearance.apply_text_scale(300)
    make_narrowest(window, qtbot, 700)
    assert window.width() < 620 and window.reading.isVisible()
    assert broken_words_in_headings(window) == []


def test_no_word_of_the_text_breaks_at_300_percent_in_the_narrowest_window(window, qtbot):
    window.appearance.apply_text_scale(300)
    make_narrowest(window, qtbot, 700)
    # A narrow column gives up most of its side margin: "immunotherapie / s" broke in a list item.
    assert broken_words_in_headings(window, text_too=True) == []


def test_at_300_percent_in_the_narrowest_window_the_header_is_compact_and_the_disclaimer_whole(window, qtbot):
    window.appearance.apply_text_scale(300)
    make_narrowest(window, qtbot, 780)
    banner_bottom = window.banner.mapTo(window, window.banner.rect().bottomLeft()).y()
    # At the true narrowest (570 px) the menu bar, the folded header and a five-line disclaimer take 41 %.
    assert banner_bottom < window.height() * 0.42, "the text keeps most of the window (the two took half)"
    assert not window.header.review.isVisible(), "the review line is on the page, under its title"
    assert "Last updated" in window.reading.toPlainText()
    banner = window.banner
    assert banner.height() >= banner.heightForWidth(banner.width()), "the disclaimer is whole"
    from reader.style.type_sizes import Typography

    assert window.banner.label.font().pixelSize() == Typography(300).banner, "at the reader's size, not shrunk"


def test_reading_options_has_room_a_focus_ring_and_a_finger_sized_close(window, qtbot):
    from reader.ui.widgets.focus_ring import FocusRing
    from reader.ui.widgets.reading_options import ReadingOptionsDialog

    dialog = ReadingOptionsDialog(150, 0.9, window)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.lines.setFocus()
    ring = dialog.findChild(FocusRing)
    qtbot.waitUntil(lambda: ring is not None and ring.isVisible())
    close = dialog.findChild(QDialogButtonBox).buttons()[0]
    assert close.height() >= 48 and close.icon().isNull()
    assert "remembered" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.reject()


@pytest.mark.parametrize("percent", [100, 300])
def test_f1_about_and_reading_options_open_below_the_disclaimer(window, qtbot, monkeypatch, percent):
    from reader.ui.widgets.reading_options import ReadingOptionsDialog
    from window_driver import dialogs_opened

    window.resize(1100, 700)
    window.appearance.apply_text_scale(percent)
    shown = dialogs_opened(monkeypatch, qtbot)
    monkeypatch.setattr(ReadingOptionsDialog, "exec", lambda dialog: shown.append(dialog) or dialog.show())
    window.dialogs.show_shortcuts()
    window.dialogs.show_about()
    window.appearance.show_reading_options()
    banner_bottom = window.banner.mapToGlobal(window.banner.rect().bottomLeft()).y()
    assert len(shown) == 3
    for dialog in shown:
        title_bar_top = dialog.geometry().top() - 32
        assert title_bar_top > banner_bottom, f"{dialog.windowTitle()} covers the disclaimer"
        assert dialog.geometry().bottom() <= dialog_room(window).bottom(), f"{dialog.windowTitle()} runs off"
        dialog.close()


def test_at_300_percent_the_handout_dialog_fits_below_the_disclaimer_with_its_buttons_on_screen(
        window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from reader.ui.print.handout_dialog import HandoutDialog

    window.resize(1100, 760)
    window.appearance.apply_text_scale(300)
    opened: list[HandoutDialog] = []

    def look(dialog: HandoutDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        opened.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(HandoutDialog, "exec", look)
    window.dialogs.print_handout()
    dialog = opened[0]
    banner_bottom = window.banner.mapToGlobal(window.banner.rect().bottomLeft()).y()
    assert dialog.geometry().top() - 32 > banner_bottom, "its title bar stays below the disclaimer"
    buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text().replace("&", "") in
               ("Save as PDF…", "Cancel", "Preview and print…")]
    assert len(buttons) == 3
    for button in buttons:
        bottom = button.mapToGlobal(button.rect().bottomLeft()).y()
        assert bottom <= dialog_room(window).bottom(), f"{button.text()} is below the window's (or screen's) edge"
    # The whole form scrolls, never sideways: when only the sections scrolled they got one row, under
    # their own heading, and a Down key hid the heading (a fresh-eyes tester).
    from PySide6.QtWidgets import QScrollArea

    [form] = [area for area in dialog.findChildren(QScrollArea) if area.widget() is not None]
    assert form.horizontalScrollBar().maximum() == 0
    assert form.verticalScrollBar().maximum() > 0, "at 300 % below the disclaimer, it must scroll"
    for box in [*dialog.sections.values(), dialog.glossary, dialog.plain, dialog.phone]:
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        top = box.mapTo(form.viewport(), box.rect().topLeft()).y()
        assert top >= 0 and top + box.height() <= form.viewport().height(), f"{box.text()} is out of view"
    dialog.close()
