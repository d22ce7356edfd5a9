"""Text size steps: what A−, A+, Ctrl+wheel and a stored value mean (no Qt)."""

from __future__ import annotations

MIN_PERCENT = 75
MAX_PERCENT = 300
DEFAULT_PERCENT = 100
STEPS = (75, 90, 100, 110, 125, 150, 175, 200, 250, 300)


def clamp(percent: object, default: int = DEFAULT_PERCENT) -> int:
    """A usable percentage from any stored value; garbage gives the default."""
    try:
        value = int(float(str(percent)))
    except (TypeError, ValueError, OverflowError):
        return default
    return max(MIN_PERCENT, min(MAX_PERCENT, value))


def larger(percent: int) -> int:
    """The next step up, or the maximum."""
    return next((step for step in STEPS if step > percent), MAX_PERCENT)


def smaller(percent: int) -> int:
    """The next step down, or the minimum."""
    return next((step for step in reversed(STEPS) if step < percent), MIN_PERCENT)


def scaled(base_px: float, percent: int) -> int:
    """A pixel size at this percentage, never below 1."""
    return max(1, round(base_px * percent / 100))
