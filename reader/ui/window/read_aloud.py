"""Read aloud: the page spoken a sentence at a time through Qt's speech, the sentence and word marked on it."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextDocument

from reader.content.links import SECTION_SCHEME
from reader.content.model import Pack
from reader.reading.session import ReadingSession
from reader.speech.script import Block, Kind, Utterance
from reader.speech.voice import SPEEDS
from reader.ui.settings import Settings
from reader.ui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:  # PySide6-Addons: imported when reading first starts, never as the reader opens
    from PySide6.QtTextToSpeech import QTextToSpeech

    from reader.speech.pronunciations import Pronunciations


class Reading(Enum):
    """Where read-aloud is: the header's button and the kiosk's idle timer follow it."""

    STOPPED = "stopped"
    SPEAKING = "speaking"
    PAUSED = "paused"


class ReadAloud(QObject):
    """Speaks the page from the caret (or its top), the disclaimer first once a session; marks what it says.

    One sentence is given to the engine at a time, and the next when it is done: speech-dispatcher
    reports neither words nor which queued text it is on, so this is how every engine is followed.
    """

    #: The state changed (a Reading).
    stateChanged = Signal(object)
    #: A sentence or word was reached: someone is listening (a kiosk holds its idle timer).
    progressed = Signal()
    #: Reading could not start, or stopped on an engine error: a sentence for the notice bar.
    problemFound = Signal(str)

    def __init__(self, reading: ReadingPane, pack: Pack, session: ReadingSession, settings: Settings, *,
                 engine: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reading = reading
        self._pack = pack
        self._session = session
        self._settings = settings
        self._engine_name = engine
        self._speech: QTextToSpeech | None = None
        self._pronunciations: Pronunciations | None = None
        self._queue: list[Utterance] = []
        self._index = 0
        self.state = Reading.STOPPED
        #: Why reading cannot start here ("" while it may): no engine, or turned off in a kiosk.
        self.unavailable = ""

    # -- the controls ------------------------------------------------------------------------
    def toggle(self) -> None:
        """Read aloud, Pause or Resume: what the header's one button says now."""
        if self.state is Reading.SPEAKING:
            self.pause()
        elif self.state is Reading.PAUSED:
            self.resume()
        else:
            self.start()

    def start(self) -> None:
        """From the sentence at the caret (the top of a page just opened), the disclaimer first once a session."""
        if self.unavailable:
            self.problemFound.emit(self.unavailable)
            return
        from reader.speech.script import reading_script, start_index, utterance

        pronounce = self._pronunciations_of_pack()
        script = reading_script(page_blocks(self._reading.document()), pronounce)
        queue = list(script[start_index(script, self._reading.textCursor().position()):])
        if not self._session.disclaimer_spoken:
            queue.insert(0, utterance(self._pack.manifest.disclaimer, -1, pronounce))
        if not queue:
            return
        self._queue, self._index = queue, 0
        self._set_state(Reading.SPEAKING)
        self._reading.mark_spoken(self._span(queue[0]))  # at once, before the engine (which may take a moment)
        QTimer.singleShot(0, self, self._say_current)

    def pause(self) -> None:
        if self.state is not Reading.SPEAKING or self._speech is None:
            return
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._set_state(Reading.PAUSED)
        self._speech.pause(QTextToSpeech.BoundaryHint.Immediate)  # at once, not at the end of the sentence

    def resume(self) -> None:
        """Where it paused; or, if the reader put the caret in another sentence meanwhile, from there."""
        if self.state is not Reading.PAUSED or self._speech is None:
            return
        caret = self._reading.textCursor().position()
        current = self._queue[self._index]
        if current.start != current.end and not current.start <= caret <= current.end:
            self.stop()
            self.start()
            return
        self._set_state(Reading.SPEAKING)
        self._speech.resume()

    def stop(self) -> None:
        """Silence, and no marks (a page change, a search, printing, a kiosk reset, or the Stop button)."""
        if self.state is Reading.STOPPED:
            return
        self._set_state(Reading.STOPPED)
        self._queue = []
        if self._speech is not None:
            self._speech.stop()
        self._reading.mark_spoken(None)

    def voice_names(self) -> list[str]:
        """The engine's voices by name (the engine is made now, if it was not); none without one."""
        speech = self._speech or (None if self.unavailable else self._make_speech(quietly=True))
        return [voice.name() for voice in speech.availableVoices()] if speech is not None else []

    def choose_speech(self, speed: str, voice: str) -> None:
        """Speed and voice as the reader chose them: remembered, and heard from the next sentence."""
        self._settings.speech_speed = speed
        self._settings.speech_voice = voice
        if self._speech is not None:
            self._use_voice(self._speech)

    def forget_choices(self) -> None:
        """The next kiosk patient gets the engine's own speed and voice."""
        self.choose_speech("normal", "")

    def set_unavailable(self, why: str) -> None:
        """Reading is off here (a kiosk without headphones, or no engine), for this reason."""
        self.stop()
        self.unavailable = why
        self.stateChanged.emit(self.state)

    # -- the engine --------------------------------------------------------------------------
    def _say_current(self) -> None:
        if self.state is not Reading.SPEAKING or self._index >= len(self._queue):
            return
        speech = self._speech or self._make_speech()
        if speech is None:
            return
        said = self._queue[self._index]
        if said.start == said.end:  # the disclaimer: said, shown in its banner, marked nowhere on the page
            self._session.disclaimer_spoken = True
        self._reading.mark_spoken(self._span(said))
        self.progressed.emit()
        speech.say(said.spoken)

    def _make_speech(self, *, quietly: bool = False) -> QTextToSpeech | None:
        """The engine, made on first use; None (and reading off, with the reason) where there is none.

        quietly: the reason is not put in the notice bar (Reading options asked, not Read aloud).
        """
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # PySide6-Addons missing
            self._no_engine(quietly=quietly)
            return None
        engines = QTextToSpeech.availableEngines()
        name = self._engine_name if self._engine_name in engines else ""
        if not engines or (self._engine_name and not name):
            self._no_engine(quietly=quietly)
            return None
        speech = QTextToSpeech(name, self) if name else QTextToSpeech(self)
        if speech.state() == QTextToSpeech.State.Error:
            self._no_engine(speech.errorString(), quietly=quietly)
            return None
        self._use_voice(speech)
        speech.stateChanged.connect(self._follow_engine)
        speech.sayingWord.connect(self._mark_word)
        speech.errorOccurred.connect(lambda _reason, text: self._engine_failed(text))
        self._speech = speech
        return speech

    def _use_voice(self, speech: QTextToSpeech) -> None:
        voice = next((v for v in speech.availableVoices() if v.name() == self._settings.speech_voice), None)
        if voice is not None:
            speech.setVoice(voice)
        speech.setRate(SPEEDS[self._settings.speech_speed])

    def _no_engine(self, detail: str = "", *, quietly: bool = False) -> None:
        why = self.tr("Read aloud needs a speech engine, and none was found on this computer.")
        self.set_unavailable(f"{why} {detail}".strip())
        if not quietly:
            self.problemFound.emit(self.unavailable)

    def _engine_failed(self, detail: str) -> None:
        self.stop()
        self.problemFound.emit(self.tr("Reading aloud stopped: the speech engine reported a problem. {detail}")
                               .format(detail=detail).strip())

    def _follow_engine(self, engine_state: object) -> None:
        """A sentence done (the engine ready again): on to the next, or the end of the page."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        if engine_state != QTextToSpeech.State.Ready or self.state is not Reading.SPEAKING:
            return
        self._index += 1
        if self._index < len(self._queue):
            QTimer.singleShot(0, self, self._say_current)  # after the engine's own signal has returned
        else:
            self.stop()

    def _mark_word(self, _word: str, _id: int, start: int, length: int) -> None:
        if self.state is Reading.STOPPED or self._index >= len(self._queue):
            return
        said = self._queue[self._index]
        self._reading.mark_spoken(self._span(said), said.shown_span(start, length))
        self.progressed.emit()

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _span(said: Utterance) -> tuple[int, int] | None:
        return (said.start, said.end) if said.start != said.end else None

    def _pronunciations_of_pack(self) -> Pronunciations:
        if self._pronunciations is None:
            from reader.speech.pronunciations import load_pronunciations

            self._pronunciations, problems = load_pronunciations(self._pack.root)
            for problem in problems:
                print(f"atl-reader: warning: {problem}")
        return self._pronunciations

    def _set_state(self, state: Reading) -> None:
        if state is not self.state:
            self.state = state
            self.stateChanged.emit(state)


def page_blocks(document: QTextDocument) -> list[Block]:
    """The page's blocks as shown, without the links to the previous and next sections at its end."""
    blocks: list[Block] = []
    last: QTextBlock | None = None
    block = document.begin()
    while block.isValid():
        text = block.text().replace("\ufffc", " ")  # an image's place: nothing to say
        if text.strip():
            heading = block.blockFormat().headingLevel() > 0
            kind = Kind.HEADING if heading else Kind.ITEM if block.textList() is not None else Kind.TEXT
            blocks.append(Block(text, block.position(), kind))
            last = block
        block = block.next()
    if last is not None and _only_section_links(last):
        blocks.pop()
    return blocks


def _only_section_links(block: QTextBlock) -> bool:
    """Whether block is the pager: links to other sections and the dots between them, nothing else."""
    links = False
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if fragment.charFormat().anchorHref().startswith(f"{SECTION_SCHEME}:"):
            links = True
        elif fragment.text().strip(" \u00a0·"):
            return False
        fragments += 1
    return links
