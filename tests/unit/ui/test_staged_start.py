"""The staged start: named stages in order, one per turn of the event loop, then ready."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from reader.ui.window.staged_start import StagedStart


def staged(ran: list[str], parent: QObject) -> StagedStart:
    return StagedStart([(name, lambda name=name: ran.append(name)) for name in ("panels", "contents", "index")],
                       parent)


def test_run_now_runs_every_stage_in_order_and_says_ready(qtbot):
    ran: list[str] = []
    parent = QObject()
    start = staged(ran, parent)
    with qtbot.waitSignal(start.ready, timeout=1000):
        start.run_now()
    assert ran == ["panels", "contents", "index"] and start.is_ready


def test_run_soon_leaves_the_event_loop_free_between_stages(qtbot):
    ran: list[str] = []
    parent = QObject()
    start = staged(ran, parent)
    finished: list[str] = []
    start.stageFinished.connect(finished.append)
    start.run_soon()
    assert ran == [], "nothing runs before the next turn of the event loop"
    with qtbot.waitSignal(start.stageFinished):
        pass
    assert ran == ["panels"], "one stage a turn"
    qtbot.waitUntil(lambda: start.is_ready)
    assert finished == ran == ["panels", "contents", "index"]


def test_a_stage_run_by_hand_is_not_run_again(qtbot):
    ran: list[str] = []
    parent = QObject()
    start = staged(ran, parent)
    start.run_next()  # as a test or a caller in a hurry does
    start.run_soon()
    qtbot.waitUntil(lambda: start.is_ready)
    assert ran == ["panels", "contents", "index"]


def test_stages_stop_when_their_owner_is_deleted(qtbot):
    ran: list[str] = []
    parent = QObject()
    start = staged(ran, parent)
    start.run_soon()
    shiboken6.delete(parent)
    for _ in range(5):  # the turns in which the stages would have run
        QApplication.processEvents()
    assert ran == []
