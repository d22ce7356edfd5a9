"""How the window looks: theme, reading spacing and text size, applied to every widget.

A mixin of MainWindow, kept apart because it only sets colours, fonts and
spacing on widgets the window has built; it decides nothing about content.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from reader import textscale
from reader.style.palettes import Palette
from reader.style.stylesheet import Spacing
from reader.style.type_sizes import Typography
from reader.ui.announce import announce
from reader.ui.style.qt_palettes import SYSTEM, chrome_palette, outline, resolve

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from reader.ui.window.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class AppearanceMixin(_Base):
    """Theme, spacing and text size for MainWindow."""

    # Set in MainWindow.__init__; declared here too, as mypy cannot follow the mixin's base.
    theme: Palette

    # -- themes ------------------------------------------------------------------------------
    def choose_theme(self, choice: str) -> None:
        """The reader's choice, remembered: "system", "light", "dark" or "contrast"."""
        self.settings.theme = choice
        self.apply_theme(resolve(choice, ask_contrast=True))

    def _follow_system_theme(self) -> None:
        if self.settings.theme == SYSTEM:
            self.apply_theme(resolve(SYSTEM, ask_contrast=True))

    def apply_theme(self, theme: Palette) -> None:
        """Colour every widget for theme. Only called once the window is finished."""
        if theme == self.theme:
            return  # already in these colours: built with them, or the system changed to them
        with self._page_shown_again():
            self.theme = theme
            self.setPalette(chrome_palette(theme))
            for widget in (self.banner, self.notice, self.search, self.reading):
                widget.set_theme(theme)
            self.focus_ring.set_colour(theme.focus)
            outline(self.navigator, theme)
            outline(self.reading, theme)
        self.colour_popups()

    # Menus, dialogs and tooltips are windows of their own, which take nothing from
    # the window they belong to: without these a dark or high-contrast reader at
    # 300 % got light menus and dialogs in the system's small font. Those made from
    # now on take colours and fonts from the application, per class, so dialogs Qt
    # makes itself (a message box, Save as PDF, the print preview) and right-click
    # menus are dressed too; the application's own palette stays the system's, which
    # the "system" theme reads. The menu bar's menus, made with the window, are told.
    def colour_popups(self) -> None:
        """Menus, dialogs and tooltips in the window's colours (on a theme change, and once finished)."""
        from PySide6.QtWidgets import QToolTip  # here, not in the first frame, which has no tooltips yet

        palette = self.palette()
        for class_name in ("QMenu", "QDialog"):
            QApplication.setPalette(palette, class_name)  # type: ignore[arg-type]  # stub says bytes; PySide takes str
        QToolTip.setPalette(palette)
        for menu in self._popup_menus():
            menu.setPalette(palette)

    def _size_popups(self, menu_font: QFont, dialog_font: QFont) -> None:
        """Menus and tooltips at the chrome size, dialogs at the content size (on a text-size change)."""
        from PySide6.QtWidgets import QToolTip

        # PySide's stub says bytes for the class name, but only str is accepted (6.11).
        QApplication.setFont(menu_font, "QMenu")  # type: ignore[arg-type]
        QApplication.setFont(dialog_font, "QDialog")  # type: ignore[arg-type]
        QToolTip.setFont(menu_font)
        for menu in self._popup_menus():
            menu.setFont(menu_font)

    def _popup_menus(self) -> tuple[QMenu, ...]:
        return (*self.menus.values(), self.theme_menu)

    def show_reading_options(self) -> None:
        from reader.ui.widgets.reading_options import ReadingOptionsDialog

        dialog = ReadingOptionsDialog(self.settings.line_height, self.settings.paragraph_spacing, self)
        dialog.spacingChosen.connect(self.apply_spacing)
        dialog.exec()

    def apply_spacing(self, line_height: int, paragraph_em: float) -> None:
        """The reader's line and paragraph spacing, remembered and shown at once."""
        self.settings.line_height = line_height
        self.settings.paragraph_spacing = paragraph_em
        with self._page_shown_again():
            self.reading.set_spacing(Spacing(line_height=line_height, paragraph_em=paragraph_em))

    @contextmanager
    def _page_shown_again(self) -> Iterator[None]:
        """Around a change to how pages look: the page is then shown again, at the reader's place.

        Qt reads the page stylesheet (colours, spacing, and the space between
        paragraphs at each text size) only as it parses a page.
        """
        shown = self.session.shown_section
        section = self.pack.section(shown) if shown else None
        if section is None:  # no page yet (or a kiosk reset, which shows the first page next)
            yield
            return
        with self.reading.showing_again():
            yield
            self.put_page_up(section)

    # -- text size ---------------------------------------------------------------------------
    def apply_text_scale(self, percent: int) -> None:
        """The reader's text size, kept in the session, shown and remembered."""
        percent = textscale.clamp(percent)
        changed = percent != self.session.text_percent
        with self._page_shown_again() if changed else nullcontext():
            self.session.text_percent = percent
            self._size_first_frame()
        self._size_the_rest(changed=changed)

    def show_text_size(self, *, changed: bool) -> None:
        """Every widget at the session's text size (after a reset: no page is shown yet)."""
        self._size_first_frame()
        self._size_the_rest(changed=changed)

    def _size_first_frame(self) -> None:
        """The text size of what the page is laid out with: done before the page is shown again."""
        percent = self.session.text_percent
        sizes = Typography(percent)
        self.centralWidget().setFont(self._font(sizes.chrome))
        self.menuBar().setFont(self._font(sizes.chrome))
        self.reading.set_pixel_size(sizes.reading)
        self.banner.set_text_font(self._font(sizes.banner))
        self.header.set_title_pixel_size(sizes.title)
        self.header.text_size.show_percent(percent, textscale.MIN_PERCENT, textscale.MAX_PERCENT)

    def _size_the_rest(self, *, changed: bool) -> None:
        """Popups, contents, search and notices, once built; changed is said to a screen reader."""
        percent = self.session.text_percent
        sizes = Typography(percent)
        chrome, content = self._font(sizes.chrome), self._font(sizes.content)
        if self._finished:
            self._size_popups(chrome, content)
            self.fit_layout_to_width()  # large text in a small window: the text takes the whole width
            self.navigator.setFont(content)
            self.search.setFont(content)  # the results list measures its rows again itself
            self.notice.set_text_font(chrome)
            if changed:
                announce(self.header.text_size.reset, self.header.text_size.reset.accessibleName())
        self.settings.text_percent = percent
        self.textScaleChanged.emit(percent)

    def _font(self, px: int) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(px)
        return font

    def make_text_larger(self) -> None:
        self.apply_text_scale(textscale.larger(self.session.text_percent))

    def make_text_smaller(self) -> None:
        self.apply_text_scale(textscale.smaller(self.session.text_percent))

    def reset_text_size(self) -> None:
        self.apply_text_scale(textscale.DEFAULT_PERCENT)

    @property
    def text_percent(self) -> int:
        return self.session.text_percent

    def _zoom_by_wheel(self, direction: int) -> None:
        self.commands["larger" if direction > 0 else "smaller"].trigger()
