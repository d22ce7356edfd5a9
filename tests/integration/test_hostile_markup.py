"""A hostile pack's words reach the window as words: no markup in labels or tooltips, no file from outside the pack."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPixmap, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit, QTreeWidgetItem, QWidget

from reader.navigation import Location
from window_driver import shown_text, type_search

#: What a hostile editor writes to make a warning look official, and a link to a local file.
RED = "<b style='color:red;font-size:60px'>NOT REVIEWED</b>"
LINK = "<a href='file:///etc/passwd'>open me</a>"
#: A glossary term may be at most 100 characters, and a heading 200: markup that fits.
TERM = f"{RED} word"
HEADING = f"Heading <img src='canary.png'>{RED}{LINK}"
SUBHEADING = f"Part <img src='canary.png'>{RED}{LINK}"
#: The canary's size: no text line is this tall, so a laid-out canary shows in a block's height.
CANARY = (300, 240)
IMAGE_RESOURCE = int(QTextDocument.ResourceType.ImageResource.value)


@dataclass(frozen=True)
class Hostile:
    root: Path
    canary: Path

    @property
    def image(self) -> str:
        return f"<img src='file://{self.canary}'>"

    def text(self, label: str) -> str:
        """label followed by an outside image, a red warning and a link to a local file."""
        return f"{label} {self.image}{RED}{LINK}"


def _png(path: Path, size: tuple[int, int], colour: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")


def _toml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid TOML basic string


@pytest.fixture
def hostile(tmp_path: Path, qapp) -> Hostile:
    """A pack whose every field and heading carries markup, with a real PNG just outside it."""
    root, canary = tmp_path / "pack", tmp_path / "outside" / "canary.png"
    _png(canary, CANARY, "red")
    _png(root / "images" / "ok.png", (30, 20), "green")
    _png(root / "sections" / "images" / "ok.png", (30, 20), "green")  # the figure home.md shows
    spot = Hostile(root, canary)
    h = spot.text
    about = "".join(f"{key} = {_toml(h(key))}\n" for key in
                    ("publisher", "author", "reviewed_by", "audience", "not_covered", "report_problem"))
    (root / "manifest.toml").write_text(
        f"title = {_toml(h('Title'))}\nkind = {_toml(h('Kind'))}\nlast_updated = 2026-05-08\nlanguage = \"en\"\n"
        f"disclaimer = {_toml(h('Disclaimer'))}\nsource = \"seed.txt\"\n{about}\n"
        '[[sections]]\nid = "home"\nfile = "sections/home.md"\n\n'
        '[[sections]]\nid = "about"\nfile = "sections/about.md"\nkind = "about"\n\n'
        # Missing, so its name comes back in a problem shown in the notice line.
        f'[[sections]]\nid = "gone"\nfile = {_toml(f"sections/{RED}.md")}\n', encoding="utf-8")
    (root / "sections" / "home.md").write_text(
        f"# {HEADING}\n\nText about lymph nodes, treatment and a transplant.\n\n![A figure](images/ok.png)\n\n"
        f"## {SUBHEADING}\n\nMore about treatment.\n", encoding="utf-8")
    (root / "sections" / "about.md").write_text(
        "# About this summary\n\n**{{ review_line }}**\n\n- {{ title }}\n- {{ publisher }}\n- {{ author }}\n"
        "- {{ reviewed_by }}\n- {{ audience }}\n- {{ not_covered }}\n- {{ report_problem }}\n\n{{ disclaimer }}\n",
        encoding="utf-8")
    (root / "glossary.toml").write_text(
        f'[[term]]\nterm = "lymph nodes"\ndefinition = {_toml(h("Definition"))}\nsource = {_toml(h("Source"))}\n'
        'source_url = "https://example.org/x"\n\n'
        f'[[term]]\nterm = {_toml(TERM)}\ndefinition = "A word written with markup."\n', encoding="utf-8")
    return spot


@pytest.fixture
def hostile_window(hostile: Hostile, make_window):
    from reader.content import load_pack

    return make_window(the_pack=load_pack(hostile.root, use_cache=False))


# -- what a widget puts on screen ------------------------------------------------------


def _label_shows(label: QLabel) -> str:
    """The text a label draws: Qt reads it as markup or not by its text format."""
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText:
        return label.text()
    if fmt == Qt.TextFormat.RichText:
        document = QTextDocument()
        document.setHtml(label.text())
        return document.toPlainText()
    return shown_text(label.text())


def _tree_items(widget: QWidget) -> Iterator[QTreeWidgetItem]:
    from PySide6.QtWidgets import QTreeWidget

    if isinstance(widget, QTreeWidget):
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))


def _shown_texts(top: QWidget) -> list[tuple[str, str, str]]:
    """(where, as written, as shown) for every label and tooltip in top's window."""
    found = []
    for widget in QApplication.allWidgets():
        if widget.window() is not top and widget is not top:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel):
            found.append((name, widget.text(), _label_shows(widget)))
        if widget.toolTip():
            found.append((f"tooltip of {name}", widget.toolTip(), shown_text(widget.toolTip())))
        for item in _tree_items(widget):
            found.append((f"contents entry {item.text(0)[:20]!r}", item.text(0), item.text(0)))
            if item.toolTip(0):
                found.append((f"tooltip of contents entry {item.text(0)[:20]!r}", item.toolTip(0),
                              shown_text(item.toolTip(0))))
    return found


def _assert_markup_shown_as_text(top: QWidget, hostile: Hostile) -> int:
    """Every label and tooltip carrying pack text shows its markup as characters; returns how many did."""
    carrying = 0
    for where, written, shown in _shown_texts(top):
        if "NOT REVIEWED" not in written and "NOT REVIEWED" not in shown:
            continue
        carrying += 1
        assert RED in shown, f"{where} shows {shown!r}"
        assert LINK in shown or LINK not in written, f"{where} shows {shown!r}"
        assert "<img" in shown or "<img" not in written, f"{where} shows {shown!r}"
    return carrying


# -- what a document loaded ------------------------------------------------------------


def _is_picture(value: object) -> bool:
    if isinstance(value, (QPixmap, QImage)):
        return not value.isNull()
    if isinstance(value, (bytes, bytearray)):
        return bool(value)
    return hasattr(value, "size") and bool(value.size())  # type: ignore[union-attr]  # a QByteArray


def _outside_urls(hostile: Hostile) -> list[QUrl]:
    """Ways a document can name the canary: file URL, absolute path, and a path relative to the folder run in."""
    return [QUrl.fromLocalFile(str(hostile.canary)), QUrl(str(hostile.canary)), QUrl(hostile.canary.name),
            QUrl(f"pack:../outside/{hostile.canary.name}")]


def _assert_nothing_from_outside(document: QTextDocument, hostile: Hostile, where: str) -> None:
    for url in _outside_urls(hostile):
        assert not _is_picture(document.resource(IMAGE_RESOURCE, url)), f"{where} loads {url.toString()}"
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                name = QTextImageFormat(fmt).name()
                assert name.startswith(("pack:", "qr:")), f"{where} has an image from {name!r}"
            texture = fmt.background().textureImage()
            assert texture.size().toTuple() != CANARY, f"{where} has the canary as a background"
            it += 1
        block = block.next()


def _documents(top: QWidget) -> list[tuple[str, QTextDocument]]:
    found = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QTextEdit) and (widget.window() is top or widget is top):
            found.append((f"{type(widget).__name__} {widget.objectName()!r}", widget.document()))
    return found


# -- the window ---------------------------------------------------------------------------


def test_the_header_shows_a_hostile_title_and_kind_as_written(hostile_window, hostile):
    header = hostile_window.header
    assert _label_shows(header.title) == hostile.text("Title")
    assert _label_shows(header.review).startswith(hostile.text("Kind"))
    assert _label_shows(hostile_window.banner.label) == hostile.text("Disclaimer")


def test_contents_tooltips_show_headings_as_written(hostile_window, hostile):
    tips = [shown_text(item.toolTip(0)) for item in _tree_items(hostile_window.navigator) if item.toolTip(0)]
    assert HEADING in tips
    for item in _tree_items(hostile_window.navigator):
        if item.toolTip(0):
            assert shown_text(item.toolTip(0)) == item.text(0)


def test_no_widget_interprets_pack_markup_and_no_document_loads_from_outside(hostile_window, hostile, qtbot):
    window = hostile_window
    carrying = 0
    for section in window.pack.sections:
        window.navigation.open_location(Location(section.id))
        window.grab()  # laid out and painted, as a reader sees it
        carrying += _assert_markup_shown_as_text(window, hostile)
        if section.id == "home":  # the pack's own figure still shows
            figure = window.reading.document().resource(IMAGE_RESOURCE, QUrl("pack:sections/images/ok.png"))
            assert isinstance(figure, (QImage, QPixmap)) and figure.size().toTuple() == (30, 20)
        for where, document in _documents(window):
            _assert_nothing_from_outside(document, hostile, f"{where} on {section.id}")
    assert "NOT REVIEWED" in window.reading.toPlainText()  # the About page: its fields shown as written
    type_search(window, qtbot, "NOT REVIEWED")
    carrying += _assert_markup_shown_as_text(window, hostile)
    delegate = window.search_panel.results.itemDelegate()
    shown_rows = [delegate._document(window.search_panel.results.item(i).data(Qt.ItemDataRole.UserRole + 10),
                                      window.search_panel.results.font(), 400)[0]
                  for i in range(window.search_panel.results.count())]
    assert any(RED in doc.toPlainText() for doc in shown_rows), "the hits show the markup as characters"
    for number, document in enumerate(shown_rows):
        _assert_nothing_from_outside(document, hostile, f"result row {number}")
    assert carrying >= 5  # title, review line, disclaimer, contents entries, the notice
    assert window.notice.isVisible() and RED in _label_shows(window.notice.label)


def test_dialogs_show_pack_words_as_written(hostile_window, hostile, monkeypatch):
    from reader.ui.widgets import dialogs

    opened: list[dialogs.InfoDialog] = []
    monkeypatch.setattr(dialogs.InfoDialog, "exec", lambda self: opened.append(self) or 0)
    hostile_window.dialogs.show_about()
    for index in range(len(hostile_window.pack.glossary)):
        hostile_window.dialogs.show_term(index)
    assert len(opened) == 3
    text = " ".join(dialog.browser.toPlainText() for dialog in opened)
    assert hostile.text("Title") in text and hostile.text("Definition") in text and TERM in text
    for dialog in opened:
        _assert_nothing_from_outside(dialog.browser.document(), hostile, f"dialog {dialog.windowTitle()[:20]!r}")


def test_the_kiosk_attract_screen_shows_the_title_as_written(hostile_window, hostile):
    from reader.kiosk.welcome import start_sizes, topics
    from reader.ui.kiosk.welcome_screen import AttractScreen

    pack = hostile_window.pack
    screen = AttractScreen(hostile_window, hostile_window.banner, hostile_window.family, hostile.text("Title"),
                           sizes=start_sizes(150), topics=topics(pack))
    shown = [_label_shows(label) for label in screen.findChildren(QLabel)]
    assert hostile.text("Title") in shown
    # A button takes "&" for a shortcut key: each tile still shows its section's title as written.
    assert [tile.text().replace("&&", "&") for tile in screen.topic_tiles] == [s.title for s in pack.sections]


def _red_pixels(image: QImage) -> int:
    """Pixels of the red a hostile title would paint (the canary and the "NOT REVIEWED" warning are both red)."""
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            count += colour.red() > 200 and colour.green() < 80 and colour.blue() < 80
    return count


def test_the_header_draws_no_red_warning_or_outside_picture(hostile_window, tmp_path):
    """What a patient sees: the title and kind drawn as characters in the header's own colours.

    ATL_HOSTILE_SHOT=path keeps a screenshot of the whole window.
    """
    shot = hostile_window.grab()
    assert shot.save(os.environ.get("ATL_HOSTILE_SHOT", str(tmp_path / "hostile-window.png")))
    header = hostile_window.header.grab().toImage()
    assert _red_pixels(header) == 0


# -- every document the reader makes, given markup the renderer would never let through -----------


def _injected(hostile: Hostile) -> str:
    """What a hole in the renderer would let through: outside images, a background, a style sheet."""
    css = hostile.canary.parent / "evil.css"
    css.write_text("p { color: #ff0000; font-size: 60px }", encoding="utf-8")
    return (f"<html><head><link rel='stylesheet' type='text/css' href='{css}'>"
            f"<link rel='stylesheet' type='text/css' href='file://{css}'></head><body>"
            f"<p>one<img src='file://{hostile.canary}'></p><p>two<img src='{hostile.canary}'></p>"
            f"<p>three<img src='{hostile.canary.name}'></p><p>four<img src='pack:../outside/{hostile.canary.name}'></p>"
            f"<p>five<img src='pack:images/linked.png'></p>"
            f"<p style='background-image:url(file://{hostile.canary})'>behind</p>"
            f"<table background='{hostile.canary}'><tr><td>cell</td></tr></table>"
            f"<p>ours<img src='pack:images/ok.png'></p></body></html>")


def _assert_only_the_pack_image(document: QTextDocument, hostile: Hostile, where: str, *, serves_pack: bool) -> None:
    """Nothing from outside the pack, as a picture, a background or a style sheet.

    The pack's own picture if it serves one.
    """
    for url in _outside_urls(hostile) + [QUrl("pack:images/linked.png")]:
        assert not _is_picture(document.resource(IMAGE_RESOURCE, url)), f"{where} loads {url.toString()}"
    ours = document.resource(IMAGE_RESOURCE, QUrl("pack:images/ok.png"))
    if serves_pack:
        assert isinstance(ours, (QImage, QPixmap)) and ours.size().toTuple() == (30, 20), f"{where}: the pack's image"
    else:  # dialogs and search results show no pictures at all
        assert not _is_picture(ours), f"{where} shows a picture"
    layout = document.documentLayout()
    line = layout.blockBoundingRect(document.find("behind").block()).height()  # a line of text, no picture
    block = document.begin()
    while block.isValid():
        if block.text().startswith(("one", "two", "three", "four", "five")):  # each has a picture from outside
            assert layout.blockBoundingRect(block).height() <= line, f"{where}: {block.text()!r} taller than text"
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert fmt.background().textureImage().size().toTuple() != CANARY, f"{where}: canary background"
            assert fmt.foreground().color() != QColor("#ff0000"), f"{where}: the outside style sheet applied"
            it += 1
        block = block.next()


@pytest.fixture
def injected(hostile: Hostile, monkeypatch) -> str:
    (hostile.root / "images" / "linked.png").symlink_to(hostile.canary)
    monkeypatch.chdir(hostile.canary.parent)  # so a relative name would find the canary
    return _injected(hostile)


def test_the_reading_pane_loads_only_pack_images(hostile_window, hostile, injected):
    hostile_window.reading.show_page(injected)
    hostile_window.reading.grab()  # painted, as a reader would see it
    _assert_only_the_pack_image(hostile_window.reading.document(), hostile, "reading pane", serves_pack=True)


def test_dialogs_load_nothing(hostile_window, hostile, injected):
    from reader.ui.widgets.dialogs import InfoDialog

    dialog = InfoDialog("Hostile", injected, hostile_window)
    dialog.grab()
    _assert_only_the_pack_image(dialog.browser.document(), hostile, "dialog", serves_pack=False)


def test_result_rows_load_nothing(hostile, injected, qapp):
    from reader.ui.widgets.result_delegate import HtmlItemDelegate

    document = HtmlItemDelegate()._document(injected, QFont(), 600)[0]
    _assert_only_the_pack_image(document, hostile, "result row", serves_pack=False)


def test_handouts_load_only_pack_images(hostile, injected, family, monkeypatch, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from reader.content import load_pack
    from reader.content.handout_plan import HandoutPlan
    from reader.ui.print import handout

    monkeypatch.setattr(handout, "compose_page", lambda pack, section, **_options: injected)
    pack = load_pack(hostile.root, use_cache=False)
    writer = QPdfWriter(str(tmp_path / "handout.pdf"))
    handout.setup_page(writer)
    painter = handout._PagePainter(writer, HandoutPlan.for_ids(pack, ["home"]), family, dt.date(2026, 5, 8))
    painter.paint()
    _assert_only_the_pack_image(painter.document, hostile, "handout", serves_pack=True)


def test_an_image_over_the_size_cap_is_not_shown(hostile_window, hostile):
    from reader.content.files import MAX_IMAGE_BYTES

    big = hostile.root / "images" / "big.png"
    big.write_bytes((hostile.root / "images" / "ok.png").read_bytes())
    with open(big, "r+b") as sparse:
        sparse.truncate(MAX_IMAGE_BYTES + 1)  # a real picture, padded past the cap
    hostile_window.reading.show_page("<p>big<img src='pack:images/big.png'></p>")
    assert not _is_picture(hostile_window.reading.document().resource(IMAGE_RESOURCE, QUrl("pack:images/big.png")))


# -- the whole program, watched ---------------------------------------------------------------


def test_the_window_opens_no_file_outside_the_pack(hostile, tmp_path):
    """The real program on the hostile pack, watched by strace: the canary's folder is never opened."""
    from hostile_run import commands, run, tools_present

    if not tools_present():
        pytest.skip("needs strace and GNU time")
    work = tmp_path / "work"
    work.mkdir()
    window = run("window", commands(hostile.root, work)["window"], work, limit=120)
    outside = os.path.realpath(hostile.canary.parent)
    opened = sorted(path for path in window.opened if os.path.realpath(path).startswith(outside + os.sep))
    assert opened == []
    assert window.code == 0, window.stderr[-2000:]


def _hover(widget: QWidget, pos) -> str:
    """What the tooltip says after resting the pointer at pos in widget ("" when none shows)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_title_in_the_page_shows_as_text_when_hovered(hostile_window, hostile):
    """A title attribute (a picture's Markdown title, say) becomes a tooltip, which Qt would read as markup."""
    reading = hostile_window.reading
    reading.show_page(f"<p title=\"{html.escape(hostile.text('Hover'))}\">rest the pointer here</p>")
    found = reading.document().find("pointer")
    point = reading.cursorRect(found).center()
    tip = _hover(reading.viewport(), point)
    assert shown_text(tip) == hostile.text("Hover")
    assert _hover(reading, reading.viewport().mapTo(reading, point)) in ("", tip)
