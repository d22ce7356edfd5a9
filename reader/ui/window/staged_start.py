"""Finishing a window in named stages after its first frame, then saying it is ready."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

#: One stage: a name for tests and the bench, and what it does.
Stage = tuple[str, Callable[[], None]]


class StagedStart(QObject):
    """Runs its stages in order, all at once or one per turn of the event loop.

    The stages build what the first frame can do without. Each stays well under
    50 ms, so a click or key press that comes while they run is never held up
    for long. With the window as parent, a window closed mid-way runs no more stages.
    """

    #: A stage has run: its name.
    stageFinished = Signal(str)
    #: Every stage has run.
    ready = Signal()

    def __init__(self, stages: Sequence[Stage], parent: QObject) -> None:
        super().__init__(parent)
        self._stages = list(stages)
        self._done = 0

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _run in self._stages)

    @property
    def is_ready(self) -> bool:
        return self._done == len(self._stages)

    def run_now(self) -> None:
        """Every stage left, at once (tests, the self-test, the kiosk)."""
        while not self.is_ready:
            self.run_next()

    def run_soon(self) -> None:
        """The stages left, one per turn of the event loop, from the next turn on."""
        QTimer.singleShot(0, self, self._run_one_then_continue)

    def run_next(self) -> None:
        """The next stage alone; ready is emitted after the last."""
        name, run = self._stages[self._done]
        self._done += 1
        run()
        self.stageFinished.emit(name)
        if self.is_ready:
            self.ready.emit()

    def _run_one_then_continue(self) -> None:
        if not self.is_ready:
            self.run_next()
            self.run_soon()
