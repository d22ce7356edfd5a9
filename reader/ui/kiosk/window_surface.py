"""What the kiosk may use of the window: the whole of its interface, in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QRect
from PySide6.QtWidgets import QWidget

from reader.content.model import Pack, Section


class KioskWindow(Protocol):
    """The window as KioskController sees it; MainWindow provides it, and mypy checks the kiosk uses nothing else."""

    @property
    def pack(self) -> Pack: ...

    @property
    def family(self) -> str: ...

    @property
    def banner(self) -> QWidget:
        """The disclaimer: the kiosk's screens stay below it, so it is always in view."""
        ...

    def as_widget(self) -> QWidget:
        """The window itself: parent of the kiosk's screens, and watched for Close (never searched for children)."""
        ...

    def lock_down_for_kiosk(self, print_section: Callable[[], object] | None, *, text_percent: int,
                            touch_px: int, touch_gap: int) -> None:
        """Frameless, no menus or desktop-only commands, finger-sized targets, no context menus or drops."""
        ...

    def add_quick_topics(self, topics: QWidget) -> None:
        """Show topics between the search field and its results."""
        ...

    def watch_search_field(self, watcher: QObject) -> tuple[QObject, QObject]:
        """Install watcher's event filter on the search field and its clear button; return them, field first."""
        ...

    def watch_text(self, watcher: QObject) -> QObject:
        """Send the text's events to watcher's eventFilter (a result opened moves focus there); returns it."""
        ...

    def type_into_search(self, text: str) -> None:
        """As if typed at the cursor: the search runs as it does for a real keyboard."""
        ...

    def delete_back_in_search(self) -> None:
        """As Backspace does in the search field."""
        ...

    def clear_search_field(self) -> None: ...

    def has_search(self) -> bool:
        """Whether the search field holds a search (its results are on screen)."""
        ...

    def search_for(self, text: str) -> None:
        """Put text in the search field and show its results at once."""
        ...

    def section_on_screen(self) -> Section: ...

    def set_print_enabled(self, enabled: bool) -> None: ...

    def show_notice(self, text: str) -> None: ...

    def watch_pages(self, on_open: Callable[[], None]) -> None:
        """Call on_open as each page opens (from the contents, a result, a link or a reset)."""
        ...

    def watch_reading_aloud(self, on_progress: Callable[[], None]) -> None:
        """Call on_progress at each sentence and word read aloud: someone is listening."""
        ...

    def turn_off_read_aloud(self, why: str) -> None:
        """Read aloud's button off, saying why (a waiting room without headphones)."""
        ...

    def reset_for_next_person(self, text_percent: int) -> None:
        """A fresh start: nothing of this session on screen, in the field's undo or in the X11 selection."""
        ...

    def set_session_controls_enabled(self, enabled: bool) -> None:
        """The header's Back, Forward, text size and Print: off between patients, so a tap there
        cannot change what the next patient gets without starting a session; and the reading area
        under the welcome screen hidden, so a screen reader's review of the screen finds only it."""
        ...

    def typing_area(self) -> QRect:
        """The search field and its results, in the window's coordinates: the keyboard keeps off them."""
        ...

    def start_session(self, section_id: str, text_percent: int) -> None:
        """A patient starts: that section from the top at that text size, focus on its text, the disclaimer said."""
        ...
