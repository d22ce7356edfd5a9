"""Moving through the summary: the one way pages change, history, and section stepping.

A mixin of MainWindow: it uses the widgets the window built and keeps the
navigator, the history buttons and the saved place in step with the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore

from reader import APP_NAME
from reader.content.page import compose_page
from reader.navigation import Location
from reader.ui.announce import announce

if TYPE_CHECKING:
    from reader.content.model import Section
    from reader.ui.window.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class NavigationMixin(_Base):
    """Opening locations, Back/Forward and section stepping for MainWindow."""

    # -- navigation -----------------------------------------------------------------------
    @property
    def current(self) -> Location:
        location = self.session.location
        assert location is not None
        return location

    def open_location(self, location: Location, *, record: bool = True) -> None:
        """Show a section (and scroll to an anchor or offset); the one way pages change."""
        section = self.pack.section(location.section_id) or self.pack.home
        history = self.session.history
        if record and history.current is not None:
            history.remember_scroll(self.reading.verticalScrollBar().value())
        if self.session.shown_section != section.id:
            self.put_page_up(section)
        if location.scroll and not location.anchor:
            self.reading.verticalScrollBar().setValue(location.scroll)
        else:
            self.reading.go_to_anchor(location.anchor)
        if record:
            history.visit(Location(section.id, location.anchor, location.scroll))
        self.setWindowTitle(f"{section.title} — {self.pack.manifest.title} — {APP_NAME}")
        self.settings.last_section = section.id
        if self._finished:  # else the finishing stages show the place in the contents
            self.navigator.show_location(section.id, location.anchor)
            self._update_history_actions()
            if self.session.arrive(section.id):
                announce(self.reading, section.title)  # a screen reader hears where it is
        self.locationChanged.emit(section.id, location.anchor or "")

    def put_page_up(self, section: Section) -> None:
        """The section's page in the reading pane, its glossary terms and search matches marked."""
        with self.reading.page_edit():  # laid out once, marks and all
            self.reading.show_page(compose_page(self.pack, section))
            self.session.shown_section = section.id
            if self._finished:  # else the finishing stages mark them
                self.reading.mark_terms(self._terms)
                self.searching.highlight_page()

    def go_back(self) -> None:
        self._step_history(-1)

    def go_forward(self) -> None:
        self._step_history(1)

    def _step_history(self, step: int) -> None:
        history = self.session.history
        history.remember_scroll(self.reading.verticalScrollBar().value())
        location = history.forward() if step > 0 else history.back()
        if location is not None:
            self.open_location(location, record=False)

    def go_home(self) -> None:
        self.open_location(Location(self.pack.home.id))

    def step_section(self, step: int) -> None:
        sections = self.pack.sections
        index = self.pack.position(self.current.section_id) + step  # history holds only the pack's ids
        if 0 <= index < len(sections):
            self.open_location(Location(sections[index].id))

    def show_previous_section(self) -> None:
        self.step_section(-1)

    def show_next_section(self) -> None:
        self.step_section(1)

    def _open_from_navigator(self, section_id: str, anchor: str) -> None:
        self.open_location(Location(section_id, anchor or None))

    def _open_and_read(self, section_id: str, anchor: str) -> None:
        self.open_location(Location(section_id, anchor or None))
        self.close_contents_drawer()
        self.searching.show_first_match()
        self.reading.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _follow_internal_link(self, section_id: str, anchor: str) -> None:
        self.open_location(Location(section_id or self.current.section_id, anchor or None))

    def _track_reading_position(self, anchor: str) -> None:
        location = self.session.location
        if location is not None:
            self.navigator.show_location(location.section_id, anchor or None)

    def _update_history_actions(self) -> None:
        self.commands["back"].setEnabled(self.session.history.can_go_back)
        self.commands["forward"].setEnabled(self.session.history.can_go_forward)
