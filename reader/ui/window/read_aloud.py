"""Read aloud: the page spoken a sentence at a time through Qt's speech, the sentence and word marked on it."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextDocument

from reader.content.links import PLAIN_SCHEME, SECTION_SCHEME
from reader.content.model import Pack
from reader.reading.session import ReadingSession
from reader.speech.script import Block, Kind, Utterance, reading_script, start_index, utterance
from reader.speech.voice import SPEEDS
from reader.ui.announce import announce
from reader.ui.settings import Settings
from reader.ui.text_blocks import blocks, fragments
from reader.ui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:
    from reader.speech.pronunciations import Pronunciations
    from reader.ui.speech_client import SpeechClient


class Reading(Enum):
    """Where read-aloud is: the header's button and the kiosk's idle timer follow it."""

    STOPPED = "stopped"
    SPEAKING = "speaking"
    PAUSED = "paused"


class ReadAloud(QObject):
    """Speaks the page from the caret (or its top), the disclaimer first once a session; marks what it says.

    One sentence is given to the engine at a time, and the next when it is done: speech-dispatcher
    reports neither words nor which queued text it is on, so this is how every engine is followed.
    The engine runs in a process of its own (SpeechClient), so a stuck one never freezes the window.
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
        self._speech: SpeechClient | None = None
        self._pronunciations: Pronunciations | None = None
        self._queue: list[Utterance] = []
        self._index = 0
        #: The queue starts with the disclaimer (the first reading of a session).
        self._disclaimer_first = False
        #: The page's reading paused for a definition; a definition is being read.
        self._held = self._reading_aside = False
        #: The engine has begun the sentence last given it: only then is its next "Ready" that sentence's end.
        self._sentence_begun = False
        #: What the engine last reported: "Speaking", "Ready", "Paused" (it answers a moment after each order).
        self.engine_state = ""
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
        pronounce = self._pronunciations_of_pack()
        script = reading_script(page_blocks(self._reading.document()), pronounce)
        queue = list(script[start_index(script, self._reading.textCursor().position()):])
        disclaimer_first = not self._session.disclaimer_spoken
        if disclaimer_first:
            queue.insert(0, utterance(self._pack.manifest.disclaimer, -1, pronounce))
        self._begin(queue, disclaimer_first=disclaimer_first)

    def hold_for_aside(self) -> None:
        """A definition opens over the page: its reading pauses (end_aside takes it on again)."""
        self._held = self.state is Reading.SPEAKING
        self.pause()

    def end_aside(self) -> None:
        """The definition closed: the page's reading goes on if it paused for it, else what was read stops."""
        if self._held and self.state is Reading.PAUSED:
            self.resume()
        elif self._reading_aside:
            self.stop()
        self._held = self._reading_aside = False

    def read_aside(self, text: str) -> None:
        """text, not on the page (a definition), read aloud from its start; the page's reading ends first."""
        if self.unavailable:
            self.problemFound.emit(self.unavailable)
            return
        self.stop()
        self._held, self._reading_aside = False, True
        aside = reading_script([Block(text, 0)], self._pronunciations_of_pack())
        self._begin([Utterance(said.spoken, 0, 0, said.pieces) for said in aside])  # marked nowhere on the page

    def _begin(self, queue: list[Utterance], *, disclaimer_first: bool = False) -> None:
        """Read queue from its start; its first sentence is marked at once, before the engine (which may
        take a moment) says it."""
        if not queue:
            return
        self._queue, self._index, self._disclaimer_first = queue, 0, disclaimer_first
        self._set_state(Reading.SPEAKING)
        self._reading.mark_spoken(queue[0].span)
        QTimer.singleShot(0, self, self._say_current)

    def pause(self) -> None:
        if self.state is not Reading.SPEAKING or self._speech is None:
            return
        self._set_state(Reading.PAUSED)
        self._speech.pause()

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
        """The engine's voices by name, waiting up to a few seconds for the engine to start; none without one."""
        client = self._client()
        if client is not None and client.voices is None:
            waiting = QEventLoop()
            client.made.connect(waiting.quit)
            client.failed.connect(waiting.quit)
            QTimer.singleShot(3000, waiting.quit)
            waiting.exec()
        return list(client.voices or []) if client is not None and self._speech is client else []

    def choose_speech(self, speed: str, voice: str) -> None:
        """Speed and voice as the reader chose them: remembered, and heard from the next sentence."""
        self._settings.speech_speed = speed
        self._settings.speech_voice = voice
        if self._speech is not None:
            self._speech.use_voice(voice, SPEEDS[speed])

    def forget_choices(self) -> None:
        """The next kiosk patient gets the engine's own speed and voice."""
        self.choose_speech("normal", "")

    def say_state(self) -> None:
        """Tell a screen reader what Read aloud or Stop did: the button's new words were all it had (and the
        engine may take a moment to begin). Why reading cannot start is said by the notice instead."""
        if self.unavailable:
            return
        said = {Reading.SPEAKING: self.tr("Reading aloud. Ctrl+R pauses, Ctrl+Shift+R stops."),
                Reading.PAUSED: self.tr("Reading paused. Ctrl+R goes on."),
                Reading.STOPPED: self.tr("Reading aloud stopped.")}
        announce(self._reading, said[self.state])

    def show_state(self) -> None:
        """Tell the buttons where reading is again (a kiosk turned every command off and on)."""
        self.stateChanged.emit(self.state)

    def set_unavailable(self, why: str) -> None:
        """Reading is off here (a kiosk without headphones, or no engine), for this reason."""
        self.stop()
        self.unavailable = why
        self.stateChanged.emit(self.state)

    # -- the engine (in a process of its own: reader/ui/speech_worker.py) --------------------------
    def _say_current(self) -> None:
        if self.state is not Reading.SPEAKING or self._index >= len(self._queue):
            return
        client = self._client()
        if client is None or client.voices is None:
            return  # said once the engine is ready (made)
        said = self._queue[self._index]
        if self._disclaimer_first and self._index == 0:  # shown in its banner, marked nowhere on the page
            self._session.disclaimer_spoken = True
        self._reading.mark_spoken(said.span)
        self.progressed.emit()
        self._sentence_begun = False
        client.say(said.spoken)

    def _client(self) -> SpeechClient | None:
        """The speech process, started on first use; None where reading is off."""
        if self.unavailable:
            return None
        if self._speech is None:
            from reader.ui.speech_client import SpeechClient

            client = SpeechClient(self._engine_name, self, language=self._pack.manifest.language or "en")
            client.made.connect(self._engine_ready)
            client.stateChanged.connect(self._follow_engine)
            client.wordReached.connect(self._mark_word)
            client.failed.connect(self._engine_failed)
            self._speech = client
        return self._speech

    def _engine_ready(self) -> None:
        if self._speech is not None:
            self._speech.use_voice(self._settings.speech_voice, SPEEDS[self._settings.speech_speed])
        self._say_current()

    def _engine_failed(self, reason: str) -> None:
        """No engine: reading is off, saying why. A stuck or broken one: this reading stops; the next starts afresh."""
        from reader.ui.speech_client import NO_ANSWER, NO_ENGINE

        self._speech = None
        if reason in NO_ENGINE:
            self.set_unavailable(self.tr("Read aloud needs a speech engine, and none was found on this computer."))
            self.problemFound.emit(self.unavailable)
            return
        was_reading = self.state is not Reading.STOPPED
        self.stop()
        if not was_reading:
            return
        if reason in NO_ANSWER:
            self.problemFound.emit(self.tr("Reading aloud stopped: the computer's speech engine did not answer."))
        else:
            self.problemFound.emit(self.tr("Reading aloud stopped: the computer's speech engine reported a problem "
                                           "({detail}).").format(detail=reason))

    def _follow_engine(self, engine_state: str) -> None:
        """A sentence done (the engine ready again): on to the next, or the end of the page.

        A "Ready" before the sentence has begun is the engine answering an earlier stop: taken for the
        sentence's end, it cut a definition's first words off, as the page's reading stopped for it.
        """
        self.engine_state = engine_state
        if engine_state == "Speaking":
            self._sentence_begun = True
        if engine_state != "Ready" or self.state is not Reading.SPEAKING or not self._sentence_begun:
            return
        self._index += 1
        if self._index < len(self._queue):
            self._say_current()
        else:
            self.stop()

    def _mark_word(self, start: int, length: int) -> None:
        if self.state is Reading.STOPPED or self._index >= len(self._queue):
            return
        said = self._queue[self._index]
        self._reading.mark_spoken(said.span, said.shown_span(start, length))
        self.progressed.emit()

    # -- helpers -----------------------------------------------------------------------------
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
    """The page's blocks as shown, without the links to the previous and next sections at its end.

    The "In plain words" box is read when it is open, without its line to fold it; folded, not at all.
    """
    said: list[Block] = []
    last: QTextBlock | None = None
    for block in blocks(document):
        text = block.text().replace("\ufffc", " ")  # an image's place: nothing to say
        toggle = _plain_toggle(block)
        if toggle is not None:
            href, start = toggle
            text = "" if href.endswith(":show") else text[:start].rstrip(" \u00a0·")
        if text.strip():
            heading = block.blockFormat().headingLevel() > 0
            kind = Kind.HEADING if heading else Kind.ITEM if block.textList() is not None else Kind.TEXT
            said.append(Block(text, block.position(), kind))
            last = block
    if last is not None and _only_section_links(last):
        said.pop()
    return said


def _plain_toggle(block: QTextBlock) -> tuple[str, int] | None:
    """The "In plain words" box's link to fold or open it in block, and where it starts in the block; or None."""
    for fragment in fragments(block):
        href = fragment.charFormat().anchorHref()
        if href.startswith(f"{PLAIN_SCHEME}:"):
            return href, fragment.position() - block.position()
    return None


def _only_section_links(block: QTextBlock) -> bool:
    """Whether block is the pager: links to other sections and the dots between them, nothing else."""
    links = False
    for fragment in fragments(block):
        if fragment.charFormat().anchorHref().startswith(f"{SECTION_SCHEME}:"):
            links = True
        elif fragment.text().strip(" \u00a0·"):
            return False
    return links
