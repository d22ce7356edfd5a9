"""A window's notification for screen readers: an unseen widget shown so that Orca speaks its name."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

#: How long a notification stays in the accessibility tree after it is shown.
SHOWN_MS = 3000


class SpokenNotice(QWidget):
    """Unseen and untouchable; each message shows it again, which Orca speaks as a notification."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("spokenNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.resize(1, 1)
        self.hide()
        self._hide_later = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._hide_later.timeout.connect(self.hide)

    def say(self, message: str) -> None:
        """Shown again with message as its name: a new notification, even with the same words."""
        self.hide()
        self.setAccessibleName(message)
        self.show()
        self._hide_later.start()


def notice_of(window: QWidget) -> SpokenNotice:
    """The window's notice, made on its first message."""
    notice = window.findChild(SpokenNotice, "spokenNotice", Qt.FindChildOption.FindDirectChildrenOnly)
    if notice is None:
        _install_factory()  # before the first notice has an interface
        notice = SpokenNotice(window)
    return notice


@cache
def _install_factory() -> None:
    QAccessible.installFactory(_notification_interface)


def _notification_interface(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt has no widget with the notification role; this one is given it."""
    if isinstance(obj, SpokenNotice):
        return QAccessibleWidget(obj, QAccessible.Role.Notification)
    return None
