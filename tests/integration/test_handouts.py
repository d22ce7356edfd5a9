"""Handouts: large print, the clinic's details, headings kept with their text, printing from the window."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from pdf_text import pdf_pages
from reader.content import load_pack
from reader.navigation import Location
from reader.ui.text_blocks import blocks

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def export(out: Path, *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "main.py"), "export-pdf", str(out), *args],
                   check=True, capture_output=True, text=True, cwd=ROOT)


def word_heights(pdf: Path) -> list[float]:
    """Heights (points) of the words on the pages, from pdftotext's bounding boxes."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [float(m.group(2)) - float(m.group(1))
            for m in re.finditer(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">', xml)]


def pages(pdf: Path) -> list[str]:
    return [" ".join(page.split()) for page in pdf_pages(pdf)]


@needs_pdftotext
def test_large_print_has_18_pt_text_on_more_pages(tmp_path):
    normal, large = tmp_path / "normal.pdf", tmp_path / "large.pdf"
    export(normal)
    export(large, "--large-print")
    # The body text is the most common word height; 18 pt type makes boxes of about 21 pt.
    normal_height = statistics.mode(round(h) for h in word_heights(normal))
    large_height = statistics.mode(round(h) for h in word_heights(large))
    assert large_height >= 18 * 1.1 > normal_height
    assert len(pages(large)) > len(pages(normal))


@needs_pdftotext
@pytest.mark.parametrize("size", [(), ("--large-print",)], ids=["normal", "large"])
def test_no_page_is_blank_and_no_line_to_write_on_opens_a_page(tmp_path, size):
    out = tmp_path / "all.pdf"
    export(out, *size)
    header_and_footer = re.compile(r"Adult T-cell leukemia/lymphoma \(ATL\)|(Medically reviewed summary|"
                                   r"Plain-language aid, not medically reviewed) · Last updated 8 May 2026|"
                                   r"Medical disclaimer:.*?treatment\.|"
                                   r"In plain words: This is general information\..*?your own care\.|"
                                   r"Printed \d+ \w+ \d{4}|Page \d+ of \d+")
    for number, text in enumerate(pages(out), start=1):
        body = header_and_footer.sub("", text)
        titles = [section.title for section in load_pack(ROOT / "content").sections]
        for title in titles:  # the running header names a section too
            body = body.replace(title, "", 1) if text.find(title) < 120 else body
        assert body.strip(), f"page {number} has nothing but its header and footer"
        assert not body.strip().startswith("My notes"), f"page {number} opens on a line to write on"


def test_parts_for_the_screen_only_stay_off_paper(make_pack):
    from reader.content import load_pack
    from reader.content.page import compose_page

    root = make_pack({"a.md": "# A\n\nIntro.\n\n## Using the app {#help .screen-only}\n\nPress A+.\n\n"
                              "### Keys\n\nF1.\n\n## Dosing questions\n\nAsk your team."})
    section = load_pack(root).sections[0]
    screen, paper = compose_page(load_pack(root), section), compose_page(load_pack(root), section, printed=True)
    assert "Press A+." in screen and "F1." in screen
    assert "Press A+." not in paper and "F1." not in paper and "Using the app" not in paper
    assert "Intro." in paper and "Ask your team." in paper


def test_a_checklist_has_boxes_and_lines_to_write_on_paper_and_neither_on_screen(make_pack):
    from reader.content import load_pack
    from reader.content.page import TICK_BOX, compose_page

    root = make_pack({"a.md": "# Questions {.checklist}\n\nBring these.\n\nTick the ones to ask.\n{: .paper-only }\n\n"
                              "## Tests\n\n- What do my results show?\n- Who do I call?\n\n"
                              "My notes: ______\n{: .paper-only }\n",
                      "b.md": "# Other\n\n- A plain list.\n"})
    pack = load_pack(root)
    questions, other = pack.sections
    screen, paper = compose_page(pack, questions), compose_page(pack, questions, printed=True)
    assert TICK_BOX not in screen and "My notes" not in screen and "Tick the ones" not in screen, \
        "on screen a box looks tappable and does nothing, and nobody can write on a line"
    assert "<li>What do my results show?</li>" in screen, "a plain list with its bullets"
    assert f"<li>{TICK_BOX} What do my results show?</li>" in paper and f"<li>{TICK_BOX} Who do I call?</li>" in paper
    assert '<ul class="checklist">' in paper, "no bullet beside the box"
    assert "My notes: ______" in paper and "Tick the ones to ask." in paper and "Bring these." in paper
    assert "My notes" not in questions.full_text, "a line to write on is not text to search or quote"
    assert TICK_BOX not in compose_page(pack, other, printed=True), "only a checklist's lists get boxes"


@needs_pdftotext
def test_the_clinic_is_named_on_every_page(tmp_path):
    out = tmp_path / "clinic.pdf"
    export(out, "--clinic", "Riverside Clinic", "--phone", "01234 567890", "--large-print")
    printed = pages(out)
    assert len(printed) >= 3
    assert "Using this reader" not in " ".join(printed), "the reader's own help is for the screen"
    for number, text in enumerate(printed, start=1):
        assert "Given to you by Riverside Clinic · 01234 567890" in text
        assert f"Page {number} of {len(printed)}" in text
        assert "Medical disclaimer: This content is for informational purposes only" in text


@needs_pdftotext
def test_a_long_clinic_name_wraps_in_large_print_and_its_phone_number_is_never_cut(tmp_path):
    out = tmp_path / "long.pdf"
    clinic = "Riverside Haematology and Oncology Day Unit, Building B, Queen Elizabeth Hospital"
    export(out, "--clinic", clinic, "--phone", "+44 20 7946 0958 (ask for the ATL nurse)", "--large-print")
    for text in pages(out):
        squashed = " ".join(text.split())
        assert "+44 20 7946 0958 (ask for the ATL nurse)" in squashed, "the whole number, on every page"
        assert "Medical disclaimer: This content is for informational purposes only" in squashed


@pytest.mark.parametrize("large", [False, True])
def test_no_heading_is_left_alone_and_no_short_block_is_split(qapp, pack, family, tmp_path, large):
    import datetime as dt

    from PySide6.QtGui import QPageLayout, QPdfWriter

    from reader.content.handout_plan import HandoutPlan
    from reader.ui.print.handout import _PagePainter, setup_page

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    setup_page(writer)
    assert writer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    painter = _PagePainter(writer, HandoutPlan(pack, pack.sections, large_print=large), family, dt.date(2026, 1, 1))
    doc, height = painter.document, painter.body_rect.height()
    layout = doc.documentLayout()
    block = doc.begin()
    checked = 0
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            heading_page = int(layout.blockBoundingRect(block).top() // height)
            text_top = layout.blockBoundingRect(following).top()
            assert int((text_top + 1) // height) == heading_page, block.text()
            checked += 1
        rect = layout.blockBoundingRect(block)
        starts_a_page = rect.top() % height <= 1 or height - rect.top() % height <= 1
        if rect.height() <= height / 4 and not starts_a_page:
            assert int(rect.top() // height) == int((rect.bottom() - 1) // height), f"split: {block.text()[:40]}"
        block = following
    assert checked >= 10


def test_a_question_in_bold_is_never_left_at_the_foot_of_a_page_without_its_answer(qapp, make_pack, family,
                                                                                   tmp_path):
    import datetime as dt

    from PySide6.QtGui import QPdfWriter

    from reader.content.handout_plan import HandoutPlan
    from reader.ui.print.handout import _PagePainter, setup_page

    question = "What is the current treatment goal?"
    # Lines of filler before the question, each count moving it further down the page, through its foot.
    for filler in range(38, 52):
        root = make_pack({"a.md": "# A\n\n" + "Words on a line.\n\n" * filler + f"**{question}**\n\nIts answer.\n"})
        writer = QPdfWriter(str(tmp_path / "bold.pdf"))
        writer.setResolution(300)
        setup_page(writer)
        pack = load_pack(root)
        painter = _PagePainter(writer, HandoutPlan(pack, pack.sections), family, dt.date(2026, 1, 1))
        doc, height = painter.document, painter.body_rect.height()
        layout = doc.documentLayout()
        block = next(block for block in blocks(doc) if block.text() == question)
        answer = layout.blockBoundingRect(block.next())
        assert int(layout.blockBoundingRect(block).top() // height) == int((answer.top() + 1) // height), filler


@needs_pdftotext
def test_web_addresses_print_in_full_with_a_qr_code(tmp_path):
    def images(pdf: Path) -> list[tuple[int, int]]:
        """(width, height) of each image, from poppler's pdfimages."""
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
        return [(int(row.split()[3]), int(row.split()[4])) for row in listing.splitlines()[2:] if row.strip()]

    out = tmp_path / "trials.pdf"
    export(out, "--section", "clinical-trials")
    text = pages(out)[0]
    assert "Web addresses in this handout" in text and "https://clinicaltrials.gov/" in text
    [(width, height)] = images(out)
    assert width == height >= 100, "a square code, big enough to scan"
    out_without = tmp_path / "goals.pdf"
    export(out_without, "--section", "treatment-goals")
    assert "Web addresses" not in pages(out_without)[0] and images(out_without) == []
    # In the whole summary the list starts low on a page: its heading goes over with the first address.
    everything = tmp_path / "all.pdf"
    export(everything)
    [page] = [page for page in pages(everything) if "Web addresses in this handout" in page]
    assert "https://clinicaltrials.gov/" in page


@needs_pdftotext
def test_the_glossary_page_explains_only_the_words_used_and_says_it_is_an_aid(tmp_path):
    out = tmp_path / "glossary.pdf"
    export(out, "--section", "treatment-goals", "--glossary")
    text = " ".join(pages(out))
    assert "Words used in this handout" in text
    assert "Plain-language aid, not part of the medically reviewed summary" in text
    assert "remission:" in text and "induction therapy:" in text
    assert "kinase inhibitor:" not in text, "only the words these sections use"


@needs_pdftotext
def test_the_dialog_and_the_command_line_make_the_same_handout(qtbot, pack, tmp_path):
    from reader.ui.print.export import export_plan
    from reader.ui.print.handout_dialog import HandoutDialog

    dialog = HandoutDialog(pack, "overview", "Riverside Clinic", "01234 567890")
    qtbot.addWidget(dialog)
    dialog.large.setChecked(True)
    dialog.glossary.setChecked(True)
    for section_id in ("about", "new-treatments"):
        dialog.sections[section_id].setChecked(False)
    from_dialog = tmp_path / "dialog.pdf"
    export_plan(dialog.plan(), from_dialog)
    from_cli = tmp_path / "cli.pdf"
    ids = [s.id for s in dialog.plan().sections]
    export(from_cli, *[arg for i in ids for arg in ("--section", i)], "--large-print", "--glossary",
           "--clinic", "Riverside Clinic", "--phone", "01234 567890")
    assert pages(from_dialog) == pages(from_cli)
    assert len(pages(from_cli)) >= 3


def test_the_dialog_warns_as_clinic_details_grow_too_long_for_the_chosen_size(qtbot, pack, family):
    from reader.ui.print.handout import clinic_lines
    from reader.ui.print.handout_dialog import HandoutDialog

    dialog = HandoutDialog(pack, "overview", "Riverside Clinic", "01234 567890", family=family)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.fit_warning.isVisible()
    long_name = ("Riverside Community Haematology and Oncology Day Unit, Outpatients Department, Building B, "
                 "Level 2, 14 Riverside Road, Northtown")
    dialog.clinic.setText(long_name)
    assert clinic_lines(dialog.plan(), family) == 2 and not dialog.fit_warning.isVisible(), "two lines still fit"
    dialog.large.setChecked(True)
    lines = clinic_lines(dialog.plan(), family)
    assert lines > 2 and dialog.fit_warning.isVisible()
    assert f"In large print the clinic's details take {lines} lines" in dialog.fit_warning.text()
    dialog.normal.setChecked(True)
    assert not dialog.fit_warning.isVisible(), "back to normal print, the details fit again"


# -- from the window: Print, the preview, and PDF instead of a printer ----------------------------

def test_print_asks_what_to_print_marking_the_current_section(window, monkeypatch):
    from reader.ui.print.handout_dialog import HandoutDialog

    asked = []

    def look(dialog: HandoutDialog) -> int:
        asked.append([box.text() for box in dialog.sections.values() if box.isChecked()])
        asked.append(dialog.sections["clinical-trials"].text())
        return 0

    monkeypatch.setattr(HandoutDialog, "exec", look)
    window.navigation.open_location(Location("clinical-trials"))
    window.commands["print"].trigger()
    assert len(asked[0]) == len(window.pack.sections), "every section, as `export-pdf` prints by default"
    assert asked[1] == "Clinical trials (this page)"


def test_print_preview_paints_the_chosen_sections_with_safe_pages(window, monkeypatch, tmp_path, pack):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from reader.ui.print import printing
    from reader.ui.print.handout_dialog import HandoutDialog

    def choose(dialog: HandoutDialog) -> int:
        dialog.sections["questions"].setChecked(True)
        dialog.sections["about"].setChecked(False)
        dialog.clinic.setText("Riverside Clinic")
        dialog.choose_print()
        return dialog.result()

    out = tmp_path / "printed.pdf"

    def render_preview(self) -> int:
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        self.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(printing, "_printer_available", lambda: True)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", render_preview)
    window.commands["print"].trigger()
    pages = ["".join(page.split()) for page in pdf_pages(out)]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "".join(pack.manifest.disclaimer.split()) in text
        assert f"Page{number}of{len(pages)}" in text
        assert "GiventoyoubyRiversideClinic" in text
    printed = "".join(pages)
    missing = [s.title for s in pack.sections if s.id != "about" and "".join(s.title.split()) not in printed]
    assert missing == []
    assert "Aboutthissummary" not in printed, "only the chosen sections"
    assert window.settings.clinic == "Riverside Clinic", "remembered for the next handout"


def test_without_a_printer_the_handout_is_offered_as_a_pdf_and_back_keeps_the_choices(window, monkeypatch,
                                                                                      tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from reader.ui.print import printing
    from reader.ui.print.handout_dialog import HandoutDialog

    seen: list[bool] = []

    def choose(dialog: HandoutDialog) -> int:
        seen.append(dialog.large.isChecked())  # what the dialog shows each time it opens
        dialog.large.setChecked(True)
        dialog.choose_print()
        return dialog.result()

    answers = iter([False, True])  # "Back" first, then "Save as PDF…"
    out = tmp_path / "handout.pdf"
    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(printing, "_printer_available", lambda: False)
    monkeypatch.setattr(printing, "_ask_without_printer", lambda *args: next(answers))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    window.commands["print"].trigger()
    assert seen == [False, True], "Back returns to the handout's choices, as the reader left them"
    assert out.is_file() and "Saved" in window.notice.label.text()


def test_cancelling_a_handout_writes_nothing(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from reader.ui.print.handout_dialog import HandoutDialog

    opened: list[int] = []

    def choose(dialog: HandoutDialog) -> int:
        opened.append(1)
        if len(opened) > 1:  # back in the dialog after the file dialog's Cancel: cancel it too
            return dialog.DialogCode.Rejected
        dialog.choose_pdf()
        return dialog.result()

    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    window.commands["print"].trigger()
    assert list(tmp_path.glob("*.pdf")) == [] and not window.notice.isVisible()


@pytest.mark.parametrize("trouble", ["full disk", "link"])
def test_a_handout_that_cannot_be_saved_says_why_and_keeps_the_old_file(window, monkeypatch, tmp_path, trouble):
    import resource

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reader.ui.print.handout_dialog import HandoutDialog

    opened: list[int] = []

    def choose(dialog: HandoutDialog) -> int:
        opened.append(1)
        if len(opened) > 1:  # back in the dialog, choices kept, after the warning: the reader gives up
            return dialog.DialogCode.Rejected
        dialog.choose_pdf()
        return dialog.result()

    folder = tmp_path / "shared"
    folder.mkdir()
    out, old = folder / "handout.pdf", b"%PDF-1.4 last week's whole handout\n%%EOF\n"
    if trouble == "link":
        (folder / "minutes.txt").write_bytes(old)
        out.symlink_to(folder / "minutes.txt")
    else:
        out.write_bytes(old)
    warnings: list[str] = []
    monkeypatch.setattr(HandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    if trouble == "full disk":  # Python ignores SIGXFSZ: writes past 10 KB fail with EFBIG, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, limit[1]))
    try:
        window.commands["print"].trigger()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
    reason = ("the file is too large for this disk or account" if trouble == "full disk"
              else "is a link to another file: give a file name such as summary.pdf")
    assert warnings == [f"The PDF could not be saved to {out}: {reason}"]
    assert len(opened) == 2, "the handout dialog comes back, to choose another place"
    assert not window.notice.isVisible(), "no 'Saved' notice"
    assert out.read_bytes() == old
    assert sorted(p.name for p in folder.iterdir()) == (["handout.pdf", "minutes.txt"] if trouble == "link"
                                                        else ["handout.pdf"])


def test_the_print_preview_shows_dark_text_on_white_paper_in_a_dark_theme(window, monkeypatch, qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    from reader.contrast import contrast_ratio
    from reader.ui.print import printing
    from reader.ui.print.handout_dialog import HandoutDialog

    window.appearance.choose_theme("dark")  # dialogs take the theme; paper must not
    seen = []

    def look(self: QPrintPreviewDialog) -> int:
        self.show()
        preview = self.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.isVisible() and preview.pageCount() > 0)
        seen.append(preview.grab().toImage())
        return 0

    monkeypatch.setattr(HandoutDialog, "exec", lambda dialog: dialog.choose_print() or dialog.result())
    monkeypatch.setattr(printing, "_printer_available", lambda: True)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", look)
    window.commands["print"].trigger()
    image = seen[0]
    paper = [(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
             if image.pixelColor(x, y).name() == "#ffffff"]
    left, right = min(x for x, _ in paper), max(x for x, _ in paper)
    top, bottom = min(y for _, y in paper), max(y for _, y in paper)
    # The body's first lines, below the running header: the section's heading and text.
    band = range(top + (bottom - top) * 12 // 100, top + (bottom - top) * 35 // 100)
    darkest = min((image.pixelColor(x, y) for y in band for x in range(left, right)), key=lambda c: c.lightness())
    assert contrast_ratio(darkest.name(), "#ffffff") >= 7, f"the page's text is {darkest.name()} on white"


def test_a_section_title_with_an_ampersand_is_listed_as_written(qapp, make_pack):
    """Staff choose sections by their titles: "Risks & benefits" must not lose its "&" to a shortcut key."""
    from reader.content import load_pack
    from reader.ui.print.handout_dialog import HandoutDialog

    pack = load_pack(make_pack({"a.md": "# Risks & benefits\n\nWords.", "b.md": "# B\n\nMore."}))
    dialog = HandoutDialog(pack, "a")
    shown = dialog.sections["a"].text().replace("&&", "\x00").replace("&", "").replace("\x00", "&")
    assert shown.startswith("Risks & benefits")


def test_running_headers_follow_sections_even_with_a_second_top_heading(make_pack, tmp_path):
    """A section with a second "# heading" must not shift the page headers of the sections after it."""
    words = "The reviewed words of this part go on for a while. " * 120
    root = make_pack({"alpha.md": f"# Alpha part\n\n{words}\n\n# Appendix of alpha\n\n{words}",
                      "bravo.md": f"# Bravo part\n\n{words}"})
    out = tmp_path / "handout.pdf"
    export(out, "--content", str(root))
    printed = pages(out)
    bravo_starts = next(n for n, text in enumerate(printed) if text.count("Bravo part") >= 2 or
                        "Bravo part The reviewed words" in text)
    assert bravo_starts >= 2, "the test needs alpha to fill pages first"
    for text in printed[:bravo_starts]:
        assert "Bravo part" not in text, "a page of alpha is headed with bravo's title"
    for text in printed[bravo_starts + 1:]:
        assert "Bravo part" in text


@needs_pdftotext
def test_large_print_includes_the_plain_words_by_default_and_either_size_can_choose(tmp_path):
    label = "In plain words · Plain-language version, not part of the medically reviewed summary"
    plain_start = "Right now, there is no cure for ATL that works for everyone."
    for args, included in (((), False), (("--plain",), True), (("--large-print",), True),
                           (("--large-print", "--no-plain"), False)):
        out = tmp_path / "handout.pdf"
        export(out, *args)
        text = " ".join(pages(out))
        assert (label in text and plain_start in text) is included, args
        assert "Show the plain words" not in text and "Hide the plain words" not in text, "nothing to click on paper"
        if included:  # under the title, before the reviewed text it restates
            assert text.index("Is there a cure?") < text.index(plain_start) < text.index("Currently, there is no")


@needs_pdftotext
def test_every_page_has_the_disclaimer_in_plain_words_right_after_the_disclaimer(tmp_path):
    out = tmp_path / "handout.pdf"
    export(out, "--large-print")
    for number, text in enumerate(pages(out), start=1):
        assert ("or treatment. In plain words: This is general information. It is not advice from your doctor. "
                "Ask your care team about your own care.") in text, f"page {number}"


def test_the_dialog_ticks_plain_words_for_large_print_until_the_reader_chooses(qtbot, pack):
    from reader.ui.print.handout_dialog import HandoutDialog

    dialog = HandoutDialog(pack, "overview")
    qtbot.addWidget(dialog)
    assert not dialog.plain.isChecked() and not dialog.plan().includes_plain
    dialog.large.setChecked(True)
    assert dialog.plain.isChecked() and dialog.plan().includes_plain
    dialog.plain.click()  # the reader's own choice stays, whatever the size
    dialog.normal.setChecked(True)
    dialog.large.setChecked(True)
    assert not dialog.plain.isChecked() and not dialog.plan().includes_plain


@pytest.mark.parametrize("large", [False, True])
def test_a_plain_words_box_is_never_split_by_a_page_it_would_fit_on(qapp, pack, family, tmp_path, large):
    import datetime as dt

    from PySide6.QtGui import QPdfWriter

    from reader.content.handout_plan import HandoutPlan
    from reader.ui.print.handout import _PagePainter, setup_page

    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(300)
    setup_page(writer)
    painter = _PagePainter(writer, HandoutPlan(pack, pack.sections, large_print=large, plain=True), family,
                           dt.date(2026, 1, 1))
    doc, height = painter.document, painter.body_rect.height()
    boxes = [doc.documentLayout().frameBoundingRect(frame) for frame in doc.rootFrame().childFrames()
             if frame.firstCursorPosition().block().text().startswith("In plain words · ")]
    assert len(boxes) == len(pack.plain), "a box for each plain-language version"
    for box in boxes:  # a page without the box's label would pass for the reviewed text
        on_one_page = int(box.top() // height) == int((box.bottom() - 1) // height)
        assert on_one_page or box.top() % height < height * 0.2, "a box that must split starts a page, under " \
                                                                 f"its heading: {box}"


@needs_pdftotext
def test_each_page_is_headed_with_what_it_holds_and_the_review_date(tmp_path):
    # A nurse found pages of questions and meanings headed "Medically reviewed summary", and a page that
    # opens with "Clinical trials" headed with the questions page that starts further down.
    out = tmp_path / "handout.pdf"
    export(out, "--section", "clinical-trials", "--section", "questions", "--glossary")
    printed = pages(out)
    heads = [" ".join(text[:260].split()) for text in printed]
    assert "Clinical trials" in heads[0] and "Medically reviewed summary · Last updated 8 May 2026" in heads[0]
    assert "Questions to ask your care team" not in heads[0]
    # the pages of tick boxes after the first
    asking = [head for head, text in zip(heads[1:], printed[1:], strict=True) if "\u2610" in text]
    meanings = [head for head, text in zip(heads, printed, strict=True) if "T cell: A type of white blood cell" in text]
    aid = "Plain-language aid, not medically reviewed · Last updated 8 May 2026"
    assert asking and all("Questions to ask your care team" in head and aid in head for head in asking)
    assert meanings and all("Words used in this handout" in head and aid in head for head in meanings)


@needs_pdftotext
@pytest.mark.parametrize("size", [(), ("--large-print",)], ids=["normal", "large"])
def test_each_line_of_the_reviewed_text_is_printed_once(tmp_path, size):
    # The last line of a page and the first of the next were also written, hidden, on the other page:
    # a nurse's copy, a search of the PDF and a screen reader met them twice.
    out = tmp_path / "handout.pdf"
    export(out, *size)
    lines = [line.strip() for page in pdf_pages(out) for line in page.splitlines()]
    pack = load_pack(ROOT / "content")
    reviewed = " ".join(section.full_text for section in pack.sections if section.is_reviewed)
    # Lines long enough to be the text's own; the running header's title repeats on purpose.
    printed = [line for line in lines if len(line) > 30 and line in reviewed and line != pack.manifest.title]
    assert printed and [line for line in printed if printed.count(line) > 1] == []


@needs_pdftotext
def test_a_plain_words_box_taller_than_its_page_leaves_no_page_without_text(tmp_path):
    # Its label as a header row, which Qt repeats, made New treatments' box in large print with a clinic's
    # line a heading alone, an empty framed box, and two pages holding only the label.
    out = tmp_path / "large.pdf"
    export(out, "--large-print", "--glossary", "--clinic", "Riverside", "--phone", "(555) 123-4567")
    label = "In plain words · Plain-language version, not part of the medically reviewed summary, not yet " \
            "checked by a clinician"
    header = re.compile(r"Adult T-cell leukemia/lymphoma \(ATL\).*?8 May 2026")
    for number, text in enumerate(pages(out), start=1):
        body = header.sub("", text.rsplit("Medical disclaimer:", 1)[0], count=1).replace(label, "")  # less the footer
        assert len(body.split()) > 4, f"page {number} holds no text: {text[:200]}"
