"""An Alt shortcut does not also open the menu bar; Alt alone still does (checked with a real Orca in the README)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from reader.ui.window.alt_keys import AltShortcutGuard


def alt_release_reaches_the_menu_bar(guard: AltShortcutGuard, with_key: Qt.Key | None) -> bool:
    target = QObject()
    alt = Qt.KeyboardModifier.AltModifier
    guard.eventFilter(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Alt, alt))
    if with_key is not None:  # a shortcut takes its key at ShortcutOverride, before any KeyPress
        guard.eventFilter(target, QKeyEvent(QEvent.Type.ShortcutOverride, with_key, alt))
    release = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt, Qt.KeyboardModifier.NoModifier)
    return not guard.eventFilter(target, release)


def test_the_alt_release_after_a_shortcut_is_dropped_and_alt_alone_goes_through(qtbot):
    guard = AltShortcutGuard()
    assert not alt_release_reaches_the_menu_bar(guard, Qt.Key.Key_Down), "Alt+Down: no File menu as well"
    assert alt_release_reaches_the_menu_bar(guard, None), "Alt alone still opens the menu bar"
    assert not alt_release_reaches_the_menu_bar(guard, Qt.Key.Key_C), "Alt+C: the contents, not the menu"
    assert alt_release_reaches_the_menu_bar(guard, None), "and nothing carries over to the next press"


def test_the_guard_sees_alts_release_before_the_menu_bars_own_filter(qapp):
    # Qt's menu bar installs an application filter as Alt goes down, and the newest filter runs first: it
    # opened File after Alt+Home on the first page, whatever the guard said.
    from PySide6.QtCore import QCoreApplication

    class MenuBarFilter(QObject):
        saw_release = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
            if event.type() == QEvent.Type.KeyRelease:
                self.saw_release = True
            return False

    guard, menu_bar = AltShortcutGuard(), MenuBarFilter()
    qapp.installEventFilter(guard)
    target, alt = QObject(), Qt.KeyboardModifier.AltModifier
    try:
        QCoreApplication.sendEvent(target, QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Alt, alt))
        qapp.installEventFilter(menu_bar)  # as Alt goes down
        QCoreApplication.processEvents()  # the turn after the key
        QCoreApplication.sendEvent(target, QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Home, alt))
        QCoreApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Alt,
                                                     Qt.KeyboardModifier.NoModifier))
        assert not menu_bar.saw_release
    finally:
        qapp.removeEventFilter(guard)
        qapp.removeEventFilter(menu_bar)
