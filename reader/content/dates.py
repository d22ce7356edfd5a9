"""Date wording shared by the window, the CLI and printed pages."""

from __future__ import annotations

import datetime as dt

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def long_date(day: dt.date) -> str:
    """'8 May 2026': unambiguous whatever the reader's country."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from earlier to later (negative if reversed)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return months
