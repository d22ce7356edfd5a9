"""What opens over the window: the handout dialogs, the F1 list, About, and a glossary definition."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QWidget

from reader.content.model import Pack
from reader.ui.settings import Settings
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.window.navigation import Navigation

if TYPE_CHECKING:  # built with the commands, after the first frame
    from reader.ui.window.read_aloud import ReadAloud


class WindowDialogs:
    """Opens each dialog over the window; what a dialog has to say afterwards goes to show_notice."""

    def __init__(self, window: QWidget, pack: Pack, family: str, settings: Settings, navigation: Navigation, *,
                 show_notice: Callable[[str], None], shortcut_rows: Callable[[], list[tuple[str, str]]],
                 reading: ReadingPane, banner: QWidget, reading_px: Callable[[], int]) -> None:
        self._window = window
        self._pack = pack
        self._family = family
        self._settings = settings
        self._navigation = navigation
        self._show_notice = show_notice
        self._shortcut_rows = shortcut_rows
        self._reading = reading
        self._banner = banner
        self._reading_px = reading_px
        #: A kiosk's dialogs have no title bar (KioskSurface.lock_down_for_kiosk).
        self.frameless = False
        #: Read aloud (set with the commands): paused as a definition opens, it reads the definition, and
        #: goes on, or stops, as it closes.
        self.read_aloud: ReadAloud | None = None

    def print_handout(self) -> None:
        from reader.ui.print.printing import print_with_preview

        section = self._pack.section(self._navigation.current.section_id) or self._pack.home
        message = print_with_preview(self._window, self._pack, section, self._family, self._settings,
                                     keep_below=self.disclaimer_bottom())
        if message:
            self._show_notice(message)

    def export_handout(self) -> None:
        from reader.ui.print.printing import export_with_dialog

        message = export_with_dialog(self._window, self._pack)
        if message:
            self._show_notice(message)

    def show_shortcuts(self) -> None:
        from reader.ui.widgets.dialogs import show_shortcuts

        show_shortcuts(self._window, self._shortcut_rows(), keep_below=self.disclaimer_bottom(),
                       frameless=self.frameless)

    def show_term(self, index: int) -> None:
        """The plain-language definition of a marked term, in a dialog Esc closes."""
        from reader.ui.widgets.dialogs import show_definition

        if not 0 <= index < len(self._pack.glossary):
            return
        reading = self._reading
        link = reading.focused_link_rect()  # reached with Tab; else it was clicked or tapped, where the pointer is
        if link is not None:
            term = QRect(reading.viewport().mapToGlobal(link.topLeft()), link.size())
        else:
            term = QRect(QCursor.pos(), QSize(1, reading.fontMetrics().height()))
        read = None
        if self.read_aloud is not None:
            self.read_aloud.hold_for_aside()  # the page's voice does not go on under the definition
            read = (self.read_aloud.read_aside, self.read_aloud.end_aside)
        show_definition(self._window, self._pack.glossary[index], text_px=self._reading_px(), near=term,
                        keep_below=self.disclaimer_bottom() + 4, frameless=self.frameless, read=read)

    def show_about(self) -> None:
        from reader.ui.widgets.dialogs import show_about

        show_about(self._window, self._pack, keep_below=self.disclaimer_bottom())

    def disclaimer_bottom(self) -> int:
        """The disclaimer's bottom edge on the screen: the window's dialogs open below it."""
        return self._banner.mapToGlobal(QPoint(0, self._banner.height())).y()
