"""Searching in the window: results as you type, highlights, matches stepped through, glossary terms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from reader.navigation import Location
from reader.ui.widgets.result_delegate import HTML_ROLE
from window_driver import page_text, type_search


def test_ctrl_f_and_slash_put_the_cursor_in_search(window, qtbot):
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_panel.field.hasFocus()
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_Slash)
    assert window.search_panel.field.hasFocus()
    qtbot.keyClicks(window.search_panel.field, "a/b")
    assert window.search_panel.field.text() == "a/b"


def test_results_update_as_you_type_and_open_with_highlights(window, qtbot):
    type_search(window, qtbot, "transplant")
    results = window.search_panel.results
    assert results.currentItem().text().startswith("Treatment options")
    assert not window.navigator.isVisible()
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    assert page_text(window).startswith("Treatment options")
    highlighted = [s.cursor.selectedText() for s in window.reading.extraSelections()]
    # The word typed, and the summary's own name for it (synonyms.toml), as a whole phrase:
    # "cell" alone, as in "T-cell", is not a match. A phrase is one match, not one per word.
    assert highlighted == ["hematopoietic stem cell transplantation", "HSCT"]
    assert window.match_bar.label.text() == "Match 1 of 2 on this page"
    assert window.reading.hasFocus()


def test_results_grow_with_the_text_size_and_fit_their_rows(window, qtbot):
    type_search(window, qtbot, "transplant")
    results = window.search_panel.results

    def first_row() -> tuple[int, int]:
        """The first result's row height, and the height its text needs at the current size."""
        index = results.model().index(0, 0)
        doc = QTextDocument()
        doc.setDefaultFont(results.font())
        doc.setDocumentMargin(0)
        doc.setHtml(index.data(HTML_ROLE))
        doc.setTextWidth(results.viewport().width() - 16)
        return results.visualRect(index).height(), int(doc.size().height())

    height, needed = first_row()
    assert height >= needed
    window.appearance.apply_text_scale(200)
    qtbot.waitUntil(lambda: first_row()[0] >= first_row()[1] > needed)
    at_200 = first_row()[1]
    window.splitter.setSizes([220, 880])  # a narrower results list: the rows wrap more and grow
    qtbot.waitUntil(lambda: first_row()[0] >= first_row()[1] > at_200)


def test_highlights_cover_every_match_in_the_page(window, qtbot):
    window.navigation.open_location(Location("overview"))
    type_search(window, qtbot, "aggressive")
    highlighted = [s.cursor.selectedText().lower() for s in window.reading.extraSelections()]
    assert highlighted == ["aggressive", "aggressive"]


def test_escape_clears_search_results_and_highlights(window, qtbot):
    type_search(window, qtbot, "remission")
    assert window.reading.extraSelections()
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Escape)
    assert window.search_panel.field.text() == ""
    qtbot.waitUntil(window.navigator.isVisible)
    assert not window.search_panel.results.isVisible()
    assert window.reading.extraSelections() == []


def test_no_results_says_so_and_suggests_topics(window, qtbot):
    type_search(window, qtbot, "xyzzy")
    assert "No results for “xyzzy”" in window.search_panel.status.text()
    topics = [window.search_panel.results.item(i).text() for i in range(window.search_panel.results.count())]
    assert topics[:2] == ["Is there a cure?", "Goals of treatment"]
    window.search_panel.results.setCurrentRow(4)
    qtbot.keyClick(window.search_panel.results, Qt.Key.Key_Return)
    assert page_text(window).startswith("Clinical trials")


def test_a_word_it_may_have_meant_is_offered_and_searched_for_when_chosen(window, qtbot):
    type_search(window, qtbot, "remishun")  # too far off to correct silently
    results = window.search_panel.results
    assert "Did you mean “remission”? Or try a topic:" in window.search_panel.status.text()
    assert results.currentItem().text() == "Search for “remission”"
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)  # Enter takes the offer, as it opens a first result
    assert window.search_panel.field.text() == "remission"
    qtbot.waitUntil(lambda: "sections match" in window.search_panel.status.text())
    titles = [results.item(i).text() for i in range(results.count())]
    assert any(title.startswith("Goals of treatment") for title in titles)
    assert page_text(window).startswith("Is there a cure?")  # nothing was opened: the reader chooses


def test_a_word_it_may_have_meant_is_chosen_by_click_too(window, qtbot):
    type_search(window, qtbot, "remishun")
    results = window.search_panel.results
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton,
                     pos=results.visualItemRect(results.item(0)).center())
    assert window.search_panel.field.text() == "remission"
    qtbot.waitUntil(lambda: "sections match" in window.search_panel.status.text())


def test_results_that_answer_only_some_words_say_which_words_the_summary_lacks(window, qtbot):
    type_search(window, qtbot, "chemo for my eyes")
    status = window.search_panel.status
    qtbot.waitUntil(lambda: "The summary does not mention “eyes”." in status.text())
    # Heard as two sentences, not "2 sections match The summary…".
    assert status.accessibleName() == "2 sections match. The summary does not mention “eyes”."


def test_a_topic_the_summary_does_not_cover_says_so_first_and_leads_with_the_questions(window, qtbot):
    type_search(window, qtbot, "is atl contagious")
    status = window.search_panel.status
    qtbot.waitUntil(lambda: "does not cover" in status.text())
    assert status.accessibleName().startswith("This summary does not cover how HTLV-1 passes between people")
    first = window.search_panel.results.currentItem().text()
    assert first.startswith("Questions to ask your care team") and "HTLV-1 and my family" in first


def test_two_words_it_may_have_meant_are_offered_as_one_or_the_other(make_window, make_pack, qtbot):
    from reader.content import load_pack

    window = make_window(the_pack=load_pack(make_pack({"a.md": "# Notes\n\nOn remission and on recession."})))
    type_search(window, qtbot, "remessiaq")  # three letters from each
    assert "Did you mean “recession” or “remission”? Or try a topic:" in window.search_panel.status.text()
    results = window.search_panel.results
    assert [results.item(i).text() for i in range(2)] == ["Search for “recession”", "Search for “remission”"]


def test_no_results_in_a_large_pack_suggests_its_first_topics_not_all_of_them(make_window, make_pack, qtbot):
    from reader.content import load_pack

    files = {f"s{n:02}.md": f"# Topic {n}\n\nNotes on topic {n}." for n in range(40)}
    window = make_window(the_pack=load_pack(make_pack(files)))
    type_search(window, qtbot, "xyzzy")
    topics = [window.search_panel.results.item(i).text() for i in range(window.search_panel.results.count())]
    assert topics == [f"Topic {n}" for n in range(12)]


@pytest.mark.parametrize("text", ['"NEAR(*', "AND OR NOT", "^^^", "((("])
def test_hostile_text_in_the_search_field_is_harmless(window, qtbot, text):
    type_search(window, qtbot, text)
    assert window.search_panel.status.text()


def test_search_shows_plain_definitions_marked_as_an_aid(window, qtbot):
    type_search(window, qtbot, "chemo")
    results = window.search_panel.results
    rows = [results.item(i).text() for i in range(results.count())]
    assert rows[0] == "What the words mean. Plain-language aid, not part of the medically reviewed summary."
    assert rows[1].startswith("chemotherapy: Medicines that kill cancer cells")
    assert results.currentItem().text().startswith("Treatment options"), "the first result, not a definition"
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    assert page_text(window).startswith("Treatment options")
    window.search_panel.field.clear()
    type_search(window, qtbot, "xqzv")
    qtbot.waitUntil(lambda: not results.item(0).text().startswith("What the words mean"))
    assert "No results" in window.search_panel.status.accessibleName()
    window.search_panel.field.clear()
    type_search(window, qtbot, "remishun")
    qtbot.waitUntil(lambda: "Did you mean “remission”?" in window.search_panel.status.accessibleName())
    # The row that held the definitions' heading now offers a search: chosen, not read in place.
    assert results.item(0).text() == "Search for “remission”"
    assert results.item(0).flags() & Qt.ItemFlag.ItemIsSelectable


def test_rows_that_held_definitions_become_ordinary_results_as_the_search_changes(window, qtbot):
    type_search(window, qtbot, "chemo")
    results = window.search_panel.results
    aid_background = results.item(0).background().color().name()
    assert not results.item(0).flags() & Qt.ItemFlag.ItemIsSelectable
    window.search_panel.field.selectAll()
    type_search(window, qtbot, "goals")  # typed over the old search, which had definitions: its rows are reused
    qtbot.waitUntil(lambda: not results.item(0).text().startswith("What the words mean"))
    first = results.item(0)
    assert first.flags() & Qt.ItemFlag.ItemIsSelectable
    assert results.currentRow() == 0, "the first result is ready to open"
    assert first.background().style() == Qt.BrushStyle.NoBrush, f"not the definitions' {aid_background}"
    title = first.text().split(".")[0]
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    assert page_text(window).startswith(title)


def test_a_misspelt_search_says_what_it_searched_for(window, qtbot):
    type_search(window, qtbot, "transplnt")
    assert "Showing results for “transplant”" in window.search_panel.status.accessibleName()
    assert window.search_panel.results.currentItem().text().startswith("Treatment options")


def test_f3_steps_through_the_matches_with_a_counter(window, qtbot):
    window.navigation.open_location(Location("overview"))
    type_search(window, qtbot, "aggressive")
    bar = window.match_bar
    count = window.reading.match_count
    assert count >= 1 and bar.isVisible()
    assert bar.label.text() == ("1 match on this page" if count == 1 else f"{count} matches on this page")
    window.reading.setFocus()
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert bar.label.text() == f"Match 1 of {count} on this page"
    current = [s for s in window.reading.extraSelections()
               if s.format.background().color().name() == "#ff9f1c"]
    assert [s.cursor.selectedText().lower() for s in current] == ["aggressive"]
    qtbot.mouseClick(bar.previous, Qt.MouseButton.LeftButton)
    assert bar.label.text() == f"Match {count} of {count} on this page"  # wraps round
    window.search_panel.field.clear()
    qtbot.waitUntil(lambda: not bar.isVisible())


def test_glossary_terms_are_marked_and_open_their_definition(window, qtbot):
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWidgets import QDialog

    window.navigation.open_location(Location("treatment-options"))
    marked = []
    block = window.reading.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref().startswith("term:"):
                marked.append(fragment.text())
            it += 1
        block = block.next()
    assert "chemotherapy" in marked and "watch and wait" in marked
    assert "Aggressive ATL" not in marked, "headings are left alone"
    assert window.reading.toPlainText().count("chemotherapy") == 1, "the words themselves never change"

    seen = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen["title"] = dialog.windowTitle()
        seen["text"] = dialog.browser.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    index = [e.term for e in window.pack.glossary].index("chemotherapy")
    QTimer.singleShot(0, read_and_close)
    window.reading.anchorClicked.emit(QUrl(f"term:{index}"))
    assert seen["title"] == "chemotherapy"
    assert "Medicines that kill cancer cells" in seen["text"]
    assert "not part of the medically reviewed summary" in seen["text"]
    assert QApplication.activeModalWidget() is None


def test_a_glossary_term_opens_from_the_keyboard(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    window.navigation.open_location(Location("new-treatments"))
    window.reading.setFocus()
    opened = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            opened.append(dialog.windowTitle())
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    # Tab walks the page's links; the first marked term on this page is a glossary term.
    for _ in range(10):
        qtbot.keyClick(window.reading, Qt.Key.Key_Tab)
        link = window.reading.tabbed_link.link
        href = link.href if link is not None else ""
        if href.startswith("term:"):
            break
    assert href.startswith("term:")
    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(window.reading, Qt.Key.Key_Return)
    assert opened and opened[0] in {entry.term for entry in window.pack.glossary}


def test_a_search_typed_while_search_is_being_set_up_is_answered_when_it_is_ready(qtbot, own, make_pack, family,
                                                                                   tmp_path):
    from reader.content import load_pack
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    # 300 sections: the index is built over several turns of the event loop.
    files = {f"s{n}.md": f"# Topic {n}\n\nNotes on topic {n}." for n in range(299)}
    files["t.md"] = "# Transplants\n\nA stem cell transplant uses donor cells."
    window = own(MainWindow(load_pack(make_pack(files)), Settings(tmp_path / "s.ini"), family, search_debounce_ms=10))
    window.show()
    window.search_controller.run_search("transplant")  # before the window has had a moment
    assert window.search_panel.status.text() == "Getting search ready…"
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0)
    assert window.search_panel.results.item(window.search_panel.results.currentRow()).text().startswith("Transplants")


def test_a_failed_index_build_is_reported_once_and_the_next_search_tries_again(qtbot, own, pack, family, tmp_path,
                                                                             monkeypatch):
    from reader.search import SearchIndex
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow

    real_steps = SearchIndex.in_steps

    def failing_steps(pack, **kwargs):
        yield None
        raise OSError("disk gone")

    monkeypatch.setattr(SearchIndex, "in_steps", failing_steps)
    with qtbot.captureExceptions() as exceptions:
        window = own(MainWindow(pack, Settings(tmp_path / "s.ini"), family, search_debounce_ms=10))
        qtbot.waitUntil(lambda: len(exceptions) > 0)
        for _ in range(5):  # more turns of the event loop: the failure is not repeated
            QApplication.processEvents()
    assert [str(e[1]) for e in exceptions] == ["disk gone"]
    monkeypatch.setattr(SearchIndex, "in_steps", real_steps)
    window.search_controller.run_search("chemo")
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0)


def test_the_status_is_heard_as_typed_not_as_markup(window, qtbot):
    type_search(window, qtbot, "x<y & z")
    qtbot.waitUntil(lambda: window.search_panel.status.accessibleName().startswith("No results for “x<y & z”."))


def test_a_result_that_is_an_aid_says_so_in_the_list(window, qtbot):
    type_search(window, qtbot, "how long will I live")
    qtbot.waitUntil(lambda: "does not cover" in window.search_panel.status.text())
    row = window.search_panel.results.currentItem()
    assert "not part of the medically reviewed summary" in row.text()


def test_moving_into_the_results_names_what_the_summary_does_not_cover(window, qtbot):
    # Orca 43 speaks no announcements; it speaks the list's name on entering it.
    type_search(window, qtbot, "how long will I live")
    results = window.search_panel.results
    qtbot.waitUntil(lambda: "does not cover the outlook" in results.accessibleName())
    assert results.accessibleName().startswith("Search results. This summary does not cover")
    window.search_panel.clear()
    qtbot.waitUntil(lambda: results.accessibleName() == "Search results")


def test_the_current_match_survives_a_new_text_size_and_theme(window, qtbot):
    type_search(window, qtbot, "chemotherapy")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.keyClick(window.reading, Qt.Key.Key_F3)
    assert window.match_bar.label.text().startswith("Match 2 of ")
    window.appearance.apply_text_scale(150)
    assert window.match_bar.label.text().startswith("Match 2 of "), "kept across a text-size step"
    window.appearance.choose_theme("dark")
    assert window.match_bar.label.text().startswith("Match 2 of "), "and a theme change"
    other = next(s.id for s in window.pack.sections if s.id != window.navigation.current.section_id)
    window.navigation.open_location(Location(other))
    shown = window.match_bar.label.text() if window.match_bar.isVisible() else ""
    assert not shown.startswith("Match 2"), "a new page does not carry the last page's match"


def test_a_match_is_shown_with_lines_above_it_not_flush_at_the_top(window, qtbot):
    window.resize(900, 500)
    type_search(window, qtbot, "transplant")
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(window.reading.hasFocus)
    rect = window.reading.cursorRect()
    height = window.reading.viewport().height()
    assert height // 6 <= rect.top() <= height * 5 // 6


def test_a_result_opened_in_a_narrow_window_shows_its_match(window, qtbot):
    # At 300 % in a narrow window the match was placed while the text was still folded away, and the text then
    # came back at its width with the match above the top edge: the reader saw the line after it.
    from window_driver import make_narrowest, type_search

    window.appearance.apply_text_scale(300)
    make_narrowest(window, qtbot, 500)
    window.go_to_search()
    type_search(window, qtbot, "transplant")
    qtbot.waitUntil(lambda: window.search_panel.results.count() > 0)
    qtbot.keyClick(window.search_panel.field, Qt.Key.Key_Return)
    reading = window.reading
    qtbot.waitUntil(lambda: reading.isVisible() and reading.viewport().width() > 100)
    QApplication.sendPostedEvents()
    caret = reading.cursorRect(reading.textCursor())
    assert window.session.current_match == 1
    assert caret.top() >= 0 and caret.bottom() <= reading.viewport().height(), "the match is in view"
