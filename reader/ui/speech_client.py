"""The window's side of the speech process (reader/ui/speech_worker.py): orders out, the engine's reports in."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

#: How long the engine may take to start (speech-dispatcher starting took 1.7 s here) or to start
#: speaking a sentence, before reading stops with a notice: a stuck engine answers never.
ANSWER_MS = 8000
#: What the speech process says when there is no engine to speak with.
NO_ENGINE = ("no-engine", "no-speech-module")
#: Why the window gave the speech process up: it stopped answering, or it ended by itself.
NO_ANSWER = ("no-answer", "ended")


def worker_command() -> list[str]:
    """The reader itself, as the speech process: `python -m reader`, or the bundle's own program."""
    frozen = getattr(sys, "frozen", False)
    return [sys.executable, *([] if frozen else ["-m", "reader"]), "--speech-worker"]


class SpeechClient(QObject):
    """One speech process for one engine; made at once, and given up (killed) when it stops answering."""

    #: The engine is ready, with these voices.
    made = Signal(list)
    #: The engine's state: "Speaking", "Ready", "Paused" or "Error".
    stateChanged = Signal(str)
    #: The engine is saying the word at (start, length) of the text it was given.
    wordReached = Signal(int, int)
    #: The process gave up or stopped answering: one of NO_ENGINE or NO_ANSWER, or the engine's own words.
    failed = Signal(str)

    def __init__(self, engine: str, parent: QObject | None = None, *, language: str = "en") -> None:
        super().__init__(parent)
        self.voices: list[str] | None = None  # None until the engine is made
        self._given_up = False
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._ended)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(ANSWER_MS)
        self._watchdog.timeout.connect(lambda: self._give_up(NO_ANSWER[0]))
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.close)  # the process ends with the reader
        command = worker_command()
        self._process.start(command[0], [*command[1:], engine, language])
        self._watchdog.start()  # until the engine is made

    def say(self, text: str) -> None:
        self._order({"say": text})
        self._watchdog.start()  # until it starts speaking

    def pause(self) -> None:
        self._order({"pause": True})

    def resume(self) -> None:
        self._order({"resume": True})

    def stop(self) -> None:
        self._watchdog.stop()
        self._order({"stop": True})

    def use_voice(self, name: str, rate: float) -> None:
        self._order({"voice": name, "rate": rate})

    def close(self) -> None:
        """Ends the process (its stdin closes, and it quits), at once if it does not."""
        self._given_up = True
        self._watchdog.stop()
        self._process.closeWriteChannel()
        if not self._process.waitForFinished(300):
            self._process.kill()
            self._process.waitForFinished(300)

    def _order(self, order: dict[str, object]) -> None:
        if not self._given_up:
            self._process.write((json.dumps(order) + "\n").encode())

    def _read(self) -> None:
        while self._process.canReadLine():
            try:
                report = json.loads(bytes(self._process.readLine().data()).decode())
            except ValueError:
                continue
            if "voices" in report:
                self._watchdog.stop()
                self.voices = [str(name) for name in report["voices"]]
                self.made.emit(self.voices)
            elif "state" in report:
                if report["state"] == "Speaking":
                    self._watchdog.stop()
                self.stateChanged.emit(str(report["state"]))
            elif "word" in report:
                start, length = report["word"]
                self.wordReached.emit(int(start), int(length))
            elif "failed" in report:
                self._give_up(str(report["failed"]))

    def _ended(self) -> None:
        if not self._given_up:
            self._give_up(NO_ANSWER[1])

    def _give_up(self, reason: str) -> None:
        if self._given_up:
            return
        self._given_up = True
        self._watchdog.stop()
        self._process.kill()
        self.failed.emit(reason)
