"""What read-aloud says, in order, and which words on the page each part of it lights up."""

from __future__ import annotations

from reader.speech.pronunciations import Pronunciations
from reader.speech.script import Block, Kind, reading_script, start_index, utterance

SAY = Pronunciations({"HTLV-1": "H T L V one", "ATL": "A T L"})


def test_a_page_is_read_a_sentence_at_a_time_with_headings_and_list_items_on_their_own():
    blocks = [Block("Is there a cure?", 0, Kind.HEADING),
              Block("Medically reviewed summary · Last updated 8 May 2026", 17),
              Block("There is no cure yet. Dr. Lee said so, e.g. in clinic.", 70),
              Block("Which type of ATL do I have?", 130, Kind.ITEM),
              Block("What do my results show. And then", 160, Kind.ITEM)]
    script = reading_script(blocks, SAY)
    assert [said.spoken for said in script] == [
        "Is there a cure?", "Medically reviewed summary, Last updated 8 May 2026", "There is no cure yet.",
        "Dr. Lee said so, e.g. in clinic.", "Which type of A T L do I have?", "What do my results show. And then"]
    assert [(said.start, said.end) for said in script][2:4] == [(70, 91), (92, 124)]


def test_a_spoken_form_lights_up_its_written_word_whole():
    said = utterance("Caused by HTLV-1 in most people.", 100, SAY)
    assert said.spoken == "Caused by H T L V one in most people."
    assert said.shown_span(0, 6) == (100, 106)  # "Caused", said as written
    assert said.shown_span(10, 1) == (110, 116)  # "H" of "H T L V one": the whole "HTLV-1"
    assert said.shown_span(18, 3) == (110, 116)  # "one"
    assert said.shown_span(22, 2) == (117, 119)  # "in", after the spoken form


def test_words_inside_longer_words_are_said_as_written():
    assert SAY.say("ATLAS and HTLV-12 and ATL.")[0] == "ATLAS and HTLV-12 and A T L."


def test_text_off_the_page_lights_up_nothing():
    assert utterance("Medical disclaimer: not advice.", -1, SAY).shown_span(0, 7) is None


def test_reading_starts_at_the_sentence_the_reader_is_in():
    script = reading_script([Block("One here. Two here.", 0), Block("Three.", 20)], SAY)
    assert start_index(script, 0) == 0
    assert start_index(script, 12) == 1
    assert start_index(script, 20) == 2
    assert start_index(script, 999) == 0, "past the end: from the top"
