"""The reader window: lays out the widgets, makes the components that drive them, and wires them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader import APP_NAME
from reader.content.dates import long_date, review_overdue
from reader.content.model import Pack
from reader.content.provenance import review_line
from reader.navigation import Location
from reader.reading.session import ReadingSession
from reader.reflow import takes_turns
from reader.style.palettes import Palette
from reader.style.stylesheet import Spacing
from reader.style.type_sizes import Typography
from reader.ui.announce import announce, describe_window_as_it_opens
from reader.ui.settings import Settings
from reader.ui.style.qt_palettes import chrome_palette, outline, resolve
from reader.ui.widgets.banner import DisclaimerBanner
from reader.ui.widgets.header import HeaderBar
from reader.ui.widgets.match_bar import MatchBar
from reader.ui.widgets.notice import NoticeBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.window.appearance import Appearance
from reader.ui.window.menus import build_menus
from reader.ui.window.navigation import Navigation
from reader.ui.window.staged_start import Stage, StagedStart
from reader.ui.window.window_dialogs import WindowDialogs
from reader.ui.window_frame import resize_within_screen

if TYPE_CHECKING:  # built by the stages after the first frame
    from reader.ui.widgets.focus_ring import FocusRing
    from reader.ui.widgets.navigator import NavigatorTree
    from reader.ui.widgets.search_panel import SearchPanel
    from reader.ui.widgets.theme_menu import ThemeMenu
    from reader.ui.window.commands import Commands
    from reader.ui.window.kiosk_surface import KioskSurface
    from reader.ui.window.plain_pairs import PlainPairs
    from reader.ui.window.read_aloud import ReadAloud, Reading
    from reader.ui.window.search_controller import SearchController
    from reader.ui.window.side_panels import SidePanels


#: Below this height the title and disclaimer grow less with the text, so the text keeps room.
SHORT_WINDOW_PX = 820

class MainWindow(QMainWindow):
    """One window over one pack: the widgets, and the components that drive them.

    Navigation (pages and history), Appearance (theme and text size) and the
    SearchController each take the widgets they drive in their constructor. The
    first frame has the header, the disclaimer and the text; the contents tree,
    the search panel and the commands that reach them are built by the stages of
    self.start (see _stages), the first of them on the turn after the first paint.
    """

    # Built by the "side panels" stage: their Qt classes are most of what the first
    # frame would otherwise wait for (see bench/README.md).
    panels: SidePanels
    search_panel: SearchPanel
    navigator: NavigatorTree
    search_controller: SearchController
    commands: Commands
    read_aloud: ReadAloud
    plain_pairs: PlainPairs
    theme_menu: ThemeMenu
    focus_ring: FocusRing

    def __init__(self, pack: Pack, settings: Settings, family: str, *, search_debounce_ms: int = 150,
                 finish_after_first_paint: bool = False, speech_engine: str = "") -> None:
        """Build the window; with finish_after_first_paint, its stages run after the text is on screen."""
        super().__init__()
        self.pack = pack
        self.settings = settings
        self.family = family
        # What is on screen (place, history, page, search, text size): the widgets show it.
        self.session = ReadingSession(settings.text_percent)
        self._debounce_ms = search_debounce_ms
        self._speech_engine = speech_engine
        self._narrow = False
        theme = resolve(settings.theme)
        self.setPalette(chrome_palette(theme))
        self._build_first_frame(theme)
        self.navigation = Navigation(pack, self.session, settings, self.reading, self)
        self.dialogs = WindowDialogs(self, pack, family, settings, self.navigation, show_notice=self.show_notice,
                                     shortcut_rows=lambda: self.commands.shortcut_rows(), reading=self.reading,
                                     banner=self.banner,
                                     reading_px=lambda: Typography(self.session.text_percent).reading)
        self.appearance = Appearance(self, self.header, self.banner, self.reading, self.notice, theme=theme,
                                     navigation=self.navigation, session=self.session, settings=settings,
                                     family=family)
        self._connect_first_frame()
        settings.on_save_failed = self.show_settings_not_saved
        self.appearance.apply_text_scale(self.session.text_percent)
        located = pack.locate(settings.last_section) if settings.last_section else None
        section, anchor = located if located else (pack.home, None)
        place = settings.last_place if located and anchor is None else 0  # where in it, once it is laid out
        self.navigation.open_location(Location(section.id, anchor), quietly=True)
        self._show_start_notices()
        self.reading.setFocus()  # the window opens on the text, not on its first button (A−)
        describe_window_as_it_opens(self, pack.manifest.disclaimer)  # a screen reader hears it with the title
        if settings.geometry is None or not self.restoreGeometry(settings.geometry):
            resize_within_screen(self, 1100, 780)
        self.start = StagedStart(self._stages(place), self)
        if finish_after_first_paint:
            self.reading.firstPainted.connect(self.start.run_soon)
        else:
            self.start.run_now()

    # -- the first frame ----------------------------------------------------------------------
    def _build_first_frame(self, theme: Palette) -> None:
        """Header, disclaimer, notices and the text, and room for the rest, so nothing moves later."""
        manifest = self.pack.manifest
        self.header = HeaderBar(manifest.title, review_line(manifest), self)
        self.banner = DisclaimerBanner(manifest.disclaimer, self, theme)
        self.reading = ReadingPane(self.pack.root, self, theme)
        self.reading.set_spacing(Spacing(line_height=self.settings.line_height,
                                         paragraph_em=self.settings.paragraph_spacing))
        outline(self.reading, theme)
        self.notice = NoticeBar(self, theme)  # hidden until there is something to say
        self.match_bar = MatchBar(self)  # hidden until a page has matches

        left = QWidget(self)
        self._left_layout = QVBoxLayout(left)
        self._left_layout.setContentsMargins(8, 8, 0, 8)
        right = QWidget(self)
        self._right_layout = QVBoxLayout(right)
        self._right_layout.setContentsMargins(0, 8, 8, 8)
        self._right_layout.addWidget(self.notice)
        self._right_layout.addWidget(self.match_bar)
        self._right_layout.addWidget(self.reading, 1)
        # By keyword: a positional parent makes PySide check the Orientation overload,
        # creating the whole Qt namespace before the first frame.
        self.splitter = QSplitter(parent=self)  # side by side
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 800])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        # The menu bar is in the first frame too; the commands fill its menus.
        self.menus = build_menus(self.menuBar())

    def _connect_first_frame(self) -> None:
        """What the first frame's widgets ask of the components."""
        self.navigation.locationChanged.connect(self._show_title)
        self.appearance.textSizeChosen.connect(self.fit_layout_to_width)
        self.appearance.textSizeChanged.connect(self.fit_layout_to_width)
        self.header.contents_button.toggled.connect(self.show_contents_drawer)
        self.reading.internalLinkClicked.connect(self.navigation.open_place)
        self.reading.externalLinkClicked.connect(self.show_external_address)
        self.reading.historyStepRequested.connect(self.navigation.step_history)
        self.reading.termActivated.connect(self.dialogs.show_term)
        self.reading.plainWordsToggled.connect(self.navigation.show_plain_words)
        self.reading.linkFocused.connect(self.navigation.speak_link)

    def _show_start_notices(self) -> None:
        """An overdue review date and content that could not be shown, in one line."""
        notices = []
        if review_overdue(self.pack.manifest, dt.date.today()):
            notices.append(self.tr("This summary was last updated on {date}. Some of its information may be out "
                                   "of date.").format(date=long_date(self.pack.manifest.last_updated)))
        if self.pack.problems:
            notices.append(self.tr("Some content could not be shown. {detail}").format(
                detail=" ".join(str(p) + "." for p in self.pack.problems[:3])))
        if notices:
            self.notice.show_message(" ".join(notices))

    def _show_title(self, section_id: str, _anchor: str) -> None:
        section = self.pack.section(section_id) or self.pack.home
        self.setWindowTitle(f"{section.title} — {self.pack.manifest.title} — {APP_NAME}")

    # -- the stages after it -------------------------------------------------------------------
    def _stages(self, place: int) -> tuple[Stage, ...]:
        """What the first frame does without, in the order it can be built (each well under 50 ms)."""
        return (("side panels", self._build_side_panels), ("commands", self._build_commands),
                ("contents", lambda: self.panels.fill_contents()), ("widget setup", self._finish_widget_setup),
                ("the reader's place", lambda: self.navigation.return_to_place(place)),
                ("focus and wheel", self._watch_focus_and_wheel), ("popups", self._dress_popups),
                ("glossary", self._mark_glossary_terms), ("search index", lambda: self.search_controller.prepare()),
                ("first uses", self._prepare_first_uses))

    def _build_side_panels(self) -> None:
        from reader.ui.window.side_panels import SidePanels

        self.panels = SidePanels(self, self._left_layout, pack=self.pack, session=self.session,
                                 reading=self.reading, match_bar=self.match_bar, navigation=self.navigation,
                                 appearance=self.appearance, debounce_ms=self._debounce_ms)
        self.search_panel = self.panels.search_panel
        self.navigator = self.panels.navigator
        self.search_controller = self.panels.search_controller
        self.search_panel.resultChosen.connect(self.open_and_read)
        self.navigator.locationActivated.connect(self.open_and_read)
        self.navigator.itemClicked.connect(self.close_contents_drawer)

    def _build_commands(self) -> None:
        """Actions, menus and shortcuts from the command table, and the header's buttons on them."""
        from PySide6.QtGui import QIcon

        from reader.resources import resource
        from reader.ui.widgets.theme_menu import ThemeMenu
        from reader.ui.window.alt_keys import AltShortcutGuard
        from reader.ui.window.commands import Commands
        from reader.ui.window.plain_pairs import PlainPairs
        from reader.ui.window.read_aloud import ReadAloud

        self.setWindowIcon(QIcon(str(resource("icons", "atl-reader-256.png"))))
        self.read_aloud = ReadAloud(self.reading, self.pack, self.session, self.settings,
                                    engine=self._speech_engine, parent=self)
        self.dialogs.read_aloud = self.read_aloud
        self.plain_pairs = PlainPairs(self.pack, self.session, self.reading, self.navigation, self)
        self.commands = Commands(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(AltShortcutGuard(self))  # an Alt shortcut must not open the menu bar too
        commands = self.commands
        self.header.attach_actions(commands["back"], commands["forward"], commands["print"], commands["read_aloud"],
                                   commands["stop_reading"])
        self._connect_read_aloud()
        self.commands.fill_menus(self.menus)
        self.theme_menu = ThemeMenu(self.menus["view"])
        self.theme_menu.show_choice(self.settings.theme)
        self.theme_menu.themeChosen.connect(self.appearance.choose_theme)
        self.menus["view"].insertMenu(self.commands["reading_options"], self.theme_menu)
        text_size = self.header.text_size
        text_size.largerRequested.connect(self.commands["larger"].trigger)
        text_size.smallerRequested.connect(self.commands["smaller"].trigger)
        text_size.resetRequested.connect(self.commands["reset_size"].trigger)
        self.appearance.textSizeChanged.connect(self.commands.follow_text_size)
        self.commands.follow_text_size(self.session.text_percent)
        self.navigation.historyChanged.connect(self._enable_history_commands)
        history = self.session.history
        self._enable_history_commands(history.can_go_back, history.can_go_forward)
        # As the screen reads: the header left to right, then the side panel, then the text.
        chain = [self.header.contents_button, self.header.back, self.header.forward, self.header.text_size.smaller,
                 self.header.text_size.reset, self.header.text_size.larger, self.header.print_button,
                 self.search_panel.field, self.search_panel.clear_button, self.search_panel.results, self.navigator,
                 self.notice.close_button, self.match_bar.previous, self.match_bar.next, self.reading]
        for first, second in zip(chain, chain[1:], strict=False):  # each widget with the next
            QWidget.setTabOrder(first, second)

    def _connect_read_aloud(self) -> None:
        """Its buttons follow it; a new page, a search, printing or a handout stop it."""
        reading_aloud = self.read_aloud
        reading_aloud.stateChanged.connect(self._show_reading_aloud)
        reading_aloud.problemFound.connect(self.show_notice)
        self.navigation.locationChanged.connect(lambda _section, _anchor: reading_aloud.stop())
        self.search_panel.queryChanged.connect(lambda _query: reading_aloud.stop())
        for name in ("print", "export_pdf"):
            self.commands[name].triggered.connect(reading_aloud.stop)
        for name in ("read_aloud", "stop_reading"):  # after the command itself: what it did is said
            self.commands[name].triggered.connect(reading_aloud.say_state)
        self._show_reading_aloud(reading_aloud.state)

    def _show_reading_aloud(self, state: Reading) -> None:
        self.header.show_reading(state.value)
        self.commands["stop_reading"].setEnabled(state.value != "stopped")
        read = self.commands["read_aloud"]
        read.setEnabled(not self.read_aloud.unavailable)
        if self.read_aloud.unavailable:  # said on the button itself, as well as in the notice
            self.header.read_button.setToolTip(self.read_aloud.unavailable)
            self.header.read_button.setAccessibleDescription(self.read_aloud.unavailable)

    def _enable_history_commands(self, back: bool, forward: bool) -> None:
        self.commands["back"].setEnabled(back)
        self.commands["forward"].setEnabled(forward)

    def _finish_widget_setup(self) -> None:
        """What needs the Qt namespace: the caret, scroll bars, list behaviour."""
        for widget in (self.reading, self.navigator, self.search_panel, self.banner):
            widget.finish_setup()

    def _watch_focus_and_wheel(self) -> None:
        """The focus ring, and Ctrl+wheel as text size (these need the viewports)."""
        from reader.ui.widgets.focus_ring import FocusRing
        from reader.ui.window.wheel_zoom import WheelZoom

        self.focus_ring = FocusRing(self, self.appearance.theme.focus)
        self.appearance.themeChanged.connect(lambda theme: self.focus_ring.set_colour(theme.focus))
        # One place turns Ctrl+wheel into text size, wherever the pointer is.
        wheel_zoom = WheelZoom(self)
        wheel_zoom.watch(self.reading.viewport(), self.navigator.viewport(), self.search_panel.results.viewport(),
                         self.banner, self.header)
        wheel_zoom.zoomRequested.connect(
            lambda direction: self.commands["larger" if direction > 0 else "smaller"].trigger())

    def _dress_popups(self) -> None:
        """Menus, dialogs and tooltips in the window's colours, which follow the system's where chosen."""
        self.appearance.colour_popups()
        QApplication.styleHints().colorSchemeChanged.connect(self.appearance.follow_system_theme)
        self.appearance.follow_system_theme()  # only now: the contrast preference needs the Qt namespace

    def _mark_glossary_terms(self) -> None:
        """Glossary terms marked on this page and every page after it."""
        from reader.content.glossary import TermFinder

        terms = TermFinder(self.pack.glossary)
        self.navigation.pageShown.connect(lambda: self.reading.mark_terms(terms))
        self.reading.mark_terms(terms)

    def _prepare_first_uses(self) -> None:
        """What the first keystroke would otherwise wait for: drawing results, announcing them."""
        from reader.ui.announce import prepare_announcements

        self.search_panel.results.prepare()
        prepare_announcements()

    # -- layout ---------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_layout_to_width()

    def fit_layout_to_width(self) -> None:
        """Contents beside the text, or a drawer when the window is narrow for the text size."""
        narrow = takes_turns(self.width(), Typography(self.session.text_percent).reading)
        self.appearance.set_compact(narrow or self.height() < SHORT_WINDOW_PX)
        if narrow == self._narrow:
            return
        self._narrow = narrow
        left, focused = self.splitter.widget(0), QApplication.focusWidget()
        keep_focus = narrow and left is not None and focused is not None and left.isAncestorOf(focused)
        self.header.contents_button.setVisible(narrow)
        self.header.set_compact(narrow)
        self._right_layout.setContentsMargins(8 if narrow else 0, 8, 8, 8)  # off the window's edge
        self.header.contents_button.setChecked(False)
        self.show_contents_drawer(False)
        if keep_focus:  # the contents or search had it, and they just went away
            self.reading.setFocus()

    def close_contents_drawer(self) -> None:
        """A section was picked: in a narrow window, back to the text."""
        self.header.contents_button.setChecked(False)

    def go_to_search(self) -> None:
        """Ctrl+F or "/": to the search field, opening the drawer it sits in when the window is narrow."""
        if self._narrow:
            self.header.contents_button.setChecked(True)
        self.search_panel.focus_field()

    def go_to_contents(self) -> None:
        """Alt+C: to the contents (a search on screen is cleared, as its results stand in their place)."""
        if self._narrow:
            self.header.contents_button.setChecked(True)
        self.search_panel.clear()
        self.navigator.setFocus()

    def show_contents_drawer(self, shown: bool) -> None:
        """In a narrow window the contents and the text take turns; otherwise both show."""
        left, right = self.splitter.widget(0), self.splitter.widget(1)
        if left is not None and right is not None:  # both are added as the window is built
            focused = QApplication.focusWidget()
            left.setVisible(shown or not self._narrow)
            right.setVisible(not (shown and self._narrow))
            if focused is not None and left.isAncestorOf(focused) and not left.isVisible():
                self.reading.setFocus()  # not the next button in line (A-, where Space shrank the text)

    def open_and_read(self, section_id: str, anchor: str) -> None:
        """A result or a contents entry activated: its place, its first match, and the text to read.

        Focus moves first: when the caret moved before it, Orca said nothing of the move.
        """
        self.close_contents_drawer()
        if self._narrow:  # the text has its width back only once the layout runs: before its match is placed
            QApplication.sendPostedEvents()
        self.reading.setFocus()
        self.navigation.open_place(section_id, anchor)
        self.search_controller.show_first_match()

    # -- notices ----------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        """Say something in the notice line above the text, and to a screen reader."""
        self.notice.show_message(text)
        announce(self.notice, text)

    def come_forward(self) -> None:
        """Another launch asked for the reader: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def apologise(self) -> None:
        """After an unexpected error (already logged): a short sentence, and the reader goes on."""
        self.show_notice(self.tr("Sorry, something went wrong. The reader is still working; "
                                 "you can carry on reading."))

    def show_settings_not_saved(self, path: str) -> None:
        self.show_notice(
            self.tr("Your text size and place cannot be saved on this computer ({path} cannot be written to). "
                    "They will last until you close the reader.").format(path=path)
        )

    def show_external_address(self, url: str) -> None:
        from reader.content.links import external_address
        from reader.qr import qr_png

        address = external_address(url)
        self.notice.show_message(
            self.tr("This reader works offline, so links do not open here. "
                    "To visit this page later on a phone or computer, go to: {address}").format(address=address)
            + "\n" + self.tr("Or point a phone's camera at the code."),
            qr_png(url), self.tr("QR code for {address}").format(address=address),
        )
        announce(self.notice, self.notice.accessibleDescription())

    # -- sessions ---------------------------------------------------------------------------------
    def clear_search(self) -> None:
        self.search_controller.clear()

    def reset_session(self, text_percent: int, section_id: str | None = None) -> None:
        """A fresh start for the next person: no search or notice, their text size, a page (the first) from the top."""
        before = self.session.text_percent
        home = self.session.reset(section_id or self.pack.home.id, text_percent)
        self.search_panel.clear()  # the session has no search: the field and results follow it
        self.notice.hide()
        self.appearance.show_text_size(changed=self.session.text_percent != before)
        self.navigation.open_location(home)

    def kiosk_surface(self) -> KioskSurface:
        """What the kiosk may use of this window (once its stages have run)."""
        from reader.ui.window.kiosk_surface import KioskSurface

        return KioskSurface(self, self.pack, self.family, self.header, self.banner, self.reading, self.search_panel,
                            self.navigator, self.notice, self.commands, self.navigation, self.appearance,
                            self.read_aloud, self.dialogs, self.reset_session, self.close_contents_drawer,
                            self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.settings.geometry = QByteArray(self.saveGeometry())
        self.navigation.remember_place()
        self.settings.save()
        super().closeEvent(event)

