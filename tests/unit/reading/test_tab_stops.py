"""Which link Tab reaches: forward from the first, back from the last, then out of the text."""

from reader.reading.tab_stops import LinkSpan, next_link

LINKS = [LinkSpan(0, 4, "plain:overview"), LinkSpan(10, 16, "term:ATL"), LinkSpan(20, 28, "term:HTLV-1")]


def test_tab_reaches_the_first_link_then_each_in_turn_then_none():
    reached = [next_link(LINKS, None, True)]
    while reached[-1] is not None:
        reached.append(next_link(LINKS, reached[-1], True))
    assert reached == [*LINKS, None]


def test_shift_tab_reaches_the_last_link_then_each_before_it_then_none():
    reached = [next_link(LINKS, None, False)]
    while reached[-1] is not None:
        reached.append(next_link(LINKS, reached[-1], False))
    assert reached == [*reversed(LINKS), None]


def test_a_page_without_links_has_none_to_reach():
    assert next_link([], None, True) is None and next_link([], None, False) is None
