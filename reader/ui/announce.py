"""Telling screen readers about a change the reader did not move focus to."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, message: str) -> None:
    """Ask assistive technology to speak message politely (Qt 6.8+; earlier Qt stays silent)."""
    from PySide6 import QtGui

    event_class = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if event_class is not None and message and QtGui.QAccessible.isActive():
        QtGui.QAccessible.updateAccessibility(event_class(widget, message))


def prepare_announcements() -> None:
    """Have PySide create the accessibility classes (and their enums) now, in idle time.

    Otherwise the first announcement pays for it: the first keystroke's result
    count, or the first section opened.
    """
    from PySide6 import QtGui

    getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    _ = QtGui.QAccessible  # the look-up is the point: it creates the class
