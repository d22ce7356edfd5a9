"""Small dialogs: keyboard shortcuts, About, and a glossary definition."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6 import QtCore
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__, texts
from reader.content.model import GlossaryEntry, Pack
from reader.content.provenance import plain_disclaimer, review_line
from reader.style.type_sizes import TOUCH_PX
from reader.ui.resources_gate import GatedBrowser
from reader.ui.widgets.dialog_edge import edge
from reader.ui.widgets.focus_ring import FocusRing
from reader.ui.window_frame import TITLE_BAR_PX


def make_buttons_plain_and_finger_sized(buttons: QDialogButtonBox) -> None:
    """A dialog's buttons at a finger's size (a kiosk is a touch screen; Close was 35 px), without
    the style's icons (its black ✕ all but vanished in the dark and high-contrast themes)."""
    for button in buttons.buttons():
        button.setMinimumSize(max(TOUCH_PX, button.minimumWidth()), TOUCH_PX)
        button.setIcon(QIcon())


def dialog_room(owner: QWidget) -> QtCore.QRect:
    """Where a dialog of owner's may go (global): its window, or the screen's free area where that is bigger.

    Kept within a small window, a definition at 300 % showed one line and the handout dialog one check box,
    with the screen empty below them.
    """
    frame = owner.window().frameGeometry()
    screen = owner.screen()
    return frame.united(screen.availableGeometry()) if screen is not None else frame


def place_below(dialog: QWidget, keep_below: int) -> None:
    """Centred on its window, its title bar below keep_below (the disclaimer's bottom edge, global), and no
    taller than the room left there (where it can shrink), so the disclaimer stays in view: left to itself a
    window manager centred a tall dialog over it."""
    owner = dialog.parentWidget()
    if owner is None:
        return
    frame, area = owner.window().frameGeometry(), dialog_room(owner)
    if not dialog.testAttribute(QtCore.Qt.WidgetAttribute.WA_Resized):
        dialog.adjustSize()  # its layout's size, which it only takes as it is shown
    top = keep_below + 12 + TITLE_BAR_PX
    room = area.bottom() - 12 - top
    if dialog.height() > room:
        dialog.resize(dialog.width(), max(room, dialog.minimumSizeHint().height()))
    x = frame.left() + (frame.width() - dialog.width()) // 2
    x = max(area.left(), min(x, area.right() - dialog.width()))
    dialog.move(x, max(top, frame.top() + (frame.height() - dialog.height()) // 2))


def kiosk_dialog(dialog: QDialog) -> None:
    """No title bar: its minimise button hid the whole kiosk behind a black screen. Its edge is every
    dialog's (dialog_edge.edge), which the dialog gives itself. Its text, as the kiosk's page, is dragged
    by a finger (a drag selected words, and a definition's last sentence was out of reach) and offers no
    Copy or Select all menu. Called once the dialog's widgets are built."""
    dialog.setWindowFlags(dialog.windowFlags() | QtCore.Qt.WindowType.FramelessWindowHint)
    for view in dialog.findChildren(QAbstractScrollArea):
        QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.NoContextMenu)


class InfoDialog(QDialog):
    """A readable, scrollable page of rich text with a Close button, sized to its text."""

    def __init__(self, title: str, body_html: str, parent: QWidget | None = None, *,
                 columns: int = 60, lines: int = 16, frameless: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        edge(self)
        layout = QVBoxLayout(self)
        # Its pages are built from escaped text and load nothing; the gate makes sure of it.
        self.browser = GatedBrowser(None, self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(title)
        self.browser.setHtml(body_html)
        # A caret, so the arrow keys read it line by line, and the whole text read as it opens.
        qt = QtCore.Qt
        self.browser.setTextInteractionFlags(
            qt.TextInteractionFlag.TextBrowserInteraction | qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setAccessibleDescription(self.browser.toPlainText())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        #: "Read aloud", added by read_with: hidden until then.
        self.read_button = buttons.addButton(self.tr("Read aloud"), QDialogButtonBox.ButtonRole.ActionRole)
        self.read_button.setAccessibleName(self.tr("Read this aloud"))
        self.read_button.hide()
        make_buttons_plain_and_finger_sized(buttons)
        layout.addWidget(buttons)
        self._fit_to_text(columns, lines)
        # The window's focus ring stays in the window: the dialog draws its own, in the theme's focus colour.
        self.focus_ring = FocusRing(self, self.palette().color(QPalette.ColorRole.Accent).name())
        if frameless:
            kiosk_dialog(self)
        self.browser.setFocus()

    def read_with(self, read: Callable[[str], None], done: Callable[[], None]) -> None:
        """A Read aloud button that gives its text to read; done is called as the dialog closes."""
        self.read_button.show()
        self.read_button.clicked.connect(lambda: read(self.browser.toPlainText()))
        self.finished.connect(done)

    def read_at(self, px: int, columns: int = 38) -> None:
        """The text at the reading size px, the dialog just big enough for it (within its window).

        A definition was at the dialogs' size (about 175 % when the text was at 300 %),
        in a box half empty.
        """
        font = QFont(self.browser.font())
        font.setPixelSize(px)
        self.browser.setFont(font)
        self.browser.document().setDefaultFont(font)
        width = QFontMetrics(font).averageCharWidth() * columns
        owner = self.parentWidget()
        area = dialog_room(owner).size() if owner is not None else self.size()
        width = min(width, area.width() * 9 // 10 - 60)
        self.resize(width + 60, area.height() * 9 // 10)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the browser's viewport takes its size from the dialog's now
        document = self.browser.document()
        document.setTextWidth(self.browser.viewport().width())
        spare = self.browser.viewport().height() - round(document.size().height())
        self.resize(self.width(), max(self.height() - spare + 8, 160))

    def place_near(self, term: QRect, keep_below: int) -> None:
        """Beside the term (global coordinates), below it where there is room, else above;
        never higher than keep_below (the disclaimer's bottom edge), so it never covers it."""
        owner = self.parentWidget()
        frame = dialog_room(owner) if owner is not None else term
        # The side of the term with more room; the dialog is made to fit it (its text scrolls
        # if it must), since a window manager moves a window that does not fit, over the disclaimer.
        room_below = frame.bottom() - term.bottom() - 12 - TITLE_BAR_PX
        room_above = term.top() - 12 - keep_below - TITLE_BAR_PX
        x = max(frame.left(), min(term.left(), frame.right() - self.width()))
        # About four lines of the definition (with its title and Close): with less room beside the term, over it.
        chrome = self.sizeHint().height() - self.browser.sizeHint().height()  # margins, title and Close
        lines = self.browser.fontMetrics().lineSpacing() * 5  # less the page's margins: about four show
        readable = min(self.height(), chrome + lines)
        if max(room_below, room_above) < readable:  # large text, small window: below the disclaimer, over the term
            top = keep_below + TITLE_BAR_PX + 12
            self.resize(self.width(), min(self.height(), frame.bottom() - 12 - top))
            self.move(x, top)
            return
        height = min(self.height(), max(room_below, room_above))
        self.resize(self.width(), height)
        y = term.bottom() + 12 + TITLE_BAR_PX if room_below >= room_above else term.top() - 12 - height
        self.move(x, max(y, keep_below + TITLE_BAR_PX))

    def _fit_to_text(self, columns: int, lines: int) -> None:
        """Room for about columns × lines at the dialog's font, within the window it belongs to.

        The font grows with the reader's text size (see AppearanceMixin._size_popups),
        so a fixed size would show three lines of a definition at 300 %.
        """
        self.ensurePolished()  # the dialog's own font, from the application, is settled here
        metrics = self.fontMetrics()
        width = metrics.averageCharWidth() * columns + 80
        height = metrics.lineSpacing() * lines + 120
        owner = self.parentWidget()
        if owner is not None:
            area = dialog_room(owner).size()
            width, height = min(width, area.width() * 9 // 10), min(height, area.height() * 9 // 10)
        self.resize(max(width, 320), max(height, 200))


def shortcuts_html(commands: Sequence[tuple[str, str]], title: str) -> str:
    """The keys of the commands in this mode (Commands.shortcut_rows: a kiosk leaves out what it turns off)."""
    # A line each, not a table: read line by line with the arrows, a table row gave only its first cell.
    rows = [f"<p>{html.escape(name)}: <b>{html.escape(keys)}</b></p>" for name, keys in commands]
    return f"<h2>{html.escape(title)}</h2>{''.join(rows)}"


def about_html(pack: Pack, heading: str, offline_note: str) -> str:
    return (
        f"<h2>{html.escape(heading)}</h2>"
        f"<p>{html.escape(APP_NAME)} {html.escape(__version__)}</p>"
        f"<p><b>{html.escape(pack.manifest.title)}</b><br/>{html.escape(review_line(pack.manifest))}</p>"
        f"<p>{html.escape(pack.manifest.disclaimer)}</p>"
        + (f"<p>{html.escape(plain)}</p>" if (plain := plain_disclaimer(pack.manifest)) else "")
        + f"<p>{html.escape(offline_note)}</p>"
        "<p>Atkinson Hyperlegible font: SIL Open Font License 1.1.</p>"
    )


def term_html(entry: GlossaryEntry) -> str:
    """A glossary definition, labelled as an aid rather than reviewed text before it is read.

    The label came after the definition: at 300 % in a small box it was below the fold.
    """
    return (f"<h2>{html.escape(entry.term)}</h2><p><i>{html.escape(texts.AID_LINE)}.</i></p>"
            f"<p>{html.escape(entry.definition)}</p>")


def show_definition(parent: QWidget, entry: GlossaryEntry, *, text_px: int | None = None,
                    near: QRect | None = None, keep_below: int = 0, frameless: bool = False,
                    read: tuple[Callable[[str], None], Callable[[], None]] | None = None) -> None:
    """A definition, at the reading size text_px and beside near (the term), when given.

    read: what reads a text aloud, and what to do as the dialog closes, for its own Read aloud button.
    """
    dialog = InfoDialog(entry.term, term_html(entry), parent, columns=50, lines=8, frameless=frameless)
    if read is not None:
        dialog.read_with(*read)
    if text_px is not None:
        dialog.read_at(text_px)
    if near is not None:
        dialog.place_near(near, keep_below)
    dialog.exec()


def show_shortcuts(parent: QWidget, commands: Sequence[tuple[str, str]], *, keep_below: int = 0,
                   frameless: bool = False) -> None:
    title = QApplication.translate("Dialogs", "Keyboard shortcuts")
    # Tall enough for every line and the heading (it needed scrolling even on a large screen).
    dialog = InfoDialog(title, shortcuts_html(commands, title), parent, lines=round(len(commands) * 1.6) + 4,
                        frameless=frameless)
    place_below(dialog, keep_below)
    dialog.exec()


def show_about(parent: QWidget, pack: Pack, *, keep_below: int = 0) -> None:
    title = QApplication.translate("Dialogs", "About ATL Reader")
    note = QApplication.translate("Dialogs", "This reader works without the internet and never opens websites.")
    dialog = InfoDialog(title, about_html(pack, title, note), parent)
    place_below(dialog, keep_below)
    dialog.exec()
