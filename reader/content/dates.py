"""Date wording shared by the window, the CLI and printed pages."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.content.model import Manifest

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_date(day: dt.date) -> str:
    """'8 May 2026': unambiguous whatever the reader's country."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month, months later (the month's last day when it is shorter)."""
    import calendar

    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from earlier to later (8 May to 7 June is 0, to 8 June is 1)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def review_overdue(manifest: Manifest, today: dt.date) -> bool:
    """Is the pack past its review interval (review_interval_months since last_updated)?"""
    return months_between(manifest.last_updated, today) >= manifest.review_interval_months
