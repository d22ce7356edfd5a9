"""The reading session: what one reader has on screen, and what a reset for the next one leaves (no Qt)."""

from __future__ import annotations

from reader.navigation import Location
from reader.reading.session import ReadingSession
from reader.search import SearchIndex


def read_a_while(session: ReadingSession) -> None:
    """A reader's session: three pages, one step back, larger text, a page announced and shown."""
    for section in ("home", "treatment", "trials"):
        session.history.visit(Location(section))
        session.shown_section = section
        session.arrive(section)
    session.history.back()
    session.text_percent = 200


def test_a_new_session_is_nowhere_yet_at_the_text_size_it_was_given():
    session = ReadingSession(150)
    assert session.location is None and session.shown_section is None
    assert session.text_percent == 150 and not session.searching


def test_a_stored_text_size_out_of_range_is_brought_into_range():
    assert ReadingSession(9000).text_percent == 300


def test_the_location_is_where_history_says_the_reader_is():
    session = ReadingSession(100)
    read_a_while(session)
    assert session.location == Location("treatment")
    assert session.history.can_go_back and session.history.can_go_forward


def test_each_arrival_in_a_section_is_announced_once():
    session = ReadingSession(100)
    assert session.arrive("home"), "the first page is news"
    assert not session.arrive("home"), "scrolling within it is not"
    assert session.arrive("trials") and session.arrive("home"), "coming back to it is"


def test_going_back_or_forward_after_a_reset_finds_nothing():
    session = ReadingSession(100)
    read_a_while(session)
    session.reset("home", 150)
    assert session.history.back() is None and session.history.forward() is None
    assert session.location is None, "nowhere, until the window opens the page reset gives it"


def test_a_reset_gives_the_home_page_from_the_top():
    session = ReadingSession(100)
    read_a_while(session)
    assert session.reset("home", 150) == Location("home", None, 0)


def test_a_reset_restores_the_kiosk_text_size():
    session = ReadingSession(100)
    read_a_while(session)
    session.reset("home", 150)
    assert session.text_percent == 150


def test_after_a_reset_the_page_is_shown_and_announced_afresh():
    session = ReadingSession(100)
    read_a_while(session)
    session.reset("home", 100)
    assert session.shown_section is None, "the window puts the page up again, from the top"
    assert session.arrive("trials"), "the next page a reader comes to is announced"


def test_a_reset_forgets_the_last_search(pack):
    session = ReadingSession(100)
    session.search_result = SearchIndex(pack).search("transplant", prefix=True)
    assert session.searching
    session.reset(pack.home.id, 100)
    assert session.search_result is None and not session.searching
