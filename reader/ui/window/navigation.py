"""Moving through the summary: the one way pages change, history, and section stepping."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader import texts
from reader.content.links import PLAIN_ANCHOR
from reader.content.model import Pack, Section
from reader.content.page import compose_page
from reader.navigation import History, Location
from reader.reading.session import ReadingSession
from reader.ui.announce import announce
from reader.ui.settings import Settings
from reader.ui.widgets.reading_pane import ReadingPane


class Navigation(QObject):
    """Shows locations in the reading pane and keeps the session's history and saved place."""

    #: The section or subsection on screen changed: (section id, anchor or "").
    locationChanged = Signal(str, str)
    #: Whether Back and Forward can go anywhere now: (back, forward).
    historyChanged = Signal(bool, bool)
    #: A new page is in the reading pane. Emitted inside its edit, so what a slot marks
    #: on it (glossary terms, search matches) is laid out with it, once.
    pageShown = Signal()

    def __init__(self, pack: Pack, session: ReadingSession, settings: Settings, reading: ReadingPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._session = session
        self._settings = settings
        self._reading = reading

    @property
    def current(self) -> Location:
        location = self._session.location
        assert location is not None, "a location is opened as the window is built"
        return location

    @property
    def history(self) -> History:
        """The way back and forward through this session."""
        return self._session.history

    def open_location(self, location: Location, *, record: bool = True, quietly: bool = False) -> None:
        """Show a section (and scroll to an anchor or offset); the one way pages change.

        quietly: nothing announced (the first page, which the window's title already names).
        """
        section = self._pack.section(location.section_id) or self._pack.home
        history = self._session.history
        if record and history.current is not None:
            history.remember_scroll(self._reading.verticalScrollBar().value())
        # A search that found words in the plain-language version leads to them: the box is opened.
        opens_plain = location.anchor == PLAIN_ANCHOR and not self._settings.plain_words_open
        if opens_plain:
            self._settings.plain_words_open = True
        if self._session.shown_section != section.id or opens_plain:
            self.show_page(section)
        if location.scroll and not location.anchor:
            self._reading.verticalScrollBar().setValue(location.scroll)
        else:
            self._reading.go_to_anchor(location.anchor)
        if record:
            history.visit(Location(section.id, location.anchor, location.scroll))
        self._settings.last_section = section.id
        self.historyChanged.emit(history.can_go_back, history.can_go_forward)
        arrived = self._session.arrive(section.id)
        if not quietly and (arrived or location.anchor):  # a screen reader hears where it is
            sub = next((sub for sub in section.subsections if sub.id == location.anchor), None)
            place = sub.title if sub is not None else texts.PLAIN_TITLE if location.anchor == PLAIN_ANCHOR \
                else section.title
            announce(self._reading, f"{section.title}: {place}" if arrived and sub is not None else place)
        self.locationChanged.emit(section.id, location.anchor or "")

    def remember_place(self) -> None:
        """The position at the top of the text, for the next start (quitting partway down a section at 300 %
        reopened at its top: a lot of paging to get back)."""
        place = self._reading.place_at_top()
        self._settings.last_place = place[0] if place is not None else 0

    def return_to_place(self, position: int) -> None:
        """Scroll the text so position is at the top again (remember_place's, once the page is laid out)."""
        if position:  # a file edited by hand, or a pack changed since, may name a place past the end
            self._reading.return_to((min(position, self._reading.document().characterCount() - 1), 0))

    def show_page(self, section: Section) -> None:
        """The section's page in the reading pane, marked up by pageShown's slots in the same edit."""
        with self._reading.page_edit():  # laid out once, marks and all
            self._reading.show_page(compose_page(self._pack, section, plain_open=self._settings.plain_words_open))
            self._session.shown_section = section.id
            self.pageShown.emit()

    def show_plain_words(self, open_: bool) -> None:
        """The "In plain words" box opened or folded away, remembered, on this page and the next."""
        self._settings.plain_words_open = open_
        with self._reading.showing_again():  # the reader's place stays
            self.show_again()
        # Clicking the link said nothing: the words change above, out of a screen reader's way.
        announce(self._reading, texts.PLAIN_SHOWN if open_ else texts.PLAIN_FOLDED)

    def show_again(self) -> None:
        """The page on screen, shown again (its stylesheet changed); nothing if none is shown."""
        shown = self._session.shown_section
        section = self._pack.section(shown) if shown else None
        if section is not None:
            self.show_page(section)

    def go_back(self) -> None:
        self.step_history(-1)

    def go_forward(self) -> None:
        self.step_history(1)

    def step_history(self, step: int) -> None:
        history = self._session.history
        history.remember_scroll(self._reading.verticalScrollBar().value())
        location = history.forward() if step > 0 else history.back()
        if location is not None:
            self.open_location(location, record=False)
        else:  # Alt+Left with nowhere to go said nothing at all
            announce(self._reading, self.tr("Nothing to go forward to.") if step > 0 else
                     self.tr("Nothing to go back to."))

    def go_home(self) -> None:
        home = self._pack.home
        already = self.current.section_id == home.id
        self.open_location(Location(home.id))
        if already:  # Alt+Home on the first page said nothing
            announce(self._reading, self.tr("Top of the first page: {title}").format(title=home.title))

    def step_section(self, step: int) -> None:
        sections = self._pack.sections
        index = self._pack.position(self.current.section_id) + step  # history holds only the pack's ids
        if 0 <= index < len(sections):
            self.open_location(Location(sections[index].id))
        else:  # Ctrl+Page Down on the last section said nothing
            announce(self._reading, self.tr("This is the last section.") if step > 0 else
                     self.tr("This is the first section."))

    def show_previous_section(self) -> None:
        self.step_section(-1)

    def show_next_section(self) -> None:
        self.step_section(1)

    def open_place(self, section_id: str, anchor: str) -> None:
        """A place chosen in the contents, a result or a link ("" for this section, or no anchor)."""
        self.open_location(Location(section_id or self.current.section_id, anchor or None))

    # -- within the page: headings and links, said to a screen reader ---------------------
    def show_next_heading(self) -> None:
        self._step_heading(1)

    def show_previous_heading(self) -> None:
        self._step_heading(-1)

    def _step_heading(self, step: int) -> None:
        """Alt+Down and Alt+Up: to the next or previous heading of the page, said to a screen reader."""
        self._reading.setFocus()
        heading = self._reading.step_heading(step)
        if heading:
            announce(self._reading, self.tr("Heading: {text}").format(text=heading))
            return
        section = self._pack.section(self.current.section_id)
        # "No more headings this way", said three times over on a page that has none, sounded like a fault
        announce(self._reading, self.tr("This page has no headings under its title.")
                 if section is not None and not section.subsections else
                 self.tr("No more headings this way on this page."))

    def speak_link(self, text: str, kind: str) -> None:
        """A link reached with Tab, said with what Enter does to it."""
        spoken = {"term": self.tr("{text}, link. Enter shows what it means."),
                  "web": self.tr("{text}, web link. Enter shows its address; it does not open here.")}
        announce(self._reading, spoken.get(kind, self.tr("{text}, link")).format(text=text))
