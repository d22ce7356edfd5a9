"""The width at which the contents become a drawer, without Qt."""

from reader.reflow import NARROW_PX, narrowest_side_by_side, takes_turns
from reader.style.type_sizes import READING_PX
from reader.textscale import STEPS, scaled


def reading_px(percent: int) -> int:
    return scaled(READING_PX, percent)


def test_at_normal_size_only_a_narrow_window_takes_turns():
    assert takes_turns(NARROW_PX - 1, reading_px(100))
    assert not takes_turns(NARROW_PX, reading_px(100))
    assert not takes_turns(800, reading_px(75))


def test_larger_text_turns_a_small_window_into_one_column():
    assert not takes_turns(800, reading_px(150)), "a 800×600 kiosk at 150 % keeps its contents in view"
    assert takes_turns(800, reading_px(300))
    assert takes_turns(1366, reading_px(300)), "a laptop at 300 %"
    assert not takes_turns(1920, reading_px(300)), "full HD has room for both"


def test_the_breakpoint_grows_with_every_step_above_normal():
    points = [narrowest_side_by_side(reading_px(percent)) for percent in STEPS]
    assert points == sorted(points)
    assert points[-1] > points[STEPS.index(200)] > NARROW_PX
