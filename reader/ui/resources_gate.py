"""The one way the reader's text documents get a resource: pictures from inside the pack, nothing else.

(And a page's tooltips, which Qt would show as markup in a label of its own, shown as text.)

Qt loads a resource by itself when a document's loader has no answer: after a
declined (None) answer QTextDocument::loadResource opens file:, absolute and
relative paths, for <img>, CSS background-image and <link> style sheets alike;
and when the answer for an <img> is not a picture (empty bytes, say) the text's
image handler opens the named file with QImage::load. Measured on Qt 6.11.3
under strace, both for a QTextBrowser and for a bare QTextDocument. A null
QImage for a picture and empty bytes for anything else are answers Qt takes as
final: it opens nothing, and lays the picture out at no size. So every
document the reader makes is one of the two classes below, and both answer
through pack_resource.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QToolTip

from reader.content.escaping import label_text
from reader.content.files import MAX_IMAGE_BYTES, Refused, read_pack_file
from reader.content.images import image_format, image_problem
from reader.content.links import PACK_SCHEME
from reader.ui.qt_constants import IMAGE_RESOURCE

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QPoint, QUrl
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QWidget



def pack_resource(pack_root: Path | None, kind: int, url: QUrl | str) -> QImage | bytes:
    """What a document gets for url: a pack: picture read from inside the pack, else a final nothing.

    pack_root None (dialogs, search results) serves no pictures at all. A file
    that is missing, outside the pack, not a regular file, over MAX_IMAGE_BYTES,
    not a PNG, JPEG or GIF, or over images.MAX_PIXELS is a null image: the page shows no picture there (`check`
    tells the editor why).
    """
    if int(kind) != IMAGE_RESOURCE:
        return b""  # style sheets, pages: the reader's own CSS is set in code, never loaded
    if pack_root is None or isinstance(url, str) or url.scheme() != PACK_SCHEME:  # Qt itself always passes a QUrl
        return QImage()
    try:
        data = read_pack_file(pack_root, url.path(), limit=MAX_IMAGE_BYTES)
    except (Refused, OSError):
        return QImage()
    named = image_format(data)
    if named is None or image_problem(data) is not None:  # an SVG (which loads files itself), or too many pixels
        return QImage()
    # The format is named, so Qt never sniffs the bytes and picks another decoder.
    # (PySide's stub says bytes for it, but only str is accepted: checked on 6.11.)
    return QImage.fromData(data, named.upper())  # type: ignore[arg-type]


class GatedBrowser(QTextBrowser):
    """A QTextBrowser whose document loads only through pack_resource (its own file loading is off).

    Its tooltips are shown as text too: Qt shows a page's title attribute (a
    picture's Markdown title, say) in a tooltip label that reads it as markup
    and loads its images itself, outside this gate.
    """

    def __init__(self, pack_root: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pack_root = pack_root.resolve() if pack_root is not None else None

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt API)
        # Qt's QTextDocument::loadResource keeps every answer it is given (null ones
        # too), so a picture is read once, not at each layout and paint.
        return pack_resource(self._pack_root, kind, url)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:  # the frame's edge: the text control would show it too
            help_event = cast("QHelpEvent", event)  # what PySide passes for a ToolTip
            return self._show_tooltip(help_event, self.viewport().mapFrom(self, help_event.pos()))
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip:
            help_event = cast("QHelpEvent", event)
            return self._show_tooltip(help_event, help_event.pos())
        return super().viewportEvent(event)

    def _show_tooltip(self, event: QHelpEvent, at: QPoint) -> bool:
        """The tooltip of the text at `at` (viewport coordinates), as text; what the text control would show."""
        tip = self.cursorForPosition(at).charFormat().toolTip()
        if tip:
            QToolTip.showText(event.globalPos(), label_text(tip), self.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True


class GatedDocument(QTextDocument):
    """A QTextDocument that loads only through pack_resource (for documents drawn by hand)."""

    def __init__(self, pack_root: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack_root = pack_root.resolve() if pack_root is not None else None

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 (Qt API)
        answer = pack_resource(self._pack_root, kind, url)
        # Overriding skips the base class's keeping of answers: keep it here, or
        # every layout and paint would read the picture again.
        self.addResource(kind, url, answer)
        return answer
