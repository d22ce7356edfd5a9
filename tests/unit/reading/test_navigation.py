"""History and scroll-spy, without Qt."""

from __future__ import annotations

from reader import textscale
from reader.navigation import History, Location, anchor_at


def test_back_and_forward_walk_the_visits():
    history = History()
    for sid in ("a", "b", "c"):
        history.visit(Location(sid))
    assert history.back() == Location("b")
    assert history.back() == Location("a")
    assert history.back() is None
    assert history.forward() == Location("b")


def test_a_new_visit_drops_the_forward_entries():
    history = History()
    for sid in ("a", "b"):
        history.visit(Location(sid))
    history.back()
    history.visit(Location("c"))
    assert not history.can_go_forward
    assert history.back() == Location("a")


def test_revisiting_the_same_place_adds_no_entry_and_scroll_is_remembered():
    history = History()
    history.visit(Location("a"))
    history.visit(Location("a"))
    history.remember_scroll(120)
    history.visit(Location("b"))
    assert history.back() == Location("a", scroll=120)
    assert not history.can_go_back


def test_anchor_at_picks_the_heading_above_the_view_top():
    headings = [(100, "one"), (400, "two")]
    assert anchor_at(headings, 0) is None
    assert anchor_at(headings, 95) == "one"
    assert anchor_at(headings, 399) == "two"
    assert anchor_at(headings, 5000) == "two"


def test_text_scale_steps_and_clamps():
    assert textscale.larger(100) == 110
    assert textscale.smaller(100) == 90
    assert textscale.larger(300) == 300
    assert textscale.smaller(75) == 75
    assert textscale.clamp("9000") == 300
    assert textscale.clamp("garbage") == 100
    assert textscale.clamp(None) == 100
    assert textscale.clamp(10) == 75
