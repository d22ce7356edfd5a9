"""Read aloud, through Qt's mock speech engine (a word each 100 ms) in the speech process: what is said and marked."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from reader.content import load_pack
from reader.navigation import Location

PAGE = ("# Is there a cure?\n\nThere is no cure yet. HTLV-1 causes it.\n\n- Ask your team.\n\n"
        "See [the next part](b.md).\n")


@pytest.fixture
def said(monkeypatch):
    """Every text given to the speech engine (in its own process), in order."""
    from reader.ui.speech_client import SpeechClient

    spoken: list[str] = []
    say = SpeechClient.say

    def record(client, text):
        spoken.append(text)
        say(client, text)

    monkeypatch.setattr(SpeechClient, "say", record)
    return spoken


@pytest.fixture
def small(make_window, make_pack):
    """A window on a short two-section pack with a pronunciation table, on its first page."""
    root = make_pack({"a.md": PAGE, "b.md": "# Next part\n\nMore text.\n"})
    (root / "pronunciations.toml").write_text('[pronounce]\n"HTLV-1" = "H T L V one"\n', encoding="utf-8")
    return make_window(the_pack=load_pack(root))


def words_marked(window) -> list[str]:
    text = window.reading.toPlainText()
    return [text[start:end] for start, end, word in window.reading.spoken_marks if word]


def test_a_page_is_read_disclaimer_title_provenance_and_text_in_order_without_its_links(small, qtbot, said):
    small.read_aloud.start()
    qtbot.waitUntil(lambda: small.read_aloud.state.value == "stopped", timeout=15_000)
    assert said == ["Medical disclaimer: test.", "Is there a cure?",
                    "Medically reviewed summary, Last updated 8 May 2026", "There is no cure yet.",
                    "H T L V one causes it.", "Ask your team.", "See the next part."]
    assert small.reading.spoken_marks == [], "nothing stays marked when the page is done"


def test_the_disclaimer_is_said_once_a_session(small, qtbot, said):
    small.session.disclaimer_spoken = True
    small.read_aloud.start()
    qtbot.waitUntil(lambda: len(said) >= 1)
    assert said[0] == "Is there a cure?"
    small.read_aloud.stop()
    small.session.reset(small.pack.home.id, 100)  # a kiosk's next patient
    small.read_aloud.start()
    qtbot.waitUntil(lambda: len(said) >= 2)
    assert said[1] == "Medical disclaimer: test."


def test_the_sentence_and_each_word_are_marked_as_the_engine_says_them(small, qtbot):
    text = small.reading.toPlainText()
    seen: list[tuple[str, str]] = []  # (sentence, word) as each word is said

    def look() -> None:
        marks = small.reading.spoken_marks
        sentence = next(text[start:end] for start, end, word in marks if not word)
        seen.append((sentence, next((text[start:end] for start, end, word in marks if word), "")))

    small.session.disclaimer_spoken = True
    small.read_aloud.progressed.connect(look)
    small.read_aloud.start()
    qtbot.waitUntil(lambda: ("Ask your team.", "team") in seen, timeout=10_000)
    assert seen[:5] == [("Is there a cure?", ""), ("Is there a cure?", "Is"), ("Is there a cure?", "there"),
                        ("Is there a cure?", "a"), ("Is there a cure?", "cure")]
    htlv = [word for sentence, word in seen if sentence == "HTLV-1 causes it."]
    assert htlv[:6] == ["", "HTLV-1", "HTLV-1", "HTLV-1", "HTLV-1", "HTLV-1"], "'H T L V one' marks 'HTLV-1'"
    assert htlv[6:] == ["causes", "it"]
    assert small.header.read_button.accessibleName() == "Pause reading aloud"
    assert small.header.stop_reading_button.isVisible()


@pytest.mark.parametrize("percent", [100, 300])
def test_pause_resume_and_stop(small, qtbot, said, percent):
    small.appearance.apply_text_scale(percent)  # at 300 % the buttons sit in the folded header's title row
    small.session.disclaimer_spoken = True
    button = small.header.read_button
    left, right = button.mapTo(small, button.rect().topLeft()).x(), button.mapTo(small, button.rect().topRight()).x()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(words_marked(small)))
    small.header.layout().activate()
    now = button.mapTo(small, button.rect().topLeft()).x(), button.mapTo(small, button.rect().topRight()).x()
    assert abs(now[0] - left) <= 8 and abs(now[1] - right) <= 8, \
        "Pause is where Read aloud was tapped: a second tap pauses (it hit Stop, 63 px along)"
    qtbot.mouseClick(small.header.read_button, Qt.MouseButton.LeftButton)  # Pause
    assert small.read_aloud.state.value == "paused" and small.header.read_button.text() == "Resume"
    with qtbot.waitSignal(small.read_aloud.progressed, timeout=200, raising=False):
        pass  # the mock engine finishes the word it is on, as a voice finishes a syllable
    marked = words_marked(small)
    with qtbot.assertNotEmitted(small.read_aloud.progressed, wait=350):  # then three words' time in silence
        pass
    assert words_marked(small) == marked
    qtbot.mouseClick(small.header.read_button, Qt.MouseButton.LeftButton)  # Resume
    qtbot.waitUntil(lambda: words_marked(small) != marked)
    qtbot.mouseClick(small.header.stop_reading_button, Qt.MouseButton.LeftButton)
    assert small.read_aloud.state.value == "stopped" and small.reading.spoken_marks == []
    assert small.header.read_button.text() == "Read aloud" and not small.header.stop_reading_button.isVisible()


def test_a_new_page_or_a_search_stops_reading(small, qtbot):
    small.session.disclaimer_spoken = True
    small.read_aloud.start()
    qtbot.waitUntil(lambda: bool(words_marked(small)))
    small.navigation.open_location(Location("b"))
    assert small.read_aloud.state.value == "stopped" and small.reading.spoken_marks == []
    small.read_aloud.start()
    qtbot.waitUntil(lambda: bool(words_marked(small)))
    qtbot.keyClicks(small.search_panel.field, "cure")
    qtbot.waitUntil(lambda: small.read_aloud.state.value == "stopped")  # as the search runs
    assert small.reading.spoken_marks == []


def test_reading_starts_at_the_sentence_the_reader_put_the_caret_in(small, qtbot, said):
    small.session.disclaimer_spoken = True
    cursor = small.reading.textCursor()
    cursor.setPosition(small.reading.toPlainText().index("causes"))
    small.reading.setTextCursor(cursor)
    small.read_aloud.start()
    qtbot.waitUntil(lambda: bool(said))
    assert said[0] == "H T L V one causes it."


def test_without_a_speech_engine_the_button_is_off_and_says_why(make_window, qtbot, make_pack):
    root = make_pack({"a.md": PAGE, "b.md": "# B\n\nText.\n"})
    window = make_window(the_pack=load_pack(root), speech_engine="no-such-engine")
    qtbot.mouseClick(window.header.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.notice.isVisible())
    assert "Read aloud needs a speech engine, and none was found" in window.notice.accessibleDescription()
    assert not window.header.read_button.isEnabled()
    assert "needs a speech engine" in window.header.read_button.toolTip()
    assert window.read_aloud.state.value == "stopped"


def test_speed_and_voice_are_chosen_in_reading_options_and_remembered(small, qtbot, monkeypatch, tmp_path):
    from reader.ui.settings import Settings
    from reader.ui.widgets.reading_options import ReadingOptionsDialog

    opened: list[ReadingOptionsDialog] = []
    monkeypatch.setattr(ReadingOptionsDialog, "exec", lambda dialog: opened.append(dialog) or dialog.show())
    small.commands["reading_options"].trigger()
    dialog = opened[0]
    # The mock engine's English voices only (it has others for other languages).
    assert [dialog.voice.itemText(i) for i in range(dialog.voice.count())] == ["The computer's own", "Charly", "Mary"]
    dialog.speed.setCurrentIndex(dialog.speed.findData("faster"))
    dialog.voice.setCurrentIndex(dialog.voice.findData("Mary"))
    small.settings.save()
    again = Settings(tmp_path / "settings.ini")
    assert (again.speech_speed, again.speech_voice) == ("faster", "Mary")
    dialog.close()


def test_an_engine_that_stops_answering_stops_the_reading_and_never_the_window(small, qtbot, monkeypatch):
    from reader.ui import speech_client

    # A speech process that never answers, as speech-dispatcher with no sound output did.
    monkeypatch.setattr(speech_client, "worker_command", lambda: [sys.executable, "-c", "import time; time.sleep(60)"])
    monkeypatch.setattr(speech_client, "ANSWER_MS", 300)
    small.read_aloud.start()
    qtbot.waitUntil(small.notice.isVisible, timeout=3000)
    assert "speech engine did not answer" in small.notice.accessibleDescription()
    assert small.read_aloud.state.value == "stopped" and small.reading.spoken_marks == []
    qtbot.keyClick(small.reading, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert small.appearance.text_percent == 110, "the window answers throughout"
    assert small.header.read_button.isEnabled(), "the next press tries a fresh engine"


def test_a_definition_has_its_own_read_aloud_and_closing_it_stops(window, qtbot, monkeypatch, said):
    from window_driver import dialogs_opened

    window.session.disclaimer_spoken = True
    window.read_aloud.start()
    qtbot.waitUntil(lambda: bool(said))
    shown = dialogs_opened(monkeypatch, qtbot)
    window.dialogs.show_term(0)
    dialog = shown[0]
    assert window.read_aloud.state.value == "paused", "the page's voice does not go on under the definition"
    dialog.reject()
    assert window.read_aloud.state.value == "speaking", "closed unread: the page goes on"
    window.dialogs.show_term(0)
    dialog = shown[1]
    qtbot.waitUntil(lambda: window.read_aloud.engine_state == "Paused")  # as a reader finds the button
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(said) >= 4, timeout=5000)
    # The term, as said; what it is, heard before it is believed, as it is seen first; then its meaning.
    # The engine's answer to the page's stop ended "A T L" as it began: each was said over the one before.
    assert said[1:4] == ["A T L", "Plain-language aid, not part of the medically reviewed summary.",
                         "Short for adult T-cell leukemia lymphoma."]
    assert window.reading.spoken_marks == [], "nothing on the page is marked for the definition"
    assert window.session.disclaimer_spoken
    dialog.reject()
    assert window.read_aloud.state.value == "stopped"


def test_the_sentence_stays_marked_when_the_text_size_or_theme_changes(small, qtbot):
    small.session.disclaimer_spoken = True
    small.read_aloud.start()
    qtbot.waitUntil(lambda: bool(words_marked(small)))
    small.appearance.apply_text_scale(150)
    assert any(not word for *_, word in small.reading.spoken_marks), "the sentence is still marked"
    selections = small.reading.extraSelections()
    assert selections and selections[0].cursor.selectedText(), "and painted, on the page shown again"
    qtbot.waitUntil(lambda: bool(words_marked(small)))
    styles = [selection.format.underlineStyle() for selection in small.reading.extraSelections()]
    assert styles[-1] != QTextCharFormat.UnderlineStyle.NoUnderline, "the word is told by more than its colour"
    small.appearance.choose_theme("dark")
    assert small.reading.extraSelections()
    assert small.read_aloud.state.value == "speaking"


def test_the_engines_answer_to_a_stop_does_not_end_the_next_sentence(small, qtbot, monkeypatch):
    from PySide6.QtCore import QObject, Signal

    from reader.ui import speech_client

    class Engine(QObject):
        """A speech engine that answers only when told to, as a slow one answers late."""

        made, stateChanged, wordReached, failed = Signal(list), Signal(str), Signal(int, int), Signal(str)

        def __init__(self, *_args: object, **_kwargs: object) -> None:
            super().__init__()
            self.voices: list[str] = ["Anne"]
            self.said: list[str] = []

        def say(self, text: str) -> None:
            self.said.append(text)

        def use_voice(self, *_args: object) -> None: ...
        def pause(self) -> None: ...
        def resume(self) -> None: ...
        def stop(self) -> None: ...

    monkeypatch.setattr(speech_client, "SpeechClient", Engine)
    reading = small.read_aloud
    small.session.disclaimer_spoken = True
    reading.start()
    engine = reading._client()
    reading.read_aside("The term.\nIts meaning.")  # a definition: the page's reading stops for it
    qtbot.waitUntil(lambda: engine.said[-1:] == ["The term."])
    engine.stateChanged.emit("Ready")  # the page's stop, answered late: not the end of "The term."
    assert engine.said[-1] == "The term.", "a definition's first words were cut off by the next sentence"
    engine.stateChanged.emit("Speaking")
    engine.stateChanged.emit("Ready")  # now it is done
    assert engine.said[-1] == "Its meaning."
