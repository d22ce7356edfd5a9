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

