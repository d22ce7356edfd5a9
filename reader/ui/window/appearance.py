"""How the window looks: theme, reading spacing and text size, applied to the widgets it is given."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolTip

from reader import textscale
from reader.reading.session import ReadingSession
from reader.style.palettes import Palette
from reader.style.stylesheet import Spacing, menu_css
from reader.style.type_sizes import Typography
from reader.ui.announce import announce
from reader.ui.settings import Settings
from reader.ui.style.qt_palettes import SYSTEM, chrome_palette, outline, resolve
from reader.ui.widgets.banner import DisclaimerBanner
from reader.ui.widgets.header import HeaderBar
from reader.ui.widgets.notice import NoticeBar
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.window.navigation import Navigation

if TYPE_CHECKING:  # built with the commands, after the first frame
    from reader.ui.window.read_aloud import ReadAloud


class Appearance(QObject):
    """Theme, spacing and text size: kept in the session and settings, shown on every widget.

    It colours and sizes the widgets it is given; others (the contents and search,
    built after the first frame) follow themeChanged and textSizeChanged.
    """

    #: The window's colours changed (a Palette).
    themeChanged = Signal(object)
    #: The text size changed or was shown again, in percent.
    textSizeChanged = Signal(int)
    #: A new text size was chosen, before the widgets take it: the layout folds first, so that
    #: larger buttons in a row they no longer fit do not widen the window.
    textSizeChosen = Signal(int)

    def __init__(self, window: QMainWindow, header: HeaderBar, banner: DisclaimerBanner, reading: ReadingPane,
                 notice: NoticeBar, *, theme: Palette, navigation: Navigation,
                 session: ReadingSession, settings: Settings, family: str) -> None:
        """theme: the colours the widgets were built in."""
        super().__init__(window)
        self._window = window
        central = window.centralWidget()
        assert central is not None, "the window lays out its widgets before it makes its components"
        self._central = central
        self._header = header
        self._banner = banner
        self._reading = reading
        self._notice = notice
        self._navigation = navigation
        self._session = session
        self._settings = settings
        self._family = family
        self.theme = theme
        self._compact = False

    # -- themes ------------------------------------------------------------------------------
    def choose_theme(self, choice: str) -> None:
        """The reader's choice, remembered: "system", "light", "dark" or "contrast"."""
        self._settings.theme = choice
        self.apply_theme(resolve(choice, ask_contrast=True))

    def follow_system_theme(self) -> None:
        """The system's colours or contrast changed: followed if the reader chose "system"."""
        if self._settings.theme == SYSTEM:
            self.apply_theme(resolve(SYSTEM, ask_contrast=True))

    def apply_theme(self, theme: Palette) -> None:
        """Colour every widget for theme."""
        if theme == self.theme:
            return  # already in these colours: built with them, or the system changed to them
        with self.page_shown_again():
            self.theme = theme
            self._window.setPalette(chrome_palette(theme))
            for widget in (self._banner, self._notice, self._reading):
                widget.set_theme(theme)
            outline(self._reading, theme)
            self.themeChanged.emit(theme)
        self.colour_popups()

    # Menus, dialogs and tooltips are windows of their own, which take nothing from
    # the window they belong to: without these a dark or high-contrast reader at
    # 300 % got light menus and dialogs in the system's small font. Those made from
    # now on take colours and fonts from the application, per class, so dialogs Qt
    # makes itself (a message box, Save as PDF, the print preview) and right-click
    # menus are dressed too; the application's own palette stays the system's, which
    # the "system" theme reads. The menu bar's menus, made with the window, are told.
    def colour_popups(self) -> None:
        """Menus, dialogs and tooltips in the window's colours."""
        palette = self._window.palette()
        for class_name in ("QMenu", "QDialog"):
            QApplication.setPalette(palette, class_name)  # type: ignore[arg-type]  # stub says bytes; PySide takes str
        QToolTip.setPalette(palette)
        edged = menu_css(self.theme)
        for menu in self._menus():
            menu.setPalette(palette)
            menu.setStyleSheet(edged)
        self._colour_scroll_bars(palette)

    def _colour_scroll_bars(self, palette: QPalette) -> None:
        """Scroll bar handles in the border colour: drawn in the button colour, high contrast's was a dark grey
        outline on black, and a low-vision reader could not tell where in the page they were."""
        from PySide6.QtWidgets import QScrollBar

        bars = QPalette(palette)
        bars.setColor(QPalette.ColorRole.Button, QColor(self.theme.border))
        for bar in self._window.findChildren(QScrollBar):
            bar.setPalette(bars)

    def _size_popups(self, menu_font: QFont, dialog_font: QFont) -> None:
        """Menus and tooltips at the chrome size, dialogs at the content size."""
        # PySide's stub says bytes for the class name, but only str is accepted (6.11).
        QApplication.setFont(menu_font, "QMenu")  # type: ignore[arg-type]
        QApplication.setFont(dialog_font, "QDialog")  # type: ignore[arg-type]
        QToolTip.setFont(menu_font)
        for menu in self._menus():
            menu.setFont(menu_font)

    def _menus(self) -> list[QMenu]:
        """The menu bar's menus and their submenus (the Theme menu)."""
        return self._window.menuBar().findChildren(QMenu)

    def show_reading_options(self, speech: ReadAloud | None = None) -> None:
        """Spacing, and with speech, read aloud's speed and voice (the engine's voices, if it has one)."""
        from reader.ui.widgets.dialogs import place_below
        from reader.ui.widgets.reading_options import ReadingOptionsDialog

        settings = self._settings
        dialog = ReadingOptionsDialog(settings.line_height, settings.paragraph_spacing, self._window,
                                      speed=settings.speech_speed, voice=settings.speech_voice,
                                      voices=speech.voice_names() if speech is not None else ())
        dialog.spacingChosen.connect(self.apply_spacing)
        if speech is not None:
            dialog.speechChosen.connect(speech.choose_speech)
        place_below(dialog, self._banner.mapToGlobal(self._banner.rect().bottomLeft()).y())  # the disclaimer in view
        dialog.exec()

    def apply_spacing(self, line_height: int, paragraph_em: float) -> None:
        """The reader's line and paragraph spacing, remembered and shown at once."""
        self._settings.line_height = line_height
        self._settings.paragraph_spacing = paragraph_em
        with self.page_shown_again():
            self._reading.set_spacing(Spacing(line_height=line_height, paragraph_em=paragraph_em))

    @contextmanager
    def page_shown_again(self) -> Iterator[None]:
        """Around a change to how pages look: the page is then shown again, at the reader's place.

        Qt reads the page stylesheet (colours, spacing, and the space between
        paragraphs at each text size) only as it parses a page.
        """
        if self._session.shown_section is None:  # a kiosk reset: the first page is shown next
            yield
            return
        with self._reading.showing_again():
            yield
            self._navigation.show_again()

    # -- text size ---------------------------------------------------------------------------
    @property
    def text_percent(self) -> int:
        return self._session.text_percent

    def apply_text_scale(self, percent: int) -> None:
        """The reader's text size, kept in the session, shown and remembered."""
        percent = textscale.clamp(percent)
        changed = percent != self._session.text_percent
        with self.page_shown_again() if changed else nullcontext():
            self._session.text_percent = percent
            self.textSizeChosen.emit(percent)
            self._size_page_and_chrome()
        self._size_the_rest(changed=changed)

    def show_text_size(self, *, changed: bool) -> None:
        """Every widget at the session's text size (after a reset: no page is shown yet)."""
        self._size_page_and_chrome()
        self._size_the_rest(changed=changed)

    def make_text_larger(self) -> None:
        self.apply_text_scale(textscale.larger(self._session.text_percent))

    def make_text_smaller(self) -> None:
        self.apply_text_scale(textscale.smaller(self._session.text_percent))

    def reset_text_size(self) -> None:
        self.apply_text_scale(textscale.DEFAULT_PERCENT)

    def set_compact(self, compact: bool) -> None:
        """A narrow or short window: the title grows less (the disclaimer keeps the reader's size)."""
        if compact != self._compact:
            self._compact = compact
            self._header.set_title_pixel_size(Typography(self._session.text_percent, compact).title)

    def chrome_font(self) -> QFont:
        """Controls, menus and notices at the session's text size."""
        return self._font(Typography(self._session.text_percent).chrome)

    def content_font(self) -> QFont:
        """The contents, search results and dialogs at the session's text size."""
        return self._font(Typography(self._session.text_percent).content)

    def _size_page_and_chrome(self) -> None:
        """What the page is laid out with: done before the page is shown again."""
        percent = self._session.text_percent
        sizes = Typography(percent, self._compact)
        self._central.setFont(self._font(sizes.chrome))
        self._window.menuBar().setFont(self._font(sizes.chrome))
        self._reading.set_pixel_size(sizes.reading)
        self._banner.set_text_font(self._font(sizes.banner))
        self._header.set_title_pixel_size(sizes.title)
        self._header.text_size.show_percent(percent, textscale.MIN_PERCENT, textscale.MAX_PERCENT)

    def _size_the_rest(self, *, changed: bool) -> None:
        """Popups and notices, then whoever follows textSizeChanged; changed is said to a screen reader."""
        chrome, content = self.chrome_font(), self.content_font()
        self._size_popups(chrome, content)
        self._notice.set_text_font(chrome)
        self._settings.text_percent = self._session.text_percent
        self.textSizeChanged.emit(self._session.text_percent)
        if changed:  # the size alone: the button's name goes on "Reset to normal size", heard as an order
            announce(self._header.text_size.reset, self.tr("Text size {percent}%").format(
                percent=self._session.text_percent))

    def _font(self, px: int) -> QFont:
        font = QFont(self._family)
        font.setPixelSize(px)
        return font
