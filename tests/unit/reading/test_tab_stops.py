"""Which link Tab reaches: on from the caret or the last link reached, then out of the text."""

from reader.reading.tab_stops import LinkSpan, next_link

LINKS = [LinkSpan(0, 4, "plain:overview"), LinkSpan(10, 16, "term:ATL"), LinkSpan(20, 28, "term:HTLV-1")]


def test_tab_reaches_the_first_link_then_each_in_turn_then_none():
    reached = [next_link(LINKS, None, 0, True)]
    while reached[-1] is not None:
        reached.append(next_link(LINKS, reached[-1], 0, True))
    assert reached == [*LINKS, None]


def test_shift_tab_reaches_the_last_link_then_each_before_it_then_none():
    reached = [next_link(LINKS, None, 0, False)]
    while reached[-1] is not None:
        reached.append(next_link(LINKS, reached[-1], 0, False))
    assert reached == [*reversed(LINKS), None]


def test_a_page_without_links_has_none_to_reach():
    assert next_link([], None, 0, True) is None and next_link([], None, 0, False) is None


def test_with_no_link_reached_tab_goes_on_from_where_the_reader_is():
    # A blind reader arrowed down to a line and pressed Tab: it went back to the page's first link.
    assert next_link(LINKS, None, 8, True) == LINKS[1]
    assert next_link(LINKS, None, 18, False) == LINKS[1]
    assert next_link(LINKS, None, 30, True) is None
