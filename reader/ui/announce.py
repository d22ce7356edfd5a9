"""The one way the reader tells a screen reader something it did not move focus to.

Qt 6.8 has announcements (QAccessibleAnnouncementEvent), which UI Automation
(NVDA, Narrator) and NSAccessibility (VoiceOver) speak, but Orca 43 on Linux
ignores them: result counts, "Match 2 of 5" and the new text size were silent.
Orca does speak a change to the description of the object that has focus. So
on Linux a message becomes the focused widget's description until focus moves
on (the widget's own description comes back then), and elsewhere it is an
announcement. One or the other, never both, so no reader hears it twice.

In a list or tree Orca's focus is the row, not the widget, and a row's
description is the model's: there a message is a notification that appears
(Orca says "notification" and the message, wherever focus is).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: Where a message is spoken as a description change (see the module's docstring).
DESCRIBES = sys.platform.startswith("linux")
#: The dynamic property that keeps a widget's own description while it says a message.
_OWN_DESCRIPTION = "atlOwnDescription"
#: How long after focus leaves a widget its own description comes back.
_GIVE_BACK_MS = 500
#: Appended to a message said twice in a row, so the description changes and is spoken.
_AGAIN = "\u00a0"


def screen_reader_active() -> bool:
    """Whether assistive technology is listening (nothing is sent when none is)."""
    from PySide6 import QtGui

    return QtGui.QAccessible.isActive()


def announce(source: QWidget, message: str, *, focus: QWidget | None = None) -> None:
    """Have a screen reader speak message politely; source is what it is about.

    focus: the widget that has or is about to get focus, for a message said as
    a window opens (Orca reads it with that widget); by default, whatever has focus.
    """
    if not message or not screen_reader_active():
        return
    if DESCRIBES:
        target = focus or QApplication.focusWidget() or source.window()
        if target.inherits("QAbstractItemView"):  # a list or tree: Orca's focus is its row
            if _said_by_its_row(target, message):
                return  # the row just moved to says it (a section opened from the contents)
            _notify(target.window(), message)
        else:
            _describe_focus(target, message)
        return
    from PySide6 import QtGui

    event_class = getattr(QtGui, "QAccessibleAnnouncementEvent", None)  # Qt 6.8+
    if event_class is not None:
        QtGui.QAccessible.updateAccessibility(event_class(source, message))


def _said_by_its_row(view: QWidget, message: str) -> bool:
    current = getattr(view, "currentIndex", None)
    row = current().data() if callable(current) else None
    return isinstance(row, str) and row.strip() == message.strip().rstrip(".")


def _describe_focus(target: QWidget, message: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    _watch_focus(app)
    if target.property(_OWN_DESCRIPTION) is None:
        target.setProperty(_OWN_DESCRIPTION, target.accessibleDescription())
    if target.accessibleDescription() == message:
        message += _AGAIN
    _point_at(target)
    target.setAccessibleDescription(message)


def _point_at(target: QWidget) -> None:
    """Have Orca take target's text for its focus again before the description changes.

    Orca speaks a description change only for the object it holds as its focus,
    compared by identity. After a focus event it can hold another handle on the
    same text view (the disclaimer, a link reached with Tab and a match after
    Escape went unspoken), while a caret event makes it take the event's own handle.
    """
    cursor = getattr(target, "textCursor", None)
    if callable(cursor):
        from PySide6 import QtGui

        QtGui.QAccessible.updateAccessibility(QtGui.QAccessibleTextCursorEvent(target, cursor().position()))


def _notify(window: QWidget, message: str) -> None:
    from reader.ui.spoken_notice import notice_of

    notice_of(window).say(message)


def describe_window_as_it_opens(window: QWidget, message: str) -> None:
    """message as the window's description until focus first moves inside it.

    Screen readers read a window's description with its title as it opens, so
    message is heard then, and not again each time a dialog closes.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication):
        _watch_focus(app)
    window.setProperty(_OWN_DESCRIPTION, window.accessibleDescription())
    window.setAccessibleDescription(message)


def _watch_focus(app: QApplication) -> None:
    if not app.property(_OWN_DESCRIPTION):  # one watcher for the application
        app.setProperty(_OWN_DESCRIPTION, True)
        app.focusChanged.connect(_give_back_description)


def _give_back_description(old: QWidget | None, _new: QWidget | None) -> None:
    """Focus moved on: what it left gets its own description back, once Orca follows the new focus.

    Given back at once, the change reached Orca while the old widget was still its
    focus, and it read the old widget's name again over the new one.
    """
    if old is None:
        return
    for widget in (old, old.window()):
        if widget.property(_OWN_DESCRIPTION) is not None:
            QTimer.singleShot(_GIVE_BACK_MS, widget, lambda widget=widget: _restore(widget))


def _restore(widget: QWidget) -> None:
    own = widget.property(_OWN_DESCRIPTION)
    if own is not None and not widget.hasFocus():
        widget.setProperty(_OWN_DESCRIPTION, None)
        widget.setAccessibleDescription(str(own))


class _FocusAgain(QObject):
    """Says a field's name once it has focus: Orca took the caret move as the focus, and said nothing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            QTimer.singleShot(0, watched, lambda: _say_focus(watched))
        return False


def say_focus_of_filled_fields(*fields: QWidget) -> None:
    """Fields that may hold text when Tab reaches them: their focus is heard.

    Qt sends a line edit's caret move before its focus when Tab or Shift+Tab
    reaches it, and Orca then said nothing ("Clinic name" in the handout dialog).
    """
    for field in fields:
        field.installEventFilter(_FocusAgain(field))


def _say_focus(widget: QWidget) -> None:
    if widget.hasFocus():
        text = getattr(widget, "text", None)
        typed = text() if callable(text) else ""
        name = QApplication.translate("Announce", "{name}, text field").format(name=widget.accessibleName())
        announce(widget, f"{name}. {typed}" if typed else name)


def prepare_announcements() -> None:
    """Have PySide create the accessibility classes (and their enums) now, in idle time.

    Otherwise the first announcement pays for it: the first keystroke's result
    count, or the first section opened.
    """
    from PySide6 import QtGui

    getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    _ = QtGui.QAccessible  # the look-up is the point: it creates the class
