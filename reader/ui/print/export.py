"""Writing a handout PDF without a window: for `export-pdf` and the File menu."""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import APP_NAME, __version__
from reader.content.handout_plan import HandoutPlan
from reader.content.model import Pack
from reader.whole_file import refuse_special, write_whole


def _ensure_gui_app() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        # Painting a PDF needs fonts, not a screen: never ask for a display.
        app = QGuiApplication([sys.argv[0] if sys.argv else "atl-reader", "-platform", "offscreen"])
        app.setApplicationName(APP_NAME)
        globals()["_app"] = app  # keep it alive for the rest of the process


def export_pdf(pack: Pack, out: Path, section_ids: Sequence[str] = (), *, large_print: bool = False,
               clinic: str = "", phone: str = "", glossary: bool = False, plain: bool | None = None) -> int:
    """Write the handout to out atomically; return its page count. Raises OSError."""
    plan = HandoutPlan.for_ids(pack, section_ids, large_print=large_print, clinic=clinic, phone=phone,
                               glossary=glossary, plain=plain)
    return export_plan(plan, out)


def export_plan(plan: HandoutPlan, out: Path) -> int:
    """Write the handout plan describes to out (the dialog and the CLI both end here); return its page count.

    The PDF is made in memory, checked to be whole, then written beside out and renamed
    over it: out is either the whole new handout or left as it was. Raises OSError naming
    out with a plain reason ("no space left on the disk").
    """
    out = Path(out)
    refuse_special(out)  # before the work of painting: a link, folder, device or pipe is never written
    if not out.parent.is_dir():
        raise OSError(errno.ENOENT, "folder does not exist", str(out.parent.absolute()))
    data, pages = _paint_pdf(plan, out)
    write_whole(out, data)
    return pages


def _paint_pdf(plan: HandoutPlan, out: Path) -> tuple[bytes, int]:
    _ensure_gui_app()
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from reader.ui.print.handout import paint_handout, setup_page
    from reader.ui.style.fonts import register_fonts

    # In memory, not straight to the file: QPdfWriter reports no write errors, so a full
    # disk left a cut-off PDF with "wrote … (5 pages)". Python's own writes report them.
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(errno.ENOMEM, "the PDF could not be made (out of memory)", str(out))
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(plan.pack.manifest.title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    setup_page(writer)
    pages = paint_handout(writer, plan, register_fonts())  # raises OSError if the painter cannot begin
    del writer  # its painter has ended: the trailer is written
    data = bytes(buffer.data().data())  # bytes already (so no copy); the stubs allow any buffer
    buffer.close()
    if not is_whole_pdf(data):
        raise OSError(errno.EIO, "the PDF could not be finished", str(out))
    return data, pages


_TRAILER_RE = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*\Z")


def is_whole_pdf(data: bytes) -> bool:
    """Whether data is a finished PDF: a header, and a trailer whose cross-reference table is where it says."""
    found = _TRAILER_RE.search(data[-1024:])
    if not data.startswith(b"%PDF-") or found is None:
        return False
    offset = int(found[1])
    return data[offset:offset + 4] == b"xref"
