"""The reader window: builds the widgets and wires them together."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader.content.dates import long_date, review_overdue
from reader.content.loader import review_line
from reader.content.model import Pack
from reader.navigation import History, Location
from reader.ui.appearance import AppearanceMixin
from reader.ui.window_navigation import NavigationMixin
from reader.ui.banner import DisclaimerBanner
from reader.ui.header import HeaderBar
from reader.ui.reading_pane import ReadingPane
from reader.ui.settings import Settings
from reader.ui.theme import Palette, Spacing
from reader.ui.theming import chrome_palette, outline, resolve

#: Below this width the contents and the text take turns (a drawer), so the text keeps its room.
NARROW_PX = 640

if TYPE_CHECKING:  # imported on first use, not for the first frame
    from collections.abc import Callable

    from reader.content.glossary import TermFinder
    from reader.ui.actions import Actions
    from reader.ui.navigator import NavigatorTree
    from reader.ui.match_bar import MatchBar
    from reader.ui.notice import NoticeBar
    from reader.ui.search_controller import SearchController
    from reader.ui.search_panel import SearchPanel
    from reader.ui.focus_ring import FocusRing
    from reader.ui.theme_menu import ThemeMenu


class MainWindow(NavigationMixin, AppearanceMixin, QMainWindow):
    """One window over one pack."""

    #: The section or subsection on screen changed: (section id, anchor or "").
    locationChanged = Signal(str, str)
    #: The text size changed, in percent.
    textScaleChanged = Signal(int)

    # Built in _finish_stages, once the first frame is on screen.
    actions_: Actions
    navigator: NavigatorTree
    search: SearchPanel
    notice: NoticeBar
    match_bar: MatchBar
    searching: SearchController
    theme_menu: ThemeMenu
    focus_ring: FocusRing
    _terms: TermFinder

    def __init__(self, pack: Pack, settings: Settings, family: str, *, search_debounce_ms: int = 150,
                 finish_after_first_paint: bool = False) -> None:
        """Build the window.

        The first frame shows the title, the disclaimer and the text. The rest (see
        _finish_stages) is built after it with finish_after_first_paint, so the reader
        sees the text sooner; otherwise it is built here, at once.
        """
        super().__init__()
        self.pack = pack
        self.settings = settings
        self.family = family
        self.history = History()
        self._shown_section: str | None = None
        self._percent = settings.text_percent
        self._debounce_ms = search_debounce_ms
        self._finished = False
        self._pending_notices: list[str] = []
        self._announced_section: str | None = None
        self._narrow = False

        self.theme: Palette = resolve(settings.theme)
        self.setPalette(chrome_palette(self.theme))
        self._build_first_frame()
        self.reading.set_spacing(Spacing(line_height=settings.line_height, paragraph_em=settings.paragraph_spacing))
        settings.on_save_failed = self.show_settings_not_saved
        self.apply_text_scale(self._percent)
        start = settings.last_section
        located = pack.locate(start) if start else None
        section, anchor = located if located else (pack.home, None)
        self.open_location(Location(section.id, anchor))
        if review_overdue(pack.manifest, dt.date.today()):
            self.show_notice(
                self.tr("This summary was last reviewed on {date}. Some of its information may be out of date.")
                .format(date=long_date(pack.manifest.last_updated))
            )
        if pack.problems:
            self.show_notice(
                self.tr("Some content could not be shown. {detail}").format(
                    detail=" ".join(str(p) + "." for p in pack.problems[:3])
                )
            )
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 780)
        if finish_after_first_paint:
            self.reading.firstPainted.connect(self._finish_soon)
        else:
            self._finish_start()

    # -- construction ---------------------------------------------------------------
    def _build_first_frame(self) -> None:
        """Header, disclaimer, the text, and room for the rest, so nothing moves later."""
        manifest = self.pack.manifest
        self.header = HeaderBar(manifest.title, review_line(manifest), self)
        self.banner = DisclaimerBanner(manifest.disclaimer, self, self.theme)
        self.reading = ReadingPane(self.pack.root, self, self.theme)
        outline(self.reading, self.theme)

        left = QWidget(self)
        self._left_layout = QVBoxLayout(left)
        self._left_layout.setContentsMargins(8, 8, 0, 8)
        right = QWidget(self)
        self._right_layout = QVBoxLayout(right)
        self._right_layout.setContentsMargins(0, 8, 8, 8)
        self._right_layout.addWidget(self.reading, 1)
        # By keyword: a positional parent makes PySide check the Orientation overload,
        # creating the whole Qt namespace (~30 ms) before the first frame.
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
        # The menu bar is in the first frame too; its menus are filled in _finish_stages.
        self._menus = [self.menuBar().addMenu(title)
                       for title in (self.tr("&File"), self.tr("&View"), self.tr("&Go"), self.tr("&Help"))]

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        narrow = self.width() < NARROW_PX
        if narrow != self._narrow:
            self._narrow = narrow
            self.header.contents_button.setVisible(narrow)
            self.header.set_compact(narrow)
            self.header.contents_button.setChecked(False)
            self.show_contents_drawer(False)

    def close_contents_drawer(self) -> None:
        """A section was picked: in a narrow window, back to the text."""
        self.header.contents_button.setChecked(False)

    def show_contents_drawer(self, shown: bool) -> None:
        """In a narrow window the contents and the text take turns; otherwise both show."""
        left, right = self.splitter.widget(0), self.splitter.widget(1)
        left.setVisible(shown or not self._narrow)
        right.setVisible(not (shown and self._narrow))

    def _finish_soon(self) -> None:
        """After the first paint: the rest, one stage per turn of the event loop.

        Each stage stays well under 50 ms, so a click or key press that comes
        while the window finishes itself is never held up for long.
        """
        stages = list(self._finish_stages())

        def run_next_stage() -> None:
            stages.pop(0)()
            if stages:
                QTimer.singleShot(0, run_next_stage)

        QTimer.singleShot(0, run_next_stage)  # once the painted frame is on screen

    def _finish_start(self) -> None:
        """Build what the first frame does not show, all at once (tests, the self-test, the kiosk)."""
        for stage in self._finish_stages():
            stage()

    def _finish_stages(self) -> tuple[Callable[[], None], ...]:
        """Commands, contents, search and notices, in the order they can be built.

        Their modules, the Qt namespace and the viewports make PySide create some
        200 enum classes on first use (~60 ms), so the first frame does without them.
        Until the last stage ends (self._finished), the window works as in its first
        frame, and that stage brings the new widgets up to date.
        """
        return (self._build_commands_and_panels, self._fill_contents, self._finish_widget_setup,
                self._watch_focus_and_wheel, self._bring_new_widgets_up_to_date, self._start_search_index)

    def _build_commands_and_panels(self) -> None:
        from reader.ui.actions import build_actions, fill_menus
        from reader.ui.navigator import NavigatorTree
        from reader.ui.notice import NoticeBar
        from reader.ui.match_bar import MatchBar
        from reader.ui.search_controller import SearchController
        from reader.ui.search_panel import SearchPanel
        from reader.ui.theme_menu import ThemeMenu
        from PySide6.QtGui import QIcon

        from reader.resources import resource

        self.setWindowIcon(QIcon(str(resource("icons", "atl-reader-256.png"))))
        self.actions_ = build_actions(self)
        a = self.actions_
        self.header.attach_actions(a.back, a.forward, a.print_)
        self.search = SearchPanel(self, debounce_ms=self._debounce_ms)
        self.navigator = NavigatorTree(self)  # filled in the next stage: thousands of sections take a while
        self._left_layout.addWidget(self.search)
        self._left_layout.addWidget(self.navigator, 1)
        self.notice = NoticeBar(self, self.theme)
        self._right_layout.insertWidget(0, self.notice)
        self.match_bar = MatchBar(self)
        self._right_layout.insertWidget(1, self.match_bar)
        self.searching = SearchController(self.pack, self.search, self.reading, self.match_bar, self)
        fill_menus(self._menus, self.actions_)
        self.theme_menu = ThemeMenu(self)
        self._menus[1].addSeparator()
        self._menus[1].addMenu(self.theme_menu)
        self._menus[1].addAction(self.tr("&Reading options…"), self.show_reading_options)
        self.theme_menu.show_choice(self.settings.theme)
        self.theme_menu.themeChosen.connect(self.choose_theme)
        QApplication.styleHints().colorSchemeChanged.connect(self._follow_system_theme)
        self._connect()
        chain = [self.header.back, self.header.forward, self.search.field, self.search.clear_button,
                 self.search.results, self.navigator,
                 self.match_bar.previous, self.match_bar.next, self.reading, self.header.text_size.smaller, self.header.text_size.reset,
                 self.header.text_size.larger, self.header.print_button, self.notice.close_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _fill_contents(self) -> None:
        self.navigator.set_pack(self.pack)

    def _finish_widget_setup(self) -> None:
        """What needs the Qt namespace: the caret, scroll bars, list behaviour."""
        for widget in (self.reading, self.navigator, self.search, self.banner):
            widget.finish_setup()

    def _watch_focus_and_wheel(self) -> None:
        """The focus ring, and Ctrl+wheel as text size (these need the viewports)."""
        from reader.ui.focus_ring import FocusRing
        from reader.ui.wheel_zoom import WheelZoom

        self.focus_ring = FocusRing(self, self.theme.focus)
        # One place turns Ctrl+wheel into text size, wherever the pointer is.
        self._wheel_zoom = WheelZoom(self)
        self._wheel_zoom.watch(self.reading.viewport(), self.navigator.viewport(), self.search.results.viewport(),
                               self.banner, self.header)
        self._wheel_zoom.zoomRequested.connect(self._zoom_by_wheel)

    def _bring_new_widgets_up_to_date(self) -> None:
        """Text size, glossary marks, the place in the contents, colours and notices."""
        from reader.content.glossary import TermFinder

        self._finished = True
        self.apply_text_scale(self._percent)  # sizes the new widgets' text
        self._terms = TermFinder(self.pack.glossary)
        self.reading.mark_terms(self._terms)
        location = self.current
        self.navigator.show_location(location.section_id, location.anchor)
        self._update_history_actions()
        self.search.set_theme(self.theme)
        outline(self.navigator, self.theme)
        self._follow_system_theme()  # only now: the contrast preference needs the Qt namespace
        if self._pending_notices:  # one line says all of them
            self.notice.show_message(" ".join(self._pending_notices))
        self._pending_notices.clear()

    def _start_search_index(self) -> None:
        self.searching.prepare()  # last: the index builds while the reader reads

    def _connect(self) -> None:
        a = self.actions_
        a.back.triggered.connect(self.go_back)
        a.forward.triggered.connect(self.go_forward)
        a.home.triggered.connect(self.go_home)
        a.previous_section.triggered.connect(self.show_previous_section)
        a.next_section.triggered.connect(self.show_next_section)
        a.find.triggered.connect(self.search.focus_field)
        a.find_slash.triggered.connect(self.search.focus_field)
        a.clear_search.triggered.connect(self.clear_search)
        a.larger.triggered.connect(self.make_text_larger)
        a.smaller.triggered.connect(self.make_text_smaller)
        a.reset_size.triggered.connect(self.reset_text_size)
        a.print_.triggered.connect(self.print_handout)
        a.export_pdf.triggered.connect(self.export_handout)
        a.quit.triggered.connect(self.close)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        text_size = self.header.text_size
        text_size.largerRequested.connect(a.larger.trigger)
        text_size.smallerRequested.connect(a.smaller.trigger)
        text_size.resetRequested.connect(a.reset_size.trigger)
        self.navigator.locationChosen.connect(self._open_from_navigator)
        self.navigator.locationActivated.connect(self._open_and_read)
        self.searching.searchingChanged.connect(self._show_search_results)
        a.next_match.triggered.connect(self.searching.show_next_match)
        a.previous_match.triggered.connect(self.searching.show_previous_match)
        self.search.resultChosen.connect(self._open_and_read)
        self.reading.internalLinkClicked.connect(self._follow_internal_link)
        self.reading.externalLinkClicked.connect(self.show_external_address)
        self.reading.visibleAnchorChanged.connect(self._track_reading_position)
        self.reading.historyStepRequested.connect(self._step_history)
        self.reading.termActivated.connect(self.show_term)
        self.header.contents_button.toggled.connect(self.show_contents_drawer)
        self.navigator.itemClicked.connect(self.close_contents_drawer)

    def show_notice(self, text: str) -> None:
        """Say something in the notice line (kept until the line exists)."""
        if self._finished:
            self.notice.show_message(text)
        else:
            self._pending_notices.append(text)

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
            self.tr("Your text size and place cannot be saved on this computer ({path} is not writable). "
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

    # -- search ---------------------------------------------------------------------------
    def _show_search_results(self, searching: bool) -> None:
        # The results list replaces the contents tree while a search is on.
        self.navigator.setVisible(not searching)
        self._left_layout.setStretchFactor(self.search, 1 if searching else 0)

    def clear_search(self) -> None:
        self.searching.clear()

    def reset_session(self, text_percent: int) -> None:
        """A fresh start for the next person: nothing of this session stays on screen."""
        self.search.clear()
        self.notice.hide()
        self.history = History()
        self._shown_section = None  # shown again from the top
        self.apply_text_scale(text_percent)
        self.open_location(Location(self.pack.home.id))
        QApplication.clipboard().clear()

    # -- printing and dialogs ---------------------------------------------------------------
    def print_handout(self) -> None:
        from reader.ui.printing import print_with_preview

        section = self.pack.section(self.current.section_id) or self.pack.home
        message = print_with_preview(self, self.pack, section, self.family, self.settings)
        if message:
            self.show_notice(message)

    def export_handout(self) -> None:
        from reader.ui.printing import export_with_dialog

        message = export_with_dialog(self, self.pack)
        if message:
            self.show_notice(message)

    def show_shortcuts(self) -> None:
        from reader.ui.dialogs import show_shortcuts

        show_shortcuts(self, self.actions_)

    def show_term(self, index: int) -> None:
        """The plain-language definition of a marked term, in a dialog Esc closes."""
        from reader.ui.dialogs import show_definition

        if 0 <= index < len(self.pack.glossary):
            show_definition(self, self.pack.glossary[index])

    def show_about(self) -> None:
        from reader.ui.dialogs import show_about

        show_about(self, self.pack)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.settings.geometry = QByteArray(self.saveGeometry())
        super().closeEvent(event)

