"""The speech process: Qt's text-to-speech in a process of its own, driven by JSON lines on stdin.

speech-dispatcher with no working audio output never answers, and Qt's plugin waits for it on the
thread that made the engine: the whole window froze (a kiosk stayed frozen for the next patient). In a
process of its own a stuck engine only stops the reading, which the window notices and reports.

In, a line each: {"say": text}, {"pause": true}, {"resume": true}, {"stop": true},
{"voice": name, "rate": -1..1}. Out, a line each: {"voices": [...]} once the engine is made (or
{"failed": reason} and exit), {"state": "Speaking" | "Ready" | "Paused" | "Error"},
{"word": [start, length]}, {"failed": reason}.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal


class _Lines(QObject):
    """stdin's lines, read on a thread and handed to the event loop; closed stdin ends the process."""

    lineRead = Signal(str)

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self.lineRead.emit(line)
        self.lineRead.emit("")  # the window has gone


def _send(message: dict[str, Any]) -> None:
    try:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the window has closed: nobody to tell
        QCoreApplication.quit()


def run(engine: str, language: str = "en") -> int:
    """Serve one engine ("" for the platform's) in language until stdin closes."""
    app = QCoreApplication([sys.argv[0]])
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        _send({"failed": "no-speech-module"})
        return 1
    engines = QTextToSpeech.availableEngines()
    if not engines or (engine and engine not in engines):
        _send({"failed": "no-engine"})
        return 1
    speech = QTextToSpeech(engine, app) if engine else QTextToSpeech(app)
    if speech.state() == QTextToSpeech.State.Error:
        _send({"failed": speech.errorString() or "no-engine"})
        return 1
    # The text's language: its voice reads English as English (the locale here was "C"), and only its
    # voices are offered (espeak-ng has some 13,000, "+Demonic" among them).
    wanted = QLocale(language)
    if any(locale.language() == wanted.language() for locale in speech.availableLocales()):
        speech.setLocale(wanted)
    speech.stateChanged.connect(lambda state: _send({"state": state.name}))
    speech.sayingWord.connect(lambda _word, _id, start, length: _send({"word": [start, length]}))
    speech.errorOccurred.connect(lambda _reason, text: _send({"failed": text or "error"}))
    voices = {voice.name(): voice for voice in speech.availableVoices()
              if voice.locale().language() == wanted.language()}
    plain = {name: voice for name, voice in voices.items() if "+" not in name}
    voices = plain or voices  # espeak-ng's "+Adam", "+Half-LifeAnnouncementSystem"... are effects on a voice
    _send({"voices": list(voices)})

    def obey(line: str) -> None:
        if not line:
            app.quit()
            return
        try:
            order = json.loads(line)
        except ValueError:
            return  # not from the window: ignored
        if "say" in order:
            speech.say(str(order["say"]))
        elif "pause" in order:
            speech.pause(QTextToSpeech.BoundaryHint.Immediate)
        elif "resume" in order:
            speech.resume()
        elif "stop" in order:
            speech.stop(QTextToSpeech.BoundaryHint.Immediate)
        elif "voice" in order:
            if order["voice"] in voices:
                speech.setVoice(voices[order["voice"]])
            speech.setRate(max(-1.0, min(1.0, float(order.get("rate", 0.0)))))

    lines = _Lines()
    lines.lineRead.connect(obey)
    lines.start()
    return app.exec()
